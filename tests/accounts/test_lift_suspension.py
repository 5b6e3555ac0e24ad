"""The committee lifts a suspension it made, with a recorded reason; nobody else lifts, and nothing else is lifted."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from icor.accounts import services
from icor.accounts.models import Role, Suspension, User
from icor.audit.models import AuditEvent
from icor.registry.services import record_exit
from tests.conftest import logged_in
from tests.factories import PASSWORD, make_user, with_totp

pytestmark = pytest.mark.django_db


def can_log_in(user: User) -> bool:
    client = Client()
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    return "_auth_user_id" in client.session


def test_a_lifted_suspension_lets_the_person_log_in_again(committee: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    assert not can_log_in(delegate)
    services.lift_suspension(actor=committee, suspension=suspension, reason="new device checked")
    assert can_log_in(delegate)
    suspension.refresh_from_db()
    assert suspension.lifted_by == committee
    assert suspension.lift_reason == "new device checked"
    assert suspension.lifted_at is not None
    event = AuditEvent.objects.get(event="accounts.suspension_lifted")
    assert event.subject == f"account:{delegate.pk}"


def test_lifting_needs_a_reason(committee: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    with pytest.raises(ValidationError, match="reason"):
        services.lift_suspension(actor=committee, suspension=suspension, reason=" ")
    assert not User.objects.get(pk=delegate.pk).is_active


def test_a_suspension_is_lifted_once(committee: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    services.lift_suspension(actor=committee, suspension=suspension, reason="checked")
    with pytest.raises(ValidationError, match="lifted already"):
        services.lift_suspension(actor=committee, suspension=suspension, reason="again")
    assert AuditEvent.objects.filter(event="accounts.suspension_lifted").count() == 1


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DELEGATE, Role.OBSERVER, Role.OPERATOR])
def test_only_the_committee_lifts_a_suspension(
    committee: User, delegate: User, officer: User, role: str
) -> None:
    actor = (
        officer
        if role == Role.OFFICER
        else make_user(role, delegate.organization if role == Role.DELEGATE else None)
    )
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    with pytest.raises(PermissionDenied):
        services.lift_suspension(actor=actor, suspension=suspension, reason="please")
    assert not User.objects.get(pk=delegate.pk).is_active


def test_the_committee_cannot_restore_an_account_the_organization_removed(
    committee: User, officer: User, delegate: User
) -> None:
    services.revoke_account(actor=officer, account=delegate)
    removal = Suspension.objects.get(account=delegate)
    assert removal.cause == Suspension.Cause.REMOVED
    with pytest.raises(PermissionDenied):
        services.lift_suspension(actor=committee, suspension=removal, reason="S11 says no")
    assert not User.objects.get(pk=delegate.pk).is_active


def test_a_suspension_of_an_organization_that_left_since_is_not_lifted(
    committee: User, delegate: User
) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    assert delegate.organization is not None
    record_exit(delegate.organization, actor=committee, left_on=date(2026, 6, 1))
    with pytest.raises(ValidationError, match="S12"):
        services.lift_suspension(actor=committee, suspension=suspension, reason="checked")
    assert not User.objects.get(pk=delegate.pk).is_active


def test_the_committee_lifts_on_the_accounts_page(committee: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    client = logged_in(with_totp(committee))
    page = client.get("/accounts/all/").content.decode()
    assert "lost device" in page
    assert f"/accounts/suspensions/{suspension.pk}/lift/" in page
    response = client.post(f"/accounts/suspensions/{suspension.pk}/lift/", {"reason": "checked"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/all/"
    assert User.objects.get(pk=delegate.pk).is_active
    assert f"/accounts/suspensions/{suspension.pk}/lift/" not in client.get("/accounts/all/").content.decode()


def test_the_page_refuses_a_lift_without_reason(committee: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    client = logged_in(with_totp(committee))
    assert client.post(f"/accounts/suspensions/{suspension.pk}/lift/", {"reason": ""}).status_code == 302
    assert not User.objects.get(pk=delegate.pk).is_active


def test_other_roles_cannot_lift_on_the_page(committee: User, officer: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    other = make_user(Role.DELEGATE, delegate.organization)
    for actor in (with_totp(officer), other):
        response = logged_in(actor).post(f"/accounts/suspensions/{suspension.pk}/lift/", {"reason": "me"})
        assert response.status_code == 403
    assert not User.objects.get(pk=delegate.pk).is_active


def test_an_over_long_reason_is_refused_not_cut(committee: User, delegate: User) -> None:
    suspension = services.suspend_account(actor=committee, account=delegate, reason="lost device")
    with pytest.raises(ValidationError, match="300"):
        services.lift_suspension(actor=committee, suspension=suspension, reason="x" * 301)
    with pytest.raises(ValidationError, match="300"):
        services.suspend_account(actor=committee, account=committee, reason="x" * 301)
    suspension.refresh_from_db()
    delegate.refresh_from_db()
    assert suspension.lifted_at is None and suspension.lift_reason == ""
    assert not delegate.is_active


def test_the_committee_does_not_suspend_the_platform_operator(committee: User) -> None:
    operator = make_user(Role.OPERATOR, is_superuser=True, is_staff=True)
    with pytest.raises(ValidationError, match="operator"):
        services.suspend_account(actor=committee, account=operator, reason="no reason")
    operator.refresh_from_db()
    assert operator.is_active and not Suspension.objects.filter(account=operator).exists()
    assert not AuditEvent.objects.filter(event="accounts.suspended").exists()
    client = logged_in(with_totp(committee))
    page = client.get("/accounts/all/").content.decode()
    assert f"/accounts/people/{operator.pk}/suspend/" not in page and "Active accounts" in page
    answer = client.post(f"/accounts/people/{operator.pk}/suspend/", {"reason": "lost device"})
    assert answer.status_code == 200 and "operator" in answer.content.decode()
    operator.refresh_from_db()
    assert operator.is_active
