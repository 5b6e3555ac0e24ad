"""The write API of the projects app: tasks, activities, brigades and notifications. Every write is
taken for the account's own organization (S11); refusals are 403 (not allowed) or 422 (not
possible) with the reason in `detail`, and change nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from icor.accounts.models import Role, User
from icor.audit.models import AuditEvent
from icor.projects.models import (
    Activity,
    Assignment,
    Need,
    Notification,
    Participation,
    Project,
    Task,
    TaskEvent,
    TaskState,
    Volunteer,
)
from icor.projects.services import tasks
from icor.projects.services.activities import create_activity
from icor.projects.services.brigades import assign_volunteer, register_volunteer
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_organization, make_project, make_user, with_totp

pytestmark = pytest.mark.django_db

JUNE = {"starts_on": "2015-06-01", "ends_on": "2015-06-30"}


def post(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(f"/api/projects{path}", body or {}, content_type="application/json")


@pytest.fixture
def own_project(own_organization: Organization) -> Project:
    return make_project(title="Solidarity campaign", coordinators=[own_organization])


@pytest.fixture
def open_task(own_project: Project) -> Task:
    return Task.objects.create(
        project=own_project, title="Translate the call", due_on=timezone.localdate() + timedelta(days=10)
    )


@pytest.fixture
def accepted_task(open_task: Task, officer: User, own_organization: Organization) -> Task:
    return tasks.accept_task(open_task, actor=officer, organization=own_organization)


# --- tasks (S8) ----------------------------------------------------------------------------------


def test_a_coordinating_officer_adds_a_task(officer: User, own_project: Project) -> None:
    response = post(
        logged_in(with_totp(officer)),
        f"/{own_project.pk}/tasks",
        {"title": "Print the posters", "due_on": "2027-01-31", "description": "A3, two colours"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["title"], body["due_on"], body["state"], body["accepted_by"]) == (
        "Print the posters",
        "2027-01-31",
        "open",
        None,
    )
    assert Task.objects.get(pk=body["id"]).project == own_project
    assert AuditEvent.objects.filter(event="projects.task_created", subject=f"task:{body['id']}").exists()


def test_an_officer_of_another_organization_cannot_add_a_task(
    other_officer: User, own_project: Project
) -> None:
    response = post(
        logged_in(with_totp(other_officer)),
        f"/{own_project.pk}/tasks",
        {"title": "X", "due_on": "2027-01-31"},
    )
    assert response.status_code == 403
    assert "coordinating" in response.json()["detail"]
    assert not Task.objects.exists()


def test_an_organization_accepts_a_task_for_itself(
    delegate: User, open_task: Task, own_organization: Organization
) -> None:
    """S7, S8: accepting is the organization's own decision; a delegate may take it."""
    response = post(logged_in(delegate), f"/tasks/{open_task.pk}/accept")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["accepted_by"]) == ("accepted", own_organization.slug)
    assert [(e["kind"], e["organization"]) for e in body["timeline"]] == [("accepted", own_organization.slug)]
    open_task.refresh_from_db()
    assert open_task.organization == own_organization


@pytest.mark.parametrize("actor_fixture", ["officer", "committee"])
def test_nobody_accepts_a_task_in_the_name_of_another_organization(
    actor_fixture: str, open_task: Task, other_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S11: not even the coordinating committee acts for an organization."""
    actor = with_totp(request.getfixturevalue(actor_fixture))
    response = post(
        logged_in(actor), f"/tasks/{open_task.pk}/accept", {"organization": other_organization.slug}
    )
    assert response.status_code == 403
    assert "S11" in response.json()["detail"]
    open_task.refresh_from_db()
    assert (open_task.state, open_task.organization) == (TaskState.OPEN, None)


def test_the_committee_has_no_organization_to_accept_a_task_for(committee: User, open_task: Task) -> None:
    response = post(logged_in(with_totp(committee)), f"/tasks/{open_task.pk}/accept")
    assert response.status_code == 403
    assert "member organization" in response.json()["detail"]


def test_a_task_already_accepted_cannot_be_accepted_again(other_officer: User, accepted_task: Task) -> None:
    response = post(logged_in(with_totp(other_officer)), f"/tasks/{accepted_task.pk}/accept")
    assert response.status_code == 409
    assert "already been accepted" in response.json()["detail"]


def test_the_accepting_organization_reports_progress_and_marks_done(
    officer: User, accepted_task: Task, own_organization: Organization
) -> None:
    client = logged_in(with_totp(officer))
    progress = post(client, f"/tasks/{accepted_task.pk}/progress", {"note": "Half of it is translated."})
    assert progress.status_code == 201, progress.content
    assert progress.json()["kind"] == "progress"
    assert progress.json()["organization"] == own_organization.slug
    done = post(client, f"/tasks/{accepted_task.pk}/done", {"note": "Published."})
    assert done.status_code == 200
    assert done.json()["state"] == "done"
    assert [e["kind"] for e in done.json()["timeline"]] == ["accepted", "progress", "done"]
    record = client.get(f"/api/projects/reliability/{own_organization.slug}").json()[0]
    assert (record["accepted"], record["done_on_time"]) == (1, 1)


def test_dropping_a_task_needs_a_reason_and_opens_it_again(
    delegate: User, accepted_task: Task, own_organization: Organization
) -> None:
    """S8: the drop stays on the organization's reliability record."""
    client = logged_in(delegate)
    silent = post(client, f"/tasks/{accepted_task.pk}/drop", {"reason": "  "})
    assert silent.status_code == 422
    assert "reason" in silent.json()["detail"]
    dropped = post(client, f"/tasks/{accepted_task.pk}/drop", {"reason": "We cannot do it in time."})
    assert dropped.status_code == 200
    assert (dropped.json()["state"], dropped.json()["accepted_by"]) == ("open", None)
    record = client.get(f"/api/projects/reliability/{own_organization.slug}").json()[0]
    assert (record["accepted"], record["dropped"]) == (1, 1)


@pytest.mark.parametrize(
    ("action", "body"),
    [("progress", {"note": "Done half."}), ("done", {}), ("drop", {"reason": "No time."})],
)
def test_only_the_accepting_organization_answers_for_its_task(
    action: str,
    body: dict[str, str],
    other_officer: User,
    accepted_task: Task,
    own_organization: Organization,
) -> None:
    """S8, S11: another organization can neither report on the task for itself nor in the acceptor's name."""
    client = logged_in(with_totp(other_officer))
    for_itself = post(client, f"/tasks/{accepted_task.pk}/{action}", body)
    assert for_itself.status_code == 409
    assert "has not accepted this task" in for_itself.json()["detail"]
    in_its_name = post(
        client, f"/tasks/{accepted_task.pk}/{action}", {**body, "organization": own_organization.slug}
    )
    assert in_its_name.status_code == 403
    assert "S11" in in_its_name.json()["detail"]
    accepted_task.refresh_from_db()
    assert (accepted_task.state, accepted_task.organization) == (TaskState.ACCEPTED, own_organization)
    assert TaskEvent.objects.count() == 1


def test_a_task_is_read_with_its_timeline(client: Client, accepted_task: Task) -> None:
    body = client.get(f"/api/projects/tasks/{accepted_task.pk}").json()
    assert (body["project"], body["state"], [e["kind"] for e in body["timeline"]]) == (
        accepted_task.project_id,
        "accepted",
        ["accepted"],
    )
    assert client.get("/api/projects/tasks/999999").status_code == 404


def test_api_writes_need_the_csrf_token(officer: User, open_task: Task) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_totp(officer))
    response = post(client, f"/tasks/{open_task.pk}/accept")
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    open_task.refresh_from_db()
    assert open_task.state == TaskState.OPEN


# --- calendar of coordinated activities (S10) ----------------------------------------------------


def test_the_committee_puts_an_activity_in_the_calendar(committee: User, delegate: User) -> None:
    body = {"title": "Day of action", "starts_on": "2027-05-01", "level": "continent", "continent": "Europe"}
    response = post(logged_in(with_totp(committee)), "/activities", body)
    assert response.status_code == 201, response.content
    assert (response.json()["title"], response.json()["ends_on"], response.json()["area"]) == (
        "Day of action",
        "2027-05-01",
        "Europe",
    )
    refused = post(logged_in(delegate), "/activities", body)
    assert refused.status_code == 403
    assert Activity.objects.count() == 1


def test_an_activity_that_ends_before_it_starts_is_refused(officer: User) -> None:
    body = {"title": "Week of action", "starts_on": "2027-05-07", "ends_on": "2027-05-01"}
    response = post(logged_in(with_totp(officer)), "/activities", body)
    assert response.status_code == 422
    assert "cannot end before it starts" in response.json()["detail"]
    assert not Activity.objects.exists()


def test_an_organization_reports_its_own_participation(
    delegate: User, committee: User, own_organization: Organization
) -> None:
    activity = create_activity(actor=committee, title="Day of action", starts_on=date(2027, 5, 1))
    response = post(
        logged_in(delegate),
        f"/activities/{activity.pk}/participation",
        {"what": "A rally", "city": "Paris", "country": "fr", "people": 25},
    )
    assert response.status_code == 201, response.content
    assert {k: response.json()[k] for k in ("organization", "city", "country", "people")} == {
        "organization": own_organization.slug,
        "city": "Paris",
        "country": "FR",
        "people": 25,
    }
    calendar = logged_in(delegate).get("/api/projects/activities").json()
    assert (calendar[0]["people"], calendar[0]["organizations"]) == (25, 1)


@pytest.mark.parametrize("actor_fixture", ["officer", "committee"])
def test_nobody_reports_participation_for_another_organization(
    actor_fixture: str, committee: User, other_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S10, S11: each organization reports its own part, and only its own."""
    activity = create_activity(actor=committee, title="Day of action", starts_on=date(2027, 5, 1))
    actor = with_totp(request.getfixturevalue(actor_fixture))
    response = post(
        logged_in(actor),
        f"/activities/{activity.pk}/participation",
        {"what": "A rally", "city": "Lyon", "people": 10, "organization": other_organization.slug},
    )
    assert response.status_code == 403
    assert "S11" in response.json()["detail"]
    assert not Participation.objects.exists()


def test_a_participation_in_an_unknown_country_is_refused(delegate: User, committee: User) -> None:
    activity = create_activity(actor=committee, title="Day of action", starts_on=date(2027, 5, 1))
    response = post(
        logged_in(delegate),
        f"/activities/{activity.pk}/participation",
        {"what": "A rally", "city": "Nowhere", "country": "QQ", "people": 3},
    )
    assert response.status_code == 422
    assert not Participation.objects.exists()


# --- brigades (S15) ------------------------------------------------------------------------------


VOLUNTEER = {
    "pseudonym": "Heval Sara",
    "skills": ["Electrician"],
    "languages": ["Sorani"],
    "availability": [JUNE],
}


def test_an_officer_offers_a_volunteer_of_its_own_organization(
    kobane: Project, other_officer: User, other_organization: Organization
) -> None:
    response = post(logged_in(with_totp(other_officer)), f"/{kobane.pk}/brigade/volunteers", VOLUNTEER)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["organization"], body["skills"], body["languages"]) == (
        other_organization.slug,
        ["electrician"],
        ["sorani"],
    )
    assert body["availability"] == [JUNE]
    assert body["assignments"] == []


@pytest.mark.parametrize("actor_fixture", ["officer", "committee"])
def test_nobody_offers_volunteers_of_another_organization(
    actor_fixture: str, kobane: Project, other_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S11: not the coordinating organization's officer, not the committee."""
    actor = with_totp(request.getfixturevalue(actor_fixture))
    response = post(
        logged_in(actor),
        f"/{kobane.pk}/brigade/volunteers",
        {**VOLUNTEER, "organization": other_organization.slug},
    )
    assert response.status_code == 403
    assert "S11" in response.json()["detail"]
    assert not Volunteer.objects.exists()


def test_a_delegate_does_not_offer_volunteers(kobane: Project, delegate: User) -> None:
    response = post(logged_in(delegate), f"/{kobane.pk}/brigade/volunteers", VOLUNTEER)
    assert response.status_code == 403
    assert "officers" in response.json()["detail"]
    assert not Volunteer.objects.exists()


def test_the_coordinators_set_needs_in_whole_weeks(
    kobane: Project, officer: User, other_officer: User
) -> None:
    body = {"skill": "Bricklayer", "count": 3, "starts_on": "2015-06-03", "ends_on": "2015-06-10"}
    refused = post(logged_in(with_totp(other_officer)), f"/{kobane.pk}/brigade/needs", body)
    assert refused.status_code == 403
    assert not Need.objects.exists()
    response = post(logged_in(with_totp(officer)), f"/{kobane.pk}/brigade/needs", body)
    assert response.status_code == 201, response.content
    assert {k: response.json()[k] for k in ("skill", "count", "starts_on", "ends_on")} == {
        "skill": "bricklayer",
        "count": 3,
        "starts_on": "2015-06-01",
        "ends_on": "2015-06-14",
    }


def test_the_coordinators_assign_a_volunteer_within_the_offered_period(
    kobane: Project, officer: User, other_officer: User, other_organization: Organization
) -> None:
    volunteer = register_volunteer(
        kobane,
        actor=other_officer,
        organization=other_organization,
        pseudonym="Heval Sara",
        skills="electrician",
        availability=[(date(2015, 6, 1), date(2015, 6, 30))],
    )
    path = f"/{kobane.pk}/brigade/assignments"
    week = {"volunteer": volunteer.pk, "starts_on": "2015-06-08", "ends_on": "2015-06-14"}
    by_volunteers_organization = post(logged_in(with_totp(other_officer)), path, week)
    assert by_volunteers_organization.status_code == 403
    coordinator = logged_in(with_totp(officer))
    too_long = post(coordinator, path, {**week, "ends_on": "2015-07-14"})
    assert too_long.status_code == 422
    assert "did not offer" in too_long.json()["detail"]
    assert not Assignment.objects.exists()
    response = post(coordinator, path, week)
    assert response.status_code == 201, response.content
    assert response.json() == {"id": response.json()["id"], "volunteer": volunteer.pk, **week}


def test_a_brigade_write_on_a_project_without_brigade_is_not_found(
    officer: User, own_project: Project
) -> None:
    response = post(logged_in(with_totp(officer)), f"/{own_project.pk}/brigade/volunteers", VOLUNTEER)
    assert response.status_code == 404


@pytest.fixture
def on_site(kobane: Project, officer: User, other_officer: User, other_organization: Organization) -> Project:
    volunteer = register_volunteer(
        kobane,
        actor=other_officer,
        organization=other_organization,
        pseudonym="Heval Sara",
        skills="electrician",
        languages="Sorani",
        availability=[(date(2015, 6, 1), date(2015, 7, 31))],
    )
    assign_volunteer(volunteer, actor=officer, starts_on=date(2015, 6, 1), ends_on=date(2015, 6, 30))
    return kobane


def test_volunteers_are_shown_by_name_only_to_their_organization_and_the_coordinators(
    on_site: Project, client: Client, officer: User, committee: User, other_organization: Organization
) -> None:
    """S15, S11: the same rule as the brigade page; everybody else sees counts only."""
    entitled = {
        "coordinator": logged_in(with_totp(officer)),
        "volunteer's delegate": logged_in(make_user(Role.DELEGATE, other_organization)),
    }
    outsiders = {
        "anonymous": client,
        "committee": logged_in(with_totp(committee)),
        "third officer": logged_in(with_totp(make_user(Role.OFFICER, make_organization(country="IT")))),
    }
    for who, viewer in entitled.items():
        volunteers = viewer.get(f"/api/projects/{on_site.pk}/brigade/volunteers").json()
        assert [(v["pseudonym"], v["languages"]) for v in volunteers] == [("Heval Sara", ["sorani"])], who
        plan = viewer.get(f"/api/projects/{on_site.pk}/brigade").json()
        assert [p["pseudonym"] for p in plan[0]["people"]] == ["Heval Sara"], who
    for who, viewer in outsiders.items():
        assert viewer.get(f"/api/projects/{on_site.pk}/brigade/volunteers").json() == [], who
        plan = viewer.get(f"/api/projects/{on_site.pk}/brigade")
        assert "Heval Sara" not in plan.content.decode(), who
        assert (plan.json()[0]["on_site"], plan.json()[0]["per_country"]) == (1, {"FR": 1}), who


# --- notifications -------------------------------------------------------------------------------


def test_an_account_lists_its_own_and_its_organizations_notifications(
    delegate: User, own_organization: Organization, other_organization: Organization
) -> None:
    Notification.objects.create(organization=own_organization, text="Due soon: our task")
    Notification.objects.create(account=delegate, text="For you")
    Notification.objects.create(organization=other_organization, text="Theirs")
    read = Notification.objects.create(organization=own_organization, text="Old", read_at=timezone.now())
    client = logged_in(delegate)
    unread = client.get("/api/projects/notifications").json()
    assert sorted((n["text"], n["addressed_to"]) for n in unread) == [
        ("Due soon: our task", "organization"),
        ("For you", "account"),
    ]
    every = client.get("/api/projects/notifications?include_read=true").json()
    assert read.pk in {n["id"] for n in every}
    assert "Theirs" not in {n["text"] for n in every}


def test_a_notification_is_marked_read_by_its_own_organization_only(
    delegate: User, other_officer: User, own_organization: Organization
) -> None:
    notification = Notification.objects.create(organization=own_organization, text="Due soon")
    refused = post(logged_in(with_totp(other_officer)), f"/notifications/{notification.pk}/read")
    assert refused.status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None
    response = post(logged_in(delegate), f"/notifications/{notification.pk}/read")
    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    notification.refresh_from_db()
    assert notification.read_at is not None


# --- anonymous visitors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/{project}/tasks",
        "/tasks/{task}/accept",
        "/tasks/{task}/progress",
        "/tasks/{task}/done",
        "/tasks/{task}/drop",
        "/activities",
        "/{project}/brigade/volunteers",
        "/{project}/brigade/needs",
        "/{project}/brigade/assignments",
    ],
)
def test_anonymous_writes_are_refused_with_401(client: Client, open_task: Task, path: str) -> None:
    filled = path.format(project=open_task.project_id, task=open_task.pk)
    assert post(client, filled).status_code == 401
    assert client.get("/api/projects/notifications").status_code == 401
    open_task.refresh_from_db()
    assert open_task.state == TaskState.OPEN
