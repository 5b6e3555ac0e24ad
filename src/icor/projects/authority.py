"""Who may act: every action is taken for one organization by one of its own accounts (S1, S11)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from icor.accounts.models import Role
from icor.projects.models import Project
from icor.registry.models import Organization


def role_of(actor: Any) -> str:
    return str(getattr(actor, "role", "") or "") if getattr(actor, "is_authenticated", False) else ""


def acts_for(actor: Any, organization: Organization, *, officers_only: bool = False) -> bool:
    roles = (Role.OFFICER,) if officers_only else (Role.OFFICER, Role.DELEGATE)
    return role_of(actor) in roles and getattr(actor, "organization_id", None) == organization.pk


def require_own(actor: Any, organization: Organization, *, officers_only: bool, action: str) -> None:
    """Refuse anyone who is not an account of that very organization (S11), the committee included."""
    if acts_for(actor, organization, officers_only=officers_only):
        return
    who = gettext("its own officers") if officers_only else gettext("its own officers and delegates")
    raise PermissionDenied(
        gettext(
            "Only %(who)s can %(action)s for %(organization)s: nobody acts in the name of another "
            "organization, not even the coordinating committee (S7, S11)."
        )
        % {"who": who, "action": action, "organization": organization.short_name}
    )


def coordinates(actor: Any, project: Project) -> bool:
    """An officer of one of the project's coordinating organizations."""
    organization_id = getattr(actor, "organization_id", None)
    return (
        role_of(actor) == Role.OFFICER
        and organization_id is not None
        and project.coordinators.filter(pk=organization_id).exists()
    )


def require_coordination(actor: Any, project: Project, *, action: str, committee_too: bool = True) -> None:
    if coordinates(actor, project) or (committee_too and role_of(actor) == Role.COMMITTEE):
        return
    who = (
        gettext("the project's coordinating organizations or the coordinating committee")
        if committee_too
        else gettext("the officers of the project's coordinating organizations")
    )
    raise PermissionDenied(gettext("Only %(who)s can %(action)s.") % {"who": who, "action": action})


def is_member_account(actor: Any) -> bool:
    return role_of(actor) in (Role.OFFICER, Role.DELEGATE)
