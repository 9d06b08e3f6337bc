"""Status-bar messages go when they stop being true, and two never overlap (issue #12 §6).

"x will retry" goes once x is sent (a new summary says so); "the retry did not go through yet"
goes once the next attempt is under way; a refused draft's placeholder goes once the placeholder
is fixed. And a message is shown in its own area beside the permanent labels (deliveries not
yet out, the workspace), elided where it is too long, never drawn up against them. The channels
are probes (tests/probe.py); nothing sleeps: the test waits on conditions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from statusdesk.channels.base import Permanent, Receipt, Transient
from statusdesk.core.model import DeliveryState, IncidentKind
from statusdesk.gui.desk.main_window import MainWindow
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text
from tests.gui.test_deliveries import SCRIPT, FakeTray, chip_state, probe_workspace
from tests.gui.test_deliveries import tray as tray  # the fixture

pytestmark = pytest.mark.usefixtures("tray")


def busy_for_a_second() -> Receipt:
    raise Transient("x: the server is busy (503)", retry_after=1)


def refused() -> Receipt:
    raise Permanent("x rejected the post: credentials expired")


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def publish_by_keyboard(english: str, arabic: str) -> None:
    press("Ctrl+U")
    type_text(english)
    press("Ctrl+L")
    type_text(arabic)
    press("Ctrl+Return")


def test_x_will_retry_goes_once_x_is_sent(
    qtbot, home: Path, monkeypatch: pytest.MonkeyPatch, tray: FakeTray, launch: WindowFactory
) -> None:
    probe_workspace(home, monkeypatch, ["x"])
    SCRIPT.sends["x"] = [busy_for_a_second]  # then the default: sent
    window = launch()
    publish_by_keyboard("Still failing for some customers.", "ما زال العطل يصيب بعض العملاء.")
    qtbot.waitUntil(lambda: "x will retry" in message(window), timeout=10_000)
    assert message(window).startswith("Update on #1: Published to 0 of 1 channel")
    # A second later the retry goes out: what the bar said is no longer true.
    qtbot.waitUntil(lambda: chip_state(window, "x") is DeliveryState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: "will retry" not in message(window))
    qtbot.waitUntil(lambda: message(window) == "Update on #1: Published to 1 channel")


def test_the_retry_did_not_go_through_goes_once_it_does(
    qtbot, home: Path, monkeypatch: pytest.MonkeyPatch, tray: FakeTray, launch: WindowFactory
) -> None:
    probe_workspace(home, monkeypatch, ["x"])
    SCRIPT.sends["x"] = [refused, busy_for_a_second]  # then the default: sent
    window = launch()
    publish_by_keyboard("Still failing for some customers.", "ما زال العطل يصيب بعض العملاء.")
    qtbot.waitUntil(lambda: chip_state(window, "x") is DeliveryState.FAILED, timeout=10_000)
    qtbot.waitUntil(lambda: "failed" in message(window))  # the notifier or the summary
    press("Ctrl+R")
    qtbot.waitUntil(lambda: "it will try again" in message(window), timeout=10_000)
    qtbot.waitUntil(lambda: chip_state(window, "x") is DeliveryState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: "will try again" not in message(window))
    assert "failed" not in message(window)


def test_a_placeholder_refusal_goes_once_the_placeholder_is_fixed(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    composer = window.composer
    press("Ctrl+U")
    type_text("Fixed by {eta}.")
    press("Ctrl+L")
    type_text("سيعود قريبا.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: "Not published" in message(window) and "{eta}" in message(window))
    # Fixed by hand: the check of the draft as it now is finds no placeholder.
    press("Ctrl+L")
    assert focused() is composer.body_en
    for _ in ".}ate{ yb":  # back over "by {eta}." one key at a time
        press("Backspace")
    type_text("soon.")
    assert composer.body_en.toPlainText() == "Fixed soon."
    qtbot.waitUntil(lambda: not any("{eta}" in t for t in composer.problems.texts()))
    qtbot.waitUntil(lambda: "{eta}" not in message(window))
    assert "Not published" not in message(window)


def test_a_word_about_another_problem_stays_while_it_holds(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    """Typing elsewhere in the draft does not take away a refusal that still holds."""
    window = launch()
    press("Ctrl+U")
    type_text("Fixed by {eta}.")
    press("Ctrl+L")
    type_text("سيعود قريبا.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: "Not published" in message(window) and "{eta}" in message(window))
    composer = window.composer
    composer.body_ar.setFocus()
    qtbot.waitUntil(lambda: focused() is composer.body_ar)
    with qtbot.waitSignal(composer.check_requested, timeout=5_000):
        type_text(" شكرا")
    qtbot.waitUntil(lambda: not window.session.tasks.busy)
    assert any("{eta}" in t for t in composer.problems.texts())
    assert "{eta}" in message(window)


# -- one area -----------------------------------------------------------------------------------

LONG = (
    "x: failed — x rejected the post: credentials expired — re-enter them in Channels, then "
    "retry. On incident #7, Ctrl+R retries, Ctrl+Shift+K skips"
)


def ink_between(image: QImage, left: int, right: int) -> int:
    """Pixels in columns [left, right) that are not the status bar's background."""
    background = QColor(image.pixel(1, image.height() - 2))
    count = 0
    for x in range(max(0, left), min(image.width(), right)):
        for y in range(image.height()):
            if QColor(image.pixel(x, y)) != background:
                count += 1
    return count


@pytest.mark.parametrize("width", [1280, 864])
def test_a_long_message_never_runs_into_the_permanent_labels(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, width: int
) -> None:
    window = launch()
    window.resize(width, 600)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: window.outstanding_label.text() != "")
    window.say(LONG)
    qtbot.waitUntil(lambda: bar.width() == width)
    assert bar.currentMessage() == LONG
    first = window.outstanding_label.geometry()
    image = bar.grab().toImage()
    # A clear gap before the first permanent label: no glyph of the message within 12 pixels.
    assert ink_between(image, first.left() - 12, first.left()) == 0
    # The whole message is still there for whoever looks closer (and for screen readers).
    shown = [w for w in bar.findChildren(type(window.outstanding_label)) if w.toolTip() == LONG]
    assert len(shown) == 1 and shown[0].accessibleName() == LONG
    area = shown[0].geometry()
    assert area.right() < first.left()
    assert not area.intersects(QRect(first)) and not area.intersects(
        window.workspace_label.geometry()
    )
    assert shown[0].text().endswith("…")


def test_placeholders_left_by_a_template_are_no_longer_said_once_filled(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    open_incident(
        home,
        ("Database upgrade", "ترقية قاعدة البيانات"),
        ("Planned upgrade.", "ترقية مخطط لها."),
        kind=IncidentKind.MAINTENANCE,
    )
    window = launch()
    composer = window.composer
    qtbot.waitUntil(lambda: bool(window.tools.templates))
    press("Ctrl+U")
    press("Ctrl+T")  # the palette, on templates
    palette = window.tools.palette
    assert palette is not None
    qtbot.waitUntil(lambda: focused() is palette.query)
    type_text("in_progress")  # this maintenance has no window to fill it with
    qtbot.waitUntil(lambda: palette.current() is not None)
    assert palette.current().key == "template:in_progress"
    press("Return")
    qtbot.waitUntil(lambda: "placeholder(s) still to fill in" in message(window))
    qtbot.waitUntil(lambda: "{window_end}" in composer.body_en.toPlainText())
    # Filled by hand, in both languages.
    for editor in (composer.body_en, composer.body_ar):
        editor.setPlainText(editor.toPlainText().replace("{window_end}", "18:00 UTC"))
    qtbot.waitUntil(lambda: "placeholder" not in message(window))
