"""Drafts kept as they are typed (issue #8): one per target — a new incident (None) or an
incident — saved on every pause, dropped when published or discarded, read back at start.

On a team desk the drafts are shared (issue #17): a save or a drop may say which revision it
was based on (`based_on`; None: "there was none"), and when another desk saved or dropped the
draft since, nothing is written and `DraftConflict` says what is kept now, so the desk can ask
its user rather than overwrite the other text."""

from __future__ import annotations

from typing import Any

from statusdesk.app.context import AppContext
from statusdesk.store.drafts import ANY_REVISION, DraftConflict
from statusdesk.store.records import SavedDraft

__all__ = ["ANY_REVISION", "DraftConflict", "DraftKeeping"]


class DraftKeeping:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def save(
        self, target: int | None, content: dict[str, Any], based_on: str | None = ANY_REVISION
    ) -> str:
        """Keep `content`; its new revision. DraftConflict when the draft kept is not
        `based_on` (nothing written)."""
        return self.ctx.store.drafts.save_draft(
            target, content, self.ctx.now(), based_on=based_on, by=self.ctx.desk_author()
        )

    def drop(self, target: int | None, based_on: str | None = ANY_REVISION) -> None:
        self.ctx.store.drafts.drop_draft(target, based_on=based_on)

    def drop_all(self) -> None:
        self.ctx.store.drafts.drop_all_drafts()

    def saved(self) -> list[SavedDraft]:
        """Every draft kept, oldest first (those of vanished incidents left out)."""
        return self.ctx.store.drafts.saved_drafts()

    def shared(self) -> bool:
        """Whether other desks keep drafts here too (a team desk's PostgreSQL): no I/O."""
        return self.ctx.store.dialect == "postgres"

    def saved_one(self, target: int | None) -> SavedDraft | None:
        """`target`'s draft as kept now."""
        return self.ctx.store.drafts.saved_draft(target)
