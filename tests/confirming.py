"""Taking an irreversible step as a browser without JavaScript does: the first post is answered
with the confirmation page (icor.core.confirmation), whose form is then submitted as it stands."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from django.test import Client
from django.utils.html import escape


class ConfirmationForm(HTMLParser):
    """The action and the fields of the confirmation page's form."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: list[tuple[str, str]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form" and found.get("class") == "confirm-actions":
            self.action, self._inside = found["action"], True
        elif tag == "input" and self._inside:
            self.fields.append((found["name"], found.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False


def step_without_javascript(
    client: Client, path: str, data: dict[str, str], *, says: str, done: Callable[[], bool]
) -> str:
    """Post as a form without the dialog: the step waits for the confirmation page, which names what
    cannot be undone (`says`); submitting that page takes it. Returns the page's text."""
    asked = client.post(path, data)
    page = asked.content.decode()
    assert asked.status_code == 200, f"{path} answered {asked.status_code}, not the confirmation page"
    assert "This cannot be undone" in page and escape(says) in page
    assert not done(), f"{path} took its step before it was confirmed"
    form = ConfirmationForm()
    form.feed(page)
    assert form.action == path and ("confirmed", "1") in form.fields
    for name, value in data.items():
        assert (name, value) in form.fields, f"the confirmation page dropped the field {name}"
    fields: dict[str, list[str]] = {}
    for name, value in form.fields:
        fields.setdefault(name, []).append(value)
    client.post(form.action, fields)
    assert done(), f"{path} did not take its step once confirmed"
    return page
