"""The live channel: small events pushed to every open browser, across server processes.

`icor.live.services.publish(channel, event, data)` sends; `GET /live/<channel>/` streams
Server-Sent Events. The transport is PostgreSQL LISTEN/NOTIFY, Redis pub/sub or a polled
table, chosen in `icor.live.backends`.
"""

from icor.live.services import publish

__all__ = ["publish"]
