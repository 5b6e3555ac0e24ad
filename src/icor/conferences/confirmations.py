"""The conference's irreversible steps: what each cannot undo, said in the dialog and on the
confirmation page alike (icor.core.confirmation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from icor.core.confirmation import Confirmation

CONCLUDE_DISCUSSION = Confirmation(
    _(
        # xgettext:no-python-format
        "Concluding the extensive discussion cannot be undone: a ballot by the 80 % rule "
        "of S4 may then be opened."
    ),
    _("Conclude the discussion (S4)"),
)
CLOSE_ROUND = Confirmation(
    _(
        "Closing the round cannot be undone: no delegation can state a position any more, "
        "a delegation that has not stated one counts as raising no objection (S2), and the "
        "result is recorded in the minutes."
    ),
    _("Close the consensus round"),
)
CLOSE_BALLOT = Confirmation(
    _(
        "Closing the ballot cannot be undone: no delegation can vote or change its vote any "
        "more, and the statute decides on the votes cast so far."
    ),
    _("Close the ballot"),
)
WITHDRAW_MOTION = Confirmation(
    _("Withdrawing the motion cannot be undone: it will not be decided at this conference."),
    _("Withdraw"),
)
CLOSE_CONFERENCE = Confirmation(
    _(
        "Closing the conference cannot be undone: every delegation is checked out, and no agenda item, "
        "motion, position or vote can be added any more. The minutes become final."
    ),
    _("Close the conference"),
)

# The buttons of the motion page (views.motions.MOTION_ACTIONS) that take an irreversible step.
MOTION_STEPS = {
    "conclude": CONCLUDE_DISCUSSION,
    "close_round": CLOSE_ROUND,
    "close_ballot": CLOSE_BALLOT,
    "withdrawn": WITHDRAW_MOTION,
}
