"""The timeline as a PDF (issue #7): rendered to an image with pdftoppm (it is a real, drawable
PDF), its text read back with pdftotext — English and Arabic phrases present, Arabic shaped
(joining forms, not isolated letters) and laid out right to left — and no secret in it. Once
in this process (on pytest-qt's application) and once through the CLI in a child process,
which must make its own offscreen QGuiApplication even with no usable display.

pdftotext gives Arabic back as presentation forms wrapped in direction marks; `normalized`
folds them (NFKC) and drops the marks before phrases are compared."""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from statusdesk.export.api import export_incident
from statusdesk.store import Store
from tests.conftest import need, need_executable
from tests.unit.export_support import (
    BETA_REFUSED,
    BODIES,
    EXPORTED_AT,
    PLANTED,
    SKIP_REASON,
    TITLE,
    Built,
    built,
    normalized,
)
from tests.unit.test_cli_support import child_env, spawn

__all__ = ["built"]

PAGE_WIDTH = 595.0  # A4 in points


def pdf_of(b: Built) -> bytes:
    store = Store.open(b.home / "statusdesk.db")
    try:
        return export_incident(store, b.story.incident_id, "pdf", now=EXPORTED_AT)
    finally:
        store.close()


def text_of(pdf: Path) -> str:
    tool = need_executable("pdftotext", "poppler-utils")
    done = subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def dark_share(pdf: Path, folder: Path) -> float:
    """The first page drawn by pdftoppm (grey, 40 dpi): the share of its pixels that are ink."""
    tool = need_executable("pdftoppm", "poppler-utils")
    subprocess.run(
        [tool, "-gray", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    image = next(folder.glob("page*.pgm")).read_bytes()
    fields = image.split(maxsplit=4)  # P5, width, height, maxval, pixels
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4][: width * height]
    assert len(pixels) == width * height
    return sum(1 for p in pixels if p < 128) / len(pixels)


def lines_of_first_page(pdf: Path) -> list[tuple[str, float, float]]:
    """(text, xMin, xMax) of each line pdftotext finds on page 1."""
    tool = need_executable("pdftotext", "poppler-utils")
    done = subprocess.run(
        [tool, "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        check=True,
    )
    root = ET.fromstring(done.stdout)
    found = []
    for line in root.iter("{http://www.w3.org/1999/xhtml}line"):
        words = [w.text or "" for w in line.iter("{http://www.w3.org/1999/xhtml}word")]
        found.append(
            (normalized("".join(words)), float(line.get("xMin", 0)), float(line.get("xMax", 0)))
        )
    return found


def is_arabic_letter(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "AL"


def check_pdf(pdf: Path, folder: Path) -> None:
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert 0.005 < dark_share(pdf, folder) < 0.5  # drawn: neither blank nor a black page

    raw = text_of(pdf)
    text = normalized(raw)
    for phrase in (
        f"Incident {1}: {TITLE.en}",
        "Times are in UTC",
        "2 kept, 1 missed",
        BETA_REFUSED,
        SKIP_REASON,
        *(body.en for body in BODIES.values()),
    ):
        assert normalized(phrase) in text, phrase
    arabic = [TITLE.ar, "نحقق في فشل طلبات الواجهة البرمجية", "تم حل هذه المشكلة", "قيد المراقبة"]
    for phrase in arabic:
        assert phrase in text, phrase
    # Shaped: the letters come back as joining forms (initial, medial, final), as drawn.
    forms = {unicodedata.name(ch, "") for ch in raw if 0xFE70 <= ord(ch) <= 0xFEFF}
    assert any("INITIAL FORM" in name or "MEDIAL FORM" in name for name in forms)
    for secret in PLANTED:
        assert secret not in text

    # Right to left: Arabic lines end at the right margin; English ones start at the left.
    lines = lines_of_first_page(pdf)
    arabic_lines = [
        (t, x0, x1)
        for t, x0, x1 in lines
        if any(is_arabic_letter(c) for c in t) and not any(c.isascii() and c.isalpha() for c in t)
    ]
    assert len(arabic_lines) >= 5
    for t, x0, x1 in arabic_lines:
        assert x1 > 0.85 * PAGE_WIDTH, (t, x0, x1)
    title = next((x0, x1) for t, x0, x1 in lines if t.startswith("Incident"))
    assert title[0] < 0.15 * PAGE_WIDTH


def test_the_pdf_is_drawn_shaped_and_right_to_left(qapp, built: Built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase

    need_executable("pdftoppm", "poppler-utils")
    arabic = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    need(bool(arabic), "no font with Arabic letters (Debian package fonts-dejavu-core)")
    pdf = tmp_path / "timeline.pdf"
    pdf.write_bytes(pdf_of(built))
    check_pdf(pdf, tmp_path)
    assert "page 1 of" in text_of(pdf)


def test_the_cli_writes_a_pdf_without_a_display(built: Built, tmp_path: Path) -> None:
    """A child `statusdesk export --format pdf` with no Qt platform chosen and a display that
    does not exist: it must make its own offscreen application, not try to reach the display."""
    need_executable("pdftoppm", "poppler-utils")
    env = child_env()
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["DISPLAY"] = ":9876"  # nothing listens there
    out = tmp_path / "out" / "timeline.pdf"
    out.parent.mkdir()
    done = spawn(
        "--home",
        str(built.home),
        "export",
        str(built.story.incident_id),
        "--format",
        "pdf",
        "-o",
        str(out),
        env=env,
    )
    assert done.code == 0, done.stderr
    assert done.lines == [str(out)]
    assert done.stderr == ""
    check_pdf(out, tmp_path)
    assert sorted(p.name for p in out.parent.iterdir()) == ["timeline.pdf"]  # no temp left
    assert os.stat(out).st_size > 10_000


def test_a_pdf_made_on_a_worker_thread_makes_qt_say_nothing(  # type: ignore[no-untyped-def]
    qapp, qtlog, built: Built, tmp_path: Path
) -> None:
    """As the GUI's TaskRunner makes it: a fresh thread with no Qt event dispatcher of its own
    (the text layout's timers need one; pdf.py gives the thread one for the export)."""
    import threading

    made: list[bytes] = []
    worker = threading.Thread(target=lambda: made.append(pdf_of(built)))
    worker.start()
    worker.join(60)
    assert made and made[0].startswith(b"%PDF-")
    assert [r.message for r in qtlog.records] == []


# -- Arabic that reads as written (issue #12 §3) ----------------------------------------------

TRADING_AR = "توقف التداول عند 14:30 +03 على API-v2 وسيُستأنف التداول لاحقًا."


def arabic_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if any(is_arabic_letter(c) for c in line)]


def test_arabic_is_searchable_and_zone_offsets_read_the_right_way(  # type: ignore[no-untyped-def]
    qapp, home: Path, tmp_path: Path
) -> None:
    """pdftotext (as a viewer's search does) finds the Arabic words in logical order, and a
    time with its zone offset inside an Arabic line reads "00:00 +03", not "03+ 00:00": the
    offset and its sign stay one left-to-right run (isolated), both in the header's Arabic
    facts (times written in Asia/Riyadh) and in an Arabic body."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from statusdesk.core.model import BilingualText, Draft, IncidentState
    from statusdesk.desk import Desk

    need_executable("pdftotext", "poppler-utils")
    with Desk(home) as desk:
        draft = Draft(
            BilingualText("Trading halted at 14:30 +03.", TRADING_AR),
            IncidentState.INVESTIGATING,
            author="amal",
        )
        published = desk.publishing.open_incident(
            title=BilingualText("Trading halted", "توقف التداول"), draft=draft, dispatch=False
        )
        pdf = tmp_path / "timeline.pdf"
        pdf.write_bytes(
            export_incident(
                desk.store,
                published.incident_id,
                "pdf",
                now=datetime.now(UTC),
                zone=ZoneInfo("Asia/Riyadh"),
            )
        )
    text = normalized(text_of(pdf))
    assert "التداول" in text and "توقف التداول" in text
    lines = [normalized(line) for line in arabic_lines(text_of(pdf))]
    body = next(line for line in lines if "API-v2" in line)
    assert "14:30 +03" in body, body
    started = next(line for line in lines if "البداية" in line)
    assert re.search(r"\d\d:\d\d \+03", started), started
    assert "03+" not in text
