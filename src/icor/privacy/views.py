import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules import has_perm

from icor.privacy import services
from icor.privacy.forms import ErasureForm
from icor.privacy.registry import erasers, exporters
from icor.registry.models import Organization


def _own_organization(request: HttpRequest) -> Organization:
    user = request.user
    if not has_perm("privacy.manage_own_data", user) or user.organization is None:  # type: ignore[union-attr]
        raise PermissionDenied(_("Only an organization's own officers export or erase its data."))
    return user.organization  # type: ignore[union-attr,return-value]


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    organization = _own_organization(request)
    return render(
        request,
        "privacy/overview.html",
        {
            "organization": organization,
            "sections": list(exporters()),
            "erasers": list(erasers()),
            "form": ErasureForm(expected=organization.short_name),
        },
    )


@login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    organization = _own_organization(request)
    document = services.export_organization(organization, actor=request.user)
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="icor-export-{organization.slug}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def erase(request: HttpRequest) -> HttpResponse:
    organization = _own_organization(request)
    form = ErasureForm(request.POST, expected=organization.short_name)
    if not form.is_valid():
        return render(
            request,
            "privacy/overview.html",
            {
                "organization": organization,
                "sections": list(exporters()),
                "erasers": list(erasers()),
                "form": form,
            },
            status=400,
        )
    services.erase_personal_data(organization, actor=request.user)
    # The officer's own account is erased too: end the session.
    logout(request)
    messages.success(request, _("The personal data of your organization has been erased."))
    return redirect("home")
