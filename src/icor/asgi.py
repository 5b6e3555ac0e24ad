"""The ASGI application `icor serve` runs (see icor.serving): one thread hop per request."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icor.settings")
django.setup(set_prefix=False)

from icor.serving import application_from_environment  # noqa: E402 - needs the settings loaded

application = application_from_environment()
