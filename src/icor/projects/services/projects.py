"""Projects and the support each organization declares for itself (S7, S9)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from rules import has_perm

from icor.accounts.rules import is_committee
from icor.audit.services import record_event
from icor.core import bounds
from icor.core.refusals import WRONG_STATE
from icor.projects.authority import require_coordination, require_own
from icor.projects.models import Kind, Level, Project, ProjectStatus, Support
from icor.projects.models.scope import check_level
from icor.registry.models import Organization

# proposed → active → completed | cancelled; a proposed project can also be cancelled.
TRANSITIONS = {
    ProjectStatus.PROPOSED: {ProjectStatus.ACTIVE, ProjectStatus.CANCELLED},
    ProjectStatus.ACTIVE: {ProjectStatus.COMPLETED, ProjectStatus.CANCELLED},
    ProjectStatus.COMPLETED: set(),
    ProjectStatus.CANCELLED: set(),
}


def create_project(
    *,
    actor: Any,
    title: str,
    coordinators: Iterable[Organization],
    level: str = Level.WORLDWIDE,
    kind: str = Kind.MAIN_TASK,
    description: str = "",
    continent: str = "",
    region_name: str = "",
    region_countries: Iterable[str] = (),
    starts_on: date | None = None,
    ends_on: date | None = None,
    launching_decision: str = "",
    launching_motion: Any = None,
    recruits_volunteers: bool = False,
) -> Project:
    """The committee creates projects; an officer creates those its own organization coordinates."""
    coordinators = list(coordinators)
    if not has_perm("projects.create_project", actor):
        raise PermissionDenied(
            gettext(
                "Projects are created by the coordinating committee or by a member organization's officer."
            )
        )
    if not is_committee(actor) and [organization.pk for organization in coordinators] != [
        actor.organization_id
    ]:
        raise PermissionDenied(
            gettext(
                "An officer creates projects that their own organization coordinates, and names no "
                "other organization: each organization decides itself what it takes on (S7, S11)."
            )
        )
    if not coordinators:
        raise ValidationError(gettext("Name at least one coordinating organization."))
    if not title.strip():
        raise ValidationError(gettext("Give the project a title."))
    bounds.check_text(gettext("Description"), description, limit=bounds.MAX_DESCRIPTION)
    bounds.check_period(gettext("The project"), starts_on, ends_on)
    countries = sorted({code.strip().upper() for code in region_countries if code.strip()})
    check_level(level, continent, region_name, countries)
    if kind == Kind.SINGLE:
        if starts_on is None or ends_on is None:
            raise ValidationError(
                gettext("A single project is planned for a limited time: give its start and end dates (S9).")
            )
        if ends_on < starts_on:
            raise ValidationError(gettext("The project cannot end before it starts."))
    elif recruits_volunteers:
        raise ValidationError(gettext("Only a single project for a limited time recruits volunteers (S15)."))
    if launching_motion is not None and launching_motion.state != "adopted":
        raise ValidationError(gettext("Only an adopted motion can be the decision that launches a project."))
    with transaction.atomic():
        project = Project.objects.create(
            title=title.strip(),
            description=description.strip(),
            level=level,
            kind=kind,
            continent=continent if level == Level.CONTINENT else "",
            region_name=region_name.strip() if level == Level.REGION else "",
            region_countries=",".join(countries) if level == Level.REGION else "",
            starts_on=starts_on,
            ends_on=ends_on,
            launching_decision=launching_decision.strip()
            or (launching_motion.title if launching_motion else ""),
            launching_motion=launching_motion,
            recruits_volunteers=recruits_volunteers,
            created_by=actor,
        )
        project.coordinators.set(coordinators)
        record_event(
            "projects.created",
            actor=actor,
            subject=f"project:{project.pk}",
            data={
                "title": project.title,
                "level": level,
                "kind": kind,
                "coordinators": [organization.pk for organization in coordinators],
                "launching_decision": project.launching_decision,
                "launching_motion": launching_motion.pk if launching_motion else None,
            },
        )
    return project


def set_project_status(project: Project, *, actor: Any, status: str) -> Project:
    require_coordination(
        actor,
        project,
        refusal=gettext(
            "Only the project's coordinating organizations or the coordinating committee can change the status of a project."
        ),
    )
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        if status not in TRANSITIONS[ProjectStatus(project.status)]:
            raise ValidationError(
                gettext("A %(current)s project cannot become %(wanted)s.")
                % {"current": project.get_status_display(), "wanted": status}
            )
        previous = project.status
        project.status = status
        project.save(update_fields=["status"])
        record_event(
            "projects.status_changed",
            actor=actor,
            subject=f"project:{project.pk}",
            data={"from": previous, "to": status},
        )
    return project


def declare_support(project: Project, *, actor: Any, organization: Organization) -> Support:
    """S7: "Every organization decides itself which project and which activities it supports"."""
    require_own(
        actor,
        organization,
        officers_only=True,
        refusal=gettext(
            "Only its own officers can declare support for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    if not project.is_open_for_work:
        raise ValidationError(
            gettext("This project is %(status)s.") % {"status": project.get_status_display()},
            code=WRONG_STATE,
        )
    if refusal := project.refusal_for(organization):
        raise ValidationError(refusal)
    today = timezone.localdate()
    try:
        with transaction.atomic():
            if Support.objects.filter(
                project=project, organization=organization, until__isnull=True
            ).exists():
                raise ValidationError(
                    gettext("%(organization)s already supports this project.")
                    % {"organization": organization.short_name},
                    code=WRONG_STATE,
                )
            support = Support.objects.create(
                project=project, organization=organization, since=today, declared_by=actor
            )
            record_event(
                "projects.support_declared",
                actor=actor,
                organization_id=organization.pk,
                subject=f"project:{project.pk}",
                data={"since": today},
            )
    except IntegrityError:
        # Another account of the same organization declared it at the same moment.
        raise ValidationError(
            gettext("%(organization)s already supports this project.")
            % {"organization": organization.short_name},
            code=WRONG_STATE,
        ) from None
    return support


def withdraw_support(
    project: Project, *, actor: Any, organization: Organization, on: date | None = None
) -> Support:
    require_own(
        actor,
        organization,
        officers_only=True,
        refusal=gettext(
            "Only its own officers can withdraw support for %(organization)s: "
            "nobody acts in the name of another organization, "
            "not even the coordinating committee (S7, S11)."
        ),
    )
    until = on or timezone.localdate()
    with transaction.atomic():
        support = (
            Support.objects.select_for_update()
            .filter(project=project, organization=organization, until__isnull=True)
            .first()
        )
        if support is None:
            raise ValidationError(
                gettext("%(organization)s does not support this project.")
                % {"organization": organization.short_name}
            )
        if until < support.since or until > timezone.localdate():
            raise ValidationError(
                gettext("The withdrawal date lies between the start of the support and today.")
            )
        support.until = until
        support.withdrawn_by = actor
        support.save(update_fields=["until", "withdrawn_by"])
        record_event(
            "projects.support_withdrawn",
            actor=actor,
            organization_id=organization.pk,
            subject=f"project:{project.pk}",
            data={"since": support.since, "until": until},
        )
    return support
