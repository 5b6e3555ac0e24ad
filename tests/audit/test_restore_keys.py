"""Backups hold no key; a restore with the data directory verifies everything, one without it
works and says which checks are then impossible."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management import call_command

from icor.accounts.models import Role
from icor.audit import keys
from icor.audit.checkpoints import write_checkpoint
from icor.audit.services import record_event
from tests.audit.test_backup_restore import icor, some_history
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def key_texts() -> list[str]:
    folder = Path(settings.DATA_DIR) / keys.KEY_DIR_NAME
    names = (keys.AUDIT_LINK_KEY, keys.AUDIT_CHECKPOINT_KEY, keys.MFA_KEY)
    return [(folder / name).read_text().strip() for name in names]


def history_with_two_factor() -> None:
    some_history()
    TOTP.activate(make_user(Role.OFFICER), "JBSWY3DPEHPK3PXP")
    write_checkpoint("before the backup")


def json_backup(tmp_path: Path) -> Path:
    backup_file = tmp_path / "icor.json"
    call_command("backup", output=backup_file, method="json")
    return backup_file


def restore(backup_file: Path, tmp_path: Path, data_dir: Path) -> tuple[int, str, str]:
    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    os.environ["ICOR_DATA_DIR"] = str(data_dir)  # the monkeypatched value, for this subprocess only
    restored = icor("restore", str(backup_file), database_url=target, var_dir=tmp_path)
    verified = icor("audit", "verify", database_url=target, var_dir=tmp_path)
    os.environ["ICOR_DATA_DIR"] = str(settings.DATA_DIR)
    assert verified.returncode == restored.returncode, verified.stderr
    return restored.returncode, restored.stdout + restored.stderr, verified.stdout + verified.stderr


def test_a_backup_holds_no_key(tmp_path: Path) -> None:
    history_with_two_factor()
    content = json_backup(tmp_path).read_text()
    texts = key_texts()
    assert len(texts) == 3
    assert not any(text in content for text in texts)
    assert not Path(settings.DATA_DIR).is_relative_to(tmp_path)


def test_a_restore_with_the_data_directory_verifies_links_and_checkpoints(tmp_path: Path) -> None:
    history_with_two_factor()
    status, restored, verified = restore(json_backup(tmp_path), tmp_path, Path(settings.DATA_DIR))
    assert status == 0, restored
    assert "with the data directory" in restored and "audit chain intact" in restored
    assert "Checkpoints: 1 signed checkpoint(s) compared with the chain." in verified
    assert "Not possible" not in verified


def test_restoring_an_older_backup_than_the_last_checkpoint_is_refused(tmp_path: Path) -> None:
    history_with_two_factor()
    old = json_backup(tmp_path)
    record_event("test.after_the_backup", subject="thing:1")
    write_checkpoint("after the backup")
    status, restored, verified = restore(old, tmp_path, Path(settings.DATA_DIR))
    assert status == 1
    assert "rolled back" in restored and "rolled back" in verified


def test_a_restore_without_the_data_directory_works_and_says_what_is_impossible(tmp_path: Path) -> None:
    history_with_two_factor()
    fresh = tmp_path / "new-data"
    status, restored, verified = restore(json_backup(tmp_path), tmp_path, fresh)
    assert status == 0, restored
    assert "WITHOUT the data directory" in restored
    assert "Not possible without the old data directory: the key check of links #1 to #" in restored
    assert "the comparison with the checkpoints signed before the restore" in restored
    assert "two-factor login with the 1 authenticator(s) encrypted with the old key" in restored
    assert "Not possible here: the key check of links #1 to #" in verified
    assert (fresh / keys.KEY_DIR_NAME / keys.AUDIT_LINK_KEY).exists()
