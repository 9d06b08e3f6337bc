"""Telling the person that a delivery needs them: it failed for good, or nobody can tell whether
it went out. Silence on a channel must never go unnoticed (ARCHITECTURE §5), so this says it
twice: a desktop notification when the desktop has a system tray, and always the status bar.

Kept to this module so a later issue can change the mechanism (D-Bus notifications, a sound)
without touching the window: follow.py only feeds `FailureWatch` the dispatcher's changes and
hands `Notifier.delivery_needs_you` what it read about a delivery that deserves a word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from statusdesk.app.read_models import DeliveryFacts
from statusdesk.core.model import DeliveryState
from statusdesk.gui.keys.actions import decision_keys_hint
from statusdesk.gui.widgets.labels import delivery_reason, one_line

translate = QCoreApplication.translate

MESSAGE_MS = 15_000  # how long the desktop shows the notification


class FailureWatch:
    """Which of the dispatcher's reports deserve a notification: a delivery arriving at
    `failed` or `needs_decision` — once per arrival. The same state reported again is not a new
    change; failing again after a retry is."""

    def __init__(self) -> None:
        self._last: dict[int, DeliveryState] = {}

    def observe(self, delivery_id: int, state: DeliveryState) -> bool:
        previous = self._last.get(delivery_id)
        if state.is_final:
            self._last.pop(delivery_id, None)  # nothing more will happen to it
        else:
            self._last[delivery_id] = state
        return state.needs_attention and previous is not state


def failure_message(facts: DeliveryFacts, current_incident: int | None) -> str:
    """'alpha: failed — <error>. Ctrl+R retries, Ctrl+Shift+K skips' (the keys act on the
    current incident, so another incident's failure says which one to open)."""
    delivery = facts.delivery
    reason = one_line(delivery_reason(delivery) or translate("Notifier", "no reason recorded"))
    reason = reason.rstrip(". ")
    if delivery.state is DeliveryState.FAILED:
        said = translate("Notifier", "{channel}: failed — {reason}.")
    else:
        said = translate("Notifier", "{channel}: needs a decision — {reason}.")
    said = said.format(channel=facts.channel, reason=reason)
    if facts.incident_id == current_incident:
        return f"{said} {decision_keys_hint()}"
    where = translate("Notifier", "On incident #{id}, {keys}").format(
        id=facts.incident_id, keys=decision_keys_hint()
    )
    return f"{said} {where}"


class Tray(Protocol):
    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None: ...


class Notifier(QObject):
    """Says that a delivery needs a person: in the status bar always (`said`, which the window
    shows), and on the desktop through QSystemTrayIcon when a system tray is there (made on
    first need, so a session where nothing fails shows no tray icon).

    Holds no Python reference to its window (Qt's parent is enough): a reference cycle between
    widget wrappers would be left to the garbage collector, which may run on any thread."""

    said = Signal(str)

    def __init__(self, window: QWidget, tray: Callable[[], Tray | None] | None = None) -> None:
        super().__init__(window)
        self._tray_factory = tray  # tests pass a stand-in; None: the system's tray
        self._tray: Tray | None = None
        self._icon: QSystemTrayIcon | None = None

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def delivery_needs_you(self, facts: DeliveryFacts, current_incident: int | None) -> str | None:
        """Say it, unless the delivery has moved on since (a quick retry): returns what was
        said, or None."""
        if not facts.delivery.state.needs_attention:
            return None
        message = failure_message(facts, current_incident)
        if facts.delivery.state is DeliveryState.FAILED:
            title = self.tr("statusdesk — {channel} failed")
        else:
            title = self.tr("statusdesk — {channel} needs you")
        self.tell(title.format(channel=facts.channel), message)
        return message

    def tell(self, title: str, message: str) -> None:
        """Say something that needs the person: the status bar, and the desktop when it can
        (an overdue promise, a stale update; scheduling.py decides when)."""
        self.said.emit(message)
        if self._tray is None:
            self._tray = self._tray_factory() if self._tray_factory else self._system_tray()
        if self._tray is not None:
            self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)

    def _system_tray(self) -> Tray | None:
        window = self._window()
        if window is None or not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        icon = window.windowIcon()
        if icon.isNull():
            # QStyle costs 13 ms to load (its many enums): only when a tray is first made.
            from PySide6.QtWidgets import QStyle

            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip("statusdesk")
        tray.messageClicked.connect(self._bring_window)
        tray.activated.connect(self._bring_window)
        tray.show()
        self._icon = tray
        return tray

    @Slot()
    def _bring_window(self) -> None:
        window = self._window()
        if window is not None:
            window.showNormal()
            window.raise_()
            window.activateWindow()

    def close(self) -> None:
        if self._icon is not None:
            self._icon.hide()
