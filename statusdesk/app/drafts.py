"""Drafts kept as they are typed (issue #8): one per target — a new incident (None) or an
incident — saved on every pause, dropped when published or discarded, read back at start."""

from __future__ import annotations

from typing import Any

from statusdesk.app.context import AppContext
from statusdesk.store.records import SavedDraft


class DraftKeeping:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def save(self, target: int | None, content: dict[str, Any]) -> None:
        self.ctx.store.drafts.save_draft(target, content, self.ctx.now())

    def drop(self, target: int | None) -> None:
        self.ctx.store.drafts.drop_draft(target)

    def drop_all(self) -> None:
        self.ctx.store.drafts.drop_all_drafts()

    def saved(self) -> list[SavedDraft]:
        """Every draft kept, oldest first (those of vanished incidents left out)."""
        return self.ctx.store.drafts.saved_drafts()
