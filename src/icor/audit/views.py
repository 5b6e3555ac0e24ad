from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from icor.audit import selectors
from icor.audit.forms import EventFilterForm
from icor.audit.presentation import organization_names

PAGE_SIZE = 50


@login_required
def event_log(request: HttpRequest) -> HttpResponse:
    types = selectors.event_types(viewer=request.user)
    form = EventFilterForm(request.GET or None, event_types=types)
    chosen = form.cleaned_data["event"] if form.is_valid() else ""
    events = selectors.visible_events(viewer=request.user, event=chosen)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    # Events keep the acting organization's id; the page names it.
    acting = {entry.actor_organization_id for entry in page if entry.actor_organization_id is not None}
    names = organization_names(acting)
    for entry in page:
        name = names.get(entry.actor_organization_id) if entry.actor_organization_id is not None else None
        entry.organization_name = name or ""  # type: ignore[attr-defined]
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "chosen": chosen,
            "whole_chain": getattr(request.user, "role", "") != "officer",
        },
    )
