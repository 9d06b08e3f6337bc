"""The window as issue #16 found it at 1280×800 and 1440×900, fixed and kept so: the list's titles
whole in both languages beside the page, no field of the composer cut (State, Impact, the
components, the channels) at 100 % or 200 %, no empty unlabeled box under the composer, the
preview column folding away and staying folded after a relaunch, and the incident page never
scrolling sideways, however long its text (docs/VISUAL.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from statusdesk import settings
from statusdesk.core.model import BilingualText, ComponentStatus, Draft, Impact, IncidentState
from statusdesk.desk import Desk
from statusdesk.gui.desk.preview_column import SETTING
from statusdesk.gui.i18n import language
from statusdesk.gui.incidents.incident_list import AGE, IMPACT, TITLE_AR, TITLE_EN
from statusdesk.gui.runtime.session import Session
from tests.gui.conftest import WindowFactory
from tests.gui.fit_probe import cut, fit_report
from tests.gui.keys import focused, press, type_text

REPO = Path(__file__).resolve().parents[2]
TITLES = [
    ("Card payments failing", "فشل المدفوعات بالبطاقات"),
    ("Delayed email notifications", "تأخر إشعارات البريد الإلكتروني"),
]
LONG_WORD = "https://status.example.com/" + "incidents/" * 30  # no place to break a line


def seed(home: Path, body: str = "We are investigating failed card payments.") -> int:
    """Two incidents, the current one with a component and five channels ticked."""
    with Desk(home) as desk:
        for en, ar in reversed(TITLES):
            opened = desk.publishing.open_incident(
                title=BilingualText(en, ar),
                draft=Draft(
                    BilingualText(body, "نحقق في فشل المدفوعات بالبطاقات."),
                    IncidentState.INVESTIGATING,
                    Impact.MAJOR,
                    {"Payments API": ComponentStatus.MAJOR_OUTAGE},
                ),
            )
            desk.deliveries.wait_for(opened.update_id, timeout=30)
        for kind, name, config in (
            ("webhook", "hook", {"url": "http://127.0.0.1:9/hook"}),
            ("webhook", "partners-webhook", {"url": "http://127.0.0.1:9/partners"}),
            ("statuspage", "sp", {"page_id": "kctbh9vrtdwd", "base_url": "http://127.0.0.1:9"}),
        ):
            desk.channels.add_channel(kind, name, config)
    return opened.incident_id


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(window.view.cards()) and not window.session.tasks.busy)
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture
def interface(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface language of the test (its parameter): Arabic installed and mirrored for
    the test only."""
    chosen: str = request.param
    installed = language.install(qapp, chosen) if chosen == "ar" else None
    yield chosen
    if installed is not None:
        installed.remove(qapp)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("interface", ["en", "ar"], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1440, 900)], ids=["1280x800", "1440x900"])
def test_nothing_is_cut_and_both_titles_show_whole(
    qtbot, home: Path, launch: WindowFactory, size: tuple[int, int], interface: str
) -> None:
    incident = seed(home)
    window = launch()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.incident_id == incident)
    window.composer.set_state_number(3)  # "Monitoring  (Ctrl+3)" was cut at 1280
    settle(qtbot, window)
    report = fit_report(window)
    assert cut(report) == {}, report
    assert {"state", "impact", "component 0", "publish", "list state"} <= set(report["fields"])
    assert len([n for n in report["fields"] if n.startswith("channel")]) == 4
    # The options never scroll sideways: they wrap.
    assert report["options"]["content"] <= report["options"]["viewport"], report
    # Both titles of every incident, whole, in the one Title column; every other column shown.
    assert report["titles"]["width"] >= report["titles"]["needed"], report
    assert report["titles"]["hidden"] == [TITLE_AR]
    assert report["titles"]["list_hbar"] == 0
    assert window.list.isColumnHidden(TITLE_AR)
    index = window.model.index(0, TITLE_EN)
    spoken = window.model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    tooltip = window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    for en, ar in TITLES[:1]:
        assert en in spoken and ar in spoken
        assert en in tooltip and ar in tooltip
    assert report["page_hbar"] == {"visible": False, "maximum": 0}


@pytest.mark.parametrize("interface_language", ["en", "ar"])
def test_nothing_is_cut_at_200_percent(
    home: Path, at_200_percent: dict[str, str], interface_language: str
) -> None:
    seed(home)
    with Desk(home) as desk:
        desk.settings.set_workspace_settings({settings.UI_LANGUAGE: interface_language}, "test")
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.fit_probe", str(home)],
        env=at_200_percent,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"][2:] == [960, 540]
    assert cut(report) == {}, report
    # A narrow list gives up the age and impact columns before its titles go under 22
    # characters; it never scrolls sideways.
    titles = report["titles"]
    assert titles["width"] >= titles["least"], report
    assert titles["list_hbar"] == 0, report
    assert set(titles["hidden"]) <= {TITLE_AR, AGE, IMPACT}
    assert report["options"]["content"] <= report["options"]["viewport"], report
    assert report["page_hbar"] == {"visible": False, "maximum": 0}


def test_the_problems_box_shows_only_with_something_to_say(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    seed(home)
    window = launch()
    settle(qtbot, window)
    problems = window.composer.problems
    assert problems.count() == 0
    assert not problems.isVisible()  # no empty box under the composer
    press("Ctrl+U")
    type_text("Payments recover.")
    qtbot.waitUntil(lambda: problems.count() > 0 and problems.isVisible())
    # As tall as its lines, not a box of empty rows.
    assert problems.height() <= problems.sizeHintForRow(0) * problems.count() + 12


def test_the_page_never_scrolls_sideways_with_an_unbreakable_line(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    incident = seed(home, body=f"Details: {LONG_WORD}")
    window = launch()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.view.incident_id == incident)
    settle(qtbot, window)
    bar = window.view.horizontalScrollBar()
    assert (bar.isVisible(), bar.maximum()) == (False, 0)
    page = window.view.widget()
    assert page.width() <= window.view.viewport().width()


def kept(home: Path) -> str | None:
    with Desk(home) as desk:
        return desk.settings.setting(SETTING)


def test_the_preview_column_folds_and_stays_folded_after_a_relaunch(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    seed(home)
    window = launch()
    settle(qtbot, window)
    column = window.preview_column
    assert not column.hidden and window.composer.preview.width() > 0
    press("Ctrl+Shift+P")
    assert column.hidden
    assert window.split.sizes()[2] == 0
    qtbot.waitUntil(lambda: kept(home) == "1")
    window.ask_before_discarding = False
    window.close()
    window.session.close()

    again = Session(home)
    second = type(window)(again)
    qtbot.addWidget(second)
    with qtbot.waitActive(second):
        second.show()
        second.activateWindow()
    try:
        assert second.preview_column.hidden  # as the last session left it
        # Ctrl+P (to the previews) opens the column first: the keyboard never goes into a
        # column that cannot be seen.
        second.composer.body_en.setFocus()
        press("Ctrl+P")
        assert not second.preview_column.hidden
        assert second.composer.preview.isAncestorOf(focused())
        qtbot.waitUntil(lambda: kept(home) is None)
        # The same key folds it again; the handle brings it back by mouse.
        press("Ctrl+Shift+P")
        assert second.preview_column.hidden
        assert second.split.isCollapsible(2)
        assert not second.split.isCollapsible(0) and not second.split.isCollapsible(1)
    finally:
        second.ask_before_discarding = False
        second.close()
        again.close()
