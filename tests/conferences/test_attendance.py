"""Attendance: each check-in and check-out is a row; the present ones are the delegates present (S4)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from icor.accounts.models import Role, User
from icor.conferences import selectors, services
from icor.conferences.models import Attendance, Conference
from tests.conferences.conftest import seats
from tests.factories import make_conference, make_delegation, make_organization, make_user

pytestmark = pytest.mark.django_db


def test_checking_in_and_out_keeps_each_stay_as_a_row(conference: Conference) -> None:
    delegation, voter = make_delegation(conference, check_in=False)
    services.check_in(delegation=delegation, actor=voter)
    services.check_out(delegation=delegation, actor=voter)
    services.check_in(delegation=delegation, actor=voter)
    rows = list(Attendance.objects.filter(delegation=delegation))
    assert len(rows) == 2
    assert rows[0].checked_out_at is not None and rows[1].checked_out_at is None
    assert selectors.present_delegations(conference) == [delegation]


def test_a_delegation_cannot_be_checked_in_twice(conference: Conference) -> None:
    delegation, voter = make_delegation(conference)
    with pytest.raises(ValidationError, match="checked in already"):
        services.check_in(delegation=delegation, actor=voter)
    assert Attendance.objects.count() == 1


def test_a_delegate_checks_in_only_its_own_delegation(conference: Conference) -> None:
    """S11: nobody acts for another organization."""
    ours, _ = make_delegation(conference, check_in=False)
    _, theirs = make_delegation(conference, check_in=False)
    with pytest.raises(PermissionDenied, match="own organization"):
        services.check_in(delegation=ours, actor=theirs)
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.COMMITTEE])
def test_observers_and_the_committee_do_not_check_delegations_in(conference: Conference, role: str) -> None:
    delegation, _ = make_delegation(conference, check_in=False)
    with pytest.raises(PermissionDenied):
        services.check_in(delegation=delegation, actor=make_user(role))
    assert not Attendance.objects.exists()


def test_a_planned_conference_takes_no_check_in(committee: User) -> None:
    planned = make_conference(committee, in_session=False)
    delegation, voter = make_delegation(planned, check_in=False)
    with pytest.raises(ValidationError, match="not in session"):
        services.check_in(delegation=delegation, actor=voter)


def test_closing_the_conference_checks_every_delegation_out(conference: Conference, committee: User) -> None:
    seats(conference, 2)
    services.advance_conference(conference=conference, actor=committee)
    assert selectors.present_delegations(conference) == []
    assert Attendance.objects.filter(checked_out_at__isnull=True).count() == 0


def test_the_delegations_are_listed_in_the_reader_alphabetical_order(conference: Conference) -> None:
    """Turkish: Cibuti (Djibouti) before Çad (Chad); English: Chad before Djibouti."""
    make_delegation(conference, make_organization(name="Chad Party", country="TD", continent="Africa"))
    make_delegation(conference, make_organization(name="Djibouti Party", country="DJ", continent="Africa"))
    with translation.override("tr"):
        turkish = [d.organization.name for d in selectors.attendance_overview(conference).delegations]
    english = [d.organization.name for d in selectors.attendance_overview(conference).delegations]
    assert turkish == ["Djibouti Party", "Chad Party"]
    assert english == ["Chad Party", "Djibouti Party"]
