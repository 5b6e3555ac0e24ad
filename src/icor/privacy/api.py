from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema
from ninja.responses import Status
from ninja.security import django_auth
from rules import has_perm

from icor.core.refusals import REFUSED
from icor.privacy import services
from icor.registry.models import Organization

router = Router(tags=["privacy"], auth=django_auth)


class ErasureIn(Schema):
    confirm: str


class ErasureOut(Schema):
    erased: dict[str, int]


def _own_organization(request: HttpRequest) -> Organization:
    user = request.user
    if not has_perm("privacy.manage_own_data", user) or user.organization is None:  # type: ignore[union-attr]
        raise PermissionDenied(gettext("Only an organization's own officers export or erase its data."))
    return user.organization  # type: ignore[union-attr,return-value]


@router.post("/export", response=dict[str, Any], summary="Export all data of your own organization (S11)")
def export_own_data(request: HttpRequest) -> dict[str, Any]:
    organization = _own_organization(request)
    return services.export_organization(organization, actor=request.user)


@router.post(
    "/erase",
    response={200: ErasureOut, **REFUSED},
    summary="Erase the personal data of your own organization (S11)",
)
def erase_own_data(request: HttpRequest, payload: ErasureIn) -> Status[dict[str, Any]]:
    organization = _own_organization(request)
    if payload.confirm.strip() != organization.short_name:
        raise ValidationError(
            gettext("Send confirm=%(name)r to erase; nothing was changed.")
            % {"name": organization.short_name}
        )
    return Status(200, {"erased": services.erase_personal_data(organization, actor=request.user)})
