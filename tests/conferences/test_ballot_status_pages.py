"""The live ballot status stays small for thousands of delegations: counts for everyone, the
names of those not voted yet only for the chair, a page at a time."""

from __future__ import annotations

import re

import pytest

from icor.accounts.models import User
from icor.conferences import selectors, services
from icor.conferences.models import Conference
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.conferences.test_api import api

pytestmark = pytest.mark.django_db


def test_the_status_gives_counts_to_delegates_and_one_page_of_names_to_the_chair(
    conference: Conference, committee: User, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selectors, "MISSING_PER_PAGE", 2)
    present = seats(conference, 5)
    motion = motion_in_discussion(conference, committee, present[0])
    ballot = services.open_ballot(motion=motion, actor=committee)
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    url = f"/conferences/ballots/{ballot.pk}/status/"

    for_delegate = browser(present[1].voter).get(url).content.decode()
    assert "1</strong> of 5" in for_delegate
    assert not any(seat.delegation.organization.short_name in for_delegate for seat in present)

    chair = browser(committee)
    pages = [chair.get(url, {"missing": number}).content.decode() for number in (1, 2, 99)]
    assert pages[2] == pages[1]  # past the end: the last page
    assert "page 1 of 2 (4 delegations)" in pages[0] and "?missing=2" in pages[0]
    assert "page 2 of 2 (4 delegations)" in pages[1] and "?missing=1" in pages[1]
    # Between them, the pages name each delegation that has not voted exactly once.
    names = [seat.delegation.organization.short_name for seat in present[1:]]
    assert [sum(1 for page in pages[:2] if name in page) for name in names] == [1, 1, 1, 1]
    assert present[0].delegation.organization.short_name not in "".join(pages)


def test_the_chairs_console_names_one_page_of_delegations_not_voted_yet(
    conference: Conference, committee: User, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selectors, "MISSING_PER_PAGE", 2)
    present = seats(conference, 5)
    motion = motion_in_discussion(conference, committee, present[0])
    services.open_ballot(motion=motion, actor=committee)
    chair = browser(committee)
    pages = [
        chair.get(f"/conferences/{conference.pk}/{part}", {"missing": 2}).content.decode()
        for part in ("chair/", "chair/live/")
    ]
    for page in pages:
        assert "page 2 of 3 (5 delegations)" in page
        named = re.search(r"Not voted yet:(.*?)</p>", page, re.S)
        assert named is not None
        assert sum(seat.delegation.organization.short_name in named.group(1) for seat in present) == 2


def test_the_api_counts_the_delegations_not_voted_yet_and_lists_them_page_by_page(
    conference: Conference, committee: User, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selectors, "MISSING_PER_PAGE", 2)
    present = seats(conference, 5)
    motion = motion_in_discussion(conference, committee, present[0])
    ballot = services.open_ballot(motion=motion, actor=committee)
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    client = api(present[1].voter)

    detail = client.get(f"/api/conferences/ballots/{ballot.pk}").json()
    assert (detail["voted"], detail["not_voted_count"], len(detail["not_voted"])) == (1, 4, 2)
    pages = [
        client.get(f"/api/conferences/ballots/{ballot.pk}/not-voted", {"page": n}).json() for n in (1, 2)
    ]
    assert [(page["page"], page["pages"], page["count"]) for page in pages] == [(1, 2, 4), (2, 2, 4)]
    listed = [delegation for page in pages for delegation in page["delegations"]]
    assert sorted(listed) == sorted(seat.delegation.pk for seat in present[1:])
    assert pages[0]["delegations"] == detail["not_voted"]


def test_live_ballot_events_carry_the_counts_and_once_closed_the_result(
    conference: Conference, committee: User
) -> None:
    present = seats(conference, 3)
    motion = motion_in_discussion(conference, committee, present[0])
    ballot = services.open_ballot(motion=motion, actor=committee)
    services.cast_vote(ballot=ballot, actor=present[0].voter, choice="yes")
    assert selectors.ballot_figures({"ballot": ballot.pk, "cast": True}) == {
        "counts": {"voted": 1, "present": 3, "open": True}
    }
    services.cast_vote(ballot=ballot, actor=present[1].voter, choice="yes")
    closed = services.close_ballot(ballot=ballot, actor=committee)
    counts = selectors.ballot_figures({"ballot": ballot.pk})["counts"]  # type: ignore[index]
    assert (counts["voted"], counts["open"], counts["result"]) == (2, False, closed.outcome["outcome"])  # type: ignore[index]
    assert counts["figures"] == closed.outcome["figures"]  # type: ignore[index]
    assert selectors.ballot_figures({"ballot": ballot.pk + 1000}) is None
    assert selectors.ballot_figures({"round": 3}) is None
