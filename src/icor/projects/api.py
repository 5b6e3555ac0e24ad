"""JSON API of joint projects, reliability records, calendar and brigades."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.responses import Status
from ninja.security import django_auth

from icor.projects.models import Project
from icor.projects.selectors import projects as selectors
from icor.projects.selectors.brigades import brigade_plan
from icor.projects.selectors.calendar import activities, combined_picture
from icor.projects.selectors.reliability import (
    ReliabilityRecord,
    reliability_by_project,
    reliability_of,
    reliability_records,
)
from icor.projects.services import projects as services
from icor.registry.models import Organization

router = Router(tags=["projects"])


class SupportOut(Schema):
    organization: str = Field(description="slug of the organization")
    organization_name: str
    since: date
    until: date | None


class ProjectOut(Schema):
    id: int
    title: str
    level: str
    area: str
    kind: str
    status: str
    starts_on: date | None
    ends_on: date | None
    coordinators: list[str] = Field(description="slugs of the coordinating organizations")
    launching_decision: str
    recruits_volunteers: bool
    supporters: list[str] = Field(description="slugs of the organizations supporting it now (S7)")


class TaskOut(Schema):
    id: int
    title: str
    due_on: date
    state: str
    accepted_by: str | None


class ProjectDetailOut(ProjectOut):
    description: str
    support_history: list[SupportOut]
    tasks: list[TaskOut]


class ReliabilityOut(Schema):
    organization: str
    project: int | None
    accepted: int
    done_on_time: int
    done_late: int
    overdue: int
    dropped: int
    in_progress: int


class CountryRow(Schema):
    country: str
    organizations: int
    people: int
    places: list[str]


class ContinentRow(Schema):
    continent: str
    organizations: int
    people: int
    countries: list[CountryRow]


class ActivityOut(Schema):
    id: int
    title: str
    starts_on: date
    ends_on: date
    level: str
    area: str
    people: int
    organizations: int
    continents: list[ContinentRow]


class PersonOut(Schema):
    pseudonym: str
    organization: str
    country: str
    skills: list[str]


class NeedOut(Schema):
    skill: str
    needed: int
    present: int
    missing: int


class WeekOut(Schema):
    monday: date
    sunday: date
    on_site: int
    per_country: dict[str, int]
    per_skill: dict[str, int]
    needs: list[NeedOut]
    people: list[PersonOut] = Field(description="only the volunteers this account may see by name (S15)")


class Refusal(Schema):
    detail: str


def _project(project: Project) -> dict[str, Any]:
    return {
        "id": project.pk,
        "title": project.title,
        "level": project.level,
        "area": project.area,
        "kind": project.kind,
        "status": project.status,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "coordinators": [organization.slug for organization in project.coordinators.all()],
        "launching_decision": project.launching_decision,
        "recruits_volunteers": project.recruits_volunteers,
        "supporters": sorted(s.organization.slug for s in project.supports.all() if s.until is None),
    }


def _record(record: ReliabilityRecord) -> dict[str, Any]:
    assert record.organization is not None
    return {"organization": record.organization.slug, "project": record.project_id, **record.as_dict()}


@router.get("", response=list[ProjectOut], summary="Joint projects")
def list_projects(request: HttpRequest, status: str = "", level: str = "") -> list[dict[str, Any]]:
    queryset = selectors.projects(status=status, level=level).prefetch_related("supports__organization")
    return [_project(project) for project in queryset]


@router.get(
    "/reliability", response=list[ReliabilityOut], summary="Reliability records of all organizations (S8)"
)
def reliability(request: HttpRequest, project: int | None = None) -> list[dict[str, Any]]:
    chosen = get_object_or_404(Project, pk=project) if project is not None else None
    return [_record(record) for record in reliability_records(project=chosen)]


@router.get(
    "/reliability/{slug}",
    response=list[ReliabilityOut],
    summary="One organization: in all projects, then per project",
)
def organization_reliability(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    organization = get_object_or_404(Organization, slug=slug)
    return [
        _record(reliability_of(organization)),
        *(_record(r) for r in reliability_by_project(organization)),
    ]


@router.get("/activities", response=list[ActivityOut], summary="Calendar of coordinated activities (S10)")
def calendar(request: HttpRequest) -> list[dict[str, Any]]:
    rows = []
    for activity in activities():
        picture = combined_picture(activity)
        rows.append(
            {
                "id": activity.pk,
                "title": activity.title,
                "starts_on": activity.starts_on,
                "ends_on": activity.ends_on,
                "level": activity.level,
                "area": activity.area,
                "people": picture.people,
                "organizations": picture.organizations,
                "continents": [
                    {
                        "continent": c.continent,
                        "organizations": len(c.organizations),
                        "people": c.people,
                        "countries": [
                            {
                                "country": row.code,
                                "organizations": len(row.organizations),
                                "people": row.people,
                                "places": row.places,
                            }
                            for row in c.country_rows
                        ],
                    }
                    for c in picture.continents
                ],
            }
        )
    return rows


@router.get(
    "/{int:project_id}", response=ProjectDetailOut, summary="One project with its support history and tasks"
)
def project_detail(request: HttpRequest, project_id: int) -> dict[str, Any]:
    project = selectors.projects().filter(pk=project_id).first()
    if project is None:
        raise Http404("No project with this id.")
    data = _project(project)
    data["description"] = project.description
    data["support_history"] = [
        {
            "organization": s.organization.slug,
            "organization_name": s.organization.short_name,
            "since": s.since,
            "until": s.until,
        }
        for s in selectors.support_history(project)
    ]
    data["tasks"] = [
        {
            "id": t.pk,
            "title": t.title,
            "due_on": t.due_on,
            "state": t.state,
            "accepted_by": t.organization.slug if t.organization else None,
        }
        for t in selectors.tasks_of(project)
    ]
    return data


@router.get("/{int:project_id}/brigade", response=list[WeekOut], summary="Brigade plan week by week (S15)")
def brigade(request: HttpRequest, project_id: int) -> list[dict[str, Any]]:
    project = get_object_or_404(Project, pk=project_id, recruits_volunteers=True)
    plan = brigade_plan(project, request.user)
    return [
        {
            "monday": week.monday,
            "sunday": week.sunday,
            "on_site": week.on_site,
            "per_country": week.per_country,
            "per_skill": week.per_skill,
            "needs": [
                {"skill": n.skill, "needed": n.needed, "present": n.present, "missing": n.missing}
                for n in week.needs
            ],
            "people": [
                {
                    "pseudonym": p.pseudonym,
                    "organization": p.organization,
                    "country": p.country,
                    "skills": p.skills,
                }
                for p in week.people
            ],
        }
        for week in plan.weeks
    ]


@router.post(
    "/{int:project_id}/support",
    auth=django_auth,
    response={201: SupportOut, 403: Refusal, 422: Refusal},
    summary="Declare support for your own organization (S7)",
)
def declare_support(request: HttpRequest, project_id: int) -> Status[dict[str, Any]]:
    project = get_object_or_404(Project, pk=project_id)
    return _support_action(request, project, withdraw=False)


@router.post(
    "/{int:project_id}/support/withdraw",
    auth=django_auth,
    response={201: SupportOut, 403: Refusal, 422: Refusal},
    summary="Withdraw your own organization's support (S7)",
)
def withdraw_support(request: HttpRequest, project_id: int) -> Status[dict[str, Any]]:
    project = get_object_or_404(Project, pk=project_id)
    return _support_action(request, project, withdraw=True)


def _support_action(request: HttpRequest, project: Project, *, withdraw: bool) -> Status[dict[str, Any]]:
    organization = getattr(request.user, "organization", None)
    if organization is None:
        return Status(403, {"detail": "Only accounts of a member organization act for an organization."})
    service = services.withdraw_support if withdraw else services.declare_support
    try:
        support = service(project, actor=request.user, organization=organization)
    except PermissionDenied as error:
        return Status(403, {"detail": str(error)})
    except ValidationError as error:
        return Status(422, {"detail": " ".join(error.messages)})
    return Status(
        201,
        {
            "organization": organization.slug,
            "organization_name": organization.short_name,
            "since": support.since,
            "until": support.until,
        },
    )
