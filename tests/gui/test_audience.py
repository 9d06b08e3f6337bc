"""Issue #12 §1 in the window: the audience never narrows by accident.

Every new update and new incident starts with every enabled channel ticked — after a publish,
after a schedule, after choosing another incident — and a choice made stays only within its
draft. Publishing (or scheduling) with an enabled channel unticked asks why in a popup that
takes the keyboard: Enter on a filled reason publishes (the channels left out get a `skipped`
delivery carrying it), Enter on an empty one says a reason is needed, Esc goes back with
nothing lost. The site is on, beside probe channels alpha and beta (tests/probe.py) and a
disabled gamma; nothing sleeps, every wait is for what the window or the workspace shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from statusdesk.gui.compose.audience import LeaveOutReasonPopup
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.schedule.schedule_popups import SchedulePicker
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text
from tests.probe import register

EVERY_ENABLED = ("site", "alpha", "beta")
REASON = "a site-only note: X and email are for customer-facing news"
EN = "A note for the status page only."
AR = "ملاحظة لصفحة الحالة فقط."


def workspace(home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """The site and probes alpha, beta (enabled) and gamma (disabled); two incidents whose
    first updates went to every enabled channel."""
    register(monkeypatch)
    ids = []
    with Desk(home) as desk:
        for name in ("alpha", "beta", "gamma"):
            desk.store.channels.add_channel(kind="probe", name=name, now=desk.now())
        gamma = desk.store.channels.channel_by_name("gamma")
        assert gamma is not None
        desk.store.channels.set_channel_enabled(gamma.id, False, desk.now())
        for title in (("Login errors", "أخطاء الدخول"), ("API errors", "أخطاء الواجهة")):
            published = desk.publishing.open_incident(
                title=BilingualText(*title),
                draft=Draft(
                    BilingualText("Investigating.", "نحقق."),
                    IncidentState.INVESTIGATING,
                    author="t",
                ),
            )
            desk.deliveries.wait_for(published.update_id, timeout=30)
            ids.append(published.incident_id)
    return ids[0], ids[1]


@pytest.fixture
def incidents(home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    return workspace(home, monkeypatch)


def only_site(window: MainWindow) -> None:
    for name in ("alpha", "beta"):
        window.composer.channel_checkbox(name).setChecked(False)


def write(en: str = EN, ar: str = AR) -> None:
    type_text(en)
    press("Ctrl+L")
    type_text(ar)


def reason_popup(qtbot, window: MainWindow) -> LeaveOutReasonPopup:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            isinstance(window.popup, LeaveOutReasonPopup)
            and window.popup.isVisible()
            and window.popup.isActiveWindow()
        ),
        timeout=10_000,  # after the publish's round trip on the TaskRunner
    )
    popup = window.popup
    assert isinstance(popup, LeaveOutReasonPopup)
    qtbot.waitUntil(lambda: focused() is popup.reason)
    return popup


def deliveries(home: Path, incident_id: int) -> list[dict[str, tuple[str, str | None]]]:
    """Per update, oldest first: channel → (state, decision note)."""
    with Desk(home) as desk:
        names = {c.id: c.name for c in desk.store.channels.channels()}
        grouped = desk.store.deliveries.deliveries_for_incident(incident_id)
        return [
            {names[d.channel_id]: (d.state.value, d.decision_note) for d in grouped[u.id]}
            for u in desk.store.incidents.updates(incident_id)
            if u.id in grouped
        ]


def update_count(home: Path, incident_id: int) -> int:
    with Desk(home) as desk:
        return len(desk.store.incidents.updates(incident_id))


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_a_site_only_update_asks_why_and_the_next_update_and_incident_go_to_every_channel(
    qtbot, home: Path, incidents: tuple[int, int], launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    _, current = incidents  # the most recent is current at launch
    window = launch()
    composer = window.composer
    assert composer.checked_channels() == EVERY_ENABLED  # gamma is disabled: not ticked

    press("Ctrl+U")
    write()
    editor = focused()  # the Arabic editor, after Ctrl+L
    only_site(window)
    # The idle hint names who will hear nothing, not only how many will hear it.
    qtbot.waitUntil(
        lambda: (
            "Ready to publish to site — left out: alpha, beta (publishing asks why)."
            in composer.problems.texts()
        )
    )

    # Esc in the popup: nothing published, the draft (text and ticks) as it was.
    press("Ctrl+Return")
    popup = reason_popup(qtbot, window)
    assert popup.left_out == ["alpha", "beta"]
    press("Escape")
    qtbot.waitUntil(lambda: not popup.isVisible())
    qtbot.waitUntil(lambda: focused() is editor)
    assert message(window) == "Not published: the draft is as you left it."
    assert update_count(home, current) == 1
    assert composer.body_en.toPlainText() == EN and composer.body_ar.toPlainText() == AR
    assert composer.checked_channels() == ("site",)  # a choice stays within its draft

    # Enter on an empty reason: refused inline, the popup stays with the keyboard.
    press("Ctrl+Return")
    popup = reason_popup(qtbot, window)
    assert popup.reason.text() == ""
    press("Return")
    assert popup.isVisible() and popup.problem.isVisible()
    assert popup.problem.text().startswith("A reason is needed")
    assert focused() is popup.reason
    # Every line of the question and of the refusal is shown whole: the popup grew to them.
    for label in popup.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert update_count(home, current) == 1

    # A reason, Enter: published to the site; alpha and beta skipped with the reason.
    type_text(REASON)
    assert not popup.problem.isVisible()
    press("Return")
    qtbot.waitUntil(lambda: not popup.isVisible())
    qtbot.waitUntil(lambda: update_count(home, current) == 2, timeout=10_000)
    latest = deliveries(home, current)[-1]
    assert latest["alpha"] == latest["beta"] == ("skipped", REASON)
    assert latest["site"][0] in ("pending", "sending", "sent")
    assert "gamma" not in latest  # disabled: not left out, nothing recorded

    # The next update starts with every enabled channel again.
    qtbot.waitUntil(lambda: composer.body_en.toPlainText() == "")
    assert composer.checked_channels() == EVERY_ENABLED
    press("Ctrl+U")
    assert focused() is composer.body_en
    assert composer.checked_channels() == EVERY_ENABLED
    # And so does a new incident.
    press("Ctrl+N")
    assert composer.is_new_incident
    assert composer.checked_channels() == EVERY_ENABLED


def test_a_new_incident_site_only_then_ctrl_n_starts_with_every_channel(
    qtbot, home: Path, incidents: tuple[int, int], launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    composer = window.composer
    press("Ctrl+N")
    type_text("Site maintenance note")
    press("Tab")
    type_text("ملاحظة صيانة")
    composer.focus_english()
    write()
    only_site(window)
    press("Ctrl+Return")
    popup = reason_popup(qtbot, window)
    type_text(REASON)
    press("Return")
    qtbot.waitUntil(lambda: not composer.is_new_incident, timeout=10_000)
    opened = composer.target
    assert opened is not None and opened not in incidents
    (first,) = deliveries(home, opened)
    assert first["alpha"] == first["beta"] == ("skipped", REASON)
    assert not popup.isVisible()
    # The new incident is current, its next update starts with every channel...
    assert composer.checked_channels() == EVERY_ENABLED
    press("Ctrl+U")
    assert composer.checked_channels() == EVERY_ENABLED
    # ... and so does the next new incident.
    press("Ctrl+N")
    assert composer.is_new_incident
    assert composer.checked_channels() == EVERY_ENABLED


def test_choosing_another_incident_does_not_carry_the_ticks_over(
    qtbot, home: Path, incidents: tuple[int, int], launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    first, current = incidents
    window = launch()
    composer = window.composer
    press("Ctrl+U")
    write()
    only_site(window)
    assert composer.target == current
    window.browser.show_incident(first)  # as a click in the list does
    qtbot.waitUntil(lambda: composer.target == first)
    assert composer.checked_channels() == EVERY_ENABLED
    window.browser.show_incident(current)
    qtbot.waitUntil(lambda: composer.target == current)
    assert composer.checked_channels() == ("site",)  # that draft's own choice
    assert composer.body_en.toPlainText() == EN


def test_scheduling_with_channels_left_out_asks_why_and_keeps_the_reason(
    qtbot, home: Path, incidents: tuple[int, int], launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    _, current = incidents
    window = launch()
    composer = window.composer
    press("Ctrl+U")
    write()
    only_site(window)
    press("Ctrl+Shift+Return")
    qtbot.waitUntil(lambda: isinstance(window.popup, SchedulePicker) and window.popup.isVisible())
    picker = window.popup
    assert isinstance(picker, SchedulePicker)
    qtbot.waitUntil(lambda: focused() is picker.edit)
    type_text("in 15m")
    press("Return")
    popup = reason_popup(qtbot, window)
    assert "Schedule without alpha and beta" in [b.text() for b in popup.findChildren(QPushButton)]
    type_text(REASON)
    press("Return")
    qtbot.waitUntil(lambda: update_count(home, current) == 2, timeout=10_000)
    with Desk(home) as desk:
        (pending,) = desk.scheduling.pending_updates(current)
        plan = desk.store.schedule.update_plan(pending.id)
        assert plan is not None and plan.skip_reason == REASON
        assert [desk.store.channels.channel(i).name for i in plan.channel_ids] == ["site"]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: composer.body_en.toPlainText() == "")
    assert composer.checked_channels() == EVERY_ENABLED  # after a schedule, too


def test_a_restored_draft_keeps_its_own_ticks_and_still_asks_why(
    qtbot, home: Path, incidents: tuple[int, int], launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    _, current = incidents
    with Desk(home) as desk:
        content = {"body_en": EN, "body_ar": AR, "channels": {"beta": False}}
        desk.store.drafts.save_draft(current, content, desk.now())
    window = launch()
    composer = window.composer
    qtbot.waitUntil(lambda: composer.body_en.toPlainText() == EN)
    assert composer.checked_channels() == ("site", "alpha")
    composer.focus_english()
    press("Ctrl+Return")
    popup = reason_popup(qtbot, window)
    assert popup.left_out == ["beta"]
    press("Escape")
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert update_count(home, current) == 1
