"""The desk built in two steps, as the launcher builds it (issue #16, "fast to open"): the list,
the incident page, the composer and the keys first (`MainWindow(staged=True)`), the rest —
publishing, deliveries, the schedule's clock, the tray, the other windows — by complete() once
they are painted. Here complete() is never called by the launcher, so every test runs in the gap
between the two: a key pressed there builds the rest first and does what it says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from statusdesk.core.model import UpdateStatus
from statusdesk.desk import Desk
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.incidents.incident_list import IncidentListView
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text

StagedFactory = Callable[[], MainWindow]

ENGLISH = "Error rates are back to normal."
ARABIC = "عادت معدلات الأخطاء إلى طبيعتها."


@pytest.fixture
def staged(launch: WindowFactory) -> StagedFactory:
    """The real main window, staged, shown and active; closed at the end of the test."""
    return lambda: launch(staged=True)


@pytest.fixture
def incident(home: Path) -> int:
    return open_incident(
        home,
        ("Elevated API errors", "ارتفاع أخطاء الواجهة البرمجية"),
        ("We are investigating elevated error rates.", "نحقق في ارتفاع معدلات الأخطاء."),
    )


def built_rest(window: MainWindow) -> bool:
    return "publishing" in vars(window)


def test_the_first_step_shows_the_list_the_page_and_the_composer(
    incident: int, staged: StagedFactory
) -> None:
    window = staged()
    assert window.list.current_incident_id() == incident
    assert window.view.incident_id == incident
    assert window.composer.target == incident
    assert isinstance(focused(), IncidentListView)
    assert not built_rest(window)
    # Every command has its key and menu entry already.
    assert "publish" in window.actions_by_command and "palette" in window.actions_by_command


def test_a_key_in_the_gap_builds_the_rest_then_does_what_it_says(
    qtbot, incident: int, staged: StagedFactory
) -> None:
    window = staged()
    press("Ctrl+K")
    assert built_rest(window)
    palette = window.tools.palette
    qtbot.waitUntil(lambda: palette.isVisible())


def test_an_update_written_in_the_gap_is_published_with_ctrl_return(
    qtbot, home: Path, incident: int, staged: StagedFactory
) -> None:
    window = staged()
    # Typed before any command key: the composer takes it in the first step already.
    window.composer.body_en.setFocus()
    type_text(ENGLISH)
    assert not built_rest(window)
    press("Ctrl+L")  # the first command: the rest is built, then the keyboard moves
    assert built_rest(window)
    assert focused() is window.composer.body_ar
    type_text(ARABIC)
    press("Ctrl+Return")
    qtbot.waitUntil(
        lambda: "Published to 1 channel" in window.statusBar().currentMessage(), timeout=30_000
    )
    with Desk(home) as desk:
        latest = desk.views.updates(incident)[-1]
    assert (latest.body.en, latest.body.ar) == (ENGLISH, ARABIC)
    assert latest.status is UpdateStatus.PUBLISHED


def test_complete_builds_the_rest_once(incident: int, staged: StagedFactory) -> None:
    window = staged()
    window.complete(painted=True)
    publishing = window.publishing
    window.complete()
    press("Ctrl+K")
    assert window.publishing is publishing


def test_a_desk_closed_in_the_gap_closes_cleanly(
    home: Path, incident: int, staged: StagedFactory
) -> None:
    window = staged()
    window.ask_before_discarding = False
    assert window.close()
    assert not built_rest(window)
