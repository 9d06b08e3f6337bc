"""The post-incident timeline lists issue #15's channels like the others (issue #15, "Tests"):
an incident published through the real Desk to Mastodon (tests/mastodonfake.py), Telegram
(tests/telegramfake.py), Bluesky (tests/blueskyfake.py) and webhooks in the discord and teams
formats (tests/httpfake.py's receiver), each on 127.0.0.1, on a clock the test moves — so every
channel's lag is exact — and exported in every format the project writes: each channel has its
row, its kind, when each update went out on it and the lag, and no secret of any of them is in
any export.

    T0        incident opened (update 1), nothing sent yet
    T0+10 s   masto sent      T0+20 s  tg sent     T0+30 s  discord sent    T0+40 s  teams sent
    T0+50 s   sky sent
    T0+10 min update 2 (resolved); everything sent 5 s later
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest

from statusdesk.channels.mastodon import api as mastodon_api
from statusdesk.core.model import BilingualText, DeliveryState, Draft, Impact, IncidentState
from statusdesk.desk import Desk
from statusdesk.export.api import FORMATS, export_incident
from statusdesk.export.json_export import schema
from statusdesk.export.present import duration
from statusdesk.export.timeline import build_timeline
from statusdesk.store import Store
from tests import httpfake
from tests.blueskyfake import APP_PASSWORD, FakePds
from tests.blueskyfake import HANDLE as BLUESKY_HANDLE
from tests.httpfake import FakeReceiver, status
from tests.mastodonfake import TOKEN as MASTODON_TOKEN
from tests.mastodonfake import FakeMastodon
from tests.memkeyring import MemoryKeyring, memory_keyring
from tests.telegramfake import CHAT, TOKEN, FakeBotApi
from tests.unit.export_support import normalized
from tests.unit.test_schedule_support import T0, FakeClock

__all__ = ["memory_keyring"]  # a fixture, taken by name

receiver = httpfake.receiver
Receivers = Callable[..., FakeReceiver]

TITLE = BilingualText("Card payments failing", "فشل مدفوعات البطاقات")
SIGNING = "whsec-EXPORT-never-9d1e"
DISCORD_PATH = "tok-DISCORD-PATHSECRET-77"  # a webhook's URL is its own credential
TEAMS_PATH = "sig-TEAMS-PATHSECRET-31"
FIRST_LAGS = {"masto": 10, "tg": 20, "discord": 30, "teams": 40, "sky": 50}
KINDS = {
    "masto": "mastodon",
    "tg": "telegram",
    "discord": "webhook",
    "teams": "webhook",
    "sky": "bluesky",
}
LABELS = {
    "masto": "mastodon",
    "tg": "telegram",
    "discord": "webhook, discord",
    "teams": "webhook, teams",
    "sky": "bluesky",
}
RESOLVED_LAG = 5
EXPORTED_AT = T0 + timedelta(hours=1)


@pytest.fixture
def story(
    home: Path, memory_keyring: MemoryKeyring, receiver: Receivers
) -> Iterator[tuple[Path, int, tuple[str, ...]]]:
    """The incident, told; yields (home, incident id, every secret that must never show)."""
    mastodon_api.forget_limits()
    answer = status(200, {"Content-Type": "application/json"}, b'{"id": "5550001"}')
    discord = receiver(answer, answer, path=f"/api/webhooks/1/{DISCORD_PATH}")
    teams = receiver(status(202), status(202), path=f"/workflows/{TEAMS_PATH}")
    bot = FakeBotApi()
    with FakeMastodon() as masto, contextlib.closing(bot), FakePds() as pds:
        clock = FakeClock()
        with Desk(home, clock=clock) as desk:
            with desk.store.transaction():
                desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
            add = desk.channels.add_channel
            add("mastodon", "masto", {"base_url": masto.url, "visibility": "unlisted"})
            add("telegram", "tg", {"chat_id": CHAT, "base_url": bot.url})
            add("webhook", "discord", {"url": discord.url, "format": "discord"})
            add("webhook", "teams", {"url": teams.url, "format": "teams"})
            add("bluesky", "sky", {"handle": BLUESKY_HANDLE, "pds": pds.url})
            desk.channels.set_channel_secret("sky", "app_password", APP_PASSWORD)
            desk.channels.set_channel_secret("masto", "access_token", MASTODON_TOKEN)
            desk.channels.set_channel_secret("tg", "bot_token", TOKEN)
            desk.channels.set_channel_secret("teams", "signing_secret", SIGNING)
            names = list(FIRST_LAGS)

            opened = desk.publishing.open_incident(
                title=TITLE,
                draft=Draft(
                    BilingualText("Some card payments fail.", "تفشل بعض مدفوعات البطاقات."),
                    IncidentState.INVESTIGATING,
                    author="amal",
                ),
                impact=Impact.MAJOR,
                channel_names=names,
                dispatch=False,
            )
            deliver(desk, clock, opened.update_id, stagger=True)
            clock.run(minutes=10)
            resolved = desk.publishing.post_update(
                opened.incident_id,
                Draft(
                    BilingualText("Payments work again.", "عادت المدفوعات للعمل."),
                    IncidentState.RESOLVED,
                    author="amal",
                ),
                channel_names=names,
                dispatch=False,
            )
            deliver(desk, clock, resolved.update_id, stagger=False)
            clock.run(minutes=30)
            assert len(masto.statuses) == 2 and len(bot.sent) == 2 and len(pds.posts) == 2
            session = [desk.secrets.get("sky", key) for key in ("access_jwt", "refresh_jwt")]
        assert len(discord.requests) == 2 and len(teams.requests) == 2
        assert all(session)  # the session Bluesky gave, kept in the keyring only
        secrets = (MASTODON_TOKEN, TOKEN, SIGNING, DISCORD_PATH, TEAMS_PATH, APP_PASSWORD)
        yield home, opened.incident_id, secrets + tuple(str(t) for t in session)
    mastodon_api.forget_limits()


def deliver(desk: Desk, clock: FakeClock, update_id: int, *, stagger: bool) -> None:
    """Each channel's delivery attempted on the test's clock: one after another 10 s apart
    (`stagger`), or all 5 s after the update."""
    names = {c.id: c.name for c in desk.store.channels.channels()}
    deliveries = {
        names[d.channel_id]: d for d in desk.store.deliveries.deliveries_for_update(update_id)
    }
    assert set(deliveries) == set(FIRST_LAGS)
    if not stagger:
        clock.run(seconds=RESOLVED_LAG)
    for name in FIRST_LAGS:
        if stagger:
            clock.run(seconds=10)
        state = desk.dispatcher.attempt(deliveries[name].id)
        assert state is DeliveryState.SENT, (name, state)


def exported(home: Path, incident_id: int, fmt: str) -> bytes:
    store = Store.open(home / "statusdesk.db")
    try:
        return export_incident(store, incident_id, fmt, now=EXPORTED_AT)
    finally:
        store.close()


def test_the_timeline_has_every_new_channels_deliveries_and_lags(
    story: tuple[Path, int, tuple[str, ...]],
) -> None:
    home, incident_id, _ = story
    store = Store.open(home / "statusdesk.db")
    try:
        timeline = build_timeline(store, incident_id, EXPORTED_AT)
    finally:
        store.close()
    first, resolved = timeline.updates
    assert {d.channel.name: d.lag_seconds for d in first.deliveries} == FIRST_LAGS
    assert {d.channel.name: d.lag_seconds for d in resolved.deliveries} == dict.fromkeys(
        FIRST_LAGS, RESOLVED_LAG
    )
    assert {d.channel.name: d.channel.kind for d in first.deliveries} == KINDS
    by_name = {c.channel.name: c for c in timeline.metrics.channels}
    assert set(by_name) == set(FIRST_LAGS)
    for name, lag in FIRST_LAGS.items():
        figures = by_name[name]
        assert (figures.deliveries, figures.sent, figures.failed) == (2, 2, 0)
        assert figures.first_delivery_lag_seconds == lag
        assert figures.lag_mean_seconds == (lag + RESOLVED_LAG) / 2
        assert figures.lag_max_seconds == lag
    # Where each landed, as each service answered (a webhook's URL is its credential: hidden).
    where = {d.channel.name: d.delivery.remote_url or "" for d in first.deliveries}
    assert where["masto"].startswith("http://127.0.0.1:") and "/@acme_status/" in where["masto"]
    assert where["tg"].startswith(f"https://t.me/{CHAT[1:]}/")


def test_csv_has_a_row_per_delivery_with_its_kind_and_lag(
    story: tuple[Path, int, tuple[str, ...]],
) -> None:
    home, incident_id, _ = story
    rows = list(csv.DictReader(io.StringIO(exported(home, incident_id, "csv").decode("utf-8-sig"))))
    assert len(rows) == 2 * len(FIRST_LAGS)
    got = [(r["update_state"], r["channel"], r["channel_kind"], r["lag_seconds"]) for r in rows]
    expected = [("investigating", n, KINDS[n], str(lag)) for n, lag in FIRST_LAGS.items()]
    expected += [("resolved", n, KINDS[n], str(RESOLVED_LAG)) for n in FIRST_LAGS]
    assert sorted(got) == sorted(expected)
    assert all(r["delivery_state"] == "sent" and r["sent_at"] for r in rows)


def test_json_lists_each_channel_with_its_lags_and_keeps_its_schema(
    story: tuple[Path, int, tuple[str, ...]],
) -> None:
    home, incident_id, _ = story
    document = json.loads(exported(home, incident_id, "json"))
    jsonschema.validate(document, schema())
    assert {c["name"]: c["kind"] for c in document["channels"]} == KINDS
    figures = {c["channel"]: c for c in document["metrics"]["channels"]}
    for name, lag in FIRST_LAGS.items():
        assert figures[name]["channel_kind"] == KINDS[name]
        assert figures[name]["first_delivery_lag_seconds"] == lag
        assert figures[name]["delivery_lag_max_seconds"] == lag
    lags = [
        {d["channel"]: d["lag_seconds"] for d in update["deliveries"]}
        for update in document["updates"]
    ]
    assert lags == [FIRST_LAGS, dict.fromkeys(FIRST_LAGS, RESOLVED_LAG)]


def _channel_rows(text: str) -> dict[str, str]:
    """The Channels table's line per channel, by the label it starts with."""
    found = {}
    for line in text.splitlines():
        for name in FIRST_LAGS:
            if line.startswith(f"| {name} ("):
                found[name] = line
    return found


def test_markdown_and_html_list_each_channel_with_its_kind_and_lag(
    story: tuple[Path, int, tuple[str, ...]],
) -> None:
    home, incident_id, _ = story
    markdown = exported(home, incident_id, "md").decode("utf-8")
    rows = _channel_rows(markdown)
    assert set(rows) == set(FIRST_LAGS)
    for name, lag in FIRST_LAGS.items():
        cells = [cell.strip() for cell in rows[name].strip("|").split("|")]
        assert cells[0] == f"{name} ({LABELS[name]})"
        assert cells[1] == "2 of 2 sent"
        assert cells[2] == f"{lag} s"  # the first delivery lag
        assert cells[3] == f"mean {duration((lag + RESOLVED_LAG) / 2)}, max {lag} s"
    html = exported(home, incident_id, "html").decode("utf-8")
    for name, lag in FIRST_LAGS.items():
        assert f'{name} <span class="meta">({LABELS[name]})</span>' in html
        assert f"(+{lag} s)" in html  # when it went out, and the lag


@pytest.mark.usefixtures("qapp")
def test_the_pdf_lists_each_channel_with_its_kind(
    story: tuple[Path, int, tuple[str, ...]], tmp_path: Path
) -> None:
    from tests.unit.test_export_pdf import text_of

    home, incident_id, secrets = story
    pdf = tmp_path / "timeline.pdf"
    pdf.write_bytes(exported(home, incident_id, "pdf"))
    text = normalized(text_of(pdf))
    for name, lag in FIRST_LAGS.items():
        assert f"{name} ({LABELS[name]})" in text, name
        assert f"(+{lag} s)" in text, name
    assert not [secret for secret in secrets if secret in text]


def test_no_secret_of_the_new_channels_is_in_any_export(
    story: tuple[Path, int, tuple[str, ...]],
) -> None:
    home, incident_id, secrets = story
    for fmt in FORMATS:
        if fmt == "pdf":
            continue  # drawn text: the PDF test reads it back and looks
        data = exported(home, incident_id, fmt).decode("utf-8-sig")
        for secret in secrets:
            assert secret not in data, (fmt, secret)
