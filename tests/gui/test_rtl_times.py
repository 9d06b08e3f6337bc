"""Issue #16: in the Arabic interface a time with its zone reads as one left-to-right run
("11:05 UTC"), and the incident page names components in Arabic. Where local time is UTC, a time
is said once.

Without the isolates, the bidi algorithm split "14:05 (11:05 UTC)" in a right-to-left sentence
into runs that read "(UTC 11:05)", and the promise line "11:48 UTC (11:48 UTC)" came out as
"UTC (11:48 UTC) 11:48" (seen in the Arabic screenshots)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

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


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set this process's local time zone (TZ) for the test; the machine's again after it."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_in_english_times_are_plain_text(local_zone: Callable[[str], None]) -> None:
    local_zone("Asia/Riyadh")
    assert local_and_utc("2026-12-07T11:05:00Z", NOW) == "14:05 (11:05 UTC)"
    assert short_when(NOW, ZoneInfo("Asia/Riyadh"), NOW) == "14:30 +03 (11:30 UTC)"


def test_where_local_time_is_utc_a_time_is_said_once(local_zone: Callable[[str], None]) -> None:
    """Not '11:05 (11:05 UTC)', nor the promise's '11:30 UTC (11:30 UTC)'."""
    local_zone("UTC")
    assert local_and_utc("2026-12-07T11:05:00Z", NOW) == "11:05 UTC"
    assert short_when(NOW, UTC, NOW) == "11:30 UTC"
    assert short_when(NOW, ZoneInfo("Europe/London"), NOW) == "11:30 UTC"  # GMT in December


def test_in_arabic_each_time_with_its_zone_is_one_isolated_run(
    arabic: None, local_zone: Callable[[str], None]
) -> None:
    local_zone("Asia/Riyadh")
    said = local_and_utc("2026-12-07T11:05:00Z", NOW)
    assert said == f"{LRI}14:05{PDI} ({LRI}11:05 UTC{PDI})"
    promised = short_when(NOW, ZoneInfo("Asia/Riyadh"), NOW)
    assert promised == f"{LRI}14:30 +03{PDI} ({LRI}11:30 UTC{PDI})"
    assert short_when(NOW, UTC, NOW) == f"{LRI}11:30 UTC{PDI}"


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
    assert f"{LRI}" in facts.text() and "UTC" in facts.text()  # the start's time, isolated
