"""What a person typed, checked before anything is stored."""

from __future__ import annotations

from statusdesk.core.model import BilingualText, Language, Severity
from statusdesk.core.validation import MAX_BODY_CHARS, body_problems, title_problems


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
