"""Operational log lines about logins. They never name the account, its address or its password."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import Signal, receiver

logger = logging.getLogger("icor.accounts")


@receiver(user_login_failed)
def log_failed_login(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    logger.info("login failed")


@receiver(user_logged_in)
def log_login(sender: Any, user: Any, **kwargs: Any) -> None:
    logger.info("login succeeded (role %s)", getattr(user, "role", ""))


# Sent inside the acceptance's transaction with `invitation` and the new `account`: an app that
# invited the person to something of its own (a conference, S13) lets the account in.
invitation_accepted = Signal()
