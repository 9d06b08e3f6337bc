"""The post-incident timeline exported (Markdown, HTML, CSV, JSON, PDF): to bytes for the CLI's
standard output, or atomically to a file; progress reported for the app's dialog."""

from __future__ import annotations

from datetime import UTC, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk.app.context import AppContext

if TYPE_CHECKING:
    from statusdesk.export.api import Progress


class Exports:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def export(
        self, incident_id: int, fmt: str, *, zone: tzinfo = UTC, progress: Progress | None = None
    ) -> bytes:
        """Raises ExportError (an unknown incident or format)."""
        from statusdesk.export.api import export_incident  # not needed to start the app

        return export_incident(
            self.ctx.store, incident_id, fmt, now=self.ctx.clock.now(), zone=zone, progress=progress
        )

    def export_to_file(
        self,
        incident_id: int,
        fmt: str,
        path: Path,
        *,
        zone: tzinfo = UTC,
        progress: Progress | None = None,
    ) -> Path:
        """Into `path`, atomically; the absolute path written."""
        from statusdesk.export.api import export_to_file  # not needed to start the app

        return export_to_file(
            self.ctx.store,
            incident_id,
            fmt,
            path,
            now=self.ctx.clock.now(),
            zone=zone,
            progress=progress,
        )
