"""The Bluesky channel end to end, against a local PDS (tests/blueskyfake.py) that speaks XRPC,
checks the session's tokens (expiring them on cue), validates each post record as the lexicon
does (graphemes, bytes, langs, facets on byte offsets, reply refs, the TID record key), refuses a
record key that is taken as the reference PDS does, and injects faults."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from statusdesk.channels.base import PartRecord, Receipt, Rendered, RenderedPart
from statusdesk.channels.bluesky.channel import BlueskyChannel, post_url
from statusdesk.channels.bluesky.text import (
    graphemes,
    is_tid,
    link_facets,
    post_length,
    record_key,
    tid,
    tid_micros,
)
from statusdesk.channels.posts import Budget, Budgeted
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Draft, IncidentState
from statusdesk.core.timefmt import parse_iso
from statusdesk.delivery import retry
from statusdesk.delivery.ledger import StoreLedger
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests import blueskyfake, httpfake, memkeyring
from tests.blueskyfake import (
    APP_PASSWORD,
    DID,
    HANDLE,
    FakePds,
    hang,
    land_then_hang,
    land_then_reset,
    land_then_status,
    passthrough,
    rate_limited,
    reset,
    status,
)
from tests.unit.test_cli_support import call

short_http_timeouts = httpfake.short_http_timeouts
fake_pds = blueskyfake.fake_pds
memory_keyring = memkeyring.memory_keyring

SENT, FAILED = DeliveryState.SENT, DeliveryState.FAILED
CREATE = "com.atproto.repo.createRecord"
GET = "com.atproto.repo.getRecord"
TITLE = BilingualText("API outage", "انقطاع الواجهة البرمجية")
EN = "We are investigating errors on the API."
AR = "نحقق في أخطاء الواجهة البرمجية."
EN_POST = f"API outage — Investigating\n{EN}"
AR_POST = f"انقطاع الواجهة البرمجية — قيد التحقيق\n{AR}"
STEPS = [f"Step {i}: we moved traffic for region {i} to the standby cluster." for i in range(9)]
LEFT_OUT = "only the channel under test"
SESSION = ("access_jwt", "refresh_jwt", "session_of")


@pytest.fixture
def desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    short_http_timeouts: float,
    memory_keyring: memkeyring.MemoryKeyring,
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)
    with Desk(home) as made:
        with made.store.transaction():
            made.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield made


def add(
    desk: Desk, fake: FakePds, name: str = "sky", password: str = APP_PASSWORD, **settings: str
) -> None:
    desk.channels.add_channel("bluesky", name, {"handle": HANDLE, "pds": fake.url, **settings})
    desk.channels.set_channel_secret(name, "app_password", password)


def publish(desk: Desk, name: str = "sky", en: str = EN, ar: str = AR) -> Published:
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


def chain(fake: FakePds) -> list[tuple[str, int | None, int | None, list[str]]]:
    """(text, the index of its root, of its parent, langs) of every post."""
    index = {p.uri: i for i, p in enumerate(fake.posts)}
    found = []
    for post in fake.posts:
        reply = post.reply or {}
        root = index.get((reply.get("root") or {}).get("uri", ""))
        parent = index.get((reply.get("parent") or {}).get("uri", ""))
        found.append((post.text, root, parent, post.value["langs"]))
    return found


def made_at(desk: Desk, delivery: Delivery) -> Any:
    kept = desk.store.ledger.kept_render_by_key(delivery.idempotency_key)
    assert kept is not None
    return parse_iso(kept[1])


def assert_receipt(desk: Desk, delivery: Delivery, fake: FakePds) -> None:
    recorded = parts(desk, delivery)
    assert [recorded[s].remote_id for s in sorted(recorded)] == [p.uri for p in fake.posts]
    made = made_at(desk, delivery)
    for seq, record in recorded.items():
        assert record.state == "sent"
        rkey = record_key(delivery.idempotency_key, seq, made)
        assert record.remote_id == f"at://{DID}/app.bsky.feed.post/{rkey}"
        assert record.remote_url == f"https://bsky.app/profile/{DID}/post/{rkey}"
    assert (delivery.remote_id, delivery.remote_url) == (
        recorded[1].remote_id,
        recorded[1].remote_url,
    )


class ListLedger:
    """A PartLedger in memory, for calling the channel directly."""

    def __init__(self) -> None:
        self.records: dict[int, PartRecord] = {}

    def parts(self) -> dict[int, PartRecord]:
        return dict(self.records)

    def progress(self, done: int, total: int, what: str) -> None:
        return None

    def sending(self, seq: int, target: str = "") -> None:
        self.records[seq] = PartRecord(seq, target, "sending")

    def sent(self, seq: int, receipt: Receipt) -> None:
        old = self.records[seq]
        self.records[seq] = PartRecord(
            seq, old.target, "sent", receipt.remote_id, receipt.remote_url
        )

    def failed(self, seq: int, error: str) -> None:
        old = self.records[seq]
        self.records[seq] = PartRecord(seq, old.target, "failed", error=error)


def channel_of(desk: Desk, name: str = "sky") -> BlueskyChannel:
    config = desk.store.channels.channel_by_name(name)
    assert config is not None
    return cast(BlueskyChannel, desk.context.channel(config))


# -- counting, as Bluesky counts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("نحقق في أخطاء الواجهة", 21),
        ("مَرْحَبًا", 5),  # a letter and its harakat are one grapheme (9 code points)
        ("مُحَمَّد", 4),  # shadda and fatha on one letter
        ("إِنَّا نَعْمَلُ", 8),
        ("مُتَوَفِّرَةٌ", 6),
        ("لا", 2),  # lam-alef is drawn as one glyph but is two letters
        ("👨\u200d👩\u200d👧\u200d👦", 1),  # a family joined by ZWJs
        ("🧑🏽\u200d💻", 1),  # skin tone and ZWJ
        ("👍🏽", 1),
        ("🇸🇦🇦🇪🇪🇬", 3),  # each flag is a pair of regional indicators
        ("🏳️\u200d🌈", 1),
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),  # tag sequence
        ("1️⃣", 1),  # keycap
        ("\r\n", 1),
        ("✌🏿 تم", 4),
    ],
)
def test_graphemes_are_counted_as_extended_grapheme_clusters(text: str, count: int) -> None:
    assert graphemes(text) == count


def test_the_byte_limit_binds_where_graphemes_are_heavy() -> None:
    family = "👨\u200d👩\u200d👧\u200d👦"  # 1 grapheme, 25 bytes
    assert post_length(family * 100) == 250  # 100 graphemes, 2,500 bytes
    assert post_length(family * 121) > 300  # 121 graphemes but 3,025 bytes: does not fit
    assert post_length("a" * 300) == 300 and post_length("a" * 301) == 301
    assert post_length("م" * 300) == 300  # 600 bytes: graphemes decide


def test_a_link_after_arabic_gets_its_facet_on_utf8_byte_offsets() -> None:
    text = "راجع https://status.example.com/i/42 للتفاصيل."
    (facet,) = link_facets(text)
    start = text.index("https://")
    assert facet["index"] == {"byteStart": 9, "byteEnd": 9 + 31}
    assert start == 5 != facet["index"]["byteStart"]  # character offsets would be wrong
    data = text.encode("utf-8")
    assert data[9:40].decode() == "https://status.example.com/i/42"  # the full stop stays out
    assert facet["features"] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://status.example.com/i/42"}
    ]
    assert link_facets("see status.example.com or mail ops@example.com") == []


def test_record_keys_are_valid_tids_the_same_on_every_attempt() -> None:
    made = parse_iso("2026-12-07T03:52:40Z")
    keys = [record_key("sd-7d0c", seq, made) for seq in range(1, 26)]
    assert keys == [record_key("sd-7d0c", seq, made) for seq in range(1, 26)]
    assert all(is_tid(k) for k in keys) and keys == sorted(keys) and len(set(keys)) == 25
    assert all(int(tid_micros(k) // 1_000_000) == int(made.timestamp()) for k in keys)
    assert record_key("sd-7d0d", 1, made) != keys[0]
    assert tid(0, 0) == "2222222222222" and tid(2**53 - 1, 1023) == "bzzzzzzzzzzzz"
    assert is_tid("3jzfcijpj2z2a") and not is_tid("kzzzzzzzzzzzz") and not is_tid("3jzfcijpj2z2")


# -- what goes out ------------------------------------------------------------------------------


def test_one_language_is_one_post_with_its_lang_facets_and_a_tid_key(
    desk: Desk, fake_pds: FakePds
) -> None:
    en = "Errors on the API; details at https://status.example.com/incidents/42."
    add(desk, fake_pds, language="en")
    delivery = outcome(desk, publish(desk, en=en))
    assert delivery.state is SENT, delivery.last_error
    (post,) = fake_pds.posts
    text = f"API outage — Investigating\n{en}"
    assert post.value["text"] == text and post.value["langs"] == ["en"]
    assert "reply" not in post.value
    (facet,) = post.value["facets"]
    assert facet["features"][0]["uri"] == "https://status.example.com/incidents/42"
    (request,) = fake_pds.calls(CREATE)
    body = request.json()
    assert body["repo"] == DID and body["collection"] == "app.bsky.feed.post"
    assert body["rkey"] == record_key(delivery.idempotency_key, 1, made_at(desk, delivery))
    assert request.header("Authorization") == f"Bearer {desk.secrets.get('sky', 'access_jwt')}"
    assert abs((parse_iso(post.value["createdAt"]) - desk.clock.now()).total_seconds()) < 3600
    assert_receipt(desk, delivery, fake_pds)


def test_both_languages_go_as_one_post_in_the_channels_order(desk: Desk, fake_pds: FakePds) -> None:
    add(desk, fake_pds, "en-first")
    add(desk, fake_pds, "ar-first", order="ar-first")
    first = outcome(desk, publish(desk, "en-first"))
    second = outcome(desk, publish(desk, "ar-first"))
    assert first.state is SENT and second.state is SENT, (first.last_error, second.last_error)
    assert chain(fake_pds) == [
        (f"{EN_POST}\n\n{AR_POST}", None, None, ["en", "ar"]),
        (f"{AR_POST}\n\n{EN_POST}", None, None, ["ar", "en"]),
    ]


def test_too_long_for_one_post_is_a_thread_each_language_its_own_post(
    desk: Desk, fake_pds: FakePds
) -> None:
    en = " ".join(STEPS[:3])
    ar = "نقلنا حركة المرور في كل المناطق إلى المجموعة الاحتياطية، ونراقب معدلات الخطأ. " * 2
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk, en=en, ar=ar.strip()))
    assert delivery.state is SENT, delivery.last_error
    assert chain(fake_pds) == [
        (f"API outage — Investigating\n{en}", None, None, ["en"]),
        (f"انقطاع الواجهة البرمجية — قيد التحقيق\n{ar.strip()}", 0, 0, ["ar"]),
    ]
    assert_receipt(desk, delivery, fake_pds)


def test_a_language_longer_than_a_post_is_a_numbered_thread_rooted_at_its_first(
    desk: Desk, fake_pds: FakePds
) -> None:
    link = "https://status.example.com/incidents/" + "x" * 40
    en = " ".join(STEPS) + f" Details at {link}"
    add(desk, fake_pds, language="en")
    delivery = outcome(desk, publish(desk, en=en))
    assert delivery.state is SENT, delivery.last_error
    texts = [p.text for p in fake_pds.posts]
    count = len(texts)
    assert count >= 3
    for i, text in enumerate(texts, 1):
        assert text.startswith(f"{i}/{count} ") and post_length(text) <= 300
    assert [(root, parent) for _, root, parent, _ in chain(fake_pds)] == [(None, None)] + [
        (0, i) for i in range(count - 1)
    ]
    assert " ".join(t.split(" ", 1)[1] for t in texts) == f"API outage — Investigating\n{en}"
    assert link in texts[-1] and fake_pds.posts[-1].value["facets"]
    assert_receipt(desk, delivery, fake_pds)


def test_arabic_before_a_link_is_faceted_on_bytes_through_the_wire(
    desk: Desk, fake_pds: FakePds
) -> None:
    ar = "تعطلت المدفوعات 🔥 مَرْحَبًا — التفاصيل: https://status.example.com/i/7 وشكراً"
    add(desk, fake_pds, language="ar")
    delivery = outcome(desk, publish(desk, ar=ar))
    assert delivery.state is SENT, delivery.last_error  # the fake checks each facet's bytes
    (post,) = fake_pds.posts
    (facet,) = post.value["facets"]
    before = post.text[: post.text.index("https://")]
    assert facet["index"]["byteStart"] == len(before.encode("utf-8")) > len(before)
    assert post.value["langs"] == ["ar"]


def test_an_endless_text_is_a_problem_before_publishing(desk: Desk, fake_pds: FakePds) -> None:
    add(desk, fake_pds, language="en")
    with pytest.raises(Rejected) as rejected:
        publish(desk, en="An essay. " * 2000)
    (problem,) = rejected.value.problems
    assert problem.field == "body_en"
    assert problem.message.startswith("sky: the English post would take a thread of ")
    assert fake_pds.requests == []


def test_a_missing_app_password_is_a_problem_before_publishing(
    desk: Desk, fake_pds: FakePds
) -> None:
    desk.channels.add_channel("bluesky", "sky", {"handle": HANDLE, "pds": fake_pds.url})
    with pytest.raises(Rejected) as rejected:
        publish(desk)
    (problem,) = rejected.value.problems
    assert "needs the secret app_password" in problem.message
    assert "`statusdesk channel secret sky app_password`" in problem.message
    assert "App passwords" in problem.message
    assert fake_pds.requests == []


def test_budget_counts_graphemes_and_bytes_where_those_overflow(
    desk: Desk, fake_pds: FakePds
) -> None:
    add(desk, fake_pds)
    channel = channel_of(desk)
    assert isinstance(channel, Budgeted)
    assert channel.budget(RenderedPart("ar", "مَرْحَبًا 👍🏽")) == Budget(7, 300, "graphemes")
    heavy = "👨\u200d👩\u200d👧\u200d👦" * 121
    assert channel.budget(RenderedPart("en", heavy)) == Budget(3025, 3000, "bytes")
    assert channel.budget(RenderedPart("en", heavy)).over


# -- failures, retries and reconciliation -------------------------------------------------------


@pytest.mark.parametrize("fault", [land_then_hang, land_then_reset], ids=["timeout", "reset"])
def test_an_ambiguous_failure_after_landing_is_reconciled_by_get_record(
    desk: Desk, fake_pds: FakePds, fault: Any
) -> None:
    fake_pds.script(CREATE, fault())
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    assert len(fake_pds.calls(CREATE)) == 1 and len(fake_pds.posts) == 1
    assert kinds(desk, delivery) == ["delivery.sending", "delivery.unknown", "delivery.sent"]
    (lookup,) = fake_pds.calls(GET)
    assert lookup.query["rkey"] == [fake_pds.posts[0].rkey]
    assert_receipt(desk, delivery, fake_pds)


@pytest.mark.parametrize("fault", [hang, reset], ids=["timeout", "reset"])
def test_an_ambiguous_failure_that_did_not_land_is_resent_at_the_same_key_once(
    desk: Desk, fake_pds: FakePds, fault: Any
) -> None:
    fake_pds.script(CREATE, fault())
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    first, again = fake_pds.calls(CREATE)
    assert first.json()["rkey"] == again.json()["rkey"]
    assert len(fake_pds.posts) == 1
    assert kinds(desk, delivery) == [
        "delivery.sending",
        "delivery.unknown",
        "delivery.retry_wait",
        "delivery.sending",
        "delivery.sent",
    ]


def test_an_error_after_landing_is_found_at_its_key_not_posted_again(
    desk: Desk, fake_pds: FakePds
) -> None:
    """A proxy's 502 after the PDS made the record: the post is looked up at its key."""
    fake_pds.script(CREATE, land_then_status(502))
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    assert [r.answered for r in fake_pds.calls(CREATE)] == [502]
    assert len(fake_pds.posts) == 1 and len(fake_pds.calls(GET)) == 1
    assert_receipt(desk, delivery, fake_pds)


def test_a_retry_meets_the_pds_refusing_the_taken_key_and_reads_the_post_back(
    desk: Desk, fake_pds: FakePds
) -> None:
    """The same delivery sent again from scratch (as after a crash that lost the ledger): the
    PDS refuses the record key (500, as the reference PDS does) and the channel reads the post
    made the first time instead of posting it twice."""
    add(desk, fake_pds, language="en")
    channel = channel_of(desk)
    rendered = Rendered(0, 0, (RenderedPart("en", "One post, once."),))
    first = channel.send(rendered, "sd-retry-key", ListLedger())
    again = channel.send(rendered, "sd-retry-key", ListLedger())
    assert [r.answered for r in fake_pds.calls(CREATE)] == [200, 500]
    assert len(fake_pds.posts) == 1
    assert first.remote_id == again.remote_id == fake_pds.posts[0].uri


def test_a_thread_resumes_at_the_first_unsent_post_replying_to_the_one_before(
    desk: Desk, fake_pds: FakePds
) -> None:
    fake_pds.script(CREATE, passthrough(), status(503, {"error": "Unavailable"}))
    add(desk, fake_pds, language="en")
    delivery = outcome(desk, publish(desk, en=" ".join(STEPS)))
    assert delivery.state is SENT, delivery.last_error
    count = len(fake_pds.posts)
    assert [r.answered for r in fake_pds.calls(CREATE)] == [200, 503] + [200] * (count - 1)
    assert [(root, parent) for _, root, parent, _ in chain(fake_pds)] == [(None, None)] + [
        (0, i) for i in range(count - 1)
    ]
    assert_receipt(desk, delivery, fake_pds)


def test_a_rate_limit_waits_until_ratelimit_reset(desk: Desk, fake_pds: FakePds) -> None:
    fake_pds.script(CREATE, rate_limited(reset_in=2))
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    first, again = fake_pds.calls(CREATE)
    assert (first.answered, again.answered) == (429, 200)
    assert again.at - first.at >= 0.9  # the PDS's reset, not our 50 ms backoff
    assert first.json()["rkey"] == again.json()["rkey"] and len(fake_pds.posts) == 1
    assert fake_pds.calls(GET) == []  # a 429 made nothing: no lookup


TOO_LONG = {
    "error": "InvalidRequest",
    "message": "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 "
    "graphemes",
}


@pytest.mark.parametrize(
    "answer",
    [status(400, TOO_LONG), status(413, {"error": "PayloadTooLarge", "message": "too large"})],
    ids=["400", "413"],
)
def test_a_post_refused_as_too_long_fails_and_says_so(
    desk: Desk, fake_pds: FakePds, answer: Any
) -> None:
    fake_pds.script(CREATE, answer)
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is FAILED
    assert "refused the post as too long" in (delivery.last_error or "")
    assert "300 graphemes and 3,000 bytes" in (delivery.last_error or "")
    assert fake_pds.posts == [] and parts(desk, delivery)[1].state == "failed"


# -- the session --------------------------------------------------------------------------------


def secrets_of(keyring: memkeyring.MemoryKeyring, name: str = "sky") -> dict[str, str]:
    return {
        user.split("/", 1)[1]: value
        for (service, user), value in keyring.passwords.items()
        if service == "statusdesk" and user.startswith(f"{name}/")
    }


def test_an_expired_access_token_is_refreshed_and_the_new_tokens_kept_in_the_keyring(
    home: Path,
    desk: Desk,
    fake_pds: FakePds,
    memory_keyring: memkeyring.MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add(desk, fake_pds)
    first = outcome(desk, publish(desk, en="First.", ar="الأول."))
    assert first.state is SENT, first.last_error
    kept = secrets_of(memory_keyring)
    assert set(kept) == {"app_password", *SESSION}
    assert kept["session_of"] == f"{HANDLE} {fake_pds.url}"
    assert fake_pds.sessions_created == 1
    fake_pds.expire_access_tokens()
    second = outcome(desk, publish(desk))
    assert second.state is SENT, second.last_error
    renewed = secrets_of(memory_keyring)
    assert fake_pds.sessions_created == 1 and fake_pds.refreshes == 1  # refreshed, not re-made
    assert renewed["access_jwt"] != kept["access_jwt"]
    assert renewed["refresh_jwt"] != kept["refresh_jwt"]
    expired, fresh = fake_pds.calls(CREATE)[1:]
    assert expired.answered == 400 and fresh.answered == 200
    assert fresh.header("Authorization") == f"Bearer {renewed['access_jwt']}"
    # The tokens are nowhere but the keyring: not in the workspace, the record, what is shown.
    tokens = [*fake_pds.issued.values, APP_PASSWORD]
    recorded = [json.dumps(e, ensure_ascii=False) for e in desk.store.audit.events()]
    for delivery in (first, second):
        recorded.append(str(desk.store.deliveries.delivery(delivery.id)))
        recorded += [str(p) for p in parts(desk, delivery).values()]
        kept_render = desk.store.ledger.kept_render_by_key(delivery.idempotency_key)
        recorded.append(str(kept_render))
    shown = call(capsys, "--home", str(home), "deliveries", "--json")
    workspace = b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())
    for token in tokens:
        assert not [r for r in recorded if token in r]
        assert token not in shown.stdout + shown.stderr
        assert token.encode() not in workspace
        assert all(token not in json.dumps(p.value) for p in fake_pds.posts)


def test_an_access_token_about_to_expire_is_renewed_before_it_is_used(desk: Desk) -> None:
    """The access JWT says its own `exp`: one due within a minute is refreshed first, sparing
    a refused request."""
    with FakePds(access_seconds=30) as fake:
        add(desk, fake)
        assert outcome(desk, publish(desk, en="First.", ar="الأول.")).state is SENT
        assert outcome(desk, publish(desk)).state is SENT
        assert [r.answered for r in fake.calls(CREATE)] == [200, 200]
        assert fake.sessions_created == 1 and fake.refreshes == 1


def test_a_token_refused_mid_session_is_refreshed_and_the_post_made_once(
    desk: Desk, fake_pds: FakePds
) -> None:
    fake_pds.script(CREATE, status(401, {"error": "InvalidToken", "message": "Bad token"}))
    add(desk, fake_pds)
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    assert [r.answered for r in fake_pds.calls(CREATE)] == [401, 200]
    assert fake_pds.refreshes == 1 and len(fake_pds.posts) == 1
    assert kinds(desk, delivery) == ["delivery.sending", "delivery.sent"]  # within one attempt


def test_a_refused_refresh_token_signs_in_again_with_the_app_password(
    desk: Desk, fake_pds: FakePds, memory_keyring: memkeyring.MemoryKeyring
) -> None:
    add(desk, fake_pds)
    assert outcome(desk, publish(desk, en="First.", ar="الأول.")).state is SENT
    fake_pds.expire_access_tokens()
    fake_pds.revoke_refresh_tokens()
    delivery = outcome(desk, publish(desk))
    assert delivery.state is SENT, delivery.last_error
    assert fake_pds.sessions_created == 2 and fake_pds.refreshes == 0
    assert [r.answered for r in fake_pds.calls("com.atproto.server.refreshSession")] == [400]
    assert secrets_of(memory_keyring)["access_jwt"] == fake_pds.issued.values[-2]


def test_a_wrong_app_password_fails_and_says_how_to_set_one(desk: Desk, fake_pds: FakePds) -> None:
    add(desk, fake_pds, password="wxyz-wxyz-wxyz-wxyz")
    delivery = outcome(desk, publish(desk))
    assert delivery.state is FAILED
    message = delivery.last_error or ""
    assert message.startswith(
        f"sky: 127.0.0.1:{fake_pds.port} refused the sign-in as {HANDLE} (401 Unauthorized: "
        "AuthenticationRequired: Invalid identifier or password)"
    )
    assert "bsky.app → Settings → Privacy and security → App passwords" in message
    assert "`statusdesk channel secret sky app_password`" in message
    assert "wxyz-wxyz" not in message
    assert fake_pds.calls(CREATE) == [] and fake_pds.posts == []


def test_removing_the_channel_deletes_its_session_from_the_keyring(
    desk: Desk, fake_pds: FakePds, memory_keyring: memkeyring.MemoryKeyring
) -> None:
    add(desk, fake_pds)
    assert outcome(desk, publish(desk)).state is SENT
    assert set(secrets_of(memory_keyring)) == {"app_password", *SESSION}
    desk.channels.remove_channel("sky")
    assert secrets_of(memory_keyring) == {}


def test_a_session_made_for_another_handle_is_not_used(
    desk: Desk, fake_pds: FakePds, memory_keyring: memkeyring.MemoryKeyring
) -> None:
    add(desk, fake_pds)
    assert outcome(desk, publish(desk)).state is SENT
    memory_keyring.passwords[("statusdesk", "sky/session_of")] = f"other.bsky.social {fake_pds.url}"
    assert outcome(desk, publish(desk)).state is SENT
    assert fake_pds.sessions_created == 2


# -- the first post can continue a thread -------------------------------------------------------


def test_an_update_continues_the_incidents_thread_with_root_and_parent(
    desk: Desk, fake_pds: FakePds
) -> None:
    """One thread per incident (tests/unit/test_threads.py runs the rest on Bluesky too): the
    next update's first post names the incident's first post as its root and the last one as
    its parent, by uri and cid, and its own second post keeps that root."""
    add(desk, fake_pds, language="en")
    opened = publish(desk, en="Opened. " + "We are looking into failed card payments. " * 8)
    first = outcome(desk, opened)
    assert first.state is DeliveryState.SENT, first.last_error
    root, last = fake_pds.posts
    en = "Update. " + "The payment provider found the cause and is fixing it. " * 6
    second = outcome(
        desk,
        desk.publishing.post_update(
            opened.incident_id,
            Draft(BilingualText(en, AR), IncidentState.IDENTIFIED, author="amal"),
            channel_names=["sky"],
            skip_reason=LEFT_OUT,
        ),
    )
    assert second.state is DeliveryState.SENT, second.last_error
    _, _, reply, more = fake_pds.posts
    assert reply.reply == {
        "root": {"uri": root.uri, "cid": root.cid},
        "parent": {"uri": last.uri, "cid": last.cid},
    }
    assert more.reply is not None and more.reply["root"] == {"uri": root.uri, "cid": root.cid}
    assert more.reply["parent"] == {"uri": reply.uri, "cid": reply.cid}


# -- settings and the CLI -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"handle": HANDLE, "pds": "http://bsky.social"}, "pds must be the account's server"),
        ({"handle": HANDLE, "pds": "ftp://bsky.social"}, "pds must be the account's server"),
        ({"handle": "@acme.bsky.social"}, "handle must be the account's handle without the @"),
        ({}, "handle must be the account's handle"),
        ({"handle": HANDLE, "pds": "http://169.254.169.254"}, "metadata"),
        ({"handle": HANDLE, "app_password": "x"}, "app_password is a secret"),
    ],
)
def test_bad_settings_are_refused(desk: Desk, settings: dict[str, str], says: str) -> None:
    with pytest.raises(Rejected) as rejected:
        desk.channels.add_channel("bluesky", "sky", settings)
    assert says in " ".join(p.message for p in rejected.value.problems)
    assert desk.store.channels.channel_by_name("sky") is None


def test_the_default_pds_and_loopback_http_are_taken(desk: Desk) -> None:
    desk.channels.add_channel("bluesky", "a", {"handle": HANDLE})
    desk.channels.add_channel("bluesky", "b", {"handle": DID, "pds": "http://localhost:2583"})
    own = {"handle": "status.acme.com", "pds": "https://pds.acme.com"}
    desk.channels.add_channel("bluesky", "c", own)


def test_channel_add_secret_and_test_through_the_cli(
    home: Path,
    fake_pds: FakePds,
    memory_keyring: memkeyring.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ("--home", str(home))
    bad = call(capsys, *base, "channel", "add", "bluesky", "sky",
               "--set", f"handle={HANDLE}", "--set", "pds=http://bsky.social")  # fmt: skip
    assert bad.code == 3, bad.stderr
    assert "pds must be the account's server as an https:// address" in bad.stderr
    added = call(capsys, *base, "channel", "add", "bluesky", "sky",
                 "--set", f"handle={HANDLE}", "--set", f"pds={fake_pds.url}")  # fmt: skip
    assert added.code == 0, added.stderr
    untested = call(capsys, *base, "channel", "test", "sky")
    assert untested.code != 0
    assert "`statusdesk channel secret sky app_password`" in untested.stderr
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{APP_PASSWORD}\n".encode())))
    stored = call(capsys, *base, "channel", "secret", "sky", "app_password")
    assert stored.code == 0, stored.stderr
    refused = call(capsys, *base, "channel", "secret", "sky", "access_jwt")
    assert refused.code == 3 and "(it takes: app_password)" in refused.stderr
    tested = call(capsys, *base, "channel", "test", "sky")
    assert tested.code == 0, tested.stderr
    assert tested.stdout.strip() == (
        f"sky: signed in as @{HANDLE} ({DID}) on 127.0.0.1:{fake_pds.port}; nothing was published"
    )
    assert fake_pds.posts == [] and fake_pds.calls(CREATE) == []
    assert fake_pds.calls("com.atproto.repo.describeRepo")
    for result in (bad, added, untested, stored, tested):
        for secret in (APP_PASSWORD, *fake_pds.issued.values):
            assert secret not in result.stdout + result.stderr


def test_post_url_is_the_bsky_app_address() -> None:
    uri = f"at://{DID}/app.bsky.feed.post/3jzfcijpj2z2a"
    assert post_url(uri) == f"https://bsky.app/profile/{DID}/post/3jzfcijpj2z2a"
    assert post_url("https://example.com") is None


def test_an_incident_thread_whose_first_post_is_gone_starts_anew_and_says_so(
    desk: Desk, fake_pds: FakePds
) -> None:
    """The PDS takes a reply whose root was deleted (it checks no reference); the thread would
    hang from nothing, so the next update starts a new one and its delivery says so."""
    add(desk, fake_pds, language="en")
    opened = publish(desk, en="Opened. " + "We are looking into failed card payments. " * 8)
    assert outcome(desk, opened).state is DeliveryState.SENT
    root, _last = fake_pds.posts
    fake_pds.delete(root.uri)
    second = outcome(
        desk,
        desk.publishing.post_update(
            opened.incident_id,
            Draft(BilingualText("Fixed.", AR), IncidentState.RESOLVED, author="amal"),
            channel_names=["sky"],
            skip_reason=LEFT_OUT,
        ),
    )
    assert second.state is DeliveryState.SENT, second.last_error
    assert fake_pds.posts[-1].reply is None  # a new thread
    assert "started a new thread" in (second.last_error or "")
