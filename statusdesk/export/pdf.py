"""The timeline as a PDF, laid out and shaped by Qt: QTextDocument + QPdfWriter (QtGui, never
QtWidgets — tests/unit/test_layers.py allows exactly this module).

Why Qt: Arabic needs real shaping (joining forms, lam-alef ligatures) and the bidi algorithm;
Qt's text engine (HarfBuzz) does both, and QPdfWriter embeds the fonts it used with a
ToUnicode map, so the text can be searched and copied out of the PDF. The fonts come from the
system through fontconfig: Debian's fonts-dejavu-core (DejaVu Sans covers Arabic) is enough,
and .ci/run installs it; with no font that has Arabic letters the export refuses (ExportError)
rather than draw empty boxes.

Why a QGuiApplication: QTextDocument measures text with fonts, and Qt's font database belongs
to the platform integration that only a QGuiApplication loads (without one Qt aborts the
process). The GUI has its QApplication already; the CLI has none, so `gui_application()` makes
one on the "offscreen" platform — an export must work on a server without a display, and must
not open a window or talk to a display server even where there is one.

Off the GUI thread (the GUI runs exports on its TaskRunner), painting onto a QPdfWriter is
supported by Qt; QTextDocument's layout starts timers, which need an event dispatcher on the
thread, so a worker thread gets one (a QEventLoop, never run) for the time of the export.

A long timeline is laid out in parts (`_parts`), each starting on a new page, and painted page
by page with a footer ("page 3 of 40") and progress reported as it goes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QThread,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.export.html import render_html
from statusdesk.export.model import ExportError
from statusdesk.export.present import Document

Progress = Callable[[float, str], None]
RESOLUTION = 96  # layout and page in the same units, whatever the screen's DPI
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Arial"]
FONT_POINTS = 9
MARGINS_MM = QMarginsF(15, 15, 15, 12)
PART_UPDATES = 250  # updates per laid-out part (see _parts)

_PAGE = QT_TRANSLATE_NOOP("Export", "Page {number} of {total}…")
_LAYING_OUT = QT_TRANSLATE_NOOP("Export", "Laying out the PDF ({number} of {total})…")
_app: QGuiApplication | None = None  # kept alive: Qt must not lose it mid-process


def gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one (see the module's docstring)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise ExportError(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "A PDF export needs Qt's GUI application, but this process runs a plain "
                    "QCoreApplication; export to PDF from the CLI or the desktop app instead.",
                )
            )
        return existing
    if threading.current_thread() is not threading.main_thread():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "A PDF export needs Qt's GUI application, which must be created on the main "
                "thread; start the export there (the CLI does).",
            )
        )
    _app = QGuiApplication(["statusdesk", "-platform", "offscreen"])
    return _app


def _check_fonts() -> None:
    """Without a font that has Arabic letters Qt draws empty boxes: say so instead."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Arabic):
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "No installed font has Arabic letters, so the PDF would show empty boxes. "
                "Install one (Debian: fonts-dejavu-core or fonts-noto-core), or export HTML "
                "instead.",
            )
        )


def _parts(doc: Document) -> list[str]:
    """The document's HTML in parts: the incident, its metrics and the first updates, then
    PART_UPDATES updates at a time. Qt looks at every block before the page it paints, so one
    document of 2,000 updates costs pages × blocks to paint; parts keep that linear. Each part
    starts on a new page."""
    every = [*doc.updates, *doc.not_sent]
    first_not_sent = doc.not_sent[0].id if doc.not_sent else None
    starts = range(0, max(1, len(every)), PART_UPDATES)
    return [
        render_html(
            doc,
            "timeline_qt.html.j2",
            head=start == 0,
            updates=every[start : start + PART_UPDATES],
            first_not_sent=first_not_sent,
        )
        for start in starts
    ]


def _laid_out(html: str, writer: QPdfWriter, size: QSizeF) -> QTextDocument:
    text = QTextDocument()
    text.setDefaultFont(QFont(FONT_FAMILIES, FONT_POINTS))
    text.setUseDesignMetrics(True)  # positions from the font's design, not screen hinting
    text.documentLayout().setPaintDevice(writer)  # measured in the PDF's units
    text.setHtml(html)
    text.setPageSize(size)
    return text


def _paint(
    parts: list[QTextDocument], writer: QPdfWriter, body: QRectF, footer: str, report: Progress
) -> int:
    """Every page of every part, a footer on each ("page 3 of 40")."""
    total = sum(part.pageCount() for part in parts)
    footer_font = QFont(FONT_FAMILIES, FONT_POINTS - 1)
    footer_box = QRectF(0, body.height(), body.width(), writer.height() - body.height())
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(QT_TRANSLATE_NOOP("Problems", "Qt could not start writing the PDF."))
    number = 0
    try:
        for part in parts:
            for index in range(part.pageCount()):
                if number:
                    writer.newPage()
                number += 1
                top = index * body.height()
                painter.save()
                painter.translate(0, -top)
                part.drawContents(painter, QRectF(0, top, body.width(), body.height()))
                painter.restore()
                painter.setFont(footer_font)
                painter.drawText(
                    footer_box,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                    f"{footer} · page {number} of {total}",
                )
                if number % 25 == 0:
                    report(0.6 + 0.35 * number / total, _PAGE.format(number=number, total=total))
    finally:
        painter.end()
    return total


def render_pdf(doc: Document, progress: Progress | None = None) -> bytes:
    """The PDF's bytes (the caller writes them atomically)."""
    report: Progress = progress or (lambda share, what: None)
    app = gui_application()
    _check_fonts()
    # Timers of the text layout need an event dispatcher on a worker thread (never run).
    dispatcher = QEventLoop() if QThread.currentThread() is not app.thread() else None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"Incident {doc.incident_id}: {doc.title_en} — timeline")
    writer.setCreator("statusdesk")
    footer_height = 2.2 * FONT_POINTS * RESOLUTION / 72
    body = QRectF(0, 0, writer.width(), writer.height() - footer_height)
    htmls = _parts(doc)
    parts = []
    for number, html in enumerate(htmls, start=1):
        report(
            0.25 + 0.35 * number / len(htmls), _LAYING_OUT.format(number=number, total=len(htmls))
        )
        parts.append(_laid_out(html, writer, body.size()))
    footer = f"statusdesk · incident {doc.incident_id} timeline · times in {doc.zone}"
    _paint(parts, writer, body, footer, report)
    del parts, writer  # the painter ended: the PDF is complete in the buffer
    buffer.close()
    del dispatcher
    return bytes(data.data())
