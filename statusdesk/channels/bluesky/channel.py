"""The Bluesky channel (kind `bluesky`): an update as a post, or as a thread of posts, through
the account's PDS (issue #15).

    statusdesk channel add bluesky sky --set handle=acme.bsky.social
    statusdesk channel secret sky app_password        # bsky.app → Settings → App passwords

What goes out: per language "<title> — <state>" and the body. With `language=both` the two go as
one post when they fit (300 graphemes, 3,000 bytes; text.py), else as a thread: the first
language (`order`) then the other as a reply. A language longer than a post becomes a numbered
thread ("1/3 …", x/thread.py with Bluesky's count). Each post carries `langs` (a post with both:
both, in the channel's order) and a link facet, on UTF-8 byte offsets, for every http(s) link.

Each post is one part of the delivery's ledger (`sending` before, `sent` with its at:// uri and
bsky.app address after). Its record key is derived from the delivery's key, time and the part's
number (text.record_key), the same on every attempt: the PDS refuses a second record at a key,
so a retry cannot post twice, and after an ambiguous attempt a `getRecord` at the key tells
exactly whether the post landed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
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
from statusdesk.channels.bluesky.account import Account, same_post
from statusdesk.channels.bluesky.api import (
    SESSION_KEYS,
    SessionKeeper,
    StrongRef,
    XrpcClient,
)
from statusdesk.channels.bluesky.text import (
    MAX_BYTES,
    MAX_GRAPHEMES,
    graphemes,
    link_facets,
    post_length,
    record_key,
    utf8_length,
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
    ReplyGone,
    ReplyTo,
    ThreadSender,
    UsualService,
    thread_problems,
)
from statusdesk.channels.x.lookup import delivery_by_key
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Order, Problem, Update
from statusdesk.core.timefmt import parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP

DEFAULT_PDS = "https://bsky.social"
SECRETS = ("app_password",)
# Written by the channel itself (the session); deleted with the channel, never asked of a user.
KEPT_SECRETS = SESSION_KEYS
# A handle is a domain name (acme.bsky.social, status.acme.com); a DID names the account too.
_HANDLE = re.compile(
    r"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+"
    r"[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$"
)
_DID = re.compile(r"^did:(plc|web):[a-zA-Z0-9._:%-]{1,2040}$")
_UNDATED = datetime(2024, 1, 1, tzinfo=UTC)  # record keys of a delivery the store cannot date


def settings_problems(settings: dict[str, Any]) -> list[str]:
    """What is wrong with a Bluesky channel's settings, in words a user can act on."""
    problems = []
    handle = str(settings.get("handle") or "").strip()
    if not (_HANDLE.match(handle) or _DID.match(handle)):
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "handle must be the account's handle without the @, such as acme.bsky.social or "
                "status.acme.com (got {got})",
            ).format(got=repr(handle))
        )
    url = str(settings.get("pds", DEFAULT_PDS))
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        parts, host = urlsplit(""), ""
    local = parts.scheme == "http" and bool(host) and is_loopback(host)
    if (parts.scheme != "https" and not local) or not host or parts.query or parts.fragment:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "pds must be the account's server as an https:// address (got {got}; http:// "
                "only for a test server on this machine); the default is {default}",
            ).format(got=repr(url), default=DEFAULT_PDS)
        )
    return problems + thread_problems(settings)


def post_url(uri: str) -> str | None:
    """at://did/app.bsky.feed.post/rkey → its address on bsky.app."""
    parts = uri.removeprefix("at://").split("/")
    if len(parts) != 3 or not uri.startswith("at://"):
        return None
    return f"https://bsky.app/profile/{parts[0]}/post/{parts[2]}"


def created_at(moment: datetime) -> str:
    """The lexicon's datetime: RFC 3339 in UTC with milliseconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class BlueskyChannel:
    kind = "bluesky"
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
        if "app_password" not in set(self.config.settings.get("secret_keys", [])):
            problems.append(
                Problem(
                    "channels",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{name}: Bluesky needs the secret app_password, not set yet. Make one at "
                        "bsky.app → Settings → Privacy and security → App passwords, then store "
                        "it with `statusdesk channel secret {name} app_password`.",
                    ).format(name=self.name),
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
        return self._thread(key).send(rendered, key, ledger)

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        return self._thread(key).reconcile(key, ledger)

    def test(self) -> str:
        account = self._account()
        described = account.describe()
        session = account.session
        handle = described.get("handle") or (session.handle if session else "")
        did = described.get("did") or (session.did if session else "")
        return tested.BLUESKY.format(
            channel=self.name, handle=handle, did=did, host=account.client.host
        )

    def budget(self, part: RenderedPart) -> Budget:
        """Graphemes of 300; the bytes of 3,000 instead when those are what overflows."""
        size = utf8_length(part.text)
        if size > MAX_BYTES:
            return Budget(size, MAX_BYTES, "bytes")
        return Budget(graphemes(part.text), MAX_GRAPHEMES, "graphemes")

    # -- one thread per incident ---------------------------------------------------------------

    def _thread(self, key: str) -> ThreadSender:
        return ThreadSender(
            self.name,
            self.config.settings,
            self.context,
            lambda: _BlueskyThread(self, key),
            thread_receipt,
        )

    def _record(
        self, part: RenderedPart, parent: StrongRef | None, root: StrongRef | None
    ) -> dict[str, Any]:
        """The post's record; `parent` and `root` make it a reply in a thread."""
        record: dict[str, Any] = {
            "$type": "app.bsky.feed.post",
            "text": part.text,
            "createdAt": created_at(self.context.now()),
            "langs": self._langs(part),
        }
        facets = link_facets(part.text)
        if facets:
            record["facets"] = facets
        if parent is not None:
            record["reply"] = {"root": (root or parent).as_json(), "parent": parent.as_json()}
        return record

    def _langs(self, part: RenderedPart) -> list[str]:
        if part.language in ("en", "ar"):
            return [part.language]
        return ["ar", "en"] if self.config.order == Order.AR_FIRST else ["en", "ar"]

    # -- what goes out --------------------------------------------------------------------------

    def posts(self, update: Update, incident: Incident) -> list[RenderedPart]:
        """Exactly the posts `send` makes, in order. Raises Unfit."""
        languages = channel_languages(self.config, update)
        blocks = {lang: language_block(lang, update, incident) for lang in languages}
        return as_posts(self.name, blocks, limit=MAX_GRAPHEMES, measure=post_length)

    # -- plumbing -------------------------------------------------------------------------------

    def _settings(self) -> tuple[str, str]:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.name}: {problems[0]}.")
        handle = str(self.config.settings["handle"]).strip()
        return handle, str(self.config.settings.get("pds", DEFAULT_PDS)).rstrip("/")

    def _account(self) -> Account:
        handle, pds = self._settings()
        client = XrpcClient(self.name, pds, self._sessions.get(), self.context.now)
        reader = SecretReader(self.name, self.context.secrets)
        return Account(client, SessionKeeper(client, reader, handle, str(self.context.home)))

    def _made(self, key: str) -> datetime:
        """When the delivery was made: the time in its posts' record keys."""
        sent = delivery_by_key(self.context.open_store, key)
        if sent is not None:
            return parse_iso(sent.created_at)
        return _UNDATED + timedelta(seconds=sum(key.encode()) % 86_400)


class _BlueskyThread(UsualService):
    """Bluesky's calls for the shared thread sender (channels/threads.py). A reply names its
    parent and the thread's root by uri and cid: a post made by this channel carries its cid
    (`Post.refs`), one read back from the ledger or the store is looked up at its record key.
    The PDS does not refuse a reply to a post that is gone, so the incident's earlier post is
    looked up before it is replied to."""

    def __init__(self, channel: BlueskyChannel, key: str) -> None:
        self.channel = channel
        self.key = key
        self.account = channel._account()
        self.made = channel._made(key)

    def post(self, seq: int, part: RenderedPart, reply: ReplyTo | None) -> Post:
        parent = root = None
        if reply is not None:
            parent = self._ref(reply.parent, reply.anchor)
            # The incident's thread is gone when its first post is, even if its last is not.
            same = reply.root.id == reply.parent.id
            root = parent if same else self._ref(reply.root, reply.anchor)
        record = self.channel._record(part, parent, root)
        ref = self.account.post(record_key(self.key, seq, self.made), record)
        return Post(ref.uri, post_url(ref.uri), {"cid": ref.cid})

    def _ref(self, post: Post, anchor: bool) -> StrongRef:
        cid = post.refs.get("cid")
        if cid and not anchor:
            return StrongRef(post.id, str(cid))
        found = (
            self.account.get(post.id.rsplit("/", 1)[-1]) if post.id.startswith("at://") else None
        )
        if found is None or found.uri != post.id:
            if anchor:
                raise ReplyGone(f"{self.channel.name}: the post {post.id} is gone")
            raise Permanent(
                f"{self.channel.name}: the post {post.id} is gone from the account (deleted "
                "since it was posted), so the rest of the thread cannot reply to it. Skip this "
                "delivery, or post the rest by hand."
            )
        return StrongRef(found.uri, found.cid)

    def find(
        self,
        part: RenderedPart,
        record: PartRecord,
        total: int,
        reply_to: str | None,
        since: datetime,
    ) -> Post | None:
        """Exact: a getRecord at the part's record key."""
        found = self.account.get(record_key(self.key, record.seq, self.made))
        if found is None:
            return None  # it did not land: the next attempt sends it, at the same key
        same_post(self.channel.name, found, {"text": part.text})
        return Post(found.uri, post_url(found.uri), {"cid": found.cid})
