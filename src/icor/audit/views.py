from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from icor.audit import selectors
from icor.audit.forms import EventFilterForm

PAGE_SIZE = 50


@login_required
def event_log(request: HttpRequest) -> HttpResponse:
    types = selectors.event_types(viewer=request.user)
    form = EventFilterForm(request.GET or None, event_types=types)
    chosen = form.cleaned_data["event"] if form.is_valid() else ""
    events = selectors.visible_events(viewer=request.user, event=chosen)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
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
