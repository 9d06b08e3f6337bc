"""Text rules: normalisation, direction controls, direction detection, Latin runs in Arabic."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from statusdesk.core.text.bidi import first_strong_direction, is_rtl, ltr_runs
from statusdesk.core.text.sanitize import (
    BIDI_CONTROLS,
    bidi_problems,
    normalize,
    strip_bidi_controls,
)


def test_normalize_is_nfc_and_folds_line_endings() -> None:
    decomposed = "e\u0301"  # é as e + combining acute
    assert normalize(f"caf{decomposed}\r\nok\rend") == "café\nok\nend"
    assert unicodedata.is_normalized("NFC", normalize("ﻻ" + decomposed))


def test_balanced_controls_pass() -> None:
    text = "الخدمة \u2066API v2\u2069 متوقفة \u202bمضمن\u202c"
    assert bidi_problems(text, "body_ar") == []


def test_unclosed_embedding_is_reported_where_it_opens() -> None:
    text = "abc \u202bdef"
    (problem,) = bidi_problems(text, "body_ar")
    assert problem.field == "body_ar"
    assert problem.position == 4
    assert "RLE" in problem.message
    assert "character 5" in str(problem)


def test_stray_pops_are_reported() -> None:
    positions = [p.position for p in bidi_problems("a\u202cb\u2069", "f")]
    assert positions == [1, 3]


def test_a_line_break_closes_open_controls() -> None:
    problems = bidi_problems("one \u2067two\nthree \u2069", "f")
    assert [p.position for p in problems] == [4, 15]


def test_pdi_closes_embeddings_opened_inside_its_isolate() -> None:
    problems = bidi_problems("\u2066x\u202by\u2069", "f")
    assert [p.position for p in problems] == [2]
    assert "RLE" in problems[0].message


def test_forbidden_characters_are_flagged() -> None:
    problems = bidi_problems("ok\ufeffno", "body_en")
    assert [p.position for p in problems] == [2]


def test_strip_removes_every_control() -> None:
    assert strip_bidi_controls("a\u202bb\u2069c\ufeff") == "abc"


@given(st.text(alphabet=st.sampled_from([*sorted(BIDI_CONTROLS), "a", "ب", " ", "\n"])))
def test_stripped_text_never_has_problems(text: str) -> None:
    assert bidi_problems(strip_bidi_controls(text), "f") == []


def test_direction_of_text() -> None:
    assert first_strong_direction("123 نحن نحقق") == "rtl"
    assert first_strong_direction("API down") == "ltr"
    assert first_strong_direction("12:30") is None
    assert is_rtl("ابحث")


def test_ltr_runs_isolate_latin_inside_arabic() -> None:
    text = "تعطل API v2 منذ 14:30 UTC. راجع https://status.example.com/i/42."
    runs = list(ltr_runs(text))
    assert "".join(piece for _, piece in runs) == text
    latin = [piece for is_ltr, piece in runs if is_ltr]
    assert latin == ["API v2", "14:30 UTC", "https://status.example.com/i/42"]


@given(st.text())
def test_ltr_runs_always_give_the_text_back(text: str) -> None:
    assert "".join(piece for _, piece in ltr_runs(text)) == text
