"""Bilingual consistency in the real window (issue #6, points 4 and 5): what one language says
and the other does not is listed as a warning while writing; publishing with one open asks
first — Esc goes back to the draft with nothing lost and nothing sent, Enter publishes anyway;
digits in either script agree; broken direction controls are fixed with one key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from statusdesk.core.model import Severity
from statusdesk.desk import Desk
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text

RLE = "\u202b"


def write(english: str, arabic: str) -> None:
    press("Ctrl+U")
    type_text(english)
    press("Ctrl+L")
    type_text(arabic)


def updates(home: Path, incident: int) -> int:
    with Desk(home) as desk:
        return len(desk.store.incidents.updates(incident))


def test_a_time_missing_from_the_arabic_is_a_warning_and_publishing_asks_first(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    composer = window.composer
    write("Fix deployed; back by 14:30 UTC.", "نشرنا الإصلاح ونتوقع العودة قريبا.")
    qtbot.waitUntil(lambda: any("14:30" in text for text in composer.problems.texts()))
    warning = next(p for p in composer.problems.problems if "14:30" in p.message)
    assert warning.severity is Severity.WARNING and warning.field == "body_en"

    press("Ctrl+Return")
    qtbot.waitUntil(lambda: window.guard.popup is not None and window.guard.popup.isVisible())
    popup = window.guard.popup
    assert focused() is popup.yes  # the popup took the keyboard
    assert any("14:30" in label.text() for label in popup.findChildren(QLabel))
    press("Escape")
    qtbot.waitUntil(lambda: focused() is composer.body_ar)  # back where the keyboard was
    assert composer.body_en.toPlainText() == "Fix deployed; back by 14:30 UTC."
    assert updates(home, active_incident) == 1  # nothing went out

    press("Ctrl+Return")
    qtbot.waitUntil(lambda: window.guard.popup is not None and window.guard.popup.isVisible())
    press("Return")  # one more key: publish anyway
    qtbot.waitUntil(lambda: updates(home, active_incident) == 2, timeout=15_000)


def test_the_same_time_in_arabic_indic_digits_agrees_and_publishes_at_once(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    write("Back by 14:30 UTC.", "نعود بحلول ١٤:٣٠ بالتوقيت العالمي.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: updates(home, active_incident) == 2, timeout=15_000)
    assert window.guard.popup is None


def test_an_unclosed_direction_control_is_fixed_with_one_key_and_undone_with_ctrl_z(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    composer = window.composer
    write("Payments are failing.", f"تفشل {RLE}المدفوعات")
    qtbot.waitUntil(lambda: any("never closed" in t for t in composer.problems.texts()))
    press("Ctrl+Shift+F")
    assert composer.body_ar.toPlainText().count("\u202c") == 1  # closed, where its effect ends
    qtbot.waitUntil(lambda: not any("never closed" in t for t in composer.problems.texts()))
    assert "fixed in the Arabic text" in window.statusBar().currentMessage()
    press("Ctrl+Z")
    assert composer.body_ar.toPlainText() == f"تفشل {RLE}المدفوعات"


def test_a_draft_that_cannot_go_out_is_refused_without_asking_about_disagreements_first(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    composer = window.composer
    write("Fixed by {eta}; 3 regions affected.", "تأثرت منطقتان.")
    qtbot.waitUntil(lambda: any("“3”" in text for text in composer.problems.texts()))
    press("Ctrl+Return")
    # The placeholder refuses it: no "publish anyway?" about the 3 that could only lead there.
    qtbot.waitUntil(lambda: window.publishing.in_progress is None)
    assert window.guard.popup is None
    assert any("{eta}" in text for text in composer.problems.texts())
    assert updates(home, active_incident) == 1


def test_one_publish_is_one_check_even_when_it_asks_first(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, monkeypatch
) -> None:
    """Issue #13: the check that raised the question is the check the commit writes — the
    draft is checked once per attempt, and its disagreements computed once, not again after
    the answer."""
    from statusdesk.app.checks import DraftChecks

    calls = {"check": 0, "disagreements": 0}
    real_check, real_disagreements = DraftChecks.check_ready, DraftChecks.disagreements

    def check_ready(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["check"] += 1
        return real_check(self, *args, **kwargs)

    def disagreements(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["disagreements"] += 1
        return real_disagreements(self, *args, **kwargs)

    window = launch()
    composer = window.composer
    write("Fix deployed; back by 14:30 UTC.", "نشرنا الإصلاح ونتوقع العودة قريبا.")
    qtbot.waitUntil(lambda: any("14:30" in text for text in composer.problems.texts()))
    monkeypatch.setattr(DraftChecks, "check_ready", check_ready)
    monkeypatch.setattr(DraftChecks, "disagreements", disagreements)
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: window.guard.popup is not None and window.guard.popup.isVisible())
    press("Return")  # publish anyway
    qtbot.waitUntil(lambda: updates(home, active_incident) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: window.publishing.in_progress is None)
    assert calls == {"check": 1, "disagreements": 1}
