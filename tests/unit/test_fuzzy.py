"""Fuzzy matching for the command palette (statusdesk/core/fuzzy.py): Arabic spelled loosely,
English in any case, characters in order, a ranking people expect, recency for ties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statusdesk.core import fuzzy
from statusdesk.core.fuzzy import FuzzyIndex, normalise, query_form, rank, score

# Letters people type loosely: Latin in both cases, Arabic letters with their variants,
# diacritics, tatweel, both kinds of digits, and spaces.
ALPHABET = list("aAbBnNeE ") + list("ابتخدمةهأإآٱىيؤوئ") + ["\u064e", "\u0651", "\u0640"]
ALPHABET += list("3٣۳")


def is_subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(ch in rest for ch in needle)  # `in` consumes the iterator up to the hit


def labels(items: list[str], query: str, recent: tuple[str, ...] = ()) -> list[str]:
    return rank(query, items, lambda item: (item,), recent=recent)


# --- normalisation -----------------------------------------------------------------------------


def test_arabic_diacritics_and_tatweel_are_dropped() -> None:
    assert normalise("أَخْطَاءٌ") == normalise("اخطاء") == "اخطاء"
    assert normalise("الخـــدمة") == normalise("الخدمة")
    assert normalise("إِلٰه") == "اله"  # U+0670, the dagger alef, goes too


def test_arabic_letter_variants_are_unified() -> None:
    assert {normalise(w) for w in ("أخطاء", "إخطاء", "آخطاء", "ٱخطاء", "اخطاء")} == {"اخطاء"}
    assert normalise("مستوى") == normalise("مستوي")
    assert normalise("الخدمة") == normalise("الخدمه")
    assert normalise("مسؤول") == normalise("مسوول")
    assert normalise("طارئ") == normalise("طاري")


def test_digits_case_compatibility_forms_and_spaces() -> None:
    assert normalise("خلال ٣٠ دقيقة") == normalise("خلال 30 دقيقة")
    assert normalise("۴۵") == "45"  # Extended Arabic-Indic, as Persian keyboards type
    assert normalise("Straße API") == "strasse api"
    assert normalise("ﻻ") == "لا"  # a presentation-form ligature (NFKC)
    assert normalise("  new \t incident ") == "new incident"
    assert normalise("الخدمة \u2066API v2\u2069") == "الخدمه api v2"  # isolates are invisible


def test_query_spaces_do_not_have_to_match() -> None:
    assert query_form(" New  inc ") == "newinc"
    assert score("new  inc", "New incident") is not None
    assert score("newinc", "New incident") is not None


# --- matching ----------------------------------------------------------------------------------


def test_arabic_matches_with_or_without_diacritics_and_alef_forms() -> None:
    spelled_fully = "ارتفاعُ أخطاءِ الواجهةِ البرمجية"
    for query in ("اخطاء", "أخطاء", "أَخْطَاء", "إخطاء", "الواجهه", "خطا برمج"):
        assert score(query, spelled_fully) is not None, query
    assert score("أخطاء", "اخطاء") == score("اخطاء", "أخطاء") == score("اخطاء", "اخطاء")


def test_english_case_does_not_matter() -> None:
    assert score("NEW", "new incident") == score("new", "New Incident") is not None


def test_characters_in_order_match_and_anything_else_does_not() -> None:
    assert score("nwinc", "New incident") is not None  # a subsequence
    assert score("cni", "New incident") is None  # all there, but out of order
    assert score("xyz", "New incident") is None
    assert score("incidents", "incident") is None  # more than is there
    assert score("٣", "3 components") is not None


def test_word_starts_beat_the_middle_of_words() -> None:
    # "ni": the initials of "New incident", but only letters inside "Unit".
    assert labels(["Unit tests", "New incident"], "ni") == ["New incident", "Unit tests"]
    # The Arabic article is written joined to its word: "خدمة" starts a word in "الخدمة".
    assert labels(["استخدمه الآن", "الخدمة متوقفة"], "خدمة") == ["الخدمة متوقفة", "استخدمه الآن"]


def test_prefix_and_runs_beat_scattered_letters() -> None:
    assert labels(["Pick up bags", "Publish now"], "pub") == ["Publish now", "Pick up bags"]
    assert labels(["A pink icon", "API errors"], "api") == ["API errors", "A pink icon"]
    assert labels(["Status check", "Schedule"], "sch") == ["Schedule", "Status check"]


def test_shorter_gaps_score_higher() -> None:
    near, far = score("ad", "abd"), score("ad", "abbbbbbd")
    assert near is not None and far is not None and near > far


def test_an_item_scores_by_its_best_text() -> None:
    items = [("Publish now", "انشر الآن", "Ctrl+Return"), ("New incident", "حادث جديد", "Ctrl+N")]
    by_text = lambda item: item  # noqa: E731
    assert rank("حادث", items, by_text)[0][0] == "New incident"
    assert rank("انشر", items, by_text)[0][0] == "Publish now"
    assert rank("ctrl+ret", items, by_text) == [items[0]]


# --- ranking and recency -----------------------------------------------------------------------


def test_empty_query_lists_recent_first_then_the_rest_in_order() -> None:
    items = ["a", "b", "c", "d", "e"]
    assert labels(items, "", recent=("d", "b", "gone")) == ["d", "b", "a", "c", "e"]
    assert labels(items, "   ") == items  # only spaces is empty too


def test_ties_go_to_the_more_recent_then_to_the_original_order() -> None:
    items = [("1", "Publish"), ("2", "Publish"), ("3", "Publish")]
    ranked = rank("pub", items, lambda item: (item[1],), recent=("3", "2"), key_of=lambda i: i[0])
    assert [key for key, _ in ranked] == ["3", "2", "1"]
    ranked = rank("pub", items, lambda item: (item[1],), key_of=lambda item: item[0])
    assert [key for key, _ in ranked] == ["1", "2", "3"]


def test_recency_does_not_beat_a_better_match() -> None:
    assert labels(["Unit tests", "New incident"], "ni", recent=("Unit tests",))[0] == "New incident"


def test_typing_on_narrows_without_changing_the_answer() -> None:
    items = ["New incident", "New update", "Next incident", "Unit", "نشر جديد"]
    index = FuzzyIndex(items, lambda item: (item,))
    for typed in ("n", "ne", "new", "new ", "new i", "ne", "x", "نش"):
        assert index.rank(typed) == labels(items, typed), typed


def test_ranking_is_linear_and_narrows_as_one_types(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work is counted, not timed: one quick check per candidate of all its texts at once
    (joined by NUL), and a Python-level score only for a text that matches; a query typed on
    from the last one looks only at the candidates the last one matched."""
    checks = scores = 0
    pattern_of, score_fitting = fuzzy.Query._pattern, fuzzy.Query._score_fitting

    class CountingPattern:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
            nonlocal checks
            checks += "\0" in text
            return self.pattern.match(text, pos)

    def counted_pattern(self: fuzzy.Query, k: int) -> CountingPattern:
        return CountingPattern(pattern_of(self, k))

    def counted_score(self: fuzzy.Query, cand: fuzzy.Prepared) -> int:
        nonlocal scores
        scores += 1
        return score_fitting(self, cand)

    monkeypatch.setattr(fuzzy.Query, "_pattern", counted_pattern)
    monkeypatch.setattr(fuzzy.Query, "_score_fitting", counted_score)
    for count in (100, 1000):
        items = [(f"Incident number {n}", f"حادث رقم {n}", "investigating") for n in range(count)]
        index = FuzzyIndex(items, lambda item: item)
        before = len(items)
        for typed in ("inc", "inc 7", "inc 77"):
            checks = scores = 0
            found = index.rank(typed)
            assert scores == len(found)  # only the English text matches
            assert checks == before  # the candidates the last query matched, once each
            before = len(found)
        assert before == sum(is_subsequence("77", str(n)) for n in range(count))
        assert found[0][0] == "Incident number 77"


@pytest.mark.timeout(30)
def test_a_long_query_against_a_long_text_does_not_backtrack() -> None:
    """A regular expression that backtracked would take longer than the universe here."""
    assert score("a" * 40 + "b", "a" * 5000) is None
    assert score("a" * 40 + "b", "a" * 5000 + "b") is not None


# --- properties --------------------------------------------------------------------------------


@given(st.text())
def test_any_text_matches_itself(text: str) -> None:
    assert score(text, text) is not None


@given(st.text(alphabet=ALPHABET, max_size=8), st.text(alphabet=ALPHABET, max_size=20))
def test_a_match_is_exactly_the_query_in_order(query: str, text: str) -> None:
    found = score(query, text)
    assert (found is not None) == is_subsequence(query_form(query), normalise(text))


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30), st.data())
def test_any_picked_subsequence_matches(text: str, data: st.DataObject) -> None:
    norm = normalise(text)
    picked = data.draw(st.lists(st.booleans(), min_size=len(norm), max_size=len(norm)))
    query = "".join(ch for ch, keep in zip(norm, picked, strict=True) if keep)
    assert score(query, text) is not None


@given(st.lists(st.text(alphabet=ALPHABET, max_size=12), max_size=8), st.data())
def test_ranking_keeps_exactly_the_matches(items: list[str], data: st.DataObject) -> None:
    query = data.draw(st.text(alphabet=ALPHABET, max_size=4))
    ranked = labels(items, query)
    if not query_form(query):
        assert ranked == items
        return
    expected = [i for i in items if is_subsequence(query_form(query), normalise(i))]
    assert sorted(ranked) == sorted(expected)
    scores = [score(query, item) for item in ranked]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
