"""`icor setup` creates the data directory's keys (mode 0600) once and never replaces them."""

from __future__ import annotations

import stat
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from icor.audit import keys

pytestmark = pytest.mark.django_db

NAMES = (keys.AUDIT_LINK_KEY, keys.AUDIT_CHECKPOINT_KEY, keys.MFA_KEY)


def test_setup_creates_the_keys_once_and_keeps_them() -> None:
    first = StringIO()
    call_command("setup", stdout=first)
    folder = Path(settings.DATA_DIR) / keys.KEY_DIR_NAME
    assert f"data directory {settings.DATA_DIR}: keys created: {', '.join(NAMES)}" in first.getvalue()
    created = {name: (folder / name).read_bytes() for name in NAMES}
    assert all(stat.S_IMODE((folder / name).stat().st_mode) == 0o600 for name in NAMES)
    again = StringIO()
    call_command("setup", stdout=again)
    assert "keys present" in again.getvalue()
    assert {name: (folder / name).read_bytes() for name in NAMES} == created
