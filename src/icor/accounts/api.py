"""Who am I, and the accounts of my own organization: the ids the other APIs ask for."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth
from rules import has_perm

from icor.accounts.models import User

router = Router(tags=["accounts"], auth=django_auth)


class AccountOut(Schema):
    id: int
    public_name: str
    shown_name: str
    role: str
    organization: str | None = Field(description="slug of the account's organization; none for the committee")
    active: bool


def _out(account: User) -> dict[str, object]:
    return {
        "id": account.pk,
        "public_name": account.public_name,
        "shown_name": account.shown_name,
        "role": account.role,
        "organization": account.organization.slug if account.organization is not None else None,
        "active": account.is_active,
    }


@router.get("/me", response=AccountOut, summary="Your own account")
def me(request: HttpRequest) -> dict[str, object]:
    assert isinstance(request.user, User)
    return _out(request.user)


@router.get(
    "/people",
    response=list[AccountOut],
    summary="The accounts of your own organization (ids for accreditation)",
)
def people(request: HttpRequest) -> list[dict[str, object]]:
    user = request.user
    assert isinstance(user, User)
    if not has_perm("accounts.list_own_accounts", user):
        raise HttpError(
            403, _("Only the accounts of a member organization list their own organization's accounts.")
        )
    assert user.organization_id is not None  # the rule admits only accounts of a member organization
    accounts = User.objects.filter(organization_id=user.organization_id, is_active=True).select_related(
        "organization"
    )
    return [_out(account) for account in accounts.order_by("pk")]
