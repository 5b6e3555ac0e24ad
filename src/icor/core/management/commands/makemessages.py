"""`makemessages` that also collects the statute core's sentences.

The statute core imports nothing from Django, so its message ids are marked with its own
`phrase(...)` and `counted_phrase(singular, plural, ...)` (icor.statute.messages); xgettext is
told to read those two names as well.
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=phrase",
        "--keyword=counted_phrase:1,2",
    ]
