"""Affected components in the composer: one row per component (name + status), add and remove.

A name the workspace does not know yet is created when the update is published (as in the CLI's
`--component NAME=STATUS`). A component is stored under its English name; the field shows it
in the interface's language (its Arabic name in the Arabic interface, as the incident page
does), and a name shown or typed that is a known component's comes back as its stored name.

Each new update starts from the incident's components as they are now (issue #12 §2), and only
the rows the user touched — a status chosen, a name typed, a row added — are what the update
sets (`chosen`): a status merely shown is never sent again, so a later update cannot re-apply an
old one, and a resolving update that leaves a row alone lets resolving put it back to
operational.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import BilingualText, ComponentStatus
from statusdesk.gui.widgets.labels import component_status_label
from statusdesk.gui.widgets.reading import in_interface_language


class ComponentRow(QWidget):
    removed = Signal(QObject)
    changed = Signal()

    def __init__(self, name: str, status: ComponentStatus, known: list[str]) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("Component (e.g. API)"))
        self.name.setObjectName("component-name")
        self.name.setAccessibleName(self.tr("Affected component"))
        completer = QCompleter(known, self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        self.status = QComboBox()
        self.status.setObjectName("component-status")
        for value in ComponentStatus:
            self.status.addItem(component_status_label(value), value.value)
        self.status.setCurrentIndex(self.status.findData(status.value))
        self.remove = QPushButton("✕")
        self.remove.setToolTip(self.tr("Remove this component from the update"))
        self.remove.setFixedWidth(28)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        # The status list's longest item ("Degraded performance") would otherwise take the
        # row's width and leave the name a few letters wide.
        self._fit_name()
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status.setMinimumContentsLength(10)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.status, 2)
        layout.addWidget(self.remove)
        self.name.textChanged.connect(self.changed)
        self.name.textChanged.connect(self._name_fields)
        self.name.textChanged.connect(self._fit_name)
        self.status.currentIndexChanged.connect(self.changed)
        # Shown as the incident has it (False) or set by the user for this update (True).
        self.chosen = False
        self.name.textChanged.connect(self._choose)
        self.status.currentIndexChanged.connect(self._choose)
        self._name_fields()

    NAME_CHARS = (14, 32)  # the name field's width, in average characters: at least, at most
    PADDING = 16  # px: the field's frame and text margins, both sides

    def _fit_name(self) -> None:
        """The whole name in view, never its first letters cut off ("ayments API"): the field is
        as wide as its text (within NAME_CHARS), and a name typed is read from its start."""
        metrics = self.name.fontMetrics()
        least, most = (metrics.averageCharWidth() * n for n in self.NAME_CHARS)
        text = metrics.horizontalAdvance(self.name.text()) + self.PADDING
        self.name.setMinimumWidth(max(least, min(text, most)))
        if not self.name.hasFocus():
            self.name.setCursorPosition(0)

    def _choose(self) -> None:
        self.chosen = True

    def _name_fields(self) -> None:
        """Names for screen readers, which see neither the placeholder nor the row: "✕" is read
        as a symbol, and on Linux a combo box's name is its current item, so what it is the
        status of goes in its description (read after the value)."""
        name = self.name.text().strip() or self.tr("the new component")
        self.status.setAccessibleName(self.tr("Status of {name}").format(name=name))
        self.status.setAccessibleDescription(self.tr("How {name} is affected").format(name=name))
        self.remove.setAccessibleName(self.tr("Remove {name} from the update").format(name=name))

    def value(self) -> tuple[str, ComponentStatus]:
        return self.name.text().strip(), ComponentStatus(self.status.currentData())


class ComponentsEditor(QWidget):
    changed = Signal()
    rows_changed = Signal()  # a row added or removed: the Tab order follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("components-editor")
        self._known: list[str] = []
        self._shown: dict[str, str] = {}  # a component's stored name → as the interface says it
        self._stored: dict[str, str] = {}  # a known component's name as shown → its stored name
        self._rows: list[ComponentRow] = []
        self._key_filter: QObject | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._add = QPushButton(self.tr("+ Affected component"))
        self._add.setObjectName("add-component")
        self._add.clicked.connect(
            lambda: self.add_row("", ComponentStatus.MAJOR_OUTAGE, focus=True, chosen=True)
        )
        self._layout.addWidget(self._add, 0, Qt.AlignmentFlag.AlignLeft)

    def set_key_filter(self, key_filter: QObject) -> None:
        """An event filter (the window's ShortcutClaim) for every row's fields, now and later."""
        self._key_filter = key_filter
        for row in self._rows:
            self._watch(row)

    def _watch(self, row: ComponentRow) -> None:
        if self._key_filter is not None:
            row.name.installEventFilter(self._key_filter)
            row.status.installEventFilter(self._key_filter)

    def set_known(self, names: Iterable[str]) -> None:
        self._known = sorted(set(names), key=str.casefold)

    def set_names(self, names: Mapping[str, BilingualText]) -> None:
        """The workspace's components' names in both languages, by stored name: each row shows
        its component's name in the interface's language (rows made from now on)."""
        self._shown = {key: in_interface_language(name) or key for key, name in names.items()}
        self._stored = {}
        for key, name in names.items():
            for said in (name.ar, self._shown[key]):
                if said.strip():
                    self._stored[said.strip()] = key

    def stored_name(self, row: ComponentRow) -> str:
        """What a row names, as the component is stored: a known component's name as shown
        (its Arabic one) is its English name; anything else as typed."""
        text = row.value()[0]
        return self._stored.get(text, text)

    def add_row(
        self, name: str, status: ComponentStatus, *, focus: bool = False, chosen: bool = False
    ) -> ComponentRow:
        row = ComponentRow(self._shown.get(name, name), status, self._known)
        row.chosen = chosen
        row.removed.connect(self._remove)
        row.changed.connect(self.changed)
        self._watch(row)
        self._rows.append(row)
        self._layout.insertWidget(self._layout.count() - 1, row)
        self.rows_changed.emit()
        if focus:
            row.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def _remove(self, row: QObject) -> None:
        assert isinstance(row, ComponentRow)
        self._rows.remove(row)
        row.hide()
        row.deleteLater()
        self.rows_changed.emit()
        self._add.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def show_statuses(
        self, current: Mapping[str, ComponentStatus], chosen: Mapping[str, ComponentStatus]
    ) -> None:
        """The incident's components as they are now, with the user's own choices for this
        update over them (and after them, the components only the user named)."""
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows = []
        folded = {name.casefold(): name for name in chosen}
        for name, status in current.items():
            mine = folded.pop(name.casefold(), None)
            if mine is None:
                self.add_row(name, status)
            else:
                self.add_row(mine, chosen[mine], chosen=True)
        for name in folded.values():
            self.add_row(name, chosen[name], chosen=True)

    def values(self) -> dict[str, ComponentStatus]:
        """Named rows only; the last row wins if a name appears twice."""
        result: dict[str, ComponentStatus] = {}
        for row in self._rows:
            name, status = self.stored_name(row), row.value()[1]
            if name:
                result[name] = status
        return result

    def chosen(self) -> dict[str, ComponentStatus]:
        """What this update sets: the named rows the user touched (not the ones only shown)."""
        result: dict[str, ComponentStatus] = {}
        for row in self._rows:
            name, status = self.stored_name(row), row.value()[1]
            if name and row.chosen:
                result[name] = status
        return result

    def line_edits(self) -> list[QLineEdit]:
        return [row.name for row in self._rows]

    def focus_widgets(self) -> list[QWidget]:
        """Its stops for Tab, in reading order: each row's name, status and remove, then add."""
        rows = [widget for row in self._rows for widget in (row.name, row.status, row.remove)]
        return [*rows, self._add]
