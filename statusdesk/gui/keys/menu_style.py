"""The menu bar's menus in a right-to-left interface: Qt draws an item's key after its tab in
the menu's direction, where "Ctrl+," came out ",+Ctrl" (the trailing sign took the Arabic
side). Each menu gets this style, which draws the key as a left-to-right isolate, as every other
key of the interface is (i18n.key_name)."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionMenuItem,
    QWidget,
)

from statusdesk.gui.i18n import LRI, PDI


def isolated_menu_text(text: str) -> str:
    """ "Label\\tKey" with its key isolated (once)."""
    if "\t" not in text:
        return text
    label, key = text.split("\t", 1)
    if not key or key.startswith(LRI):
        return text
    return f"{label}\t{LRI}{key}{PDI}"


class IsolatedKeys(QProxyStyle):
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(
            option, QStyleOptionMenuItem
        ):
            isolated = isolated_menu_text(option.text)
            if isolated != option.text:
                option = QStyleOptionMenuItem(option)
                option.text = isolated
        super().drawControl(element, option, painter, widget)


class _Kept:
    style: IsolatedKeys | None = None  # one for every menu, alive as long as the app


def menu_style() -> IsolatedKeys:
    if _Kept.style is None:
        # A base of its own, by name: the application keeps (and may replace) its style.
        _Kept.style = IsolatedKeys(QApplication.style().name())
    return _Kept.style
