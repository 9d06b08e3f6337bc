"""One thread per incident (issue #15) on X, Mastodon, Telegram and Bluesky, each against its
local fake (tests/xfake.py, tests/mastodonfake.py, tests/telegramfake.py, tests/blueskyfake.py),
which records what every post replies to and can delete a post as the service's account
would."""

from __future__ import annotations

import io
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels.base import PartRecord
from statusdesk.channels.mastodon import api as mastodon_api
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Draft, IncidentState
from statusdesk.delivery import retry
from statusdesk.delivery.ledger import StoreLedger
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests import blueskyfake, mastodonfake, telegramfake, xfake
from tests.httpfake import short_http_timeouts  # noqa: F401  (a fixture)
from tests.memkeyring import MemoryKeyring, memory_keyring  # noqa: F401  (a fixture)
from tests.unit.test_cli_support import call

SENT = DeliveryState.SENT
LEFT_OUT = "only the channel under test"
TITLE = BilingualText("API outage", "انقطاع الواجهة البرمجية")
AR = "نحقق في أخطاء الواجهة البرمجية."


@dataclass
class On:
    """One service under test: how to add its channel, what it holds (each post's id and the
    id it replies to, in order) and how its account deletes a post."""

    kind: str
    fake: Any
    add: Callable[..., None]
    replies: Callable[[], dict[str, str | None]]
    delete: Callable[[str], None]


@pytest.fixture
def desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    short_http_timeouts: float,  # noqa: F811
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)
    mastodon_api.forget_limits()
    with Desk(home) as made:
        with made.store.transaction():
            made.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield made
    mastodon_api.forget_limits()


def _x(desk: Desk) -> Iterator[On]:
    with xfake.FakeX() as fake:

        def add(**settings: str) -> None:
            desk.channels.add_channel("x", "chan", {"base_url": fake.url, **settings})
            for key, value in fake.oauth1.secrets().items():
                desk.channels.set_channel_secret("chan", key, value)

        yield On("x", fake, add, lambda: {t.id: t.in_reply_to for t in fake.posts}, fake.delete)


def _mastodon(desk: Desk) -> Iterator[On]:
    with mastodonfake.FakeMastodon() as fake:

        def add(**settings: str) -> None:
            desk.channels.add_channel("mastodon", "chan", {"base_url": fake.url, **settings})
            desk.channels.set_channel_secret("chan", "access_token", mastodonfake.TOKEN)

        yield On(
            "mastodon",
            fake,
            add,
            lambda: {t.id: t.in_reply_to_id for t in fake.statuses},
            fake.delete,
        )


def _telegram(desk: Desk) -> Iterator[On]:
    bot = telegramfake.FakeBotApi()
    try:

        def add(**settings: str) -> None:
            desk.channels.add_channel(
                "telegram", "chan", {"chat_id": telegramfake.CHAT, "base_url": bot.url, **settings}
            )
            desk.channels.set_channel_secret("chan", "bot_token", telegramfake.TOKEN)

        def replies() -> dict[str, str | None]:
            return {str(m.message_id): str(m.reply_to) if m.reply_to else None for m in bot.sent}

        yield On("telegram", bot, add, replies, lambda i: bot.delete(int(i)))
    finally:
        bot.close()


def _bluesky(desk: Desk) -> Iterator[On]:
    with blueskyfake.FakePds() as fake:

        def add(**settings: str) -> None:
            desk.channels.add_channel(
                "bluesky", "chan", {"handle": blueskyfake.HANDLE, "pds": fake.url, **settings}
            )
            desk.channels.set_channel_secret("chan", "app_password", blueskyfake.APP_PASSWORD)

        def replies() -> dict[str, str | None]:
            return {p.uri: (p.reply or {}).get("parent", {}).get("uri") for p in fake.posts}

        yield On("bluesky", fake, add, replies, fake.delete)


SERVICES = {"x": _x, "mastodon": _mastodon, "telegram": _telegram, "bluesky": _bluesky}


@pytest.fixture(params=sorted(SERVICES))
def on(request: pytest.FixtureRequest, desk: Desk) -> Iterator[On]:
    yield from SERVICES[request.param](desk)


@pytest.fixture
def masto(desk: Desk) -> Iterator[On]:
    yield from _mastodon(desk)


@pytest.fixture
def x(desk: Desk) -> Iterator[On]:
    yield from _x(desk)


def draft(n: int, en: str = "") -> Draft:
    # Every update says something new: X refuses a post with the text of an earlier one.
    text = en or f"Update {n}: we are working on errors on the API."
    return Draft(BilingualText(text, f"{AR} ({n})"), IncidentState.INVESTIGATING, author="amal")


def open_incident(desk: Desk, n: int = 1, *, dispatch: bool = True) -> Published:
    return desk.publishing.open_incident(
        title=TITLE, draft=draft(n), channel_names=["chan"], skip_reason=LEFT_OUT, dispatch=dispatch
    )


def update(
    desk: Desk, incident_id: int, n: int, *, dispatch: bool = True, en: str = ""
) -> Published:
    return desk.publishing.post_update(
        incident_id, draft(n, en), channel_names=["chan"], skip_reason=LEFT_OUT, dispatch=dispatch
    )


def outcome(desk: Desk, published: Published, timeout: float = 15) -> Delivery:
    deliveries = desk.deliveries.wait_for(published.update_id, timeout=timeout)
    (delivery,) = [d for d in deliveries if d.decision_note != LEFT_OUT]
    return delivery


def parts(desk: Desk, delivery: Delivery) -> list[PartRecord]:
    recorded = StoreLedger(desk.store, delivery.id, desk.clock.now).parts()
    return [recorded[seq] for seq in sorted(recorded)]


def sent(desk: Desk, published: Published) -> list[str]:
    """The ids of an update's posts, in order, once it is out."""
    delivery = outcome(desk, published)
    assert delivery.state is SENT, delivery.last_error
    ids = [p.remote_id for p in parts(desk, delivery)]
    assert all(ids)
    return [str(i) for i in ids]


# -- one thread per incident ------------------------------------------------------------------


def test_update_2_replies_to_update_1s_last_post(desk: Desk, on: On) -> None:
    on.add()
    # Update 1 is a thread of its own where the service's posts are short (X, Mastodon).
    long = " ".join(f"Step {i}: we moved traffic for region {i} to standby." for i in range(8))
    opened = desk.publishing.open_incident(
        title=TITLE, draft=draft(1, long), channel_names=["chan"], skip_reason=LEFT_OUT
    )
    first = sent(desk, opened)
    second = sent(desk, update(desk, opened.incident_id, 2))
    replies = on.replies()
    assert replies[first[0]] is None  # the incident's first post starts the thread
    assert replies[second[0]] == first[-1]  # update 2 replies to update 1's last post
    for before, after in itertools.pairwise(second):
        assert replies[after] == before  # and its own posts go on from there
    third = sent(desk, update(desk, opened.incident_id, 3))
    assert on.replies()[third[0]] == second[-1]
    (delivery,) = [d for d in desk.deliveries.wait_for(opened.update_id + 2, timeout=5)]
    assert parts(desk, delivery)[0].target.startswith(f"in reply to {second[-1]}")
    assert delivery.last_error is None  # nothing to say: the thread went on


def test_two_incidents_keep_two_threads(desk: Desk, on: On) -> None:
    on.add()
    a, b = open_incident(desk, 1), open_incident(desk, 2)
    a1, b1 = sent(desk, a), sent(desk, b)
    b2 = sent(desk, update(desk, b.incident_id, 3))
    a2 = sent(desk, update(desk, a.incident_id, 4))
    replies = on.replies()
    assert (replies[a1[0]], replies[b1[0]]) == (None, None)
    assert (replies[a2[0]], replies[b2[0]]) == (a1[-1], b1[-1])


def test_thread_update_starts_a_new_post_each_time(desk: Desk, on: On) -> None:
    on.add(thread="update")
    opened = open_incident(desk)
    sent(desk, opened)
    second = sent(desk, update(desk, opened.incident_id, 2))
    assert on.replies()[second[0]] is None
    assert desk.store.threads.anchor_for(outcome(desk, opened).idempotency_key) is None


def test_a_deleted_anchor_starts_a_new_thread_and_says_so(
    desk: Desk, on: On, capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    on.add()
    opened = open_incident(desk)
    (gone,) = sent(desk, opened)
    on.delete(gone)
    published = update(desk, opened.incident_id, 2)
    second = sent(desk, published)
    assert on.replies()[second[0]] is None  # a new thread, not a failure
    delivery = outcome(desk, published)
    note = (
        f"chan: started a new thread: the incident's earlier post {gone} is gone (deleted, or "
        "hidden)."
    )
    assert delivery.last_error == note
    # … seen where a person looks: the deliveries of the incident, and the export.
    shown = call(capsys, "--home", str(home), "incident", "show", str(opened.incident_id))
    assert shown.code == 0 and note in shown.stdout, shown.stdout
    listed = call(capsys, "--home", str(home), "deliveries", str(opened.incident_id), "--json")
    assert note in [d["error"] for d in json.loads(listed.stdout)]
    exported = call(
        capsys, "--home", str(home), "export", str(opened.incident_id), "--format", "md"
    )
    assert exported.code == 0 and f"post {gone} is gone" in exported.stdout, exported.stdout
    # The next update goes on in the new thread.
    third = sent(desk, update(desk, opened.incident_id, 3))
    assert on.replies()[third[0]] == second[-1]
    assert outcome(desk, update(desk, opened.incident_id, 4)).last_error is None


def test_an_anchor_the_service_does_not_know_starts_a_new_thread_too(desk: Desk, on: On) -> None:
    """X's 400 on reply.in_reply_to_tweet_id, Mastodon's 404, Telegram's 400: unreachable."""
    on.add()
    opened = open_incident(desk)
    sent(desk, opened)
    with desk.store.transaction():
        desk.store.conn.execute("UPDATE thread_anchor SET root_id = '777', last_id = '777'")
    published = update(desk, opened.incident_id, 2)
    (second,) = sent(desk, published)
    assert on.replies()[second] is None
    assert "earlier post 777 is gone" in (outcome(desk, published).last_error or "")


def test_a_retry_after_a_crash_replies_to_the_anchor_its_first_attempt_chose(
    desk: Desk, on: On
) -> None:
    """The process died with update 2's first post `sending` (it never left), and meanwhile the
    store's anchor says otherwise: the retry replies to the post the ledger names (no fork)."""
    on.add()
    opened = open_incident(desk)
    (first,) = sent(desk, opened)
    published = update(desk, opened.incident_id, 2, dispatch=False)
    (delivery_id,) = published.delivery_ids
    with desk.store.transaction():
        desk.store.conn.execute(
            "UPDATE delivery SET state = 'retry_wait', attempts = 1, next_attempt_at = "
            "'2000-01-01T00:00:00Z' WHERE id = ?",
            (delivery_id,),
        )
        desk.store.conn.execute("UPDATE thread_anchor SET last_id = 'elsewhere'")
    StoreLedger(desk.store, delivery_id, desk.clock.now).sending(1, f"in reply to {first}")
    desk.dispatcher.submit([delivery_id])
    second = sent(desk, published)
    assert on.replies()[second[0]] == first
    assert outcome(desk, published).attempts == 2


def test_a_crash_before_the_anchor_was_written_is_mended_by_reconciliation(
    desk: Desk, masto: On
) -> None:
    """Every post of update 1 was recorded sent, then the process died before the anchor was
    written: its delivery is reconciled (every part sent), which writes it, and update 2 still
    replies to update 1's last post."""
    masto.add()
    opened = open_incident(desk)
    first = sent(desk, opened)
    (delivery_id,) = opened.delivery_ids
    with desk.store.transaction():
        desk.store.conn.execute("DELETE FROM thread_anchor")
        desk.store.conn.execute(
            "UPDATE delivery SET state = 'unknown', sent_at = NULL WHERE id = ?", (delivery_id,)
        )
    desk.deliveries.recover()
    assert sent(desk, opened) == first
    posted = len(masto.fake.statuses)
    second = sent(desk, update(desk, opened.incident_id, 2))
    assert masto.replies()[second[0]] == first[-1]
    assert len(masto.fake.statuses) == posted + 1  # update 1 was not posted again


def test_x_reconcile_looks_for_the_reply_to_the_anchor(desk: Desk, x: On) -> None:
    x.add()
    opened = open_incident(desk)
    (first,) = sent(desk, opened)
    fake: xfake.FakeX = x.fake
    fake.script("POST /2/tweets", xfake.land_then_hang())
    published = update(desk, opened.incident_id, 2)
    (second,) = sent(desk, published)
    assert x.replies()[second] == first
    assert len(fake.posts) == 2  # found by reconciliation, not posted again
    delivery = outcome(desk, published)
    kinds = [e["kind"] for e in desk.store.audit.events() if e["delivery_id"] == delivery.id]
    assert kinds == ["delivery.sending", "delivery.unknown", "delivery.sent"]


def test_a_scheduled_update_and_a_manual_one_keep_their_order(desk: Desk, masto: On) -> None:
    """A scheduled update goes out while a person publishes one by hand: the later one waits
    for the earlier, and the thread reads in the order they were published."""
    masto.add()
    opened = open_incident(desk)
    (first,) = sent(desk, opened)
    planned = desk.publishing.post_update(
        opened.incident_id,
        draft(2),
        channel_names=["chan"],
        skip_reason=LEFT_OUT,
        scheduled_for=desk.clock.now() + timedelta(hours=1),
    )
    scheduled = desk.scheduling.send_update(planned.update_id, dispatch=False)
    manual = update(desk, opened.incident_id, 3, dispatch=False)
    # The manual one is tried first, while the scheduled one (published before it) is pending:
    # it waits, sending nothing …
    desk.dispatcher.submit(manual.delivery_ids)
    (waiting,) = manual.delivery_ids

    def held() -> Delivery | None:
        found = desk.store.deliveries.delivery(waiting)
        return found if found is not None and found.state is DeliveryState.RETRY_WAIT else None

    deadline = time.monotonic() + 10
    while held() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # polling a condition, not waiting a fixed time
    said = held()
    assert said is not None
    assert "the incident's previous update is still on its way here" in (said.last_error or "")
    assert masto.fake.statuses[1:] == []
    # … and goes right after it, replying to its post.
    desk.dispatcher.submit(scheduled.delivery_ids)
    (two,) = sent(desk, scheduled)
    (three,) = sent(desk, manual)
    replies = masto.replies()
    assert (replies[two], replies[three]) == (first, two)


# -- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SERVICES))
def test_thread_is_incident_or_update(desk: Desk, kind: str) -> None:
    from statusdesk.channels import registry

    assert "thread" in (registry.kind_setting_keys(kind) or ())
    module = {
        "x": "statusdesk.channels.x.channel",
        "mastodon": "statusdesk.channels.mastodon.channel",
        "telegram": "statusdesk.channels.telegram",
        "bluesky": "statusdesk.channels.bluesky.channel",
    }[kind]
    problems = __import__(module, fromlist=["settings_problems"]).settings_problems
    base = {"base_url": "https://example.com", "chat_id": "@acme_status"}
    assert not [p for p in problems({**base, "thread": "incident"}) if "thread" in p]
    assert not [p for p in problems({**base, "thread": "update"}) if "thread" in p]
    (said,) = [p for p in problems({**base, "thread": "always"}) if "thread" in p]
    assert said.startswith("thread must be incident") and "'always'" in said


# -- the CLI ------------------------------------------------------------------------------------


def test_two_updates_published_from_the_cli_make_one_thread_on_mastodon(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,  # noqa: F811
    short_http_timeouts: float,  # noqa: F811
) -> None:
    base = ("--home", str(home))
    with mastodonfake.FakeMastodon() as fake:
        added = call(capsys, *base, "channel", "add", "mastodon", "masto",
                     "--set", f"base_url={fake.url}")  # fmt: skip
        assert added.code == 0, added.stderr
        token = io.TextIOWrapper(io.BytesIO(f"{mastodonfake.TOKEN}\n".encode()))
        monkeypatch.setattr(sys, "stdin", token)
        stored = call(capsys, *base, "channel", "secret", "masto", "access_token")
        assert stored.code == 0, stored.stderr
        opened = call(capsys, *base, "incident", "open", "--title-en", "API outage",
                      "--title-ar", "انقطاع", "--en", "Investigating API errors.", "--ar", AR,
                      "--channels", "masto", "--skip-reason", LEFT_OUT)  # fmt: skip
        assert opened.code == 0, opened.stderr
        updated = call(capsys, *base, "incident", "update", opened.lines[0], "--state",
                       "identified", "--en", "Found the cause: a bad deploy.",
                       "--ar", "وجدنا السبب: نشر خاطئ.",
                       "--channels", "masto", "--skip-reason", LEFT_OUT)  # fmt: skip
        assert updated.code == 0, updated.stderr
        first, second = fake.statuses
    assert (first.in_reply_to_id, second.in_reply_to_id) == (None, first.id)
    assert f"masto: sent {fake.url}/@acme_status/{second.id}" in updated.stdout
