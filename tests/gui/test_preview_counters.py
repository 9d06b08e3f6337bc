"""Each post in the preview with its own counter (issue #15, "Tests"): the composer asks every
posting channel how much room each of its posts takes (`channels.posts.Budgeted`) and shows it
the channel's way — "212/500 characters" on Mastodon (the instance's limit, as last read),
Telegram's UTF-16 count out of 4,096, "37/300 graphemes" on a kind this file makes up (standing
in for Bluesky: any channel with `budget` is picked up with no change to the composer). X keeps
its weighted count out of 280 (tests/gui/test_preview.py).

Mastodon runs against tests/mastodonfake.py on 127.0.0.1 (its instance says 1,000 characters);
Telegram and the made-up kind render without the network.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.app.preview_records import Level, level, near_limit
from statusdesk.channels import registry, telegram
from statusdesk.channels.base import ChannelContext, Rendered, RenderedPart
from statusdesk.channels.mastodon import api as mastodon_api
from statusdesk.channels.posts import Budget, channel_languages, language_block
from statusdesk.core.model import Channel, Incident, Problem, Update
from statusdesk.desk import Desk
from statusdesk.gui.compose.preview_pages import PostsPage, PostView
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.widgets.theme import Role, colour
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text
from tests.mastodonfake import FakeMastodon

ENGLISH = "Card payments are failing for some customers; see https://status.example.com/i/7"
ARABIC = "تفشل مدفوعات البطاقات لبعض العملاء 🔥"
LIMIT = 300


def graphemes(text: str) -> int:
    """Enough of UAX #29 for this test: a mark or a joiner (and what it joins) extends the
    character before it."""
    count, joined = 0, False
    for char in text:
        if unicodedata.combining(char) or char in "\u200d\ufe0f" or joined:
            joined = char == "\u200d"
            continue
        count += 1
    return count


class MadeUpSky:
    """A posting kind the composer has never heard of: it renders one post per language and
    counts graphemes out of 300, as Bluesky will."""

    kind = "madeupsky"
    min_interval = 0.0

    def __init__(self, config: Channel, context: ChannelContext) -> None:
        self.config = config

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        return []

    def render(self, update: Update, incident: Incident) -> Rendered:
        parts = tuple(
            RenderedPart(lang, language_block(lang, update, incident))
            for lang in channel_languages(self.config, update)
        )
        return Rendered(update.id, incident.id, parts)

    def budget(self, part: RenderedPart) -> Budget:
        return Budget(graphemes(part.text), LIMIT, "graphemes")

    def send(self, *args: object) -> None:
        raise AssertionError("a preview sends nothing")

    def reconcile(self, *args: object) -> None:
        raise AssertionError("a preview reconciles nothing")

    def test(self) -> str:
        return ""


@pytest.fixture
def mastodon() -> Iterator[FakeMastodon]:
    mastodon_api.forget_limits()
    with FakeMastodon(max_characters=1000) as server:
        yield server
    mastodon_api.forget_limits()


@pytest.fixture
def posting(
    home: Path, active_incident: int, mastodon: FakeMastodon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(registry.KINDS, MadeUpSky.kind, MadeUpSky)
    with Desk(home) as desk:
        desk.channels.add_channel("mastodon", "masto", {"base_url": mastodon.url})
        desk.channels.add_channel("telegram", "tg", {"chat_id": "@acme_status"})
        desk.channels.add_channel(MadeUpSky.kind, "sky", {})


def page(window: MainWindow, name: str) -> PostsPage:
    found = window.composer.preview.page(name)
    assert isinstance(found, PostsPage)
    return found


def counters(found: PostsPage) -> list[str]:
    return [view.counter.text() for view in found.posts()]


def texts(found: PostsPage) -> list[str]:
    return [view.text.text() for view in found.posts()]


def counted(view: PostView, used: int, limit: int, unit: str) -> None:
    assert (view.counter.weight, view.counter.limit, view.counter.unit) == (used, limit, unit)
    assert view.counter.text() == f"{used}/{limit} {unit}"
    assert view.counter.level is Level.OK
    assert view.counter.accessibleName().endswith(f"{used} of {limit} {unit}")


def test_each_post_shows_its_own_channels_counter(
    qtbot, home: Path, posting: None, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    type_text(ENGLISH)
    press("Ctrl+L")
    type_text(ARABIC)
    press("Ctrl+L")
    assert focused() is window.composer.body_en

    # Mastodon: one status with both languages, its link counted 23, out of the instance's
    # 1,000 (read when the preview rendered it; counting itself never asks).
    masto = page(window, "masto")
    qtbot.waitUntil(lambda: len(texts(masto)) == 1 and ARABIC in texts(masto)[0], timeout=10_000)
    (status,) = masto.posts()
    text = texts(masto)[0]
    link = "https://status.example.com/i/7"
    counted(status, len(text) - len(link) + 23, 1000, "characters")
    assert masto.summary.text() == "One post."

    # Telegram: the text a reader sees (no <b>), counted in UTF-16 units (the emoji is 2).
    tg = page(window, "tg")
    qtbot.waitUntil(lambda: len(texts(tg)) == 1 and ARABIC in texts(tg)[0])
    (message,) = tg.posts()
    seen = texts(tg)[0]
    assert "<b>" not in seen and seen.startswith("[Investigating] ")
    counted(message, telegram.utf16_units(seen), 4096, "characters")
    assert telegram.utf16_units(seen) == len(seen) + 1
    assert message.heading.text() == "Message" and tg.summary.text() == "One message."

    # A kind the composer does not know: its own count, its own unit, a post per language.
    sky = page(window, "sky")
    qtbot.waitUntil(lambda: len(texts(sky)) == 2)
    english, arabic = sky.posts()
    assert english.heading.text() == "Post 1 of 2" and sky.summary.text() == "A thread of 2 posts."
    counted(english, graphemes(texts(sky)[0]), LIMIT, "graphemes")
    counted(arabic, graphemes(texts(sky)[1]), LIMIT, "graphemes")
    assert arabic.counter.text().endswith("/300 graphemes")


def test_a_post_past_its_channels_limit_turns_red_and_says_so(
    qtbot, home: Path, posting: None, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    type_text("x" * 290)  # past the made-up kind's 300 with its heading
    press("Ctrl+L")
    type_text("ب")
    sky = page(window, "sky")
    qtbot.waitUntil(lambda: len(texts(sky)) == 2 and "x" * 290 in texts(sky)[0])
    english = sky.posts()[0]
    used = graphemes(texts(sky)[0])
    assert used > LIMIT
    assert english.counter.level is Level.OVER
    assert english.counter.text() == f"{used}/{LIMIT} graphemes · over the limit"
    assert colour(Role.PROBLEM) in english.counter.styleSheet()
    assert sky.posts()[1].counter.level is Level.OK
    # Telegram takes all of it in one message, far from its 4,096.
    tg = page(window, "tg")
    qtbot.waitUntil(lambda: len(texts(tg)) == 1 and "x" * 290 in texts(tg)[0])
    assert tg.posts()[0].counter.level is Level.OK


@pytest.mark.parametrize(
    ("used", "limit", "expected"),
    [
        (259, 280, Level.OK),
        (260, 280, Level.NEAR),  # X's amber, as before
        (280, 280, Level.NEAR),
        (281, 280, Level.OVER),
        (463, 500, Level.OK),
        (464, 500, Level.NEAR),  # 92.8 % of Mastodon's 500
        (501, 500, Level.OVER),
        (278, 300, Level.NEAR),
        (3803, 4096, Level.NEAR),
        (4097, 4096, Level.OVER),
    ],
)
def test_a_counter_turns_amber_at_about_93_percent_of_its_limit_and_red_past_it(
    used: int, limit: int, expected: Level
) -> None:
    assert level(used, limit) is expected
    assert near_limit(280) == 260


def test_a_kind_without_a_budget_keeps_its_text_page(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    """A webhook's JSON is no post: it stays a text page, with no counter."""
    from statusdesk.gui.compose.preview_pages import TextPage

    with Desk(home) as desk:
        desk.channels.add_channel("webhook", "hook", {"url": "http://127.0.0.1:9/hook"})
    window = launch()
    press("Ctrl+U")
    type_text("Errors are falling.")
    hook = window.composer.preview.page("hook")
    assert isinstance(hook, TextPage) and not isinstance(hook, PostsPage)
    qtbot.waitUntil(lambda: "Errors are falling." in hook.text.toPlainText())


def test_the_bluesky_channel_is_counted_in_graphemes_with_no_change_to_the_composer(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    """The real Bluesky kind (merged after this file's made-up one): its posts come with its
    own count, extended grapheme clusters of 300, where Arabic's harakat join their letter."""
    from statusdesk.channels.bluesky.text import graphemes as bluesky_graphemes

    with Desk(home) as desk:
        desk.channels.add_channel("bluesky", "sky", {"handle": "acme.bsky.social"})
    window = launch()
    press("Ctrl+U")
    type_text(ENGLISH)
    press("Ctrl+L")
    voweled = "مَرْحَبًا، تفشل مدفوعات البطاقات"
    type_text(voweled)
    sky = page(window, "sky")
    qtbot.waitUntil(lambda: len(texts(sky)) == 1 and voweled in texts(sky)[0], timeout=10_000)
    (post,) = sky.posts()
    text = texts(sky)[0]
    used = bluesky_graphemes(text)
    assert used < len(text)  # each haraka joins its letter: fewer clusters than code points
    counted(post, used, 300, "graphemes")
