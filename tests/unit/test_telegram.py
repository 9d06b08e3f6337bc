"""The telegram channel (issue #15) against a Bot API on 127.0.0.1 (tests/telegramfake.py) that
checks the token in the path, the chat, the HTML and the length as Telegram counts it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.channels import telegram
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Draft, IncidentState
from statusdesk.delivery import retry
from statusdesk.desk import Desk
from tests.httpfake import short_http_timeouts  # noqa: F401  (a fixture)
from tests.memkeyring import MemoryKeyring, memory_keyring  # noqa: F401  (a fixture)
from tests.telegramfake import CHAT, TOKEN, FakeBotApi, Fault, refuse
from tests.unit.test_cli_support import call

EN = "Card payments fail for some customers; we are <investigating> & will update."
AR = "تفشل مدفوعات البطاقات لبعض العملاء؛ نحقق في المشكلة."
TITLE = BilingualText("Payments & cards", "المدفوعات")


@pytest.fixture
def bot() -> Iterator[FakeBotApi]:
    api = FakeBotApi()
    yield api
    api.close()


@pytest.fixture
def tg_desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,  # noqa: F811
    short_http_timeouts: float,  # noqa: F811
    bot: FakeBotApi,
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        desk.channels.add_channel("telegram", "news", {"chat_id": CHAT, "base_url": bot.url})
        desk.channels.set_channel_secret("news", "bot_token", TOKEN)
        yield desk


def publish(desk: Desk, en: str = EN, ar: str = AR) -> Delivery:
    draft = Draft(BilingualText(en, ar), IncidentState.INVESTIGATING, author="amal")
    published = desk.publishing.open_incident(title=TITLE, draft=draft, channel_names=["news"])
    (delivery,) = desk.deliveries.wait_for(published.update_id, timeout=15)
    return delivery


def test_both_languages_go_as_one_escaped_html_message(tg_desk: Desk, bot: FakeBotApi) -> None:
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.SENT, delivery.last_error
    (sent,) = bot.sent
    assert sent.parse_mode == "HTML"
    # What a reader sees is exactly what was written: "<investigating> & …" is text.
    assert sent.text == f"[Investigating] {TITLE.en}\n{EN}\n\n[Investigating] {TITLE.ar}\n{AR}"
    assert "&lt;investigating&gt; &amp;" in sent.markup and sent.markup.startswith("<b>")
    assert delivery.remote_url == f"https://t.me/{CHAT[1:]}/{sent.message_id}"


def test_too_long_for_one_message_goes_as_two_the_second_replying(
    tg_desk: Desk, bot: FakeBotApi
) -> None:
    en, ar = "Payments are failing. " * 120, "تفشل المدفوعات. " * 150  # each fits alone
    delivery = publish(tg_desk, en.strip(), ar.strip())
    assert delivery.state == DeliveryState.SENT, delivery.last_error
    first, second = bot.sent
    assert (first.reply_to, second.reply_to) == (None, first.message_id)
    assert first.text.endswith(en.strip()) and second.text.endswith(ar.strip())


def test_length_is_counted_as_telegram_counts_it_in_utf16_units(tg_desk: Desk) -> None:
    # 2,100 emoji are 4,200 UTF-16 units: under 4,096 characters by Python's count, over
    # Telegram's. Refused before anything is sent, with the count Telegram would use.
    with pytest.raises(Rejected) as refused:
        publish(tg_desk, en="🔥" * 2100, ar=AR)
    said = " ".join(p.message for p in refused.value.problems)
    assert "the en message is 4,2" in said and "a message holds 4,096" in said
    assert telegram.utf16_units("🔥ا") == 3


def test_a_retry_resumes_at_the_message_that_did_not_go(tg_desk: Desk, bot: FakeBotApi) -> None:
    en, ar = "Payments are failing. " * 120, "تفشل المدفوعات. " * 150
    # The first message goes; the second meets a server error, then goes on the retry.
    bot.script(Fault("pass"), refuse(502, "Bad Gateway"))
    delivery = publish(tg_desk, en.strip(), ar.strip())
    assert delivery.state == DeliveryState.SENT, delivery.last_error
    assert delivery.attempts == 2
    first, second = bot.sent  # the first was not sent again
    assert second.reply_to == first.message_id  # the retry replied to the one already sent


def test_429_waits_as_long_as_telegram_says(tg_desk: Desk, bot: FakeBotApi) -> None:
    bot.script(refuse(429, "Too Many Requests: retry after 1", retry_after=1))
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.SENT, delivery.last_error
    assert delivery.attempts == 2 and len(bot.sent) == 1


def test_a_wrong_token_is_permanent_names_the_command_and_never_the_token(
    tg_desk: Desk, bot: FakeBotApi
) -> None:
    tg_desk.channels.set_channel_secret("news", "bot_token", "999:not-the-token")
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.FAILED
    assert "`statusdesk channel secret news bot_token`" in (delivery.last_error or "")
    assert "999:not-the-token" not in (delivery.last_error or "") and bot.sent == []


def test_a_message_in_doubt_goes_to_a_person_not_out_again(tg_desk: Desk, bot: FakeBotApi) -> None:
    bot.script(Fault("reset"))  # the request arrived; the answer never came
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.NEEDS_DECISION, delivery.state
    assert "Look at the chat" in (delivery.last_error or "")
    assert bot.sent == []  # (the fake dropped it) and nothing was sent blindly again
    assert TOKEN not in (delivery.last_error or "")


def test_settings_are_checked_and_channel_test_publishes_nothing(
    home: Path,
    bot: FakeBotApi,
    memory_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ("--home", str(home))
    bad = call(capsys, *base, "channel", "add", "telegram", "x", "--set", "chat_id=acme status")
    assert bad.code == 3 and "chat_id must be the channel's @username" in bad.stderr
    plain = call(
        capsys, *base, "channel", "add", "telegram", "y", "--set", f"chat_id={CHAT}",
        "--set", "base_url=http://api.telegram.example.com",
    )  # fmt: skip
    assert plain.code == 3 and "base_url must be an https:// address" in plain.stderr
    added = call(
        capsys, *base, "channel", "add", "telegram", "news", "--set", f"chat_id={CHAT}",
        "--set", f"base_url={bot.url}",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    with Desk(home) as desk:
        desk.channels.set_channel_secret("news", "bot_token", TOKEN)
    tested = call(capsys, *base, "channel", "test", "news")
    assert tested.code == 0, tested.stderr
    assert tested.lines == [
        "news: authenticated as @acme_status_bot; the bot can see Acme status; nothing was sent"
    ]
    assert bot.calls == ["getMe", "getChat"] and bot.sent == []
    assert TOKEN not in tested.stdout + tested.stderr


def test_no_answer_in_time_is_in_doubt_too(tg_desk: Desk, bot: FakeBotApi) -> None:
    bot.script(Fault("hang"))  # the request arrived; no answer within the read timeout
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.NEEDS_DECISION, delivery.state
    assert TOKEN not in (delivery.last_error or "")


def test_an_unknown_chat_is_permanent_and_says_to_check_the_chat_id(
    tg_desk: Desk, bot: FakeBotApi
) -> None:
    tg_desk.channels.edit_channel("news", {"chat_id": "@someone_else"})
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.FAILED
    assert "Telegram knows no chat @someone_else" in (delivery.last_error or "")
    assert "chat_id setting" in (delivery.last_error or "")


def test_a_message_refused_as_too_long_fails_and_says_to_shorten_it(
    tg_desk: Desk, bot: FakeBotApi
) -> None:
    """Telegram's own count is the last word (entities, a future change of its limit): its 400
    "message is too long" is a refusal a person fixes, not something to retry."""
    bot.script(refuse(400, "Bad Request: message is too long"))
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.FAILED
    assert delivery.attempts == 1 and bot.sent == []
    assert "Telegram refused the message as too long" in (delivery.last_error or "")
    assert "Shorten the update" in (delivery.last_error or "")


def test_server_errors_without_a_description_are_retried_and_sent_once(
    tg_desk: Desk, bot: FakeBotApi
) -> None:
    bot.script(Fault("answer", 503, {}), Fault("answer", 500, {}))
    delivery = publish(tg_desk)
    assert delivery.state == DeliveryState.SENT, delivery.last_error
    assert delivery.attempts == 3 and len(bot.sent) == 1
