/*
 * Confirmation of an irreversible step. A form marked
 *
 *   <form data-confirm="What cannot be undone" data-confirm-label="Close the ballot">
 *
 * is submitted only after the person confirms in the page's <dialog id="confirm-dialog">,
 * whose text names what cannot be undone. Cancel (or Escape) leaves everything as it was.
 */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) {
      return;
    }
    if (form.dataset.confirmed === "1") {
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
        form.dataset.confirmed = "1";
        form.submit();
      }
    };
    dialog.showModal();
  });
})();
