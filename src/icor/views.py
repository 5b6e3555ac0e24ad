"""The pages that belong to no single app: the home page, which shows the registry's figures, and the health check."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

from icor.core.refusals import json_refusal
from icor.registry.selectors import statistics


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"stats": statistics()})


def favicon(request: HttpRequest) -> HttpResponse:
    icon = finders.find("icor/favicon.svg")
    body = Path(str(icon)).read_bytes()
    response = HttpResponse(body, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Outside the API, Django's page; inside it, the API's one shape of refusal."""
    if _api(request):
        return json_refusal(404, _("Not found."))
    return defaults.page_not_found(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _api(request):
        return json_refusal(403, str(exception) or _("You may not do this."))
    return defaults.permission_denied(request, exception)
