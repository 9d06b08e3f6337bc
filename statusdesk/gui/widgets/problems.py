"""Problems shown inline under the composer: errors in red, warnings in amber, each naming the
field and, when it sits at one place, the character; Enter or a double click jumps there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSizePolicy, QWidget

from statusdesk.core.model import Problem, Severity
from statusdesk.gui.i18n import localised
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP, plain_tooltip
from statusdesk.gui.widgets.theme import Role, colour

FIELD_LABELS = {
    "body": QT_TRANSLATE_NOOP("Problems", "Update"),
    "body_en": QT_TRANSLATE_NOOP("Problems", "English text"),
    "body_ar": QT_TRANSLATE_NOOP("Problems", "Arabic text"),
    "title": QT_TRANSLATE_NOOP("Problems", "Title"),
    "title_en": QT_TRANSLATE_NOOP("Problems", "English title"),
    "title_ar": QT_TRANSLATE_NOOP("Problems", "Arabic title"),
    "state": QT_TRANSLATE_NOOP("Problems", "State"),
    "channels": QT_TRANSLATE_NOOP("Problems", "Channels"),
    "incident": QT_TRANSLATE_NOOP("Problems", "Incident"),
    "workspace": QT_TRANSLATE_NOOP("Problems", "Workspace"),
    "publish": QT_TRANSLATE_NOOP("Problems", "Publish"),
}
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2


def describe(problem: Problem) -> str:
    known = FIELD_LABELS.get(problem.field)
    if known:
        label = QCoreApplication.translate("Problems", known)
    else:
        label = problem.field.replace("_", " ").capitalize()
    return f"{label}: {localised(problem)}"


class ProblemList(QListWidget):
    jump = Signal(str, int)  # field, position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setAccessibleName(self.tr("Problems"))
        self.setWordWrap(True)
        # Reachable with Tab after the editors, so a keyboard user can jump to a problem.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMaximumHeight(72)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.itemActivated.connect(self._activated)
        self.show_problems([], idle_text="")

    def show_problems(self, problems: Sequence[Problem], idle_text: str) -> None:
        self.clear()
        self.problems = list(problems)
        for problem in problems:
            item = QListWidgetItem(describe(problem))
            error = problem.severity is Severity.ERROR
            item.setForeground(QBrush(QColor(colour(Role.PROBLEM if error else Role.WARNING))))
            item.setData(FIELD_ROLE, problem.field)
            item.setData(POSITION_ROLE, problem.position if problem.position is not None else -1)
            item.setToolTip(plain_tooltip(describe(problem)))
            self.addItem(item)
        if not problems and idle_text:
            item = QListWidgetItem(idle_text)
            item.setForeground(QBrush(QColor(colour(Role.MUTED))))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        # Nothing to say, nothing shown: no empty box without a label under the composer.
        self.setVisible(self.count() > 0)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """As tall as its lines (up to the maximum height, then it scrolls)."""
        rows = sum(self.sizeHintForRow(i) for i in range(self.count()))
        frame = 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), min(self.maximumHeight(), rows + frame + 2))

    def minimumSizeHint(self) -> QSize:
        """Never taller than its lines (a scroll area's own minimum is its scroll bar's)."""
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        field = item.data(FIELD_ROLE)
        if field:
            self.jump.emit(str(field), int(item.data(POSITION_ROLE)))
