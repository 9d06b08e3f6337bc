"""The Templates window's list: one row a template (name, kind, state, where it comes from),
each row keyed by the template's name, the one in the editor current. The window says what the
rows read (template_edits.py); this shows them and keeps itself wide enough to read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

KEY = Qt.ItemDataRole.UserRole


class TemplateList(QTreeWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("template-list")
        self.setAccessibleName(self.tr("Templates"))
        self.setHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("State"), self.tr("Source")]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def show_rows(self, rows: list[tuple[str, list[str]]], current: str | None) -> None:
        """Every row anew, `current` selected without saying so (no `currentItemChanged`)."""
        self.blockSignals(True)
        try:
            self.clear()
            for key, texts in rows:
                item = QTreeWidgetItem(texts)
                item.setData(0, KEY, key)
                self.addTopLevelItem(item)
                if key == current:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)
        for column in range(self.columnCount()):
            self.resizeColumnToContents(column)
        # Wide enough to read every column without scrolling sideways (up to a point).
        chars = self.fontMetrics().averageCharWidth()
        needed = sum(self.columnWidth(c) for c in range(self.columnCount()))
        scroll = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(min(needed + scroll + 4 * chars, 48 * chars))

    def update_row(self, key: str, texts: list[str]) -> None:
        """The row of `key` reads `texts` now (an edit came or went)."""
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is not None and item.data(0, KEY) == key:
                for column, text in enumerate(texts):
                    item.setText(column, text)
                self.resizeColumnToContents(self.columnCount() - 1)  # ", edited"
                return

    @staticmethod
    def key_of(item: QTreeWidgetItem) -> str:
        return str(item.data(0, KEY))
