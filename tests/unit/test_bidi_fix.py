"""Suspicious direction controls and the one-key fix (statusdesk/core/text/sanitize.py)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from statusdesk.core.text.sanitize import (
    BIDI_CONTROLS,
    EMBEDDINGS,
    FORBIDDEN,
    ISOLATES,
    OVERRIDES,
    POP_DIRECTIONAL_FORMATTING,
    POP_DIRECTIONAL_ISOLATE,
    bidi_fix_edits,
    bidi_problems,
    fix_bidi_controls,
    suspicious_controls,
)

LRE, RLE, LRO, RLO = "\u202a", "\u202b", "\u202d", "\u202e"
PDF, LRI, RLI, FSI, PDI = "\u202c", "\u2066", "\u2067", "\u2068", "\u2069"

MIXED = st.text(
    alphabet=st.sampled_from([*sorted(BIDI_CONTROLS), *FORBIDDEN, "a", "ب", "1", " ", "\n"])
)


def directional_context(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each character that is neither a direction control nor forbidden, with the controls in
    force around it, as UAX #9 rules X1–X8 decide; written independently of sanitize._scan so
    the two check each other."""
    seen: list[tuple[str, tuple[str, ...]]] = []
    stack: list[str] = []
    for ch in text:
        if ch == "\n":
            stack.clear()
        elif ch in EMBEDDINGS or ch in ISOLATES:
            stack.append(ch)
        elif ch == POP_DIRECTIONAL_FORMATTING and stack and stack[-1] in EMBEDDINGS:
            stack.pop()
        elif ch == POP_DIRECTIONAL_ISOLATE and any(c in ISOLATES for c in stack):
            while stack.pop() not in ISOLATES:
                pass
        if ch not in BIDI_CONTROLS and ch not in FORBIDDEN:
            seen.append((ch, tuple(stack)))
    return seen


# -- suspicious_controls --------------------------------------------------------------------


def test_balanced_embeddings_and_isolates_are_not_suspicious() -> None:
    assert suspicious_controls(f"الخدمة {LRI}API v2{PDI} متوقفة {RLE}مضمن{PDF}") == []


def test_an_unclosed_opener_spans_to_the_end_of_its_paragraph() -> None:
    text = f"abc {RLE}def\nnext"
    ((start, end, reason),) = suspicious_controls(text)
    assert (start, end) == (4, 8)  # the RLE and "def", up to the line break
    assert "RLE is never closed" in reason


def test_a_stray_closer_is_just_itself() -> None:
    assert [(s, e) for s, e, _ in suspicious_controls(f"a{PDF}b{PDI}")] == [(1, 2), (3, 4)]
    assert "PDF closes nothing" in suspicious_controls(f"a{PDF}")[0].reason


def test_a_balanced_override_is_suspicious_over_what_it_reverses() -> None:
    text = f"invoice_{RLO}fdp.exe{PDF} sent"
    ((start, end, reason),) = suspicious_controls(text)
    assert text[start:end] == f"{RLO}fdp.exe{PDF}"
    assert "reverse" in reason and "never closed" not in reason


def test_an_unclosed_override_says_both() -> None:
    ((_, end, reason),) = suspicious_controls(f"x{LRO}yz")
    assert end == 4
    assert "LRO" in reason and "never closed" in reason


def test_an_embedding_left_open_inside_an_isolate_ends_at_its_pdi() -> None:
    text = f"{LRI}x{RLE}y{PDI}z"
    ((start, end, _),) = suspicious_controls(text)
    assert text[start:end] == f"{RLE}y"


def test_forbidden_characters_are_suspicious() -> None:
    ((start, end, reason),) = suspicious_controls("ok\ufeffno")
    assert (start, end) == (2, 3)
    assert "byte-order mark" in reason


def test_an_unmatched_pdi_is_ignored_and_leaves_embeddings_open() -> None:
    # UAX #9 X6a: the PDI matches no isolate, so it does nothing; the PDF closes the RLE.
    text = f"{RLE}x{PDI}y{PDF}"
    assert [p.position for p in bidi_problems(text, "f")] == [2]
    assert [s for s, _, _ in suspicious_controls(text)] == [2]
    assert fix_bidi_controls(text) == f"{RLE}xy{PDF}"


@given(MIXED)
def test_every_bidi_problem_is_highlighted(text: str) -> None:
    marked = {start for start, _, _ in suspicious_controls(text)}
    assert {p.position for p in bidi_problems(text, "f")} <= marked


@given(MIXED)
def test_paragraphs_are_checked_on_their_own(text: str) -> None:
    """What lets the editor's highlighter check one block at a time."""
    by_line: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.split("\n"):
        by_line += [(s + offset, e + offset, r) for s, e, r in suspicious_controls(line)]
        offset += len(line) + 1
    assert [tuple(found) for found in suspicious_controls(text)] == sorted(by_line)


# -- fix_bidi_controls --------------------------------------------------------------------------


def test_fix_removes_stray_closers() -> None:
    assert fix_bidi_controls(f"a{PDF}b{PDI}c") == "abc"


def test_fix_closes_openers_at_the_end_of_their_paragraph_innermost_first() -> None:
    assert fix_bidi_controls(f"a{RLI}b{LRE}c\nd") == f"a{RLI}b{LRE}c{PDF}{PDI}\nd"
    assert fix_bidi_controls(f"a{RLE}b") == f"a{RLE}b{PDF}"


def test_fix_closes_an_embedding_before_the_pdi_that_ends_it() -> None:
    assert fix_bidi_controls(f"{LRI}x{RLE}y{PDI}z") == f"{LRI}x{RLE}y{PDF}{PDI}z"


def test_fix_removes_overrides_with_their_pdf() -> None:
    assert fix_bidi_controls(f"invoice_{RLO}fdp.exe{PDF} sent") == "invoice_fdp.exe sent"
    assert fix_bidi_controls(f"{RLE}a{LRO}b{PDF}c{PDF}") == f"{RLE}abc{PDF}"
    assert fix_bidi_controls(f"x{RLO}y") == "xy"


def test_fix_removes_forbidden_characters() -> None:
    assert fix_bidi_controls("\ufeffok\uffff") == "ok"


def test_fix_edits_are_in_text_order() -> None:
    edits = bidi_fix_edits(f"{PDF}a{RLE}b\nc{RLO}d{PDF}")
    assert [tuple(e) for e in edits] == [(0, 1, ""), (4, 4, PDF), (6, 7, ""), (8, 9, "")]


@example(f"{RLE}x{PDI}y{PDF}")
@example(f"{LRI}{RLO}{LRE}a{PDF}{PDI}{PDF}")
@given(MIXED)
def test_fixed_text_has_no_problems_and_nothing_suspicious(text: str) -> None:
    fixed = fix_bidi_controls(text)
    assert bidi_problems(fixed, "f") == []
    assert suspicious_controls(fixed) == []


@given(MIXED)
def test_fix_changes_nothing_but_controls(text: str) -> None:
    def words(t: str) -> str:
        return "".join(ch for ch in t if ch not in BIDI_CONTROLS and ch not in FORBIDDEN)

    assert words(fix_bidi_controls(text)) == words(text)


@given(MIXED)
def test_fix_keeps_every_character_in_the_same_direction_context(text: str) -> None:
    """So the editor shows the fixed text as it showed the original, overrides aside (they go,
    on purpose)."""

    def without_overrides(seen: list[tuple[str, tuple[str, ...]]]) -> list[object]:
        return [(ch, tuple(c for c in stack if c not in OVERRIDES)) for ch, stack in seen]

    before = without_overrides(directional_context(text))
    assert directional_context(fix_bidi_controls(text)) == before


@given(MIXED)
def test_text_with_nothing_suspicious_is_unchanged(text: str) -> None:
    if not suspicious_controls(text):
        assert fix_bidi_controls(text) == text
        assert bidi_fix_edits(text) == []


def balanced_paragraph() -> st.SearchStrategy[str]:
    def closed(opener: str, inside: str) -> str:
        return opener + inside + (PDI if opener in ISOLATES else PDF)

    return st.recursive(
        st.sampled_from(["a", "ب", " ", "1"]),
        lambda inner: st.one_of(
            st.lists(inner).map("".join),
            st.builds(closed, st.sampled_from([LRE, RLE, LRI, RLI, FSI]), inner),
        ),
    )


@given(st.lists(balanced_paragraph()).map("\n".join))
def test_balanced_text_is_unchanged(text: str) -> None:
    assert suspicious_controls(text) == []
    assert fix_bidi_controls(text) == text
