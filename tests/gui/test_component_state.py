"""Issue #12 §2 in the app: every new update starts from the incident's components as they are
now, a status merely shown is never sent again, and an update that only changes a component is
published like any other (in generated words)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from statusdesk.core.model import BilingualText, ComponentStatus, Draft, IncidentState
from statusdesk.desk import Desk
from statusdesk.gui.desk.main_window import MainWindow
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text

PUBLISHED = "Published to 1 channel"


def status_box(window: MainWindow, row: int = 0) -> QComboBox:
    box = window.composer.components.focus_widgets()[row * 3 + 1]
    assert isinstance(box, QComboBox)
    return box


def api_status(home: Path) -> ComponentStatus:
    with Desk(home) as desk:
        api = desk.store.components.component_by_name("API")
        assert api is not None
        return api.status


def test_the_composer_follows_the_incident_and_never_sends_a_status_it_only_showed(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    composer = window.composer
    assert composer.components.values() == {"API": ComponentStatus.PARTIAL_OUTAGE}
    assert composer.snapshot().components == {}  # shown, not chosen
    type_text("We are still working on it.")
    press("Ctrl+L")
    type_text("ما زلنا نعمل على الحل.")

    # Meanwhile a colleague (the CLI, another desk) reports the API back to operational.
    with Desk(home) as desk:
        other = desk.publishing.post_update(
            active_incident,
            Draft(
                BilingualText("The API is back.", "عادت الواجهة."),
                IncidentState.MONITORING,
                component_status={"API": ComponentStatus.OPERATIONAL},
            ),
        )
        desk.deliveries.wait_for(other.update_id, timeout=30)
    window._refresh_all()  # what the window's tick does
    qtbot.waitUntil(
        lambda: composer.components.values() == {"API": ComponentStatus.OPERATIONAL},
        timeout=10_000,
    )
    assert composer.body_en.toPlainText() == "We are still working on it."  # the draft stays

    press("Ctrl+Return")
    qtbot.waitUntil(lambda: PUBLISHED in window.statusBar().currentMessage(), timeout=30_000)
    # Today the composer kept "Partial outage" from when it opened and put it back.
    assert api_status(home) is ComponentStatus.OPERATIONAL
    with Desk(home) as desk:
        latest = desk.store.incidents.updates(active_incident)[-1]
        assert latest.body.en == "We are still working on it."
        assert desk.store.incidents.component_changes(latest.id) == []


def test_the_next_update_starts_from_what_the_last_one_left_and_resolving_restores(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    composer = window.composer
    press("Ctrl+U")
    box = status_box(window)
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # from partial outage to major outage
    assert composer.snapshot().components == {"API": ComponentStatus.MAJOR_OUTAGE}
    composer.body_en.setFocus(Qt.FocusReason.OtherFocusReason)
    type_text("It got worse.")
    press("Ctrl+L")
    type_text("ساءت الحال.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: PUBLISHED in window.statusBar().currentMessage(), timeout=30_000)
    assert api_status(home) is ComponentStatus.MAJOR_OUTAGE

    # The next draft shows the API as the incident has it now, and chooses nothing.
    qtbot.waitUntil(lambda: composer.components.values() == {"API": ComponentStatus.MAJOR_OUTAGE})
    assert composer.snapshot().components == {}
    window.statusBar().clearMessage()
    press("Ctrl+U")
    type_text("Resolved.")
    press("Ctrl+L")
    type_text("تم الحل.")
    press("Ctrl+4")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: PUBLISHED in window.statusBar().currentMessage(), timeout=30_000)
    # Resolving gives the API back; the row only shown did not hold it at "Major outage".
    assert api_status(home) is ComponentStatus.OPERATIONAL
    qtbot.waitUntil(lambda: composer.components.values() == {"API": ComponentStatus.OPERATIONAL})


def test_an_update_that_only_changes_a_component_is_published_from_the_app(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    assert focused() is window.composer.body_en
    box = status_box(window)
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Home)  # the first status: operational
    assert window.composer.snapshot().components == {"API": ComponentStatus.OPERATIONAL}
    press("Ctrl+Return")  # no text in either language
    qtbot.waitUntil(lambda: PUBLISHED in window.statusBar().currentMessage(), timeout=30_000)
    assert api_status(home) is ComponentStatus.OPERATIONAL
    with Desk(home) as desk:
        latest = desk.store.incidents.updates(active_incident)[-1]
        assert (latest.body.en, latest.body.ar) == ("API: Operational", "حالة API: يعمل")
        (delivery,) = desk.store.deliveries.deliveries_for_update(latest.id)
        assert delivery.state == "sent"
    assert "API: Operational" in (home / "site" / "index.html").read_text(encoding="utf-8")
