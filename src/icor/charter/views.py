from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from icor.charter.selectors import founding_resolution, sections


def resolution(request: HttpRequest) -> HttpResponse:
    document = founding_resolution()
    if document is None:
        raise Http404(gettext("The Founding Resolution has not been loaded (run the command icor setup)."))
    return render(request, "charter/resolution.html", {"document": document, "sections": sections(document)})
