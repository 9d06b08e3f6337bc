"""Issue #5 in the window, by keyboard, on an injected clock: schedule with the picker
(Ctrl+Shift+Return), the Scheduled section, cancel and reschedule, the window firing a due
update, a machine that slept (a clock jump, stale updates sent or discarded), the next-update
countdown and its one notification, and the silence alarm. The clock is a FakeClock the test
moves (wall and monotonic apart, for a sleep); the channels are the probes of
test_deliveries.py. Nothing sleeps: every wait is a qtbot.waitUntil on what the window shows."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from statusdesk.app import read_models
from statusdesk.app.standings import Standing, channel_standings
from statusdesk.channels import registry
from statusdesk.core.model import (
    BilingualText,
    DeliveryState,
    Draft,
    IncidentState,
    Update,
    UpdateStatus,
)
from statusdesk.core.promise import Level
from statusdesk.desk import Desk
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.desk.tray import DeskTray
from statusdesk.gui.incidents.incident_list import NEXT
from statusdesk.gui.incidents.rhythm_widgets import RhythmPanel
from statusdesk.gui.runtime.session import Session
from statusdesk.gui.schedule.schedule_popups import EditPendingPopup, SchedulePicker
from statusdesk.gui.widgets.popups import ConfirmPopup, DeliveryChooser
from statusdesk.gui.wording.rhythm import countdown, missed_summary, standing_sentence
from tests.gui.keys import focused, press, type_text
from tests.gui.test_deliveries import SCRIPT, FakeTray, ProbeChannel, refused
from tests.unit.test_schedule_support import FakeClock

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # 10:00 in Berlin, winter time (CET, UTC+01:00)
BERLIN = ZoneInfo("Europe/Berlin")
EN = "We have identified the cause."
BEAT_MS = 50
AR = "حددنا السبب."


# -- fixtures -------------------------------------------------------------------------------------


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> FakeTray:
    fake = FakeTray()
    monkeypatch.setattr(DeskTray, "message_target", lambda self: fake)
    return fake


def workspace(
    home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock, channels: tuple[str, ...]
) -> int:
    """Probe channels (the site off) and an incident whose first update went out at T0 to all
    of them; every time in it is the fake clock's."""
    monkeypatch.setitem(registry.KINDS, "probe", ProbeChannel)
    SCRIPT.sends.clear()
    SCRIPT.reconciles.clear()
    with Desk(home, clock=clock) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        for name in channels:
            desk.store.channels.add_channel(kind="probe", name=name, now=desk.now())
        published = desk.publishing.open_incident(
            title=BilingualText("API errors", "أخطاء الواجهة"),
            draft=Draft(
                BilingualText("Investigating.", "نحقق."), IncidentState.INVESTIGATING, author="t"
            ),
        )
        desk.deliveries.wait_for(published.update_id, timeout=10)
    return published.incident_id


@pytest.fixture
def incident(home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> int:
    return workspace(home, monkeypatch, clock, ("alpha", "beta"))


@pytest.fixture
def launch_at(qtbot, home: Path, clock: FakeClock) -> Iterator[type[MainWindow]]:  # type: ignore[no-untyped-def]
    """The real main window on `home`, its Desk on the fake clock, times shown in Berlin."""
    opened: list[tuple[MainWindow, Session]] = []

    def factory() -> MainWindow:
        session = Session(home, clock=clock, monotonic=clock.monotonic, zone=BERLIN)
        window = MainWindow(session)
        # The one clock timer beats every second; here faster, so the fake clock's moves show
        # at once (the beat does the same work whatever its interval).
        window.scheduling.timer.setInterval(BEAT_MS)
        opened.append((window, session))
        with qtbot.waitActive(window):
            window.show()
            window.raise_()
            window.activateWindow()
        return window

    yield factory  # type: ignore[misc]
    for window, session in opened:
        window.ask_before_discarding = False
        window.close()
        session.close()
        window.deleteLater()


def schedule(home: Path, clock: FakeClock, incident: int, minutes: float, en: str) -> int:
    """An update stored to go out `minutes` after now (as `incident update --at` does)."""
    with Desk(home, clock=clock) as desk:
        published = desk.publishing.post_update(
            incident,
            Draft(BilingualText(en, AR), IncidentState.IDENTIFIED, author="t"),
            scheduled_for=clock.now() + timedelta(minutes=minutes),
            dispatch=False,
        )
    return published.update_id


def stored(home: Path, update_id: int) -> Update:
    with Desk(home) as desk:
        update = desk.store.incidents.update(update_id)
    assert update is not None
    return update


def deliveries(home: Path, update_id: int) -> list[DeliveryState]:
    with Desk(home) as desk:
        return [d.state for d in desk.store.deliveries.deliveries_for_update(update_id)]


def event_kinds(home: Path, update_id: int) -> list[str]:
    with Desk(home) as desk:
        return [str(e["kind"]) for e in desk.store.audit.events() if e["update_id"] == update_id]


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def pending_ids(window: MainWindow) -> list[int]:
    return [t.update_id for t in window.view.pending()]


def wait_for_popup(qtbot, window: MainWindow, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            isinstance(window.popup, kind)
            and window.popup.isVisible()
            and window.popup.isActiveWindow()
        )
    )
    popup = window.popup
    assert popup is not None
    return popup


def rhythm(window: MainWindow) -> RhythmPanel:
    """The page's countdown and channels, looked up afresh (a re-read may rebuild the page)."""
    panel = window.view.rhythm
    assert panel is not None
    return panel


def row_of(window: MainWindow, incident: int) -> int:
    row = window.model.row_of(incident)
    assert row is not None
    return row


def cell(window: MainWindow, incident: int, column: int, role: int = 0) -> object:
    index = window.model.index(row_of(window, incident), column)
    return window.model.data(index, role or Qt.ItemDataRole.DisplayRole)


# -- scheduling with the picker -------------------------------------------------------------------


def test_in_15m_by_keyboard_is_stored_scheduled_shown_local_and_utc_and_not_sent(
    qtbot, home: Path, incident: int, clock: FakeClock, launch_at
) -> None:  # type: ignore[no-untyped-def]
    window = launch_at()
    press("Ctrl+U")
    type_text(EN)
    press("Ctrl+L")
    type_text(AR)
    press("Ctrl+Shift+Return")
    picker = wait_for_popup(qtbot, window, SchedulePicker)
    assert isinstance(picker, SchedulePicker)
    assert focused() is picker.edit
    assert picker.edit.accessibleName() == "When to send the update"
    type_text("in 15m")
    # Local time and UTC, as typed.
    assert picker.meaning.text() == (
        "Local: 2026-03-10 10:15 CET (UTC+01:00)\nUTC: 2026-03-10 09:15 UTC"
    )
    press("Return")
    qtbot.waitUntil(lambda: not picker.isVisible())
    qtbot.waitUntil(lambda: "scheduled for 2026-03-10 10:15 CET" in message(window))
    assert "nothing is sent until then" in message(window)
    # The composer clears as after publishing, and the keyboard is back in it.
    assert window.composer.body_en.toPlainText() == ""
    assert window.composer.body_ar.toPlainText() == ""
    assert focused() is window.composer.body_ar

    with Desk(home) as desk:
        updates = desk.store.incidents.updates(incident)
    new = updates[-1]
    assert (new.status, new.scheduled_for) == (UpdateStatus.SCHEDULED, "2026-03-10T09:15:00Z")
    assert (new.body.en, new.body.ar) == (EN, AR)
    assert deliveries(home, new.id) == []  # nothing is sent

    # The Scheduled section lists it: its time in local time and UTC, its state, first words.
    qtbot.waitUntil(lambda: pending_ids(window) == [new.id])
    assert window.view.scheduled is not None and window.view.scheduled.isVisible()
    (row,) = window.view.scheduled.rows()
    assert row.text().startswith(
        "Scheduled 2026-03-10 10:15 CET (UTC+01:00) · 2026-03-10 09:15 UTC — in 15 min · "
        "Investigating · “We have identified the cause.”"
    )
    assert row.accessibleName() == row.text()
    assert len(window.view.cards()) == 1  # a card is for what went out

    # Time passes (the timer ticks) up to a minute before: still nothing is sent.
    clock.run(minutes=14)
    qtbot.waitUntil(lambda: "in 1 min" in window.view.scheduled.rows()[0].text())
    assert stored(home, new.id).status is UpdateStatus.SCHEDULED
    assert deliveries(home, new.id) == []


def test_a_re_read_begun_before_scheduling_does_not_hide_the_scheduled_update(
    qtbot, home: Path, incident: int, monkeypatch: pytest.MonkeyPatch, launch_at
) -> None:  # type: ignore[no-untyped-def]
    """A re-read of the list and the page that began before the commit and ends after it must
    not put the old page back: the scheduled update vanished from the Scheduled section (CI saw
    it once) until something else changed."""
    window = launch_at()
    real_read = read_models.read_view
    began, release = threading.Event(), threading.Event()
    reads: list[int] = []

    def held_read(views, incident_id):  # type: ignore[no-untyped-def]
        data = real_read(views, incident_id)  # the workspace as it was before the commit
        reads.append(len(data.page.updates) if data.page is not None else 0)
        if len(reads) == 1:
            began.set()
            assert release.wait(timeout=30)
        return data

    monkeypatch.setattr(read_models, "read_view", held_read)
    window.browser.refresh()
    qtbot.waitUntil(began.is_set)
    press("Ctrl+U")
    type_text(EN)
    press("Ctrl+L")
    type_text(AR)
    press("Ctrl+Shift+Return")
    picker = wait_for_popup(qtbot, window, SchedulePicker)
    type_text("in 15m")
    press("Return")
    qtbot.waitUntil(lambda: len(pending_ids(window)) == 1)
    (new_id,) = pending_ids(window)
    shown: list[list[int]] = []  # what the Scheduled section lists after each read is shown
    window.browser.view_read.connect(lambda _: shown.append(pending_ids(window)))

    release.set()  # the old read lands after the commit was shown
    qtbot.waitUntil(lambda: len(reads) >= 2 and not window.session.tasks.busy)
    assert reads[0] < reads[-1]  # the first read was stale; a fresh one replaced it
    assert not picker.isVisible()
    assert shown and all(ids == [new_id] for ids in shown), shown  # never the old page
    assert pending_ids(window) == [new_id]
    assert window.view.scheduled is not None and window.view.scheduled.isVisible()


def test_a_bad_time_says_why_and_esc_gives_the_draft_back_untouched(
    qtbot, home: Path, incident: int, launch_at
) -> None:  # type: ignore[no-untyped-def]
    window = launch_at()
    press("Ctrl+Shift+Return")  # nothing written yet
    assert window.popup is None
    assert message(window).startswith("Nothing to schedule yet: write the update first")

    press("Ctrl+U")
    type_text(EN)
    editor = focused()
    press("Ctrl+Shift+Return")
    picker = wait_for_popup(qtbot, window, SchedulePicker)
    assert isinstance(picker, SchedulePicker)
    type_text("25:99")
    assert picker.meaning.text() == ("Cannot schedule: 25:99 is not a time of day (00:00 to 23:59)")
    press("Return")  # refused: the picker stays, with the reason
    assert picker.isVisible()
    assert focused() is picker.edit
    assert "not a time of day" in picker.meaning.accessibleName()

    press("Ctrl+A")
    type_text("next week")
    assert picker.meaning.text().startswith("Cannot schedule: 'next week' is not a time")
    # A time that DST makes odd is taken, and the note says how.
    press("Ctrl+A")
    type_text("2026-03-29T02:30")
    assert picker.meaning.text().splitlines() == [
        "Local: 2026-03-29 03:30 CEST (UTC+02:00)",
        "UTC: 2026-03-29 01:30 UTC",
        "Note: 02:30 does not exist on 29 Mar 2026 in Europe/Berlin (the clocks jump forward "
        "60 min); taking 03:30 CEST (UTC+02:00), 60 min later on the clock",
    ]

    press("Escape")
    qtbot.waitUntil(lambda: not picker.isVisible())
    qtbot.waitUntil(lambda: focused() is editor)
    assert window.composer.body_en.toPlainText() == EN
    with Desk(home) as desk:
        assert len(desk.store.incidents.updates(incident)) == 1

    # A time that parses, but the draft cannot go out as it is (no Arabic for channels that
    # publish both): refused like a publish, the reason in the composer, the draft kept.
    press("Ctrl+Shift+Return")
    wait_for_popup(qtbot, window, SchedulePicker)
    type_text("in 15m")
    press("Return")
    qtbot.waitUntil(lambda: message(window).startswith("Not scheduled — The Arabic text is empty"))
    assert window.composer.body_en.toPlainText() == EN
    assert any(p.field == "body_ar" for p in window.composer.problems.problems)
    with Desk(home) as desk:
        assert len(desk.store.incidents.updates(incident)) == 1


# -- the Scheduled section: cancel and reschedule -------------------------------------------------


def test_cancel_asks_first_and_reschedule_opens_the_picker_prefilled(
    qtbot, home: Path, incident: int, clock: FakeClock, launch_at
) -> None:  # type: ignore[no-untyped-def]
    first = schedule(home, clock, incident, 15, "First planned word.")
    second = schedule(home, clock, incident, 30, "Second planned word.")
    window = launch_at()
    qtbot.waitUntil(lambda: pending_ids(window) == [first, second])
    where = focused()

    # Two are scheduled: a chooser, soonest first; Enter takes it; the confirmation asks.
    press("Ctrl+Shift+X")
    chooser = wait_for_popup(qtbot, window, DeliveryChooser)
    assert isinstance(chooser, DeliveryChooser)
    assert isinstance(focused(), QListWidget)
    rows = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert "09:15 UTC" in rows[0] and "First planned word." in rows[0]
    assert "09:30 UTC" in rows[1]
    press("Return")
    confirm = wait_for_popup(qtbot, window, ConfirmPopup)
    assert isinstance(confirm, ConfirmPopup)
    assert focused() is confirm.yes
    assert confirm.question.text() == (
        "Cancel the update scheduled for 2026-03-10 10:15 CET (UTC+01:00) · 2026-03-10 "
        "09:15 UTC? It will not go out."
    )
    press("Escape")  # changes nothing
    qtbot.waitUntil(lambda: not confirm.isVisible())
    qtbot.waitUntil(lambda: focused() is where)
    assert message(window) == "Kept: the update stays scheduled."
    assert stored(home, first).status is UpdateStatus.SCHEDULED

    press("Ctrl+Shift+X")
    wait_for_popup(qtbot, window, DeliveryChooser)
    press("Return")
    wait_for_popup(qtbot, window, ConfirmPopup)
    press("Return")
    qtbot.waitUntil(lambda: stored(home, first).status is UpdateStatus.CANCELLED)
    qtbot.waitUntil(lambda: pending_ids(window) == [second])
    assert message(window).startswith("Cancelled the update scheduled for 2026-03-10 10:15 CET")
    assert "update.cancelled" in event_kinds(home, first)

    # One left: Ctrl+Shift+R opens the picker at once, prefilled with its time (local).
    press("Ctrl+Shift+R")
    picker = wait_for_popup(qtbot, window, SchedulePicker)
    assert isinstance(picker, SchedulePicker)
    assert picker.edit.text() == "2026-03-10T10:30"
    assert picker.edit.selectedText() == "2026-03-10T10:30"  # typing replaces it
    assert picker.meaning.text().splitlines()[1] == "UTC: 2026-03-10 09:30 UTC"
    type_text("in 1h")
    press("Return")
    qtbot.waitUntil(lambda: stored(home, second).scheduled_for == "2026-03-10T10:00:00Z")
    qtbot.waitUntil(
        lambda: "10:00 UTC — in 60 min" in window.view.scheduled.rows()[0].text()  # type: ignore[union-attr]
    )
    assert stored(home, second).status is UpdateStatus.SCHEDULED
    assert message(window) == (
        f"Rescheduled the update on #{incident} to 2026-03-10 11:00 CET (UTC+01:00) · "
        "2026-03-10 10:00 UTC."
    )
    # None is stale: Ctrl+Shift+D says so and changes nothing.
    press("Ctrl+Shift+D")
    assert message(window) == "Nothing to discard: no update of this incident is stale."


def test_edit_by_keys_and_a_save_after_it_went_out_is_refused_with_the_text_kept(
    qtbot, home: Path, incident: int, clock: FakeClock, launch_at
) -> None:  # type: ignore[no-untyped-def]
    planned = schedule(home, clock, incident, 10, "Plannd word.")
    window = launch_at()
    qtbot.waitUntil(lambda: pending_ids(window) == [planned])
    press("Ctrl+Shift+E")  # one waits: its editor at once, both languages prefilled
    editor = wait_for_popup(qtbot, window, EditPendingPopup)
    assert isinstance(editor, EditPendingPopup)
    assert focused() is editor.body_en
    assert (editor.body_en.toPlainText(), editor.body_ar.toPlainText()) == ("Plannd word.", AR)
    press("Ctrl+A")
    type_text("Planned word.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: stored(home, planned).body == BilingualText("Planned word.", AR))
    qtbot.waitUntil(lambda: "“Planned word.”" in window.view.scheduled.rows()[0].text())  # type: ignore[union-attr]
    assert "update.edited" in event_kinds(home, planned)

    # Again; it goes out while the editor is open: the save is refused, the words stay.
    press("Ctrl+Shift+E")
    editor = wait_for_popup(qtbot, window, EditPendingPopup)
    assert isinstance(editor, EditPendingPopup)
    press("Ctrl+End")
    type_text(" More.")
    clock.run(minutes=10)
    qtbot.waitUntil(lambda: stored(home, planned).status is UpdateStatus.PUBLISHED)
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: editor.problem.isVisible())
    assert editor.problem.text().startswith(f"Not saved: Update {planned} already went out")
    assert editor.isVisible()
    assert editor.body_en.toPlainText() == "Planned word. More."
    assert focused() is editor.body_en
    press("Escape")
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert stored(home, planned).body.en == "Planned word."


# -- firing ---------------------------------------------------------------------------------------


def test_the_window_sends_a_due_update_once_when_the_clock_passes_its_time(
    qtbot, home: Path, incident: int, clock: FakeClock, launch_at
) -> None:  # type: ignore[no-untyped-def]
    planned = schedule(home, clock, incident, 10, "Planned word.")
    window = launch_at()
    qtbot.waitUntil(lambda: pending_ids(window) == [planned])
    clock.run(minutes=9, seconds=59)
    qtbot.waitUntil(lambda: "in 1 s" in window.view.scheduled.rows()[0].text())  # type: ignore[union-attr]
    assert stored(home, planned).status is UpdateStatus.SCHEDULED

    clock.run(seconds=1)
    qtbot.waitUntil(lambda: stored(home, planned).status is UpdateStatus.PUBLISHED, timeout=5_000)
    qtbot.waitUntil(lambda: deliveries(home, planned) == [DeliveryState.SENT] * 2, timeout=5_000)
    qtbot.waitUntil(
        lambda: f"A scheduled update on #{incident} went out (on time)." in message(window)
    )
    qtbot.waitUntil(lambda: len(window.view.cards()) == 2 and pending_ids(window) == [])
    assert window.view.cards()[0].body_en.text() == "Planned word."
    assert not window.view.scheduled.isVisible()  # type: ignore[union-attr]
    update = stored(home, planned)
    assert (update.scheduled_for, update.published_at) == (
        "2026-03-10T09:10:00Z",
        "2026-03-10T09:10:00Z",
    )
    # More ticks change nothing: it went out once.
    clock.run(seconds=30)
    qtbot.waitUntil(lambda: cell(window, incident, NEXT) == "in 29 min")
    assert event_kinds(home, planned).count("update.published") == 1


def test_a_machine_that_slept_says_so_and_stale_updates_are_sent_or_discarded_by_keys(
    qtbot, home: Path, incident: int, clock: FakeClock, tray: FakeTray, launch_at
) -> None:  # type: ignore[no-untyped-def]
    first = schedule(home, clock, incident, 5, "First planned word.")
    second = schedule(home, clock, incident, 6, "Second planned word.")
    window = launch_at()
    qtbot.waitUntil(lambda: pending_ids(window) == [first, second])

    clock.sleep(hours=1)  # the wall clock moves, the monotonic one does not: suspended
    qtbot.waitUntil(lambda: "The clock jumped forward by 60 min" in message(window))
    assert "it is stale and was not sent" in message(window)
    qtbot.waitUntil(lambda: all(t.stale for t in window.view.pending()))
    assert stored(home, first).status is UpdateStatus.STALE
    assert deliveries(home, first) == []  # an hour-old word is never posted by itself
    stale_titles = [t for t, _ in tray.messages if "stale" in t]
    assert stale_titles == [f"statusdesk — a stale update on #{incident}"] * 2
    rows = [row.text() for row in window.view.scheduled.rows()]  # type: ignore[union-attr]
    assert rows[0].startswith("STALE 2026-03-10 10:05 CET (UTC+01:00) · 2026-03-10 09:05 UTC")
    assert "was due 55 min ago; not sent" in rows[0]
    assert "Ctrl+Shift+G sends it now · Ctrl+Shift+D discards it" in rows[0]

    # Send the first now: a chooser (both are stale), a confirmation that says how late.
    press("Ctrl+Shift+G")
    wait_for_popup(qtbot, window, DeliveryChooser)
    press("Return")
    confirm = wait_for_popup(qtbot, window, ConfirmPopup)
    assert isinstance(confirm, ConfirmPopup)
    assert "55 min after it was due" in confirm.question.text()
    press("Return")
    qtbot.waitUntil(lambda: deliveries(home, first) == [DeliveryState.SENT] * 2, timeout=5_000)
    assert stored(home, first).status is UpdateStatus.PUBLISHED
    qtbot.waitUntil(lambda: pending_ids(window) == [second])

    # Discard the other: the only stale one, so straight to the confirmation.
    press("Ctrl+Shift+D")
    confirm = wait_for_popup(qtbot, window, ConfirmPopup)
    assert confirm.question.text() == "Discard this stale update? It will never go out."  # type: ignore[attr-defined]
    press("Return")
    qtbot.waitUntil(lambda: stored(home, second).status is UpdateStatus.CANCELLED)
    assert "update.discarded" in event_kinds(home, second)
    assert deliveries(home, second) == []
    qtbot.waitUntil(lambda: pending_ids(window) == [])


# -- the next-update promise ----------------------------------------------------------------------


def test_the_countdown_turns_amber_then_red_and_overdue_is_notified_once(
    qtbot, home: Path, incident: int, clock: FakeClock, tray: FakeTray, launch_at
) -> None:  # type: ignore[no-untyped-def]
    window = launch_at()
    assert cell(window, incident, NEXT) == "in 30 min"
    assert rhythm(window).level is Level.OK
    assert rhythm(window).promise.text() == (
        "Next update in 30 min — promised for 10:30 CET (09:30 UTC) (every 30 min)"
    )

    clock.run(minutes=26)
    qtbot.waitUntil(lambda: rhythm(window).level is Level.AMBER)
    assert rhythm(window).promise.text().startswith("Next update in 4 min — due soon")
    qtbot.waitUntil(lambda: cell(window, incident, NEXT) == "in 4 min, soon")
    assert cell(window, incident, NEXT, Qt.ItemDataRole.AccessibleTextRole) == (
        "next update in 4 min — due soon"
    )
    assert not [t for t, _ in tray.messages if "overdue" in t]

    clock.run(minutes=7)
    qtbot.waitUntil(lambda: rhythm(window).level is Level.RED)
    assert rhythm(window).promise.text().startswith("Next update overdue by 3 min")
    qtbot.waitUntil(lambda: cell(window, incident, NEXT) == "overdue 3 min")
    qtbot.waitUntil(lambda: len(tray.messages) == 1)
    title, text = tray.messages[0]
    assert title == f"statusdesk — update overdue on #{incident}"
    assert text.startswith(f"Incident #{incident} (API errors): the next update is overdue by")
    assert "promised for 2026-03-10 10:30 CET (UTC+01:00) · 2026-03-10 09:30 UTC" in text

    clock.run(minutes=2)  # more ticks, still overdue: said once
    qtbot.waitUntil(lambda: cell(window, incident, NEXT) == "overdue 5 min")
    assert rhythm(window).promise.text().startswith("Next update overdue by 5 min")
    assert len(tray.messages) == 1


def test_countdown_words() -> None:
    due = "2026-03-10T09:30:00Z"
    assert countdown(due, T0) == countdown(due, T0)
    assert (countdown(due, T0).level, countdown(due, T0).short) == (Level.OK, "in 30 min")
    five = T0 + timedelta(minutes=25)
    assert (countdown(due, five).level, countdown(due, five).text) == (
        Level.AMBER,
        "next update in 5 min — due soon",
    )
    at = T0 + timedelta(minutes=30)
    assert (countdown(due, at).level, countdown(due, at).text) == (Level.RED, "next update due now")
    late = T0 + timedelta(minutes=30, seconds=40)
    assert countdown(due, late).text == "next update overdue by 40 s"
    assert countdown(None, T0) == countdown(None, late)
    assert countdown(None, T0).level is Level.NONE


# -- the silence alarm ----------------------------------------------------------------------------


def test_a_channel_that_failed_the_latest_update_is_flagged_and_a_skipped_one_is_not(
    qtbot, home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock, launch_at
) -> None:  # type: ignore[no-untyped-def]
    incident = workspace(home, monkeypatch, clock, ("alpha", "beta", "gamma"))
    clock.run(minutes=10)
    SCRIPT.sends["beta"] = [refused]
    SCRIPT.sends["gamma"] = [refused]
    with Desk(home, clock=clock) as desk:
        published = desk.publishing.post_update(
            incident, Draft(BilingualText(EN, AR), IncidentState.IDENTIFIED, author="t")
        )
        by_channel = {
            desk.store.channels.channel(d.channel_id).name: d  # type: ignore[union-attr]
            for d in desk.deliveries.wait_for(published.update_id, timeout=10)
        }
        assert by_channel["beta"].state is DeliveryState.FAILED
        desk.deliveries.skip_delivery(by_channel["gamma"].id, "posted by hand")
    clock.run(minutes=42)  # T0 + 52 min: beta's newest delivered update is 52 min old

    window = launch_at()
    assert rhythm(window).alarm.isVisible()
    assert rhythm(window).alarm.text() == (
        "⚠ beta: silent for 52 min — missed the latest update (its delivery failed)"
    )
    marks = {name: label.text() for name, label in rhythm(window).marks().items()}
    assert marks == {
        "alpha": "✓ alpha · 42 min",
        "beta": "✗ beta · silent 52 min",
        "gamma": "– gamma · skipped",
    }
    assert rhythm(window).marks()["gamma"].accessibleName() == (
        "gamma: skipped the latest update (a recorded decision: posted by hand); its newest "
        "delivered update "
        "is 52 min old"
    )
    # The list marks the row (once the first beat has read the alarm beside the list), in
    # words beside the broken promise.
    qtbot.waitUntil(lambda: cell(window, incident, NEXT) == "overdue 12 min · ✗ beta missed")
    spoken = cell(window, incident, NEXT, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == (
        "next update overdue by 12 min; beta: silent for 52 min — missed the latest update "
        "(its delivery failed)"
    )
    tooltip = str(cell(window, incident, NEXT, Qt.ItemDataRole.ToolTipRole))
    assert "gamma: skipped the latest update" in tooltip  # the whole parity, on demand

    # Ages move with the clock; the flag stays until beta says the latest thing.
    clock.run(minutes=3)
    qtbot.waitUntil(lambda: "silent for 55 min" in rhythm(window).alarm.text())


def test_standings_put_updates_in_the_order_they_went_out() -> None:
    """A scheduled update written before another but sent after it is the latest one."""
    from statusdesk.core.model import Channel, Delivery, Language, Order

    alpha = Channel(1, "probe", "alpha", True, Language.BOTH, Order.EN_FIRST)
    written_first = Update(1, 1, IncidentState.IDENTIFIED, BilingualText("a"), "t",
                           "2026-03-10T09:00:00Z", UpdateStatus.PUBLISHED,
                           "2026-03-10T09:30:00Z", "2026-03-10T09:30:00Z")  # fmt: skip
    written_later = Update(2, 1, IncidentState.IDENTIFIED, BilingualText("b"), "t",
                           "2026-03-10T09:10:00Z", UpdateStatus.PUBLISHED,
                           None, "2026-03-10T09:10:00Z")  # fmt: skip
    sent = {
        1: [Delivery(1, 1, 1, DeliveryState.FAILED)],
        2: [Delivery(2, 2, 1, DeliveryState.SENT, sent_at="2026-03-10T09:10:01Z")],
    }
    (standing,) = channel_standings([written_first, written_later], sent, [alpha])
    assert standing.standing is Standing.MISSED
    assert missed_summary([standing]) == "✗ alpha missed"
    assert standing_sentence(standing, T0 + timedelta(minutes=40)) == (
        "alpha: silent for 30 min — missed the latest update (its delivery failed)"
    )


def test_the_schedule_key_is_in_the_table(qtbot, home: Path, incident: int, launch_at) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.gui.keys.bindings import key_for

    assert key_for("schedule") == "Ctrl+Shift+Return"
    window = launch_at()
    assert window.actions_by_command["schedule"].shortcut().toString() == "Ctrl+Shift+Return"
    menu = window.menuBar().findChild(QWidget, "menu-Planned")
    assert menu is not None
    assert {a.objectName() for a in menu.actions()} == {  # type: ignore[attr-defined]
        "action-edit-scheduled",
        "action-reschedule",
        "action-cancel-scheduled",
        "action-send-now",
        "action-discard-stale",
        # issue #17: updates waiting for review are not out yet either
        "action-reviews",
        "action-approve-review",
        "action-return-review",
    }
    assert QApplication.focusWidget() is window.list


def test_a_clock_time_that_passes_while_the_picker_is_open_is_shown_again_before_it_is_taken(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(T0)  # 10:00 in Berlin
    owner = QWidget()
    qtbot.addWidget(owner)
    picker = SchedulePicker(
        owner, title="t", what="w", action="&Schedule", now=clock.now, zone=BERLIN
    )
    taken: list[datetime] = []
    picker.chosen.connect(taken.append)
    picker.open_over(None)
    picker.edit.setText("10:30")
    assert (
        picker.meaning.text().splitlines()[0] == "Local: 2026-03-10 10:30 CET (UTC+01:00) (today)"
    )
    clock.run(minutes=31)  # 10:31: "10:30" now means tomorrow
    picker.accept()
    assert picker.isVisible() and taken == []
    assert picker.meaning.text().splitlines()[0] == (
        "Local: 2026-03-11 10:30 CET (UTC+01:00) (tomorrow)"
    )
    picker.accept()
    assert taken == [datetime(2026, 3, 11, 9, 30, tzinfo=UTC)]
    assert not picker.isVisible()
