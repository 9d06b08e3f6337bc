"""Conformance of lengths (issue #15, "Tests"): each posting channel counts a post as its service
does, and its `budget` — what the composer's counter shows — says the same count the channel
splits and refuses by.

- Mastodon: code points, every http:// or https:// link 23 whatever its length (Mastodon's
  `StatusLengthValidator` and its compose box), Arabic around the link counted letter by letter;
  the instance's limit as last read, 500 until then, never asked for just to count.
- Telegram: UTF-16 code units of the text a reader sees (without the channel's HTML), out of
  4,096 — an emoji outside the BMP is 2, an Arabic letter 1; 4,096 goes, 4,097 is refused (one
  language) or sent as two messages (both).

The expected counts are worked out here from the services' rules, not by the channels' code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from statusdesk.channels import telegram
from statusdesk.channels.base import ChannelContext, RenderedPart
from statusdesk.channels.mastodon import api as mastodon_api
from statusdesk.channels.mastodon.api import Limits, length
from statusdesk.channels.mastodon.channel import MastodonChannel
from statusdesk.channels.posts import Budget, Budgeted
from statusdesk.channels.telegram import TelegramChannel
from statusdesk.channels.x.channel import XChannel
from statusdesk.core.model import (
    BilingualText,
    Channel,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Language,
    Order,
    Update,
    UpdateStatus,
)
from statusdesk.store import Store

NOW = "2026-03-10T09:00:00Z"
ARABIC = "نحقق في أخطاء الواجهة البرمجية"  # 30 code points, all in the BMP


def config(kind: str, **settings: str) -> Channel:
    return Channel(
        id=0,
        kind=kind,
        name=f"my-{kind}",
        language=Language.BOTH,
        order=Order.EN_FIRST,
        settings=dict(settings),
        enabled=True,
    )


def context(home: Path) -> ChannelContext:
    def no_store() -> Store:
        raise AssertionError("counting reads nothing of the workspace")

    return ChannelContext(home=home, open_store=no_store, now=lambda: datetime.now(UTC))


# -- Mastodon ----------------------------------------------------------------------------------


LONG_URL = "https://status.example.com/incidents/01HZX4T3B9QW8E7R6T5Y4U3I2O/updates?lang=ar&x=1"
SHORT_URL = "http://a.co"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LONG_URL, 23),  # 84 characters, counted 23
        (SHORT_URL, 23),  # 11 characters, counted 23 too: a link is always 23
        (f"{ARABIC} {LONG_URL}", 30 + 1 + 23),
        (f"{LONG_URL} {ARABIC}", 23 + 1 + 30),
        (f"راجع {SHORT_URL} و{LONG_URL} للتفاصيل", 4 + 1 + 23 + 2 + 23 + 1 + 8),
        (f"{ARABIC}\n{LONG_URL}\n{SHORT_URL}", 30 + 1 + 23 + 1 + 23),
        ("status.example.com/incidents/1", 30),  # no scheme: counted as typed
        ("مَرْحَبًا 🔥", 9 + 1 + 1),  # each haraka a code point; the emoji one
    ],
)
def test_mastodon_counts_every_link_as_23_whatever_its_length_and_the_arabic_around_it(
    text: str, expected: int
) -> None:
    assert length(text) == expected


def test_mastodon_budget_is_that_count_out_of_the_limit_last_read(tmp_path: Path) -> None:
    mastodon_api.forget_limits()
    try:
        settings = {"base_url": "https://mastodon.example"}
        channel = MastodonChannel(config("mastodon", **settings), context(tmp_path))
        assert isinstance(channel, Budgeted)
        part = RenderedPart("ar", f"{ARABIC} {LONG_URL}")
        # Never read yet: Mastodon's default, and no request (there is no server to ask).
        assert channel.budget(part) == Budget(54, 500, "characters")
        key = (str(tmp_path), "my-mastodon", "https://mastodon.example")
        mastodon_api.remember_limits(key, Limits(max_characters=50, url_weight=23))
        budget = channel.budget(part)
        assert budget == Budget(54, 50, "characters") and budget.over
    finally:
        mastodon_api.forget_limits()


# -- Telegram ----------------------------------------------------------------------------------


def incident(title: str = "T") -> Incident:
    return Incident(
        id=1,
        title=BilingualText(title, title),
        kind=IncidentKind.INCIDENT,
        state=IncidentState.INVESTIGATING,
        impact=Impact.MINOR,
        started_at=NOW,
        created_at=NOW,
        updated_at=NOW,
    )


def update(en: str, ar: str = "") -> Update:
    return Update(
        id=1,
        incident_id=1,
        state=IncidentState.INVESTIGATING,
        body=BilingualText(en, ar),
        author="amal",
        created_at=NOW,
        status=UpdateStatus.PUBLISHED,
        published_at=NOW,
    )


def tg(home: Path) -> TelegramChannel:
    return TelegramChannel(config("telegram", chat_id="@acme_status"), context(home))


HEADING = "[Investigating] T\n"  # the title line, 18 units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("🔥", 2),  # outside the BMP: a surrogate pair
        ("👨‍👩‍👧", 8),  # three of them and two joiners
        (ARABIC, 30),  # Arabic: one unit a letter
        ("مَرْحَبًا", 9),  # harakat: a unit each
        ("ﷺ", 1),  # a ligature in the BMP
        ("𝐀", 2),  # mathematical bold A: outside the BMP
    ],
)
def test_telegram_counts_utf16_code_units(text: str, units: int) -> None:
    assert telegram.utf16_units(text) == units


def test_telegram_budget_counts_what_a_reader_sees_without_the_html(tmp_path: Path) -> None:
    channel = tg(tmp_path)
    assert isinstance(channel, Budgeted)
    (part,) = channel.render(update("<b>not bold</b> & 🔥"), incident()).parts
    assert "&lt;b&gt;" in part.text and part.text.startswith("<b>")
    seen = HEADING + "<b>not bold</b> & 🔥"
    assert channel.budget(part) == Budget(len(seen) + 1, 4096, "characters")  # 🔥 is 2


def _body(units: int) -> str:
    """A body of exactly `units` UTF-16 units: emoji (2), Arabic (1) and Latin (1)."""
    emoji = "🔥" * (units // 4)
    arabic = "ب" * (units - 2 * len(emoji) - 1)
    return emoji + arabic + "."


@pytest.mark.parametrize("units", [4096, 4097])
def test_telegram_takes_4096_units_and_refuses_4097(tmp_path: Path, units: int) -> None:
    channel = tg(tmp_path)
    body = _body(units - len(HEADING))
    assert telegram.utf16_units(HEADING + body) == units
    assert len(HEADING + body) < 4096  # by Python's count it would always fit
    problems = [p for p in channel.check(update(body), incident()) if p.field == "body_en"]
    (part,) = channel.render(update(body), incident()).parts
    budget = channel.budget(part)
    assert (budget.used, budget.limit) == (units, 4096)
    if units == 4096:
        assert problems == [] and not budget.over
    else:
        assert budget.over
        (problem,) = problems
        assert "4,097 characters as Telegram counts them" in problem.message
        assert "a message holds 4,096" in problem.message


@pytest.mark.parametrize(("extra", "messages"), [(0, 1), (1, 2)])
def test_telegram_sends_both_languages_as_one_message_up_to_4096_units_else_as_two(
    tmp_path: Path, extra: int, messages: int
) -> None:
    channel = tg(tmp_path)
    en = "x" * 1000
    # The two texts and the blank line between them: 4,096 units, or one more.
    ar = _body(4096 + extra - (len(HEADING) + 1000) - 2 - len(HEADING))
    rendered = channel.render(update(en, ar), incident())
    assert len(rendered.parts) == messages
    budgets = [channel.budget(part) for part in rendered.parts]
    assert not any(b.over for b in budgets)
    assert sum(b.used for b in budgets) == 4096 + extra - (2 if messages == 2 else 0)
    assert [p.language for p in rendered.parts] == (["both"] if messages == 1 else ["en", "ar"])


# -- X (unchanged: twitter-text's weighted length) ---------------------------------------------


def test_x_budget_is_the_weighted_length_out_of_280(tmp_path: Path) -> None:
    from statusdesk.core.text.weighted import weighted_length

    channel = XChannel(config("x"), context(tmp_path))
    assert isinstance(channel, Budgeted)
    text = f"{ARABIC} {LONG_URL}"
    part = RenderedPart("ar", text)
    assert channel.budget(part) == Budget(weighted_length(text), 280, "weighted characters")
    assert channel.budget(part).used == 30 + 1 + 23  # Arabic is under U+1100: 1 a letter


def test_replace_keeps_budget_frozen() -> None:
    budget = Budget(10, 5, "graphemes")
    assert budget.over and replace(budget, used=5).over is False
