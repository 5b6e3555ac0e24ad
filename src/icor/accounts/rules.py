"""Who may do what: the one source. Every predicate answers whether an account may act, and
for which organization (S1, S11).

Services enforce these predicates (and give the reason when they refuse), views ask
`rules.has_perm(name, user, obj)`, templates `{% has_perm name user obj as may %}`. The rule
set is asked directly, never `user.has_perm`: a superuser (the platform's operator) passes every
Django permission but acts for no organization and chairs no conference.
"""

from typing import Any

from rules.permissions import add_perm
from rules.predicates import is_authenticated, predicate

from icor.accounts.models import Role, Suspension


def _role(user: Any) -> str | None:
    return getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None


@predicate
def is_committee(user: Any) -> bool:
    return _role(user) == Role.COMMITTEE


def _of_a_member_now(user: Any) -> bool:
    """S1: an organization that has left the ICOR takes no part any more; its accounts act for nobody."""
    organization_id = getattr(user, "organization_id", None)
    if organization_id is None:
        return False
    # The registry's Organization, through the account's own field: accounts import no app of its own.
    organization = user._meta.get_field("organization").related_model
    return bool(organization.objects.filter(pk=organization_id, memberships__left_on__isnull=True).exists())


@predicate
def is_officer(user: Any) -> bool:
    return _role(user) == Role.OFFICER and _of_a_member_now(user)


@predicate
def is_member_account(user: Any) -> bool:
    return _role(user) in (Role.OFFICER, Role.DELEGATE) and _of_a_member_now(user)


@predicate
def is_officer_of(user: Any, organization: Any) -> bool:
    return is_officer(user) and organization is not None and user.organization_id == organization.pk


@predicate
def acts_for(user: Any, organization: Any) -> bool:
    """An officer or delegate of that very organization (S11), never the committee."""
    return is_member_account(user) and organization is not None and user.organization_id == organization.pk


@predicate
def coordinates(user: Any, project: Any) -> bool:
    """An officer of one of the project's coordinating organizations (S7)."""
    return (
        is_officer(user)
        and project is not None
        and project.coordinators.filter(pk=user.organization_id).exists()
    )


@predicate
def lifts_suspension(user: Any, suspension: Any) -> bool:
    """The committee lifts a suspension it made, while it stands; never a removal (S11) or an exit (S12)."""
    return (
        is_committee(user)
        and suspension is not None
        and suspension.cause == Suspension.Cause.SUSPENDED
        and suspension.lifted_at is None
    )


@predicate
def is_officer_over(user: Any, account: Any) -> bool:
    """An officer of the account's own organization (S11)."""
    return (
        account is not None
        and account.organization_id is not None
        and is_officer_of(user, account.organization)
    )


@predicate
def answers_for_account(user: Any, account: Any) -> bool:
    """An officer of the account's own organization (S11); the committee for its own and observers' accounts."""
    if account is None:
        return False
    if account.organization_id is not None:
        return bool(is_officer_over(user, account))
    return bool(is_committee(user)) and account.role in (Role.COMMITTEE, Role.OBSERVER)


@predicate
def manages_invitation(user: Any, invitation: Any) -> bool:
    """The committee for observers' invitations (S13) and those it issued; an officer for the own organization's (S11)."""
    if invitation is None:
        return False
    if invitation.role == Role.OBSERVER:
        return bool(is_committee(user))
    if invitation.organization_id is not None and is_officer(user):
        return bool(user.organization_id == invitation.organization_id)
    return bool(is_committee(user)) and invitation.created_by_id == user.pk


# Accounts: the committee suspends with a recorded reason and lifts its own suspensions.
add_perm("accounts.suspend", is_committee)
add_perm("accounts.lift_suspension", lifts_suspension)
add_perm("accounts.lift_login_lock", answers_for_account)
# An organization's officers invite and remove its accounts (S11); the committee, partner observers (S13).
add_perm("accounts.remove_account", is_officer_over)
add_perm("accounts.revoke_invitation", manages_invitation)
add_perm("accounts.manage_observers", is_committee)
add_perm("accounts.list_own_accounts", is_member_account)


@predicate
def is_the_speaker(user: Any, entry: Any) -> bool:
    """The account that put its own name on a list of speakers."""
    return getattr(user, "is_authenticated", False) and entry is not None and entry.account_id == user.pk


# Registry.
add_perm("registry.decide_admission", is_committee)
add_perm("registry.view_applications", is_committee)
add_perm("registry.record_exit", is_committee | is_officer_of)
add_perm("registry.invite_first_officer", is_committee)

# Conferences: the coordinating committee chairs (S12); delegations act for themselves (S11).
add_perm("conferences.chair", is_committee)
add_perm("conferences.accredit", is_officer)
add_perm("conferences.cosponsor", is_officer)
add_perm("conferences.translate", is_member_account)

# The debate (S14): the chair and the speaker take a name off the list; members translate amendments.
add_perm("debate.take_off_list", is_committee | is_the_speaker)
add_perm("debate.translate_amendment", is_member_account)

# Projects and the calendar (S7 to S10, S15).
add_perm("projects.create_project", is_committee | is_officer)
add_perm("projects.create_activity", is_committee | is_officer)
add_perm("projects.act_for", acts_for)
add_perm("projects.act_for_as_officer", is_officer_of)
add_perm("projects.coordinate", coordinates)
add_perm("projects.steer", coordinates | is_committee)
add_perm("projects.register_volunteers", is_officer)

# Partners (S13).
add_perm("partners.record_partner", is_committee)
add_perm("partners.link_project", is_committee | coordinates)

# Pages of the account's own domain.
add_perm("accounts.manage_own_accounts", is_officer)
add_perm("accounts.oversee_accounts", is_committee)
add_perm("privacy.manage_own_data", is_officer)
add_perm("accounts.logged_in", is_authenticated)
