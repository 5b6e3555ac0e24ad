"""After a restore without the data directory, the record says which open secret ballots cannot be counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from icor.accounts.models import User
from icor.audit import keys
from icor.audit.restoring import check_after_restore
from icor.audit.services import record_event
from icor.conferences import services
from icor.conferences.models import Conference
from tests.conferences.conftest import motion_in_discussion, seats

pytestmark = pytest.mark.django_db


def test_an_open_secret_ballot_is_named_among_what_a_restore_without_keys_cannot_do(
    conference: Conference, committee: User
) -> None:
    (a,) = seats(conference, 1)
    motion = motion_in_discussion(conference, committee, a)
    services.open_ballot(motion=motion, actor=committee, secret=True)
    record_event("test.before_restore", subject="restore")
    (Path(settings.DATA_DIR) / keys.KEY_DIR_NAME / keys.AUDIT_LINK_KEY).unlink()
    checked = check_after_restore()
    assert not checked.with_data_directory
    assert any("counting the 1 open secret ballot(s)" in note for note in checked.impossible)
