"""The per-account login lock, kept in allauth's rate-limit counters (the cache).

Failed logins on one account are counted under the account's own key, whatever login name,
e-mail address or letter case was typed. `ACCOUNT_RATE_LIMITS["login_failed"]` ("5/5m/key")
bounds the lock: once five failures fall within five minutes, unknown devices are refused until
the oldest of them is five minutes old, so a lock lifts by itself at most five minutes after it
began. Reading or lifting the lock never tries a password: nobody learns from it whether a guess
was right.
"""

from __future__ import annotations

import time
from typing import Any

from allauth.core.internal import ratelimit
from django.core.cache import cache

APP = "allauth.account"
ACTION = "login_failed"


def account_key(account_id: int) -> str:
    return f"account:{account_id}"


def _account_counters(account_id: int) -> list[tuple[Any, str]]:
    """(rate, cache key) of the per-account limits; the per-address limits are the guessers' own."""
    return [
        (rate, ratelimit.get_cache_key(None, app=APP, action=ACTION, rate=rate, key=account_key(account_id)))
        for rate in ratelimit.get_rates(app=APP, action=ACTION)
        if rate.per == "key"
    ]


def is_locked(account_id: int) -> bool:
    """True while unknown devices are refused for this account, whatever password they send."""
    now = time.time()
    for rate, cache_key in _account_counters(account_id):
        allowed, _ = ratelimit.apply_rate(list(cache.get(cache_key, [])), now, rate, dry_run=True)
        if not allowed:
            return True
    return False


def lift(account_id: int) -> None:
    """Forget the account's failed logins; the addresses that guessed stay limited."""
    for _, cache_key in _account_counters(account_id):
        cache.delete(cache_key)
