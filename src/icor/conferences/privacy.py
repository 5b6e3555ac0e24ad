"""What the conferences app holds about one organization: its export and erasure section (S11).

Registered in ConferencesConfig.ready(); the privacy service runs both inside its transaction.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from icor.accounts.models import User
from icor.conferences.models import (
    Attendance,
    BallotParticipation,
    BallotPresence,
    ConsensusPosition,
    ConsensusPresence,
    CoSponsorship,
    Delegation,
    Motion,
    MotionTranslation,
    MotionTranslationRevision,
    Vote,
)
from icor.registry.models import Organization

# A secret ballot keeps who voted apart from what was voted: nothing links a SecretVote to a
# delegation, so the export can only say that the delegation took part.
UNATTRIBUTABLE_VOTES_NOTE = _(
    "Votes in a secret ballot cannot be attributed to any delegation, not even by the platform: "
    "who voted is kept apart from what was voted. Only that your delegation took part is listed; "
    "the receipt code given when voting finds your ballot on the ballot page."
)


def _delegations(organization: Organization) -> list[dict[str, Any]]:
    delegations = (
        Delegation.objects.filter(organization=organization)
        .select_related("conference")
        .prefetch_related("delegates__user", "attendance")
        .order_by("conference__starts_on", "pk")
    )
    ballots_present: dict[int, list[int]] = {}
    for delegation_id, ballot_id in BallotPresence.objects.filter(
        delegation__organization=organization
    ).values_list("delegation_id", "ballot_id"):
        ballots_present.setdefault(delegation_id, []).append(ballot_id)
    rounds_present: dict[int, list[int]] = {}
    for delegation_id, round_id in ConsensusPresence.objects.filter(
        delegation__organization=organization
    ).values_list("delegation_id", "round_id"):
        rounds_present.setdefault(delegation_id, []).append(round_id)
    return [
        {
            "id": delegation.pk,
            "conference": {
                "id": delegation.conference.pk,
                "title": delegation.conference.title,
                "kind": delegation.conference.kind,
                "starts_on": delegation.conference.starts_on,
                "ends_on": delegation.conference.ends_on,
            },
            "accredited_at": delegation.accredited_at,
            "delegates": [
                {"account": seat.user_id, "shown_name": seat.user.shown_name, "voting": seat.is_voting}
                for seat in delegation.delegates.all()
            ],
            "attendance": [
                {"checked_in_at": stay.checked_in_at, "checked_out_at": stay.checked_out_at}
                for stay in delegation.attendance.all()
            ],
            "present_when_ballots_opened": sorted(ballots_present.get(delegation.pk, [])),
            "present_when_consensus_rounds_opened": sorted(rounds_present.get(delegation.pk, [])),
        }
        for delegation in delegations
    ]


def _motions(organization: Organization) -> list[dict[str, Any]]:
    motions = (
        Motion.objects.filter(organization=organization)
        .select_related("agenda_item")
        .prefetch_related("versions", "cosponsors__organization", "ballots", "consensus_rounds")
        .order_by("pk")
    )
    return [
        {
            "id": motion.pk,
            "conference": motion.agenda_item.conference_id,
            "agenda_item": motion.agenda_item.title,
            "kind": motion.kind,
            "title": motion.title,
            "text": motion.text,
            "state": motion.state,
            "created_at": motion.created_at,
            "submitted_at": motion.submitted_at,
            "decided_at": motion.decided_at,
            "discussion_concluded_at": motion.discussion_concluded_at,
            "versions": [
                {
                    "number": version.number,
                    "title": version.title,
                    "text": version.text,
                    "note": version.note,
                    "created_at": version.created_at,
                }
                for version in motion.versions.all()
            ],
            # Co-sponsoring is a public act of the other organization on this motion.
            "cosponsors": [sponsor.organization.short_name for sponsor in motion.cosponsors.all()],
            "consensus_rounds": [
                {"id": r.pk, "opened_at": r.opened_at, "closed_at": r.closed_at, "outcome": r.outcome}
                for r in motion.consensus_rounds.all()
            ],
            "ballots": [
                {
                    "id": b.pk,
                    "secret": b.secret,
                    "opened_at": b.opened_at,
                    "closed_at": b.closed_at,
                    "outcome": b.outcome,
                }
                for b in motion.ballots.all()
            ],
        }
        for motion in motions
    ]


def export_conferences(organization: Organization) -> dict[str, Any]:
    """Delegations, attendance, own motions, co-sponsorships, consensus positions and votes."""
    positions = (
        ConsensusPosition.objects.filter(delegation__organization=organization)
        .select_related("round")
        .order_by("stated_at", "pk")
    )
    votes = (
        Vote.objects.filter(delegation__organization=organization)
        .select_related("ballot")
        .order_by("cast_at", "pk")
    )
    participations = (
        BallotParticipation.objects.filter(delegation__organization=organization)
        .select_related("ballot")
        .order_by("ballot_id")
    )
    return {
        "delegations": _delegations(organization),
        "motions": _motions(organization),
        "motion_translations": [
            {
                "motion": t.motion_id,
                "language": t.language,
                "title": t.title,
                "text": t.text,
                "version": t.version,
                "provided_by_account": t.provided_by_id,
                "updated_at": t.updated_at,
            }
            for t in MotionTranslation.objects.filter(organization=organization).order_by("pk")
        ],
        "motion_translation_revisions": [
            {
                "motion": r.translation.motion_id,
                "language": r.translation.language,
                "title": r.title,
                "text": r.text,
                "version": r.version,
                "provided_by_account": r.provided_by_id,
                "provided_at": r.provided_at,
                "replaced_at": r.replaced_at,
            }
            for r in MotionTranslationRevision.objects.filter(organization=organization)
            .select_related("translation")
            .order_by("pk")
        ],
        "cosponsorships": [
            {"motion": sponsorship.motion_id, "joined_at": sponsorship.joined_at}
            for sponsorship in CoSponsorship.objects.filter(organization=organization).order_by("pk")
        ],
        "consensus_positions": [
            {
                "motion": position.round.motion_id,
                "consensus_round": position.round_id,
                "position": position.position,
                "statement": position.statement,
                "stated_at": position.stated_at,
            }
            for position in positions
        ],
        "named_votes": [
            {
                "motion": vote.ballot.motion_id,
                "ballot": vote.ballot_id,
                "choice": vote.choice,
                "cast_at": vote.cast_at,
                "changed_at": vote.changed_at,
            }
            for vote in votes
        ],
        "secret_ballots": {
            "note": str(UNATTRIBUTABLE_VOTES_NOTE),
            "participated": [
                {"motion": row.ballot.motion_id, "ballot": row.ballot_id} for row in participations
            ],
        },
    }


def erase_conferences(organization: Organization) -> dict[str, int]:
    """Which of the organization's accounts checked its delegation in or out goes; the stays remain.

    Delegations, seats, positions and votes are decisions of the organization and stay. The seats
    keep their (erased) accounts, whose shown name the accounts section has replaced already.
    """
    accounts = User.objects.filter(organization=organization).values("pk")
    checked_in = Attendance.objects.filter(checked_in_by__in=accounts).update(checked_in_by=None)
    checked_out = Attendance.objects.filter(checked_out_by__in=accounts).update(checked_out_by=None)
    return {"attendance_links": checked_in + checked_out}
