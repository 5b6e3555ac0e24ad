"""The pages that belong to no single app: the home page, which shows the registry's figures, and the health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from icor.registry.selectors import statistics


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"stats": statistics()})


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
