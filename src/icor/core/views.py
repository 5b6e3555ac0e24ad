from pathlib import Path

from django.contrib.staticfiles import finders
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

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
