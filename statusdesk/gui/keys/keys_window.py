"""The Keyboard shortcuts window: every command with its key, and a field to give it another.

Up/Down choose a command (Enter jumps to the key field), the field records the next key
combination pressed in it, and Enter there sets it. A refused key (taken by another command, or
reserved) is said in the window, under the field, and changes nothing. Unbind, Reset to default
and Reset all do what they say. Each change is saved in the workspace at once, on the TaskRunner,
and then `keymap_changed` carries the new overrides to the main window, which re-applies its
shortcuts (shortcuts.apply_keymap).

Esc closes the window wherever the focus is, the key field included (ARCHITECTURE §8: Esc closes
whatever popped up). A key recorded in the field but not yet set is simply dropped: nothing is
saved before Set, so nothing is lost, and Esc can never be a shortcut, so the field never needs
to record it. Tab and Shift+Tab likewise move on from the field instead of being recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.context import current_user
from statusdesk.gui.keys.actions import translated
from statusdesk.gui.keys.bindings import MENUS
from statusdesk.gui.keys.keymap import (
    SETTING,
    Keymap,
    KeymapError,
    load_keymap,
    overrides_text,
)
from statusdesk.gui.keys.shortcuts import native_key
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.widgets.forms import error_text, no_auto_default, note, tell
from statusdesk.gui.widgets.workspace_window import WorkspaceWindow

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner

KEY_COLUMN = 1
_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
)


class KeyField(QKeySequenceEdit):
    """Records one key combination. Enter (alone) is `submitted` instead of being recorded, Esc
    goes on to the window, which closes, and Tab and Shift+Tab move the focus: all reserved
    keys, never shortcuts, so nothing is lost by not recording them."""

    submitted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setMaximumSequenceLength(1)  # one chord: keymap refuses sequences anyway

    def event(self, event: QEvent) -> bool:
        kinds = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if event.type() in kinds and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            alone = not modifiers
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                modifiers & ~Qt.KeyboardModifier.ShiftModifier
            ):
                # QKeySequenceEdit lets plain Tab and Backtab through but records Shift+Tab
                # (X11 sends Shift+Backtab): a keyboard trap. Both move on, in either direction.
                if event.type() == QEvent.Type.KeyPress:
                    forward = event.key() == Qt.Key.Key_Tab and not modifiers
                    self.focusNextPrevChild(forward)
                event.accept()
                return True
            if event.key() in _MODIFIER_KEYS:
                # QKeySequenceEdit records nothing for a modifier alone, but clears the field
                # on it: Shift on its way to Shift+Tab would lose the key shown.
                event.accept()
                return True
            if alone and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.type() == QEvent.Type.KeyPress:
                    self.submitted.emit()
                event.accept()
                return True
            if alone and event.key() == Qt.Key.Key_Escape:
                event.ignore()  # not recorded: the key press goes up to the window
                return False
        return super().event(event)

    def portable(self) -> str:
        """What was pressed, as Qt's portable text ("" if nothing)."""
        return self.keySequence().toString(QKeySequence.SequenceFormat.PortableText)


def _load(desk: Desk) -> tuple[Keymap, list[str]]:
    return load_keymap(desk.settings)


def _save(desk: Desk, overrides: dict[str, str]) -> None:
    desk.settings.set_setting(SETTING, overrides_text(overrides), current_user())


class KeysWindow(WorkspaceWindow):
    keymap_changed = Signal(dict)  # the new overrides (Keymap.overrides()), once saved

    def __init__(
        self, parent: QWidget, desk: Desk, tasks: TaskRunner, keymap: Keymap | None = None
    ) -> None:
        """`keymap`: what the main window uses now (the defaults if not given); the window
        re-reads the saved one each time it opens."""
        super().__init__(parent, "keyboard shortcuts", desk, tasks)
        self.setWindowTitle(self.tr("statusdesk — keyboard shortcuts"))
        self.setObjectName("keys-window")
        self.keymap = keymap if keymap is not None else Keymap()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a command, press its new key in the Key field, then Enter. A key needs "
                "Ctrl, Alt or Meta, or is one of F1-F35. Changes are saved at once; Esc closes."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_key_row())
        self.message = note("keys-message")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = no_auto_default(buttons.button(QDialogButtonBox.StandardButton.Close))
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        chain: list[QWidget] = [
            self.table,
            self.key_field,
            self.set_button,
            self.unbind_button,
            self.reset_button,
            self.reset_all_button,
            self.close_button,
        ]
        set_tab_chain(chain)
        self._show_keymap()
        self.table.setCurrentCell(0, 0)

    def _build_table(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Commands:"))
        # Grouped by menu, as the menu bar and the cheat sheet show them.
        ordered = sorted(
            self.keymap.bindings,
            key=lambda b: MENUS.index(b.menu) if b.menu in MENUS else len(MENUS),
        )
        self.table = QTableWidget(len(ordered), 3)
        self.table.setObjectName("keys-table")
        self.table.setAccessibleName(self.tr("Commands and their keys"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Key"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        for row, entry in enumerate(ordered):
            texts = (self._label(entry.command), "", translated(entry.description))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.command)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _index: self.key_field.setFocus())
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table)
        return box

    def _build_key_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Key:"))
        self.key_field = KeyField()
        self.key_field.setObjectName("key-field")
        self.key_field.setAccessibleName(self.tr("New key for the selected command"))
        self.key_field.submitted.connect(self.set_selected)
        label.setBuddy(self.key_field)
        row.addWidget(label)
        row.addWidget(self.key_field, 1)
        self.set_button = self._button(self.tr("&Set"), "set-key", self.set_selected)
        self.unbind_button = self._button(self.tr("&Unbind"), "unbind-key", self.unbind_selected)
        self.reset_button = self._button(
            self.tr("&Reset to default"), "reset-key", self.reset_selected
        )
        self.reset_all_button = self._button(
            self.tr("Reset &all"), "reset-all-keys", self.reset_all
        )
        for button in (self.set_button, self.unbind_button, self.reset_button):
            row.addWidget(button)
        row.addWidget(self.reset_all_button)
        return row

    @staticmethod
    def _button(text: str, name: str, act: Callable[[], object]) -> QPushButton:
        # Always enabled: a button disabled under the keyboard focus would throw the focus away;
        # one with nothing to do says so.
        button = no_auto_default(QPushButton(text))
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(lambda _checked=False: act())
        return button

    def _label(self, command: str) -> str:
        """The command's menu label as a sentence says it, in the interface's language."""
        return self.keymap.label(command)

    # -- opening ------------------------------------------------------------------------------

    def first_focus(self) -> QWidget:
        return self.table

    def open_over(self, return_focus: QWidget | None) -> None:
        """Re-read the saved keys each time: another statusdesk on the workspace may have
        changed them."""
        self.message.hide()
        self._start("keys", partial(_load, self.desk), self._loaded, self._load_failed)
        super().open_over(return_focus)

    def _fitting_size(self) -> QSize:
        """Wide enough that most descriptions fit on a line, tall enough for every row, within
        nine tenths of the screen (at 200 % the table scrolls instead)."""
        table = self.table
        chars = self.fontMetrics().averageCharWidth()
        rows = table.verticalHeader().length() + table.horizontalHeader().height()
        height = rows + self.key_field.sizeHint().height() + self.close_button.sizeHint().height()
        height += self.fontMetrics().height() * 6  # intro, labels, message, margins
        owner = self.parentWidget()
        screen = (owner or self).screen().availableGeometry()
        return QSize(
            min(max(self.sizeHint().width(), 120 * chars), screen.width() * 9 // 10),
            min(height, screen.height() * 9 // 10),
        )

    @property
    def working(self) -> bool:
        """True while the keys are being read or saved."""
        return bool(self._busy)

    # -- showing ------------------------------------------------------------------------------

    def selected(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def key_text(self, command: str) -> str:
        """What the Key column says for `command`."""
        key, default = self.keymap.key(command), native_key(self.keymap.default(command))
        if self.keymap.is_default(command):
            return self.tr("{key} (default)").format(key=native_key(key))
        return self.tr("{key} (default: {default})").format(
            key=native_key(key) if key else self.tr("none"), default=default
        )

    def _show_keymap(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, KEY_COLUMN)
            assert item is not None
            item.setText(self.key_text(str(item.data(Qt.ItemDataRole.UserRole))))
        self._selection_changed()

    def _selection_changed(self) -> None:
        """The field starts from the chosen command's key, so Enter alone changes nothing."""
        command = self.selected()
        key = self.keymap.key(command) if command is not None else ""
        self.key_field.setKeySequence(QKeySequence(key))
        label = self._label(command) if command is not None else self.tr("no command chosen")
        self.key_field.setAccessibleDescription(
            self.tr("The key of {command}").format(command=label)
        )

    def _say(self, text: str, *, problem: bool = False) -> None:
        tell(self.message, text, problem=problem)

    # -- reading ------------------------------------------------------------------------------

    def _loaded(self, loaded: tuple[Keymap, list[str]]) -> None:
        keymap, warnings = loaded
        changed = keymap != self.keymap
        self.keymap = keymap
        self._show_keymap()
        if warnings:
            self._say(" ".join(warnings), problem=True)
        if changed:  # saved elsewhere since the main window applied its keys
            self.keymap_changed.emit(keymap.overrides())

    def _load_failed(self, error: BaseException) -> None:
        why = error_text(error, "read the keys")
        self._say(self.tr("Cannot read the saved keys: {error}").format(error=why), problem=True)

    # -- changing -----------------------------------------------------------------------------

    def set_selected(self) -> None:
        command = self.selected()
        if command is None:
            self._say(self.tr("Choose a command in the list first."), problem=True)
            return
        key = self.key_field.portable()
        label = self._label(command)
        if not key:
            self._say(
                self.tr("Press the new key of {command} in the Key field first.").format(
                    command=label
                ),
                problem=True,
            )
            return
        now = self.tr("{command} is now {key}.")
        self._change(
            lambda keymap: keymap.rebind(command, key),
            lambda keymap: now.format(command=label, key=native_key(keymap.key(command))),
        )

    def unbind_selected(self) -> None:
        command = self.selected()
        if command is not None:
            said = self.tr("{command} has no key now; it stays in its menu.").format(
                command=self._label(command)
            )
            self._change(lambda keymap: keymap.unbind(command), lambda _keymap: said)

    def reset_selected(self) -> None:
        command = self.selected()
        if command is not None:
            label = self._label(command)
            back = self.tr("{command} is back on {key}.")
            self._change(
                lambda keymap: keymap.reset(command),
                lambda keymap: back.format(command=label, key=native_key(keymap.key(command))),
            )

    def reset_all(self) -> None:
        self._change(
            lambda keymap: keymap.reset_all(),
            lambda _keymap: self.tr("Every command is back on its default key."),
        )

    def _change(self, change: Callable[[Keymap], Keymap], said: Callable[[Keymap], str]) -> None:
        """Work out the new keymap here (a refusal is said at once, and nothing changes), then
        save it off the GUI thread; the window shows it, and says so, once it is saved."""
        try:
            keymap = change(self.keymap)
        except KeymapError as exc:
            self._say(str(exc), problem=True)
            return
        if keymap == self.keymap:
            self._say(self.tr("Nothing to change."))
            return
        overrides = keymap.overrides()
        if self._start(
            "keys",
            partial(_save, self.desk, overrides),
            lambda _none: self._saved(keymap, said(keymap)),
            self._save_failed,
        ):
            self._say(self.tr("Saving…"))
        else:
            self._say(
                self.tr("Still reading or saving the keys; press again in a moment."), problem=True
            )

    def _saved(self, keymap: Keymap, message: str) -> None:
        self.keymap = keymap
        self._show_keymap()
        self._say(message)
        self.keymap_changed.emit(keymap.overrides())

    def _save_failed(self, error: BaseException) -> None:
        why = error_text(error, "save the keys")
        self._say(
            self.tr("The keys were not saved; they are as before. {error}").format(error=why),
            problem=True,
        )
