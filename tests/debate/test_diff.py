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


def test_punctuation_is_a_token_of_its_own() -> None:
    segments = word_diff("Workers of all countries, unite!", "Workers of all countries: unite!")
    assert [(s.operation, s.text) for s in segments if s.operation != "equal"] == [
        ("delete", ","),
        ("insert", ":"),
    ]
    assert changed_words(segments) == (0, 0)


def test_a_word_is_never_cut_in_two() -> None:
    segments = word_diff("every four years", "every fourteen years")
    assert [(s.operation, s.text) for s in segments if s.operation != "equal"] == [
        ("delete", "four"),
        ("insert", "fourteen"),
    ]


def test_texts_too_repetitive_to_compare_word_by_word_are_shown_whole() -> None:
    """Twenty thousand characters of one repeated word against another: the bounded case (S14 pages stay fast)."""
    old, new = "a " * 10_000, "b " * 10_000
    segments = word_diff(old, new)
    assert [(s.operation, len(s.text)) for s in segments] == [
        ("delete", 19_999),
        ("insert", 19_999),
        ("equal", 1),
    ]
    assert changed_words(segments) == (10_000, 10_000)


def test_a_long_text_with_a_few_changes_keeps_word_level_detail() -> None:
    paragraphs = [f"Paragraph {n} says what the conference decided on point {n}." for n in range(300)]
    changed = list(paragraphs)
    changed[150] = changed[150].replace("decided", "resolved")
    segments = word_diff("\n".join(paragraphs), "\n".join(changed))
    assert [(s.operation, s.text) for s in segments if s.operation != "equal"] == [
        ("delete", "decided"),
        ("insert", "resolved"),
    ]
