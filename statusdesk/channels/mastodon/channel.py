"""The Mastodon channel (kind `mastodon`): an update as a status, or as a thread of statuses.

What goes out: per language "<title> — <state>" and the body. With `language=both` the two go
as one status when they fit in the instance's limit (`GET /api/v2/instance`, 500 when it does
not say; links count 23), else as a thread: the first language (`order`) then the other as a
reply. A language longer than a status becomes a numbered thread ("1/3 …", x/thread.py with
Mastodon's count). Each status carries `language` (a status with both: the first one's). With
`thread=incident` (the default) an update's first status replies to the incident's last status
on this channel (channels/threads.py).

Each status is one part of the delivery's ledger: `sending` before it leaves, `sent` with its id
and URL after, so a retry resumes at the first status not sent. Each goes with Mastodon's own
`Idempotency-Key`, `<delivery key>/<part>`, the same on every retry: Mastodon answers a repeated
key (for an hour) with the status it made the first time. After an ambiguous attempt the
account's recent statuses are looked through before anything is sent again.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels import tested
from statusdesk.channels.base import (
    ChannelContext,
    PartLedger,
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    channel_says,
)
from statusdesk.channels.mastodon.api import (
    Limits,
    MastodonApi,
    Status,
    cached_limits,
    length,
    remember_limits,
)
from statusdesk.channels.posts import (
    Budget,
    SecretReader,
    Unfit,
    as_posts,
    channel_languages,
    language_block,
    thread_receipt,
)
from statusdesk.channels.targets import ThreadSessions, is_loopback
from statusdesk.channels.threads import (
    Post,
    ReplyTo,
    ThreadSender,
    UsualService,
    thread_problems,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Order, Problem, Update
from statusdesk.core.timefmt import parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP

SECRETS = ("access_token",)
VISIBILITIES = ("public", "unlisted")
CLOCK_SLACK = timedelta(minutes=10)  # our clock and the instance's need not agree


def settings_problems(settings: dict[str, Any]) -> list[str]:
    """What is wrong with a Mastodon channel's settings, in words a user can act on."""
    problems = []
    url = str(settings.get("base_url") or "")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        parts, host = urlsplit(""), ""
    local = parts.scheme == "http" and bool(host) and is_loopback(host)
    if (parts.scheme != "https" and not local) or not host or parts.query:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "base_url must be the instance's https:// address, such as "
                "https://mastodon.social (got {got}; http:// only for a test server on this "
                "machine)",
            ).format(got=repr(url))
        )
    visibility = settings.get("visibility", "public")
    if visibility not in VISIBILITIES:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems", "visibility must be public or unlisted (got {got})"
            ).format(got=repr(visibility))
        )
    return problems + thread_problems(settings)


def idempotency_key(key: str, seq: int) -> str:
    return f"{key}/{seq}"


class MastodonChannel:
    kind = "mastodon"
    min_interval = 0.25

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self._sessions = ThreadSessions()

    @property
    def name(self) -> str:
        return self.config.name

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        problems = [
            Problem("settings", channel_says(self.name, message))
            for message in settings_problems(self.config.settings)
        ]
        if "access_token" not in set(self.config.settings.get("secret_keys", [])):
            problems.append(
                Problem(
                    "channels",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{name}: Mastodon needs the secret access_token, not set yet. Set it "
                        "with `statusdesk channel secret {name} access_token`.",
                    ).format(name=self.name),
                )
            )
        try:  # the instance's limit when known already; never the network here
            self.posts(update, incident, self._limits(fetch=False))
        except Unfit as exc:
            problems.append(Problem(exc.field, str(exc)))
        return problems

    def render(self, update: Update, incident: Incident) -> Rendered:
        try:
            parts = self.posts(update, incident, self._limits(fetch=True))
        except Unfit as exc:
            raise Permanent(str(exc)) from exc
        return Rendered(update.id, incident.id, tuple(parts))

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        return self._thread(key).send(rendered, key, ledger)

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        return self._thread(key).reconcile(key, ledger)

    def test(self) -> str:
        api = self._api()
        account = api.me()
        return tested.MASTODON.format(channel=self.name, account=account.acct, host=api.host)

    # -- what goes out --------------------------------------------------------------------------

    def budget(self, part: RenderedPart) -> Budget:
        """A status's room as Mastodon counts it: characters, each link as 23, out of the
        instance's limit as last read (500 until it has been; counting never asks it)."""
        limits = self._limits(fetch=False)
        return Budget(length(part.text, limits.url_weight), limits.max_characters, "characters")

    def posts(self, update: Update, incident: Incident, limits: Limits) -> list[RenderedPart]:
        """Exactly the statuses `send` makes, in order. Raises Unfit."""
        languages = channel_languages(self.config, update)
        blocks = {lang: language_block(lang, update, incident) for lang in languages}
        return as_posts(
            self.name,
            blocks,
            limit=limits.max_characters,
            measure=lambda text: length(text, limits.url_weight),
        )

    def _language_of(self, part: RenderedPart) -> str:
        if part.language in ("en", "ar"):
            return part.language
        return "ar" if self.config.order == Order.AR_FIRST else "en"  # the first one in it

    # -- one thread per incident ---------------------------------------------------------------

    def _thread(self, key: str) -> ThreadSender:
        return ThreadSender(
            self.name,
            self.config.settings,
            self.context,
            lambda: _MastodonThread(self, key),
            thread_receipt,
        )

    # -- plumbing -------------------------------------------------------------------------------

    def _token(self) -> str:
        return SecretReader(self.name, self.context.secrets).required("access_token")

    def _base_url(self) -> str:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.name}: {problems[0]}.")
        return str(self.config.settings["base_url"]).rstrip("/")

    def _api(self) -> MastodonApi:
        return MastodonApi(
            self.name, self._base_url(), self._sessions.get(), self._token, self.context.now
        )

    def _limits(self, *, fetch: bool) -> Limits:
        if settings_problems(self.config.settings):
            return Limits()
        base_url = self._base_url()
        key = (str(self.context.home), self.name, base_url)
        known = cached_limits(key)
        if known is not None or not fetch:
            return known or Limits()
        api = MastodonApi(self.name, base_url, self._sessions.get(), self._token, self.context.now)
        return remember_limits(key, api.limits())


class _MastodonThread(UsualService):
    """Mastodon's calls for the shared thread sender (channels/threads.py). Each status goes
    with the Idempotency-Key `<delivery key>/<part>`, the same on every retry."""

    def __init__(self, channel: MastodonChannel, key: str) -> None:
        self.channel = channel
        self.key = key
        self.api = channel._api()

    def post(self, seq: int, part: RenderedPart, reply: ReplyTo | None) -> Post:
        status = self.api.post_status(
            part.text,
            idempotency_key=idempotency_key(self.key, seq),
            visibility=str(self.channel.config.settings.get("visibility", "public")),
            language=self.channel._language_of(part),
            in_reply_to_id=reply.parent.id if reply is not None else None,
        )
        return Post(status.id, status.url)

    def find(
        self,
        part: RenderedPart,
        record: PartRecord,
        total: int,
        reply_to: str | None,
        since: datetime,
    ) -> Post | None:
        # Not there: the next attempt sends it with the same Idempotency-Key, which Mastodon
        # would answer with the first status had it been made after all.
        found = find_status(self.api.recent(self.api.me().id), part.text, reply_to, since)
        return Post(found.id, found.url) if found is not None else None


# -- is this status the one we sent? ------------------------------------------------------------

_BREAK = re.compile(r"(?i)<br\s*/?>")
_PARAGRAPH = re.compile(r"(?i)</p>\s*<p[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(content: str) -> str:
    """A status's HTML `content` as its text: paragraphs and line breaks back to newlines,
    links (shortened on screen by invisible spans) whole again, entities unescaped."""
    text = _PARAGRAPH.sub("\n\n", content)
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text))


def comparable(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def find_status(
    statuses: list[Status], text: str, reply_to: str | None, since: Any
) -> Status | None:
    """The status with this text made since `since` (replying to `reply_to` when given)."""
    wanted = comparable(text)
    for status in statuses:  # newest first
        if comparable(plain(status.content)) != wanted:
            continue
        if reply_to and status.in_reply_to_id != reply_to:
            continue
        if status.created_at:
            try:
                if parse_iso(status.created_at) < since - CLOCK_SLACK:
                    continue
            except ValueError:
                pass
        return status
    return None
