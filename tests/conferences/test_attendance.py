"""Attendance: each check-in and check-out is a row; the present ones are the delegates present (S4)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from icor.accounts.models import Role, User
from icor.conferences import selectors, services
from icor.conferences.models import Attendance, Conference
from icor.registry.models import Membership, Organization
from tests.conferences.conftest import browser, seats
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


def test_the_delegations_are_listed_a_page_at_a_time_with_counts_of_all(
    conference: Conference, committee: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A World conference may accredit thousands: the conference page, the attendance page, its
    live fragment and the chair's console name one page of delegations, and count them all."""
    monkeypatch.setattr(selectors, "DELEGATIONS_PER_PAGE", 2)
    order = ["Alfa9", "Bravo9", "Charlie9", "Delta9", "Echo9"]
    for name in ("Echo9", "Alfa9", "Delta9", "Charlie9", "Bravo9"):
        organization = make_organization(name=name)
        Organization.objects.filter(pk=organization.pk).update(abbreviation=name)
        make_delegation(conference, organization, check_in=name != "Charlie9")
    chair = browser(committee)
    for part in ("", "attendance/", "attendance/status/", "chair/"):
        url = f"/conferences/{conference.pk}/{part}"
        pages = [chair.get(url, {"page": number}).content.decode() for number in (1, 2, 3, 99, "x")]
        named = [[name for name in order if name in page] for page in pages]
        assert named[:3] == [order[:2], order[2:4], order[4:]], url
        assert named[3] == order[4:] and named[4] == order[:2], url  # past the end, not a number
        assert "?page=2" in pages[0] and "?page=1" in pages[1] and "?page=3" in pages[1], url
        assert "?page=4" not in pages[2], url
        assert re.search(r"4\D+of 5 accredited", pages[1]), url
    api = browser(committee).get(f"/api/conferences/{conference.pk}/attendance").json()
    assert api["present"] == 4 and api["accredited"] == 5 and len(api["present_delegations"]) == 4


def test_the_chairs_pages_of_delegations_keep_the_page_of_those_not_voted_yet(
    conference: Conference, committee: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "DELEGATIONS_PER_PAGE", 2)
    seats(conference, 5)
    page = browser(committee).get(f"/conferences/{conference.pk}/chair/", {"missing": 2}).content.decode()
    assert "missing=2&amp;page=2" in page
    assert f"/conferences/{conference.pk}/attendance/status/?missing=2" in page


def test_a_delegation_whose_organization_has_left_is_present_nowhere(
    conference: Conference, committee: User
) -> None:
    """S12: the pages, the API and the ballots' snapshot agree on who is present."""
    stays, leaves = seats(conference, 2)
    Membership.objects.filter(organization=leaves.delegation.organization).update(
        left_on=datetime.date.today()
    )
    overview = selectors.attendance_overview(conference)
    assert (overview.present, overview.accredited) == (1, 2)
    assert {d.pk: d.is_present for d in overview.delegations} == {  # type: ignore[attr-defined]
        stays.delegation.pk: True,
        leaves.delegation.pk: False,
    }
    assert selectors.present_delegations(conference) == [stays.delegation]
    assert selectors.is_present(stays.delegation) and not selectors.is_present(leaves.delegation)
    api = browser(committee).get(f"/api/conferences/{conference.pk}/attendance").json()
    assert (api["present"], api["present_delegations"]) == (1, [stays.delegation.pk])
    listed = browser(committee).get(f"/api/conferences/{conference.pk}/delegations").json()
    assert {row["id"]: row["present"] for row in listed} == {
        stays.delegation.pk: True,
        leaves.delegation.pk: False,
    }
