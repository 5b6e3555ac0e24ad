"""Withdrawals in the projects that cannot be undone: what each ends, said in the dialog and on the
confirmation page alike (icor.core.confirmation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from icor.core.confirmation import Confirmation

WITHDRAW_ACTIVITY = Confirmation(
    _(
        "Withdrawing the activity cannot be undone: it leaves the calendar; the reports already made "
        "stay on record."
    ),
    _("Withdraw from the calendar"),
)
WITHDRAW_VOLUNTEER = Confirmation(
    _("Withdrawing the volunteer cannot be undone: assignments not yet begun are cancelled."),
    _("Withdraw"),
)
WITHDRAW_NEED = Confirmation(
    _("Withdrawing the need cannot be undone: it leaves the plan."),
    _("Withdraw"),
)
