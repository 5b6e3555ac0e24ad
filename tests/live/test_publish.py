"""publish(): what may be sent, and that it waits for the commit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from icor.live.backends import Message, backend_name
from icor.live.models import LiveEvent
from icor.live.services import publish

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _polling(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "polling"


def test_publish_outside_a_transaction_sends_at_once() -> None:
    publish("conference-7", "ballot", {"ballot": 3, "cast": 12})
    event = LiveEvent.objects.get()
    assert (event.channel, event.event, event.data) == ("conference-7", "ballot", {"ballot": 3, "cast": 12})


def test_publish_inside_a_transaction_waits_for_the_commit() -> None:
    with transaction.atomic():
        publish("conference-7", "attendance", {"present": 4})
        assert not LiveEvent.objects.exists()
    assert LiveEvent.objects.filter(event="attendance").count() == 1


def test_publish_in_a_rolled_back_transaction_sends_nothing() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        publish("conference-7", "result", {"ballot": 3})
        raise RuntimeError("the vote failed")
    assert not LiveEvent.objects.exists()


@pytest.mark.parametrize("channel", ["", "Conference-7", "conference 7", "conference/7", "x" * 65])
def test_publish_refuses_a_malformed_channel_name(channel: str) -> None:
    with pytest.raises(ValidationError, match="channel"):
        publish(channel, "ballot", {})
    assert not LiveEvent.objects.exists()


@pytest.mark.parametrize("event", ["", "Ballot", "ballot\ndata: forged", "b" * 33])
def test_publish_refuses_an_event_name_that_could_break_the_stream(event: str) -> None:
    with pytest.raises(ValidationError, match="event"):
        publish("conference-7", event, {})


def test_publish_refuses_a_payload_too_large_for_notify() -> None:
    with pytest.raises(ValidationError, match="ids and counts only"):
        publish("conference-7", "ballot", {"text": "x" * 8000})
    assert not LiveEvent.objects.exists()


def test_a_transport_failure_after_commit_is_logged_not_raised(settings, caplog) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "redis"
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    publish("conference-7", "ballot", {"cast": 1})
    assert "in on_commit()" in caplog.text


def test_message_decode_ignores_foreign_payloads() -> None:
    assert Message.decode("not json") is None
    assert Message.decode('{"channel": "conference-1"}') is None
    assert Message.decode('{"channel": "Bad Name", "event": "ballot", "data": {}}') is None
    assert Message.decode('{"channel": "conference-1", "event": "ballot", "data": [1]}') is None
    assert Message.decode('{"channel": "conference-1", "event": "ballot", "data": {"n": 1}}') == Message(
        "conference-1", "ballot", {"n": 1}
    )


@pytest.mark.parametrize(
    ("chosen", "expected"), [("postgres", "postgres"), ("redis", "redis"), ("polling", "polling")]
)
def test_backend_follows_the_setting(settings, chosen: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = chosen
    assert backend_name() == expected


def test_an_unknown_backend_is_refused(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIVE_BACKEND = "carrier-pigeon"
    with pytest.raises(ValueError, match="LIVE_BACKEND"):
        backend_name()


def test_without_a_setting_the_database_decides(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection

    settings.LIVE_BACKEND = ""
    settings.REDIS_URL = ""
    monkeypatch.delenv("ICOR_LIVE_BACKEND", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert backend_name() == ("postgres" if connection.vendor == "postgresql" else "polling")
    if connection.vendor != "postgresql":
        settings.REDIS_URL = "redis://127.0.0.1:6379/0"
        assert backend_name() == "redis"


def test_old_polling_rows_are_pruned_now_and_then(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("icor.live.backends.polling.PRUNE_EVERY", 1)
    publish("conference-7", "ballot", {"cast": 1})
    LiveEvent.objects.update(created=timezone.now() - timedelta(hours=1))
    publish("conference-7", "ballot", {"cast": 2})
    assert list(LiveEvent.objects.values_list("data", flat=True)) == [{"cast": 2}]
