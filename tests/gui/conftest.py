"""GUI fixtures: a workspace with incidents made through Desk, and the real main window on it
(offscreen, see tests/conftest.py). Every test runs with Qt warnings as failures."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.desk import Desk

pytest.importorskip("pytestqt")

from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.runtime.session import Session

# The offscreen platform cannot raise windows or pass size hints, and says so; not our problem.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As the app does (statusdesk/gui/collector.py): no garbage collection on worker
    threads while windows and workers live."""
    from statusdesk.gui.runtime.collector import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def _no_quit_on_last_window_closed(qapp):  # type: ignore[no-untyped-def]
    """Closing a test's window must not end the next test's event loops: with this on, Qt 6
    posts a Quit event that makes the next modal exec() return at once."""
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


def open_incident(
    home: Path,
    title: tuple[str, str],
    body: tuple[str, str],
    *,
    kind: IncidentKind = IncidentKind.INCIDENT,
    state: IncidentState | None = None,
    components: dict[str, ComponentStatus] | None = None,
) -> int:
    """An incident with its first update, published through Desk the way the GUI does it."""
    with Desk(home) as desk:
        published = desk.publishing.open_incident(
            title=BilingualText(*title),
            draft=Draft(
                BilingualText(*body),
                state
                or (
                    IncidentState.INVESTIGATING
                    if kind is IncidentKind.INCIDENT
                    else IncidentState.SCHEDULED
                ),
                Impact.MAJOR,
                components or {},
            ),
            kind=kind,
        )
        desk.deliveries.wait_for(published.update_id, timeout=30)
    return published.incident_id


@pytest.fixture
def active_incident(home: Path) -> int:
    return open_incident(
        home,
        ("Elevated API errors", "ارتفاع أخطاء الواجهة البرمجية"),
        ("We are investigating elevated error rates.", "نحقق في ارتفاع معدلات الأخطاء."),
        components={"API": ComponentStatus.PARTIAL_OUTAGE},
    )


class WindowFactory(Protocol):
    """Opens the real main window; `staged=True` paints the list, page and composer first and
    builds the rest once they are painted, as the app does at start (MainWindow.complete)."""

    def __call__(self, *, staged: bool = False) -> MainWindow: ...


@pytest.fixture
def launch(qtbot, home: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    """Open the real main window on `home`, shown and active; closed (and the workspace let
    go, deliveries in flight finished) at the end of the test. Not handed to qtbot.addWidget:
    pytest-qt would close it before this fixture could, and a window with a draft asks first."""
    opened: list[tuple[MainWindow, Session]] = []

    def factory(*, staged: bool = False) -> MainWindow:
        session = Session(home)
        window = MainWindow(session, staged=staged)
        opened.append((window, session))
        with qtbot.waitActive(window):
            window.show()
            window.raise_()
            window.activateWindow()
        return window

    yield factory
    for window, session in opened:
        window.ask_before_discarding = False
        window.close()
        session.close()
        window.deleteLater()


# -- 200 % ----------------------------------------------------------------------------------

SCREEN = {"width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def at_200_percent(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a process on a 1920×1080 offscreen screen at QT_SCALE_FACTOR=2."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "1080p", "x": 0, "y": 0, **SCREEN}]}))
    yield os.environ | {
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
