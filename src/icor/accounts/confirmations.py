"""Account steps that cannot be undone: what each ends, said in the dialog and on the confirmation
page alike (icor.core.confirmation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from icor.core.confirmation import Confirmation

END_OBSERVER = Confirmation(
    _(
        "Ending the observer's account cannot be undone: it can no longer log in or follow any "
        "conference. A new invitation creates a new account."
    ),
    _("End the account"),
)
