"""`icor audit verify` recomputes the chain and names the first broken link."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from icor.audit.services import verify_chain
from tests.audit import tampering

pytestmark = pytest.mark.django_db


def verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def test_an_intact_chain_passes_and_counts_its_links() -> None:
    tampering.chain_of(4)
    assert "intact: 4 link(s)" in verify()


def test_an_empty_chain_is_intact() -> None:
    assert "intact: 0 link(s)" in verify()


def test_changed_data_breaks_the_chain_at_that_link() -> None:
    tampering.chain_of(5)
    tampering.set_data(3, {"number": 333})
    with pytest.raises(CommandError) as refused:
        verify()
    assert refused.value.returncode == 1
    assert "broken at link #3" in str(refused.value)
    assert "content does not match its key check" in str(refused.value)


def test_a_deleted_link_breaks_the_chain_where_it_was() -> None:
    tampering.chain_of(5)
    tampering.delete_link(2)
    with pytest.raises(CommandError, match=r"broken at link #3: expected link #2"):
        verify()


def test_a_deleted_last_link_is_detected_by_the_chain_head() -> None:
    tampering.chain_of(3)
    tampering.delete_link(3)
    with pytest.raises(CommandError, match=r"broken at link #3: links are missing at the end"):
        verify()


def test_reordered_links_break_the_chain() -> None:
    tampering.chain_of(5)
    tampering.swap_links(2, 4)
    with pytest.raises(CommandError, match=r"broken at link #2: previous hash does not match"):
        verify()


def test_an_inserted_link_breaks_the_chain_after_it() -> None:
    tampering.chain_of(5)
    tampering.insert_forged_link(3)
    result = verify_chain()
    assert not result.ok
    assert result.broken_at == 3  # the forged link itself: its key is not the data directory's
    with pytest.raises(CommandError, match=r"broken at link #3"):
        verify()


def test_new_events_continue_an_intact_chain_after_verification() -> None:
    tampering.chain_of(2)
    verify()
    tampering.chain_of(1)
    assert "intact: 3 link(s)" in verify()
