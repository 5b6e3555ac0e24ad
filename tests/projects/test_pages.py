"""Pages of joint projects: list, detail, support, tasks, calendar, notifications, organization fragment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from icor.accounts.models import User
from icor.projects.models import Activity, Kind, Participation, Project, Support, Task, TaskState
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_project, with_totp

pytestmark = pytest.mark.django_db


def test_the_project_list_and_detail_are_public(client: Client, own_organization: Organization) -> None:
    project = make_project(title="Solidarity with Kurdistan", coordinators=[own_organization])
    assert "Solidarity with Kurdistan" in client.get("/projects/").content.decode()
    assert (
        "Solidarity with Kurdistan"
        in client.get("/projects/?q=kurdistan", headers={"HX-Request": "true"}).content.decode()
    )
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert own_organization.short_name in page
    assert 'href="/resolution/#organizational-principles-7"' in page


def test_an_officer_creates_a_project_through_the_page(officer: User, own_organization: Organization) -> None:
    response = logged_in(with_totp(officer)).post(
        "/projects/new/",
        {
            "title": "Brigade",
            "kind": Kind.SINGLE,
            "level": "worldwide",
            "starts_on": "2015-06-01",
            "ends_on": "2015-10-31",
            "recruits_volunteers": "on",
        },
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert list(project.coordinators.all()) == [own_organization]
    assert project.recruits_volunteers


def test_a_refused_project_shows_the_reason(officer: User) -> None:
    page = logged_in(with_totp(officer)).post(
        "/projects/new/", {"title": "B", "kind": Kind.SINGLE, "level": "worldwide"}
    )
    assert page.status_code == 200
    assert "limited time" in page.content.decode()
    assert not Project.objects.exists()


def test_support_is_declared_and_withdrawn_on_the_page(officer: User, own_organization: Organization) -> None:
    project = make_project()
    client = logged_in(with_totp(officer))
    client.post(f"/projects/{project.pk}/support/", {"action": "declare"})
    assert Support.objects.get().until is None
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert 'id="withdraw-support"' in page
    client.post(f"/projects/{project.pk}/support/", {"action": "withdraw"})
    assert Support.objects.get().until == timezone.localdate()


def test_the_committee_cannot_declare_support_through_the_page(committee: User) -> None:
    """S7/S11: the committee has no organization to act for."""
    project = make_project()
    response = logged_in(with_totp(committee)).post(f"/projects/{project.pk}/support/", {"action": "declare"})
    assert response.status_code == 403
    assert not Support.objects.exists()


def test_the_organization_page_loads_what_it_supports(
    client: Client, officer: User, own_organization: Organization
) -> None:
    project = make_project(title="Against imperialist war")
    logged_in(with_totp(officer)).post(f"/projects/{project.pk}/support/", {"action": "declare"})
    detail = client.get(f"/registry/{own_organization.slug}/").content.decode()
    fragment_url = f"/projects/organizations/{own_organization.slug}/support/"
    assert f'hx-get="{fragment_url}"' in detail
    fragment = client.get(fragment_url).content.decode()
    assert "Against imperialist war" in fragment
    assert "since" in fragment


def test_a_task_is_accepted_reported_and_dropped_on_the_page(
    delegate: User, own_organization: Organization
) -> None:
    task = Task.objects.create(
        project=make_project(), title="Translate", due_on=timezone.localdate() + timedelta(3)
    )
    client = logged_in(delegate)
    client.post(f"/projects/tasks/{task.pk}/accept/")
    client.post(f"/projects/tasks/{task.pk}/progress/", {"note": "half"})
    response = client.post(f"/projects/tasks/{task.pk}/drop/", {"note": ""})
    task.refresh_from_db()
    assert task.state == TaskState.ACCEPTED  # no reason, no drop
    assert "reason" in client.get(response["Location"]).content.decode()
    client.post(f"/projects/tasks/{task.pk}/drop/", {"note": "Police raid"})
    task.refresh_from_db()
    assert task.state == TaskState.OPEN
    page = client.get(f"/projects/tasks/{task.pk}/").content.decode()
    assert "Police raid" in page and "half" in page


def test_calendar_activity_and_participation_pages(committee: User, delegate: User) -> None:
    logged_in(with_totp(committee)).post(
        "/projects/calendar/new/", {"title": "8 March", "starts_on": "2026-03-08", "level": "worldwide"}
    )
    activity = Activity.objects.get()
    client = logged_in(delegate)
    client.post(
        f"/projects/activities/{activity.pk}/participation/",
        {"what": "Rally", "city": "Essen", "people": "40"},
    )
    assert Participation.objects.get().people == 40
    assert "Essen" in client.get("/projects/calendar/").content.decode()
    assert 'id="participation-form"' in client.get(f"/projects/activities/{activity.pk}/").content.decode()


def test_notifications_page_shows_unread_reminders(officer: User, own_organization: Organization) -> None:
    task = Task.objects.create(
        project=make_project(),
        title="Leaflet",
        due_on=timezone.localdate() + timedelta(1),
        state=TaskState.ACCEPTED,
        organization=own_organization,
    )
    call_command("projects", "remind", stdout=None)
    client = logged_in(with_totp(officer))
    assert "Leaflet" in client.get("/projects/notifications/").content.decode()
    notification = own_organization.notifications.get()
    client.post(f"/projects/notifications/{notification.pk}/read/")
    assert "Leaflet" not in client.get("/projects/notifications/").content.decode()
    assert task.pk


def test_the_kobane_brigade_page_offers_stable_forms(
    kobane: Project, officer: User, other_officer: User
) -> None:
    """Forms with stable ids for the browser test of the Kobanê brigade (S15)."""
    coordinator = logged_in(with_totp(officer)).get(f"/projects/{kobane.pk}/brigade/").content.decode()
    for marker in ('id="need-form"', 'id="assignment-form"', 'id="need_skill"', 'id="assignment_volunteer"'):
        assert marker in coordinator
    member = logged_in(with_totp(other_officer))
    page = member.get(f"/projects/{kobane.pk}/brigade/").content.decode()
    assert 'id="volunteer-form"' in page and 'id="volunteer_pseudonym"' in page
    member.post(
        f"/projects/{kobane.pk}/brigade/volunteers/",
        {
            "pseudonym": "Heval",
            "skills": "bricklayer",
            "available_from": "2015-06-01",
            "available_until": "2015-07-31",
        },
    )
    assert kobane.volunteers.get().pseudonym == "Heval"
    logged_in(with_totp(officer)).post(
        f"/projects/{kobane.pk}/brigade/assignments/",
        {"volunteer": str(kobane.volunteers.get().pk), "starts_on": "2015-06-01", "ends_on": "2015-06-14"},
    )
    assert kobane.volunteers.get().assignments.get().starts_on == date(2015, 6, 1)


def test_reliability_pages(client: Client, own_organization: Organization) -> None:
    assert client.get("/projects/reliability/").status_code == 200
    page = client.get(f"/projects/reliability/{own_organization.slug}/").content.decode()
    assert own_organization.name in page


def test_pages_carry_no_inline_script_or_style(client: Client, kobane: Project) -> None:
    for url in (
        "/projects/",
        f"/projects/{kobane.pk}/",
        f"/projects/{kobane.pk}/brigade/",
        "/projects/calendar/",
    ):
        page = client.get(url).content.decode()
        assert "style=" not in page and "<style" not in page
        assert "<script>" not in page


def test_a_coordinator_adds_a_task_and_changes_the_status_on_the_page(
    officer: User, own_organization: Organization
) -> None:
    project = make_project(coordinators=[own_organization], status="proposed")
    client = logged_in(with_totp(officer))
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert 'id="task-form"' in page and 'id="status-form"' in page
    client.post(f"/projects/{project.pk}/tasks/", {"title": "Posters", "due_on": "2030-01-31"})
    client.post(f"/projects/{project.pk}/status/", {"status": "active"})
    project.refresh_from_db()
    assert project.status == "active"
    assert project.tasks.get().title == "Posters"
