"""Sessions whose keys the database never holds: only the SHA-256 of each is stored.

The session key in the browser's cookie is all it takes to act as a logged-in person, second
factor included. Django's database sessions store that key as the row's primary key, so whoever
reads the database or a backup could take over every open session. Here the row is keyed by
the hash of the cookie's key (the first 160 bits of its SHA-256): the cookie finds its row,
the row gives no cookie. Session keys are 32 random characters, so the hash cannot be reversed.

The row is read by a `RowLoader` (its SELECT built once per process, not on every request).
Set as `SESSION_ENGINE`; everything else is Django's database session store.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.contrib.sessions.models import Session
from django.utils import timezone

from icor.accounts.services import token_digest
from icor.core.rows import RowLoader

STORED_KEY_LENGTH = 40  # the column's length: 160 bits of the SHA-256, in hex


def stored_key(session_key: str) -> str:
    """The key a session is stored under, computed from the key in the cookie (as tokens are kept)."""
    return token_digest(session_key)[:STORED_KEY_LENGTH]


LIVE_SESSIONS = RowLoader(Session, "session_key", "expire_date__gt")


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> AbstractBaseSession | None:
        session = LIVE_SESSIONS.get(stored_key(self.session_key or ""), timezone.now())
        if session is None:
            self._session_key = None
        return session

    async def _aget_session_from_db(self) -> AbstractBaseSession | None:
        return await sync_to_async(self._get_session_from_db)()

    def exists(self, session_key: str) -> bool:
        return super().exists(stored_key(session_key))  # type: ignore[no-any-return]

    async def aexists(self, session_key: str) -> bool:
        return await super().aexists(stored_key(session_key))  # type: ignore[no-any-return]

    def create_model_instance(self, data: dict[str, Any]) -> AbstractBaseSession:
        session = super().create_model_instance(data)
        session.session_key = stored_key(session.session_key)
        return session  # type: ignore[no-any-return]

    async def acreate_model_instance(self, data: dict[str, Any]) -> AbstractBaseSession:
        session = await super().acreate_model_instance(data)
        session.session_key = stored_key(session.session_key)
        return session  # type: ignore[no-any-return]

    def delete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is not None:
            super().delete(stored_key(session_key))

    async def adelete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is not None:
            await super().adelete(stored_key(session_key))
