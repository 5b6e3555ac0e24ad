"""Admission creates the organization and its first officer invitation in one step; partner observers (S13)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from icor.accounts import services
from icor.accounts.confirmations import END_OBSERVER
from icor.accounts.models import Role, User
from icor.conferences.models import Guest
from icor.conferences.services.observers import invite_observer
from icor.registry.models import Application
from icor.registry.services import admit_with_first_officer, invite_first_officer, submit_application
from tests.confirming import step_without_javascript
from tests.factories import PASSWORD, make_conference, make_organization, make_user

pytestmark = pytest.mark.django_db


def test_admission_creates_the_organization_and_its_first_officer_invitation(committee: User) -> None:
    application = submit_application(
        name="Partido Nuevo", country="PE", contact="x@example.org", statement="We agree.", affirms_basis=True
    )
    organization, issued = admit_with_first_officer(
        application,
        actor=committee,
        decided_on=date(2026, 5, 1),
        decision_reference="World Conference 2026, resolution 4",
        continent="Latin America",
    )
    assert Application.objects.get(pk=application.pk).organization == organization
    officer = services.accept_invitation(
        token=issued.token, username="first", password=PASSWORD, public_name="Primera"
    )
    assert officer.organization == organization
    assert officer.role == Role.OFFICER


def test_the_committee_invites_an_observer_to_one_conference_and_ends_it(committee: User) -> None:
    from icor.partners.models import Partner

    partner = Partner.objects.create(name="Test Alliance", slug="test-alliance", kind="alliance")
    conference = make_conference(committee)
    issued = invite_observer(actor=committee, partner=partner, conference=conference)
    observer = services.accept_invitation(
        token=issued.token, username="observer", password=PASSWORD, public_name="Guest"
    )
    assert observer.role == Role.OBSERVER
    assert observer.partner == partner
    assert Guest.objects.filter(conference=conference, user=observer).exists()
    services.end_observer(actor=committee, account=observer)
    assert not User.objects.get(pk=observer.pk).is_active


def test_an_officer_cannot_invite_observers(officer: User, committee: User) -> None:
    from icor.partners.models import Partner

    partner = Partner.objects.create(name="Another Alliance", slug="another-alliance", kind="alliance")
    with pytest.raises(PermissionDenied, match="Only the coordinating committee invites partner observers"):
        invite_observer(actor=officer, partner=partner, conference=make_conference(committee))


def test_only_the_committee_ends_an_observers_account(officer: User, delegate: User) -> None:
    observer = make_user(Role.OBSERVER)
    for actor in (officer, delegate, make_user(Role.OBSERVER)):
        with pytest.raises(PermissionDenied, match="Only the coordinating committee ends"):
            services.end_observer(actor=actor, account=observer)
    assert User.objects.get(pk=observer.pk).is_active


def test_an_officer_of_a_new_member_gets_to_the_two_factor_setup(committee: User) -> None:
    organization = make_organization()
    issued = invite_first_officer(actor=committee, organization=organization)
    client = Client()
    response = client.post(
        f"/accounts/invitation/{issued.token}/",
        {"username": "setup", "public_name": "", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
        headers={"Accept": "text/html"},
    )
    assert response.redirect_chain[-1][0].endswith("/accounts/2fa/totp/activate/")


def test_the_observer_pages_invite_and_end(committee: User) -> None:
    from icor.partners.models import Partner
    from tests.factories import with_totp

    partner = Partner.objects.create(name="Page Alliance", slug="page-alliance", kind="alliance")
    conference = make_conference(committee)
    client = Client()
    client.force_login(with_totp(committee))
    response = client.post(
        "/conferences/observers/", {"partner": partner.pk, "conference": conference.pk, "email": ""}
    )
    body = response.content.decode()
    token = body.split("/accounts/invitation/")[1].split("/")[0]
    observer = services.accept_invitation(token=token, username="watcher", password=PASSWORD, public_name="W")
    assert "W" in client.get("/conferences/observers/").content.decode()
    # Ending the account cannot be undone: without the dialog the server asks first (no JavaScript).
    step_without_javascript(
        client,
        f"/accounts/observers/{observer.pk}/end/",
        {},
        says=str(END_OBSERVER.message),
        done=lambda: not User.objects.get(pk=observer.pk).is_active,
    )


def test_a_suspended_person_is_told_why_the_login_fails(committee: User, delegate: User) -> None:
    services.suspend_account(actor=committee, account=delegate, reason="lost device")
    response = Client().post(
        "/accounts/login/", {"login": delegate.username, "password": PASSWORD}, follow=True
    )
    assert "This account is inactive" in response.content.decode()
