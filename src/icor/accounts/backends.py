"""The authentication backends, with the account of every request read by a `RowLoader`.

Django's and allauth's backends load the logged-in account of each request with
`User.objects.get`, whose SELECT the ORM builds anew every time; these read the same row with
a SELECT built once per process. Everything else (how a login is checked, who may log in) is
theirs.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from asgiref.sync import sync_to_async
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from icor.accounts.models import User
from icor.core.rows import RowLoader

ACCOUNTS = RowLoader(User, "id")


class _AccountFromRow:
    def get_user(self, user_id: Any) -> User | None:
        user = ACCOUNTS.get(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]

    async def aget_user(self, user_id: Any) -> User | None:
        return await sync_to_async(self.get_user)(user_id)


class ModelBackend(_AccountFromRow, DjangoModelBackend):
    """Django's username and password backend."""


class AuthenticationBackend(_AccountFromRow, AllauthBackend):
    """allauth's backend (login by username or e-mail, as the settings say)."""
