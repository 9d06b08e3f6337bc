"""What a person typed, checked before anything is stored."""

from __future__ import annotations

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    IncidentState,
    Language,
    Severity,
)
from statusdesk.core.text.sanitize import normalize
from statusdesk.core.validation import (
    MAX_BODY_CHARS,
    body_problems,
    draft_text_problems,
    title_problems,
)


def test_both_bodies_empty_is_rejected() -> None:
    (problem,) = body_problems(BilingualText("  ", "\n"), [Language.BOTH])
    assert problem.severity is Severity.ERROR
    assert "Both the English and the Arabic text are empty" in problem.message


def test_one_language_empty_is_rejected_when_a_channel_wants_it() -> None:
    problems = body_problems(BilingualText("We are investigating.", ""), [Language.BOTH])
    assert [p.field for p in problems] == ["body_ar"]
    assert "Arabic text is empty" in problems[0].message


def test_one_language_empty_is_fine_when_no_channel_wants_it() -> None:
    assert body_problems(BilingualText("We are investigating.", ""), [Language.EN]) == []
    assert body_problems(BilingualText("", "نحقق في المشكلة"), [Language.AR]) == []


def test_oversized_body_names_the_limit() -> None:
    problems = body_problems(BilingualText("x" * 100_000, "ب"), [Language.BOTH])
    (problem,) = problems
    assert problem.field == "body_en"
    assert "100,000" in problem.message and f"{MAX_BODY_CHARS:,}" in problem.message


def test_bidi_problems_carry_field_and_position() -> None:
    (problem,) = body_problems(BilingualText("ok", "نص \u202bمفتوح"), [Language.BOTH])
    assert (problem.field, problem.position) == ("body_ar", 3)


def test_titles() -> None:
    assert title_problems(BilingualText("API outage", "")) == []
    assert "needs a title" in title_problems(BilingualText("", ""))[0].message
    assert title_problems(BilingualText("two\nlines", ""))[0].position == 3


def test_control_characters_are_refused_in_titles_and_bodies() -> None:
    (problem,) = title_problems(BilingualText("API\x00 outage", "تعطل"))
    assert (problem.field, problem.position) == ("title_en", 3)
    assert "U+0000 (NUL)" in problem.message
    problems = body_problems(BilingualText("ok\x1b[31m", "نص\x7f"), [Language.BOTH])
    assert [(p.field, p.position) for p in problems] == [("body_en", 2), ("body_ar", 2)]


def test_a_pasted_line_break_in_a_title_makes_it_two_lines() -> None:
    (problem,) = title_problems(BilingualText(normalize("API\x0boutage"), ""))
    assert problem.field == "title_en" and "one line" in problem.message


def test_authors_component_names_and_custom_texts_are_checked_too() -> None:
    draft = Draft(
        BilingualText("ok", "نعم"),
        IncidentState.INVESTIGATING,
        component_status={
            "API\x1b]0;pwned\x07": ComponentStatus.MAJOR_OUTAGE,
            "Web\nsite": ComponentStatus.DEGRADED_PERFORMANCE,
        },
        author="amal\x08",
        overrides={"x": "Post\x0c"},
    )
    found = [(p.field, p.position) for p in draft_text_problems(draft)]
    assert found == [
        ("author", 4),
        ("component", 3),
        ("component", 12),
        ("component", 3),
        ("overrides.x", 4),
    ]
    messages = " ".join(p.message for p in draft_text_problems(draft))
    assert "U+001B (ESC)" in messages and "U+0007 (BEL)" in messages
    assert "\\x1b" in messages  # the name is shown escaped, never raw to a terminal
    assert "\x1b" not in messages
    assert draft_text_problems(Draft(BilingualText("a", ""), IncidentState.INVESTIGATING)) == []
