/*
 * Confirmation of an irreversible step. A form marked
 *
 *   <form data-confirm="What cannot be undone" data-confirm-label="Close the ballot">
 *
 * opens the page's <dialog id="confirm-dialog">, whose text names what cannot be undone. Confirming
 * only fills the form's field confirmed=1 and submits it; Cancel (or Escape) leaves everything as
 * it was. The server decides: a form that arrives without the field (no JavaScript, no dialog)
 * is answered with a confirmation page (icor.core.confirmation).
 */
(function () {
  "use strict";

  function confirmedField(form) {
    var field = form.querySelector('input[name="confirmed"]');
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "confirmed";
      form.appendChild(field);
    }
    return field;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) {
      return;
    }
    var dialog = document.getElementById("confirm-dialog");
    if (!dialog || typeof dialog.showModal !== "function") {
      return;
    }
    event.preventDefault();
    dialog.querySelector("[data-confirm-message]").textContent = form.getAttribute("data-confirm");
    var ok = dialog.querySelector("[data-confirm-ok]");
    ok.textContent = form.getAttribute("data-confirm-label") || ok.getAttribute("data-default-label");
    dialog.returnValue = "";
    dialog.onclose = function () {
      dialog.onclose = null;
      if (dialog.returnValue === "confirm") {
        confirmedField(form).value = "1";
        // submit() fires no submit event: the dialog is not asked again.
        form.submit();
      }
    };
    dialog.showModal();
  });
})();
