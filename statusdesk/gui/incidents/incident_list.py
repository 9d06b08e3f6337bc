"""The incident list: active incidents first, each with state, impact, both titles, the time
since it last spoke, the countdown to the next update it promised and its channels against the
latest update (issue #5). The model is fed from `Store.incident_summaries()` (one query) and
the silence alarm read beside it (operations.read_view); one timer moves every countdown
(`tick`), never a timer per row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from statusdesk.app import read_models
from statusdesk.app.standings import ChannelStanding, Standing
from statusdesk.core.model import Impact, Incident, IncidentState
from statusdesk.core.promise import Level
from statusdesk.core.timefmt import age_seconds
from statusdesk.gui.incidents.list_titles import TitlesDelegate
from statusdesk.gui.widgets.labels import (
    IMPACT_COLOURS,
    counted,
    impact_label,
    isolate_latin,
    local_and_utc,
    state_label,
)
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP
from statusdesk.gui.widgets.theme import Role, colour
from statusdesk.gui.wording.rhythm import (
    LEVEL_COLOURS,
    STANDING_COLOURS,
    Countdown,
    age_text,
    countdown,
    missed_summary,
    standing_sentence,
)
from statusdesk.store.records import IncidentSummary

Index = QModelIndex | QPersistentModelIndex

INCIDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The titles come right after the state: in a narrow pane (a small screen, 200 %) what shows
# first is what the incident is and where it stands; the rest scrolls in from the side.
COLUMNS = (
    QT_TRANSLATE_NOOP("IncidentListModel", "State"),
    QT_TRANSLATE_NOOP("IncidentListModel", "Title"),
    "العنوان",
    QT_TRANSLATE_NOOP("IncidentListModel", "Impact"),
    QT_TRANSLATE_NOOP("IncidentListModel", "Last update"),
    QT_TRANSLATE_NOOP("IncidentListModel", "Next update"),
)
STATE, TITLE_EN, TITLE_AR, IMPACT, AGE, NEXT = range(len(COLUMNS))


_KINDS = (
    QT_TRANSLATE_NOOP("IncidentListModel", "incident"),
    QT_TRANSLATE_NOOP("IncidentListModel", "maintenance"),
)


class IncidentListModel(QAbstractTableModel):
    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[IncidentSummary] = []  # every incident read
        self._active: list[IncidentSummary] = []  # those still open (the clock watches them)
        self._rows: list[IncidentSummary] = []  # those the filter (Ctrl+F) lets through
        self._filter = ""
        self._now = now
        self._standings: dict[int, tuple[ChannelStanding, ...]] = {}
        # (row, AGE or NEXT) → the text the view was last given: what `tick` compares with.
        self._told: dict[tuple[int, int], str] = {}

    # -- feeding ----------------------------------------------------------------------------

    def set_summaries(self, rows: list[IncidentSummary], now: datetime) -> None:
        self.beginResetModel()
        self._told.clear()
        self._all = list(rows)
        self._active = [summary for summary in rows if summary.incident.is_active]
        self._rows = self._filtered()
        self._now = now
        self.endResetModel()

    def set_filter(self, query: str) -> None:
        """Ctrl+F: only the incidents whose title (either language), number or state matches
        a few letters of `query` (fuzzy, as the palette); "" shows them all."""
        self.beginResetModel()
        self._told.clear()
        self._filter = query.strip()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[IncidentSummary]:
        if not self._filter:
            return list(self._all)
        from statusdesk.core.fuzzy import Query, prepare

        query = Query(self._filter)

        def matches(summary: IncidentSummary) -> bool:
            incident = summary.incident
            texts = (incident.title.en, incident.title.ar, f"#{incident.id}", incident.state.value)
            return any(query.score(prepare(text)) is not None for text in texts if text)

        return [summary for summary in self._all if matches(summary)]

    def set_standings(self, standings: Mapping[int, Sequence[ChannelStanding]]) -> None:
        """The silence alarm of the active incidents, by id (read with the list)."""
        fresh = {k: tuple(v) for k, v in standings.items()}
        if fresh == self._standings:
            return
        self._standings = fresh
        self._changed(NEXT)

    def tick(self, now: datetime) -> None:
        """The clock moved: the rows whose countdown or age now reads differently from what the
        view was last given say so, and only they repaint (a countdown's minute, an age's);
        rows never painted are computed afresh when they are. One call for the whole list."""
        self._now = now
        moved = sorted(
            {row for (row, column), told in self._told.items() if self._text(row, column) != told}
        )
        for row in moved:
            for column in (AGE, NEXT):
                self._told.pop((row, column), None)  # told again when the view asks
            self.dataChanged.emit(self.index(row, AGE), self.index(row, NEXT))

    def _text(self, row: int, column: int) -> str | None:
        summary = self.summary(row)
        return None if summary is None else self._display(summary, column)

    def _changed(self, first: int, last: int | None = None) -> None:
        if self._rows:
            left, right = sorted((first, first if last is None else last))
            self.dataChanged.emit(self.index(0, left), self.index(len(self._rows) - 1, right))

    def countdown(self, row: int) -> Countdown | None:
        summary = self.summary(row)
        if summary is None:
            return None
        incident = summary.incident
        return countdown(incident.next_update_due if incident.is_active else None, self._now)

    def standings(self, incident_id: int) -> tuple[ChannelStanding, ...]:
        return self._standings.get(incident_id, ())

    def summaries(self) -> list[IncidentSummary]:
        """Every incident read, whatever the filter shows (promises, the tray, the palette)."""
        return list(self._all)

    def active_summaries(self) -> list[IncidentSummary]:
        """The open incidents read (what the once-a-second promise watch looks at)."""
        return list(self._active)

    def summary(self, row: int) -> IncidentSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, incident_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.incident.id == incident_id:
                return row
        return None

    def most_recent_active_row(self) -> int | None:
        """The incident to open at launch: the active one that spoke last (or started last)."""
        return read_models.most_recent_active(self._rows)

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.summary(index.row()) if index.isValid() else None
        if summary is None:
            return None
        incident = summary.incident
        column = index.column()
        if role == INCIDENT_ID_ROLE:
            return incident.id
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(summary, column)
            if column in (AGE, NEXT):
                self._told[(index.row(), column)] = text
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NEXT:
            return self._spoken(summary)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TITLE_EN:
            # The cell shows both titles (list_titles.py): a screen reader says both.
            return " — ".join(t for t in (incident.title.en, incident.title.ar) if t)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not incident.is_active:
                return QBrush(QColor(colour(Role.INACTIVE)))
            if column == IMPACT:
                return QBrush(QColor(colour(IMPACT_COLOURS[incident.impact])))
            if column == NEXT:
                alarm = self._alarm_colour(incident)
                return QBrush(QColor(colour(alarm))) if alarm else None
        if role == Qt.ItemDataRole.FontRole and incident.is_active and column in (STATE, NEXT):
            if column == NEXT and not self._alarm_colour(incident):
                return None
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == TITLE_AR:
            # Absolute: the Arabic title sits on the right even when the app is mirrored.
            return int(
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignVCenter
            )
        return None

    def _display(self, summary: IncidentSummary, column: int) -> str:
        incident = summary.incident
        if column == STATE:
            return state_label(incident.state)
        if column == IMPACT:
            return impact_label(incident.impact)
        if column == TITLE_EN:
            return incident.title.en
        if column == TITLE_AR:
            return isolate_latin(incident.title.ar)
        if column == NEXT:
            if not incident.is_active:
                return ""
            # The promise, and the silence alarm beside it: "overdue 3 min · ✗ x missed".
            parts = [
                countdown(incident.next_update_due, self._now).short,
                missed_summary(self.standings(incident.id)),
            ]
            return " · ".join(part for part in parts if part)
        last = summary.last_published_at
        if not last:
            return self.tr("no update yet")
        seconds = age_seconds(last, self._now)
        if seconds < 60:
            return age_text(seconds)  # "just now"
        return self.tr("{age} ago").format(age=age_text(seconds))

    def _tooltip(self, summary: IncidentSummary) -> str:
        incident = summary.incident
        last = summary.last_published_at
        lines = [
            f"#{incident.id} · {self.tr(incident.kind.value)} · {state_label(incident.state)}",
            incident.title.en,
            incident.title.ar,
            self.tr("Started {when}").format(when=local_and_utc(incident.started_at, self._now)),
            self.tr("Last update {when}").format(when=local_and_utc(last, self._now))
            if last
            else self.tr("No update yet"),
            counted(self.tr("%n update(s)", "", summary.update_count), summary.update_count),
        ]
        if incident.is_active:
            lines.append(countdown(incident.next_update_due, self._now).text.capitalize())
            lines += [standing_sentence(s, self._now) for s in self.standings(incident.id)]
        return "\n".join(line for line in lines if line)

    def _alarm_colour(self, incident: Incident) -> str | None:
        """Red for a broken promise or a silent channel, amber when the promise is near; the
        cell says the same in words."""
        level = countdown(incident.next_update_due, self._now).level
        if level is Level.RED or any(s.flagged for s in self.standings(incident.id)):
            return STANDING_COLOURS[Standing.MISSED]
        return LEVEL_COLOURS[level] if level is Level.AMBER else None

    def _spoken(self, summary: IncidentSummary) -> str:
        """What a screen reader says for the countdown cell: whole sentences."""
        incident = summary.incident
        if not incident.is_active:
            return ""
        standings = self.standings(incident.id)
        sentences = [countdown(incident.next_update_due, self._now).text]
        sentences += [standing_sentence(s, self._now) for s in standings if s.flagged]
        return "; ".join(sentences)


class ArabicDelegate(QStyledItemDelegate):
    """Lays a cell out right to left, whatever the app's direction: a title that mixes Arabic
    with Latin ("تعطل API") only reads in the right order with an RTL paragraph."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.RightToLeft


class IncidentFilter(QLineEdit):
    """Ctrl+F: a few letters of a title, in either language, narrow the list as they are typed.
    Down or Enter go to the list; Esc empties the filter and goes back to the list."""

    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident-filter")
        self.setPlaceholderText(
            self.tr("Filter: a few letters of a title, English or Arabic (Ctrl+F)")
        )
        self.setAccessibleName(self.tr("Filter incidents"))
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.clear()
            self.leave.emit()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave.emit()
            return
        super().keyPressEvent(event)


class IncidentListView(QTableView):
    """Row selection only; `current_incident_changed(id)` says which incident is current."""

    current_incident_changed = Signal(int)

    def __init__(self, model: IncidentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident-list")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self._arabic = ArabicDelegate(self)
        self.setItemDelegateForColumn(TITLE_AR, self._arabic)
        # Both titles in the Title column, the Arabic one under the English (list_titles.py):
        # each gets the column's whole width, and the row's tooltip has both in full.
        self._titles = TitlesDelegate(TITLE_AR, self)
        self.setItemDelegateForColumn(TITLE_EN, self._titles)
        self.setColumnHidden(TITLE_AR, True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self._titles.row_height(self.font()))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_EN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in (
            (STATE, max(92, self._widest(state_label(s) for s in IncidentState))),
            (IMPACT, max(58, self._widest(impact_label(i) for i in Impact))),
            (AGE, 76),
            (NEXT, 92),
        ):
            # Never narrower than the column's heading ("Last update" was ".ast update"), nor
            # than its longest word in the interface's language (Arabic's "تم تحديد السبب").
            self.setColumnWidth(column, max(width, header.sectionSizeFromContents(column).width()))
        self._widths = {c: self.columnWidth(c) for c in (STATE, IMPACT, AGE, NEXT)}
        self.setAccessibleName(self.tr("Incidents"))
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _widest(self, words: Iterable[str]) -> int:
        """The width a cell needs for the longest of `words` in bold (active rows), with the
        cell's margins."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 4)
        return max(metrics.horizontalAdvance(word) for word in words) + margin

    # The columns a narrow list gives up first, so that the titles keep TITLE_CHARS average
    # characters (a 200 % desk on a 1080p screen): the last update's age, then the impact
    # (both stay in the row's tooltip and on the incident page).
    YIELDING = (AGE, IMPACT)
    TITLE_CHARS = 22

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        room = self.viewport().width()
        wanted = self.fontMetrics().averageCharWidth() * self.TITLE_CHARS
        hidden: set[int] = set()
        for column in self.YIELDING:  # the widths they were given, shown or hidden now
            shown = sum(w for c, w in self._widths.items() if c not in hidden)
            if room - shown >= wanted:
                break
            hidden.add(column)
        for column in self.YIELDING:
            if self.isColumnHidden(column) != (column in hidden):
                self.setColumnHidden(column, column in hidden)

    def list_model(self) -> IncidentListModel:
        model = self.model()
        assert isinstance(model, IncidentListModel)
        return model

    def current_incident_id(self) -> int | None:
        summary = self.list_model().summary(self.currentIndex().row())
        return summary.incident.id if summary else None

    def select_incident(self, incident_id: int | None) -> bool:
        row = self.list_model().row_of(incident_id) if incident_id is not None else None
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.list_model().index(row, STATE)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def step(self, offset: int) -> bool:
        """Alt+Up / Alt+Down: previous / next incident; stays put at either end."""
        count = self.list_model().rowCount()
        if count == 0:
            return False
        row = self.currentIndex().row()
        target = 0 if row < 0 else max(0, min(count - 1, row + offset))
        if target == row:
            return False
        self.select_row(target)
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.list_model().summary(current.row())
        if summary is not None:
            self.current_incident_changed.emit(summary.incident.id)
