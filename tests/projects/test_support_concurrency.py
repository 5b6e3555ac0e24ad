"""Two officers of one organization declare support at the same moment: exactly one period opens (S7)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from icor.accounts.models import Role
from icor.projects.models import Support
from icor.projects.services.projects import declare_support
from tests.factories import make_organization, make_project, make_user


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_declarations_open_one_support_period() -> None:
    organization = make_organization()
    officers = [make_user(Role.OFFICER, organization) for _ in range(2)]
    project = make_project()
    barrier = threading.Barrier(len(officers))
    outcomes: list[str] = []

    def declare(officer: object) -> None:
        try:
            barrier.wait()
            declare_support(project, actor=officer, organization=organization)
            outcomes.append("declared")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=declare, args=(officer,)) for officer in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["declared", "refused"]
    assert Support.objects.filter(project=project, organization=organization, until__isnull=True).count() == 1
