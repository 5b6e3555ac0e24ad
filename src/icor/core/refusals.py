"""One shape for every refusal the API gives: `{"detail", "code", "clause"}`, one status per kind.

401 not logged in, 403 not allowed, 404 not found, 409 wrong state, 422 invalid input.
Services raise Django's `PermissionDenied` (not allowed) and `ValidationError` (not possible);
a `ValidationError` whose code is `WRONG_STATE` (or `CONFLICT`) is about the moment, not the input.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from ninja import Schema

# Codes a service gives a ValidationError that refuses because of the state of things, not the input.
WRONG_STATE = "wrong_state"
CONFLICT = "conflict"
STATE_CODES = frozenset({WRONG_STATE, CONFLICT})

CODE_OF_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "not_allowed",
    404: "not_found",
    405: "method_not_allowed",
    409: "wrong_state",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "throttled",
}
# A refusal that rests on a clause of the Founding Resolution names it, as in "(S11)".
CLAUSE = re.compile(r"\bS(1[0-5]|[1-9])\b")


class Refusal(Schema):
    detail: str
    code: str
    clause: str | None = None


# Every operation that can refuse documents these answers in the OpenAPI schema.
REFUSED: dict[int, type[Refusal]] = dict.fromkeys((401, 403, 404, 409, 422), Refusal)


def clause_in(detail: str) -> str | None:
    found = CLAUSE.search(detail)
    return found.group(0) if found else None


def refusal_body(detail: str, code: str, clause: str | None = None) -> dict[str, Any]:
    return {"detail": detail, "code": code, "clause": clause if clause is not None else clause_in(detail)}


def json_refusal(status: int, detail: str, code: str | None = None) -> JsonResponse:
    return JsonResponse(refusal_body(detail, code or CODE_OF_STATUS.get(status, "refused")), status=status)


def status_of(error: ValidationError) -> int:
    """409 when the state of things refuses, 422 when the input does."""
    codes = {getattr(e, "code", None) for e in error.error_list} if hasattr(error, "error_list") else set()
    if hasattr(error, "error_dict"):
        codes = {e.code for errors in error.error_dict.values() for e in errors}
    return 409 if codes & STATE_CODES else 422


def messages_of(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(error.messages)
