"""The audit record is anchored outside the database: keyed links, signed checkpoints.

Each test plays the intruder of the threat model: they read and write the whole database
(raw SQL, behind the application's back) but cannot touch the data directory.
"""

from __future__ import annotations

import json
import stat
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from icor.audit import keys
from icor.audit.checkpoints import checkpoint_path, read_checkpoints
from icor.audit.models import AuditEvent
from icor.audit.services import verify_chain
from tests.audit import tampering

pytestmark = pytest.mark.django_db


def verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def refused() -> str:
    with pytest.raises(CommandError) as error:
        verify()
    assert error.value.returncode == 1
    return str(error.value)


def checkpoint() -> str:
    out = StringIO()
    call_command("audit", "checkpoint", stdout=out)
    return out.getvalue()


def test_setup_creates_the_keys_readable_by_the_server_alone() -> None:
    created = keys.ensure_keys()
    assert set(created) == {keys.AUDIT_LINK_KEY, keys.AUDIT_CHECKPOINT_KEY, keys.MFA_KEY}
    for name in created:
        path = Path(settings.DATA_DIR) / keys.KEY_DIR_NAME / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((Path(settings.DATA_DIR) / keys.KEY_DIR_NAME).stat().st_mode) == 0o700
    assert keys.ensure_keys() == []  # idempotent: keys are never replaced


def test_no_key_is_stored_in_the_database() -> None:
    tampering.chain_of(3)
    checkpoint()
    link_key = keys.audit_link_key().hex()
    signing_seed = (
        (Path(settings.DATA_DIR) / keys.KEY_DIR_NAME / keys.AUDIT_CHECKPOINT_KEY).read_text().strip()
    )
    stored = json.dumps(list(AuditEvent.objects.values()), default=str)
    assert link_key not in stored and signing_seed not in stored


def test_a_checkpoint_is_signed_and_written_outside_the_database() -> None:
    tampering.chain_of(3)
    assert "link #3" in checkpoint()
    [written] = read_checkpoints()
    assert written.sequence == 3
    assert written.hash == AuditEvent.objects.get(sequence=3).hash
    assert checkpoint_path().is_relative_to(Path(settings.DATA_DIR))
    assert "Checkpoints: 1 signed checkpoint(s)" in verify()


def test_rolling_back_the_chain_to_before_the_last_checkpoint_is_detected() -> None:
    tampering.chain_of(5)
    checkpoint()
    tampering.roll_back_to(3)  # links and head agree with each other: only the checkpoint knows
    message = refused()
    assert "rolled back" in message and "signed link #5" in message and "ends at #3" in message
    assert "written with icor audit checkpoint)" in message  # the signed reason, in words


def test_wiping_the_chain_is_detected() -> None:
    tampering.chain_of(4)
    checkpoint()
    tampering.wipe()
    message = refused()
    assert "wiped" in message and "signed link #4" in message


def test_rewriting_with_recomputed_checks_is_detected_by_the_key() -> None:
    tampering.chain_of(5)
    tampering.rewrite_from(2, {"number": 222})
    message = refused()
    assert "broken at link #2" in message and "does not match its key check" in message


def test_rewriting_with_the_project_code_under_a_key_of_ones_own_is_detected() -> None:
    """Even a forger who recomputes everything and names their own key is refused."""
    tampering.chain_of(3)
    tampering.insert_forged_link(2)
    assert "broken at link #2" in refused()
    assert "not made with this data directory's audit key" in refused()


def test_a_rewrite_made_with_the_real_key_still_differs_from_the_checkpoint() -> None:
    """If the key leaked, checkpoints still catch a rewrite of the history they signed."""
    tampering.chain_of(5)
    checkpoint()
    tampering.rewrite_from(2, {"number": 222}, key=keys.audit_link_key())
    message = refused()
    assert "link #5 is not the one signed by checkpoint 1" in message and "rewritten" in message


def test_an_altered_checkpoint_file_is_reported() -> None:
    tampering.chain_of(2)
    checkpoint()
    path = checkpoint_path()
    line = json.loads(path.read_text())
    line["sequence"] = 1
    path.write_text(json.dumps(line) + "\n")
    assert "checkpoint file is damaged" in refused()


def test_the_report_says_what_was_checked_in_plain_words() -> None:
    tampering.chain_of(2)
    checkpoint()
    report = verify()
    assert "Links: 2 checked" in report
    assert "Checkpoints: 1 signed checkpoint(s) compared with the chain." in report
    assert "Named votes: 0 checked against the record." in report
    assert "Consensus positions: 0 checked" in report
    assert "Stored outcomes: 0 checked" in report


def test_without_a_checkpoint_the_report_says_the_comparison_was_not_possible() -> None:
    tampering.chain_of(1)
    assert "Not possible here: the comparison with signed checkpoints: none has been written yet." in verify()


def test_without_the_audit_key_verification_fails_and_says_why() -> None:
    tampering.chain_of(2)
    (Path(settings.DATA_DIR) / keys.KEY_DIR_NAME / keys.AUDIT_LINK_KEY).unlink()
    result = verify_chain()
    assert not result.ok
    assert "the audit key is not in the data directory" in result.reason
    assert "audit key is not in the data directory" in refused()


def test_links_restored_without_their_key_are_anchored_as_restored() -> None:
    """After a restore without the old data directory, the old links cannot be key-checked, but a
    later change to them is still caught: their content as restored is digested into the new one."""
    from icor.audit.restoring import check_after_restore

    tampering.chain_of(3)
    (Path(settings.DATA_DIR) / keys.KEY_DIR_NAME / keys.AUDIT_LINK_KEY).unlink()
    checked = check_after_restore()
    assert not checked.with_data_directory and checked.verification.ok
    tampering.chain_of(1)  # new links are keyed with the new key
    assert "Not possible here: the key check of links #1 to #3" in verify()
    tampering.set_data(2, {"number": 222})
    assert "restored without their key, were changed since the restore" in refused()


def test_a_checkpoint_reason_is_shown_in_words_never_as_its_code() -> None:
    from icor.audit.checkpoints import MANUAL_CHECKPOINT, checkpoint_reason_text

    assert checkpoint_reason_text("ballot:12 closed") == "ballot 12 closed"
    assert checkpoint_reason_text("consensus round:3 closed") == "consensus round 3 closed"
    assert checkpoint_reason_text("conference:7 closed") == "conference 7 closed"
    assert checkpoint_reason_text(MANUAL_CHECKPOINT) == "written with icor audit checkpoint"
