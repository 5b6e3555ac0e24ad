"""Amendments are shown as the difference to the text they amend (S14)."""

from hypothesis import given
from hypothesis import strategies as st

from icor.debate.diff import changed_words, word_diff


def test_a_changed_word_is_shown_as_deleted_and_inserted() -> None:
    segments = word_diff("The conference meets every four years.", "The conference meets every three years.")
    assert [(s.operation, s.text) for s in segments] == [
        ("equal", "The conference meets every "),
        ("delete", "four"),
        ("insert", "three"),
        ("equal", " years."),
    ]
    assert changed_words(segments) == (1, 1)


def test_identical_texts_have_no_change() -> None:
    segments = word_diff("same text", "same text")
    assert [s.operation for s in segments] == ["equal"]
    assert changed_words(segments) == (0, 0)


words = st.lists(st.sampled_from(["a", "b", "c", "solidarity", "ß", "Мир", "\n", " "]), max_size=30).map(
    " ".join
)


@given(old=words, new=words)
def test_the_difference_rebuilds_both_texts(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.operation != "insert") == old
    assert "".join(s.text for s in segments if s.operation != "delete") == new
