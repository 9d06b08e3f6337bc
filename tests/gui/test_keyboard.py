"""The keyboard path of ARCHITECTURE §8 on the real main window: write both languages, publish with
Ctrl+Return, and find the update in the workspace and on the local status page."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from statusdesk.app import read_models
from statusdesk.core.model import DeliveryState, IncidentState, UpdateStatus
from statusdesk.desk import Desk
from statusdesk.gui.incidents.incident_list import IncidentListView
from statusdesk.gui.widgets.editors import BodyEditor, TitleEdit
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text

ENGLISH = "A fix is deployed and error rates are falling."
ARABIC = "تم نشر إصلاح وبدأت معدلات الأخطاء في الانخفاض."


def site_text(home: Path, *parts: str) -> str:
    return home.joinpath("site", *parts).read_text(encoding="utf-8")


def test_launch_opens_most_recent_active_incident_with_focus_on_the_list(
    home: Path, launch: WindowFactory
) -> None:
    older = open_incident(home, ("Older outage", "عطل أقدم"), ("Looking.", "نبحث."))
    newer = open_incident(home, ("Login failures", "فشل تسجيل الدخول"), ("Seen.", "رأينا."))
    assert newer != older
    window = launch()
    assert "statusdesk" in window.windowTitle()
    assert isinstance(focused(), IncidentListView)
    assert window.list.current_incident_id() == newer
    assert window.view.incident_id == newer
    assert window.composer.target == newer


def test_update_written_by_keyboard_is_published_with_ctrl_return(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    assert focused() is window.composer.body_en
    type_text(ENGLISH)
    press("Ctrl+L")
    assert focused() is window.composer.body_ar
    type_text(ARABIC)
    press("Ctrl+L")
    assert focused() is window.composer.body_en
    press("Ctrl+3")
    press("Ctrl+Return")

    qtbot.waitUntil(
        lambda: "Published to 1 channel" in window.statusBar().currentMessage(), timeout=30_000
    )
    # The draft went out, so the composer is clear for the next update.
    assert window.composer.body_en.toPlainText() == ""
    assert window.composer.body_ar.toPlainText() == ""

    with Desk(home) as desk:
        updates = desk.store.incidents.updates(active_incident)
        latest = updates[-1]
        assert (latest.body.en, latest.body.ar) == (ENGLISH, ARABIC)
        assert latest.state is IncidentState.MONITORING
        assert latest.status is UpdateStatus.PUBLISHED
        [delivery] = desk.store.deliveries.deliveries_for_update(latest.id)
        assert delivery.state is DeliveryState.SENT

    # The newest update is on top of the incident view, its chip live.
    qtbot.waitUntil(lambda: window.view.shown_update_ids()[:1] == [latest.id])
    card = window.view.cards()[0]
    assert card.body_en.text() == ENGLISH
    assert card.body_ar.text() == ARABIC
    qtbot.waitUntil(lambda: card.chips[delivery.id].state is DeliveryState.SENT)
    assert card.chips[delivery.id].text() == "site: sent"

    assert ENGLISH in site_text(home, "index.html")
    assert ARABIC in site_text(home, "ar", "index.html")


def test_new_incident_opened_and_published_by_keyboard(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+N")
    assert isinstance(focused(), TitleEdit) and focused() is window.composer.title_en
    type_text("Payments delayed")
    press("Ctrl+L")
    assert focused() is window.composer.title_ar
    type_text("تأخر المدفوعات")
    press("Tab")
    assert isinstance(focused(), BodyEditor) and focused() is window.composer.body_en
    type_text("Card payments are delayed by up to ten minutes.")
    press("Tab")
    assert focused() is window.composer.body_ar
    type_text("تتأخر المدفوعات بالبطاقات حتى عشر دقائق.")
    press("Ctrl+2")
    press("Ctrl+Return")

    qtbot.waitUntil(
        lambda: "Published to 1 channel" in window.statusBar().currentMessage(), timeout=30_000
    )
    with Desk(home) as desk:
        incidents = {i.title.en: i for i in desk.store.incidents.incidents()}
        opened = incidents["Payments delayed"]
        assert opened.title.ar == "تأخر المدفوعات"
        assert opened.state is IncidentState.IDENTIFIED
        [update] = desk.store.incidents.updates(opened.id)
        assert update.body.ar == "تتأخر المدفوعات بالبطاقات حتى عشر دقائق."
    # The new incident is current, and the composer now writes its next update.
    assert window.list.current_incident_id() == opened.id
    assert window.composer.target == opened.id
    assert not window.composer.is_new_incident
    assert window.model.rowCount() == 2
    assert "Card payments are delayed" in site_text(home, "index.html")
    assert "تأخر المدفوعات" in site_text(home, "ar", "index.html")


def test_ctrl_1_to_4_set_the_state(home: Path, active_incident: int, launch: WindowFactory) -> None:
    window = launch()
    expected = ["investigating", "identified", "monitoring", "resolved"]
    for number, state in reversed(list(enumerate(expected, start=1))):
        press(f"Ctrl+{number}")
        assert window.composer.state_value().value == state


def test_ctrl_1_to_4_map_to_maintenance_states(home: Path, launch: WindowFactory) -> None:
    from statusdesk.core.model import IncidentKind

    open_incident(
        home,
        ("Database upgrade", "ترقية قاعدة البيانات"),
        ("Planned.", "مخطط لها."),
        kind=IncidentKind.MAINTENANCE,
    )
    window = launch()
    expected = ["scheduled", "in_progress", "verifying", "completed"]
    for number, state in reversed(list(enumerate(expected, start=1))):
        press(f"Ctrl+{number}")
        assert window.composer.state_value().value == state


def test_alt_up_and_down_move_between_incidents_and_keep_each_draft(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    ids = [
        open_incident(home, (f"Incident {n}", f"حادثة {n}"), ("Looking.", "نبحث."))
        for n in range(3)
    ]
    window = launch()
    order = [window.model.summary(row).incident.id for row in range(3)]  # type: ignore[union-attr]
    assert sorted(order) == sorted(ids)
    assert window.list.current_incident_id() == order[0]
    press("Ctrl+U")
    type_text("Draft for the first one")
    press("Alt+Down")
    assert window.list.current_incident_id() == order[1]
    # Its rows are read off the GUI thread; the page and the composer follow when they arrive.
    qtbot.waitUntil(lambda: window.view.incident_id == order[1])
    assert window.view.incident_id == order[1]
    assert window.composer.target == order[1]
    assert window.composer.body_en.toPlainText() == ""
    press("Alt+Down")
    press("Alt+Down")  # stays on the last one
    assert window.list.current_incident_id() == order[2]
    press("Alt+Up")
    press("Alt+Up")
    assert window.list.current_incident_id() == order[0]
    qtbot.waitUntil(lambda: window.composer.target == order[0])
    assert window.composer.body_en.toPlainText() == "Draft for the first one"


def test_ctrl_u_wins_over_a_focused_line_edit(
    home: Path, active_incident: int, launch: WindowFactory
) -> None:
    """Under X11 a focused QLineEdit takes Ctrl+U (delete to line start); ours must win and the
    typed title must survive."""
    window = launch()
    press("Ctrl+N")
    type_text("Half-typed title")
    press("Ctrl+U")
    assert window.composer.target == active_incident
    assert focused() is window.composer.body_en
    press("Ctrl+N")
    assert window.composer.title_en.text() == "Half-typed title"


def test_f1_lists_every_binding_and_esc_returns_focus(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    from statusdesk.gui.keys.bindings import BINDINGS
    from statusdesk.gui.keys.cheatsheet import native_key

    window = launch()
    press("Ctrl+U")
    editor = focused()
    press("F1")
    sheet = window.windows.cheat_sheet
    qtbot.waitUntil(sheet.isVisible)
    assert sheet.isWindow()
    qtbot.waitUntil(lambda: sheet.isActiveWindow())
    listed = {(command, key, does) for command, key, does in sheet.rows()}
    assert listed == {(b.command, native_key(b.key), b.description) for b in BINDINGS}
    press("Escape")
    qtbot.waitUntil(lambda: not sheet.isVisible())
    qtbot.waitUntil(lambda: focused() is editor)


def test_esc_never_discards_a_draft(
    home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    type_text("Keep me")
    press("Escape")
    press("Escape")
    assert window.composer.body_en.toPlainText() == "Keep me"


def test_choosing_an_incident_reads_its_rows_off_the_gui_thread(
    qtbot, home: Path, launch: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long incident's rows take a quarter of a second to read: never on the GUI thread
    when the user moves through the list."""
    for n in range(2):
        open_incident(home, (f"Incident {n}", f"حادثة {n}"), ("Looking.", "نبحث."))
    window = launch()
    on_gui_thread: list[bool] = []
    read = read_models.load_page

    def recording(desk, incident_id):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return read(desk, incident_id)

    monkeypatch.setattr(read_models, "load_page", recording)
    second = window.model.summary(1).incident.id  # type: ignore[union-attr]
    press("Alt+Down")
    qtbot.waitUntil(lambda: window.view.incident_id == second)
    assert on_gui_thread and not any(on_gui_thread)
