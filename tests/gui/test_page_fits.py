"""The incident page shows what matters without scrolling sideways (issue #12 §6): with long
English and Arabic titles and bodies and five channels (the site, X, email, a webhook and a
Statuspage channel named `sp`), at 1280×800, at 1440×900 and at 200 % on a 1920×1080 screen,
the page is never wider than its viewport, the Arabic title and the start of each Arabic body
(its right edge) are within it, and so is every channel's mark and every chip of the newest
update (scrolled down to, never sideways). Measured by tests/gui/page_probe.py."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    DeliveryState,
    Draft,
    Impact,
    IncidentState,
)
from statusdesk.core.timefmt import iso
from statusdesk.desk import Desk
from tests.gui.conftest import WindowFactory
from tests.gui.page_probe import outside, page_report

REPO = Path(__file__).resolve().parents[2]

TITLE = (
    "Payments API returning errors for some customers in Europe and the Middle East",
    "أخطاء في واجهة برمجة المدفوعات لبعض العملاء في أوروبا والشرق الأوسط أثناء التحقيق",
)
BODIES = [
    (
        "We are investigating elevated error rates on the Payments API affecting card payments "
        "for some customers in Europe and the Middle East. Retries may succeed.",
        "نحقق في ارتفاع معدلات الأخطاء في واجهة برمجة المدفوعات التي تؤثر على مدفوعات البطاقات "
        "لبعض العملاء في أوروبا والشرق الأوسط. قد تنجح المحاولات المتكررة.",
    ),
    (
        "Cause identified: an expired certificate at our card processor. A new certificate is "
        "being installed; card payments recover region by region. Next update by 21:00 UTC.",
        "تم تحديد السبب: شهادة منتهية الصلاحية لدى معالج البطاقات. يجري تثبيت شهادة جديدة، "
        "وتتعافى المدفوعات بالبطاقات منطقة تلو الأخرى. "
        "التحديث التالي بحلول 21:00 بالتوقيت العالمي.",
    ),
]
CHANNELS = ("site", "x", "email", "hook", "sp")
WHAT_IS_MEASURED = [
    "title_ar",
    "body_ar 0",
    "body_ar 1",
    *(f"mark {c}" for c in CHANNELS),
    *(f"chip {c}" for c in CHANNELS),
]
# Where the newest update stands on each channel besides the site (no network: set in the
# workspace as the dispatcher would have left them).
OUTCOMES = {
    "x": DeliveryState.FAILED,
    "email": DeliveryState.SENT,
    "hook": DeliveryState.SENT,
    "sp": DeliveryState.RETRY_WAIT,
}


def seed(home: Path) -> int:
    """An incident of two updates, each in long English and Arabic, on five channels."""
    with Desk(home) as desk:
        opened = desk.publishing.open_incident(
            title=BilingualText(*TITLE),
            draft=Draft(
                BilingualText(*BODIES[0]),
                IncidentState.INVESTIGATING,
                Impact.MAJOR,
                {
                    "Payments API": ComponentStatus.MAJOR_OUTAGE,
                    "Dashboard": ComponentStatus.PARTIAL_OUTAGE,
                },
            ),
        )
        desk.deliveries.wait_for(opened.update_id, timeout=30)
        newest = desk.publishing.post_update(
            opened.incident_id, Draft(BilingualText(*BODIES[1]), IncidentState.IDENTIFIED)
        )
        desk.deliveries.wait_for(newest.update_id, timeout=30)
        desk.channels.add_channel("x", "x", {"base_url": "http://127.0.0.1:9", "auth": "oauth1"})
        desk.channels.add_channel(
            "email",
            "email",
            {
                "host": "127.0.0.1",
                "port": "2525",
                "from": "Acme Status <status@acme.example>",
                "recipients": "ops@acme.example",
            },
        )
        desk.channels.add_channel("webhook", "hook", {"url": "http://127.0.0.1:9/hook"})
        desk.channels.add_channel(
            "statuspage", "sp", {"page_id": "kctbh9vrtdwd", "base_url": "http://127.0.0.1:9"}
        )
        ids = []
        for name in OUTCOMES:
            channel = desk.store.channels.channel_by_name(name)
            assert channel is not None
            ids.append(channel.id)
        made = desk.store.deliveries.create_deliveries(newest.update_id, ids, desk.now())
        retry_at = iso(desk.clock.now() + timedelta(minutes=30))
        with desk.store.transaction():
            for delivery_id, state in zip(made, OUTCOMES.values(), strict=True):
                desk.store.conn.execute(
                    "UPDATE delivery SET state = ?, last_error = ?, next_attempt_at = ? "
                    "WHERE id = ?",
                    (
                        state.value,
                        None if state is DeliveryState.SENT else "the server said no (503)",
                        retry_at if state is DeliveryState.RETRY_WAIT else None,
                        delivery_id,
                    ),
                )
    return opened.incident_id


@pytest.mark.parametrize("size", [(1280, 800), (1440, 900)], ids=["1280x800", "1440x900"])
def test_the_incident_page_never_scrolls_sideways(
    qtbot, home: Path, launch: WindowFactory, size: tuple[int, int]
) -> None:
    incident = seed(home)
    window = launch()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.incident_id == incident and len(window.view.cards()) == 2)
    qtbot.waitUntil(lambda: window.view.rhythm is not None and len(window.view.rhythm.marks()) == 5)
    qtbot.waitUntil(lambda: len(window.view.cards()[0].chips) == 5)
    QApplication.processEvents()
    report = page_report(window)
    assert report["hbar"] == {"visible": False, "maximum": 0}, report
    assert QRect(*report["page"]).width() <= QRect(*report["viewport"]).width(), report
    assert sorted(report["at_top"]) == sorted(WHAT_IS_MEASURED)
    assert outside(report) == {}, report
    # Without scrolling at all: the titles and every channel's mark.
    assert {n for n in outside(report, "at_top") if not n.startswith(("chip", "body"))} == set()
    # The Arabic lines start at the right edge: right-aligned, whatever the app's direction.
    for card in window.view.cards():
        assert card.body_ar.alignment() & Qt.AlignmentFlag.AlignRight
        assert card.body_ar.layoutDirection() is Qt.LayoutDirection.RightToLeft


# -- 200 % ----------------------------------------------------------------------------------


def test_the_incident_page_never_scrolls_sideways_at_200_percent(
    home: Path, at_200_percent: dict[str, str]
) -> None:
    seed(home)
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.page_probe", str(home)],
        env=at_200_percent,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert QRect(*report["screen"]).size().toTuple() == (960, 540)
    assert report["hbar"] == {"visible": False, "maximum": 0}, report
    assert sorted(report["at_top"]) == sorted(WHAT_IS_MEASURED)
    assert outside(report) == {}, report


# -- the layout that wraps ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_a_flow_of_chips_wraps_to_its_width_and_starts_on_the_reading_side(
    qtbot, direction: Qt.LayoutDirection
) -> None:
    from PySide6.QtWidgets import QWidget

    from statusdesk.gui.widgets.flow import FlowLayout

    row = QWidget()
    qtbot.addWidget(row)
    row.setLayoutDirection(direction)
    flow = FlowLayout(row, spacing=10, line_spacing=4)
    chips = []
    for _ in range(3):
        chip = QWidget()
        chip.setFixedSize(90, 20)
        flow.addWidget(chip)
        chips.append(chip)
    assert flow.minimumSize().width() == 90  # its widest item, not the sum
    assert flow.heightForWidth(300) == 20  # 90 + 10 + 90 + 10 + 90: one line
    assert flow.heightForWidth(200) == 44  # two lines and the space between them
    row.resize(200, flow.heightForWidth(200))
    row.show()
    qtbot.waitUntil(lambda: chips[2].y() == 24)
    xs = [chip.x() for chip in chips]
    if direction is Qt.LayoutDirection.LeftToRight:
        assert xs == [0, 100, 0]
    else:
        assert xs == [110, 10, 110]
