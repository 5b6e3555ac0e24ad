from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from rules import has_perm

from icor.core import bounds
from icor.core.collation import collated
from icor.partners import selectors, services
from icor.partners.models import Partner
from icor.projects.models import Project


def partner_list(request: HttpRequest) -> HttpResponse:
    # Names in the alphabetical order of the reader's language.
    listed = collated(selectors.partners(), lambda partner: partner.name)
    return render(request, "partners/list.html", {"partners": listed})


class PartnerForm(forms.ModelForm):
    # A web address typed without a scheme is taken as https.
    website = forms.URLField(label=gettext_lazy("website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = [
            "name",
            "abbreviation",
            "kind",
            "description",
            "website",
            "founded_year",
            "founding_planned",
            "founding_note",
        ]


@login_required
def record_partner(request: HttpRequest) -> HttpResponse:
    if not has_perm("partners.record_partner", request.user):
        raise PermissionDenied(_("Only the coordinating committee records partners."))
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.record_partner(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The partner is recorded."))
            return redirect("partners:detail", slug=partner.slug)
    return render(request, "partners/new.html", {"form": form})


def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = get_object_or_404(selectors.partners(), slug=slug)
    may_link = has_perm("partners.link_project", request.user)
    context = {
        "partner": partner,
        "invitations": selectors.conference_invitations(partner),
        "projects": Project.objects.exclude(partners=partner).order_by("title") if may_link else [],
    }
    return render(request, "partners/detail.html", context)


@login_required
@require_POST
def link_project(request: HttpRequest, slug: str) -> HttpResponse:
    partner = get_object_or_404(Partner, slug=slug)
    project = get_object_or_404(Project, pk=bounds.id_from(request.POST.get("project")))
    try:
        if request.POST.get("action") == "remove":
            services.unlink_project(partner, project, actor=request.user)
        else:
            services.link_project(partner, project, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The cooperation is recorded."))
    return redirect("partners:detail", slug=slug)
