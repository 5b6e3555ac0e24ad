"""Every write of the conference workflow: permission first, one transaction, one audit event."""

from icor.conferences.services._common import has_seat, notify, require_chair, require_not_closed, seat_of
from icor.conferences.services.ballots import (
    allow_vote_changes,
    close_ballot,
    close_due_ballots,
    close_if_due,
    open_ballot,
)
from icor.conferences.services.casting import CastResult, cast_vote, receipt_hash
from icor.conferences.services.conferences import (
    accredit_delegation,
    advance_conference,
    check_in,
    check_out,
    create_conference,
    invite_guest,
)
from icor.conferences.services.consensus import close_consensus_round, open_consensus_round, state_position
from icor.conferences.services.motions import (
    add_agenda_item,
    conclude_discussion,
    cosponsor_motion,
    create_motion,
    move_motion,
    submit_motion,
)
from icor.conferences.services.observers import invite_observer
from icor.conferences.services.translations import translate_motion

__all__ = [
    "CastResult",
    "accredit_delegation",
    "add_agenda_item",
    "advance_conference",
    "allow_vote_changes",
    "cast_vote",
    "check_in",
    "check_out",
    "close_ballot",
    "close_consensus_round",
    "close_due_ballots",
    "close_if_due",
    "conclude_discussion",
    "cosponsor_motion",
    "create_conference",
    "create_motion",
    "has_seat",
    "invite_guest",
    "invite_observer",
    "move_motion",
    "notify",
    "open_ballot",
    "open_consensus_round",
    "receipt_hash",
    "require_chair",
    "require_not_closed",
    "seat_of",
    "state_position",
    "submit_motion",
    "translate_motion",
]
