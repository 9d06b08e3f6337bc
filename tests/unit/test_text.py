"""Text rules: normalisation, direction controls, direction detection, Latin runs in Arabic."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from statusdesk.core.text.bidi import first_strong_direction, is_rtl, ltr_runs
from statusdesk.core.text.sanitize import (
    BIDI_CONTROLS,
    CONTROLS,
    bidi_problems,
    fix_bidi_controls,
    normalize,
    scrub,
    strip_bidi_controls,
    suspicious_controls,
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


# -- control characters (issue #12 §3) --------------------------------------------------------

REFUSED = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x1f", "\x7f", "\x80", "\x9b", "\x9f"]


def test_pasted_line_breaks_become_newlines() -> None:
    """A manual line break from Word (VT), a page break (FF), NEL and the Unicode line and
    paragraph separators: the writer meant a new line."""
    assert normalize("one\x0btwo\x0cthree\x85four\u2028five\u2029six") == (
        "one\ntwo\nthree\nfour\nfive\nsix"
    )
    assert bidi_problems(normalize("سطر\x0bسطر"), "body_ar") == []


def test_every_other_control_is_refused_saying_which_and_where() -> None:
    for ch in REFUSED:
        (problem,) = bidi_problems(f"ab{ch}c", "title_en")
        assert (problem.field, problem.position) == ("title_en", 2), repr(ch)
        assert f"U+{ord(ch):04X}" in problem.message
    (esc,) = bidi_problems("x\x1b[2J", "body_en")
    assert "U+001B (ESC)" in esc.message and "remove it" in esc.message
    assert bidi_problems("tab\tand\nnewline", "body_en") == []  # the two that are text


def test_the_controls_are_exactly_c0_but_tab_and_newline_del_and_c1() -> None:
    expected = {chr(c) for c in range(0x20)} - {"\t", "\n", "\r"}
    expected |= {chr(c) for c in range(0x7F, 0xA0)}
    assert expected == CONTROLS


def test_a_control_met_before_normalisation_is_still_caught_and_fixed() -> None:
    text = "أ\x0bب\x1bج"
    assert [p.position for p in bidi_problems(text, "body_ar")] == [1, 3]
    assert [c.start for c in suspicious_controls(text)] == [1, 3]
    assert fix_bidi_controls(text) == "أ\nبج"
    assert bidi_problems(fix_bidi_controls(text), "body_ar") == []


@given(st.text())
def test_scrubbed_text_has_no_control_and_is_valid_xml(text: str) -> None:
    import xml.etree.ElementTree as ET
    from xml.sax.saxutils import escape

    clean = scrub(text)
    assert not any(ch in CONTROLS for ch in clean)
    ET.fromstring(f"<a>{escape(clean)}</a>")


def test_a_person_s_name_from_outside_is_one_isolated_run_without_its_own_controls() -> None:
    """Another desk's name (presence, a draft's saver): an Arabic name keeps its place in an
    English sentence, and a name's own override cannot turn the rest of the line."""
    from statusdesk.gui.widgets.labels import person

    assert person("Nadia") == "\u2068Nadia\u2069"
    assert person("نادية") == "\u2068نادية\u2069"
    assert person("\u202eramO\u202c ") == "\u2068ramO\u2069"
    assert person("  ") == person("\u2067") == ""
