"""F1: every key of the bindings table in a window of its own. Esc (or F1 again) closes it and
gives the keyboard back to the widget that had it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from statusdesk.gui.keys.actions import active_keymap, translated
from statusdesk.gui.keys.bindings import BINDINGS, MENUS
from statusdesk.gui.keys.shortcuts import native_key
from statusdesk.gui.widgets.geometry import fitted_size


class CheatSheet(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        # A window of its own (Qt.Window), owned by the main window so it closes with it.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("cheat-sheet")
        self.setWindowTitle(self.tr("statusdesk — keys"))
        self._return_focus: QWidget | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Every key of statusdesk. Esc closes this sheet; Esc never discards a draft.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(BINDINGS), 3)
        self.table.setObjectName("cheat-sheet-table")
        self.table.setAccessibleName(self.tr("Keys and what they do"))
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Does"), self.tr("Menu")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        # Every row in view at once: a cheat sheet that scrolls hides what it is for. Within
        # the screen, though: at 200 % a window taller than the screen hides more (it scrolls).
        rows = self.table.verticalHeader().defaultSectionSize() * len(BINDINGS)
        self.resize(fitted_size(640, rows + self.table.horizontalHeader().sizeHint().height() + 70))
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self.close)
        # The cheat sheet's own key (F1 unless rebound) closes it too.
        self._toggle = QShortcut(self)
        self._toggle.setContext(Qt.ShortcutContext.WindowShortcut)
        self._toggle.activated.connect(self.close)
        self._fill()

    def _fill(self) -> None:
        """The rows, with the keys in force now (the user's keymap)."""
        keymap = active_keymap()
        ordered = sorted(keymap.effective_bindings(), key=lambda b: MENUS.index(b.menu))
        for row, entry in enumerate(ordered):
            shown = native_key(entry.key) if entry.key else self.tr("(no key)")
            texts = (shown, translated(entry.description), translated(entry.menu))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.command)
                self.table.setItem(row, column, item)
        self._toggle.setKey(QKeySequence(keymap.key("cheat-sheet")))

    def rows(self) -> list[tuple[str, str, str]]:
        """(command, key as shown, description) per row, for tests and docs."""
        result = []
        for row in range(self.table.rowCount()):
            key, does = self.table.item(row, 0), self.table.item(row, 1)
            assert key is not None and does is not None
            result.append((str(key.data(Qt.ItemDataRole.UserRole)), key.text(), does.text()))
        return result

    def open_over(self, return_focus: QWidget | None) -> None:
        """Show and take the keyboard: under a bare X server (no window manager) a new window
        gets no focus unless it raises and activates itself."""
        self._return_focus = return_focus
        self._fill()
        self.show()
        self.raise_()
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.PopupFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        target = self._return_focus
        self._return_focus = None
        if target is None:
            return
        try:
            window = target.window()
            window.raise_()
            window.activateWindow()
            target.setFocus(Qt.FocusReason.PopupFocusReason)
        except RuntimeError:
            pass  # the widget that had focus is gone (e.g. a removed component row)
