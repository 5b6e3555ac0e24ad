"""`icor audit verify` checks the stored decisions of conferences against the audit record.

A named vote, a consensus position or an outcome changed in its own table, behind the
application's back, no longer matches the keyed record; every stored outcome is also
recomputed with the statute core from the figures the record holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext

from icor.audit.models import AuditEvent
from icor.audit.services import RecordCheck
from icor.conferences.models import (
    Ballot,
    Choice,
    ConsensusPosition,
    ConsensusRound,
    CountedBallot,
    Delegation,
    Position,
    Vote,
)
from icor.statute import decide_by_consensus, decide_by_vote


def check_decisions() -> list[RecordCheck]:
    return [check_named_votes(), check_positions(), check_outcomes()]


def _events(name: str) -> Iterator[AuditEvent]:
    return AuditEvent.objects.filter(event=name).order_by("sequence").iterator()


def _ballot_id(subject: str) -> int | None:
    kind, _, number = subject.partition(":")
    return int(number) if kind == "ballot" and number.isdigit() else None


# Each check speaks in whole sentences of its own, so that no English word is ever slotted into
# a translated one.
NAMED_VOTES = "named votes"
POSITIONS = "consensus positions"
OUTCOMES = "stored outcomes"


def _result(what: str, checked: int, problem: str = "") -> RecordCheck:
    figures = {"checked": checked, "problem": problem}
    if what == NAMED_VOTES:
        summary = gettext("Named votes: %(checked)s checked against the record.")
        mismatch = gettext("The named votes do not match the audit record: %(problem)s.")
    elif what == POSITIONS:
        summary = gettext("Consensus positions: %(checked)s checked against the record.")
        mismatch = gettext("The consensus positions do not match the audit record: %(problem)s.")
    else:
        summary = gettext("Stored outcomes: %(checked)s checked against the record.")
        mismatch = gettext("The stored outcomes do not match the audit record: %(problem)s.")
    return RecordCheck(
        what, checked, summary % figures, problem=problem, mismatch=mismatch % figures if problem else ""
    )


def _label(choices: type[models.TextChoices], value: str) -> str:
    """A stored choice or position as the reader's word for it, never its code."""
    return str(dict(choices.choices).get(value, value))


def _delegation_of(event: AuditEvent, conference_of: dict[int, int], procedure_id: int) -> int | None:
    """The delegation that cast or stated (`procedure_id`: the ballot's or the round's)."""
    if isinstance(event.data.get("delegation"), int):
        return int(event.data["delegation"])
    # Links written before the record named the delegation: the organization's one in the conference.
    conference_id = conference_of.get(procedure_id)
    if conference_id is None or event.actor_organization_id is None:
        return None
    return (
        Delegation.objects.filter(conference_id=conference_id, organization_id=event.actor_organization_id)
        .values_list("pk", flat=True)
        .first()
    )


def check_named_votes() -> RecordCheck:
    what = NAMED_VOTES
    conference_of = dict(Ballot.objects.values_list("pk", "motion__agenda_item__conference_id"))
    recorded: dict[tuple[int, int], str] = {}
    for event in _events("ballot.cast"):
        ballot_id = _ballot_id(event.subject)
        if ballot_id is None or "choice" not in event.data:
            continue  # a secret ballot's cast: its choice is never recorded
        delegation_id = _delegation_of(event, conference_of, ballot_id)
        if delegation_id is not None:
            recorded[(ballot_id, delegation_id)] = str(event.data["choice"])
    stored = {
        (ballot, delegation): choice
        for ballot, delegation, choice in Vote.objects.values_list("ballot_id", "delegation_id", "choice")
    }
    for (ballot_id, delegation_id), choice in sorted(stored.items()):
        if (ballot_id, delegation_id) not in recorded:
            return _result(
                what,
                len(stored),
                gettext(
                    "ballot %(ballot)s holds a vote of delegation %(delegation)s that the record never saw cast"
                )
                % {"ballot": ballot_id, "delegation": delegation_id},
            )
        if recorded[(ballot_id, delegation_id)] != choice:
            return _result(
                what,
                len(stored),
                gettext(
                    "in ballot %(ballot)s the stored vote of delegation %(delegation)s is '%(stored)s', "
                    "the record says '%(recorded)s'"
                )
                % {
                    "ballot": ballot_id,
                    "delegation": delegation_id,
                    "stored": _label(Choice, choice),
                    "recorded": _label(Choice, recorded[(ballot_id, delegation_id)]),
                },
            )
    missing = sorted(set(recorded) - set(stored))
    if missing:
        ballot_id, delegation_id = missing[0]
        return _result(
            what,
            len(stored),
            gettext("the vote of delegation %(delegation)s in ballot %(ballot)s was deleted")
            % {"delegation": delegation_id, "ballot": ballot_id},
        )
    return _result(what, len(stored))


def check_positions() -> RecordCheck:
    what = POSITIONS
    conference_of = dict(ConsensusRound.objects.values_list("pk", "motion__agenda_item__conference_id"))
    recorded: dict[tuple[int, int], str] = {}
    for event in _events("consensus.position"):
        round_id = int(event.data["round"])
        delegation_id = _delegation_of(event, conference_of, round_id)
        if delegation_id is not None:
            recorded[(round_id, delegation_id)] = str(event.data["position"])
    stored = {
        (round_id, delegation): position
        for round_id, delegation, position in ConsensusPosition.objects.values_list(
            "round_id", "delegation_id", "position"
        )
    }
    for key, position in sorted(stored.items()):
        if key in recorded and recorded[key] != position:
            return _result(
                what,
                len(stored),
                gettext(
                    "in consensus round %(round)s the stored position of delegation %(delegation)s "
                    "is '%(stored)s', the record says '%(recorded)s'"
                )
                % {
                    "round": key[0],
                    "delegation": key[1],
                    "stored": _label(Position, position),
                    "recorded": _label(Position, recorded[key]),
                },
            )
        if key not in recorded:
            return _result(
                what,
                len(stored),
                gettext(
                    "consensus round %(round)s holds a position of delegation %(delegation)s "
                    "the record never saw stated"
                )
                % {"round": key[0], "delegation": key[1]},
            )
    missing = sorted(set(recorded) - set(stored))
    if missing:
        return _result(
            what,
            len(stored),
            gettext("the position of delegation %(delegation)s in consensus round %(round)s was deleted")
            % {"delegation": missing[0][1], "round": missing[0][0]},
        )
    return _result(what, len(stored))


def _normal(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def check_outcomes() -> RecordCheck:
    what = OUTCOMES
    closed_ballots: dict[int, dict[str, Any]] = {}
    for event in _events("ballot.closed"):
        if (ballot_id := _ballot_id(event.subject)) is not None:
            closed_ballots[ballot_id] = event.data
    closed_rounds = {int(event.data["round"]): event.data for event in _events("consensus.closed")}
    checked = 0
    for ballot in Ballot.objects.filter(outcome__isnull=False).order_by("pk"):
        checked += 1
        if problem := _ballot_problem(ballot, closed_ballots.get(ballot.pk)):
            return _result(what, checked, problem)
    for consensus_round in ConsensusRound.objects.filter(outcome__isnull=False).order_by("pk"):
        checked += 1
        if problem := _round_problem(consensus_round, closed_rounds.get(consensus_round.pk)):
            return _result(what, checked, problem)
    return _result(what, checked)


def _ballot_problem(ballot: Ballot, recorded: dict[str, Any] | None) -> str:
    if recorded is None:
        return gettext("ballot %(ballot)s holds an outcome, but the record never saw it closed") % {
            "ballot": ballot.pk
        }
    if _normal(ballot.outcome) != _normal(recorded.get("outcome")):
        return gettext("the stored outcome of ballot %(ballot)s differs from the one in the record") % {
            "ballot": ballot.pk
        }
    inputs = recorded.get("inputs")
    if inputs is None:
        return ""  # closed before the record kept the figures: the outcome itself matches
    if _normal(decide_by_vote(**inputs).to_dict()) != _normal(ballot.outcome):
        return gettext(
            "the outcome of ballot %(ballot)s is not what the statute decides on its recorded figures"
        ) % {"ballot": ballot.pk}
    cast = inputs["yes"] + inputs["no"] + inputs["abstain"]
    if ballot.secret:
        counted = CountedBallot.objects.filter(ballot=ballot).count()
        if counted != cast:
            return gettext(
                "secret ballot %(ballot)s lists %(counted)s counted ballots, its recorded tally %(cast)s"
            ) % {"ballot": ballot.pk, "counted": counted, "cast": cast}
    else:
        stored = dict.fromkeys(("yes", "no", "abstain"), 0)
        for choice in Vote.objects.filter(ballot=ballot).values_list("choice", flat=True):
            stored[choice] += 1
        if any(stored[choice] != inputs[choice] for choice in stored):
            return gettext("the stored votes of ballot %(ballot)s do not add up to its recorded figures") % {
                "ballot": ballot.pk
            }
    return ""


def _round_problem(consensus_round: ConsensusRound, recorded: dict[str, Any] | None) -> str:
    if recorded is None:
        return gettext("consensus round %(round)s holds an outcome, but the record never saw it closed") % {
            "round": consensus_round.pk
        }
    if _normal(consensus_round.outcome) != _normal(recorded.get("outcome")):
        return gettext(
            "the stored outcome of consensus round %(round)s differs from the one in the record"
        ) % {"round": consensus_round.pk}
    inputs = recorded.get("inputs")
    if inputs is not None and _normal(decide_by_consensus(**inputs).to_dict()) != _normal(
        consensus_round.outcome
    ):
        return gettext(
            "the outcome of consensus round %(round)s is not what the statute decides on its recorded figures"
        ) % {"round": consensus_round.pk}
    return ""


def secret_ballots_lost_with_keys() -> list[str]:
    """After a restore without the data directory, open secret ballots can no longer be counted."""
    open_secret = Ballot.objects.filter(secret=True, closed_at__isnull=True).count()
    if not open_secret:
        return []
    return [
        gettext("counting the %(count)s open secret ballot(s): their keys were in the old data directory")
        % {"count": open_secret}
    ]
