"""The public application form (open door, S12)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from icor.registry.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_application_is_sent_and_confirmed(
    page: Page, registry: None, screenshot: Callable[..., None]
) -> None:
    """S12: any organization affirming the basis may apply; the committee receives it."""
    page.goto("/registry/apply/")
    page.get_by_label("Name of the organization (original language)").fill("Parti Communiste Révolutionnaire")
    page.get_by_label("Abbreviation").fill("PCR")
    page.get_by_label("Country").select_option("BJ")
    page.get_by_label("Contact").fill("secretariat via the Benin delegation")
    page.get_by_label("Statement").fill("We want to join the joint struggle.")
    page.get_by_label("We affirm the ideological-political basis").check()
    screenshot(page, "apply.png", full_page=True)
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("status")).to_contain_text(
        "The coordinating committee has received your application."
    )
    application = Application.objects.get()
    assert application.name == "Parti Communiste Révolutionnaire"
    assert str(application.country) == "BJ"
