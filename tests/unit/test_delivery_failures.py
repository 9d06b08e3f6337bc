"""Issue #16: a delivery's stored error is read back into the sentences statusdesk framed it
with (delivery/failures.py), so the Arabic desk says the frame in Arabic and the server's own
words as they came; the stored English, what the CLI prints, is the frame filled, unchanged."""

from __future__ import annotations

from statusdesk.channels import base, http
from statusdesk.core.words import Words
from statusdesk.delivery.failures import frames, reread


def _fields(words: Words) -> list[str]:
    from string import Formatter

    return [name for _, name, _, _ in Formatter().parse(words.template) if name]


def test_every_frame_is_read_back_from_its_own_english() -> None:
    every = frames()
    assert len(every) >= 40  # http, smtp, the outbox's own and the joins
    for frame in every:
        params: dict[str, object] = {
            name: base.WILL_RETRY if name == "then" else f"<{name} value>"
            for name in _fields(frame)
        }
        text = frame.format(**params) if params else frame
        said = reread(str(text))
        assert isinstance(said, Words), text
        assert str(said) == str(text)
        assert said.template == frame.template, (text, said.template)
        assert {k: str(v) for k, v in said.params.items()} == {k: str(v) for k, v in params.items()}


def test_a_cause_and_what_comes_next_are_each_read_back() -> None:
    """ "…answered 503 Service Unavailable. Will retry." is the cause's frame joined to the
    outbox's sentence — not "answered {reason}." with "Will retry" inside the server's reason."""
    stored = "hook: hooks.example.com answered 503 Service Unavailable. Will retry."
    said = reread(stored)
    assert isinstance(said, Words) and said.template == "{cause} {then}"
    cause, then = said.params["cause"], said.params["then"]
    assert isinstance(cause, Words) and cause.template == "{channel}: {host} answered {reason}."
    assert cause.params == {
        "channel": "hook",
        "host": "hooks.example.com",
        "reason": "503 Service Unavailable",
    }
    assert then == base.WILL_RETRY and isinstance(then, Words)
    # a person's check after an uncertain attempt: the outbox's frame around the channel's
    by_hand = (
        "hook: the request reached h.example but no answer came within 20 s; "
        f"{http.MAY_HAVE_ARRIVED} Check hook by hand, then retry or skip this delivery."
    )
    said = reread(by_hand)
    assert isinstance(said, Words)
    assert said.template == "{error} Check {channel} by hand, then retry or skip this delivery."
    inner = said.params["error"]
    assert isinstance(inner, Words) and inner.template == "{cause}; {then}"


def test_the_server_s_words_stay_as_they_came_and_other_text_as_it_is() -> None:
    detail = '{"error": "answered nothing. Will retry."}'
    stored = (
        f"hook: h.example rejected the request (400 Bad Request: {detail}). Fix the channel's "
        "settings or the update, then retry this delivery."
    )
    said = reread(stored)
    assert isinstance(said, Words)
    assert said.params["detail"] == detail and not isinstance(said.params["detail"], Words)
    assert said.params["reason"] == "400 Bad Request"
    assert reread("alpha rejected the post: credentials expired") == (
        "alpha rejected the post: credentials expired"
    )
    assert not isinstance(reread("a note of the person's"), Words)
    assert reread("") == ""


def test_an_email_attempt_s_recipients_are_read_back_part_by_part() -> None:
    stored = (
        "mail: 2 of 5 recipient(s) could not be mailed yet: a@x.example, b@x.example (451 4.7.1 "
        "try later; 421 closing); 2 of 5 recipient(s) got it and are not mailed again; 1 "
        "refused: c@x.example (550 no such user). Will retry only those."
    )
    said = reread(stored)
    assert isinstance(said, Words) and said.template == "{cause} {then}"
    cause = said.params["cause"]
    assert isinstance(cause, Words) and cause.template.startswith("{channel}: {count} of {total}")
    assert cause.params["reasons"] == "451 4.7.1 try later; 421 closing"  # the servers' own
    assert cause.params["names"] == "a@x.example, b@x.example"
    others = cause.params["others"]
    assert isinstance(others, Words) and others.template == "{others}; {count} refused: {refusals}"
    assert others.params["refusals"] == "c@x.example (550 no such user)"
    assert isinstance(others.params["others"], Words)


def test_a_text_past_the_budget_is_shown_as_it_came(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A server's reply can say anything, also a frame's own words over and over: matched with
    lazy fields, such a text takes time cubic in its length (24 s for 8,000 characters of
    ": X answered ", measured). The read-back stops at its budget and gives the text back as
    it came (English) instead of holding the GUI thread."""
    from statusdesk.delivery import failures

    stored = "hook: hooks.example.com answered 503 Service Unavailable. Will retry."
    reread.cache_clear()
    assert isinstance(reread(stored), Words)  # within the budget: read back
    reread.cache_clear()
    monkeypatch.setattr(failures, "BUDGET", 0.0)
    assert type(reread(stored)) is str and reread(stored) == stored
    reread.cache_clear()
