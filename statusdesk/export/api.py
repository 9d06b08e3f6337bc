"""Exporting an incident's timeline: the one entry point the CLI and the GUI call.

    data = export_incident(store, 12, "pdf", now=clock.now(), zone=parse_zone("Asia/Riyadh"))
    path = export_to_file(store, 12, "md", Path("pm.md"), now=..., zone=UTC)

Qt-free at import: the PDF writer (QtGui) is imported only when a PDF is asked for, so the CLI
and the headless runner never load Qt for a Markdown export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.export.files import check_target, write_atomically
from statusdesk.export.model import ExportError, Timeline
from statusdesk.export.timeline import build_timeline
from statusdesk.store import Store

Progress = Callable[[float, str], None]

# format → (name people know it by, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "md": ("Markdown", ".md"),
    "html": ("HTML", ".html"),
    "pdf": ("PDF", ".pdf"),
    "csv": ("CSV", ".csv"),
    "json": ("JSON", ".json"),
}
BINARY = frozenset({"pdf"})  # never written to a terminal


def parse_zone(name: str | None) -> tzinfo:
    """UTC for nothing or "UTC"; else an IANA zone ("Asia/Riyadh"), with its DST rules."""
    text = (name or "").strip()
    if not text or text.upper() in ("UTC", "Z", "ETC/UTC"):
        return UTC
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{zone} is not a time zone statusdesk knows; give an IANA name such as UTC, "
                "Europe/London, Asia/Riyadh or America/New_York.",
            ).format(zone=repr(text))
        ) from None


def default_filename(incident_id: int, fmt: str) -> str:
    return f"incident-{incident_id}-timeline{FORMATS[fmt][1]}"


def _unknown_format(fmt: str) -> ExportError:
    return ExportError(
        QT_TRANSLATE_NOOP("Problems", "Unknown format {format}; choose one of {known}.").format(
            format=repr(fmt), known=", ".join(FORMATS)
        )
    )


def render(timeline: Timeline, fmt: str, zone: tzinfo, progress: Progress) -> bytes:
    if fmt not in FORMATS:
        raise _unknown_format(fmt)
    if fmt == "json":
        from statusdesk.export.json_export import render_json

        return render_json(timeline, zone).encode("utf-8")
    if fmt == "csv":
        from statusdesk.export.csv_export import render_csv

        return render_csv(timeline, zone)
    from statusdesk.export.present import document

    doc = document(timeline, zone)
    progress(
        0.25, QT_TRANSLATE_NOOP("Export", "Writing the {format}…").format(format=FORMATS[fmt][0])
    )
    if fmt == "md":
        from statusdesk.export.markdown import render_markdown

        return render_markdown(doc).encode("utf-8")
    if fmt == "html":
        from statusdesk.export.html import render_html

        return render_html(doc).encode("utf-8")
    from statusdesk.export.pdf import render_pdf

    return render_pdf(doc, progress)


def export_incident(
    store: Store,
    incident_id: int,
    fmt: str,
    *,
    now: datetime,
    zone: tzinfo = UTC,
    progress: Progress | None = None,
) -> bytes:
    """The export's bytes. Raises ExportError (unknown incident or format) — nothing else a
    user can fix."""
    report: Progress = progress or (lambda share, what: None)
    if fmt not in FORMATS:
        raise _unknown_format(fmt)
    report(0.05, QT_TRANSLATE_NOOP("Export", "Reading the incident…"))
    timeline = build_timeline(store, incident_id, now)
    report(0.2, QT_TRANSLATE_NOOP("Export", "Computing the metrics…"))
    return render(timeline, fmt, zone, report)


def export_to_file(
    store: Store,
    incident_id: int,
    fmt: str,
    path: Path,
    *,
    now: datetime,
    zone: tzinfo = UTC,
    progress: Progress | None = None,
) -> Path:
    """Export into `path`, atomically (files.py); returns the absolute path written."""
    report: Progress = progress or (lambda share, what: None)
    check_target(path)  # a missing folder is said before the work, not after
    data = export_incident(store, incident_id, fmt, now=now, zone=zone, progress=report)
    report(0.97, QT_TRANSLATE_NOOP("Export", "Saving…"))
    written = write_atomically(path, data)
    report(1.0, QT_TRANSLATE_NOOP("Export", "Saved {path}").format(path=written))
    return written


def forget_cached() -> None:
    """Drop what exports keep between calls (parsed stamps, escaped cells): for a benchmark
    that times each export as the first one of its process."""
    from statusdesk.export.markdown import inline
    from statusdesk.export.present import duration
    from statusdesk.export.stamps import moment

    for cached in (moment, inline, duration):
        cached.cache_clear()
