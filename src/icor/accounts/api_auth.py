"""How programs authenticate to the API: the Django session (with the CSRF header), or a personal token.

A token acts with exactly its owner's rights: the request runs as that account, through the
same permission checks (and the same two-factor gate) as the person's own browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.openapi.docs import Swagger, render_template

from icor.accounts.services import user_for_api_token
from icor.core.refusals import json_refusal

BEARER_SCHEME = "BearerToken"
SESSION_SCHEME = "SessionAuth"


def bearer_token(request: HttpRequest) -> str | None:
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class ApiTokenMiddleware:
    """Authenticates `Authorization: Bearer <token>` on the API, before any permission check runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/") and (token := bearer_token(request)) is not None:
            user = user_for_api_token(token)
            if user is None:
                return json_refusal(401, _("The API token is unknown, expired or revoked."), "invalid_token")
            request.user = user
            # No cookie is involved: a cross-site page cannot send this header, so CSRF does not apply.
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return self.get_response(request)


def declare_authentication(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI: every operation that takes the session also takes a bearer token."""
    schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
    if SESSION_SCHEME in schemes:
        schemes[SESSION_SCHEME]["description"] = (
            "The Django session of a logged-in person; unsafe methods also need the header "
            "X-CSRFToken with the value of the csrftoken cookie."
        )
    schemes[BEARER_SCHEME] = {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal API token, created at /accounts/me/tokens/; it has its owner's rights.",
    }
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security") if isinstance(operation, dict) else None
            if security and any(SESSION_SCHEME in entry for entry in security):
                security.append({BEARER_SCHEME: []})
    return schema


class SwaggerWithCsrf(Swagger):
    """/api/docs: "Try it out" sends the logged-in person's CSRF token with unsafe methods."""

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        import json

        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings, indent=1), "api": api, "add_csrf": True}
        return render_template(request, self.template, self.template_cdn, context)
