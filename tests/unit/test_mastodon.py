"""The Mastodon channel end to end, against a local Mastodon (tests/mastodonfake.py) that checks
the bearer token, requires the Idempotency-Key and answers a repeated one with the status it
made, counts as Mastodon does, keeps the account's statuses and injects faults."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.channels.base import PartRecord
from statusdesk.channels.mastodon import api as mastodon_api
from statusdesk.channels.mastodon.api import length
from statusdesk.channels.mastodon.channel import plain
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Draft, IncidentState
from statusdesk.delivery import retry
from statusdesk.delivery.ledger import StoreLedger
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests import httpfake, mastodonfake, memkeyring
from tests.mastodonfake import (
    ACCOUNT,
    TOKEN,
    FakeMastodon,
    hang,
    land_then_hang,
    land_then_reset,
    passthrough,
    rate_limited,
    status,
)
from tests.unit.test_cli_support import call

short_http_timeouts = httpfake.short_http_timeouts
fake_mastodon = mastodonfake.fake_mastodon
memory_keyring = memkeyring.memory_keyring

SENT, FAILED = DeliveryState.SENT, DeliveryState.FAILED
POST = "/api/v1/statuses"
TITLE = BilingualText("API outage", "انقطاع الواجهة البرمجية")
EN = "We are investigating errors on the API."
AR = "نحقق في أخطاء الواجهة البرمجية."
EN_POST = f"API outage — Investigating\n{EN}"
AR_POST = f"انقطاع الواجهة البرمجية — قيد التحقيق\n{AR}"
STEPS = [f"Step {i}: we moved traffic for region {i} to the standby cluster." for i in range(9)]
LEFT_OUT = "only the channel under test"


@pytest.fixture
def desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    short_http_timeouts: float,
    memory_keyring: memkeyring.MemoryKeyring,
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)
    mastodon_api.forget_limits()
    with Desk(home) as made:
        with made.store.transaction():
            made.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield made
    mastodon_api.forget_limits()


def add(desk: Desk, fake: FakeMastodon, name: str = "masto", token: str = TOKEN, **settings: str):  # type: ignore[no-untyped-def]
    desk.channels.add_channel("mastodon", name, {"base_url": fake.url, **settings})
    desk.channels.set_channel_secret(name, "access_token", token)


def publish(desk: Desk, name: str = "masto", en: str = EN, ar: str = AR) -> Published:
    draft = Draft(BilingualText(en, ar), IncidentState.INVESTIGATING, author="amal")
    return desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=[name], skip_reason=LEFT_OUT
    )


def outcome(desk: Desk, published: Published, timeout: float = 15) -> Delivery:
    deliveries = desk.deliveries.wait_for(published.update_id, timeout=timeout)
    (delivery,) = [d for d in deliveries if d.decision_note != LEFT_OUT]
    return delivery


def parts(desk: Desk, delivery: Delivery) -> dict[int, PartRecord]:
    return StoreLedger(desk.store, delivery.id, desk.clock.now).parts()


def kinds(desk: Desk, delivery: Delivery) -> list[str]:
    return [e["kind"] for e in desk.store.audit.events() if e["delivery_id"] == delivery.id]


def chain(fake: FakeMastodon) -> list[tuple[str, int | None, str | None]]:
    """(text, the index of what it replies to, language) of every status."""
    index = {t.id: i for i, t in enumerate(fake.statuses)}
    return [(t.text, index.get(t.in_reply_to_id or ""), t.language) for t in fake.statuses]


def assert_receipt(desk: Desk, delivery: Delivery, fake: FakeMastodon) -> None:
    recorded = parts(desk, delivery)
    assert [recorded[s].remote_id for s in sorted(recorded)] == [t.id for t in fake.statuses]
    for record in recorded.values():
        assert record.state == "sent"
        assert record.remote_url == f"{fake.url}/@acme_status/{record.remote_id}"
    assert (delivery.remote_id, delivery.remote_url) == (
        recorded[1].remote_id,
        recorded[1].remote_url,
    )


# -- counting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("نحقق في أخطاء الواجهة", 21),
        ("مَرْحَبًا", 9),  # harakat are code points of their own
        ("🔥", 1),
        ("https://status.example.com/incidents/01HZX4T3B9?utm=x", 23),
        ("راجع https://status.example.com/i/1 للتفاصيل", 5 + 23 + 9),
        ("status.example.com/incidents", 28),  # no scheme: not a link to Mastodon
    ],
)
def test_mastodon_counts_code_points_and_links_as_23(text: str, count: int) -> None:
    assert length(text) == count


def test_html_content_reads_back_as_the_text_sent() -> None:
    text = "A & B <EU>\nsee https://status.example.com/incidents/0123456789abcdef\n\nمرحبا"
    assert plain(mastodonfake._html(text)) == text


# -- what goes out ----------------------------------------------------------------------------


def test_a_bilingual_update_that_fits_is_one_status(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    add(desk, fake_mastodon)
    published = publish(desk)
    delivery = outcome(desk, published)
    assert delivery.state is SENT, delivery.last_error
    assert chain(fake_mastodon) == [(f"{EN_POST}\n\n{AR_POST}", None, "en")]
    (request,) = fake_mastodon.calls("POST", POST)
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.json() == {
        "status": f"{EN_POST}\n\n{AR_POST}",
        "visibility": "public",
        "language": "en",
    }
    assert request.key == f"{delivery.idempotency_key}/1"
    assert len(fake_mastodon.calls("GET", "/api/v2/instance")) == 1
    assert_receipt(desk, delivery, fake_mastodon)


def test_ar_first_takes_arabic_as_the_language_and_unlisted_is_sent(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    add(desk, fake_mastodon, order="ar-first", visibility="unlisted")
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    (request,) = fake_mastodon.calls("POST", POST)
    assert request.json()["language"] == "ar" and request.json()["visibility"] == "unlisted"
    assert fake_mastodon.statuses[0].text == f"{AR_POST}\n\n{EN_POST}"


def test_too_long_for_one_status_goes_as_a_thread_with_each_language(desk: Desk) -> None:
    with FakeMastodon(max_characters=120) as fake:
        add(desk, fake)
        delivery = outcome(desk, publish(desk))
        assert delivery.state is SENT, delivery.last_error
        assert len(f"{EN_POST}\n\n{AR_POST}") > 120
        assert chain(fake) == [(EN_POST, None, "en"), (AR_POST, 0, "ar")]
        keys = [r.key for r in fake.calls("POST", POST)]
        assert keys == [f"{delivery.idempotency_key}/1", f"{delivery.idempotency_key}/2"]
        assert_receipt(desk, delivery, fake)


def test_a_language_longer_than_a_status_is_a_numbered_thread_counting_links_as_23(
    desk: Desk,
) -> None:
    link = "https://status.example.com/incidents/" + "x" * 200  # 237 characters, counts 23
    en = " ".join(STEPS) + f" Details at {link}"
    with FakeMastodon(max_characters=200) as fake:
        add(desk, fake, language="en")
        delivery = outcome(desk, publish(desk, en=en))
        assert delivery.state is SENT, delivery.last_error
        texts = [t.text for t in fake.statuses]
        count = len(texts)
        assert count >= 3
        for i, text in enumerate(texts, 1):
            assert text.startswith(f"{i}/{count} ")
            assert length(text) <= 200
        assert link in texts[-1] and len(texts[-1]) > 200  # fits only because the link is 23
        assert [reply for _, reply, _ in chain(fake)] == [None, *range(count - 1)]
        assert " ".join(t.split(" ", 1)[1] for t in texts) == f"API outage — Investigating\n{en}"
        assert_receipt(desk, delivery, fake)


def test_the_default_limit_is_500_when_the_instance_does_not_say(desk: Desk) -> None:
    with FakeMastodon(max_characters=None) as fake:
        add(desk, fake, language="en")
        delivery = outcome(desk, publish(desk, en=" ".join(STEPS)))
        assert delivery.state is SENT, delivery.last_error
        assert all(length(t.text) <= 500 for t in fake.statuses) and len(fake.statuses) == 2


def test_an_instance_that_does_not_answer_its_limit_is_asked_again_later(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mastodon_api, "UNREACHABLE_SECONDS", 0.0)
    with FakeMastodon(max_characters=120) as fake:
        fake.script("GET /api/v2/instance", status(503))
        add(desk, fake)
        first = outcome(desk, publish(desk, en="First.", ar="الأول."))  # 500 meanwhile
        assert first.state is SENT, first.last_error
        second = outcome(desk, publish(desk))  # asked again: 120, so a thread of two
        assert second.state is SENT, second.last_error
        third = outcome(desk, publish(desk, en="Third.", ar="الثالث."))  # kept: not asked
        assert third.state is SENT, third.last_error
        assert [r.answered for r in fake.calls("GET", "/api/v2/instance")] == [503, 200]
        assert [language for _, _, language in chain(fake)] == ["en", "en", "ar", "en"]


# -- failures and retries ---------------------------------------------------------------------


def test_a_thread_resumes_at_the_first_unsent_status_with_the_same_keys(desk: Desk) -> None:
    with FakeMastodon(max_characters=200) as fake:
        fake.script("POST " + POST, passthrough(), status(503, {"error": "Service Unavailable"}))
        add(desk, fake, language="en")
        delivery = outcome(desk, publish(desk, en=" ".join(STEPS)))
        assert delivery.state is SENT, delivery.last_error
        calls = fake.calls("POST", POST)
        key = delivery.idempotency_key
        n = len(fake.statuses)
        assert [r.answered for r in calls] == [200, 503] + [200] * (n - 1)
        assert [r.key for r in calls] == [f"{key}/1", f"{key}/2"] + [
            f"{key}/{i}" for i in range(2, n + 1)
        ]
        assert [reply for _, reply, _ in chain(fake)] == [None, *range(n - 1)]
        assert_receipt(desk, delivery, fake)


def test_a_timeout_in_the_middle_of_a_thread_resumes_after_the_status_that_landed(
    desk: Desk,
) -> None:
    with FakeMastodon(max_characters=200) as fake:
        fake.script("POST " + POST, passthrough(), land_then_hang())
        add(desk, fake, language="en")
        delivery = outcome(desk, publish(desk, en=" ".join(STEPS)))
        assert delivery.state is SENT, delivery.last_error
        n = len(fake.statuses)
        assert len(fake.calls("POST", POST)) == n  # each once: 2 landed and was found
        assert [reply for _, reply, _ in chain(fake)] == [None, *range(n - 1)]
        assert_receipt(desk, delivery, fake)


@pytest.mark.parametrize("fault", [land_then_hang, land_then_reset], ids=["timeout", "reset"])
def test_an_ambiguous_failure_after_landing_is_reconciled_to_sent(
    desk: Desk, fake_mastodon: FakeMastodon, fault: object
) -> None:
    en = "Errors on the API & dashboard <EU>; see https://status.example.com/incidents/4242424242"
    fake_mastodon.script("POST " + POST, fault())  # type: ignore[operator]
    add(desk, fake_mastodon)
    delivery = outcome(desk, publish(desk, en=en))
    assert delivery.state is SENT, delivery.last_error
    assert len(fake_mastodon.calls("POST", POST)) == 1 and len(fake_mastodon.statuses) == 1
    assert delivery.remote_id == fake_mastodon.statuses[0].id
    assert kinds(desk, delivery) == ["delivery.sending", "delivery.unknown", "delivery.sent"]
    assert fake_mastodon.calls("GET", "/api/v1/accounts/verify_credentials")
    (timeline,) = fake_mastodon.calls("GET", f"/api/v1/accounts/{ACCOUNT['id']}/statuses")
    assert timeline.query["limit"] == ["40"]


def test_an_ambiguous_timeout_that_did_not_land_is_resent_with_the_same_key(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    fake_mastodon.script("POST " + POST, hang())
    add(desk, fake_mastodon)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    first, again = fake_mastodon.calls("POST", POST)
    assert first.key == again.key == f"{delivery.idempotency_key}/1"
    assert len(fake_mastodon.statuses) == 1
    assert kinds(desk, delivery) == [
        "delivery.sending",
        "delivery.unknown",
        "delivery.retry_wait",
        "delivery.sending",
        "delivery.sent",
    ]


def test_a_repeated_idempotency_key_gets_the_first_status_back(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    """Reconciliation cannot see the status (the account's page is failing), so it is sent
    again under the same key: the instance answers with the first one, nothing is doubled."""
    fake_mastodon.script("POST " + POST, land_then_hang())
    fake_mastodon.script("GET /api/v1/accounts/:id/statuses", status(200, []), status(200, []))
    add(desk, fake_mastodon)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    assert len(fake_mastodon.calls("POST", POST)) == 2 and len(fake_mastodon.statuses) == 1
    assert delivery.remote_id == fake_mastodon.statuses[0].id


def test_a_rate_limit_waits_until_x_ratelimit_reset(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    fake_mastodon.script("POST " + POST, rate_limited(reset_in=2))
    add(desk, fake_mastodon)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    first, again = fake_mastodon.calls("POST", POST)
    assert (first.answered, again.answered) == (429, 200)
    assert again.at - first.at >= 0.9  # the instance's reset, not our 50 ms backoff
    assert first.key == again.key


def test_a_refused_token_fails_with_the_command_to_fix_it(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    add(desk, fake_mastodon, token="mtok-revoked-Xy1")
    delivery = outcome(desk, publish(desk))
    assert delivery.state is FAILED
    assert delivery.last_error == (
        f"masto: 127.0.0.1:{fake_mastodon.port} refused the access token (401 Unauthorized: The "
        "access token is invalid): it is wrong, revoked or lacks the write:statuses scope — "
        "store a valid one with `statusdesk channel secret masto access_token`, then retry this "
        "delivery."
    )
    assert fake_mastodon.statuses == [] and parts(desk, delivery)[1].state == "failed"


def test_a_422_carries_mastodons_words_redacted(desk: Desk, fake_mastodon: FakeMastodon) -> None:
    fake_mastodon.script(
        "POST " + POST,
        status(422, {"error": f"Validation failed: bad request from token {TOKEN}"}),
    )
    add(desk, fake_mastodon)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert "rejected the post (422 Unprocessable Entity: Validation failed: bad" in (
        delivery.last_error
    )
    assert TOKEN not in delivery.last_error


def test_the_token_is_never_recorded(
    home: Path, desk: Desk, fake_mastodon: FakeMastodon, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_mastodon.script(
        "POST " + POST,
        status(503, {"error": f"upstream said Bearer {TOKEN}"}),
        status(422, {"error": f"echo {TOKEN}"}),
    )
    add(desk, fake_mastodon)
    published = publish(desk)
    delivery = outcome(desk, published)
    assert delivery.state is FAILED
    recorded = [json.dumps(e, ensure_ascii=False) for e in desk.store.audit.events()]
    recorded.append(str(desk.store.deliveries.delivery(delivery.id)))
    recorded += [str(p) for p in parts(desk, delivery).values()]
    shown = call(capsys, "--home", str(home), "deliveries", str(published.incident_id), "--json")
    assert shown.code == 0
    workspace = b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())
    assert any("echo" in r for r in recorded)
    assert not [r for r in recorded if TOKEN in r]
    assert TOKEN not in shown.stdout + shown.stderr and TOKEN.encode() not in workspace


# -- settings, checks, the CLI ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"base_url": "http://mastodon.social"}, "base_url must be the instance's https://"),
        ({}, "base_url must be the instance's https://"),
        ({"base_url": "https://m.example", "visibility": "direct"}, "visibility must be public"),
        ({"base_url": "http://169.254.169.254"}, "metadata"),
    ],
)
def test_bad_settings_are_refused(desk: Desk, settings: dict[str, str], says: str) -> None:
    with pytest.raises(Rejected) as rejected:
        desk.channels.add_channel("mastodon", "masto", settings)
    assert says in " ".join(p.message for p in rejected.value.problems)
    assert desk.store.channels.channel_by_name("masto") is None


def test_http_to_loopback_and_https_are_taken(desk: Desk) -> None:
    desk.channels.add_channel("mastodon", "a", {"base_url": "http://localhost:3000"})
    desk.channels.add_channel("mastodon", "b", {"base_url": "https://mastodon.social"})


def test_a_missing_token_is_a_problem_before_publishing(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    desk.channels.add_channel("mastodon", "masto", {"base_url": fake_mastodon.url})
    with pytest.raises(Rejected) as rejected:
        publish(desk)
    assert [p.message for p in rejected.value.problems] == [
        "masto: Mastodon needs the secret access_token, not set yet. Set it with "
        "`statusdesk channel secret masto access_token`."
    ]
    assert fake_mastodon.requests == []


def test_channel_add_secret_and_test_through_the_cli(
    home: Path,
    fake_mastodon: FakeMastodon,
    memory_keyring: memkeyring.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ("--home", str(home))
    added = call(capsys, *base, "channel", "add", "mastodon", "masto",
                 "--set", f"base_url={fake_mastodon.url}")  # fmt: skip
    assert added.code == 0, added.stderr
    untested = call(capsys, *base, "channel", "test", "masto")
    assert untested.code != 0
    assert "`statusdesk channel secret masto access_token`" in untested.stderr
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{TOKEN}\n".encode())))
    stored = call(capsys, *base, "channel", "secret", "masto", "access_token")
    assert stored.code == 0, stored.stderr
    tested = call(capsys, *base, "channel", "test", "masto")
    assert tested.code == 0, tested.stderr
    assert tested.stdout.strip() == (
        f"masto: authenticated as @acme_status on 127.0.0.1:{fake_mastodon.port}; nothing was "
        "published"
    )
    assert fake_mastodon.statuses == []
    for result in (added, untested, stored, tested):
        assert TOKEN not in result.stdout + result.stderr


def test_an_endless_text_is_a_problem_before_publishing(
    desk: Desk, fake_mastodon: FakeMastodon
) -> None:
    add(desk, fake_mastodon, language="en")
    with pytest.raises(Rejected) as rejected:
        publish(desk, en="An essay. " * 2000)
    (problem,) = rejected.value.problems
    assert problem.field == "body_en"
    assert problem.message.startswith("masto: the English post would take a thread of ")
    assert "at most 25 go out as one update" in problem.message
    assert fake_mastodon.requests == []  # checked without asking the instance
