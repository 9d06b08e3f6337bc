"""The Telegram channel (kind `telegram`): an update as a message to a channel or group, through
the Bot API's `sendMessage` (issue #15).

    statusdesk channel add telegram news --set chat_id=@acme_status
    statusdesk channel secret news bot_token

What goes out: per language "<b>[State] title</b>" and the body, HTML-escaped (`parse_mode`
HTML: nothing a user wrote is ever read as markup). With `language=both` the two go as one
message when they fit Telegram's 4,096 characters (counted, as Telegram does, in UTF-16 code
units of the text without its markup), else as two, the second replying to the first
(`reply_parameters`). One language that no message holds is refused before publishing. With
`thread=incident` (the default) an update's first message replies to the incident's last one in
the chat (channels/threads.py).

Each message is a part of the delivery's ledger (`sending` before, `sent` with its message id
after), so a retry resumes at the first message not sent. The Bot API has no idempotency key and
no way to list what a bot sent: a message whose fate is unknown (a timeout after sending, a
connection broken mid-answer) cannot be looked for, so it goes to a person (`needs_decision`)
instead of being sent blindly again.

The bot token sits in the request's path (`/bot<token>/sendMessage`): no message this channel
writes names the URL, and what the server answers passes `redact` before it is kept.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels import http, tested
from statusdesk.channels.base import (
    Ambiguous,
    ChannelContext,
    ChannelError,
    PartLedger,
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    Transient,
    channel_says,
)
from statusdesk.channels.posts import Budget, SecretReader, channel_languages
from statusdesk.channels.targets import HTTPS_BASE_URL, ThreadSessions, is_loopback
from statusdesk.channels.threads import (
    Post,
    ReplyGone,
    ReplyTo,
    ThreadSender,
    UsualService,
    thread_problems,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.redact import redact

DEFAULT_BASE_URL = "https://api.telegram.org"

# What statusdesk says around Telegram's answer (context "Delivery": the desk reads a stored
# delivery error back into these, delivery/failures.py, and says it in its language; Telegram's
# own words, {reason} and {said}, stay as they came).
_TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Telegram refused the bot token ({reason}). Set the token @BotFather gave with "
    "`statusdesk channel secret {channel} bot_token`.",
)
_REPLY_REFUSED = QT_TRANSLATE_NOOP("Delivery", "{channel}: Telegram refused the reply ({reason}).")
_NO_CHAT = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Telegram knows no chat {chat} ({said}). Check the chat_id setting, and that the "
    "bot was added to the chat.",
)
_TOO_LONG = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Telegram refused the message as too long ({reason}). Shorten the update (a "
    "message holds 4,096 characters as Telegram counts them), then retry this delivery.",
)
_MAY_NOT_POST = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the bot may not post in {chat} ({said}). Add it to the channel as an "
    "administrator allowed to post.",
)
_REFUSED = QT_TRANSLATE_NOOP("Delivery", "{channel}: Telegram refused the message ({reason}).")
_CANNOT_ASK = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Telegram cannot be asked whether a message arrived (the Bot API keeps no list of "
    "what a bot sent). Look at the chat: if the update is there, skip this delivery; if not, "
    "retry it",
)
MAX_UNITS = 4096  # Telegram's limit for a message's text, in UTF-16 code units
SECRETS = ("bot_token",)
_CHAT_ID = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$")


_MARKUP = re.compile(r"<[^>]*>")


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def visible(markup: str) -> str:
    """A message's text as Telegram counts it: the HTML this channel wrote, without its tags
    and with its entities read (a user's "<" was escaped, so every tag is the channel's)."""
    return html.unescape(_MARKUP.sub("", markup))


def settings_problems(settings: dict[str, Any]) -> list[str]:
    """What is wrong with a Telegram channel's settings, in words a user can act on."""
    problems = []
    chat = str(settings.get("chat_id", "")).strip()
    if not _CHAT_ID.match(chat):
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "chat_id must be the channel's @username or its numeric id (got {got}); e.g. "
                "--set chat_id=@acme_status or --set chat_id=-1001234567890",
            ).format(got=repr(chat))
        )
    url = str(settings.get("base_url", DEFAULT_BASE_URL))
    parts = urlsplit(url)
    local = parts.scheme == "http" and is_loopback(parts.hostname or "")
    if (parts.scheme != "https" and not local) or not parts.netloc or parts.query:
        problems.append(HTTPS_BASE_URL.format(got=repr(url), default=DEFAULT_BASE_URL))
    return problems + thread_problems(settings)


class TelegramChannel:
    kind = "telegram"
    min_interval = 1.0  # Telegram allows a bot about one message a second in a chat

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self.name = config.name
        self._sessions = ThreadSessions()

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        problems = [
            Problem("channels", channel_says(self.name, message))
            for message in settings_problems(self.config.settings)
        ]
        for lang, text in self._texts(update, incident):
            units = utf16_units(text)
            if units > MAX_UNITS:
                problems.append(
                    Problem(
                        f"body_{lang}",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "{name}: the {language} message is {units:,} characters as Telegram "
                            "counts them; a message holds {limit:,}. Shorten it.",
                        ).format(name=self.name, language=lang, units=units, limit=MAX_UNITS),
                    )
                )
        if "bot_token" not in self.config.settings.get("secret_keys", []):
            problems.append(
                Problem(
                    "channels",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{name}: its bot token is not set yet. Set it with "
                        "`statusdesk channel secret {name} bot_token`.",
                    ).format(name=self.name),
                )
            )
        return problems

    def render(self, update: Update, incident: Incident) -> Rendered:
        texts = self._texts(update, incident)
        plain = "\n\n".join(text for _, text in texts)
        if len(texts) > 1 and utf16_units(plain) <= MAX_UNITS:
            html_text = "\n\n".join(self._html(update, incident, lang) for lang, _ in texts)
            return Rendered(update.id, incident.id, (RenderedPart("both", html_text, "text/html"),))
        parts = tuple(
            RenderedPart(lang, self._html(update, incident, lang), "text/html") for lang, _ in texts
        )
        return Rendered(update.id, incident.id, parts)

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        return self._thread().send(rendered, key, ledger)

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        return self._thread().reconcile(key, ledger)

    def _thread(self) -> ThreadSender:
        return ThreadSender(
            self.name, self.config.settings, self.context, lambda: _TelegramThread(self), _receipt
        )

    def test(self) -> str:
        bot = self._call("getMe", {})
        chat = self._call("getChat", {"chat_id": self._chat_id()})
        title = chat.get("title") or chat.get("username") or chat.get("id")
        said = tested.TELEGRAM.format(channel=self.name, bot=bot.get("username", "?"), chat=title)
        return redact(said)

    def budget(self, part: RenderedPart) -> Budget:
        """A message's room as Telegram counts it: UTF-16 code units of the text without its
        markup (an emoji outside the BMP is 2), out of 4,096."""
        return Budget(utf16_units(visible(part.text)), MAX_UNITS, "characters")

    # -- helpers ------------------------------------------------------------------------------

    def _title(self, update: Update, incident: Incident, lang: str) -> str:
        state = update.state.value.replace("_", " ").capitalize()
        title = incident.title.get(lang) or incident.title.en or incident.title.ar
        return f"[{state}] {title}"

    def _texts(self, update: Update, incident: Incident) -> list[tuple[str, str]]:
        """Each language's text as Telegram counts it (without markup)."""
        return [
            (lang, f"{self._title(update, incident, lang)}\n{update.body.get(lang)}")
            for lang in channel_languages(self.config, update)
        ]

    def _html(self, update: Update, incident: Incident, lang: str) -> str:
        title = html.escape(self._title(update, incident, lang), quote=False)
        return f"<b>{title}</b>\n{html.escape(update.body.get(lang), quote=False)}"

    def _chat_id(self) -> str:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.name}: {problems[0]}.")
        return str(self.config.settings["chat_id"]).strip()

    def _message_url(self, message_id: str) -> str | None:
        chat = str(self.config.settings.get("chat_id", ""))
        return f"https://t.me/{chat[1:]}/{message_id}" if chat.startswith("@") else None

    def _send_message(self, text: str, reply_to: str | None, *, anchor: bool = False) -> str:
        body: dict[str, Any] = {
            "chat_id": self._chat_id(),
            "text": text,
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        if reply_to is not None:
            # Within an update, a deleted first message: still post. A reply to the incident's
            # earlier message must know it is gone (the thread sender starts a new thread).
            body["reply_parameters"] = {
                "message_id": int(reply_to),
                "allow_sending_without_reply": not anchor,
            }
        result = self._call("sendMessage", body)
        return str(result.get("message_id", ""))

    def _call(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        """One Bot API call; its `result`, or the channel error its failure means. No message
        names the URL: the token is in it."""
        base = str(self.config.settings.get("base_url", DEFAULT_BASE_URL)).rstrip("/")
        token = SecretReader(self.name, self.context.secrets).required("bot_token")
        host = http.host_of(base)
        try:
            response = self._sessions.get().post(
                f"{base}/bot{token}/{method}",
                data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                headers={"Content-Type": "application/json", "User-Agent": "statusdesk"},
                timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT),
                allow_redirects=False,
            )
        except Exception as exc:
            error = http.translate_error(self.name, base, exc)
            raise _without(error, token) from None
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.status_code == 200 and answer.get("ok"):
            result = answer.get("result")
            return result if isinstance(result, dict) else {}
        said = redact(str(answer.get("description") or response.reason or "")).replace(
            token, "[redacted]"
        )
        code = response.status_code
        if code == 429 or code >= 500:
            wait = (answer.get("parameters") or {}).get("retry_after")
            seconds = float(wait) if isinstance(wait, int | float) else None
            answered = {"channel": self.name, "host": host, "reason": f"{code} ({said})"}
            if seconds is None:
                raise Transient(http.ANSWERED.format(**answered), seconds)
            told = http.ANSWERED_WAIT.format(**answered, seconds=f"{seconds:.0f}")
            raise Transient(told, seconds)
        refused = {"channel": self.name, "reason": f"{code} {said}"}
        chat = self.config.settings.get("chat_id")
        if code in (401, 404):
            raise Permanent(_TOKEN_REFUSED.format(**refused))
        if code == 400 and "message to be replied not found" in said.lower():
            raise ReplyGone(_REPLY_REFUSED.format(**refused))
        if "chat not found" in said.lower():
            raise Permanent(_NO_CHAT.format(channel=self.name, chat=chat, said=said))
        if code in (400, 413) and "too long" in said.lower():
            raise Permanent(_TOO_LONG.format(**refused))
        if code == 403:
            raise Permanent(_MAY_NOT_POST.format(channel=self.name, chat=chat, said=said))
        raise Permanent(_REFUSED.format(**refused))


class _TelegramThread(UsualService):
    """Telegram's calls for the shared thread sender (channels/threads.py)."""

    def __init__(self, channel: TelegramChannel) -> None:
        self.channel = channel

    def post(self, seq: int, part: RenderedPart, reply: ReplyTo | None) -> Post:
        parent = reply.parent.id if reply is not None else None
        anchor = reply is not None and reply.anchor
        message_id = self.channel._send_message(part.text, parent, anchor=anchor)
        return Post(message_id, self.channel._message_url(message_id))

    def find(
        self,
        part: RenderedPart,
        record: PartRecord,
        total: int,
        reply_to: str | None,
        since: datetime,
    ) -> Post | None:
        raise Ambiguous(_CANNOT_ASK.format(channel=self.channel.name))


def _receipt(rendered: Rendered, parts: dict[int, PartRecord]) -> Receipt:
    first = parts.get(1)
    return Receipt(
        remote_id=",".join(p.remote_id or "" for _, p in sorted(parts.items())),
        remote_url=first.remote_url if first is not None else None,
    )


def _without(error: Exception, token: str) -> Exception:
    """The same channel error with the token taken out of its words (an exception's text may
    quote the URL it was raised for)."""
    if not isinstance(error, ChannelError):
        return error
    cause = redact(error.cause).replace(token, "[redacted]")
    if isinstance(error, Transient):
        return Transient(cause, error.retry_after, then=error.then)
    return type(error)(cause, then=error.then)
