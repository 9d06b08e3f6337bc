"""One thread per incident (issue #15): the send and reconcile loops every posting channel
shares (X, Mastodon, Telegram; Bluesky plugs in the same way), parameterised by a
`ThreadService` — the service's own calls.

An update is one or more posts (its `Rendered` parts). With `thread=incident` (the default) the
first post of every update after the incident's first replies to the last post of the update
before it on that channel, so a reader sees the whole incident as one thread; with
`thread=update` each update starts its own. Within an update each post replies to the one
before it, as always.

Each post is one part of the delivery's ledger: `sending` before it leaves, `sent` with its id
after, so a retry resumes at the first post not sent. The first part's ledger target says what
it replies to, and a retry or a reconciliation reads it there rather than asking the store
again, so the same delivery always replies to the same post (no fork):

- "" — the first post of a new thread (`thread=update`, or the incident's first update here);
- "in reply to 123" (", in thread 100" when that is not the thread's first post) — the
  incident's earlier post;
- "new thread: the incident's earlier post 123 is gone" — the service refused the reply
  because that post was deleted or is not visible any more (`ReplyGone`); the post went out
  without it, and the delivery's receipt says so (`Receipt.note`, kept on the delivery and
  shown with it).

Where the thread stands is kept per incident and channel in the store (`store.threads`), by the
delivery's key, written right after the update's last post is sent (the ledger is another
connection, so not in the same transaction). A crash between the two leaves the delivery
`sending`, then `unknown`: its reconciliation finds every part sent and writes the anchor then.
Until it does, a next update replies to the post before (its thread has a branch, never a
lost update). A delivery made before another of the same incident and channel that is still
`pending` or `sending` waits for it (a short Transient), so two updates published together
(a scheduled one coming due beside a manual one) keep their order in the thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from statusdesk.channels.base import (
    ChannelContext,
    ChannelError,
    PartLedger,
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    Transient,
)
from statusdesk.channels.x.lookup import delivery_by_key
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP

THREAD_MODES = ("incident", "update")
WAIT_FOR_EARLIER_SECONDS = 1.0
# What statusdesk says about a thread (context "Delivery": the desk reads a delivery's stored
# error or note back into these, delivery/failures.py, and says it in its language).
_FOLLOWS = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the incident's previous update is still on its way here (delivery {delivery}); "
    "this one follows it, replying to its last post.",
)
_RIGHT_AFTER = QT_TRANSLATE_NOOP("Delivery", "Will send it right after.")
_NEW_THREAD = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: started a new thread: the incident's earlier post {post} is gone (deleted, or "
    "hidden).",
)
NEW_THREAD = "new thread: the incident's earlier post "
_REPLY = re.compile(r"^in reply to (\S+?)(?:, in thread (\S+))?$")
_GONE = re.compile(r"^new thread: the incident's earlier post (\S+) is gone")


def thread_mode(settings: dict[str, Any]) -> str:
    return str(settings.get("thread", "incident"))


def thread_problems(settings: dict[str, Any]) -> list[str]:
    """What is wrong with a posting channel's `thread` setting, in words a user can act on."""
    mode = thread_mode(settings)
    if mode not in THREAD_MODES:
        return [
            QT_TRANSLATE_NOOP(
                "Problems",
                "thread must be incident (each update replies to the incident's last post, the "
                "default) or update (each update starts a new post) (got {got})",
            ).format(got=repr(mode))
        ]
    return []


class ReplyGone(Permanent):
    """The service refused a reply because the post replied to was deleted or cannot be seen
    (X's 403 "deleted or not visible", Mastodon's 404/422, Telegram's "message to be replied
    not found"). Raised by a service's `post`; the shared sender then starts a new thread."""


class NotOurs(Permanent):
    """Reconciliation found that a part cannot go out as it is (X: refused as a duplicate of an
    older post that is not ours). The sender records the service's `failure` text for it."""


@dataclass(frozen=True)
class Post:
    """A post as the service knows it."""

    id: str
    url: str | None = None
    refs: dict[str, Any] = field(default_factory=dict)  # beyond the id (Bluesky: uri and cid)


@dataclass(frozen=True)
class ReplyTo:
    parent: Post  # the post replied to
    root: Post  # the thread's first post
    anchor: bool  # the incident's earlier post (gone: a new thread), not this update's own


class ThreadService(Protocol):
    """What one service does for the shared thread sender."""

    def post(self, seq: int, part: RenderedPart, reply: ReplyTo | None) -> Post:
        """Send one post. Raises ReplyGone when the service refuses `reply` because its
        parent is gone; Transient, Permanent or Ambiguous otherwise."""
        ...

    def find(
        self,
        part: RenderedPart,
        record: PartRecord,
        total: int,
        reply_to: str | None,
        since: datetime,
    ) -> Post | None:
        """After an ambiguous attempt: the post with this text made since `since` (replying to
        `reply_to` when given), or None. Raises Ambiguous when the service cannot tell,
        NotOurs when the part cannot go out as it is."""
        ...

    def in_doubt(self, record: PartRecord) -> bool:
        """Whether reconciliation looks for this part: `sending` ones (`in_doubt`, the usual
        answer), and whatever else the service cannot be sure of (X: refused as a duplicate)."""
        ...

    def failure(self, part: RenderedPart, error: ChannelError) -> str | None:
        """What the ledger records for a part that failed with `error`, or None to leave it
        `sending` (in doubt, for reconciliation)."""
        ...

    def before(self, part: RenderedPart, record: PartRecord | None) -> None:
        """A last look at a part before it is sent again (X refuses one it knows is not ours)."""
        ...


def in_doubt(record: PartRecord) -> bool:
    """The usual `ThreadService.in_doubt`: a part left `sending` may have landed."""
    return record.state == "sending"


def failure_text(part: RenderedPart, error: ChannelError) -> str | None:
    """The usual `ThreadService.failure`: a refusal or a transient error is recorded; anything
    else (Ambiguous: it may have landed) leaves the part in doubt."""
    return str(error) if isinstance(error, Permanent | Transient) else None


class UsualService:
    """The usual answers of a `ThreadService`, for a service to keep or override: a part in
    doubt is one left `sending`, a refusal is recorded, nothing is looked at before a resend."""

    def in_doubt(self, record: PartRecord) -> bool:
        return in_doubt(record)

    def failure(self, part: RenderedPart, error: ChannelError) -> str | None:
        return failure_text(part, error)

    def before(self, part: RenderedPart, record: PartRecord | None) -> None:
        return None


@dataclass(frozen=True)
class _Plan:
    """What the first post of a delivery replies to."""

    reply: ReplyTo | None
    gone: str | None = None  # the incident's earlier post the service refused to reply to

    def target(self) -> str:
        if self.gone is not None:
            return f"{NEW_THREAD}{self.gone} is gone"
        if self.reply is None:
            return ""
        parent, root = self.reply.parent.id, self.reply.root.id
        return f"in reply to {parent}" + (f", in thread {root}" if root != parent else "")

    @classmethod
    def read(cls, target: str, anchor: Any) -> _Plan:
        """The plan a part-1 target records, with the anchor's refs when it is the same post."""
        gone = _GONE.match(target)
        if gone:
            return cls(None, gone.group(1))
        reply = _REPLY.match(target)
        if not reply:
            return cls(None)
        parent, root = reply.group(1), reply.group(2) or reply.group(1)
        refs = anchor.refs if anchor is not None and anchor.last_id == parent else {}
        last, first = Post(parent, refs=refs.get("last", {})), Post(root, refs=refs.get("root", {}))
        return cls(ReplyTo(last, first, anchor=True))


class ThreadSender:
    """The send and reconcile of a posting channel, as one thread per incident."""

    def __init__(
        self,
        name: str,
        settings: dict[str, Any],
        context: ChannelContext,
        service: Callable[[], ThreadService],
        receipt: Callable[[Rendered, dict[int, PartRecord]], Receipt],
    ) -> None:
        self.name = name
        self.mode = thread_mode(settings)
        self.context = context
        self.service = service
        self.receipt = receipt

    # -- send -----------------------------------------------------------------------------------

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        done = ledger.parts()
        first = done.get(1)
        plan = self._recorded(key, first) if first is not None else self._choose(key)
        service = self.service()
        previous: Post | None = None
        root = plan.reply.root if plan.reply is not None else None
        for seq, part in enumerate(rendered.parts, 1):
            record = done.get(seq)
            if record is not None and record.state == "sent" and record.remote_id:
                previous = Post(record.remote_id, record.remote_url)
                root = root or previous
                continue
            service.before(part, record)
            reply: ReplyTo | None
            if seq == 1:
                reply, target = plan.reply, plan.target()
            else:
                assert previous is not None
                reply = ReplyTo(previous, root or previous, anchor=False)
                target = f"in reply to {previous.id}"
            ledger.sending(seq, target)
            try:
                try:
                    posted = service.post(seq, part, reply)
                except ReplyGone:
                    if reply is None or not reply.anchor:
                        raise
                    plan, root = _Plan(None, reply.parent.id), None
                    ledger.sending(1, plan.target())
                    posted = service.post(seq, part, None)
            except ChannelError as exc:
                said = service.failure(part, exc)
                if said is not None:
                    ledger.failed(seq, said)
                raise
            # Anything else (a timeout after sending, a broken connection) leaves the part
            # `sending`, in doubt, until reconciliation finds out whether it landed.
            ledger.sent(seq, Receipt(posted.id, posted.url))
            previous = posted
            root = root or posted
        assert previous is not None and root is not None
        return self._landed(rendered, key, ledger, root, previous)

    def _choose(self, key: str) -> _Plan:
        """The first attempt's choice: the incident's anchor on this channel, if it has one."""
        if self.mode != "incident":
            return _Plan(None)
        store = self.context.open_store()
        try:
            waiting = store.threads.earlier_in_flight(key)
            anchor = store.threads.anchor_for(key)
        finally:
            store.close()
        if waiting:
            raise Transient(
                _FOLLOWS.format(channel=self.name, delivery=waiting[0]),
                WAIT_FOR_EARLIER_SECONDS,
                then=_RIGHT_AFTER,
            )
        if anchor is None:
            return _Plan(None)
        refs = anchor.refs
        return _Plan(
            ReplyTo(
                Post(anchor.last_id, refs=refs.get("last", {})),
                Post(anchor.root_id, refs=refs.get("root", {})),
                anchor=True,
            )
        )

    def _recorded(self, key: str, first: PartRecord) -> _Plan:
        """A retry's plan: what the first attempt chose, as its ledger says (the anchor's refs
        too while the anchor is still that post)."""
        anchor = None
        if self.mode == "incident" and _REPLY.match(first.target):
            store = self.context.open_store()
            try:
                anchor = store.threads.anchor_for(key)
            finally:
                store.close()
        return _Plan.read(first.target, anchor)

    def _landed(
        self, rendered: Rendered, key: str, ledger: PartLedger, root: Post, last: Post
    ) -> Receipt:
        """Every part is sent: the incident's thread now ends at `last`."""
        parts = ledger.parts()
        if self.mode == "incident":
            refs = {"root": root.refs, "last": last.refs} if root.refs or last.refs else {}
            store = self.context.open_store()
            try:
                store.threads.keep_anchor(key, root.id, last.id, refs, iso(self.context.now()))
            finally:
                store.close()
        receipt = self.receipt(rendered, parts)
        first = parts.get(1)
        gone = _GONE.match(first.target) if first is not None else None
        if gone is None:
            return receipt
        return replace(
            receipt,
            note=_NEW_THREAD.format(channel=self.name, post=gone.group(1)),
        )

    # -- reconcile ------------------------------------------------------------------------------

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        sent = delivery_by_key(self.context.open_store, key)
        if sent is None or sent.rendered is None:
            return None  # nothing was rendered, so nothing went out
        rendered = sent.rendered
        done = ledger.parts()
        first = done.get(1)
        plan = self._recorded(key, first) if first is not None else _Plan(None)
        previous: Post | None = None
        root = plan.reply.root if plan.reply is not None else None
        for seq, part in enumerate(rendered.parts, 1):
            record = done.get(seq)
            if record is not None and record.state == "sent" and record.remote_id:
                previous = Post(record.remote_id, record.remote_url)
                root = root or previous
                continue
            service = self.service()
            if record is None or not service.in_doubt(record):
                return None  # it never left, or it was refused: the next attempt sends it
            if seq == 1:
                reply_to = plan.reply.parent.id if plan.reply is not None else None
            else:
                reply_to = previous.id if previous is not None else None
            try:
                found = service.find(
                    part, record, len(rendered.parts), reply_to, parse_iso(sent.created_at)
                )
            except NotOurs as exc:
                ledger.failed(seq, service.failure(part, exc) or str(exc))
                return None  # the next attempt fails with this message, posting nothing
            if found is None:
                return None  # it did not land: sent again on the next attempt
            ledger.sent(seq, Receipt(found.id, found.url))
            if seq < len(rendered.parts):
                return None  # this one landed; the next attempt goes on with the rest
            previous = found
            root = root or found
        if previous is None or root is None:
            return None
        return self._landed(rendered, key, ledger, root, previous)
