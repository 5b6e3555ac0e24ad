"""Writers in several processes append to one chain: the chain head row lock serialises them."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from icor.audit.models import AuditEvent
from icor.audit.services import record_event, verify_chain

WRITERS = 6
EVENTS_EACH = 8


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: SELECT ... FOR UPDATE between connections"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_form_one_intact_chain() -> None:
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            start.wait()
            for count in range(EVENTS_EACH):
                record_event("test.concurrent", subject=f"writer:{number}", data={"count": count})
        except BaseException as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert AuditEvent.objects.count() == WRITERS * EVENTS_EACH
    assert sorted(AuditEvent.objects.values_list("sequence", flat=True)) == list(
        range(1, WRITERS * EVENTS_EACH + 1)
    )
    result = verify_chain()
    assert result.ok, result.reason
    assert result.checked == WRITERS * EVENTS_EACH
