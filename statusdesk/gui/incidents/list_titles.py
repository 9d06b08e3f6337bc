"""Both titles of an incident in one cell of the list, one above the other in the interface's
reading order (the English one first in English, the Arabic one first in Arabic): the English
from the left, the Arabic from the right in its own direction and its larger size, each cut
with "…" at its own end when the column is narrow, the whole of both in the row's tooltip.

Two titles side by side left each some 75 pixels at 1280×800 ("Card pa…", "فشل المد…", issue
#16); one above the other, each has the column's whole width (docs/VISUAL.md, the list)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from statusdesk.gui.widgets.editors import arabic_font
from statusdesk.gui.widgets.reading import reading_order

Index = QModelIndex | QPersistentModelIndex
LINE_GAP = 2  # px between the two titles
PADDING = 4  # px above and below them


class TitlesDelegate(QStyledItemDelegate):
    """Paints the English title (its own column's text) and the Arabic one (the hidden
    `arabic_column` of the same row), in reading order."""

    def __init__(self, arabic_column: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.arabic_column = arabic_column

    def row_height(self, font: QFont) -> int:
        return (
            QFontMetrics(font).height()
            + QFontMetrics(arabic_font(font)).height()
            + LINE_GAP
            + 2 * PADDING
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        english = view.text
        arabic = str(index.model().index(index.row(), self.arabic_column).data() or "")
        view.text = ""
        widget: QWidget | None = view.widget  # None when painted off any view
        style = QApplication.style() if widget is None else widget.style()
        # Background, selection and focus as any cell; the text is ours.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(view.palette.color(role))
        top = box.top() + PADDING
        for language in reading_order():
            font = arabic_font(view.font) if language == "ar" else view.font
            height = QFontMetrics(font).height()
            line = QRectF(box.left(), top, box.width(), height)
            painter.setFont(font)
            text = arabic if language == "ar" else english
            painter.drawText(line, elided(text, font, box.width()), _LINE_OPTIONS[language])
            top += height + LINE_GAP
        painter.restore()


def _line_option(direction: Qt.LayoutDirection) -> QTextOption:
    """Each title from its own side, in its own direction, whatever the app's direction."""
    side = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else (Qt.AlignmentFlag.AlignLeft)
    )
    option = QTextOption(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    return option


_LINE_OPTIONS = {
    "en": _line_option(Qt.LayoutDirection.LeftToRight),
    "ar": _line_option(Qt.LayoutDirection.RightToLeft),
}


def elided(text: str, font: QFont, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
