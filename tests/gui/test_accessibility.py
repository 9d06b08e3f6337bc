"""Accessibility of the desk (issue #6, point 6): every input has an accessible name, Tab goes
through every window in a logical order and Shift+Tab exactly back, the keyboard focus always
shows, and the window is usable at 200 % scale.

Checked on the main window (an incident's update being written, with a channel of every kind
and each preview page in turn; and a new incident, with a component row added by keys), and on
every window that opens by a key: the cheat sheet, the palette, Channels (each channel
selected in turn), Subscribers, Keyboard shortcuts, Templates, the schedule picker and the
popup that asks before publishing languages that disagree.

What a screen reader is given as a widget's name (Qt's accessibility bridge: AT-SPI on Linux,
UI Automation on Windows, NSAccessibility on macOS), and so what counts here:

- A button, check box or label is named by its visible text (Qt strips the "&"), which must
  hold a word: "✕" is read out as "multiplication x", so such a button needs a name of its own.
- Every other input needs its own accessibleName. Qt falls back to a buddy label only where
  the label is a sibling of the input, and the title a placeholder shows is not a name at all.
- A combo box needs more: on Linux its name is its current item ("Investigating"), and what it
  chooses reaches Orca as the buddy label's labelled-by relation, or as the description read
  after the value; so a combo box needs one of those besides its accessibleName.

"The focus shows" is measured: each widget is grabbed before Tab reaches it and again once it
has the keyboard, and the two pictures must differ by more than a speck once the text caret
(which blinks, and so proves nothing) is painted out of both. The app's style proxy
(statusdesk/gui/focus_style.py) is what makes text editors, empty lists and default buttons
pass; it is put on here as the app's launch puts it on, and the 200 % run checks it does.

200 %: a process of its own (tests/gui/scale_probe.py) starts the app as `statusdesk` does,
with QT_SCALE_FACTOR=2 on an offscreen 1920×1080 screen, opens every window reachable by a key
alone, and reports their sizes: each fits in 960×540 and opens within the screen.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from statusdesk.core.model import ComponentStatus
from statusdesk.desk import Desk
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.keys.bindings import key_for
from statusdesk.gui.widgets import focus_style
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text

REPO = Path(__file__).resolve().parents[2]
WORD = re.compile(r"\w")
# Pixels that must change when a widget takes the keyboard: a ring round a 20-pixel check box
# is 80; a speck of antialiasing is a few.
SHOWS = 20
CARET_MARGIN = 2  # around the caret's rectangle, for its antialiased edge


@pytest.fixture(autouse=True)
def _the_apps_style(qapp: QApplication) -> Iterator[None]:
    """The style the app runs with (statusdesk.gui.launch.app installs it as it builds the desk);
    the other tests' style back afterwards."""
    before = qapp.style().name()
    focus_style.install(qapp)
    yield
    qapp.setStyle(before)


@pytest.fixture
def channels(home: Path, active_incident: int) -> None:
    add_channels(home)


def add_channels(home: Path, webhooks: int = 1) -> None:
    """A channel of every kind of preview page beside the built-in site: X (posts and a custom
    post), email (copies and HTML), webhooks and Statuspage (plain text). Rendering needs no
    secret or network (publishing would: open incidents first)."""
    with Desk(home) as desk:
        desk.channels.add_channel(
            "x", "acme-x", {"base_url": "http://127.0.0.1:9", "auth": "oauth1"}
        )
        desk.channels.add_channel(
            "email",
            "mail",
            {
                "host": "127.0.0.1",
                "port": "2525",
                "from": "Acme Status <status@acme.example>",
                "recipients": "ops@acme.example",
            },
        )
        desk.channels.add_channel("webhook", "hook", {"url": "http://127.0.0.1:9/hook"})
        desk.channels.add_channel(
            "statuspage", "sp", {"page_id": "kctbh9vrtdwd", "base_url": "http://127.0.0.1:9"}
        )
        for number in range(1, webhooks):
            desk.channels.add_channel(
                "webhook", f"hook-{number}", {"url": "http://127.0.0.1:9/hook"}
            )


# -- what is checked ----------------------------------------------------------------------------


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    what = widget.accessibleName() or text
    return f"{type(widget).__name__}#{widget.objectName() or '?'} {what!r}"


def tab_stops(top: QWidget) -> list[QWidget]:
    """What Tab must reach in `top`'s window: every widget shown, enabled and taking the focus
    by Tab (one with a focus proxy is reached as its proxy: a tab widget as its tab bar)."""
    return [
        widget
        for widget in top.findChildren(QWidget)
        if widget.window() is top
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
    ]


def unnamed(widget: QWidget) -> str | None:
    """Why a screen reader could not say what `widget` is, or None (see the module's doc)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    spoken = interface.text(QAccessible.Text.Name)
    if isinstance(widget, (QAbstractButton, QLabel)):
        return None if WORD.search(spoken) else f"named {spoken!r}, which is not a word"
    if not WORD.search(widget.accessibleName()):
        return "no accessibleName"
    if isinstance(widget, QComboBox):
        labels = [
            other.text(QAccessible.Text.Name)
            for other, _relation in interface.relations(QAccessible.RelationFlag.Label)
        ]
        if not any(WORD.search(label) for label in labels) and not widget.accessibleDescription():
            return "a combo box with neither a buddy label nor a description (Linux reads those)"
    elif not WORD.search(spoken):
        return f"Qt gives screen readers {spoken!r}"
    return None


def picture(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def carets(widget: QWidget) -> list[QRect]:
    """Where text carets may be drawn in `widget` (its own, or a child editor's)."""
    found = []
    for editor in [widget, *widget.findChildren(QWidget)]:
        if isinstance(editor, QLineEdit):
            rect, origin = editor.cursorRect(), editor.mapTo(widget, QPoint(0, 0))
        elif isinstance(editor, (QPlainTextEdit, QTextEdit)):
            rect = editor.cursorRect()
            origin = editor.viewport().mapTo(widget, QPoint(0, 0))
        else:
            continue
        m = CARET_MARGIN
        found.append(rect.translated(origin).adjusted(-m, -m, m, m))
    return found


def changed(before: QImage, after: QImage, widget: QWidget) -> int:
    """Pixels that differ between the two pictures of `widget`, its carets painted out."""
    if before.size() != after.size():
        return before.width() * before.height()
    for image in (before, after):
        painter = QPainter(image)
        for rect in carets(widget):
            painter.fillRect(rect, QColor("magenta"))
        painter.end()
    if before == after:
        return 0
    old = memoryview(before.constBits()).cast("I")
    new = memoryview(after.constBits()).cast("I")
    return sum(1 for a, b in zip(old, new, strict=True) if a != b)


def without_focus(widget: QWidget) -> QImage:
    """`widget` as it looks without the keyboard: now, if Tab took the keyboard away; if Tab
    left it there (the window's only stop), with the focus taken off it a moment."""
    if not widget.hasFocus():
        return picture(widget)
    widget.clearFocus()
    QApplication.processEvents()
    plain = picture(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    return plain


@dataclass
class Walk:
    forward: list[QWidget]  # Tab from the start until it has the keyboard again (start last)
    backward: list[QWidget]  # the same with Shift+Tab
    hidden_focus: list[str]  # widgets that looked the same with the keyboard as without


def walk(top: QWidget) -> Walk:
    """Real Tab presses from the widget with the keyboard round to it, then Shift+Tab round."""
    start = focused()
    stops = tab_stops(top)
    limit = len(stops) + 3
    plain = {widget: picture(widget) for widget in stops if widget is not start}
    forward: list[QWidget] = []
    hidden: list[str] = []
    for _ in range(limit):
        press("Tab")
        if not forward:
            plain[start] = without_focus(start)
        widget = focused()
        forward.append(widget)
        if widget in plain and changed(plain[widget], picture(widget), widget) < SHOWS:
            hidden.append(describe(widget))
        if widget is start:
            break
    backward: list[QWidget] = []
    for _ in range(limit):
        press("Shift+Tab")
        backward.append(focused())
        if backward[-1] is start:
            break
    return Walk(forward, backward, hidden)


def check_window(top: QWidget, expected: list[QWidget] | None = None) -> None:
    """Names, the Tab order both ways and the focus showing, in the window `top`, from the
    widget that has the keyboard; `expected`: the order Tab must take, from that widget."""
    stops = tab_stops(top)
    nameless = {describe(w): why for w in stops if (why := unnamed(w)) is not None}
    assert nameless == {}, nameless
    start = focused()
    assert start.window() is top, f"the keyboard is in {describe(start.window())}"
    result = walk(top)
    forward = [describe(w) for w in result.forward]
    assert result.forward[-1] is start, f"Tab never came back to {describe(start)}: {forward}"
    assert len(set(result.forward)) == len(result.forward), f"a widget twice: {forward}"
    missed = sorted(describe(w) for w in set(stops) - set(result.forward))
    strays = sorted(describe(w) for w in set(result.forward) - set(stops))
    assert (missed, strays) == ([], []), "Tab missed some, or reached a widget not shown"
    if expected is not None:
        assert [start, *result.forward[:-1]] == expected, (
            f"{forward} instead of {[describe(w) for w in expected[1:]]}"
        )
    backward = [describe(w) for w in result.backward]
    assert backward == [*reversed(forward[:-1]), describe(start)], "Shift+Tab is not Tab back"
    assert result.hidden_focus == [], "the keyboard focus does not show on these"


def popup_over(qtbot: QtBot, window: MainWindow) -> QWidget:
    """The window that took the keyboard from `window`, once it has read what it shows."""

    def up() -> bool:
        active = QApplication.activeWindow()
        widget = QApplication.focusWidget()
        return (
            active not in (None, window)
            and widget is not None
            and widget.window() is active
            and not window.session.tasks.busy
        )

    qtbot.waitUntil(up)
    popup = QApplication.activeWindow()
    assert popup is not None
    return popup


# -- the main window ------------------------------------------------------------------------


def main_window_order(window: MainWindow) -> list[QWidget]:
    """Left to right, top to bottom: the list; the composer (the titles while a new incident
    is written); then the preview's tabs and its page; and round to the filter above the list
    (Ctrl+F), which comes just before it."""
    composer = window.composer
    titles = [composer.kind, composer.title_en, composer.title_ar]
    channel_boxes = [composer.channel_checkbox(name) for name in composer.channel_names()]
    preview = [
        widget
        for widget in composer.preview.focus_widgets()
        if widget.isVisible() and widget.focusProxy() is None
    ]
    return [
        window.list,
        *(titles if composer.is_new_incident else []),
        composer.body_en,
        composer.body_ar,
        composer.state,
        composer.impact,
        *composer.components.focus_widgets(),
        *channel_boxes,
        # Shown only with something to say (docs/VISUAL.md: no empty box); hidden, Tab skips it.
        *([composer.problems] if composer.problems.isVisible() else []),
        composer.publish_button,
        *preview,
        window.filter,
    ]


def write(english: str, arabic: str) -> None:
    press(key_for("new-update"))
    type_text(english)
    press(key_for("switch-language"))
    type_text(arabic)


def test_the_main_window_writing_an_update_with_every_preview_page(
    qtbot: QtBot, home: Path, channels: None, launch: WindowFactory
) -> None:
    window = launch()
    write("We found the cause: a full disk.", "وجدنا السبب: قرص ممتلئ.")
    preview = window.composer.preview
    pages = preview.pages()
    assert {page.kind for page in pages} == {"site", "x", "email", "webhook", "statuspage"}
    qtbot.waitUntil(
        lambda: all(page.preview is not None for page in pages) and not preview.status.text()
    )
    assert window.composer.components.focus_widgets()[:-1], "the incident's component has a row"
    for index in range(preview.tabs.count()):
        preview.tabs.setCurrentIndex(index)
        press(key_for("focus-incidents"))
        check_window(window, main_window_order(window))


def test_the_main_window_writing_a_new_incident_with_a_component_added_by_keys(
    qtbot: QtBot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press(key_for("new-incident"))
    add = window.composer.components.focus_widgets()[-1]
    add.setFocus(Qt.FocusReason.TabFocusReason)
    press("Space")  # a row made after everything else: Tab must still read it in its place
    type_text("Database")
    press(key_for("focus-incidents"))
    order = main_window_order(window)
    assert len(window.composer.components.focus_widgets()) == 4
    check_window(window, order)


# -- the windows that open by a key ---------------------------------------------------------


@pytest.mark.parametrize(
    "command", ["cheat-sheet", "palette", "subscribers", "keys", "templates", "export"]
)
def test_a_window_opened_by_its_key(
    qtbot: QtBot, home: Path, channels: None, launch: WindowFactory, command: str
) -> None:
    window = launch()
    press(key_for(command))
    check_window(popup_over(qtbot, window))
    press("Escape")


def test_the_channels_window_with_each_channel_selected(
    qtbot: QtBot, home: Path, channels: None, launch: WindowFactory
) -> None:
    """A channel's own secrets form shows while it is selected: every form is walked."""
    window = launch()
    press(key_for("channels"))
    dialog = window.windows.channels_dialog
    assert popup_over(qtbot, window) is dialog
    assert focused() is dialog.table
    for row in range(dialog.table.rowCount()):
        if row:
            press("Down")
            qtbot.waitUntil(lambda: not window.session.tasks.busy)
        assert dialog.table.currentRow() == row
        check_window(dialog)
    press("Escape")


def test_the_schedule_picker(
    qtbot: QtBot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    write("Maintenance starts soon.", "تبدأ الصيانة قريبا.")
    press(key_for("schedule"))
    check_window(popup_over(qtbot, window))
    press("Escape")


def test_the_popup_asking_before_languages_that_disagree_go_out(
    qtbot: QtBot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    write("Fix deployed; back by 14:30 UTC.", "نشرنا الإصلاح ونتوقع العودة قريبا.")
    qtbot.waitUntil(lambda: any("14:30" in text for text in window.composer.problems.texts()))
    press(key_for("publish"))
    popup = popup_over(qtbot, window)
    assert popup is window.guard.popup
    check_window(popup)
    press("Escape")


# -- 200 % ----------------------------------------------------------------------------------


def test_every_window_fits_a_1080p_screen_at_200_percent(
    home: Path, active_incident: int, at_200_percent: dict[str, str]
) -> None:
    """With more than a handful of everything that adds a row or widens a label: eight
    channels, four affected components and a long title on the incident shown."""
    components = ("API", "Dashboard", "Payments", "Webhooks delivery")
    open_incident(
        home,
        ("Elevated error rates on the API, the dashboard and payments in every region", "أخطاء"),
        ("We are investigating.", "نحقق في الأمر."),
        components=dict.fromkeys(components, ComponentStatus.PARTIAL_OUTAGE),
    )
    add_channels(home, webhooks=4)
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.scale_probe", str(home)],
        env=at_200_percent,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    screen = QRect(*report.pop("screen"))
    assert (screen.width(), screen.height()) == (960, 540)  # what 200 % leaves of 1920×1080
    assert report.pop("style") == "FocusFrameStyle"  # the app put its focus marks on
    too_big = {}
    for name, window in report.items():
        width, height = window["minimum"]
        geometry = QRect(*window["geometry"])
        if width > screen.width() or height > screen.height() or not screen.contains(geometry):
            too_big[name] = window
    assert too_big == {}, f"beyond the 960×540 screen: {too_big}"
    # The window opens at its usual size where that fits, and within the screen where not;
    # the desk, once built into it, does not make it grow.
    assert report["opening"]["size"] == [864, 486]  # nine tenths of 960×540
    assert report["desk"]["size"] == report["opening"]["size"]
