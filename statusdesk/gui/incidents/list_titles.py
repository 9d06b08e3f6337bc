"""Both titles of an incident in one cell of the list: the English one on the first line from the
left, the Arabic one under it from the right (in its own direction and its larger size), each
cut with "…" at its own end when the column is narrow, the whole of both in the row's tooltip.

Two titles side by side left each some 75 pixels at 1280×800 ("Card pa…", "فشل المد…", issue
#16); one above the other, each has the column's whole width (docs/VISUAL.md, the list)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from statusdesk.gui.widgets.editors import arabic_font

Index = QModelIndex | QPersistentModelIndex
LINE_GAP = 2  # px between the two titles
PADDING = 4  # px above and below them


class TitlesDelegate(QStyledItemDelegate):
    """Paints the English title (its own column's text) over the Arabic one (the hidden
    `arabic_column` of the same row)."""

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
        latin = QFontMetrics(view.font)
        top = QRect(box.left(), box.top() + PADDING, box.width(), latin.height())
        painter.setFont(view.font)
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute),
            latin.elidedText(english, Qt.TextElideMode.ElideRight, box.width()),
        )
        font = arabic_font(view.font)
        metrics = QFontMetrics(font)
        under = QRectF(box.left(), top.bottom() + 1 + LINE_GAP, box.width(), metrics.height())
        painter.setFont(font)
        right_to_left = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        right_to_left.setTextDirection(Qt.LayoutDirection.RightToLeft)
        right_to_left.setWrapMode(QTextOption.WrapMode.NoWrap)
        painter.drawText(
            under,
            metrics.elidedText(arabic, Qt.TextElideMode.ElideRight, box.width()),
            right_to_left,
        )
        painter.restore()
