"""Withdrawing an activity, a volunteer or a need cannot be undone: without JavaScript the first post
is answered with a confirmation page naming what it ends; only that page's form withdraws."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from icor.accounts.models import User
from icor.projects.confirmations import WITHDRAW_ACTIVITY, WITHDRAW_NEED, WITHDRAW_VOLUNTEER
from icor.projects.models import Activity, Need, Project, Volunteer
from icor.projects.services.activities import create_activity
from icor.projects.services.brigades import register_volunteer, set_need
from tests.confirming import step_without_javascript
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def test_withdrawing_an_activity_waits_for_the_confirmation(officer: User) -> None:
    activity = create_activity(actor=officer, title="Women's day", starts_on=date(2026, 3, 8))
    step_without_javascript(
        logged_in(with_totp(officer)),
        f"/projects/activities/{activity.pk}/withdraw/",
        {},
        says=str(WITHDRAW_ACTIVITY.message),
        done=lambda: Activity.objects.get(pk=activity.pk).withdrawn_at is not None,
    )


def test_withdrawing_a_volunteer_waits_for_the_confirmation(brigade: Project, officer: User) -> None:
    start = brigade.starts_on
    assert start is not None
    volunteer = register_volunteer(
        brigade,
        actor=officer,
        organization=officer.organization,  # type: ignore[arg-type]
        pseudonym="Rosa",
        skills="nurse",
        availability=[(start, start + timedelta(days=60))],
    )
    step_without_javascript(
        logged_in(with_totp(officer)),
        f"/projects/volunteers/{volunteer.pk}/withdraw/",
        {},
        says=str(WITHDRAW_VOLUNTEER.message),
        done=lambda: Volunteer.objects.get(pk=volunteer.pk).withdrawn_at is not None,
    )


def test_withdrawing_a_need_waits_for_the_confirmation(brigade: Project, officer: User) -> None:
    start = brigade.starts_on
    assert start is not None
    need = set_need(
        brigade, actor=officer, skill="nurse", count=2, starts_on=start, ends_on=start + timedelta(days=13)
    )
    step_without_javascript(
        logged_in(with_totp(officer)),
        f"/projects/needs/{need.pk}/withdraw/",
        {},
        says=str(WITHDRAW_NEED.message),
        done=lambda: Need.objects.get(pk=need.pk).withdrawn_at is not None,
    )
