"""The projects API: projects with support, reliability, calendar; support declared only for oneself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from icor.accounts.models import User
from icor.projects.models import Support, Task
from icor.projects.services import tasks
from icor.registry.models import Organization
from tests.conftest import logged_in
from tests.factories import make_project, with_totp

pytestmark = pytest.mark.django_db


def test_the_api_lists_projects_with_their_supporters(
    client: Client, officer: User, own_organization: Organization
) -> None:
    project = make_project(title="Main task")
    Support.objects.create(project=project, organization=own_organization, since=timezone.localdate())
    rows = client.get("/api/projects").json()
    assert [(r["title"], r["supporters"]) for r in rows] == [("Main task", [own_organization.slug])]
    detail = client.get(f"/api/projects/{project.pk}").json()
    assert detail["support_history"][0]["until"] is None


def test_the_api_gives_the_derived_reliability_record(
    client: Client, officer: User, own_organization: Organization
) -> None:
    task = Task.objects.create(
        project=make_project(), title="T", due_on=timezone.localdate() - timedelta(days=1)
    )
    tasks.accept_task(task, actor=officer, organization=own_organization)
    rows = client.get("/api/projects/reliability").json()
    assert rows == [
        {
            "organization": own_organization.slug,
            "project": None,
            "accepted": 1,
            "done_on_time": 0,
            "done_late": 0,
            "overdue": 1,
            "dropped": 0,
            "in_progress": 0,
        }
    ]
    mine = client.get(f"/api/projects/reliability/{own_organization.slug}").json()
    assert [row["project"] for row in mine] == [None, task.project_id]


def test_support_through_the_api_is_for_the_own_organization_only(
    officer: User, committee: User, own_organization: Organization
) -> None:
    project = make_project()
    refused = logged_in(with_totp(committee)).post(f"/api/projects/{project.pk}/support")
    assert refused.status_code == 403
    accepted = logged_in(with_totp(officer)).post(f"/api/projects/{project.pk}/support")
    assert accepted.status_code == 201
    assert accepted.json()["organization"] == own_organization.slug
    again = logged_in(with_totp(officer)).post(f"/api/projects/{project.pk}/support")
    assert again.status_code == 409


def test_anonymous_support_is_refused(client: Client) -> None:
    project = make_project()
    assert client.post(f"/api/projects/{project.pk}/support").status_code == 401
    assert not Support.objects.exists()
