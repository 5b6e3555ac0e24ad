"""Object permissions. Every predicate answers: may this account act for that organization?"""

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from icor.accounts.models import Role


@predicate
def is_committee(user: Any) -> bool:
    return getattr(user, "role", None) == Role.COMMITTEE


@predicate
def is_officer(user: Any) -> bool:
    return getattr(user, "role", None) == Role.OFFICER


@predicate
def is_member_account(user: Any) -> bool:
    return getattr(user, "role", None) in (Role.OFFICER, Role.DELEGATE)


@predicate
def is_officer_of(user: Any, organization: Any) -> bool:
    return (
        getattr(user, "role", None) == Role.OFFICER
        and organization is not None
        and user.organization_id == organization.pk
    )


add_perm("registry.decide_admission", is_committee)
add_perm("registry.view_applications", is_committee)
add_perm("registry.record_exit", is_committee | is_officer_of)
