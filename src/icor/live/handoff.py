"""How a live stream is handed from the Django stack to the server's event loop (icor.serving)."""

# Set in the WSGI environ by the server only: a browser cannot send it (headers become HTTP_*).
LIVE_HANDOFF = "icor.live_handoff"
# The view's answer that hands the stream over to the event loop; never sent to the browser.
LIVE_CHANNEL_HEADER = "X-Icor-Live-Channel"
