"""The email list as a person manages it: who is subscribed in which language, added, removed
(recorded, never deleted), imported from CSV; an unsubscribe link's token."""

from __future__ import annotations

from pathlib import Path

from statusdesk.app.context import AppContext
from statusdesk.core.model import Language
from statusdesk.store.subscribers import ImportResult, Subscriber


class SubscriberAdmin:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def list(self, active_only: bool = True) -> list[Subscriber]:
        return self.ctx.store.subscribers.list(active_only=active_only)

    def get(self, email: str) -> Subscriber | None:
        return self.ctx.store.subscribers.get(email)

    def by_token(self, token: str) -> Subscriber | None:
        return self.ctx.store.subscribers.by_token(token)

    def count_active(self) -> int:
        return self.ctx.store.subscribers.count_active()

    def add(self, email: str, language: Language | str) -> Subscriber:
        """Raises InvalidAddress (what is wrong with the address) or SubscriberError."""
        return self.ctx.store.subscribers.add(email, language, self.ctx.now())

    def remove(self, email: str) -> Subscriber:
        return self.ctx.store.subscribers.remove(email, self.ctx.now())

    def unsubscribe_token(self, token: str) -> Subscriber | None:
        """What an unsubscribe link does; None for a token nobody holds."""
        return self.ctx.store.subscribers.unsubscribe_token(token, self.ctx.now())

    def import_csv(self, path: str | Path) -> ImportResult:
        """All or nothing: ImportRejected lists every line that is refused."""
        return self.ctx.store.subscribers.import_csv(path, self.ctx.now())
