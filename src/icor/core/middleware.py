from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext

from icor.core.refusals import json_refusal

# No inline script anywhere: scripts and styles come from our own origin only.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


NUL_MARKERS = (b"\x00", b"%00", b"\\u0000")
# Multipart bodies may carry files and are not scanned; Django's form fields refuse NUL in their text.
UNSCANNED_BODIES = ("multipart/form-data",)


class RejectNulCharactersMiddleware:
    """Refuse text input holding NUL characters before any view sees it.

    No field of the platform may contain one, and PostgreSQL cannot store it: without this
    a query parameter like `?q=%00` would reach the database and fail as a server error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._holds_nul(request):
            message = gettext(
                "The request contains a NUL character, which no field accepts; nothing was changed."
            )
            if request.path_info.startswith("/api/"):
                return json_refusal(422, message, "nul_character")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _holds_nul(request: HttpRequest) -> bool:
        raw_query = request.META.get("QUERY_STRING", "").encode("latin-1", errors="replace").lower()
        if "\x00" in request.path_info or any(marker in raw_query for marker in NUL_MARKERS):
            return True
        if request.content_type not in UNSCANNED_BODIES:
            body = request.body.lower()
            return any(marker in body for marker in NUL_MARKERS)
        return False


class ApiLanguageMiddleware:
    """The API answers in the language the client asks for (Accept-Language), refusals included.

    Pages carry their language in the path (/de/...); the API has no prefix, for which Django's
    LocaleMiddleware always chooses the default language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
