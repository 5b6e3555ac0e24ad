"""Debate pages and API (S14, S11): accredited delegates speak and amend in their own organization's
name; only the proposing organization withdraws its amendment; the chair decides amendments and
calls the speakers. The world adds to the conference of matrix_conferences an amendment of each
organization (on its own motion) and a list of speakers where `own`'s delegate has the floor and
`other`'s officer waits."""

from __future__ import annotations

from typing import Any

from icor.debate import services
from tests.security.matrix import FORBIDDEN, FOUND, OK, UNAUTHORIZED, Row, cells, conference_scoped
from tests.security.matrix_conferences import LOGGED_IN, REFUSED, TEXT, conference_world

API_READ = cells(OK, anonymous=UNAUTHORIZED)
# Accredited delegates of a member organization: the matrix's officer and delegate (both of `own`).
DELEGATES = cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=FOUND)
API_DELEGATES = cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201)
CHAIR = cells(FORBIDDEN, anonymous=FOUND, committee=FOUND)
API_CHAIR = cells(FORBIDDEN, anonymous=UNAUTHORIZED, committee=OK)
NOBODY = cells(FORBIDDEN, anonymous=FOUND)
API_NOBODY = cells(FORBIDDEN, anonymous=UNAUTHORIZED)


def debate_world(world: Any) -> None:
    if "amendment" in world.extra:
        return
    conference_world(world)
    from icor.conferences.models import Conference, Motion

    conference = Conference.objects.get(pk=world.extra["conference"])
    amendments = {}
    for side, actor in (("own", world.accounts["officer"]), ("other", world.other_officer)):
        motion = Motion.objects.get(pk=world.extra["motion"][side])
        services.contribute(motion=motion, actor=actor, text="We support the motion.", stance="support")
        amendment = services.propose_amendment(motion=motion, actor=actor, proposed_text=f"{TEXT} Amended.")
        amendments[side] = amendment.pk
    speaking = services.request_floor(conference=conference, actor=world.accounts["delegate"])
    waiting = services.request_floor(conference=conference, actor=world.other_officer)
    services.call_next_speaker(conference=conference, actor=world.accounts["committee"])
    world.extra.update(
        amendment=amendments, entry={"own": speaking.pk, "other": waiting.pk}, speaking=speaking.pk
    )


def row(route: str, path: str, own: Any, other: Any = None, **options: Any) -> Row:
    """Every debate route names a motion, an amendment or a conference: S13 scopes all of them."""
    return Row(
        route,
        path,
        conference_scoped(own),
        other=None if other is None else conference_scoped(other),
        prepare=debate_world,
        **options,
    )


def api(method: str, route: str, path: str, own: Any = API_READ, other: Any = None, **options: Any) -> Row:
    return row(
        f"{method} /api/debate{route}", f"/api/debate{path}", own, other, method=method, json=True, **options
    )


CONTRIBUTION = {"text": "We have a question on the second paragraph.", "stance": "question"}
AMENDMENT_TRANSLATION = {"language": "de", "proposed_text": "Geänderter Text.", "rationale": ""}
# Accounts of member organizations translate, accredited or not; the committee and others do not.
TRANSLATORS = cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=FOUND)
API_TRANSLATORS = cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=201)
AMENDMENT = {"proposed_text": f"{TEXT} Amended again.", "rationale": "Clearer."}

ROWS = [
    row("debate:motion", "/debate/motions/{motion}/", LOGGED_IN, LOGGED_IN),
    row(
        "debate:contribute",
        "/debate/motions/{motion}/contribute/",
        DELEGATES,
        DELEGATES,
        method="POST",
        data=CONTRIBUTION,
        why="S11: the contribution is made in the speaker's own organization's name, on any motion",
    ),
    row(
        "debate:amend",
        "/debate/motions/{motion}/amend/",
        DELEGATES,
        DELEGATES,
        method="POST",
        data=AMENDMENT,
        why="S14: any accredited delegation proposes a new text, in its own name",
    ),
    row(
        "debate:translate_amendment",
        "/debate/amendments/{amendment}/translate/",
        TRANSLATORS,
        TRANSLATORS,
        method="POST",
        data=AMENDMENT_TRANSLATION,
        why="any delegation translates an amendment, in its own organization's name (S11)",
    ),
    row("debate:adopt_amendment", "/debate/amendments/{amendment}/adopt/", CHAIR, CHAIR, method="POST"),
    row("debate:reject_amendment", "/debate/amendments/{amendment}/reject/", CHAIR, CHAIR, method="POST"),
    row(
        "debate:withdraw_amendment",
        "/debate/amendments/{amendment}/withdraw/",
        DELEGATES,
        NOBODY,
        method="POST",
        why="S11: only the proposing organization withdraws its amendment, not even the chair",
    ),
    row("debate:speakers", "/debate/conferences/{conference}/speakers/", LOGGED_IN),
    row(
        "debate:speakers_request",
        "/debate/conferences/{conference}/speakers/request/",
        cells(FORBIDDEN, anonymous=FOUND, officer=FOUND, delegate=REFUSED),
        method="POST",
        why="a delegate puts the own name down, once (the delegate has the floor already)",
    ),
    row(
        "debate:speakers_withdraw",
        "/debate/conferences/{conference}/speakers/withdraw/",
        cells(FORBIDDEN, anonymous=FOUND, delegate=FOUND, committee=FOUND),
        CHAIR,
        method="POST",
        data={"entry": "{entry}"},
        why="only the speaker or the chair takes a name off the list",
    ),
    row("debate:speakers_next", "/debate/conferences/{conference}/speakers/next/", CHAIR, method="POST"),
    row(
        "debate:speakers_end",
        "/debate/conferences/{conference}/speakers/end/",
        CHAIR,
        method="POST",
        data={"entry": "{speaking}"},
    ),
    row("debate:speakers_close", "/debate/conferences/{conference}/speakers/close/", CHAIR, method="POST"),
    row("debate:speakers_open", "/debate/conferences/{conference}/speakers/open/", CHAIR, method="POST"),
    api("GET", "/motions/{motion_id}/contributions", "/motions/{motion}/contributions", other=API_READ),
    api(
        "POST",
        "/motions/{motion_id}/contributions",
        "/motions/{motion}/contributions",
        API_DELEGATES,
        API_DELEGATES,
        data=CONTRIBUTION,
    ),
    api("GET", "/motions/{motion_id}/amendments", "/motions/{motion}/amendments", other=API_READ),
    api(
        "POST",
        "/amendments/{amendment_id}/translations",
        "/amendments/{amendment}/translations",
        API_TRANSLATORS,
        API_TRANSLATORS,
        data=AMENDMENT_TRANSLATION,
        why="any delegation translates an amendment, in its own organization's name (S11)",
    ),
    api(
        "POST",
        "/motions/{motion_id}/amendments",
        "/motions/{motion}/amendments",
        API_DELEGATES,
        API_DELEGATES,
        data=AMENDMENT,
    ),
    api("POST", "/amendments/{amendment_id}/adopt", "/amendments/{amendment}/adopt", API_CHAIR, API_CHAIR),
    api("POST", "/amendments/{amendment_id}/reject", "/amendments/{amendment}/reject", API_CHAIR, API_CHAIR),
    api(
        "POST",
        "/amendments/{amendment_id}/withdraw",
        "/amendments/{amendment}/withdraw",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=OK, delegate=OK),
        API_NOBODY,
        why="S11: only the proposing organization withdraws its amendment",
    ),
    api("GET", "/conferences/{conference_id}/speakers", "/conferences/{conference}/speakers"),
    api(
        "POST",
        "/conferences/{conference_id}/speakers",
        "/conferences/{conference}/speakers",
        cells(FORBIDDEN, anonymous=UNAUTHORIZED, officer=201, delegate=409),
        why="409: the delegate is on the list already",
    ),
    api(
        "POST",
        "/conferences/{conference_id}/speakers/next",
        "/conferences/{conference}/speakers/next",
        API_CHAIR,
    ),
]
