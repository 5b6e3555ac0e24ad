"""Edit and withdraw projects, activities, volunteers and needs, by whoever may; history is kept (S7, S11, S15)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.projects.models import Activity, Assignment, Need, Project, Volunteer
from icor.projects.selectors.brigades import brigade_plan
from icor.projects.selectors.calendar import activities
from icor.projects.services import changes
from icor.projects.services.activities import create_activity, report_participation
from icor.projects.services.brigades import assign_volunteer, register_volunteer, set_need
from tests.conftest import logged_in
from tests.factories import with_totp

pytestmark = pytest.mark.django_db


def volunteer_of(project: Project, officer: User) -> Volunteer:
    start = project.starts_on
    assert start is not None
    return register_volunteer(
        project,
        actor=officer,
        organization=officer.organization,  # type: ignore[arg-type]
        pseudonym="Rosa",
        skills="nurse",
        availability=[(start, start + timedelta(days=60))],
    )


def test_the_coordinators_edit_a_project_and_the_audit_keeps_the_old_title(
    brigade: Project, officer: User, other_officer: User
) -> None:
    with pytest.raises(PermissionDenied):
        changes.edit_project(
            brigade, actor=other_officer, title="Taken over", description="", starts_on=None, ends_on=None
        )
    edited = changes.edit_project(
        brigade,
        actor=officer,
        title="Brigade: a hospital",
        description="Build it.",
        starts_on=brigade.starts_on,
        ends_on=brigade.ends_on,
    )
    assert edited.title == "Brigade: a hospital"
    event = AuditEvent.objects.get(event="projects.edited")
    assert event.data["title"] == {"before": "Brigade to come", "after": "Brigade: a hospital"}
    with pytest.raises(ValidationError, match="S9"):
        changes.edit_project(brigade, actor=officer, title="x", description="", starts_on=None, ends_on=None)


def test_an_activity_is_edited_and_withdrawn_by_its_proposer_and_its_reports_stay(
    officer: User, other_officer: User, committee: User
) -> None:
    day = date(2026, 3, 8)
    activity = create_activity(actor=officer, title="Women's day", starts_on=day)
    report_participation(
        activity,
        actor=other_officer,
        organization=other_officer.organization,
        what="March",
        city="Essen",
        people=40,  # type: ignore[arg-type]
    )
    for stranger in (other_officer, committee):
        with pytest.raises(PermissionDenied):
            changes.withdraw_activity(activity, actor=stranger)
    changes.edit_activity(
        activity,
        actor=officer,
        title="International women's day",
        description="",
        starts_on=day,
        ends_on=None,
    )
    changes.withdraw_activity(activity, actor=officer)
    assert not activities().filter(pk=activity.pk).exists()
    kept = Activity.objects.get(pk=activity.pk)
    assert kept.withdrawn_at is not None and kept.participations.count() == 1
    assert AuditEvent.objects.filter(event="projects.activity_edited").count() == 1
    with pytest.raises(ValidationError):
        changes.withdraw_activity(activity, actor=officer)


def test_the_committee_changes_only_its_own_activities(committee: User, officer: User) -> None:
    activity = create_activity(actor=committee, title="Day of action", starts_on=date(2026, 5, 1))
    assert changes.may_change_activity(committee, activity) and not changes.may_change_activity(
        officer, activity
    )
    refusal = "Only the coordinating committee, which put it in the calendar, can withdraw this activity."
    with pytest.raises(PermissionDenied, match=refusal):
        changes.withdraw_activity(activity, actor=officer)
    changes.withdraw_activity(activity, actor=committee)


def test_only_its_own_organization_edits_and_withdraws_a_volunteer(
    brigade: Project, officer: User, other_officer: User
) -> None:
    volunteer = volunteer_of(brigade, officer)
    with pytest.raises(PermissionDenied, match="S11") as refused:
        changes.edit_volunteer(volunteer, actor=other_officer, skills="driver", languages="")
    assert str(refused.value.args[0]).startswith("Only its own officers can edit this volunteer for ")
    changes.edit_volunteer(volunteer, actor=officer, skills="nurse, driver", languages="Kurdish")
    volunteer.refresh_from_db()
    assert (volunteer.skills, volunteer.languages) == ("nurse, driver", "kurdish")
    with pytest.raises(PermissionDenied):
        changes.withdraw_volunteer(volunteer, actor=other_officer)


def test_withdrawing_a_volunteer_cancels_only_assignments_not_yet_begun(
    brigade: Project, officer: User
) -> None:
    volunteer = volunteer_of(brigade, officer)
    start = brigade.starts_on
    assert start is not None
    assign_volunteer(volunteer, actor=officer, starts_on=start, ends_on=start + timedelta(days=6))
    past = Assignment.objects.create(
        volunteer=volunteer, starts_on=start - timedelta(days=60), ends_on=start - timedelta(days=50)
    )
    changes.withdraw_volunteer(volunteer, actor=officer)
    assert list(Assignment.objects.filter(volunteer=volunteer)) == [past]
    event = AuditEvent.objects.get(event="projects.volunteer_withdrawn")
    assert event.data["cancelled_assignments"] == [f"{start}/{start + timedelta(days=6)}"]
    assert Volunteer.objects.get(pk=volunteer.pk).withdrawn_at is not None


def test_an_edited_need_covers_whole_weeks_like_a_new_one(brigade: Project, officer: User) -> None:
    start = brigade.starts_on
    assert start is not None
    need = set_need(
        brigade, actor=officer, skill="nurse", count=2, starts_on=start, ends_on=start + timedelta(days=6)
    )
    monday = need.starts_on
    assert monday.weekday() == 0
    wednesday, next_tuesday = monday + timedelta(days=9), monday + timedelta(days=15)
    changes.edit_need(need, actor=officer, count=2, starts_on=wednesday, ends_on=next_tuesday)
    edited = Need.objects.get(pk=need.pk)
    assert (edited.starts_on, edited.ends_on) == (monday + timedelta(days=7), monday + timedelta(days=20))
    assert edited.starts_on.weekday() == 0 and edited.ends_on.weekday() == 6


def test_the_coordinators_edit_and_withdraw_a_need(brigade: Project, officer: User, committee: User) -> None:
    start = brigade.starts_on
    assert start is not None
    need = set_need(
        brigade, actor=officer, skill="nurse", count=2, starts_on=start, ends_on=start + timedelta(days=13)
    )
    with pytest.raises(PermissionDenied):
        changes.edit_need(need, actor=committee, count=3, starts_on=need.starts_on, ends_on=need.ends_on)
    changes.edit_need(need, actor=officer, count=3, starts_on=need.starts_on, ends_on=need.ends_on)
    assert Need.objects.get(pk=need.pk).count == 3
    changes.withdraw_need(need, actor=officer)
    plan = brigade_plan(brigade, officer)
    assert all(not week.needs for week in plan.weeks)
    assert Need.objects.filter(pk=need.pk, withdrawn_at__isnull=False).exists()


def test_the_pages_offer_edit_and_withdraw_to_whoever_may(
    brigade: Project, officer: User, other_officer: User
) -> None:
    volunteer = volunteer_of(brigade, officer)
    own = logged_in(with_totp(officer))
    page = own.get(f"/projects/{brigade.pk}/brigade/").content.decode()
    assert f"/projects/volunteers/{volunteer.pk}/edit/" in page
    response = own.post(f"/projects/volunteers/{volunteer.pk}/edit/", {"skills": "surgeon", "languages": ""})
    assert response.status_code == 302
    assert Volunteer.objects.get(pk=volunteer.pk).skills == "surgeon"
    other = logged_in(with_totp(other_officer))
    refused = other.post(f"/projects/volunteers/{volunteer.pk}/withdraw/", {"confirmed": "1"}, follow=True)
    assert "S11" in refused.content.decode()
    assert Volunteer.objects.get(pk=volunteer.pk).withdrawn_at is None
    own.post(f"/projects/volunteers/{volunteer.pk}/withdraw/", {"confirmed": "1"})
    assert "withdrawn" in own.get(f"/projects/{brigade.pk}/brigade/").content.decode()
