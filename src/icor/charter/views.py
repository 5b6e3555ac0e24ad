from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from icor.charter.selectors import founding_resolution, sections


def resolution(request: HttpRequest) -> HttpResponse:
    document = founding_resolution()
    if document is None:
        raise Http404("The Founding Resolution has not been loaded (run `icor setup`).")
    return render(request, "charter/resolution.html", {"document": document, "sections": sections(document)})
