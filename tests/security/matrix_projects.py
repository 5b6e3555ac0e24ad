"""Projects, tasks, calendar and brigades (S7 to S10, S15, S11). Project pages are public; every
write is taken for the visitor's own organization, and coordination belongs to the officers of
the coordinating organizations (and for projects and tasks also to the committee).

The world: a project coordinated by `own` (created by its officer) and one by `other`; in each an
open task and a task accepted by the coordinating organization, due within a week (so each
organization has a reminder); a brigade coordinated by each, with a volunteer of that organization;
an activity in the calendar with a participation report of each organization."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from icor.projects.models import Notification
from icor.projects.services import activities, brigades, notifications, tasks
from icor.projects.services import projects as services
from tests.security.matrix import EVERYONE_OK, FORBIDDEN, FOUND, OK, UNAUTHORIZED, Row, cells
from tests.security.matrix_conferences import LOGGED_IN, REFUSED

# Writes that name no organization act for the visitor's own; an account without one gets 403.
OWN_OFFICER = cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=REFUSED)
OWN_MEMBERS = cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=FOUND)
# Writes on another organization's record are refused with the reason (S11).
OTHERS_RECORD = cells(FORBIDDEN, anonymous=FOUND, officer=REFUSED, delegate=REFUSED)
COORDINATORS = cells(REFUSED, anonymous=FOUND, officer=FOUND, committee=FOUND)
COORDINATING_OFFICERS = cells(REFUSED, anonymous=FOUND, officer=FOUND)
NOBODY = cells(REFUSED, anonymous=FOUND)
BRIGADE_START, BRIGADE_END = date(2027, 6, 1), date(2027, 10, 31)


def projects_world(world: Any) -> None:
    if "project" in world.extra:
        return
    committee = world.accounts["committee"]
    due = timezone.localdate() + timedelta(days=3)
    found: dict[str, dict[str, int]] = {
        key: {} for key in ("project", "open_task", "task", "brigade", "volunteer")
    }
    for side, organization, officer in (
        ("own", world.own, world.accounts["officer"]),
        ("other", world.other, world.other_officer),
    ):
        project = services.create_project(
            actor=officer, title=f"Project of {side}", coordinators=[organization]
        )
        open_task = tasks.create_task(project, actor=officer, title="Translate the call", due_on=due)
        task = tasks.create_task(project, actor=officer, title="Print the posters", due_on=due)
        tasks.accept_task(task, actor=officer, organization=organization)
        brigade = services.create_project(
            actor=officer,
            title=f"Brigade of {side}",
            coordinators=[organization],
            kind="single",
            starts_on=BRIGADE_START,
            ends_on=BRIGADE_END,
            recruits_volunteers=True,
        )
        volunteer = brigades.register_volunteer(
            brigade,
            actor=officer,
            organization=organization,
            pseudonym=f"Volunteer {side}",
            skills="bricklayer",
            availability=[(BRIGADE_START, date(2027, 8, 31))],
        )
        for key, value in (
            ("project", project),
            ("open_task", open_task),
            ("task", task),
            ("brigade", brigade),
            ("volunteer", volunteer),
        ):
            found[key][side] = value.pk
    notifications.send_reminders(days=7)
    activity = activities.create_activity(actor=committee, title="Day of action", starts_on=date(2027, 5, 1))
    for organization, officer in ((world.own, world.accounts["officer"]), (world.other, world.other_officer)):
        activities.report_participation(
            activity, actor=officer, organization=organization, what="Rally", city="Capital", people=40
        )
    world.extra.update(
        found,
        notification={
            side: Notification.objects.get(organization=organization).pk
            for side, organization in (("own", world.own), ("other", world.other))
        },
        activity=activity.pk,
    )


def supported_world(world: Any) -> None:
    """`own` supports both projects, so that its officer can withdraw."""
    projects_world(world)
    from icor.projects.models import Project

    for project in Project.objects.filter(pk__in=world.extra["project"].values()):
        services.declare_support(project, actor=world.accounts["officer"], organization=world.own)


def needs_world(world: Any) -> None:
    """Each brigade has a need for bricklayers, set by its coordinating officer."""
    projects_world(world)
    if "need" in world.extra:
        return
    from icor.projects.models import Project

    needs = {}
    for side, officer in (("own", world.accounts["officer"]), ("other", world.other_officer)):
        brigade = Project.objects.get(pk=world.extra["brigade"][side])
        need = brigades.set_need(
            brigade,
            actor=officer,
            skill="bricklayer",
            count=2,
            starts_on=BRIGADE_START,
            ends_on=date(2027, 6, 30),
        )
        needs[side] = need.pk
    world.extra["need"] = needs


def row(route: str, path: str, own: Any, other: Any = None, **options: Any) -> Row:
    options.setdefault("prepare", projects_world)
    return Row(f"projects:{route}", path, own, other=other, **options)


def post(route: str, path: str, own: Any, other: Any = None, **options: Any) -> Row:
    return row(route, path, own, other, method="POST", **options)


def api(method: str, route: str, path: str, own: Any = EVERYONE_OK, other: Any = None, **options: Any) -> Row:
    options.setdefault("prepare", projects_world)
    return Row(
        f"{method} /api/projects{route}",
        f"/api/projects{path}",
        own,
        other=other,
        method=method,
        json=True,
        **options,
    )


PROJECT = {"title": "A joint campaign", "kind": "main_task", "level": "worldwide"}
TASK = {"title": "Collect reports", "due_on": "2027-01-31"}
PERIOD = {"starts_on": "2027-06-07", "ends_on": "2027-06-20"}
API_SUPPORT = cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201)
API_NOBODY = cells(FORBIDDEN, anonymous=UNAUTHORIZED)
API_COORDINATORS = cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, committee=201)
API_COORDINATING_OFFICERS = cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201)
# The API names the organization acted for ({org}): `own` for its accounts, `other` refused (S11).
ACTING = {"organization": "{org}"}
AVAILABILITY = '[{{"starts_on": "2027-07-01", "ends_on": "2027-07-31"}}]'

# Withdrawals are confirmed (icor.core.confirmation); unconfirmed: tests/projects/test_confirmations.py.
CONFIRMED = {"confirmed": "1"}

ROWS = [
    row("list", "/projects/", EVERYONE_OK),
    row(
        "create",
        "/projects/new/",
        cells(FORBIDDEN, anonymous=FOUND, officer=OK, committee=OK),
        why="the committee or an officer (for the own organization) creates projects",
    ),
    post(
        "create",
        "/projects/new/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, committee=FOUND),
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, committee=FOUND),
        data={**PROJECT, "coordinators": "{org_id}"},
        why="S7, S11: an officer's project is coordinated by the own organization whatever the form says; "
        "the committee names the coordinators",
    ),
    row("detail", "/projects/{project}/", EVERYONE_OK, EVERYONE_OK),
    post(
        "status",
        "/projects/{project}/status/",
        COORDINATORS,
        cells(REFUSED, anonymous=FOUND, committee=FOUND),
        data={"status": "active"},
        why="the coordinating organizations' officers or the committee change the status",
    ),
    post(
        "support",
        "/projects/{project}/support/",
        OWN_OFFICER,
        OWN_OFFICER,
        why="S7: the own officer declares support for the own organization only; the URL names no other",
    ),
    post(
        "support",
        "/projects/{project}/support/",
        OWN_OFFICER,
        OWN_OFFICER,
        data={"action": "withdraw"},
        prepare=supported_world,
        why="S7: the own officer withdraws the own organization's support",
    ),
    post(
        "task_create",
        "/projects/{project}/tasks/",
        COORDINATORS,
        cells(REFUSED, anonymous=FOUND, committee=FOUND),
        data=TASK,
        why="the coordinating organizations' officers or the committee add tasks",
    ),
    row("task", "/projects/tasks/{task}/", EVERYONE_OK, EVERYONE_OK),
    post(
        "task_action",
        "/projects/tasks/{open_task}/accept/",
        OWN_MEMBERS,
        OWN_MEMBERS,
        why="S7, S8: an organization accepts a task for itself; the committee cannot accept in its name",
    ),
    post(
        "task_action",
        "/projects/tasks/{task}/progress/",
        OWN_MEMBERS,
        OTHERS_RECORD,
        data={"note": "Half of the posters are printed."},
        why="S8, S11: only the accepting organization reports on its task",
    ),
    post("task_action", "/projects/tasks/{task}/done/", OWN_MEMBERS, OTHERS_RECORD, why="S8, S11"),
    post(
        "task_action",
        "/projects/tasks/{task}/drop/",
        OWN_MEMBERS,
        OTHERS_RECORD,
        data={"note": "We cannot do it in time."},
        why="S8, S11: only the accepting organization drops its task",
    ),
    row("organization_support", "/projects/organizations/{org}/support/", EVERYONE_OK, EVERYONE_OK),
    row("reliability", "/projects/reliability/", EVERYONE_OK),
    row("reliability_organization", "/projects/reliability/{org}/", EVERYONE_OK, EVERYONE_OK),
    row("notifications", "/projects/notifications/", LOGGED_IN),
    post(
        "notification_read",
        "/projects/notifications/{notification}/read/",
        cells(REFUSED, anonymous=FOUND, officer=FOUND, delegate=FOUND),
        NOBODY,
        why="S11: a notification is marked read by its own organization only",
    ),
    row("calendar", "/projects/calendar/", EVERYONE_OK),
    row("calendar_ics", "/projects/calendar.ics", EVERYONE_OK),
    row("activity_create", "/projects/calendar/new/", LOGGED_IN),
    post(
        "activity_create",
        "/projects/calendar/new/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, committee=FOUND),
        data={"title": "Day of solidarity", "starts_on": "2027-03-08", "level": "worldwide"},
        why="S10: the committee or an officer (in the own organization's name) proposes an activity",
    ),
    row("activity", "/projects/activities/{activity}/", EVERYONE_OK),
    post(
        "participate",
        "/projects/activities/{activity}/participation/",
        OWN_MEMBERS,
        data={"what": "A rally", "city": "Berlin", "people": "25"},
        why="S10, S11: each organization reports its own participation; the URL names no other",
    ),
    row("brigade", "/projects/{brigade}/brigade/", EVERYONE_OK, EVERYONE_OK),
    post(
        "volunteer_register",
        "/projects/{brigade}/brigade/volunteers/",
        OWN_OFFICER,
        OWN_OFFICER,
        data={
            "pseudonym": "Newcomer",
            "skills": "electrician",
            "available_from": "2027-07-01",
            "available_until": "2027-07-31",
        },
        why="S15, S11: an officer offers the own organization's volunteers, to any brigade",
    ),
    post(
        "need_set",
        "/projects/{brigade}/brigade/needs/",
        COORDINATING_OFFICERS,
        NOBODY,
        data={"skill": "bricklayer", "count": "3", **PERIOD},
        why="S15: the coordinating organizations' officers set the needs",
    ),
    post(
        "assign",
        "/projects/{brigade}/brigade/assignments/",
        COORDINATING_OFFICERS,
        NOBODY,
        data={"volunteer": "{volunteer}", **PERIOD},
        why="S15: the coordinating organizations' officers assign volunteers",
    ),
    row("project_edit", "/projects/{project}/edit/", LOGGED_IN, LOGGED_IN),
    post(
        "project_edit",
        "/projects/{project}/edit/",
        COORDINATORS,
        cells(REFUSED, anonymous=FOUND, committee=FOUND),
        data={"title": "A better title"},
        why="the coordinating organizations (and the committee) correct a project; history in the audit log",
    ),
    row("activity_edit", "/projects/activities/{activity}/edit/", LOGGED_IN),
    post(
        "activity_edit",
        "/projects/activities/{activity}/edit/",
        cells(REFUSED, anonymous=FOUND, committee=FOUND),
        data={"title": "Day of action", "starts_on": "2027-05-01"},
        why="whoever proposed the activity changes it: here the committee",
    ),
    post(
        "activity_withdraw",
        "/projects/activities/{activity}/withdraw/",
        cells(REFUSED, anonymous=FOUND, committee=FOUND),
        data=CONFIRMED,
        why="whoever proposed the activity withdraws it; the reports stay",
    ),
    row("volunteer_edit", "/projects/volunteers/{volunteer}/edit/", LOGGED_IN, LOGGED_IN),
    post(
        "volunteer_edit",
        "/projects/volunteers/{volunteer}/edit/",
        COORDINATING_OFFICERS,
        NOBODY,
        data={"skills": "carpenter", "languages": ""},
        why="S11, S15: only the volunteer's own organization changes what it said of its volunteer",
    ),
    post(
        "volunteer_withdraw",
        "/projects/volunteers/{volunteer}/withdraw/",
        COORDINATING_OFFICERS,
        NOBODY,
        data=CONFIRMED,
        why="S11, S15: only the volunteer's own organization withdraws its volunteer",
    ),
    row("need_edit", "/projects/needs/{need}/edit/", LOGGED_IN, LOGGED_IN, prepare=needs_world),
    post(
        "need_edit",
        "/projects/needs/{need}/edit/",
        COORDINATING_OFFICERS,
        NOBODY,
        data={"count": "2", **PERIOD},
        prepare=needs_world,
        why="S15: the coordinating organizations' officers change the needs",
    ),
    post(
        "need_withdraw",
        "/projects/needs/{need}/withdraw/",
        COORDINATING_OFFICERS,
        NOBODY,
        prepare=needs_world,
        data=CONFIRMED,
        why="S15: the coordinating organizations' officers withdraw a need",
    ),
    api("GET", "", ""),
    api("GET", "/reliability", "/reliability"),
    api("GET", "/reliability/{slug}", "/reliability/{org}", other=EVERYONE_OK),
    api("GET", "/activities", "/activities"),
    api("GET", "/{project_id}", "/{project}", other=EVERYONE_OK),
    api("GET", "/{project_id}/brigade", "/{brigade}/brigade", other=EVERYONE_OK),
    api(
        "POST",
        "/{project_id}/support",
        "/{project}/support",
        API_SUPPORT,
        API_SUPPORT,
        why="S7: support is declared for the visitor's own organization only",
    ),
    api(
        "POST",
        "/{project_id}/support/withdraw",
        "/{project}/support/withdraw",
        API_SUPPORT,
        API_SUPPORT,
        prepare=supported_world,
    ),
    api(
        "POST",
        "/{project_id}/tasks",
        "/{project}/tasks",
        API_COORDINATORS,
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, committee=201),
        data=TASK,
        why="the coordinating organizations' officers or the committee add tasks",
    ),
    api("GET", "/tasks/{task_id}", "/tasks/{task}", other=EVERYONE_OK),
    api(
        "POST",
        "/tasks/{task_id}/accept",
        "/tasks/{open_task}/accept",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        API_NOBODY,
        data=ACTING,
        why="S7, S11: a task is accepted in the visitor's own organization's name, never another's",
    ),
    api(
        "POST",
        "/tasks/{task_id}/progress",
        "/tasks/{task}/progress",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201),
        API_NOBODY,
        data={**ACTING, "note": "Half of the posters are printed."},
        why="S8, S11: only the accepting organization reports on its task",
    ),
    api(
        "POST",
        "/tasks/{task_id}/done",
        "/tasks/{task}/done",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        API_NOBODY,
        data=ACTING,
        why="S8, S11",
    ),
    api(
        "POST",
        "/tasks/{task_id}/drop",
        "/tasks/{task}/drop",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        API_NOBODY,
        data={**ACTING, "reason": "We cannot do it in time."},
        why="S8, S11",
    ),
    api(
        "POST",
        "/activities",
        "/activities",
        API_COORDINATORS,
        data={"title": "Day of solidarity", "starts_on": "2027-03-08"},
        why="S10: the committee or an officer (in the own organization's name) proposes an activity",
    ),
    api(
        "POST",
        "/activities/{activity_id}/participation",
        "/activities/{activity}/participation",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201),
        API_NOBODY,
        data={**ACTING, "what": "A rally", "city": "Berlin", "people": "25"},
        why="S10, S11: each organization reports its own participation, never another's",
    ),
    api(
        "GET",
        "/{project_id}/brigade/volunteers",
        "/{brigade}/brigade/volunteers",
        other=EVERYONE_OK,
        why="everyone gets a list, holding only the volunteers the visitor may see (S15)",
    ),
    api(
        "POST",
        "/{project_id}/brigade/volunteers",
        "/{brigade}/brigade/volunteers",
        API_COORDINATING_OFFICERS,
        API_NOBODY,
        data={**ACTING, "pseudonym": "Newcomer", "skills": '["electrician"]', "availability": AVAILABILITY},
        why="S15, S11: an officer offers the own organization's volunteers, never another's",
    ),
    api(
        "POST",
        "/{project_id}/brigade/needs",
        "/{brigade}/brigade/needs",
        API_COORDINATING_OFFICERS,
        API_NOBODY,
        data={"skill": "bricklayer", "count": "3", **PERIOD},
        why="S15: the coordinating organizations' officers set the needs",
    ),
    api(
        "POST",
        "/{project_id}/brigade/assignments",
        "/{brigade}/brigade/assignments",
        API_COORDINATING_OFFICERS,
        API_NOBODY,
        data={"volunteer": "{volunteer}", **PERIOD},
        why="S15: the coordinating organizations' officers assign volunteers",
    ),
    api("GET", "/notifications", "/notifications", cells(OK, anonymous=UNAUTHORIZED)),
    api(
        "POST",
        "/notifications/{notification_id}/read",
        "/notifications/{notification}/read",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        API_NOBODY,
        why="S11: a notification is marked read by its own organization only",
    ),
]
