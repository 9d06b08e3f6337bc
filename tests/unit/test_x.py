"""The X channel end to end, and the weighted length it is built on.

A Desk publishes to a local X API v2 (tests/xfake.py) that verifies OAuth 1.0a HMAC-SHA1
signatures with oauthlib's server side (and OAuth 2 bearer tokens it issued), answers in X's
shapes and keeps the account's posts, so every test can look at what is really on the account:
how many posts, what they say, what each replies to.

The weighted-length counter is checked against every weighted-length and directional-marker case
of twitter-text's own conformance file (validate.yml).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import subprocess
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels.base import PartRecord, Receipt
from statusdesk.channels.x import auth as x_auth
from statusdesk.channels.x.thread import MAX_THREAD_POSTS, TooLong, split_post
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Draft, IncidentState
from statusdesk.core.text.weighted import V3, WeightConfig, measure, weighted_length
from statusdesk.delivery import retry
from statusdesk.delivery.ledger import StoreLedger
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests import httpfake, xfake
from tests.conftest import need, need_executable
from tests.keyring_session import secret_service
from tests.unit.test_cli_support import call, child_env, spawn
from tests.unit.test_webhook import MemoryKeyring, StateLog, memory_keyring
from tests.xfake import (
    FakeX,
    OAuth2Client,
    echo_credentials,
    hang,
    land_then_hang,
    passthrough,
    rate_limited,
    status,
)

short_http_timeouts = httpfake.short_http_timeouts
fake_x = xfake.fake_x
__all__ = ["memory_keyring"]  # a fixture, taken by name

# twitter-text's own cases and config (Apache-2.0), kept in the repository: see its README.md
CONFORMANCE = Path(__file__).resolve().parents[1] / "conformance" / "twitter-text"
SENT, FAILED = DeliveryState.SENT, DeliveryState.FAILED

TITLE = BilingualText("API outage", "انقطاع الواجهة البرمجية")
EN = "We are investigating errors on the API."
AR = "نحقق في أخطاء الواجهة البرمجية."
EN_POST = f"API outage — Investigating\n{EN}"
STEPS = [f"Step {i}: we moved traffic for region {i} to the standby cluster." for i in range(12)]
AR_POST = f"انقطاع الواجهة البرمجية — قيد التحقيق\n{AR}"


# -- the weighted length: twitter-text's conformance cases ------------------------------------

SECTIONS = {
    # twitter-text runs this one with config v2: the same ranges, emoji not parsed
    "WeightedTweetsCounterTest": dataclasses.replace(V3, emoji_parsing=False),
    "WeightedTweetsWithDiscountedEmojiCounterTest": V3,
    "UnicodeDirectionalMarkerCounterTest": V3,
}
_YAML_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "/": "/", "0": "\0"}
_YAML_WIDTHS = {"x": 2, "u": 4, "U": 8}


def _yaml_string(raw: str) -> str:
    """A double-quoted YAML scalar (validate.yml writes every text so)."""
    assert raw.startswith('"') and raw.endswith('"'), raw[:40]
    body, out, i = raw[1:-1], [], 0
    while i < len(body):
        if body[i] != "\\":
            out.append(body[i])
            i += 1
        elif body[i + 1] in _YAML_WIDTHS:
            width = _YAML_WIDTHS[body[i + 1]]
            out.append(chr(int(body[i + 2 : i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(_YAML_ESCAPES[body[i + 1]])
            i += 2
    return "".join(out)


def _conformance_cases() -> list[Any]:
    """Every case of the weighted-length and directional-marker sections of validate.yml,
    read with a parser for the little YAML it uses there (PyYAML is not a dependency)."""
    path = CONFORMANCE / "validate.yml"
    if not path.exists():
        return [pytest.param(None, id="validate.yml missing")]
    cases: list[Any] = []
    section: str | None = None
    case: dict[str, Any] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^  (\w+):\s*$", line):
            section = match.group(1) if match.group(1) in SECTIONS else None
        elif section is None:
            continue
        elif match := re.match(r"^    - description: (.*)$", line):
            case = {"section": section, "description": _yaml_string(match.group(1).strip())}
            case["expected"] = {}
            cases.append(case)
        elif match := re.match(r"^      text: (.*)$", line):
            case["text"] = _yaml_string(match.group(1).strip())
        elif match := re.match(r"^        (\w+): (\S+)\s*$", line):
            value = match.group(2)
            case["expected"][match.group(1)] = (
                value == "true" if value in ("true", "false") else int(value)
            )
    return [pytest.param(c, id=f"{c['section']}: {c['description']}"[:120]) for c in cases]


CASES = _conformance_cases()


def test_every_conformance_section_is_read() -> None:
    need(CONFORMANCE.exists(), f"twitter-text's conformance cases are not at {CONFORMANCE}")
    counts: dict[str, int] = {}
    for param in CASES:
        counts[param.values[0]["section"]] = counts.get(param.values[0]["section"], 0) + 1
    # as many as validate.yml has: a parser that lost cases would pass vacuously
    text = (CONFORMANCE / "validate.yml").read_text(encoding="utf-8")
    for name in SECTIONS:
        body = re.split(r"\n  \w+:\s*\n", text.split(f"\n  {name}:\n", 1)[1], maxsplit=1)[0]
        assert counts[name] == body.count("- description:") > 0, name
    assert sum(counts.values()) == 44


@pytest.mark.parametrize("case", CASES)
def test_weighted_length_conformance(case: dict[str, Any] | None) -> None:
    need(case is not None, f"twitter-text's conformance cases are not at {CONFORMANCE}")
    assert case is not None
    result = measure(case["text"], SECTIONS[case["section"]])
    expected = case["expected"]
    assert {
        "weightedLength": result.weighted_length,
        "valid": result.valid,
        "permillage": result.permillage,
        "displayRangeStart": 0,
        "displayRangeEnd": result.display_range_end,
        "validRangeStart": 0,
        "validRangeEnd": result.valid_range_end,
    } == expected


def test_the_built_in_config_is_v3() -> None:
    path = CONFORMANCE / "config-v3.json"
    need(path.exists(), f"twitter-text's config v3 is not at {path}")
    assert WeightConfig.from_json(json.loads(path.read_text(encoding="utf-8"))) == V3


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("نحقق في أخطاء الواجهة", 21),  # Arabic letters weigh 1
        ("مَرْحَبًا", 9),  # and so do harakat
        ("٠١٢٣٤٥٦٧٨٩ ۰۱۲", 14),  # Arabic-Indic and extended digits
        ("\u2066\u202b\u200f\u200e", 8),  # bidi isolates, embeddings and marks: 2 each
        ("🔥", 2),
        ("🏳️‍🌈 👩🏽‍💻 🇸🇦 #️⃣", 11),  # sequences weigh 2 whole
        ("https://status.example.com/incidents/01HZX4T3B9?utm=x", 23),
        ("راجع https://status.example.com/i/1 للتفاصيل", 37),
        ("故障", 4),
        ("x.com", 23),  # a bare domain: at least a link's 23 …
        ("status.example.com/incidents/01HZX4T3B9", 39),  # … and never less than its text
        ("Node.js 22.1", 28),  # not a link on X; counted high, never low
    ],
)
def test_weights_of_what_updates_contain(text: str, weight: int) -> None:
    assert weighted_length(text) == weight


@pytest.mark.perf  # a time bound: quadratic scanning would take minutes, linear takes ms
def test_the_counter_stays_linear_on_hostile_input() -> None:
    started = time.perf_counter()
    for text in ("a." * 10_000, "故." * 10_000, "https://" + "a" * 20_000 + ".com", "故" * 20_000):
        weighted_length(text)
    assert time.perf_counter() - started < 2


# -- threads: numbering counted ---------------------------------------------------------------


def test_a_split_thread_counts_its_numbering() -> None:
    words = [f"w{i:03d}" for i in range(140)]  # 4 characters and a space each
    text = " ".join(words)  # 699 weighted
    posts = split_post(text)
    assert len(posts) == 3
    assert [p.split(" ", 1)[0] for p in posts] == ["1/3", "2/3", "3/3"]
    assert all(weighted_length(p) <= 280 for p in posts)
    # Filled up to the limit with the numbering counted (280 - "1/3 " = 276 for the text):
    # 55 words of 5 and the last without its space is 274; a 56th would make 279 + 4 > 280.
    assert weighted_length(posts[0]) == 278
    assert " ".join(p.split(" ", 1)[1] for p in posts) == text  # nothing lost or reordered


def test_a_split_prefers_sentence_ends_and_never_breaks_a_link() -> None:
    link = "https://status.example.com/incidents/01HZX4T3B9"
    first = "A" * 150 + "."
    second = f"Details at {link} and " + "more " * 30 + "to come."
    assert weighted_length(f"{first} {second}") > 280 >= weighted_length(f"1/2 {second}")
    assert split_post(f"{first} {second}") == [f"1/2 {first}", f"2/2 {second}"]


def test_one_word_longer_than_a_post_is_cut_between_characters_not_inside_one() -> None:
    word = "مَ" * 200  # letters with harakat, no space at all
    posts = split_post(word)
    assert all(weighted_length(p) <= 280 for p in posts)
    assert all(not p.split(" ", 1)[1].startswith("\u064e") for p in posts)  # no orphan haraka
    assert "".join(p.split(" ", 1)[1] for p in posts) == word


def test_splitting_off_or_an_endless_text_is_too_long() -> None:
    with pytest.raises(TooLong, match="splitting into a thread is off"):
        split_post("word " * 80, split=False)
    with pytest.raises(TooLong, match=f"at most {MAX_THREAD_POSTS}"):
        split_post("word " * 3000)


# -- end to end: fixtures and helpers ---------------------------------------------------------


@pytest.fixture
def x_desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    short_http_timeouts: float,
    memory_keyring: MemoryKeyring,
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)  # our own backoff: 50 ms, 100 ms, …
    x_auth.forget_tokens()
    log = StateLog()
    with Desk(home, on_delivery_change=log) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield desk
    x_auth.forget_tokens()


def add_x(
    desk: Desk,
    fake: FakeX,
    name: str = "x",
    *,
    secrets: dict[str, str] | None = None,
    **settings: str,
) -> None:
    desk.channels.add_channel("x", name, {"base_url": fake.url, **settings})
    for key, value in (fake.oauth1.secrets() if secrets is None else secrets).items():
        desk.channels.set_channel_secret(name, key, value)


def publish(
    desk: Desk, name: str = "x", en: str = EN, ar: str = AR, *, dispatch: bool = True
) -> Published:
    draft = Draft(BilingualText(en, ar), IncidentState.INVESTIGATING, author="amal")
    return desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=[name], dispatch=dispatch, skip_reason=LEFT_OUT
    )


LEFT_OUT = "only the channel under test"  # any other enabled channel is left out, skipped


def outcome(desk: Desk, published: Published, timeout: float = 15) -> Delivery:
    deliveries = desk.deliveries.wait_for(published.update_id, timeout=timeout)
    (delivery,) = [d for d in deliveries if d.decision_note != LEFT_OUT]
    return delivery


def parts(desk: Desk, delivery: Delivery) -> dict[int, PartRecord]:
    return StoreLedger(desk.store, delivery.id, desk.clock.now).parts()


def kinds(desk: Desk, delivery: Delivery) -> list[str]:
    return [e["kind"] for e in desk.store.audit.events() if e["delivery_id"] == delivery.id]


def errors(desk: Desk, delivery: Delivery) -> list[str]:
    found = []
    for event in desk.store.audit.events():
        if event["delivery_id"] == delivery.id:
            error = json.loads(event["data"]).get("error")
            if error:
                found.append(error)
    return found


def chain(fake: FakeX) -> list[tuple[str, str | None]]:
    """(text, what it replies to — as an index into the account's posts) of every post."""
    index = {t.id: i for i, t in enumerate(fake.posts)}
    return [(t.text, index.get(t.in_reply_to or "")) for t in fake.posts]


def assert_receipt(desk: Desk, delivery: Delivery, fake: FakeX) -> None:
    """Every post's id and URL is kept, the delivery's are the first post's."""
    recorded = parts(desk, delivery)
    ids = [t.id for t in fake.posts if t.author_id == xfake.USER["id"]]
    assert [recorded[seq].remote_id for seq in sorted(recorded)] == ids[-len(recorded) :]
    for record in recorded.values():
        assert record.state == "sent"
        assert record.remote_url == f"https://x.com/i/web/status/{record.remote_id}"
    assert delivery.remote_id == recorded[1].remote_id
    assert delivery.remote_url == recorded[1].remote_url


# -- what goes out ----------------------------------------------------------------------------


def test_a_bilingual_update_that_fits_is_one_signed_post(x_desk: Desk, fake_x: FakeX) -> None:
    add_x(x_desk, fake_x)
    delivery = outcome(x_desk, publish(x_desk))
    assert delivery.state is SENT, delivery.last_error
    assert chain(fake_x) == [(f"{EN_POST}\n\n{AR_POST}", None)]
    (request,) = fake_x.calls("POST", "/2/tweets")
    assert request.auth == "oauth1" and request.auth_valid  # oauthlib verified the HMAC-SHA1
    assert 'oauth_signature_method="HMAC-SHA1"' in (request.header("Authorization") or "")
    assert request.json() == {"text": f"{EN_POST}\n\n{AR_POST}"}
    assert request.header("Content-Type") == "application/json; charset=utf-8"
    assert AR.encode() in request.body  # UTF-8, not \u escapes
    assert delivery.attempts == 1
    assert_receipt(x_desk, delivery, fake_x)


@pytest.mark.parametrize("order", ["en-first", "ar-first"])
def test_both_languages_too_long_for_one_post_go_as_a_thread(
    x_desk: Desk, fake_x: FakeX, order: str
) -> None:
    en = "We are investigating elevated error rates on the public API and the dashboard. " * 2
    ar = "نحقق في ارتفاع معدلات الأخطاء في الواجهة البرمجية العامة ولوحة التحكم. " * 2
    add_x(x_desk, fake_x, order=order)
    delivery = outcome(x_desk, publish(x_desk, en=en, ar=ar))
    assert delivery.state is SENT, delivery.last_error
    english = f"API outage — Investigating\n{en.strip()}"
    arabic = f"انقطاع الواجهة البرمجية — قيد التحقيق\n{ar.strip()}"
    first, second = (english, arabic) if order == "en-first" else (arabic, english)
    assert weighted_length(f"{first}\n\n{second}") > 280  # so: not one post
    assert chain(fake_x) == [(first, None), (second, 0)]  # the other language replies
    assert_receipt(x_desk, delivery, fake_x)


def test_a_text_longer_than_a_post_is_a_numbered_thread(x_desk: Desk, fake_x: FakeX) -> None:
    sentences = STEPS[:12]
    en = " ".join(sentences)
    add_x(x_desk, fake_x, language="en")
    delivery = outcome(x_desk, publish(x_desk, en=en))
    assert delivery.state is SENT, delivery.last_error
    posts = [t.text for t in fake_x.posts]
    count = len(posts)
    assert count == 3
    for i, post in enumerate(posts, 1):
        assert post.startswith(f"{i}/{count} ")
        assert weighted_length(post) <= 280  # the numbering counted
        assert post.endswith(".")  # split at sentence ends
    assert [reply for _, reply in chain(fake_x)] == [None, 0, 1]
    body = " ".join(p.split(" ", 1)[1] for p in posts)
    assert body == f"API outage — Investigating\n{en}"
    assert_receipt(x_desk, delivery, fake_x)


def test_a_custom_post_text_replaces_the_generated_one(x_desk: Desk, fake_x: FakeX) -> None:
    add_x(x_desk, fake_x)
    published = publish(x_desk, dispatch=False)
    config = x_desk.store.channels.channel_by_name("x")
    assert config is not None
    custom = "API errors: we're on it. Updates at https://status.example.com — فريق الدعم"
    with x_desk.store.transaction():
        x_desk.store.conn.execute(
            "INSERT INTO update_override (update_id, channel_id, text) VALUES (?, ?, ?)",
            (published.update_id, config.id, custom),
        )
    x_desk.dispatcher.submit(published.delivery_ids)
    delivery = outcome(x_desk, published)
    assert delivery.state is SENT, delivery.last_error
    assert chain(fake_x) == [(custom, None)]


# -- a thread that breaks in the middle -------------------------------------------------------


def test_a_thread_resumes_at_the_first_unsent_post(x_desk: Desk, fake_x: FakeX) -> None:
    sentences = STEPS[:9]
    fake_x.script(
        "POST /2/tweets",
        passthrough(),
        status(
            503,
            {
                "title": "Service Unavailable",
                "detail": "Service Unavailable",
                "type": "about:blank",
                "status": 503,
            },
        ),
    )
    add_x(x_desk, fake_x, language="en")
    delivery = outcome(x_desk, publish(x_desk, en=" ".join(sentences)))
    assert delivery.state is SENT, delivery.last_error
    assert delivery.attempts == 2
    answered = [r.answered for r in fake_x.calls("POST", "/2/tweets")]
    assert answered == [201, 503, 201, 201]  # post 1 was not posted again
    assert [reply for _, reply in chain(fake_x)] == [None, 0, 1]  # the chain is whole
    assert [t.split(" ", 1)[0] for t, _ in chain(fake_x)] == ["1/3", "2/3", "3/3"]
    (error,) = errors(x_desk, delivery)
    assert error.startswith("x: X answered 503 Service Unavailable: Service Unavailable")
    assert error.endswith("Will retry.")
    assert_receipt(x_desk, delivery, fake_x)


# -- did it land? -----------------------------------------------------------------------------


def test_duplicate_content_is_reconciled_not_reposted(x_desk: Desk, fake_x: FakeX) -> None:
    """An earlier attempt's post is on the account (its answer was lost): X says 403
    duplicate, the channel finds it among the recent posts and records it as sent."""
    landed = fake_x.seed(f"{EN_POST}\n\n{AR_POST}")
    add_x(x_desk, fake_x)
    delivery = outcome(x_desk, publish(x_desk))
    assert delivery.state is SENT, delivery.last_error
    assert [r.answered for r in fake_x.calls("POST", "/2/tweets")] == [403]
    assert len(fake_x.posts) == 1
    assert delivery.remote_id == landed.id
    assert delivery.remote_url == f"https://x.com/i/web/status/{landed.id}"
    assert kinds(x_desk, delivery) == ["delivery.sending", "delivery.unknown", "delivery.sent"]
    (error,) = errors(x_desk, delivery)
    assert "X refused the post as a duplicate (403 Forbidden: You are not allowed to create a "
    assert "Tweet with duplicate content.)" in error
    timeline = fake_x.calls("GET", f"/2/users/{xfake.USER['id']}/tweets")
    assert len(timeline) == 1 and timeline[0].query["max_results"] == ["20"]
    assert all(r.auth_valid for r in fake_x.requests)


def test_a_duplicate_of_an_old_post_fails_and_a_custom_text_gets_it_out(
    x_desk: Desk, fake_x: FakeX
) -> None:
    old = fake_x.seed(f"{EN_POST}\n\n{AR_POST}", age=timedelta(days=3))
    add_x(x_desk, fake_x)
    published = publish(x_desk)
    delivery = outcome(x_desk, published)
    assert delivery.state is FAILED
    assert delivery.last_error == (
        f"x: X refuses post 1 of 1 as a duplicate of an earlier post with the same text (post "
        f"{old.id} of {old.created_at.strftime('%Y-%m-%dT%H:%M:%S')}.000Z), and no post with it "
        "is among the account's recent posts since this update was published. Give this update "
        "a custom post text and retry, or skip this delivery."
    )
    assert kinds(x_desk, delivery) == [
        "delivery.sending",
        "delivery.unknown",  # X says duplicate: is it ours? …
        "delivery.retry_wait",  # … no (three days old): nothing landed …
        "delivery.sending",
        "delivery.failed",  # … and it is not posted again to be refused again
    ]
    assert [r.answered for r in fake_x.calls("POST", "/2/tweets")] == [403]
    # A person gives it a custom text and retries: that goes out.
    config = x_desk.store.channels.channel_by_name("x")
    assert config is not None
    with x_desk.store.transaction():
        x_desk.store.conn.execute(
            "INSERT INTO update_override (update_id, channel_id, text) VALUES (?, ?, ?)",
            (published.update_id, config.id, f"{EN_POST} (update 2)"),
        )
    x_desk.deliveries.retry_delivery(delivery.id)
    delivery = outcome(x_desk, published)
    assert delivery.state is SENT, delivery.last_error
    assert [t.text for t in fake_x.posts] == [old.text, f"{EN_POST} (update 2)"]


def test_a_timeout_after_the_post_landed_is_reconciled_to_sent(x_desk: Desk, fake_x: FakeX) -> None:
    # X shows the post back changed (the link as t.co, "&" as "&amp;"): still found.
    en = "Errors on the API & dashboard <EU>; see https://status.example.com/incidents/42"
    fake_x.script("POST /2/tweets", land_then_hang())
    add_x(x_desk, fake_x)
    delivery = outcome(x_desk, publish(x_desk, en=en))
    assert delivery.state is SENT, delivery.last_error
    assert len(fake_x.calls("POST", "/2/tweets")) == 1 and len(fake_x.posts) == 1
    assert delivery.remote_id == fake_x.posts[0].id
    shown = fake_x.posts[0].shown(set())["text"]
    assert "https://t.co/" in shown and "&amp;" in shown and "&lt;EU&gt;" in shown
    assert kinds(x_desk, delivery) == ["delivery.sending", "delivery.unknown", "delivery.sent"]
    (error,) = errors(x_desk, delivery)
    assert "no answer came within" in error and "it may have arrived" in error


def test_a_timeout_before_the_post_landed_is_sent_once_more(x_desk: Desk, fake_x: FakeX) -> None:
    fake_x.script("POST /2/tweets", hang())
    add_x(x_desk, fake_x)
    delivery = outcome(x_desk, publish(x_desk))
    assert delivery.state is SENT, delivery.last_error
    assert [r.fault for r in fake_x.calls("POST", "/2/tweets")] == ["hang", "passthrough"]
    assert len(fake_x.posts) == 1  # once, after looking
    assert kinds(x_desk, delivery) == [
        "delivery.sending",
        "delivery.unknown",  # may have landed …
        "delivery.retry_wait",  # … it is not among the recent posts: again
        "delivery.sending",
        "delivery.sent",
    ]


def test_a_timeout_in_the_middle_of_a_thread_resumes_after_the_post_that_landed(
    x_desk: Desk, fake_x: FakeX
) -> None:
    sentences = STEPS[:9]
    fake_x.script("POST /2/tweets", passthrough(), land_then_hang())
    add_x(x_desk, fake_x, language="en")
    delivery = outcome(x_desk, publish(x_desk, en=" ".join(sentences)))
    assert delivery.state is SENT, delivery.last_error
    assert len(fake_x.calls("POST", "/2/tweets")) == 3  # 1, 2 (landed, no answer), 3
    assert [reply for _, reply in chain(fake_x)] == [None, 0, 1]
    assert_receipt(x_desk, delivery, fake_x)


def test_after_a_crash_between_two_posts_the_thread_goes_on(x_desk: Desk, fake_x: FakeX) -> None:
    """The process died after post 1 of 3 was recorded: recovery finds post 2 never left and
    the thread goes on from there, replying to post 1."""
    add_x(x_desk, fake_x, language="en")
    published = publish(x_desk, en=" ".join(STEPS[:9]), dispatch=False)
    (delivery_id,) = published.delivery_ids
    config = x_desk.store.channels.channel_by_name("x")
    update = x_desk.store.incidents.update(published.update_id)
    incident = x_desk.store.incidents.incident(published.incident_id)
    assert config is not None and update is not None and incident is not None
    rendered = x_desk.channel(config).render(update, incident)
    assert len(rendered.parts) == 3
    first = fake_x.seed(rendered.parts[0].text)
    with x_desk.store.transaction():
        x_desk.store.conn.execute(
            "UPDATE delivery SET state = 'unknown', attempts = 1, rendered = ? WHERE id = ?",
            (rendered.to_json(), delivery_id),
        )
    ledger = StoreLedger(x_desk.store, delivery_id, x_desk.clock.now)
    ledger.sending(1)
    ledger.sent(1, Receipt(first.id, f"https://x.com/i/web/status/{first.id}"))
    x_desk.deliveries.recover()
    delivery = outcome(x_desk, published)
    assert delivery.state is SENT, delivery.last_error
    assert len(fake_x.calls("POST", "/2/tweets")) == 2
    assert chain(fake_x) == [(p.text, i - 1 if i else None) for i, p in enumerate(rendered.parts)]
    assert_receipt(x_desk, delivery, fake_x)


# -- X's refusals -----------------------------------------------------------------------------


def test_a_rate_limit_waits_for_x_rate_limit_reset(x_desk: Desk, fake_x: FakeX) -> None:
    fake_x.script("POST /2/tweets", rate_limited(reset_in=2))
    add_x(x_desk, fake_x)
    delivery = outcome(x_desk, publish(x_desk))
    assert delivery.state is SENT, delivery.last_error
    first, again = fake_x.calls("POST", "/2/tweets")
    assert first.answered == 429 and again.answered == 201
    assert again.at - first.at >= 0.9  # X's reset, not our 50 ms backoff
    (error,) = errors(x_desk, delivery)
    assert error.startswith("x: X answered 429 Too Many Requests: Too Many Requests; it asked")
    assert len(fake_x.posts) == 1


def test_revoked_credentials_fail_and_say_what_to_do(x_desk: Desk, fake_x: FakeX) -> None:
    wrong = {**fake_x.oauth1.secrets(), "access_token_secret": "ats-revoked-0000"}
    add_x(x_desk, fake_x, secrets=wrong)
    delivery = outcome(x_desk, publish(x_desk))
    assert delivery.state is FAILED
    (request,) = fake_x.calls("POST", "/2/tweets")
    assert request.auth == "oauth1" and not request.auth_valid and request.answered == 401
    assert delivery.last_error == (
        "x: X refused the credentials (401 Unauthorized: Unauthorized): credentials expired or "
        "revoked — re-enter them with `statusdesk channel secret x KEY` for each of "
        "consumer_key, consumer_secret, access_token, access_token_secret, then retry this "
        "delivery."
    )
    assert x_desk.dispatcher.wait_idle(5) and fake_x.posts == []
    assert parts(x_desk, delivery)[1].state == "failed"


def test_another_refusal_carries_xs_detail(x_desk: Desk, fake_x: FakeX) -> None:
    fake_x.script(
        "POST /2/tweets",
        status(
            403,
            {
                "title": "Forbidden",
                "type": "about:blank",
                "status": 403,
                "detail": "You are not permitted to perform this action.",
            },
        ),
    )
    add_x(x_desk, fake_x)
    delivery = outcome(x_desk, publish(x_desk))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert delivery.last_error.startswith(
        "x: X refused the post (403 Forbidden: You are not permitted to perform this action.)"
    )
    assert "Read and Write permission" in delivery.last_error


# -- OAuth 2 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("confidential", [False, True], ids=["public", "confidential"])
def test_oauth2_renews_and_keeps_the_rotated_refresh_token(
    x_desk: Desk, memory_keyring: MemoryKeyring, confidential: bool
) -> None:
    client = OAuth2Client(client_secret="csec-Qm4Wn8Er2Ty6" if confidential else None)
    first_refresh = client.refresh_token
    secrets = {"client_id": client.client_id, "refresh_token": first_refresh}
    if confidential:
        secrets["client_secret"] = "csec-Qm4Wn8Er2Ty6"
    with FakeX(oauth2=client) as fake:
        add_x(x_desk, fake, auth="oauth2", secrets=secrets)
        delivery = outcome(x_desk, publish(x_desk))
        assert delivery.state is SENT, delivery.last_error
        (renewal,) = fake.calls("POST", "/2/oauth2/token")
        form = renewal.form()
        assert form["grant_type"] == "refresh_token" and form["refresh_token"] == first_refresh
        if confidential:
            assert renewal.auth == "basic" and renewal.auth_valid and "client_id" not in form
        else:
            assert form["client_id"] == client.client_id and renewal.header("Authorization") is None
        (post,) = fake.calls("POST", "/2/tweets")
        assert post.auth == "bearer" and post.auth_valid
        # X rotated the refresh token: the new one is in the keyring, the old one is dead.
        kept = memory_keyring.passwords[("statusdesk", "x/refresh_token")]
        assert kept == client.refresh_token != first_refresh
        # A second update: the access token is reused, nothing renewed.
        second = outcome(x_desk, publish(x_desk, en="Fixed.", ar="تم الإصلاح."))
        assert second.state is SENT, second.last_error
        assert len(fake.calls("POST", "/2/oauth2/token")) == 1
        # Revoked before its time: X says 401, the token is renewed once and the post goes out.
        fake.revoke_access_tokens()
        third = outcome(x_desk, publish(x_desk, en="Closed.", ar="أُغلق."))
        assert third.state is SENT, third.last_error
        assert [r.answered for r in fake.calls("POST", "/2/tweets")][-2:] == [401, 201]
        assert len(fake.calls("POST", "/2/oauth2/token")) == 2
        assert memory_keyring.passwords[("statusdesk", "x/refresh_token")] == client.refresh_token


def test_oauth2_with_a_revoked_refresh_token_fails_with_the_fix(x_desk: Desk) -> None:
    client = OAuth2Client()
    with FakeX(oauth2=client) as fake:
        add_x(
            x_desk,
            fake,
            auth="oauth2",
            secrets={"client_id": client.client_id, "refresh_token": "rt-revoked"},
        )
        delivery = outcome(x_desk, publish(x_desk))
        assert delivery.state is FAILED
        assert delivery.last_error == (
            "x: X refused to renew the access token (400: Value passed for the token was "
            "invalid.): the authorisation expired or was revoked — authorise the app again and "
            "store the new refresh token with `statusdesk channel secret x refresh_token`, then "
            "retry this delivery."
        )
        assert fake.calls("POST", "/2/tweets") == []


def test_oauth2_renewal_that_x_cannot_serve_now_is_retried_soon(x_desk: Desk) -> None:
    """X sends x-rate-limit-* on every answer: a 503 is not a spent window, so its reset (a
    quarter of an hour away) is not the wait."""
    client = OAuth2Client()
    with FakeX(oauth2=client) as fake:
        fake.script("POST /2/oauth2/token", status(503, {"title": "Service Unavailable"}))
        secrets = {"client_id": client.client_id, "refresh_token": client.refresh_token}
        add_x(x_desk, fake, auth="oauth2", secrets=secrets)
        delivery = outcome(x_desk, publish(x_desk), timeout=10)
        assert delivery.state is SENT, delivery.last_error
        failed, renewed = fake.calls("POST", "/2/oauth2/token")
        # Retried soon, not at the reset a quarter of an hour away: `outcome` gave it 10 s.
        assert (failed.answered, renewed.answered) == (503, 200)
        (error,) = errors(x_desk, delivery)
        assert error == "x: X's token endpoint answered 503 Service Unavailable. Will retry."


# -- before publishing ------------------------------------------------------------------------


def test_a_missing_secret_is_a_problem_before_publishing(x_desk: Desk, fake_x: FakeX) -> None:
    three = {k: v for k, v in fake_x.oauth1.secrets().items() if k != "access_token_secret"}
    add_x(x_desk, fake_x, secrets=three)
    with pytest.raises(Rejected) as rejected:
        publish(x_desk)
    assert [(p.field, p.message) for p in rejected.value.problems] == [
        (
            "channels",
            "x: X (oauth1) needs the secret access_token_secret, not set yet. Set it with "
            "`statusdesk channel secret x access_token_secret`.",
        )
    ]
    assert x_desk.store.incidents.incidents() == [] and fake_x.requests == []


def test_a_text_that_cannot_fit_is_a_problem_before_publishing(x_desk: Desk, fake_x: FakeX) -> None:
    add_x(x_desk, fake_x, language="ar", split="off")
    long_ar = "نحقق في ارتفاع معدلات الأخطاء في الواجهة البرمجية العامة ولوحة التحكم. " * 5
    with pytest.raises(Rejected) as rejected:
        publish(x_desk, ar=long_ar)
    (problem,) = rejected.value.problems
    assert problem.field == "body_ar"
    assert problem.message.startswith("x: the Arabic post weighs ")
    assert problem.message.endswith(
        "and splitting into a thread is off for this channel. Shorten it, or turn splitting on "
        "(`--set split=on`)."
    )
    add_x(x_desk, fake_x, name="x2", language="en")
    with pytest.raises(Rejected) as rejected:
        publish(x_desk, name="x2", en="An essay. " * 900)
    (problem,) = rejected.value.problems
    assert problem.field == "body_en"
    assert f"at most {MAX_THREAD_POSTS} go out as one update" in problem.message
    assert x_desk.store.incidents.incidents() == [] and fake_x.requests == []


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"auth": "oauth3"}, "auth must be oauth1 or oauth2 (got 'oauth3')"),
        ({"base_url": "http://api.x.com"}, "base_url must be an https:// address"),
        ({"base_url": "api.x.com"}, "base_url must be an https:// address"),
        ({"split": "maybe"}, "split must be on or off (got 'maybe')"),
    ],
)
def test_bad_settings_are_refused_when_the_channel_is_added(
    x_desk: Desk, settings: dict[str, str], says: str
) -> None:
    with pytest.raises(Rejected) as rejected:
        x_desk.channels.add_channel("x", "x", settings)
    assert [p.field for p in rejected.value.problems] == ["settings"]
    assert says in rejected.value.problems[0].message
    assert x_desk.store.channels.channel_by_name("x") is None


def test_channel_test_names_the_account_and_posts_nothing(x_desk: Desk, fake_x: FakeX) -> None:
    add_x(x_desk, fake_x)
    assert x_desk.channels.test_channel("x") == (
        "x: authenticated as @acme_status (Acme Status) with oauth1; nothing was published"
    )
    (request,) = fake_x.requests
    assert (request.method, request.path, request.auth_valid) == ("GET", "/2/users/me", True)
    assert fake_x.posts == []


# -- secrets stay secret ----------------------------------------------------------------------


def test_no_secret_reaches_an_error_an_event_or_the_log(
    x_desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = OAuth2Client()
    initial_refresh = client.refresh_token
    with FakeX(oauth2=client) as fake:
        fake.script("POST /2/tweets", hang(), rate_limited(reset_in=0))
        add_x(x_desk, fake)
        first = outcome(x_desk, publish(x_desk))
        wrong = {**fake.oauth1.secrets(), "consumer_secret": "cs-wrong-Hh7Jj8"}
        add_x(x_desk, fake, "x-bad", secrets=wrong)
        second = outcome(x_desk, publish(x_desk, "x-bad", en="Second.", ar="الثاني."))
        add_x(
            x_desk,
            fake,
            "x-oauth2",
            auth="oauth2",
            secrets={"client_id": client.client_id, "refresh_token": client.refresh_token},
        )
        third = outcome(x_desk, publish(x_desk, "x-oauth2", en="Third.", ar="الثالث."))
        assert (first.state, second.state, third.state) == (SENT, FAILED, SENT)
        issued = [*client.access_tokens, *client.issued]
    secret_values = [
        *fake.oauth1.secrets().values(),
        "cs-wrong-Hh7Jj8",
        client.client_id,
        initial_refresh,
        *issued,
    ]
    recorded = [json.dumps(e, ensure_ascii=False) for e in x_desk.store.audit.events()]
    for delivery in (first, second, third):
        recorded.append(str(x_desk.store.deliveries.delivery(delivery.id)))
        recorded += [str(p) for p in parts(x_desk, delivery).values()]
    assert any("X refused the credentials" in r for r in recorded)  # the errors are there …
    for value in secret_values:  # … the secrets are not
        assert not [r for r in recorded if value in r], value
    # The log, at every level (oauthlib's own debug lines name the consumer key and token,
    # never their secrets, and the app does not log at debug level).
    assert {r.name.split(".")[0] for r in caplog.records} >= {"oauthlib", "urllib3"}
    for record in caplog.records:
        line = record.getMessage()
        for value in secret_values:
            if record.levelno >= logging.INFO or value not in (
                fake.oauth1.consumer_key,
                fake.oauth1.access_token,
            ):
                assert value not in line, (record.name, record.levelname)


def leaked(secrets: dict[str, str], *texts: str | bytes) -> list[str]:
    """The names (never the values) of the secrets found in any of `texts`: a failing
    assertion must not print the secret it found."""
    found = []
    for name, value in secrets.items():
        for text in texts:
            if (value.encode() if isinstance(text, bytes) else value) in text:
                found.append(name)
                break
    return found


def workspace_bytes(home: Path) -> bytes:
    """Every file of the workspace, the database's WAL and shared memory included."""
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def test_credentials_x_echoes_in_its_errors_are_redacted_everywhere(
    home: Path,
    tmp_path: Path,
    x_desk: Desk,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """X (or a gateway in front of it) answers 400 with the request echoed back: the OAuth 1.0a
    keys, the OAuth 2 client secret, refresh and access tokens. None of them reaches the
    database (its WAL included), the log, `--json`, `channel test` or an export."""
    caplog.set_level(logging.INFO)
    client = OAuth2Client(client_secret="csec-Echo8Rt5Yu2Io7")
    initial_refresh = client.refresh_token
    with FakeX(oauth2=client) as fake:
        # Two posts get the echo (the OAuth 1.0a channel's, and that of the OAuth 2 channel
        # whose renewal goes through); one of the two renewals gets it too.
        fake.script("POST /2/tweets", echo_credentials(), echo_credentials())
        fake.script("POST /2/oauth2/token", echo_credentials())
        fake.script("GET /2/users/me", echo_credentials(), echo_credentials())
        add_x(x_desk, fake, "x1")
        oauth2 = {
            "client_id": client.client_id,
            "client_secret": "csec-Echo8Rt5Yu2Io7",
            "refresh_token": initial_refresh,
        }
        for name in ("x2", "x3"):
            add_x(x_desk, fake, name, auth="oauth2", secrets=oauth2)
        draft = Draft(BilingualText(EN, AR), IncidentState.INVESTIGATING, author="amal")
        published = x_desk.publishing.open_incident(
            title=TITLE, draft=draft, channel_names=["x1", "x2", "x3"]
        )
        deliveries = x_desk.deliveries.wait_for(published.update_id, timeout=15)
        assert {d.state for d in deliveries} == {FAILED}
        assert len(fake.calls("POST", "/2/tweets")) == 2
        assert [r.answered for r in fake.calls("POST", "/2/oauth2/token")] == [400, 200]
        base = ("--home", str(home))
        tested = call(capsys, *base, "channel", "test", "x1")
        with pytest.raises(Exception) as refused:  # what the app shows for its Test button
            x_desk.channels.test_channel("x1")
        assert "Invalid" in str(refused.value)
        incident = str(published.incident_id)
        printed = [
            tested,
            call(capsys, *base, "deliveries", incident, "--json"),
            call(capsys, *base, "deliveries", incident),
            call(capsys, *base, "incident", "show", incident, "--json"),
            call(capsys, *base, "incident", "show", incident),
            call(capsys, *base, "incident", "list", "--json"),
        ]
        secrets = {
            **fake.oauth1.secrets(),
            "client_secret": "csec-Echo8Rt5Yu2Io7",
            "refresh_token": initial_refresh,
            **{f"rotated refresh token {i}": t for i, t in enumerate(client.issued)},
            **{f"access token {i}": t for i, t in enumerate(sorted(client.access_tokens))},
        }
    assert len(secrets) == 8  # one rotation, one access token: all of them were in the replies
    # The errors are there, and say what X said …
    errors = [d.last_error or "" for d in deliveries]
    assert all("Invalid Request" in e or "Invalid request" in e for e in errors)
    assert any("X refused to renew the access token" in e for e in errors)
    assert tested.code != 0 and "x1:" in tested.stderr
    for result in printed[1:]:
        assert result.code == 0, result.stderr
    # … the secrets are not: not in the database file, its WAL, the logs …
    assert leaked(secrets, workspace_bytes(home)) == []
    assert leaked(secrets, *errors, *(json.dumps(e) for e in x_desk.store.audit.events())) == []
    assert leaked(secrets, caplog.text, str(refused.value)) == []
    # … not in anything the CLI printed …
    for result in printed:
        assert leaked(secrets, result.stdout, result.stderr) == [], result.code
    # … and not in any export.
    exported = []
    for fmt in ("md", "html", "csv", "json", "pdf"):
        target = tmp_path / f"timeline.{fmt}"
        done = call(capsys, *base, "export", incident, "--format", fmt, "-o", str(target))
        assert done.code == 0, done.stderr
        exported.append(target.read_bytes())
    pdftotext = need_executable("pdftotext", "poppler-utils")
    text = subprocess.run(
        [pdftotext, str(tmp_path / "timeline.pdf"), "-"], capture_output=True, check=True
    ).stdout
    assert b"Invalid" in exported[0] and b"Invalid" in text  # the errors are exported
    assert leaked(secrets, *exported, text) == []


# -- the CLI in real processes, secrets in a real keyring -------------------------------------


def test_the_cli_publishes_with_oauth2_and_the_rotated_token_lands_in_the_keyring(
    home: Path, tmp_path: Path
) -> None:
    """`channel secret` (stdin → gnome-keyring on a private D-Bus session), `incident open`
    and `channel test` as real processes: X rotates the refresh token at every renewal, so the
    second process can only renew if the first wrote the new one back to the keyring."""
    client = OAuth2Client()
    first_refresh = client.refresh_token
    with secret_service(tmp_path / "keyring") as keyring_env, FakeX(oauth2=client) as fake:
        env = child_env(**keyring_env)
        base = ("--home", str(home))
        results = [
            spawn(*base, "channel", "add", "x", "x", "--set", f"base_url={fake.url}",
                  "--set", "auth=oauth2", env=env),
            spawn(*base, "channel", "secret", "x", "client_id",
                  stdin=f"{client.client_id}\n".encode(), env=env),
            spawn(*base, "channel", "secret", "x", "refresh_token",
                  stdin=f"{first_refresh}\n".encode(), env=env),
            spawn(*base, "incident", "open", "--title-en", TITLE.en, "--title-ar", TITLE.ar,
                  "--en", EN, "--ar", AR, "--channels", "x", "--skip-reason", LEFT_OUT,
                  env=env),
        ]  # fmt: skip
        for result in results:
            assert result.code == 0, result.stderr
        assert [t.text for t in fake.posts] == [f"{EN_POST}\n\n{AR_POST}"]
        (post,) = fake.calls("POST", "/2/tweets")
        assert post.auth == "bearer" and post.auth_valid
        # A new process has no access token in memory: it renews with what the keyring holds.
        tested = spawn(*base, "channel", "test", "x", env=env)
        assert tested.code == 0, tested.stderr
        assert "authenticated as @acme_status" in tested.stdout
        renewals = fake.calls("POST", "/2/oauth2/token")
        assert [r.form()["refresh_token"] for r in renewals] == [first_refresh, client.issued[0]]
        assert all(r.answered == 200 for r in renewals)
        results.append(tested)
    for value in (client.client_id, first_refresh, *client.issued, *client.access_tokens):
        for result in results:
            assert value not in result.stdout + result.stderr
        workspace = b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())
        assert value.encode() not in workspace
