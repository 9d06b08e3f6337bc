"""The values the subscriber store hands out and the errors it raises, backend-neutral (the
contract, store/contracts.py, speaks them; the SQLite part is store/subscribers.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from statusdesk.core.model import Language


class SubscriberError(ValueError):
    """Input about subscribers that cannot be taken as it is; the message says what and where."""


class InvalidAddress(SubscriberError):
    pass


class UnknownComponent(SubscriberError):
    """A subscription names a component the workspace does not have."""


@dataclass(frozen=True)
class Subscriber:
    id: int
    email: str
    language: Language
    token: str
    created_at: str
    unsubscribed_at: str | None = None
    # The components whose updates they get, ascending; empty: every component (and updates
    # that name none), which is what a subscriber gets unless they chose.
    component_ids: tuple[int, ...] = ()

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None

    @property
    def all_components(self) -> bool:
        return not self.component_ids

    def to_json(self, names: Mapping[int, str] | None = None) -> dict[str, Any]:
        """The CLI's shape; the token stays out (it unsubscribes whoever holds it). `names`
        (component id → name) adds the followed components by name."""
        shape: dict[str, Any] = {
            "id": self.id,
            "email": self.email,
            "language": self.language.value,
            "active": self.active,
            "created_at": self.created_at,
            "unsubscribed_at": self.unsubscribed_at,
            "all_components": self.all_components,
            "component_ids": list(self.component_ids),
        }
        if names is not None:
            shape["components"] = [names.get(i, f"#{i}") for i in self.component_ids]
        return shape


@dataclass(frozen=True)
class LineNote:
    """What happened to one line of an imported file (1-based line numbers)."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportResult:
    added: list[LineNote] = field(default_factory=list)
    skipped: list[LineNote] = field(default_factory=list)  # already on file, or repeated
    invalid: list[LineNote] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "skipped": len(self.skipped),
            "invalid": len(self.invalid),
        }


class ImportRejected(SubscriberError):
    """A file with bad lines: nothing was imported; `result.invalid` lists every bad line."""

    def __init__(self, where: str, result: ImportResult) -> None:
        # A note may be a sentence of its own ("…separated by commas."): its full stop would
        # run into the "; " and the ". Fix them" that follow.
        lines = "; ".join(str(note).rstrip(".") for note in result.invalid[:20])
        more = len(result.invalid) - 20
        super().__init__(
            f"{where}: {len(result.invalid)} line(s) cannot be imported, so nothing was: "
            f"{lines}{f'; and {more} more' if more > 0 else ''}. Fix them and import the file "
            "again (addresses already subscribed are skipped)."
        )
        self.result = result
