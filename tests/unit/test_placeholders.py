"""A placeholder never reaches the public: left in a body (unfilled by a template, or typed by
hand) it blocks publishing with a message that names it and says where it is."""

from __future__ import annotations

import pytest

from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Draft, IncidentState, Severity
from statusdesk.core.placeholders import leftover_placeholders
from statusdesk.desk import Desk


def test_each_placeholder_left_is_named_with_its_position() -> None:
    body = BilingualText("Fixed by {eta}. See { incident_url }.", "نتوقع الحل بحلول {eta}.")
    problems = leftover_placeholders(body)
    assert [(p.field, p.position) for p in problems] == [
        ("body_en", body.en.index("{eta}")),
        ("body_en", body.en.index("{ incident_url }")),
        ("body_ar", body.ar.index("{eta}")),
    ]
    assert all(p.severity is Severity.ERROR for p in problems)
    assert "{eta}" in problems[0].message and "write the value" in problems[0].message
    assert "English" in problems[0].message and "Arabic" in problems[2].message


def test_braces_in_prose_are_not_placeholders() -> None:
    assert leftover_placeholders(BilingualText("Set {beta} to {} and {{eta}", "")) != []
    assert leftover_placeholders(BilingualText("Set {beta} to {} or {etc}", "{x}")) == []


def test_publishing_a_body_with_a_placeholder_is_refused_and_writes_nothing(desk: Desk) -> None:
    draft = Draft(BilingualText("Back by {eta}.", "نعود بحلول {eta}."), IncidentState.IDENTIFIED)
    with pytest.raises(Rejected, match=r"still has the placeholder \{eta\}"):
        desk.publishing.open_incident(title=BilingualText("API down", "توقف الواجهة"), draft=draft)
    assert desk.store.incidents.incidents() == []
