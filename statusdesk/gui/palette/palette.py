"""The command palette (Ctrl+K, issue #6): type a few letters of anything — a command, an
incident, a template, a channel — in English or Arabic, Enter runs it. With a scope ("template")
the same window serves Ctrl+T.

It pops up over the main window and takes the keyboard itself (FocusPopup, ARCHITECTURE §8). The
keyboard stays in the search field throughout: Up/Down/PageUp/PageDown/Home/End move the
selection in the list below, Enter closes the palette (the keyboard goes back where it was)
and only then runs the item, so whatever the item does with the focus sticks. Esc closes and
runs nothing.

Matching is statusdesk/core/fuzzy.py; the palette only shows. Its items come from a provider
the main window supplies, asked afresh at every opening, so they are never stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.fuzzy import FuzzyIndex
from statusdesk.core.text.bidi import is_rtl
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP
from statusdesk.gui.widgets.labels import isolate_latin
from statusdesk.gui.widgets.popups import FocusPopup
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.theme import Role
from statusdesk.gui.widgets.theme import colour as theme_colour

Index = QModelIndex | QPersistentModelIndex

# English source texts (context "CommandPalette"), translated where shown (gui/i18n).
KIND_LABELS = {
    "command": QT_TRANSLATE_NOOP("CommandPalette", "Command"),
    "incident": QT_TRANSLATE_NOOP("CommandPalette", "Incident"),
    "template": QT_TRANSLATE_NOOP("CommandPalette", "Template"),
    "channel": QT_TRANSLATE_NOOP("CommandPalette", "Channel"),
}
# What the window is called, and what the empty search field invites, per scope.
SCOPES: dict[str | None, tuple[str, str]] = {
    None: (
        QT_TRANSLATE_NOOP("CommandPalette", "command palette"),
        QT_TRANSLATE_NOOP("CommandPalette", "Search commands, incidents, templates and channels…"),
    ),
    "command": (
        QT_TRANSLATE_NOOP("CommandPalette", "run a command"),
        QT_TRANSLATE_NOOP("CommandPalette", "Run a command…"),
    ),
    "incident": (
        QT_TRANSLATE_NOOP("CommandPalette", "go to incident"),
        QT_TRANSLATE_NOOP("CommandPalette", "Go to incident…"),
    ),
    "template": (
        QT_TRANSLATE_NOOP("CommandPalette", "insert template"),
        QT_TRANSLATE_NOOP("CommandPalette", "Insert template…"),
    ),
    "channel": (
        QT_TRANSLATE_NOOP("CommandPalette", "channel"),
        QT_TRANSLATE_NOOP("CommandPalette", "Channel…"),
    ),
}
MAX_RECENT = 20
# How long an item waits for the keyboard to come back to the main window before it runs
# anyway: activation goes through the window system and is never instant, but a command is
# never dropped for it.
FOCUS_WAIT_MS = 500
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = Role.MUTED  # a colour role: widgets/theme.py gives its light or dark value


@dataclass(frozen=True)
class PaletteItem:
    kind: str  # "command" | "incident" | "template" | "channel"
    key: str  # stable id, unique across kinds (e.g. "incident:42"): what `recent` remembers
    label: str  # English
    label_ar: str
    hint: str  # e.g. the shortcut "Ctrl+N" or an incident's state; searched too
    run: Callable[[], None] = field(compare=False)


def without_mnemonic(text: str) -> str:
    """A menu label as plain text: "&New incident…" → "New incident…", "&&" → "&"."""
    return re.sub(r"&(.)", r"\1", text)


def _texts(item: PaletteItem) -> tuple[str, str, str]:
    return (item.label, item.label_ar, item.hint)


def _key(item: PaletteItem) -> str:
    return item.key


def kind_label(kind: str) -> str:
    known = KIND_LABELS.get(kind)
    return _tr(known) if known is not None else kind.capitalize()


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommandPalette", text)


def spoken(item: PaletteItem) -> str:
    """One row as a screen reader should say it."""
    first = QCoreApplication.translate("CommandPalette", "{kind}: {name}").format(
        kind=kind_label(item.kind), name=item.label
    )
    parts = [first, item.label_ar, item.hint]
    return ", ".join(part for part in parts if part)


class PaletteModel(QAbstractListModel):
    """The ranked items, replaced wholesale on each keystroke (a reset is cheaper than diffing
    2,000 rows, and the view keeps no per-row widgets)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[PaletteItem] = []

    def set_items(self, items: Sequence[PaletteItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> PaletteItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = (kind_label(item.kind), item.label, item.label_ar, item.hint)
            return "\n".join(line for line in lines if line)
        if role == ITEM_ROLE:
            return item
        return None


class Cell(NamedTuple):
    text: str  # as drawn: elided, Latin runs isolated inside Arabic
    rect: QRectF
    option: QTextOption
    colour: QColor


class PaletteDelegate(QStyledItemDelegate):
    """A row in reading order: the kind, the name in the interface's language, the name in the
    other language, then the hint. An Arabic interface reads the row from the right (mirrored,
    as its composer puts the Arabic editor first); each name keeps its own direction whatever
    the interface's, hugging its own reading side."""

    PAD = 8
    WIDEST_HINT = "Ctrl+Shift+Return"  # longer hints are elided

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(400, option.fontMetrics.height() + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, PaletteItem):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws the background, selection and focus; the text is ours
        # Qt leaves the widget out when a delegate paints off-view; the stubs say it is always set.
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        for cell in self.cells(item, opt):
            painter.setPen(cell.colour)
            painter.drawText(cell.rect, cell.text, cell.option)
        painter.restore()

    def cells(self, item: PaletteItem, opt: QStyleOptionViewItem) -> list[Cell]:
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink = opt.palette.color(role)
        quiet = ink if selected else QColor(theme_colour(MUTED))
        fm = opt.fontMetrics
        rect = QRectF(opt.rect.adjusted(self.PAD, 0, -self.PAD, 0))
        kind_w = max(fm.horizontalAdvance(k) for k in KIND_LABELS.values()) + 2 * self.PAD
        # One hint width for every row, so the names' columns keep one edge.
        hint_w = min(fm.horizontalAdvance(self.WIDEST_HINT) + 2 * self.PAD, rect.width() / 4)
        half = (rect.width() - kind_w - hint_w) / 2
        mirrored = opt.direction is Qt.LayoutDirection.RightToLeft
        x = rect.right() if mirrored else rect.left()
        cells = []
        for text, width, colour, trailing in (
            (kind_label(item.kind), kind_w, quiet, False),
            (item.label, half, ink, False),
            (item.label_ar, half, ink, False),
            (item.hint, hint_w, quiet, True),
        ):
            # Each text in its own direction (an English name drawn right to left in an Arabic
            # row read "…Schedule"). A name hugs its own reading side, the hint the row's far
            # end; AlignAbsolute keeps an RTL paragraph's AlignRight from being mirrored.
            rtl = is_rtl(text)
            right = rtl if not trailing else not mirrored
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            absolute = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            option = QTextOption(align | absolute)
            option.setTextDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
            option.setWrapMode(QTextOption.WrapMode.NoWrap)
            left = x - width + self.PAD if mirrored else x
            box = QRectF(left, rect.top(), max(0.0, width - self.PAD), rect.height())
            shown = isolate_latin(text) if rtl else text
            elided = fm.elidedText(shown, Qt.TextElideMode.ElideRight, int(box.width()))
            cells.append(Cell(elided, box, option, colour))
            x += -width if mirrored else width
        return cells


class RunWhenFocused(QObject):
    """Runs `run` once `target` has the keyboard again (or after FOCUS_WAIT_MS). Commands read
    QApplication.focusWidget() (which editor Ctrl+L leaves, where a chooser returns to), and
    right after the palette closes that is nobody: the main window is still being activated."""

    def __init__(self, parent: QObject, target: QWidget, run: Callable[[], None]) -> None:
        super().__init__(parent)
        self._target = target
        self._run: Callable[[], None] | None = run
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        app.focusChanged.connect(self._focus_changed)
        QTimer.singleShot(FOCUS_WAIT_MS, self, self._go)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is self._target:
            self._go()

    def _go(self) -> None:
        run, self._run = self._run, None
        if run is None:
            return
        self._app.focusChanged.disconnect(self._focus_changed)
        self.deleteLater()
        run()


class CommandPalette(FocusPopup):
    """`open_over(had_focus, scope=None)` opens it with the items `provider()` gives now
    (only those of kind `scope` when given). `recent` is the most-recently-used list of item
    keys, newest first, at most 20: set it from saved settings, read it (on `recent_changed`)
    to save it."""

    recent_changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        provider: Callable[[], Iterable[PaletteItem]],
        *,
        recent: Iterable[str] = (),
    ) -> None:
        super().__init__(parent, _tr(SCOPES[None][0]))
        self.setObjectName("command-palette")
        self._provider = provider
        self._recent: list[str] = []
        self.recent = recent
        self._index: FuzzyIndex[PaletteItem] = FuzzyIndex([], _texts, _key)
        self.scope: str | None = None
        self._had_focus: QWidget | None = None
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setObjectName("palette-query")
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.query.textChanged.connect(self._refilter)
        layout.addWidget(self.query)
        self.model = PaletteModel(self)
        self.list = QListView()
        self.list.setObjectName("palette-list")
        self.list.setModel(self.model)
        self.list.setItemDelegate(PaletteDelegate(self.list))
        self.list.setUniformItemSizes(True)  # 2,000 rows are laid out without asking each
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The keyboard never leaves the search field: a click selects, a double click runs.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.activated.connect(self.accept)
        self.list.selectionModel().currentRowChanged.connect(self._describe_current)
        layout.addWidget(self.list)
        self.status = muted(QLabel(""), MUTED)
        self.status.setObjectName("palette-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self._apply_scope(None)
        self.resize(760, 460)

    # --- what the integrator uses ----------------------------------------------------------

    @property
    def recent(self) -> tuple[str, ...]:
        return tuple(self._recent)

    @recent.setter
    def recent(self, keys: Iterable[str]) -> None:
        self._recent = list(dict.fromkeys(keys))[:MAX_RECENT]

    def open_over(self, return_focus: QWidget | None, *, scope: str | None = None) -> None:
        if self.isVisible():
            # Asked again while open (Ctrl+K, then Ctrl+T): the keyboard must still go back to
            # where it was before the first, not to this palette's own search field.
            return_focus = self._had_focus
        self._had_focus = return_focus
        self._apply_scope(scope)
        items = [i for i in self._provider() if scope is None or i.kind == scope]
        self._index = FuzzyIndex(items, _texts, _key)
        self.query.blockSignals(True)  # one ranking below, not one for clear() as well
        self.query.clear()
        self.query.blockSignals(False)
        self._refilter()
        self._place()
        super().open_over(return_focus)

    def first_focus(self) -> QWidget:
        return self.query

    def current(self) -> PaletteItem | None:
        return self.model.item(self.list.currentIndex().row())

    def shown(self) -> list[PaletteItem]:
        """The items listed, best first (for tests and the integrator's own checks)."""
        return [item for row in range(self.model.rowCount()) if (item := self.model.item(row))]

    def accept(self) -> None:
        if not self.isVisible():
            return
        item = self.current()
        if item is None:
            return  # nothing matches: stay, so the query can be corrected
        self._remember(item.key)
        target, self._had_focus = self._had_focus, None
        super().accept()  # closes and gives the keyboard back before the item runs
        if target is None or QApplication.focusWidget() is target:
            item.run()
        else:
            RunWhenFocused(self, target, item.run)

    # --- inside ------------------------------------------------------------------------------

    def _apply_scope(self, scope: str | None) -> None:
        self.scope = scope
        known = SCOPES.get(scope)
        if known is not None:
            title, placeholder = _tr(known[0]), _tr(known[1])
        else:
            title, placeholder = f"{scope}", f"{kind_label(scope or '')}…"
        self.setWindowTitle(self.tr("statusdesk — {title}").format(title=title))
        self.query.setPlaceholderText(placeholder)
        self.query.setAccessibleName(self.tr("{title}: search").format(title=title.capitalize()))
        self.list.setAccessibleName(self.tr("{title}: matches").format(title=title.capitalize()))

    def _place(self) -> None:
        """Over the top third of the main window, centred, as palettes usually sit."""
        owner = self.parentWidget()
        if owner is None:
            return
        frame = owner.window().frameGeometry()
        self.move(frame.center().x() - self.width() // 2, frame.top() + frame.height() // 8)

    def _refilter(self) -> None:
        ranked = self._index.rank(self.query.text(), self._recent)
        self.model.set_items(ranked)
        if ranked:
            self._select(0)
        else:
            self._describe_current(QModelIndex())
        text = self.query.text().strip()
        if ranked:
            self.status.setText(self.tr("↑/↓ to choose, Enter to run, Esc to close"))
        elif text:
            self.status.setText(self.tr("Nothing matches “{text}”.").format(text=text))
        else:
            self.status.setText(self.tr("Nothing to choose from."))

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _describe_current(self, current: Index, _previous: Index | None = None) -> None:
        # The keyboard is in the search field, so that is where a screen reader looks: it
        # carries what Enter would run.
        item = self.model.item(current.row())
        self.query.setAccessibleDescription(spoken(item) if item else "")

    def _page(self) -> int:
        row_height = self.list.sizeHintForRow(0) if self.model.rowCount() else 0
        return max(1, self.list.viewport().height() // row_height - 1) if row_height else 1

    def _move(self, key: int) -> bool:
        count = self.model.rowCount()
        if count == 0:
            return True
        row = max(0, self.list.currentIndex().row())
        targets = {
            Qt.Key.Key_Up: row - 1,
            Qt.Key.Key_Down: row + 1,
            Qt.Key.Key_PageUp: row - self._page(),
            Qt.Key.Key_PageDown: row + self._page(),
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: count - 1,
        }
        self._select(max(0, min(count - 1, targets[Qt.Key(key)])))
        return True

    def _remember(self, key: str) -> None:
        self.recent = [key, *self._recent]
        self.recent_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is not self.query
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
        ):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        moves = (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
        # Plain keys only: Shift+Home still selects the query's text.
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in moves and plain == Qt.KeyboardModifier.NoModifier:
            return self._move(key)
        return False
