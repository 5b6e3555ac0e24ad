"""The JSON API: one NinjaAPI, one router per domain app, one shape for every refusal.

Every refusal is `{"detail", "code", "clause"}` (icor.core.refusals): 401 not logged in,
403 not allowed, 404 not found, 405 method not allowed, 409 wrong state, 422 invalid input;
bodies are JSON only (415).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.parser import Parser

from icor.accounts.api import router as accounts_router
from icor.accounts.api_auth import SwaggerWithCsrf, declare_authentication
from icor.conferences.api import router as conferences_router
from icor.core.input_errors import described, with_input_lengths
from icor.core.refusals import CODE_OF_STATUS, Refusal, messages_of, refusal_body, status_of
from icor.debate.api import router as debate_router
from icor.partners.api import router as partners_router
from icor.privacy.api import router as privacy_router
from icor.projects.api import router as projects_router
from icor.registry.api import router as registry_router


class UnsupportedMediaType(Exception):
    """A request body that is not JSON."""


class JsonBodies(Parser):
    """Only `application/json` bodies are read; text sent as anything else is refused with 415."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if request.content_type != "application/json":
            raise UnsupportedMediaType(request.content_type)
        return json.loads(request.body)  # type: ignore[no-any-return]


class RefusingAPI(NinjaAPI):
    """Every operation documents the refusals the exception handlers below may give."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {})["Refusal"] = Refusal.model_json_schema()
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status in REFUSAL_STATUSES:
                    operation["responses"].setdefault(
                        str(status),
                        {
                            "description": CODE_OF_STATUS[status],
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Refusal"}}
                            },
                        },
                    )
        return declare_authentication(schema)

    def validation_error_from_error_contexts(self, error_contexts: list[Any]) -> SchemaValidationError:
        error = super().validation_error_from_error_contexts(error_contexts)
        with_input_lengths(
            error.errors,
            (
                problem
                for context in error_contexts
                for problem in context.pydantic_validation_error.errors(include_url=False)
            ),
        )
        return error

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        # ninja answers a method a path does not have with a plain-text 405, not through a handler.
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _not_allowed_as_refusal(pattern.callback)
        return urls


def _not_allowed_as_refusal(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        refusal = _refused(request, 405, _("This method is not allowed here."))
        refusal["Allow"] = response["Allow"]
        return refusal

    return answer


REFUSAL_STATUSES = (401, 403, 404, 409, 415, 422)

api = RefusingAPI(
    title="icor API",
    version="1",
    description=(
        "The platform of the International Coordination of Revolutionary Parties and Organizations. "
        "Every decision result cites the clause of the Founding Resolution it applies. "
        'Every refusal is JSON of one shape, {"detail", "code", "clause"}: 401 not logged in, '
        "403 not allowed, 404 not found, 405 method not allowed, 409 wrong state, 415 not a JSON body, "
        "422 invalid input."
    ),
    urls_namespace="api",
    docs=SwaggerWithCsrf(),
    parser=JsonBodies(),
)
api.add_router("/registry", registry_router)
api.add_router("/conferences", conferences_router)
api.add_router("/projects", projects_router)
api.add_router("/partners", partners_router)
api.add_router("/privacy", privacy_router)
api.add_router("/debate", debate_router)
api.add_router("/accounts", accounts_router)


def _refused(request: HttpRequest, status: int, detail: str, code: str | None = None) -> HttpResponse:
    body = refusal_body(detail, code or CODE_OF_STATUS.get(status, "refused"))
    return api.create_response(request, body, status=status)


@api.exception_handler(PermissionDenied)
def not_allowed(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return _refused(request, 403, str(error) or _("You may not do this."))


@api.exception_handler(ValidationError)
def not_possible(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return _refused(request, status_of(error), messages_of(error))


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return _refused(request, 404, _("Not found."))


@api.exception_handler(AuthenticationError)
def not_logged_in(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return _refused(request, 401, _("Log in first."))


@api.exception_handler(HttpError)
def refused(request: HttpRequest, error: HttpError) -> HttpResponse:
    # ninja wraps a parser's error in "400 Cannot parse request body"; the cause tells which.
    if isinstance(error.__cause__, UnsupportedMediaType):
        return _refused(request, 415, _("The API reads only JSON bodies (Content-Type: application/json)."))
    if error.status_code == 400 and error.__cause__ is not None:
        return _refused(request, 422, _("The body is not valid JSON."))
    return _refused(request, error.status_code, str(error))


@api.exception_handler(SchemaValidationError)
def invalid(request: HttpRequest, error: SchemaValidationError) -> HttpResponse:
    # pydantic words its errors in English; each is told again in the language the client asked for.
    return _refused(request, 422, described(error.errors))
