"""Conferences, their delegations and attendance; motions; and how motions are decided."""

from icor.conferences.models.conference import (
    Attendance,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    Delegate,
    Delegation,
    Guest,
)
from icor.conferences.models.decision import (
    Ballot,
    BallotParticipation,
    BallotPresence,
    Choice,
    ConsensusPosition,
    ConsensusPresence,
    ConsensusRound,
    CountedBallot,
    Position,
    SecretVote,
    Vote,
)
from icor.conferences.models.motion import (
    AgendaItem,
    CoSponsorship,
    Motion,
    MotionTranslation,
    MotionTranslationRevision,
    MotionVersion,
)

__all__ = [
    "AgendaItem",
    "Attendance",
    "Ballot",
    "BallotParticipation",
    "BallotPresence",
    "Choice",
    "CoSponsorship",
    "Conference",
    "ConferenceKind",
    "ConferenceStatus",
    "ConsensusPosition",
    "ConsensusPresence",
    "ConsensusRound",
    "CountedBallot",
    "Delegate",
    "Delegation",
    "Guest",
    "Motion",
    "MotionTranslation",
    "MotionTranslationRevision",
    "MotionVersion",
    "Position",
    "SecretVote",
    "Vote",
]
