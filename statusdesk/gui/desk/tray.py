"""The tray icon (issue #8): at a glance, from anywhere on the desktop, whether all is well —
all clear, an update overdue, or a delivery that failed and needs a person — and a menu that
reaches the window, the command palette and the incident that spoke last.

What it shows is decided by `tray_status` (no Qt), from two facts the window already has: how
many deliveries of open incidents need a person (read on the TaskRunner with the outstanding
count) and which open incidents are past their promised next update (from the incident list).
A failure outranks an overdue update: the first is silence that already happened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from statusdesk.core.model import Incident
from statusdesk.core.timefmt import parse_iso
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.widgets.theme import Role, colour, scheme


class TrayLevel(Enum):
    ALL_CLEAR = "all clear"
    OVERDUE = "update overdue"
    FAILED = "delivery failed"


# The badge's colour role (widgets/theme.py), in the scheme in force: the desktop's panel is
# light or dark as the desktop is, and the roles are readable on either scheme's surfaces.
BADGE = {
    TrayLevel.ALL_CLEAR: Role.OK,
    TrayLevel.OVERDUE: Role.WARNING,
    TrayLevel.FAILED: Role.ALARM,
}


def badge_colour(level: TrayLevel) -> QColor:
    return QColor(colour(BADGE[level]))


@dataclass(frozen=True)
class TrayStatus:
    level: TrayLevel
    tooltip: str


def overdue_incidents(incidents: Sequence[Incident], now: datetime) -> list[Incident]:
    """Open incidents whose promised next update is past."""
    late = []
    for incident in incidents:
        due = incident.next_update_due
        if incident.is_active and due is not None and parse_iso(due) < now:
            late.append(incident)
    return late


def tray_status(needing_attention: int, overdue: Sequence[Incident]) -> TrayStatus:
    if needing_attention == 1:
        # English has no translator: a sentence per English number form. (lupdate reads a
        # translate() call with a count as numerus only when the count is a literal, so the
        # Arabic of the second is one sentence that reads right for any count.)
        return TrayStatus(
            TrayLevel.FAILED,
            QCoreApplication.translate(
                "DeskTray", "statusdesk: 1 delivery needs you (failed or undecided)"
            ),
        )
    if needing_attention:
        return TrayStatus(
            TrayLevel.FAILED,
            numerals(
                QCoreApplication.translate(
                    "DeskTray",
                    "statusdesk: %n deliveries need you (failed or undecided)",
                    "",
                    needing_attention,
                )
            ),
        )
    if overdue:
        names = ", ".join(f"#{i.id}" for i in overdue[:3]) + (" …" if len(overdue) > 3 else "")
        return TrayStatus(
            TrayLevel.OVERDUE,
            QCoreApplication.translate(
                "DeskTray", "statusdesk: an update is overdue on {incidents}"
            ).format(incidents=names),
        )
    return TrayStatus(
        TrayLevel.ALL_CLEAR,
        QCoreApplication.translate("DeskTray", "statusdesk: all clear — every promise kept"),
    )


def badged(base: QIcon, colour: QColor, size: int = 64) -> QIcon:
    """The app icon with a coloured dot in its corner: readable at tray size."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if not base.isNull():
        base.paint(painter, 0, 0, size, size)
    dot = size * 0.45
    painter.setPen(QColor("white"))
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(size - dot - 1, size - dot - 1, dot, dot))
    painter.end()
    return QIcon(pixmap)


def bring_to_front(widget: QWidget) -> None:
    """The desk's top-level window shown, raised and given the keyboard (from the tray)."""
    top = widget.window()
    top.showNormal()
    top.raise_()
    top.activateWindow()


class DeskTray(QObject):
    """The icon and its menu. Inert where the desktop has no system tray."""

    def __init__(
        self,
        window: QWidget,
        *,
        show_window: Callable[[], None],
        open_palette: Callable[[], None],
        open_incident: Callable[[int], None],
        quit_app: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window_icon = window.windowIcon()
        self._open_incident = open_incident
        self._last_incident: int | None = None
        self.status = tray_status(0, [])
        self.icon: QSystemTrayIcon | None = None
        self._icons: dict[tuple[TrayLevel, str], QIcon] = {}
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        # A change of scheme (ui.theme, or the desktop's) sets the application's palette.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.paletteChanged.connect(self._recolour)  # a method: let go with this object
        self.icon = QSystemTrayIcon(self._icon_for(self.status.level), self)
        self.menu = QMenu(window)
        self.menu.setObjectName("tray-menu")
        self._add(self.menu, self.tr("Show statusdesk"), show_window)
        self._add(self.menu, self.tr("Command palette…"), open_palette)
        self.last_action = self._add(self.menu, self.tr("Last incident"), self._open_last)
        self.last_action.setEnabled(False)
        self.menu.addSeparator()
        self._add(self.menu, self.tr("Quit"), quit_app)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated(show_window))
        self.icon.setToolTip(self.status.tooltip)
        self.icon.show()

    @staticmethod
    def _add(menu: QMenu, text: str, run: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: run())
        return action

    @staticmethod
    def _activated(
        show_window: Callable[[], None],
    ) -> Callable[[QSystemTrayIcon.ActivationReason], None]:
        def activated(reason: QSystemTrayIcon.ActivationReason) -> None:
            if reason is QSystemTrayIcon.ActivationReason.Trigger:
                show_window()

        return activated

    def _icon_for(self, level: TrayLevel) -> QIcon:
        key = (level, scheme())
        if key not in self._icons:
            self._icons[key] = badged(self._window_icon, badge_colour(level))
        return self._icons[key]

    def _recolour(self, _palette: object = None) -> None:
        if self.icon is not None:
            self.icon.setIcon(self._icon_for(self.status.level))

    def message_target(self) -> QSystemTrayIcon | None:
        """Where desktop messages go (notify.Notifier): this icon, none without a tray."""
        return self.icon

    def show_status(self, status: TrayStatus) -> None:
        self.status = status
        if self.icon is not None:
            self.icon.setIcon(self._icon_for(status.level))
            self.icon.setToolTip(status.tooltip)

    def set_last_incident(self, incident: Incident | None) -> None:
        self._last_incident = incident.id if incident else None
        if self.icon is None:
            return
        if incident is None:
            self.last_action.setText(self.tr("Last incident"))
            self.last_action.setEnabled(False)
            return
        title = incident.title.en or incident.title.ar
        self.last_action.setText(
            self.tr("Last incident: #{id} {title}").format(id=incident.id, title=title[:50])
        )
        self.last_action.setEnabled(True)

    def _open_last(self) -> None:
        if self._last_incident is not None:
            self._open_incident(self._last_incident)

    def close(self) -> None:
        if self.icon is not None:
            self.icon.hide()
