"""Editing and withdrawing projects, activities, volunteers and needs, by whoever may (S7, S11, S15).

Nothing is deleted: a withdrawn activity, volunteer or need keeps its row (with the time of its
withdrawal) and every change appends an audit event with the values before and after, so the
history stays readable.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from rules import has_perm

from icor.accounts.rules import is_committee
from icor.audit.services import record_event
from icor.core import bounds
from icor.projects.authority import require_coordination, require_own
from icor.projects.models import Activity, Assignment, Kind, Need, Project, Volunteer
from icor.projects.services.brigades import normalise_list, whole_weeks


def _apply(locked: Any, after: dict[str, Any]) -> dict[str, Any]:
    """Set the fields of `after` on the locked row, save them, and return what changed, for the record."""
    before = {name: getattr(locked, name) for name in after}
    for name, value in after.items():
        setattr(locked, name, value)
    locked.save(update_fields=list(after))
    return {
        key: {"before": str(before[key]), "after": str(after[key])}
        for key in after
        if before[key] != after[key]
    }


def _check_dates(starts_on: date | None, ends_on: date | None, refusal: str) -> None:
    """`refusal`: the whole translated sentence, e.g. "The project cannot end before it starts." """
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise ValidationError(refusal)


def _text_and_period(
    title: str,
    description: str,
    starts_on: date | None,
    ends_on: date | None,
    *,
    ends_before_start: str,
    period_of: str,
) -> dict[str, Any]:
    """The checked title, text and dates of a project or an activity, as its fields.

    `ends_before_start` is the whole translated refusal ("The project cannot end before it
    starts."), `period_of` what the period is of ("The project")."""
    _check_dates(starts_on, ends_on, ends_before_start)
    bounds.check_period(period_of, starts_on, ends_on)
    bounds.check_text(gettext("Description"), description, limit=bounds.MAX_DESCRIPTION)
    return {
        "title": title.strip(),
        "description": description.strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
    }


def edit_project(
    project: Project,
    *,
    actor: Any,
    title: str,
    description: str,
    starts_on: date | None,
    ends_on: date | None,
) -> Project:
    """The coordinating organizations or the committee correct a project's title, text and dates."""
    require_coordination(
        actor,
        project,
        refusal=gettext(
            "Only the project's coordinating organizations or the coordinating committee can edit a project."
        ),
    )
    if not title.strip():
        raise ValidationError(gettext("Give the project a title."))
    if project.kind == Kind.SINGLE and (starts_on is None or ends_on is None):
        raise ValidationError(
            gettext("A single project is planned for a limited time: give its start and end dates (S9).")
        )
    after = _text_and_period(
        title,
        description,
        starts_on,
        ends_on,
        ends_before_start=gettext("The project cannot end before it starts."),
        period_of=gettext("The project"),
    )
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        changes = _apply(locked, after)
        record_event("projects.edited", actor=actor, subject=f"project:{locked.pk}", data=changes)
    return locked


def may_change_activity(actor: Any, activity: Activity) -> bool:
    """Whoever proposed the activity: that organization's officer, or the committee for its own."""
    if activity.proposed_by is None:
        return bool(is_committee(actor))
    return bool(has_perm("projects.act_for_as_officer", actor, activity.proposed_by))


def _require_activity_owner(actor: Any, activity: Activity, *, refusal: str, committee_refusal: str) -> None:
    """An activity is changed by whoever proposed it: that organization's officer, or the committee.

    Both refusals are whole translated sentences: `refusal` names %(organization)s, the proposer.
    """
    if may_change_activity(actor, activity):
        return
    if activity.proposed_by is None:
        raise PermissionDenied(committee_refusal)
    require_own(actor, activity.proposed_by, officers_only=True, refusal=refusal)


def edit_activity(
    activity: Activity, *, actor: Any, title: str, description: str, starts_on: date, ends_on: date | None
) -> Activity:
    _require_activity_owner(
        actor,
        activity,
        refusal=gettext(
            "Only its own officers can edit this activity for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
        committee_refusal=gettext(
            "Only the coordinating committee, which put it in the calendar, can edit this activity."
        ),
    )
    ends_on = ends_on or starts_on
    if not title.strip():
        raise ValidationError(gettext("Give the activity a title."))
    after = _text_and_period(
        title,
        description,
        starts_on,
        ends_on,
        ends_before_start=gettext("The activity cannot end before it starts."),
        period_of=gettext("The activity"),
    )
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(gettext("This activity has been withdrawn."))
        changes = _apply(locked, after)
        record_event(
            "projects.activity_edited",
            actor=actor,
            subject=f"activity:{locked.pk}",
            data=changes,
        )
    return locked


def withdraw_activity(activity: Activity, *, actor: Any) -> Activity:
    """Taken out of the calendar; the participation reports already made stay on record."""
    _require_activity_owner(
        actor,
        activity,
        refusal=gettext(
            "Only its own officers can withdraw this activity for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
        committee_refusal=gettext(
            "Only the coordinating committee, which put it in the calendar, can withdraw this activity."
        ),
    )
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(gettext("This activity has been withdrawn already."))
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["withdrawn_at"])
        record_event(
            "projects.activity_withdrawn",
            actor=actor,
            subject=f"activity:{locked.pk}",
            data={"title": locked.title, "reports": locked.participations.count()},
        )
    return locked


def edit_volunteer(volunteer: Volunteer, *, actor: Any, skills: str, languages: str) -> Volunteer:
    """Only the volunteer's own organization changes what it said about its volunteer (S11)."""
    require_own(
        actor,
        volunteer.organization,
        officers_only=True,
        refusal=gettext(
            "Only its own officers can edit this volunteer for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    skills = normalise_list(skills)
    if not skills:
        raise ValidationError(gettext("Name at least one skill."))
    with transaction.atomic():
        locked = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(gettext("This volunteer has been withdrawn."))
        changes = _apply(locked, {"skills": skills, "languages": normalise_list(languages)})
        record_event(
            "projects.volunteer_edited",
            actor=actor,
            organization_id=locked.organization_id,
            subject=f"project:{locked.project_id}",
            data={"volunteer": locked.pk, **changes},
        )
    return locked


def withdraw_volunteer(volunteer: Volunteer, *, actor: Any) -> Volunteer:
    """The organization withdraws its volunteer: assignments not yet begun are cancelled, past ones stay."""
    require_own(
        actor,
        volunteer.organization,
        officers_only=True,
        refusal=gettext(
            "Only its own officers can withdraw this volunteer for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    today = timezone.localdate()
    with transaction.atomic():
        locked = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(gettext("This volunteer has been withdrawn already."))
        upcoming = Assignment.objects.filter(volunteer=locked, starts_on__gt=today)
        cancelled = [f"{a.starts_on}/{a.ends_on}" for a in upcoming]
        upcoming.delete()
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["withdrawn_at"])
        record_event(
            "projects.volunteer_withdrawn",
            actor=actor,
            organization_id=locked.organization_id,
            subject=f"project:{locked.project_id}",
            data={"volunteer": locked.pk, "cancelled_assignments": cancelled},
        )
    return locked


def edit_need(need: Need, *, actor: Any, count: int, starts_on: date, ends_on: date) -> Need:
    """The coordinators change a need; like a new one it covers whole weeks (Monday to Sunday)."""
    require_coordination(
        actor,
        need.project,
        refusal=gettext(
            "Only the officers of the project's coordinating organizations can change a need of the brigade."
        ),
        committee_too=False,
    )
    if count < 1:
        raise ValidationError(gettext("A need asks for at least one volunteer."))
    _check_dates(starts_on, ends_on, gettext("The need cannot end before it starts."))
    bounds.check_number(gettext("Number of volunteers"), count, low=1, high=bounds.MAX_VOLUNTEERS_NEEDED)
    bounds.check_period(gettext("The need"), starts_on, ends_on)
    starts_on, ends_on = whole_weeks(starts_on, ends_on)
    with transaction.atomic():
        locked = Need.objects.select_for_update().get(pk=need.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(gettext("This need has been withdrawn."))
        changes = _apply(locked, {"count": count, "starts_on": starts_on, "ends_on": ends_on})
        record_event(
            "projects.need_edited",
            actor=actor,
            subject=f"project:{locked.project_id}",
            data={"need": locked.pk, "skill": locked.skill, **changes},
        )
    return locked


def withdraw_need(need: Need, *, actor: Any) -> Need:
    require_coordination(
        actor,
        need.project,
        refusal=gettext(
            "Only the officers of the project's coordinating organizations can withdraw a need of the brigade."
        ),
        committee_too=False,
    )
    with transaction.atomic():
        locked = Need.objects.select_for_update().get(pk=need.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError(gettext("This need has been withdrawn already."))
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["withdrawn_at"])
        record_event(
            "projects.need_withdrawn",
            actor=actor,
            subject=f"project:{locked.project_id}",
            data={"need": locked.pk, "skill": locked.skill, "count": locked.count},
        )
    return locked
