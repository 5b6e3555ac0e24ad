"""Accounts by invitation: single use, expiry, revocation, and each organization in charge of its own (S11)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from icor.accounts import services
from icor.accounts.models import Invitation, Role, User
from icor.registry.models import Organization
from icor.registry.services import invite_first_officer
from tests.conftest import logged_in
from tests.factories import PASSWORD, make_organization, with_totp

pytestmark = pytest.mark.django_db


def accept(token: str, username: str = "newofficer") -> User:
    return services.accept_invitation(token=token, username=username, password=PASSWORD, public_name="Rosa")


def test_the_committee_invites_the_first_officer_and_the_link_works_once(
    committee: User, own_organization: Organization
) -> None:
    issued = invite_first_officer(actor=committee, organization=own_organization)
    user = accept(issued.token)
    assert user.role == Role.OFFICER
    assert user.organization == own_organization
    assert user.public_name == "Rosa"
    with pytest.raises(ValidationError, match="used, revoked or has expired"):
        accept(issued.token, username="second")
    assert not User.objects.filter(username="second").exists()


def test_only_a_hash_of_the_token_is_stored(committee: User, own_organization: Organization) -> None:
    issued = invite_first_officer(actor=committee, organization=own_organization)
    stored = Invitation.objects.get(pk=issued.invitation.pk)
    assert issued.token not in stored.token_hash
    assert stored.token_hash == services.token_digest(issued.token)
    # Whoever reads the database has only the hash, and the hash opens nothing.
    assert services.pending_invitation(stored.token_hash) is None


def test_an_expired_invitation_is_refused(committee: User, own_organization: Organization) -> None:
    issued = invite_first_officer(actor=committee, organization=own_organization)
    Invitation.objects.filter(pk=issued.invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(ValidationError, match="expired"):
        accept(issued.token)
    assert not User.objects.filter(username="newofficer").exists()


def test_a_revoked_invitation_is_refused(officer: User) -> None:
    issued = services.invite_member(actor=officer, role=Role.DELEGATE)
    services.revoke_invitation(actor=officer, invitation=issued.invitation)
    with pytest.raises(ValidationError, match="revoked"):
        accept(issued.token)


def test_an_officer_invites_delegates_of_the_own_organization(officer: User) -> None:
    issued = services.invite_member(actor=officer, role=Role.DELEGATE)
    delegate = accept(issued.token, username="delegate1")
    assert delegate.role == Role.DELEGATE
    assert delegate.organization_id == officer.organization_id


def test_an_officer_cannot_invite_into_another_organization(
    officer: User, other_organization: Organization
) -> None:
    with pytest.raises(PermissionDenied, match="another organization"):
        services.invite_member(actor=officer, role=Role.DELEGATE, organization=other_organization)
    assert not Invitation.objects.filter(organization=other_organization).exists()


def test_an_officer_cannot_revoke_another_organizations_invitation(
    officer: User, other_officer: User
) -> None:
    issued = services.invite_member(actor=other_officer, role=Role.DELEGATE)
    with pytest.raises(PermissionDenied):
        services.revoke_invitation(actor=officer, invitation=issued.invitation)
    assert services.pending_invitation(issued.token) is not None


def test_the_committee_revokes_the_invitations_it_issued_and_no_organizations(
    committee: User, officer: User
) -> None:
    """S11: the committee revokes a first officer's invitation it issued, never one an organization issued."""
    first = invite_first_officer(actor=committee, organization=make_organization())
    by_officer = services.invite_member(actor=officer, role=Role.DELEGATE)
    with pytest.raises(PermissionDenied, match="cannot revoke this invitation"):
        services.revoke_invitation(actor=committee, invitation=by_officer.invitation)
    assert services.pending_invitation(by_officer.token) is not None
    with pytest.raises(PermissionDenied, match="cannot revoke this invitation"):
        services.revoke_invitation(actor=officer, invitation=first.invitation)
    services.revoke_invitation(actor=committee, invitation=first.invitation)
    assert services.pending_invitation(first.token) is None


def test_revoking_an_invitation_returns_to_the_page_that_lists_it(committee: User, officer: User) -> None:
    organization = make_organization()
    first = invite_first_officer(actor=committee, organization=organization).invitation
    response = logged_in(with_totp(committee)).post(f"/accounts/invitations/{first.pk}/revoke/")
    assert response["Location"] == f"/registry/{organization.slug}/"
    own = services.invite_member(actor=officer, role=Role.DELEGATE).invitation
    response = logged_in(with_totp(officer)).post(f"/accounts/invitations/{own.pk}/revoke/")
    assert response["Location"] == "/accounts/people/"
    assert not Invitation.objects.get(pk=own.pk).is_pending


def test_only_the_committee_invites_a_first_officer(officer: User, delegate: User) -> None:
    organization = make_organization()
    for actor in (officer, delegate):
        with pytest.raises(PermissionDenied, match="Only the coordinating committee invites"):
            invite_first_officer(actor=actor, organization=organization)
    assert not Invitation.objects.filter(organization=organization).exists()


def test_a_delegate_cannot_invite(delegate: User) -> None:
    with pytest.raises(PermissionDenied, match="own officers"):
        services.invite_member(actor=delegate, role=Role.DELEGATE)


def test_the_committee_cannot_create_accounts_inside_an_organization(
    committee: User, officer: User, own_organization: Organization
) -> None:
    # S11: once the organization has its own officer, only its officers invite.
    with pytest.raises(PermissionDenied, match="own officers"):
        invite_first_officer(actor=committee, organization=own_organization)
    with pytest.raises(PermissionDenied):
        services.invite_member(actor=committee, role=Role.DELEGATE, organization=own_organization)
    with pytest.raises(PermissionDenied):
        services.revoke_account(actor=committee, account=officer)
    assert not Invitation.objects.filter(organization=own_organization).exists()
    assert User.objects.get(pk=officer.pk).is_active


def test_a_former_member_gets_no_first_officer(committee: User) -> None:
    former = make_organization(member=False)
    with pytest.raises(ValidationError, match="not a current member"):
        invite_first_officer(actor=committee, organization=former)


def test_an_officer_removes_an_account_of_the_own_organization(officer: User, delegate: User) -> None:
    services.revoke_account(actor=officer, account=delegate)
    delegate.refresh_from_db()
    assert not delegate.is_active
    assert delegate.suspensions.get().reason


def test_an_officer_cannot_remove_another_organizations_account(officer: User, other_officer: User) -> None:
    with pytest.raises(PermissionDenied, match="own officers remove its accounts"):
        services.revoke_account(actor=officer, account=other_officer)
    assert User.objects.get(pk=other_officer.pk).is_active


def test_the_committee_suspends_only_with_a_reason(committee: User, delegate: User) -> None:
    with pytest.raises(ValidationError, match="reason"):
        services.suspend_account(actor=committee, account=delegate, reason="  ")
    assert User.objects.get(pk=delegate.pk).is_active
    suspension = services.suspend_account(actor=committee, account=delegate, reason="shared the password")
    assert suspension.reason == "shared the password"
    assert not User.objects.get(pk=delegate.pk).is_active


def test_an_officer_cannot_suspend(officer: User, delegate: User) -> None:
    with pytest.raises(PermissionDenied):
        services.suspend_account(actor=officer, account=delegate, reason="no")


def test_the_invitation_page_shows_the_link_once_with_a_qr_code(officer: User) -> None:
    client = logged_in(with_totp(officer))
    response = client.post("/accounts/people/", {"role": "delegate", "email": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "/accounts/invitation/" in body
    assert 'src="data:image/svg+xml;base64,' in body
    invitation = Invitation.objects.get(organization=officer.organization)
    token = body.split("/accounts/invitation/")[1].split("/")[0]
    assert invitation.token_hash == services.token_digest(token)
    # The list of pending invitations never shows the link again.
    assert token not in client.get("/accounts/people/").content.decode()


def test_a_person_accepts_in_the_browser_and_is_logged_in(officer: User) -> None:
    issued = services.invite_member(actor=officer, role=Role.DELEGATE)
    client = Client()
    url = f"/accounts/invitation/{issued.token}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"username": "maria", "public_name": "Comrade M", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(username="maria")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(url).status_code == 404


def test_a_weak_password_is_refused_and_the_invitation_stays(officer: User) -> None:
    issued = services.invite_member(actor=officer, role=Role.DELEGATE)
    with pytest.raises(ValidationError):
        services.accept_invitation(token=issued.token, username="weak", password="123", public_name="")
    assert services.pending_invitation(issued.token) is not None


def test_a_failed_mail_is_reported(officer: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    client = logged_in(with_totp(officer))
    response = client.post("/accounts/people/", {"role": "delegate", "email": "d@example.org"})
    assert "could not be sent" in response.content.decode()
    assert "/accounts/invitation/" in response.content.decode()


def test_an_invitation_is_mailed_when_an_address_is_given(officer: User, mailoutbox) -> None:  # type: ignore[no-untyped-def]
    client = logged_in(with_totp(officer))
    response = client.post("/accounts/people/", {"role": "delegate", "email": "d@example.org"})
    assert "e-mailed" in response.content.decode()
    assert len(mailoutbox) == 1
    assert "/accounts/invitation/" in mailoutbox[0].body


def test_each_person_chooses_the_public_name(delegate: User) -> None:
    client = logged_in(delegate)
    client.post("/accounts/me/", {"public_name": "Kobanê Builder"})
    delegate.refresh_from_db()
    assert delegate.shown_name == "Kobanê Builder"


def test_the_organization_exports_and_erases_its_invitation_records(officer: User) -> None:
    from icor.privacy import services as privacy

    issued = services.invite_member(actor=officer, role=Role.DELEGATE, email="d@example.org")
    organization = officer.organization
    assert organization is not None
    exported = privacy.export_organization(organization, actor=officer)
    invitations = exported["sections"]["account_records"]["invitations"]
    assert [entry["email"] for entry in invitations] == ["d@example.org"]
    assert issued.token not in str(exported)
    assert issued.invitation.token_hash not in str(exported)
    privacy.erase_personal_data(organization, actor=officer)
    assert Invitation.objects.get(pk=issued.invitation.pk).email == ""
    assert services.pending_invitation(issued.token) is None
