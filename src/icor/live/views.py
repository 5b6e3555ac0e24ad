"""The Server-Sent-Events stream of one live channel."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator

from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from icor.live.backends import CHANNEL_PATTERN
from icor.live.handoff import LIVE_CHANNEL_HEADER, LIVE_HANDOFF
from icor.live.hub import current_hub, event_text

RETRY_MILLISECONDS = 2000
RETRY_TEXT = f"retry: {RETRY_MILLISECONDS}\n\n"
UNAVAILABLE_TEXT = ": live channel unavailable\n\n"


def ready_text(channel: str) -> str:
    """The first event of a stream: the hub is listening for it."""
    return f"event: ready\ndata: {json.dumps({'channel': channel})}\n\n"


def stream(request: HttpRequest, channel: str) -> HttpResponseBase:
    """Any logged-in account may listen: events carry ids and counts, and the figures
    themselves are fetched from pages that check their own permissions.

    Under `icor serve` the answer hands the stream over to the event loop (icor.serving),
    so that the listener keeps neither this thread nor a database connection."""
    if not request.user.is_authenticated:
        return HttpResponseForbidden(_("Log in to receive live updates."))
    if not CHANNEL_PATTERN.match(channel):
        return HttpResponse(_("Unknown live channel."), status=404)
    response: HttpResponseBase
    if request.META.get(LIVE_HANDOFF):
        response = HttpResponse(content_type="text/event-stream", headers={LIVE_CHANNEL_HEADER: channel})
    elif isinstance(request, ASGIRequest):
        response = StreamingHttpResponse(events(channel), content_type="text/event-stream")
    else:
        # Only an event loop streams (`icor serve`, or an ASGI server): a plain WSGI server would hold a
        # thread and a database connection per listener for good. It answers at once; the browser asks
        # again after `retry`, and the pages work without live updates.
        response = HttpResponse(
            f"retry: {RETRY_MILLISECONDS}\n\n: live updates are streamed by icor serve\n\n",
            content_type="text/event-stream",
        )
    response["Cache-Control"] = "no-cache, no-store"
    # Proxies such as nginx must pass each event on at once.
    response["X-Accel-Buffering"] = "no"
    return response


async def events(channel: str) -> AsyncGenerator[str, None]:
    """`ready` once listening, then each event of the channel, and a heartbeat comment every
    15 s (from the hub). Leaving unsubscribes (see Hub.subscription)."""
    yield RETRY_TEXT
    try:
        async with current_hub().subscription(channel) as queue:
            yield ready_text(channel)
            while True:
                message = await queue.get()
                if message is None:
                    return
                yield event_text(message)
    except ConnectionError:
        # The browser tries again after `retry`; the page still works without live updates.
        yield UNAVAILABLE_TEXT
