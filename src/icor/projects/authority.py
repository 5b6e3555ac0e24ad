"""The reasons a projects service gives when the rules (icor.accounts.rules) refuse an action.

Who may act is decided by the predicates alone; this module only says why not (S1, S7, S11).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from rules import has_perm

from icor.projects.models import Project
from icor.registry.models import Organization


def require_own(actor: Any, organization: Organization, *, officers_only: bool, refusal: str) -> None:
    """Refuse anyone who is not an account of that very organization (S11), the committee included.

    `refusal` is the whole translated sentence, with the placeholder %(organization)s.
    """
    if has_perm("projects.act_for_as_officer" if officers_only else "projects.act_for", actor, organization):
        return
    raise PermissionDenied(refusal % {"organization": organization.short_name})


def require_coordination(actor: Any, project: Project, *, refusal: str, committee_too: bool = True) -> None:
    """`refusal` is the whole translated sentence that says who may act."""
    if has_perm("projects.steer" if committee_too else "projects.coordinate", actor, project):
        return
    raise PermissionDenied(refusal)
