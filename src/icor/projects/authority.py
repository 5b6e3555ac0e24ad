"""The reasons a projects service gives when the rules (icor.accounts.rules) refuse an action.

Who may act is decided by the predicates alone; this module only says why not (S1, S7, S11).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from rules import has_perm

from icor.projects.models import Project
from icor.registry.models import Organization


def require_own(actor: Any, organization: Organization, *, officers_only: bool, action: str) -> None:
    """Refuse anyone who is not an account of that very organization (S11), the committee included."""
    if has_perm("projects.act_for_as_officer" if officers_only else "projects.act_for", actor, organization):
        return
    who = gettext("its own officers") if officers_only else gettext("its own officers and delegates")
    raise PermissionDenied(
        gettext(
            "Only %(who)s can %(action)s for %(organization)s: nobody acts in the name of another "
            "organization, not even the coordinating committee (S7, S11)."
        )
        % {"who": who, "action": action, "organization": organization.short_name}
    )


def require_coordination(actor: Any, project: Project, *, action: str, committee_too: bool = True) -> None:
    if has_perm("projects.steer" if committee_too else "projects.coordinate", actor, project):
        return
    who = (
        gettext("the project's coordinating organizations or the coordinating committee")
        if committee_too
        else gettext("the officers of the project's coordinating organizations")
    )
    raise PermissionDenied(gettext("Only %(who)s can %(action)s.") % {"who": who, "action": action})
