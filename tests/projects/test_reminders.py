"""Reminders for accepted tasks coming due (S8): notification once per task, e-mail to the organization."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.utils import timezone

from icor.accounts.models import Role, User
from icor.projects.models import Notification, Task
from icor.projects.selectors.projects import notifications_for
from icor.projects.services import tasks
from icor.projects.services.notifications import mark_read
from icor.registry.models import Organization
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db


def _accepted(officer: User, organization: Organization, *, days: int, title: str = "T") -> Task:
    task = Task.objects.create(
        project=make_project(), title=title, due_on=timezone.localdate() + timedelta(days=days)
    )
    tasks.accept_task(task, actor=officer, organization=organization)
    return task


def test_remind_notifies_the_accepting_organization_once(
    officer: User, own_organization: Organization
) -> None:
    _accepted(officer, own_organization, days=2, title="Translate the call")
    _accepted(officer, own_organization, days=30, title="Far away")
    out = StringIO()
    call_command("projects", "remind", "--days", "5", stdout=out)
    assert "1 notification(s)" in out.getvalue()
    notification = Notification.objects.get()
    assert notification.organization == own_organization
    assert "Translate the call" in notification.text
    call_command("projects", "remind", "--days", "5", stdout=StringIO())
    assert Notification.objects.count() == 1


def test_remind_includes_overdue_tasks(officer: User, own_organization: Organization) -> None:
    _accepted(officer, own_organization, days=-3, title="Late leaflet")
    call_command("projects", "remind", "--days", "0", stdout=StringIO())
    assert Notification.objects.get().text.startswith("Overdue since")


def test_remind_mails_each_account_of_the_organization_with_an_address(
    own_organization: Organization, other_organization: Organization
) -> None:
    officer = make_user(Role.OFFICER, own_organization, email="officer@example.org")
    make_user(Role.DELEGATE, own_organization, email="delegate@example.org")
    make_user(Role.DELEGATE, own_organization)  # no address: no mail
    make_user(Role.OFFICER, other_organization, email="other@example.org")
    _accepted(officer, own_organization, days=1, title="Banner")
    call_command("projects", "remind", stdout=StringIO())
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "delegate@example.org",
        "officer@example.org",
    ]
    assert all("Banner" in message.body for message in mail.outbox)


def test_a_negative_horizon_is_refused() -> None:
    with pytest.raises(CommandError):
        call_command("projects", "remind", "--days", "-1", stdout=StringIO())


def test_unread_notifications_reach_the_organization_accounts_and_can_be_read(
    officer: User, delegate: User, other_officer: User, own_organization: Organization
) -> None:
    _accepted(officer, own_organization, days=1)
    call_command("projects", "remind", stdout=StringIO())
    notification = notifications_for(delegate).get()
    assert not notifications_for(other_officer).exists()
    with pytest.raises(PermissionDenied):
        mark_read(notification, actor=other_officer)
    mark_read(notification, actor=delegate)
    assert not notifications_for(officer).exists()
