"""The X channel (kind `x`): an update as a post, or as a thread, through the X API v2.

What goes out: per language "<title> — <state>" and the body. With `language=both` the two go
as one post when they fit in 280 (weighted, ARCHITECTURE §6), else as a thread, the first language
(`order`) then the other as a reply. A text longer than a post becomes a numbered thread
("1/3 …", see thread.py) unless `split=off`. A custom post text for the update
(`update_override`) replaces the generated one. With `thread=incident` (the default) an update's
first post replies to the incident's last post on this channel (channels/threads.py, which holds
the send and reconcile loop X shares with Mastodon and Telegram).

Each post is one part of the delivery's ledger: `sending` before it leaves, `sent` with its id
and URL after, so a retry resumes at the first post not sent and replies to the last one that
was. X has no idempotency key: a post whose fate is unknown (a timeout, or X's 403 "duplicate
content") is looked for among the account's recent posts before anything is sent again.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels import tested
from statusdesk.channels.base import (
    ChannelContext,
    ChannelError,
    PartLedger,
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    channel_says,
)
from statusdesk.channels.posts import (
    Budget,
    SecretReader,
    Unfit,
    as_posts,
    channel_languages,
    language_block,
    split_part,
    thread_receipt,
)
from statusdesk.channels.targets import HTTPS_BASE_URL, ThreadSessions
from statusdesk.channels.threads import (
    NotOurs,
    Post,
    ReplyTo,
    ThreadSender,
    UsualService,
    failure_text,
    in_doubt,
    thread_problems,
)
from statusdesk.channels.x.api import (
    DEFAULT_BASE_URL,
    Account,
    Authorizer,
    Duplicate,
    XApi,
    status_url,
)
from statusdesk.channels.x.auth import (
    OAUTH1_SECRETS,
    OAUTH2_OPTIONAL,
    OAUTH2_SECRETS,
    OAuth1Authorizer,
    OAuth2Authorizer,
    needed_secrets,
)
from statusdesk.channels.x.lookup import override_text
from statusdesk.channels.x.matching import find_post
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update
from statusdesk.core.text.bidi import is_rtl
from statusdesk.core.text.sanitize import clean
from statusdesk.core.text.weighted import MAX_WEIGHTED_LENGTH, weighted_length
from statusdesk.core.words import QT_TRANSLATE_NOOP

AUTH_MODES = ("oauth1", "oauth2")
SPLIT_MODES = ("on", "off")
SECRETS = OAUTH1_SECRETS + OAUTH2_SECRETS + OAUTH2_OPTIONAL
LOOPBACK = ("127.0.0.1", "localhost", "::1")
# Marks on a part's ledger error: X refused it as a duplicate (not yet looked for), and X
# refused it as a duplicate that is not ours (looked for; the text's digest follows).
DUPLICATE_MARK = "duplicate content"
REFUSED_MARK = "refused as a duplicate of an older post"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def settings_problems(settings: dict[str, Any]) -> list[str]:
    """What is wrong with an X channel's settings, in words a user can act on."""
    problems = []
    auth = settings.get("auth", "oauth1")
    if auth not in AUTH_MODES:
        problems.append(
            QT_TRANSLATE_NOOP("Problems", "auth must be oauth1 or oauth2 (got {got})").format(
                got=repr(auth)
            )
        )
    url = str(settings.get("base_url", DEFAULT_BASE_URL))
    parts = urlsplit(url)
    local = parts.scheme == "http" and parts.hostname in LOOPBACK
    if (parts.scheme != "https" and not local) or not parts.netloc or parts.query:
        problems.append(HTTPS_BASE_URL.format(got=repr(url), default=DEFAULT_BASE_URL))
    split = settings.get("split", "on")
    if split not in SPLIT_MODES:
        problems.append(
            QT_TRANSLATE_NOOP("Problems", "split must be on or off (got {got})").format(
                got=repr(split)
            )
        )
    return problems + thread_problems(settings)


class XChannel:
    kind = "x"
    # X takes bursts (a thread's posts go out back to back within one attempt); a quarter of a
    # second between attempts keeps two updates published together from racing each other.
    min_interval = 0.25

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self._sessions = ThreadSessions()  # a guarded requests.Session per worker thread
        self._account: Account | None = None

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def auth_mode(self) -> str:
        return str(self.config.settings.get("auth", "oauth1"))

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        problems = [
            Problem("settings", channel_says(self.name, message))
            for message in settings_problems(self.config.settings)
        ]
        have = set(self.config.settings.get("secret_keys", []))
        missing = [key for key in needed_secrets(self.auth_mode) if key not in have]
        if missing:
            needs = (
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name}: X ({auth}) needs the secret {which}, not set yet. Set it with "
                    "`statusdesk channel secret {name} {first}`.",
                )
                if len(missing) == 1
                else QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name}: X ({auth}) needs the secrets {which}, not set yet. Set each with "
                    "`statusdesk channel secret {name} {first}` (and so on).",
                )
            )
            problems.append(
                Problem(
                    "channels",
                    needs.format(
                        name=self.name,
                        auth=self.auth_mode,
                        which=", ".join(missing),
                        first=missing[0],
                    ),
                )
            )
        try:
            self.posts(update, incident)
        except Unfit as exc:
            problems.append(Problem(exc.field, str(exc)))
        return problems

    def render(self, update: Update, incident: Incident) -> Rendered:
        try:
            parts = self.posts(update, incident)
        except Unfit as exc:
            raise Permanent(str(exc)) from exc
        return Rendered(update.id, incident.id, tuple(parts))

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        return self._thread().send(rendered, key, ledger)

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        return self._thread().reconcile(key, ledger)

    def test(self) -> str:
        account = self._api().me()
        return tested.X.format(
            channel=self.name, username=account.username, name=account.name, mode=self.auth_mode
        )

    # -- what goes out --------------------------------------------------------------------------

    def budget(self, part: RenderedPart) -> Budget:
        """A post's room as X counts it: twitter-text's weighted length, out of 280."""
        return Budget(weighted_length(part.text), MAX_WEIGHTED_LENGTH, "weighted characters")

    def posts(self, update: Update, incident: Incident) -> list[RenderedPart]:
        """Exactly the posts `send` makes, in order. Raises Unfit."""
        split = self.config.settings.get("split", "on") != "off"
        custom = self._override(update)
        if custom is not None:
            language = "ar" if is_rtl(custom) else "en"
            return split_part(
                self.name,
                "custom",
                language,
                custom,
                limit=MAX_WEIGHTED_LENGTH,
                measure=weighted_length,
                split=split,
                what=QT_TRANSLATE_NOOP("Problems", "custom post text"),
            )
        languages = channel_languages(self.config, update)
        blocks = {lang: language_block(lang, update, incident) for lang in languages}
        return as_posts(
            self.name, blocks, limit=MAX_WEIGHTED_LENGTH, measure=weighted_length, split=split
        )

    def _override(self, update: Update) -> str | None:
        if not update.id or not self.config.id:
            return None  # a draft being checked has no custom text yet
        text = override_text(self.context.open_store, update.id, self.config.id)
        return clean(text) if text is not None else None

    # -- one thread per incident ---------------------------------------------------------------

    def _thread(self) -> ThreadSender:
        return ThreadSender(
            self.name, self.config.settings, self.context, lambda: _XThread(self), thread_receipt
        )

    def _me(self, api: XApi) -> Account:
        if self._account is None:
            self._account = api.me()
        return self._account

    # -- plumbing -------------------------------------------------------------------------------

    def _base_url(self) -> str:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.name}: {problems[0]}.")
        return str(self.config.settings.get("base_url", DEFAULT_BASE_URL)).rstrip("/")

    def _api(self) -> XApi:
        base_url = self._base_url()
        session = self._sessions.get()
        reader = SecretReader(self.name, self.context.secrets)
        authorizer: Authorizer
        if self.auth_mode == "oauth2":
            cache_key = (str(self.context.home), self.name, base_url)
            authorizer = OAuth2Authorizer(reader, base_url, session, self.context.now, cache_key)
        else:
            authorizer = OAuth1Authorizer(reader)
        return XApi(self.name, base_url, session, authorizer, self.context.now)


class _XThread(UsualService):
    """X's calls for the shared thread sender (channels/threads.py)."""

    def __init__(self, channel: XChannel) -> None:
        self.channel = channel
        self.api = channel._api()

    def post(self, seq: int, part: RenderedPart, reply: ReplyTo | None) -> Post:
        made = self.api.create_post(part.text, reply.parent.id if reply is not None else None)
        return Post(made.id, status_url(made.id))

    def before(self, part: RenderedPart, record: PartRecord | None) -> None:
        refused = f"{REFUSED_MARK} {_digest(part.text)}: "
        if record is not None and (record.error or "").startswith(refused):
            # Looked for and not ours: posting it again would only be refused again. A
            # retry after the text was changed (a custom post text) goes out.
            raise Permanent((record.error or "")[len(refused) :])

    def failure(self, part: RenderedPart, error: ChannelError) -> str | None:
        if isinstance(error, Duplicate):
            return f"{DUPLICATE_MARK}: {error}"
        if isinstance(error, NotOurs):
            return f"{REFUSED_MARK} {_digest(part.text)}: {error}"
        return failure_text(part, error)

    def in_doubt(self, record: PartRecord) -> bool:
        return in_doubt(record) or (record.error or "").startswith(DUPLICATE_MARK)

    def find(
        self,
        part: RenderedPart,
        record: PartRecord,
        total: int,
        reply_to: str | None,
        since: datetime,
    ) -> Post | None:
        account = self.channel._me(self.api)
        ours, older = find_post(self.api.recent_posts(account.id), part.text, reply_to, since)
        if ours is not None:
            return Post(ours.id, status_url(ours.id))
        if not (record.error or "").startswith(DUPLICATE_MARK):
            return None  # it did not land: sent again on the next attempt
        where = f" (post {older.id} of {older.created_at})" if older is not None else ""
        raise NotOurs(
            f"{self.channel.name}: X refuses post {record.seq} of {total} as a duplicate of an "
            f"earlier post with the same text{where}, and no post with it is among the "
            "account's recent posts since this update was published. Give this update a custom "
            "post text and retry, or skip this delivery."
        )
