"""Never lose a draft (issue #8): what is typed is kept in the workspace half a second after the
typing pauses, comes back in the next window saying so, and goes once it is published or
thrown away."""

from __future__ import annotations

from pathlib import Path

from statusdesk.desk import Desk
from statusdesk.store.drafts import saved_drafts
from tests.gui.conftest import WindowFactory
from tests.gui.keys import press, type_text


def kept(home: Path) -> dict[int | None, dict[str, object]]:
    with Desk(home) as desk:
        return {d.target: d.content for d in saved_drafts(desk.store)}


def test_a_draft_is_kept_as_typed_and_comes_back_saying_so(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    type_text("Payments recover")
    press("Ctrl+L")
    type_text("تتعافى المدفوعات")
    qtbot.waitUntil(
        lambda: kept(home).get(active_incident, {}).get("body_ar") == "تتعافى المدفوعات"
    )
    assert kept(home)[active_incident]["body_en"] == "Payments recover"

    # A window that goes away without being asked (as after a crash: nothing more is saved).
    window.ask_before_discarding = False
    window.close()
    again = launch()
    qtbot.waitUntil(lambda: again.composer.target == active_incident)
    assert again.composer.body_en.toPlainText() == "Payments recover"
    assert again.composer.body_ar.toPlainText() == "تتعافى المدفوعات"
    assert "Restored your unpublished draft" in again.statusBar().currentMessage()

    press("Ctrl+Return")  # published: the kept copy goes
    qtbot.waitUntil(lambda: active_incident not in kept(home), timeout=15_000)


def test_a_new_incidents_draft_is_kept_too_and_emptying_it_removes_it(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    launch()
    press("Ctrl+N")
    type_text("Half a title")
    qtbot.waitUntil(lambda: kept(home).get(None, {}).get("title_en") == "Half a title")
    for _ in "Half a title":
        press("Backspace")
    qtbot.waitUntil(lambda: None not in kept(home))
