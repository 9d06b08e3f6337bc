"""The channel protocol (ARCHITECTURE §4): every destination, the local site included, is one
of these.

A channel checks an update before publishing, renders exactly what it will send (the GUI's
per-channel preview shows this), makes one network attempt per `send`, and after an ambiguous
attempt answers whether the post landed.

A delivery of several parts (the posts of a thread, the recipients of an email) records each
part in its `PartLedger` as it goes, so that a retry resumes at the first part not sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update
from statusdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from datetime import datetime

    from statusdesk.store import Store


@dataclass(frozen=True)
class RenderedPart:
    """One unit that goes out: a post of a thread, an email, a page."""

    language: str  # "en", "ar" or "both"
    text: str
    content_type: str = "text/plain"


@dataclass(frozen=True)
class Rendered:
    update_id: int
    incident_id: int
    parts: tuple[RenderedPart, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "update_id": self.update_id,
                "incident_id": self.incident_id,
                "parts": [
                    {"language": p.language, "text": p.text, "content_type": p.content_type}
                    for p in self.parts
                ],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Rendered:
        data = json.loads(text)
        parts = tuple(
            RenderedPart(p["language"], p["text"], p["content_type"]) for p in data["parts"]
        )
        return cls(int(data["update_id"]), int(data["incident_id"]), parts)


@dataclass(frozen=True)
class Receipt:
    remote_id: str | None = None
    remote_url: str | None = None
    detail: str = ""
    # What a person should know about a delivery that went out all the same ("started a new
    # thread: the incident's earlier post 123 is gone"): kept on the delivery and shown with it.
    note: str = ""


# How a failure's cause and what the outbox does next are joined (context "Delivery": the desk
# reads a stored delivery error back into these and says it in its language, delivery/failures).
_THEN_CLAUSE = QT_TRANSLATE_NOOP("Delivery", "{cause}; {then}")
_THEN_SENTENCE = QT_TRANSLATE_NOOP("Delivery", "{cause} {then}")
_THEN_AFTER_STOP = QT_TRANSLATE_NOOP("Delivery", "{cause}. {then}")


def _joined(cause: str, then: str) -> str:
    """ "…no answer came within 20 s; it may have arrived…": a clause goes on after a
    semicolon, a sentence ("Will retry.") after the cause's full stop."""
    if not then:
        return cause
    if then[:1].islower():
        return _THEN_CLAUSE.format(cause=cause, then=then)
    joined = _THEN_SENTENCE if cause.endswith((".", "!", "?")) else _THEN_AFTER_STOP
    return joined.format(cause=cause, then=then)


def channel_says(channel: str, problem: str) -> str:
    """`problem` said by the channel named `channel` ("site: ..."), still translatable."""
    return QT_TRANSLATE_NOOP("Problems", "{channel}: {problem}").format(
        channel=channel, problem=problem
    )


class ChannelError(Exception):
    """A failed attempt. The message names the channel, the cause and the fix (`cause`), then
    what the outbox does about it (`then`: "Will retry."), which holds for a delivery only: a
    channel test (`statusdesk channel test`) is never retried and says the cause alone."""

    def __init__(self, cause: str, *, then: str = "") -> None:
        super().__init__(_joined(cause, then))
        self.cause = cause
        self.then = then


# What a delivery's Transient failure leads to (`then`).
WILL_RETRY = QT_TRANSLATE_NOOP("Delivery", "Will retry.")


class Transient(ChannelError):
    """Nothing landed and trying again later is safe (timeouts before sending, 5xx, 429)."""

    def __init__(self, cause: str, retry_after: float | None = None, *, then: str = "") -> None:
        super().__init__(cause, then=then)
        self.retry_after = retry_after


class Permanent(ChannelError):
    """The receiver refused; a person must act (credentials, validation)."""


class Ambiguous(ChannelError):
    """The request may have landed; reconcile before sending again."""


@dataclass(frozen=True)
class PartRecord:
    seq: int
    target: str
    state: str  # pending | sending | sent | failed
    remote_id: str | None = None
    remote_url: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class PartOutcome:
    """How one part of a batch ended: `sent` with its receipt, or `failed` with the error."""

    seq: int
    receipt: Receipt | None = None  # sent
    error: str | None = None  # failed (when receipt is None)


class PartLedger(Protocol):
    """Per-part bookkeeping of one delivery, committed as it is written (a crash between two
    parts loses nothing): `sending` before a part leaves, `sent` or `failed` right after.

    The `_many` forms write a batch in one transaction (an email to thousands of recipients):
    `sending_many` before any part of the batch leaves, `finished_many` once the batch's
    outcomes are known. A crash in between leaves the batch `sending`, as one part would."""

    def parts(self) -> dict[int, PartRecord]: ...

    def sending(self, seq: int, target: str = "") -> None: ...

    def sent(self, seq: int, receipt: Receipt) -> None: ...

    def failed(self, seq: int, error: str) -> None: ...

    def sending_many(self, parts: Sequence[tuple[int, str]]) -> None:
        """(seq, target) of each part of a batch, `sending`, in one transaction."""
        ...

    def finished_many(self, outcomes: Sequence[PartOutcome]) -> None:
        """Each part's outcome (`sent` or `failed`), in one transaction."""
        ...

    def progress(self, done: int, total: int, what: str) -> None:
        """How far a long attempt is (a site's files uploaded): shown live, never stored. Also
        proof of life, like a part written: a long upload keeps its claim."""
        ...


class Secrets(Protocol):
    """The keyring as a channel sees it (statusdesk/secrets.py). `set` is for what a service
    rotates itself, such as an OAuth 2 refresh token, written back at once."""

    def get(self, channel: str, key: str) -> str | None: ...

    def set(self, channel: str, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class ChannelContext:
    """What a channel may use of the workspace: never the GUI, never the clock directly."""

    home: Path
    open_store: Callable[[], Store]
    now: Callable[[], datetime]
    secrets: Secrets | None = None  # the keyring; None where no secret may be read
    extra: dict[str, object] = field(default_factory=dict)


class Channel(Protocol):
    kind: str
    config: ChannelConfig
    # Seconds between two requests to this channel (Statuspage allows about one a second);
    # the dispatcher spaces attempts by it, across all of this process's workers.
    min_interval: float

    def check(self, update: Update, incident: Incident) -> list[Problem]: ...

    def render(self, update: Update, incident: Incident) -> Rendered: ...

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        """One attempt. Raises Transient, Permanent or Ambiguous (messages name the channel,
        the cause and the fix)."""
        ...

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        """After an ambiguous attempt: the receipt if it landed, None if it did not (or if
        sending it again with the same key is harmless). Raises Ambiguous when it cannot tell:
        then a person decides."""
        ...


class Testable(Protocol):
    """A channel that can check its connection and credentials without publishing anything
    (`statusdesk channel test NAME`)."""

    def test(self) -> str:
        """What was checked, in one line ("authenticated as @acme_status"); raises
        Transient / Permanent with a message that says what to fix."""
        ...
