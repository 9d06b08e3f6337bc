"""The channel protocol (DESIGN §4): every destination, the local site included, is one of these.

A channel checks an update before publishing, renders exactly what it will send (the GUI's
per-channel preview shows this), makes one network attempt per `send`, and after an ambiguous
attempt answers whether the post landed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update

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


@dataclass(frozen=True)
class Receipt:
    remote_id: str | None = None
    remote_url: str | None = None
    detail: str = ""


class ChannelError(Exception):
    """A failed attempt. The message names the channel, the cause and the fix."""


class Transient(ChannelError):
    """Nothing landed and trying again later is safe (timeouts before sending, 5xx, 429)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Permanent(ChannelError):
    """The receiver refused; a person must act (credentials, validation)."""


class Ambiguous(ChannelError):
    """The request may have landed; reconcile before sending again."""


@dataclass(frozen=True)
class ChannelContext:
    """What a channel may use of the workspace: never the GUI, never the clock directly."""

    home: Path
    open_store: Callable[[], Store]
    now: Callable[[], datetime]
    extra: dict[str, object] = field(default_factory=dict)


class Channel(Protocol):
    kind: str
    config: ChannelConfig

    def check(self, update: Update, incident: Incident) -> list[Problem]: ...

    def render(self, update: Update, incident: Incident) -> Rendered: ...

    def send(self, rendered: Rendered, key: str) -> Receipt: ...

    def reconcile(self, key: str) -> Receipt | None: ...
