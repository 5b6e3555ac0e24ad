import gzip
import hashlib
from dataclasses import dataclass
from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from django_countries import countries
from django_ratelimit.core import is_ratelimited
from rules import has_perm

from icor.accounts.forms import InvitationForm
from icor.accounts.models import Invitation, Role, User
from icor.accounts.views import show_invitation
from icor.core.ordering import loaded_in_order
from icor.registry import selectors, services
from icor.registry.continents import continent_of
from icor.registry.forms import AdmissionForm, ApplicationForm, ExitForm, RegistryFilterForm
from icor.registry.models import Application, ApplicationStatus, Organization
from icor.registry.worldmap import LAND, MANY_MEMBERS, ONE_MEMBER, member_map_svg


def organization_list(request: HttpRequest) -> HttpResponse:
    form = RegistryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    result = selectors.organizations(
        continent=filters.get("continent") or "",
        country=filters.get("country") or "",
        year=filters.get("year"),
        query=filters.get("q") or "",
        include_former=bool(filters.get("former")),
    )
    # Continents, countries and names in the reader's language, in that language's alphabetical order.
    order = selectors.in_reading_order(result)
    page = Paginator(order, 100).get_page(request.GET.get("page"))
    organizations = loaded_in_order(result, list(page.object_list))
    template = "registry/_results.html" if request.htmx else "registry/list.html"  # type: ignore[attr-defined]
    context = {"form": form, "page": page, "organizations": organizations, "count": len(order)}
    return render(request, template, context)


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    memberships = organization.memberships.all()
    context = {
        "organization": organization,
        "memberships": memberships,
        "is_member": any(m.left_on is None for m in memberships),
        "can_record_exit": request.user.has_perm("registry.record_exit", organization),
        "exit_form": ExitForm(),
    }
    return render(request, "registry/detail.html", context)


def statistics(request: HttpRequest) -> HttpResponse:
    stats = selectors.statistics()
    peak = max((row.total for row in stats.growth), default=0)
    continent_peak = max((count for _, _, count in stats.per_continent), default=0)
    return render(
        request,
        "registry/statistics.html",
        {
            "stats": stats,
            "peak": peak,
            "continent_peak": continent_peak,
            "chart": _growth_chart(stats, peak),
            "map_legend": [
                (ONE_MEMBER, _("one member organization")),
                (MANY_MEMBERS, _("several member organizations")),
                (LAND, _("no member organization")),
            ],
        },
    )


def _growth_chart(stats: selectors.Statistics, peak: int) -> dict[str, object]:
    """Coordinates for the bar chart of members year by year, drawn as SVG in the template."""
    width, height, bar_gap = 640, 240, 6
    years = stats.growth
    slot = width / max(len(years), 1)
    bars = [
        {
            "x": round(index * slot + bar_gap / 2, 1),
            "width": round(slot - bar_gap, 1),
            "height": round(height * row.total / peak, 1) if peak else 0,
            "y": round(height - (height * row.total / peak), 1) if peak else height,
            "label_x": round(index * slot + slot / 2, 1),
            "row": row,
        }
        for index, row in enumerate(years)
    ]
    return {"width": width, "height": height, "bars": bars}


@cache_control(max_age=300)
@vary_on_headers("Accept-Encoding")
def member_map(request: HttpRequest) -> HttpResponse:
    """The map changes only with the member countries: drawn (781 KB) and compressed once per
    language and set of members, then served from the process's memory."""
    drawn = drawn_map(tuple(sorted(selectors.member_countries().items())), get_language())
    if request.headers.get("If-None-Match") == f'"{drawn.tag}"':
        return HttpResponseNotModified(headers={"ETag": f'"{drawn.tag}"'})
    response = HttpResponse(content_type="image/svg+xml; charset=utf-8")
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response.content = drawn.compressed
        response["Content-Encoding"] = "gzip"
    else:
        response.content = drawn.svg
    response["ETag"] = f'"{drawn.tag}"'
    return response


@dataclass(frozen=True)
class DrawnMap:
    svg: bytes
    compressed: bytes
    tag: str


@lru_cache(maxsize=16)
def drawn_map(member_countries: tuple[tuple[str, int], ...], language: str) -> DrawnMap:
    names = {code: str(name) for code, name in countries}
    svg = member_map_svg(dict(member_countries), names, title=_("Countries with member organizations"))
    encoded = svg.encode()
    return DrawnMap(
        svg=encoded,
        compressed=gzip.compress(encoded, mtime=0),
        tag=hashlib.sha256(encoded).hexdigest()[:32],
    )


APPLICATION_RATE = "5/h"


def apply(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Anyone may apply without an account; a flood from one address is refused, not stored.
        if is_ratelimited(request, group="registry.apply", key="ip", rate=APPLICATION_RATE, increment=True):
            form.add_error(None, _("Too many applications from your address; please try again in an hour."))
            return render(request, "registry/apply.html", {"form": form}, status=429)
        services.submit_application(**form.cleaned_data)
        messages.success(request, _("Thank you. The coordinating committee has received your application."))
        return redirect("registry:apply")
    return render(request, "registry/apply.html", {"form": form})


@login_required
def applications(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("registry.view_applications"):
        raise PermissionDenied
    pending = Application.objects.filter(status=ApplicationStatus.PENDING)
    decided = Application.objects.exclude(status=ApplicationStatus.PENDING)[:50]
    return render(request, "registry/applications.html", {"pending": pending, "decided": decided})


@login_required
def decide_application(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("registry.decide_admission"):
        raise PermissionDenied
    application = get_object_or_404(Application, pk=pk)
    form = AdmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "admit":
                organization, issued = services.admit_with_first_officer(
                    application,
                    actor=request.user,  # type: ignore[arg-type]
                    decided_on=data["decided_on"],
                    decision_reference=data["decision_reference"],
                    email=data["first_officer_email"],
                )
                messages.success(request, _("%(name)s is admitted as a member.") % {"name": organization})
                # S12: the new member's first officer invitation, shown once (as for every invitation).
                return show_invitation(request, issued)
            else:
                services.refuse_application(
                    application,
                    actor=request.user,
                    decided_on=data["decided_on"],
                    decision_reference=data["decision_reference"],
                )
                messages.success(request, _("The refusal is recorded."))
            return redirect("registry:applications")
        except ValidationError as error:
            form.add_error(None, error)
    return render(
        request,
        "registry/decide.html",
        {"application": application, "form": form, "continent": continent_of(str(application.country))},
    )


@login_required
@require_POST
def record_exit(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    form = ExitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date of leaving."))
        return redirect(organization_detail_url(organization))
    try:
        services.record_exit(
            organization,
            actor=request.user,
            left_on=form.cleaned_data["left_on"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The exit is recorded. The membership history is kept."))
    return redirect(organization_detail_url(organization))


def organization_detail_url(organization: Organization) -> str:
    from django.urls import reverse

    return reverse("registry:detail", args=[organization.slug])


@login_required
def first_officer(request: HttpRequest, slug: str) -> HttpResponse:
    """The committee invites the first officer of a member organization; the officers do the rest (S11)."""
    committee = request.user
    if not isinstance(committee, User) or not has_perm("registry.invite_first_officer", committee):
        raise PermissionDenied(_("Only the coordinating committee can do this."))
    organization = get_object_or_404(Organization, slug=slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.invite_first_officer(
                actor=committee, organization=organization, email=form.cleaned_data["email"]
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, str(error) if isinstance(error, PermissionDenied) else error)
        else:
            return show_invitation(request, issued)
    pending = [i for i in Invitation.objects.filter(organization=organization) if i.is_pending]
    has_officer = organization.accounts.filter(role=Role.OFFICER, is_active=True).exists()
    return render(
        request,
        "registry/first_officer.html",
        {"organization": organization, "form": form, "pending": pending, "has_officer": has_officer},
    )
