"""Conference pages and API (S1 to S6, S11): the chair is the committee; delegations act for their own
organization only. The world: a conference in session where `own` and `other` are accredited and
checked in (the matrix's officer holds `own`'s vote, its delegate observes), a motion of each in
discussion, a draft of each, an open ballot and an open consensus round, and a planned conference."""

from __future__ import annotations

from typing import Any

from icor.conferences import services
from icor.statute import Kind
from tests.factories import make_conference
from tests.security.matrix import CONFLICT, FORBIDDEN, FOUND, OK, UNAUTHORIZED, Row, cells, conference_scoped

# A write refused with an error message (on a redirect or on the page again); nothing was done.
# Not an HTTP status: the matrix runner reports such an answer as REFUSED.
REFUSED = 3020

LOGGED_IN = cells(OK, anonymous=FOUND)
API_READ = cells(OK, anonymous=UNAUTHORIZED)
CHAIR = cells(REFUSED, anonymous=FOUND, committee=FOUND)
CHAIR_ONLY = cells(FORBIDDEN, anonymous=FOUND, committee=FOUND)
API_CHAIR = cells(FORBIDDEN, anonymous=UNAUTHORIZED, committee=OK)
API_CHAIR_CREATES = cells(FORBIDDEN, anonymous=UNAUTHORIZED, committee=201)
# The voting delegate (the matrix's officer) acts; the delegate only observes in the delegation.
VOTING_DELEGATE = cells(REFUSED, anonymous=FOUND, officer=FOUND)
NOBODY = cells(REFUSED, anonymous=FOUND)
API_NOBODY = cells(FORBIDDEN, anonymous=UNAUTHORIZED)
# Accounts of member organizations translate; the committee, observers and operators do not.
TRANSLATOR = cells(REFUSED, anonymous=FOUND, officer=FOUND, delegate=FOUND)
TRANSLATION = {"language": "de", "title": "Aufruf", "text": "Die Konferenz ruft zum Aktionstag auf."}
# Irreversible steps are confirmed (icor.core.confirmation); unconfirmed: tests/conferences/test_confirmations.py.
CONFIRMED = {"confirmed": "1"}
TEXT = "The conference calls on all member organizations to coordinate the day of action."


def conference_world(world: Any) -> None:
    """Everything the conference rows need, built through the services (idempotent per world)."""
    if "conference" in world.extra:
        return
    committee, officer = world.accounts["committee"], world.accounts["officer"]
    conference = make_conference(committee)
    planned = make_conference(committee, in_session=False)
    # The matrix's partner observer is invited; uninvited observers: tests/conferences/test_observer_scope.py.
    for followed in (conference, planned):
        services.invite_guest(conference=followed, actor=committee, guest=world.accounts["observer"])
    item = services.add_agenda_item(conference=conference, actor=committee, title="Current affairs")
    delegations = {}
    for side, organization, voter, members in (
        ("own", world.own, officer, [officer, world.accounts["delegate"]]),
        ("other", world.other, world.other_officer, [world.other_officer]),
    ):
        delegation = services.accredit_delegation(
            conference=conference,
            organization=organization,
            actor=voter,
            delegates=members,
            voting_delegate=voter,
        )
        services.check_in(delegation=delegation, actor=voter)
        delegations[side] = delegation.pk

    def motion(organization: Any, actor: Any, kind: str, *, discuss: bool = True) -> Any:
        found = services.create_motion(
            agenda_item=item,
            organization=organization,
            actor=actor,
            kind=kind,
            title=f"Motion of {organization.short_name}",
            text=TEXT,
            submit=discuss,
        )
        return (
            services.move_motion(motion=found, actor=committee, target="in_discussion") if discuss else found
        )

    sides = (("own", world.own, officer), ("other", world.other, world.other_officer))
    motions = {side: motion(org, actor, Kind.CURRENT_AFFAIRS.value).pk for side, org, actor in sides}
    drafts = {
        side: motion(org, actor, Kind.CURRENT_AFFAIRS.value, discuss=False).pk for side, org, actor in sides
    }
    voting = motion(world.other, world.other_officer, Kind.CURRENT_AFFAIRS.value)
    ballot = services.open_ballot(motion=voting, actor=committee)
    consensus = motion(world.other, world.other_officer, Kind.PRINCIPLED.value)
    consensus_round = services.open_consensus_round(motion=consensus, actor=committee)
    founding = motion(world.other, world.other_officer, Kind.FOUNDING_DOCUMENT.value)
    world.extra.update(
        conference=conference.pk,
        planned=planned.pk,
        agenda_item=item.pk,
        delegation=delegations,
        motion=motions,
        draft=drafts,
        other_motion=motions["other"],
        voting_motion=voting.pk,
        ballot=ballot.pk,
        consensus_motion=consensus.pk,
        round=consensus_round.pk,
        founding_motion=founding.pk,
    )


def in_conference(route: str, path: str, own: Any, other: Any = None, **options: Any) -> Row:
    """A row whose path names something of one conference: the uninvited observer is refused (S13)."""
    return Row(
        route,
        path,
        conference_scoped(own),
        other=None if other is None else conference_scoped(other),
        **{"prepare": conference_world, **options},
    )


def page(route: str, path: str, expected: Any = LOGGED_IN, **options: Any) -> Row:
    return in_conference(route, path, expected, **options)


def action(name: str, motion: str, own: Any, other: Any = None, **options: Any) -> Row:
    """A button of the motion page: every answer is a redirect, a refusal carries its reason."""
    return in_conference(
        "conferences:motion-action",
        f"/conferences/motions/{{{motion}}}/{name}/",
        own,
        other,
        method="POST",
        **options,
    )


def api(method: str, route: str, path: str, expected: Any = API_READ, **options: Any) -> Row:
    return in_conference(
        f"{method} /api/conferences{route}",
        f"/api/conferences{path}",
        expected,
        method=method,
        json=method != "GET",
        **options,
    )


ACCREDITATION = {"delegates": "{officer_id}", "voting_delegate": "{officer_id}"}
CONFERENCE = {
    "kind": "world",
    "title": "Matrix Conference",
    "starts_on": "2026-09-01",
    "ends_on": "2026-09-02",
}
MOTION = {"agenda_item": "{agenda_item}", "kind": "current-affairs", "title": "A motion", "text": TEXT}

ROWS = [
    Row("conferences:list", "/conferences/", LOGGED_IN, why="an observer sees the conferences it follows"),
    Row(
        "conferences:list",
        "/conferences/",
        cells(REFUSED, anonymous=FOUND, committee=FOUND),
        method="POST",
        data={**CONFERENCE, "place": "Somewhere", "votes_per_delegation": "1"},
        why="only the committee plans a conference",
    ),
    page("conferences:detail", "/conferences/{conference}/"),
    page("conferences:advance", "/conferences/{planned}/advance/", CHAIR, method="POST"),
    page(
        "conferences:agenda",
        "/conferences/{conference}/agenda/",
        CHAIR,
        method="POST",
        data={"title": "Any other business"},
    ),
    page(
        "conferences:accreditation",
        "/conferences/{conference}/accreditation/",
        cells(FORBIDDEN, anonymous=FOUND, officer=OK),
        why="the officer accredits the delegation of the organization the account belongs to; no other",
    ),
    in_conference(
        "conferences:accreditation",
        "/conferences/{conference}/accreditation/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND),
        other=cells(FORBIDDEN, anonymous=FOUND, officer=OK),
        method="POST",
        data={"delegates": "{account}", "voting_delegate": "{account}"},
        prepare=lambda world: (
            conference_world(world),
            world.extra.update(
                account={"own": world.accounts["delegate"].pk, "other": world.other_officer.pk}
            ),
        ),
        why="S11: another organization's account is no choice of the form (shown again, nothing saved)",
    ),
    page("conferences:attendance", "/conferences/{conference}/attendance/"),
    page(
        "conferences:attendance",
        "/conferences/{conference}/attendance/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=FOUND),
        method="POST",
        data={"action": "out"},
        why="a delegate checks out the own delegation; the URL names no other one",
    ),
    page("conferences:attendance-status", "/conferences/{conference}/attendance/status/"),
    page(
        "conferences:chair",
        "/conferences/{conference}/chair/",
        cells(FORBIDDEN, anonymous=FOUND, committee=OK),
    ),
    page(
        "conferences:chair-live",
        "/conferences/{conference}/chair/live/",
        cells(FORBIDDEN, anonymous=FOUND, committee=OK),
    ),
    page(
        "conferences:now",
        "/conferences/{conference}/now/",
        cells(FORBIDDEN, anonymous=FOUND, officer=OK, delegate=OK),
        why="a delegation's own to-do page: only its accredited delegates have one",
    ),
    page(
        "conferences:now-live",
        "/conferences/{conference}/now/live/",
        cells(FORBIDDEN, anonymous=FOUND, officer=OK, delegate=OK),
    ),
    page("conferences:minutes", "/conferences/{conference}/minutes/"),
    page("conferences:minutes-pdf", "/conferences/{conference}/minutes.pdf"),
    page("conferences:motion-new", "/conferences/{conference}/motions/new/"),
    page(
        "conferences:motion-new",
        "/conferences/{conference}/motions/new/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=FOUND),
        method="POST",
        data={**MOTION, "submit": "on"},
        why="S11: the motion is submitted for the visitor's own organization; accounts without one are refused",
    ),
    in_conference("conferences:motion", "/conferences/motions/{motion}/", LOGGED_IN, LOGGED_IN),
    in_conference("conferences:motion-state", "/conferences/motions/{motion}/state/", LOGGED_IN, LOGGED_IN),
    action(
        "submit",
        "draft",
        cells(REFUSED, anonymous=FOUND, officer=FOUND, delegate=FOUND),
        NOBODY,
        why="S11: only the submitting organization's accounts submit its draft",
    ),
    action(
        "withdrawn",
        "motion",
        cells(REFUSED, anonymous=FOUND, officer=FOUND, delegate=FOUND),
        NOBODY,
        data=CONFIRMED,
        why="S11: only the submitting organization withdraws its motion, not even the chair",
    ),
    action(
        "in_discussion",
        "draft",
        cells(REFUSED, anonymous=FOUND),
        NOBODY,
        why="no step leads from a draft into discussion; the chair moves submitted motions (tests/conferences)",
    ),
    action("deferred", "motion", CHAIR, CHAIR),
    action(
        "conclude",
        "founding_motion",
        CHAIR,
        data=CONFIRMED,
        why="S4: the chair concludes the discussion of a founding-document motion",
    ),
    action(
        "conclude",
        "motion",
        NOBODY,
        NOBODY,
        data=CONFIRMED,
        why="S4 covers founding documents only: a current-affairs motion has no discussion to conclude",
    ),
    action(
        "cosponsor",
        "motion",
        NOBODY,
        cells(REFUSED, anonymous=FOUND, officer=FOUND),
        why="S11: an officer co-sponsors another organization's motion for the own organization only",
    ),
    action(
        "translate",
        "motion",
        TRANSLATOR,
        TRANSLATOR,
        data=TRANSLATION,
        why="any delegation adds a translation, always in its own organization's name (S11)",
    ),
    action("open_round", "motion", CHAIR, CHAIR, why="S2: the chair opens a consensus round"),
    action("open_ballot", "motion", CHAIR, CHAIR, data={"minimum_minutes": "0"}),
    action("close_round", "consensus_motion", CHAIR, data=CONFIRMED),
    action(
        "position",
        "consensus_motion",
        VOTING_DELEGATE,
        data={"position": "agree"},
        why="S2, S11: the voting delegate states the own delegation's position; the URL names no other",
    ),
    action("close_ballot", "voting_motion", CHAIR, data=CONFIRMED),
    action("allow_changes", "voting_motion", CHAIR),
    page("conferences:ballot", "/conferences/ballots/{ballot}/"),
    page(
        "conferences:vote",
        "/conferences/ballots/{ballot}/vote/",
        VOTING_DELEGATE,
        method="POST",
        data={"choice": "yes"},
        why="S11: the vote is cast for the voting delegate's own delegation; the URL names no other",
    ),
    page("conferences:ballot-status", "/conferences/ballots/{ballot}/status/"),
    # The API: session authentication; 403 says "not allowed", 400 "not possible now".
    Row("GET /api/conferences/", "/api/conferences/", API_READ),
    Row(
        "POST /api/conferences/",
        "/api/conferences/",
        API_CHAIR_CREATES,
        method="POST",
        json=True,
        data={**CONFERENCE, "place": "Somewhere"},
    ),
    api("GET", "/{conference_id}", "/{conference}"),
    api("POST", "/{conference_id}/advance", "/{planned}/advance", API_CHAIR),
    api("GET", "/{conference_id}/delegations", "/{conference}/delegations"),
    api(
        "POST",
        "/{conference_id}/delegations",
        "/{conference}/delegations",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK),
        other=API_NOBODY,
        data={
            "organization": "{org}",
            "delegate_ids": "[{officer_id}]",
            "voting_delegate_id": "{officer_id}",
        },
        why="S11: only the organization's own officer accredits its delegation",
    ),
    api("GET", "/{conference_id}/attendance", "/{conference}/attendance"),
    api(
        "POST",
        "/{conference_id}/attendance",
        "/{conference}/attendance",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        data={"action": "out"},
    ),
    api(
        "POST", "/{conference_id}/agenda", "/{conference}/agenda", API_CHAIR_CREATES, data={"title": "Other"}
    ),
    api("GET", "/{conference_id}/motions", "/{conference}/motions"),
    api(
        "POST",
        "/{conference_id}/motions",
        "/{conference}/motions",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201),
        other=API_NOBODY,
        data={
            "agenda_item_id": "{agenda_item}",
            "organization": "{org}",
            **{k: MOTION[k] for k in ("kind", "title", "text")},
        },
        why="S11: a motion is submitted in the name of the visitor's own organization only",
    ),
    api("GET", "/motions/{motion_id}", "/motions/{motion}", other=API_READ),
    api(
        "POST",
        "/motions/{motion_id}/transition",
        "/motions/{motion}/transition",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        other=API_NOBODY,
        data={"target": "withdrawn"},
        why="S11: only the submitting organization withdraws its motion",
    ),
    api(
        "POST",
        "/motions/{motion_id}/conclude-discussion",
        "/motions/{founding_motion}/conclude-discussion",
        API_CHAIR,
    ),
    api(
        "POST",
        "/motions/{motion_id}/conclude-discussion",
        "/motions/{motion}/conclude-discussion",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, committee=CONFLICT),
        other=cells(FORBIDDEN, anonymous=UNAUTHORIZED, committee=CONFLICT),
        why="S4 covers founding documents only: the chair is refused on a current-affairs motion",
    ),
    api(
        "POST",
        "/motions/{motion_id}/cosponsors",
        "/motions/{other_motion}/cosponsors",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK),
        other=API_NOBODY,
        data={"organization": "{org}"},
        why="S11: an officer co-sponsors for the own organization, never in another's name",
    ),
    api("GET", "/motions/{motion_id}/translations", "/motions/{motion}/translations", other=API_READ),
    api(
        "POST",
        "/motions/{motion_id}/translations",
        "/motions/{motion}/translations",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201),
        other=cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201),
        data=TRANSLATION,
        why="any delegation adds a translation, always in its own organization's name (S11)",
    ),
    api(
        "POST",
        "/motions/{motion_id}/consensus-rounds",
        "/motions/{motion}/consensus-rounds",
        API_CHAIR_CREATES,
    ),
    api("GET", "/consensus-rounds/{round_id}", "/consensus-rounds/{round}"),
    api(
        "POST",
        "/consensus-rounds/{round_id}/positions",
        "/consensus-rounds/{round}/positions",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201),
        other=API_NOBODY,
        data={"position": "agree", "delegation_id": "{delegation}"},
        why="S2, S11: nobody states a position for another delegation; the delegate of `own` only observes",
    ),
    api("POST", "/consensus-rounds/{round_id}/close", "/consensus-rounds/{round}/close", API_CHAIR),
    api("POST", "/motions/{motion_id}/ballots", "/motions/{motion}/ballots", API_CHAIR_CREATES),
    api("GET", "/ballots/{ballot_id}", "/ballots/{ballot}"),
    api(
        "POST",
        "/ballots/{ballot_id}/votes",
        "/ballots/{ballot}/votes",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201),
        other=API_NOBODY,
        data={"choice": "yes", "delegation_id": "{delegation}"},
        why="S11: nobody votes for another delegation; the delegate of `own` only observes",
    ),
    api("POST", "/ballots/{ballot_id}/allow-changes", "/ballots/{ballot}/allow-changes", API_CHAIR),
    api("POST", "/ballots/{ballot_id}/close", "/ballots/{ballot}/close", API_CHAIR),
    api("GET", "/ballots/{ballot_id}/result", "/ballots/{ballot}/result"),
    api("GET", "/ballots/{ballot_id}/not-voted", "/ballots/{ballot}/not-voted"),
]
