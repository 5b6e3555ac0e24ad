"""How allauth logs people in here: no sign-up, throttling per address and per account."""

from __future__ import annotations

import ipaddress
import secrets
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.http import HttpRequest, HttpResponse

from icor.accounts import login_lock
from icor.accounts.models import User

DEVICE_SALT = "icor.accounts.known-device"


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in settings.ICOR_TRUSTED_PROXIES:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request: HttpRequest) -> str:
    """The connection's address; X-Forwarded-For only as far as it was written by trusted proxies."""
    address = str(request.META.get("REMOTE_ADDR") or "")
    if not _is_trusted_proxy(address):
        return address
    forwarded = [
        part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()
    ]
    # Read from the right: each trusted proxy appended the address it was talking to.
    for hop in reversed(forwarded):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address
        if not _is_trusted_proxy(hop):
            return hop
        address = hop
    return address


def known_device(request: HttpRequest, user_id: int) -> str:
    """The device id of a signed cookie this browser got when that account logged in, or ''."""
    value = request.COOKIES.get(settings.ICOR_KNOWN_DEVICE_COOKIE, "")
    if not value:
        return ""
    try:
        data = signing.loads(value, salt=DEVICE_SALT, max_age=settings.ICOR_KNOWN_DEVICE_DAYS * 86400)
    except signing.BadSignature:
        return ""
    devices = data.get("devices", {}) if isinstance(data, dict) else {}
    return str(devices.get(str(user_id), ""))


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are issued by an organization's officers or the committee (S1).
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_address(request)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Count failures per address, and per account on unknown devices only.

        A known device (the account logged in there before) has its own counter for the
        account: guesses from elsewhere lock out the guessing address and unknown devices,
        never the owner on their own device.
        """
        login = str(credentials.get("username") or credentials.get("email") or "")
        account = (
            User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).first() if login else None
        )
        if account is None:
            key = self._get_login_attempts_cache_key(request, **credentials)
        else:
            # One counter per account, whether its login name or e-mail address was typed.
            key = login_lock.account_key(account.pk)
            device = known_device(request, account.pk)
            if device:
                key = f"{key}:device:{device}"
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed", key=key
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        remember_device(request, response, user.pk)
        return response


def remember_device(request: HttpRequest, response: HttpResponse, user_id: int) -> None:
    value = request.COOKIES.get(settings.ICOR_KNOWN_DEVICE_COOKIE, "")
    try:
        data = signing.loads(value, salt=DEVICE_SALT) if value else {}
    except signing.BadSignature:
        data = {}
    devices = dict(data.get("devices", {})) if isinstance(data, dict) else {}
    devices.setdefault(str(user_id), secrets.token_hex(8))
    response.set_cookie(
        settings.ICOR_KNOWN_DEVICE_COOKIE,
        signing.dumps({"devices": devices}, salt=DEVICE_SALT),
        max_age=settings.ICOR_KNOWN_DEVICE_DAYS * 86400,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
