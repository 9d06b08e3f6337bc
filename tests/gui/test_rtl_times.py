"""Issue #16: in the Arabic interface a time with its zone reads as one left-to-right run
("11:05 UTC"), and the incident page names components in Arabic.

Without the isolates, the bidi algorithm split "14:05 (11:05 UTC)" in a right-to-left sentence
into runs that read "(UTC 11:05)", and the promise line "11:48 UTC (11:48 UTC)" came out as
"UTC (11:48 UTC) 11:48" (seen in the Arabic screenshots)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from statusdesk.core.model import BilingualText, ComponentStatus
from statusdesk.desk import Desk
from statusdesk.gui.widgets.labels import local_and_utc
from statusdesk.gui.wording.rhythm import short_when
from tests.gui.arabic import built_arabic
from tests.gui.conftest import WindowFactory, open_incident

LRI, PDI = "\u2066", "\u2069"
NOW = datetime(2026, 12, 7, 11, 30, tzinfo=UTC)


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    with built_arabic(qapp):
        yield


def test_in_english_times_are_plain_text() -> None:
    assert local_and_utc("2026-12-07T11:05:00Z", NOW).endswith("(11:05 UTC)")
    assert LRI not in short_when(NOW, UTC, NOW)


def test_in_arabic_each_time_with_its_zone_is_one_isolated_run(arabic: None) -> None:
    said = local_and_utc("2026-12-07T11:05:00Z", NOW)
    assert said.endswith(f"({LRI}11:05 UTC{PDI})")
    assert said.count(LRI) == said.count(PDI) == 2
    assert short_when(NOW, UTC, NOW) == f"{LRI}11:30 UTC{PDI} ({LRI}11:30 UTC{PDI})"


def test_the_arabic_incident_page_names_components_in_arabic(
    home: Path, launch: WindowFactory, arabic: None
) -> None:
    with Desk(home) as desk:
        desk.components.add(BilingualText("Payments API", "واجهة المدفوعات"))
    open_incident(
        home,
        ("Card payments failing", "فشل المدفوعات بالبطاقات"),
        ("We are investigating.", "نحقق في الأمر."),
        components={"Payments API": ComponentStatus.PARTIAL_OUTAGE},
    )
    window = launch()
    facts = window.findChild(QLabel, "incident-facts")
    assert facts is not None
    assert "واجهة المدفوعات" in facts.text() and "Payments API" not in facts.text()
    assert f"({LRI}" in facts.text()  # the start's UTC time, isolated
