"""The subscribers table: a model over the rows read on the TaskRunner, a filter by address, and
the view. Built for 10,000 rows: the model hands out precomputed text (no per-cell work), the
filter is one substring test per row, columns are sized from the font rather than measured
over every row, and nothing sorts on the GUI thread (the rows come sorted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from statusdesk.gui.subscribers.subscriber_rows import SubscriberList, SubscriberRow
from statusdesk.gui.widgets.theme import colour

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("SubscriberModel", "Address"),
    QT_TRANSLATE_NOOP("SubscriberModel", "Language"),
    QT_TRANSLATE_NOOP("SubscriberModel", "Subscribed since"),
    QT_TRANSLATE_NOOP("SubscriberModel", "Unsubscribed"),
    QT_TRANSLATE_NOOP("SubscriberModel", "Components"),
)
ADDRESS, LANGUAGE, SINCE, UNSUBSCRIBED, COMPONENTS = range(len(COLUMNS))
INACTIVE_COLOUR = "inactive"  # a colour role (widgets/theme.py)
# The widest text each narrow column holds: its width follows the font (no fixed pixels).
WIDEST = {
    LANGUAGE: "both",
    SINCE: "24 Sep 2026 14:05 (11:05 UTC)",
    UNSUBSCRIBED: "24 Sep 2026 14:05 (11:05 UTC)",
    COMPONENTS: "Payments API, Trading, Web",
}


class SubscriberModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listing = SubscriberList()
        self._rows: tuple[SubscriberRow, ...] = ()
        self.keys: list[str] = []  # each row's address, case-folded: what the filter reads

    def set_listing(self, listing: SubscriberList) -> None:
        self.beginResetModel()
        self.listing = listing
        self._rows = listing.rows
        self.keys = [row.key for row in listing.rows]
        self.endResetModel()

    def row(self, number: int) -> SubscriberRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("SubscriberModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if row.active and role == Qt.ItemDataRole.ToolTipRole and index.column() == COMPONENTS:
            return self.tr("Gets updates about: {components} (F2 changes it)").format(
                components=row.cells[COMPONENTS]
            )
        if row.active:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colour(INACTIVE_COLOUR)))  # the scheme in force
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "{email} unsubscribed on {since}: sent nothing, kept on record so an import "
                "does not sign them up again"
            ).format(email=row.email, since=row.cells[UNSUBSCRIBED])
        return None


class AddressFilter(QSortFilterProxyModel):
    """Rows whose address contains what was typed, ignoring case. One Python test per row,
    on text the worker already case-folded."""

    def __init__(self, source: SubscriberModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.source = source
        self.needle = ""

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self.needle:
            return
        self.beginFilterChange()
        self.needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return not self.needle or self.needle in self.source.keys[source_row]


class SubscriberTable(QTableView):
    """One row per subscriber; Delete asks to remove the current one, F2 opens its components;
    Tab leaves the table."""

    remove_requested = Signal()
    components_requested = Signal()

    def __init__(self, model: AddressFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subscribers-table")
        self.setAccessibleName(self.tr("Subscribers"))
        self.setModel(model)
        self.proxy = model
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setSortingEnabled(False)  # sorted by the worker: active first, then by address
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._size_columns()

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        pad = 3 * metrics.averageCharWidth()
        header = self.horizontalHeader()
        for column, text in WIDEST.items():
            widest = max(
                metrics.horizontalAdvance(t)
                for t in (text, translate("SubscriberModel", COLUMNS[column]))
            )
            header.resizeSection(column, widest + pad)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()

    def sizeHint(self) -> QSize:
        """Every column and about a dozen rows, from the font (it grows with the text size)."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        widths = sum(header.sectionSize(c) for c in WIDEST)
        width = widths + metrics.horizontalAdvance("x" * 36) + 2 * self.frameWidth()
        rows = 12 * self.verticalHeader().defaultSectionSize()
        return QSize(width, header.sizeHint().height() + rows + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.remove_requested.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F2 and not event.modifiers():
            self.components_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the current row, across re-reads and filtering ---------------------------------------

    def current(self) -> SubscriberRow | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.source.row(self.proxy.mapToSource(index).row())

    def select_email(self, email: str | None) -> bool:
        """Make the subscriber with this address current, if it is shown; else the first row."""
        number = self.proxy.source.listing.row_of(email) if email else None
        index = QModelIndex()
        if number is not None:
            index = self.proxy.mapFromSource(self.proxy.source.index(number, ADDRESS))
        found = index.isValid()
        if not found and self.proxy.rowCount() > 0:
            index = self.proxy.index(0, ADDRESS)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        return found
