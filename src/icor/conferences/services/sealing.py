"""Sealed choices of a secret ballot: each ballot has its own X25519 key pair (PyNaCl SealedBox).

The private key exists only in the server's data directory, from the opening until the count;
the database holds sealed choices that a reader of the database or of a backup cannot open.
Every choice is padded to one length, so the size of a sealed choice says nothing either, and
is sealed together with the fingerprint of its receipt, so that a sealed choice copied into a
second row (ballot stuffing by a database writer) does not open as a second ballot.
"""

from __future__ import annotations

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox

from icor.audit.keys import MissingKey, ballot_key_path, write_private_file

CHOICE_LENGTH = 16


class UnreadableBallot(RuntimeError):
    """A sealed choice does not open with the ballot's key: it was not sealed by this server."""


def create_ballot_key(ballot_id: int) -> None:
    """At the opening: a fresh key pair, written durably, so that no acknowledged vote is lost."""
    path = ballot_key_path(ballot_id)
    if path.exists():  # a ballot id reused after a rolled-back opening: start afresh
        path.unlink()
    write_private_file(path, bytes(PrivateKey.generate()).hex().encode())


def has_ballot_key(ballot_id: int) -> bool:
    return ballot_key_path(ballot_id).exists()


def _private_key(ballot_id: int) -> PrivateKey:
    path = ballot_key_path(ballot_id)
    if not path.exists():
        raise MissingKey(
            f"The key of secret ballot {ballot_id} is not in the data directory: "
            "its sealed choices cannot be opened."
        )
    return PrivateKey(bytes.fromhex(path.read_text().strip()))


def seal(ballot_id: int, choice: str, receipt_hash: str) -> bytes:
    # The public key is derived from the file, never read from the database: a database writer
    # who replaced it would otherwise receive every later choice sealed to a key of their own.
    public_key = _private_key(ballot_id).public_key
    return bytes(SealedBox(public_key).encrypt(choice.encode().ljust(CHOICE_LENGTH) + receipt_hash.encode()))


def unseal_all(ballot_id: int, rows: list[tuple[str, bytes]]) -> list[str]:
    """The choices of (receipt fingerprint, sealed choice) rows; refused if any was not sealed here
    for that receipt."""
    box = SealedBox(_private_key(ballot_id))
    choices = []
    for receipt_hash, sealed in rows:
        try:
            plain = box.decrypt(sealed).decode()
        except (CryptoError, UnicodeDecodeError):
            plain = ""
        if plain[CHOICE_LENGTH:] != receipt_hash:
            raise UnreadableBallot(
                f"A sealed choice of secret ballot {ballot_id} does not open with its key for its receipt: "
                "it was written behind the application's back."
            )
        choices.append(plain[:CHOICE_LENGTH].strip())
    return choices


def destroy_ballot_key(ballot_id: int) -> None:
    """After the count: sealed copies in old backups, WAL or dead rows can never be opened again."""
    ballot_key_path(ballot_id).unlink(missing_ok=True)
