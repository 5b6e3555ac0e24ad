"""The key files of the server's data directory (`settings.DATA_DIR`, `ICOR_DATA_DIR`).

The threat we design against reads or writes the whole database, or holds a backup, but not
this directory. So every key lives here, in a file of mode 0600 inside a directory of mode
0700, and nowhere else: never in the database, never in `icor backup`'s output.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet
from django.conf import settings
from nacl.signing import SigningKey

KEY_DIR_NAME = "keys"
AUDIT_LINK_KEY = "audit-link.key"
AUDIT_CHECKPOINT_KEY = "audit-checkpoint.key"
MFA_KEY = "mfa.key"
BALLOT_KEY_DIR = "ballots"


class MissingKey(RuntimeError):
    """A key the operation needs is not in the data directory."""


def data_dir() -> Path:
    return Path(settings.DATA_DIR)


def key_dir() -> Path:
    return data_dir() / KEY_DIR_NAME


def write_private_file(path: Path, content: bytes) -> None:
    """Create a file readable by the server's user only, durably (it must survive a crash).

    Written under a temporary name and then linked into place, so a concurrent reader never
    sees it half written; if the file exists already, FileExistsError.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(descriptor, content)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    try:
        os.link(temporary, path)
    finally:
        temporary.unlink()
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _key(name: str, make: bytes | None) -> bytes:
    path = key_dir() / name
    if not path.exists():
        if make is None:
            raise MissingKey(f"The key {name} is not in the data directory {data_dir()}.")
        with contextlib.suppress(FileExistsError):  # another process created it first: use theirs
            write_private_file(path, make)
    return path.read_bytes().strip()


def has_key(name: str) -> bool:
    return (key_dir() / name).exists()


def audit_link_key(*, create: bool = True) -> bytes:
    """The HMAC key of the audit links (hex in the file)."""
    return bytes.fromhex(_key(AUDIT_LINK_KEY, secrets.token_hex(32).encode() if create else None).decode())


def key_id(key: bytes) -> str:
    """A public name of a key, so a link says which key made it without revealing the key."""
    return hashlib.sha256(b"icor key id:" + key).hexdigest()[:16]


def checkpoint_signing_key(*, create: bool = True) -> SigningKey:
    """The Ed25519 key that signs checkpoints; its public half is printed in the minutes."""
    seed = _key(AUDIT_CHECKPOINT_KEY, secrets.token_hex(32).encode() if create else None)
    return SigningKey(bytes.fromhex(seed.decode()))


def mfa_fernet(*, create: bool = True) -> Fernet:
    """The key that encrypts two-factor secrets in the database."""
    return Fernet(_key(MFA_KEY, Fernet.generate_key() if create else None))


def ensure_keys() -> list[str]:
    """Create the keys that are missing (`icor setup`); return the names created."""
    created = [name for name in (AUDIT_LINK_KEY, AUDIT_CHECKPOINT_KEY, MFA_KEY) if not has_key(name)]
    audit_link_key()
    checkpoint_signing_key()
    mfa_fernet()
    return created


def ballot_key_path(ballot_id: int) -> Path:
    return key_dir() / BALLOT_KEY_DIR / f"ballot-{ballot_id}.key"
