"""Signed checkpoints of the audit chain, kept in the data directory, outside the database.

A checkpoint says "the chain had link #N with check H" and is signed with an Ed25519 key of the
data directory. Whoever rolls the database back, wipes the chain or rewrites it cannot
rewrite the checkpoints too; the minutes print the conference's checkpoint with the public key,
so every delegation holds a copy that anyone can check.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from icor.audit.chain import GENESIS_HASH
from icor.audit.keys import MissingKey, checkpoint_signing_key, data_dir
from icor.audit.models import ChainHead

CHECKPOINT_FILE = "audit-checkpoints.jsonl"
# The signed reason of a checkpoint written by hand (`icor audit checkpoint`).
MANUAL_CHECKPOINT = "icor audit checkpoint"


class DamagedCheckpoints(ValueError):
    """A line of the checkpoint file is not signed by the data directory's key."""


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    hash: str
    written_at: str
    reason: str
    signature: str
    public_key: str

    def signed_content(self) -> bytes:
        return json.dumps(
            {
                "sequence": self.sequence,
                "hash": self.hash,
                "written_at": self.written_at,
                "reason": self.reason,
            },
            sort_keys=True,
            separators=(",", ":"),
        ).encode()


def checkpoint_path() -> Path:
    return data_dir() / CHECKPOINT_FILE


def write_checkpoint(reason: str) -> Checkpoint:
    """Sign the chain head as committed now and append it to the checkpoint file."""
    head = ChainHead.objects.filter(pk=1).first()
    sequence, digest = (head.sequence, head.hash) if head else (0, GENESIS_HASH)
    key = checkpoint_signing_key()
    unsigned = Checkpoint(
        sequence=sequence,
        hash=digest,
        written_at=timezone.now().isoformat(timespec="seconds"),
        reason=reason,
        signature="",
        public_key=bytes(key.verify_key).hex(),
    )
    signature = key.sign(unsigned.signed_content()).signature.hex()
    checkpoint = Checkpoint(**{**asdict(unsigned), "signature": signature})
    line = (json.dumps(asdict(checkpoint), sort_keys=True) + "\n").encode()
    path = checkpoint_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # One write in append mode: lines of concurrent server processes never interleave.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(descriptor, line)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return checkpoint


def checkpoint_after_commit(reason: str) -> None:
    """Write a checkpoint once the current transaction has committed (the close it records)."""
    transaction.on_commit(lambda: write_checkpoint(reason), robust=True)


def read_checkpoints() -> list[Checkpoint]:
    """Every checkpoint, each signature checked against the data directory's key."""
    path = checkpoint_path()
    if not path.exists():
        return []
    own_key = bytes(checkpoint_signing_key(create=False).verify_key).hex()
    checkpoints = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoint = Checkpoint(**json.loads(line))
            if checkpoint.public_key != own_key:
                raise BadSignatureError
            VerifyKey(bytes.fromhex(checkpoint.public_key)).verify(
                checkpoint.signed_content(), bytes.fromhex(checkpoint.signature)
            )
        except (ValueError, TypeError, BadSignatureError):
            raise DamagedCheckpoints(
                gettext("line %(line)s of %(path)s is not a checkpoint signed with this data directory's key")
                % {"line": number, "path": path}
            ) from None
        checkpoints.append(checkpoint)
    return checkpoints


def checkpoint_for(reason: str) -> Checkpoint | None:
    """The last checkpoint written for `reason` (e.g. "conference:7 closed"), for the minutes."""
    try:
        found = [c for c in read_checkpoints() if c.reason == reason]
    except (DamagedCheckpoints, MissingKey, OSError):
        return None
    return found[-1] if found else None


def checkpoint_reason_text(reason: str) -> str:
    """Why a checkpoint was written, as a whole phrase in the reader's language.

    The signed reason is a fixed code ("ballot:12 closed"); it is never shown as such.
    """
    subject, _, event = reason.rpartition(" ")
    kind, _, number = subject.partition(":")
    if event == "closed" and number.isdigit():
        if kind == "ballot":
            return gettext("ballot %(number)s closed") % {"number": number}
        if kind == "consensus round":
            return gettext("consensus round %(number)s closed") % {"number": number}
        if kind == "conference":
            return gettext("conference %(number)s closed") % {"number": number}
    if reason == MANUAL_CHECKPOINT:
        return gettext("written with icor audit checkpoint")
    return reason
