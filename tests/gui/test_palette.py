"""The command palette on its own (statusdesk/gui/palette.py), over a stand-in window with two
text fields: typed to in English and Arabic, driven by the keyboard only, closed both ways."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem, QVBoxLayout, QWidget

from statusdesk.gui.palette import palette as palette_module
from statusdesk.gui.palette.palette import (
    CommandPalette,
    PaletteDelegate,
    PaletteItem,
    without_mnemonic,
)
from tests.gui.keys import focused, press, type_text


@dataclass
class Host:
    """The window the palette pops over, and what the palette ran (with who had the
    keyboard and whether the palette was still up at that moment)."""

    window: QWidget
    first: QLineEdit
    second: QLineEdit
    items: list[PaletteItem] = field(default_factory=list)
    ran: list[tuple[str, QWidget | None, bool]] = field(default_factory=list)
    palette: CommandPalette | None = None

    def item(self, kind: str, key: str, label: str, label_ar: str, hint: str = "") -> None:
        def run() -> None:
            assert self.palette is not None
            self.ran.append((key, QApplication.focusWidget(), self.palette.isVisible()))

        self.items.append(PaletteItem(kind, key, label, label_ar, hint, run))


def keys_shown(palette: CommandPalette) -> list[str]:
    return [item.key for item in palette.shown()]


@pytest.fixture
def host(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    # An item runs when the keyboard is back, or after this long regardless; made longer
    # than any wait here, a run that did not wait for the keyboard cannot pass unnoticed.
    monkeypatch.setattr(palette_module, "FOCUS_WAIT_MS", 60_000)
    window = QWidget()
    window.setWindowTitle("statusdesk — palette host")
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    made = Host(window, first, second)
    made.item("command", "new-incident", "New incident…", "حادث جديد", "Ctrl+N")
    made.item("command", "publish", "Publish now", "انشر الآن", "Ctrl+Return")
    made.item("command", "switch-language", "Switch language editor", "بدّل المحرر", "Ctrl+L")
    made.item("incident", "incident:7", "Elevated API errors", "ارتفاع أخطاء الواجهة", "monitoring")
    made.item("incident", "incident:9", "Payments delayed", "تأخر المدفوعات", "investigating")
    made.item("template", "template:identified", "Cause identified", "تم تحديد السبب")
    made.item("template", "template:resolved", "Resolved", "تم الحل", "resolved")
    made.item("channel", "channel:x", "X (Twitter)", "إكس", "x")
    made.palette = CommandPalette(window, lambda: list(made.items))
    with qtbot.waitActive(window):
        window.show()
        window.raise_()
        window.activateWindow()
    second.setFocus()
    qtbot.waitUntil(lambda: focused() is second)
    yield made


def open_palette(qtbot, host: Host, scope: str | None = None) -> CommandPalette:  # type: ignore[no-untyped-def]
    palette = host.palette
    assert palette is not None
    palette.open_over(focused(), scope=scope)
    qtbot.waitUntil(lambda: palette.isVisible() and focused() is palette.query)
    return palette


def test_typing_filters_in_english(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    assert len(keys_shown(palette)) == len(host.items)  # everything, before a key is typed
    type_text("pub")
    assert keys_shown(palette)[0] == "publish"
    assert "payments" not in " ".join(keys_shown(palette))  # no "b" after "p…u" in it
    type_text("x")
    assert keys_shown(palette) == []
    assert "Nothing matches" in palette.status.text()


def test_typing_filters_in_arabic_spelled_loosely(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    type_text("اخطاء")  # bare alef; the label has أ
    assert keys_shown(palette) == ["incident:7"]
    palette.query.clear()
    type_text("المدفوعات")
    assert keys_shown(palette)[0] == "incident:9"


def test_the_hint_is_searched_too(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    type_text("ctrl+l")
    assert keys_shown(palette)[0] == "switch-language"


def test_enter_closes_then_runs_the_top_item(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    type_text("new inc")
    press("Return")
    qtbot.waitUntil(lambda: host.ran != [])
    # Closed first, the keyboard already back in the field that had it, then run: once.
    assert host.ran == [("new-incident", host.second, False)]
    assert not palette.isVisible()


def test_escape_closes_without_running_and_gives_the_keyboard_back(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    host.second.setText("a draft")
    palette = open_palette(qtbot, host)
    type_text("pub")
    press("Esc")
    qtbot.waitUntil(lambda: not palette.isVisible() and focused() is host.second)
    assert host.ran == []
    assert host.second.text() == "a draft"
    assert palette.recent == ()


def test_the_last_item_run_comes_first_next_time(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    with qtbot.waitSignal(palette.recent_changed):
        type_text("resolved")
        press("Return")
    assert palette.recent == ("template:resolved",)
    qtbot.waitUntil(lambda: focused() is host.second)
    palette = open_palette(qtbot, host)
    assert keys_shown(palette)[0] == "template:resolved"
    assert keys_shown(palette)[1:] == [i.key for i in host.items if i.key != "template:resolved"]
    press("Return")  # the recent one is selected: Enter runs it again
    qtbot.waitUntil(lambda: len(host.ran) == 2)
    assert [key for key, _, _ in host.ran] == ["template:resolved"] * 2


def test_recent_keys_can_be_restored_and_are_capped(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = host.palette
    assert palette is not None
    palette.recent = [f"k{n}" for n in range(30)] + ["incident:9", "k1"]
    assert len(palette.recent) == 20 and palette.recent[:2] == ("k0", "k1")
    palette.recent = ["incident:9", "channel:x", "incident:9"]
    assert palette.recent == ("incident:9", "channel:x")
    open_palette(qtbot, host)
    assert keys_shown(palette)[:2] == ["incident:9", "channel:x"]


def test_reopening_while_open_still_returns_to_the_first_widget(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    palette = open_palette(qtbot, host, scope="template")  # focused() is the palette's field
    assert {item.kind for item in palette.shown()} == {"template"}
    press("Return")
    qtbot.waitUntil(lambda: host.ran != [])
    assert host.ran == [("template:identified", host.second, False)]


def test_two_thousand_items(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    for n in range(2000):
        host.item("incident", f"incident:{1000 + n}", f"Incident {1000 + n}", f"حادث {1000 + n}")
    palette = open_palette(qtbot, host)
    assert len(palette.shown()) == len(host.items)
    type_text("inc 1999")
    assert keys_shown(palette)[0] == "incident:1999"
    press("End")
    press("Return")
    qtbot.waitUntil(lambda: host.ran != [])
    assert host.ran[0][0] == keys_shown(palette)[-1]


def test_a_scope_lists_only_its_kind(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host, scope="template")
    assert {item.kind for item in palette.shown()} == {"template"}
    assert palette.query.placeholderText() == "Insert template…"
    assert "insert template" in palette.windowTitle()
    type_text("re")  # "Resolved", not the command "Publish now" (p…r? no) nor "Elevated API errors"
    assert keys_shown(palette) == ["template:resolved"]
    press("Esc")
    qtbot.waitUntil(lambda: focused() is host.second)
    palette = open_palette(qtbot, host)
    assert len(palette.shown()) == len(host.items)
    assert palette.query.text() == ""  # a fresh search every time


def test_arrow_keys_move_the_selection_while_typing_goes_on(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)

    def row() -> int:
        return palette.list.currentIndex().row()

    assert row() == 0
    for key, expected in (("Down", 1), ("Down", 2), ("Up", 1), ("End", 7), ("Down", 7)):
        press(key)
        assert row() == expected, key
    for key, expected in (("Home", 0), ("Up", 0), ("PgDown", None)):
        press(key)
        assert expected is None or row() == expected, key
    assert row() > 1  # a page is more than a row
    press("PgUp")
    assert row() == 0
    assert focused() is palette.query  # the keyboard never left the search field
    press("Down")
    press("Return")
    qtbot.waitUntil(lambda: host.ran != [])
    assert host.ran[0][0] == host.items[1].key


def test_enter_with_nothing_matching_keeps_the_palette_open(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    type_text("zzzz")
    press("Return")
    assert palette.isVisible() and host.ran == []
    palette.query.clear()  # correct the query: everything is back
    assert len(palette.shown()) == len(host.items)


def test_items_are_asked_for_at_every_opening(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    press("Esc")
    qtbot.waitUntil(lambda: focused() is host.second)
    host.item("incident", "incident:12", "Login failures", "فشل تسجيل الدخول", "identified")
    palette = open_palette(qtbot, host)
    type_text("login")
    assert keys_shown(palette) == ["incident:12"]


def test_search_field_and_list_have_accessible_names(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    palette = open_palette(qtbot, host)
    assert palette.query.accessibleName() == "Command palette: search"
    assert palette.list.accessibleName() == "Command palette: matches"
    # What Enter would run is said where the keyboard is.
    assert palette.query.accessibleDescription() == "Command: New incident…, حادث جديد, Ctrl+N"
    press("Down")
    assert palette.query.accessibleDescription().startswith("Command: Publish now")


def test_rows_are_painted_with_both_labels(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    """Paints every visible row (Qt warnings fail the test); in a row without a hint, the
    English label is inked left of the middle (after the kind) and the Arabic right of it."""
    palette = open_palette(qtbot, host)
    qtbot.wait(20)
    image = palette.list.viewport().grab().toImage()
    row = keys_shown(palette).index("template:identified")  # no hint; not selected
    height = palette.list.sizeHintForRow(0)
    assert height > palette.fontMetrics().height()
    metrics = palette.list.fontMetrics()
    after_kind = 8 + metrics.horizontalAdvance("Template") + 12
    inked = [
        x
        for x in range(image.width())
        if any(
            image.pixelColor(x, y).lightness() < 110
            for y in range(row * height + 2, (row + 1) * height - 2)
        )
    ]
    middle = image.width() // 2
    assert any(after_kind < x < middle for x in inked)  # "Cause identified"
    assert any(x > middle for x in inked)  # "تم تحديد السبب"


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_a_row_reads_in_the_interfaces_order_each_name_in_its_own_direction(
    qtbot,  # type: ignore[no-untyped-def]
    direction: str,
) -> None:
    """An Arabic interface reads the row from the right: kind, the Arabic name, the English
    one, the hint. Each name keeps its own direction (an English "Schedule…" drawn right to left
    read "…Schedule"); an English interface is the mirror image."""
    rtl = direction == "rtl"
    english, arabic = "Schedule…", "جدولة…"
    # The palette's items as each interface makes them: its own language's name first.
    first, other = (arabic, english) if rtl else (english, arabic)
    item = PaletteItem("command", "command:schedule", first, other, "Ctrl+Shift+Return", print)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 900, 30)
    option.direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    option.fontMetrics = QFontMetrics(QApplication.font())
    kind, name, other_name, hint = PaletteDelegate().cells(item, option)
    lefts = [cell.rect.left() for cell in (kind, name, other_name, hint)]
    assert lefts == sorted(lefts, reverse=rtl)
    for cell, text in ((name, first), (other_name, other)):
        wanted = (
            Qt.LayoutDirection.RightToLeft if text == arabic else Qt.LayoutDirection.LeftToRight
        )
        assert cell.option.textDirection() == wanted
        side = Qt.AlignmentFlag.AlignRight if text == arabic else Qt.AlignmentFlag.AlignLeft
        assert cell.option.alignment() & side
        assert cell.text == text


def test_menu_labels_lose_their_mnemonics() -> None:
    assert without_mnemonic("&New incident…") == "New incident…"
    assert without_mnemonic("Channels && secrets") == "Channels & secrets"
