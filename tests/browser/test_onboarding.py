"""From an empty database to the minutes of a World Conference, in the browser, by invitations only.

`icor setup` and `icor firstlogin` prepare the empty database as an operator would; from then on
every step is a person in a browser: the committee logs in with the printed first login and sets
up its authenticator, invites the first officer of three member organizations, each officer
invites a delegate, the committee plans and opens a World Conference, the officers accredit
their delegations, the delegates check in and vote a named and a secret ballot, and the
committee downloads the minutes. No shell, no admin page, no database write by the test.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import struct
import time
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from icor.registry.models import Organization
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long browser password 42"
# Long enough that the code is computed for a later time step than the one the page was shown in.
TOTP_WAIT_SECONDS = 35
MEMBERS = (
    "Marxistisch-Leninistische Partei Deutschlands",
    "Partido Comunista Revolucionario del Uruguay",
    "Communist Party of India (Marxist-Leninist) Red Star",
)


def totp(secret: str, at: float) -> str:
    """RFC 6238 as authenticator apps compute it (SHA-1, 30 s steps, 6 digits), as pyotp does."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def set_up_authenticator(page: Page, *, password: str = PASSWORD, wait: bool = False) -> None:
    """Read the secret the page shows, as a person types it into an app, and enter the app's code."""
    if "/reauthenticate/" in page.url:
        # allauth asks for the password once more before a second factor is added.
        page.fill("input[name=password]", password)
        page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    if os.environ.get("ICOR_SCREENSHOTS") == "1" and wait:
        page.screenshot(path=str(SCREENSHOT_DIR / "totp-setup.png"))
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    if wait:
        # Meanwhile the browser fetched the page's icon, style sheets and scripts: none of them
        # may change the secret being scanned.
        page.wait_for_timeout(TOTP_WAIT_SECONDS * 1000)
    page.fill("input[name=code]", totp(secret, time.time()))
    page.get_by_role("button", name="Activate").click()
    expect(page.locator("body")).not_to_contain_text("Incorrect code")
    expect(page).not_to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))


def accept_invitation(page: Page, link: str, *, username: str, public_name: str) -> None:
    page.goto(link)
    page.fill("input[name=username]", username)
    page.fill("input[name=public_name]", public_name)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.get_by_role("button", name="Create account").click()


def invitation_link(page: Page) -> str:
    expect(page.locator("h1")).to_have_text("Invitation created")
    expect(page.locator("img.qr")).to_be_visible()
    return page.locator("#invitation-link").input_value()


def test_three_organizations_hold_a_world_conference_by_invitation_only(
    open_page: Callable[..., Page], screenshot: Callable[..., None]
) -> None:
    call_command("setup", stdout=StringIO())
    printed = StringIO()
    call_command("firstlogin", stdout=printed)
    first_user = re.search(r"user:\s+(\S+)", printed.getvalue())
    first_password = re.search(r"password:\s+(\S+)", printed.getvalue())
    assert first_user and first_password

    # Each person has a browser of their own (a separate context: own cookies, own session).
    person = open_page

    # The committee's first login, with its second factor set up in the browser.
    chair = person()
    chair.goto("/accounts/login/")
    chair.fill("input[name=login]", first_user.group(1))
    chair.fill("input[name=password]", first_password.group(1))
    chair.get_by_role("button", name="Log in").click()
    set_up_authenticator(chair, password=first_password.group(1), wait=True)

    # The first officer of each organization, invited by the committee; each invites a delegate.
    delegates: list[Page] = []
    officers: list[Page] = []
    for number, name in enumerate(MEMBERS, start=1):
        organization = Organization.objects.get(name=name)
        chair.goto(f"/registry/{organization.slug}/")
        chair.get_by_role("link", name="Invite this organization's first officer").click()
        chair.get_by_role("button", name="Create invitation").click()
        link = invitation_link(chair)
        if number == 1:
            screenshot(chair, "invitation.png")

        officer = person()
        officer.goto(link)
        if number == 1:
            screenshot(officer, "invitation-accept.png")
        accept_invitation(officer, link, username=f"officer{number}", public_name=f"Officer {number}")
        set_up_authenticator(officer)
        officers.append(officer)

        officer.goto("/accounts/people/")
        officer.select_option("select[name=role]", "delegate")
        officer.get_by_role("button", name="Create invitation").click()
        delegate_link = invitation_link(officer)
        delegate = person()
        accept_invitation(
            delegate, delegate_link, username=f"delegate{number}", public_name=f"Delegate {number}"
        )
        expect(delegate.locator("h1")).to_have_text("My account")
        delegates.append(delegate)
        if number == 1:
            officer.goto("/accounts/people/")
            screenshot(officer, "our-accounts.png", full_page=True)

    # The committee plans the World Conference, opens the session and sets the agenda.
    chair.goto("/conferences/")
    chair.locator("summary", has_text="Plan a conference").click()
    chair.select_option("select[name=kind]", "world")
    chair.fill("input[name=title]", "World Conference 2026")
    chair.fill("input[name=starts_on]", "2026-05-01")
    chair.fill("input[name=ends_on]", "2026-05-03")
    chair.fill("input[name=place]", "Somewhere")
    chair.get_by_role("button", name="Create the conference").click()
    expect(chair.locator("h1")).to_contain_text("World Conference 2026")
    conference_url = chair.url
    chair.get_by_role("link", name="Chair's console").click()
    chair.get_by_role("button", name="Open the session").click()
    expect(chair.locator("h1")).to_contain_text("Chair's console")  # the console stays where the chair is
    chair.fill("input[name=title]", "Resolutions")
    chair.get_by_role("button", name="Add to the agenda").click()

    # Each officer accredits the own delegation with the delegate as voting delegate; delegates check in.
    for number, (officer, delegate) in enumerate(zip(officers, delegates, strict=True), start=1):
        officer.goto(conference_url)
        officer.get_by_role("link", name="Accredit our delegation").click()
        officer.get_by_label(f"Officer {number}", exact=True).check()
        officer.get_by_label(f"Delegate {number}", exact=True).check()
        officer.select_option("select[name=voting_delegate]", label=f"Delegate {number}")
        officer.get_by_role("button", name="Accredit").click()
        delegate.goto(conference_url)
        delegate.get_by_role("link", name="Attendance").click()
        delegate.get_by_role("button", name="Check in").click()
        expect(delegate.locator("body")).to_contain_text("Your delegation is checked in")

    # A named and a secret ballot on motions of the first organization.
    for title, secret in (("On international solidarity", False), ("On the day of action", True)):
        delegates[0].goto(conference_url)
        delegates[0].get_by_role("link", name="New motion").click()
        delegates[0].select_option("select[name=agenda_item]", index=1)
        delegates[0].select_option("select[name=kind]", "current-affairs")
        delegates[0].fill("input[name=title]", title)
        delegates[0].fill("textarea[name=text]", "The conference declares its solidarity.")
        delegates[0].get_by_role("button", name="Save").click()
        expect(delegates[0]).to_have_url(re.compile(r"/conferences/motions/\d+/$"))
        motion_url = delegates[0].url

        chair.goto(motion_url)
        chair.get_by_role("button", name="Open the discussion").click()
        chair.locator("summary", has_text="Open a ballot").click()
        if secret:
            chair.get_by_label("Secret ballot").check()
        chair.get_by_role("button", name="Open the ballot").click()
        for choice, delegate in zip(("yes", "yes", "no"), delegates, strict=True):
            delegate.goto(motion_url)
            delegate.locator(f"input[name=choice][value={choice}]").check()
            delegate.get_by_role("button", name="Vote").click()
        chair.goto(motion_url)
        chair.get_by_role("button", name="Close the ballot", exact=True).first.click()
        dialog = chair.get_by_role("dialog")  # closing is irreversible: the chair confirms it
        expect(dialog).to_contain_text("cannot be undone")
        dialog.get_by_role("button", name="Close the ballot", exact=True).click()
        expect(chair.locator("body")).to_contain_text("dopted")

    # The committee downloads the minutes.
    chair.goto(conference_url)
    chair.get_by_role("link", name="Minutes").click()
    minutes = chair.request.get(conference_url.rstrip("/") + "/minutes.pdf")
    assert minutes.status == 200
    assert minutes.body().startswith(b"%PDF")
    expect(chair.locator("body")).to_contain_text("On international solidarity")
    expect(chair.locator("body")).to_contain_text("On the day of action")
