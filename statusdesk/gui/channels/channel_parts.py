"""The Channels window's pieces besides the add form: what runs on the TaskRunner (reading the
channels, storing a secret), how an error is put into words, the channels table
and the secret form. The window (channels_dialog.py) wires them together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from statusdesk.channels.registry import kind_secret_names
from statusdesk.core.model import Channel
from statusdesk.gui.widgets.forms import (
    EnterActs,
    buddy_row,
    error_text,
    no_auto_default,
    note,
    tell,
)
from statusdesk.secrets import SecretsUnavailable

if TYPE_CHECKING:
    from statusdesk.desk import Desk

log = logging.getLogger(__name__)

COLUMNS = ("Name", "Kind", "Enabled", "Language", "Order", "Secrets set")


# -- work for the TaskRunner (no widgets here) ------------------------------------------------


@dataclass(frozen=True)
class ChannelsView:
    channels: list[Channel] = field(default_factory=list)
    secret_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind → names


def read_channels(desk: Desk) -> ChannelsView:
    """The channels, and the secrets each kind takes (which may import the kind's module)."""
    channels = desk.views.channels()
    names: dict[str, tuple[str, ...]] = {}
    for kind in {c.kind for c in channels}:
        try:
            names[kind] = kind_secret_names(kind)
        except Exception:  # an unknown or broken kind still lists; it just takes no secret here
            log.warning("cannot tell the secrets of kind %s", kind, exc_info=True)
            names[kind] = ()
    return ChannelsView(channels, names)


def store_secret(desk: Desk, channel: str, key: str, value: str) -> str:
    """Into the keyring; returns which keyring took it."""
    desk.channels.set_channel_secret(channel, key, value)
    return desk.secrets.describe()


# -- widgets ----------------------------------------------------------------------------------


class KeyringLine(QLabel):
    """Which keyring holds the secrets, or plainly (in red, at the top) that none works and
    what to do. There is no plaintext fallback to offer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyring-line")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tell(self, "Looking up the keyring…")

    def works(self, description: str) -> None:
        tell(self, f"Channel secrets are kept in the OS keyring: {description}.")

    def fails(self, error: BaseException) -> None:
        if isinstance(error, SecretsUnavailable):
            text = (
                f"⚠ {error} Until then no secret can be stored: statusdesk never keeps them "
                "in plain text."
            )
        else:
            why = error_text(error, "ask the keyring")
            text = f"⚠ Cannot tell which keyring holds the secrets: {why}"
        tell(self, text, problem=True)


class ChannelTable(QTableWidget):
    """One row per channel; Tab leaves it (rows are chosen with the arrows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("channels-table")
        self.setAccessibleName("Channels")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def sizeHint(self) -> QSize:
        """Wide enough for every column, tall enough for a few rows: from the font, so it
        grows with the text size (no fixed pixels)."""
        header = self.horizontalHeader()
        rows = max(3, min(self.rowCount(), 8))
        frame = 2 * self.frameWidth()
        height = header.sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        width = max(header.length(), self.fontMetrics().horizontalAdvance("x" * 60))
        return QSize(width + frame, height + frame)

    def show_channels(self, channels: Sequence[Channel], select: str | None) -> None:
        """Refill, keeping `select` (or the first row) current; no signal while refilling."""
        self.blockSignals(True)
        try:
            self.setRowCount(len(channels))
            current = 0
            for row, channel in enumerate(channels):
                cells = (
                    channel.name,
                    channel.kind,
                    "yes" if channel.enabled else "no",
                    channel.language.value,
                    channel.order.value,
                    ", ".join(channel.settings.get("secret_keys", [])) or "none",
                )
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, channel.name)
                    self.setItem(row, column, item)
                if channel.name == select:
                    current = row
            if channels:
                self.setCurrentCell(current, 0)
        finally:
            self.blockSignals(False)
        self.updateGeometry()  # the hint follows the rows

    def selected_name(self) -> str | None:
        item = self.item(self.currentRow(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class SecretForm(QGroupBox):
    """One secret of the selected channel: which (the kind's names) and its value, typed into a
    field that never echoes it. The value leaves the field the moment it is taken (`take`), so
    no widget holds it while the keyring works, or after."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Secrets", parent)
        self.setObjectName("secret-form")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        self.key = QComboBox()
        self.key.setObjectName("secret-key")
        buddy_row(form, "&Secret:", self.key, "Secret to set")
        self.value = QLineEdit()
        self.value.setObjectName("secret-value")
        self.value.setEchoMode(QLineEdit.EchoMode.Password)
        self.value.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.value.setPlaceholderText("never shown; kept in the keyring only")
        buddy_row(form, "&Value:", self.value, "Secret value (hidden)")
        self.store_button = no_auto_default(QPushButton("St&ore in keyring"))
        self.store_button.setObjectName("store-secret")
        self.store_button.clicked.connect(self.submitted.emit)
        outer.addWidget(self.store_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = note("secret-status")
        outer.addWidget(self.status)
        enter = EnterActs(self, self.submitted.emit)
        enter.watch(self.key, self.value)
        self._channel: str | None = None

    def show_channel(
        self, name: str | None, kind: str, names: Sequence[str], have: set[str]
    ) -> None:
        """The selected channel's secret names, each saying whether it is set (never its value)."""
        keep = self.key.currentData() if name == self._channel else None
        if name != self._channel:
            self.status.hide()
            self.clear_value()
        self._channel = name
        self.key.clear()
        for key in names:
            self.key.addItem(f"{key} — {'set' if key in have else 'not set'}", key)
        if keep is not None and (index := self.key.findData(keep)) >= 0:
            self.key.setCurrentIndex(index)
        usable = name is not None and bool(names)
        for widget in (self.key, self.value, self.store_button):
            widget.setEnabled(usable)
        if name is None:
            self.setTitle("Secrets (choose a channel above)")
        elif not names:
            self.setTitle(f"Secrets of {name}: a {kind} channel takes none")
        else:
            self.setTitle(f"Secrets of {name}")

    def take(self) -> tuple[str, str]:
        """(key, value), the field emptied at once, its undo history with it."""
        key = str(self.key.currentData() or "")
        value = self.value.text()
        self.clear_value()
        return key, value

    def clear_value(self) -> None:
        self.value.setText("")  # setText, unlike clear(), also forgets the undo history

    def say(self, text: str, *, problem: bool = False) -> None:
        tell(self.status, text, problem=problem)


def secrets_offered(channel: Channel, names: Sequence[str]) -> tuple[str, ...]:
    """The secrets the secret form offers: a site channel that publishes takes only its
    target's (git: token, private_key; sftp: password, private_key; s3: the key pair) — and any
    it holds already, so that one left from another target can still be replaced."""
    if channel.kind != "site":
        return tuple(names)
    from statusdesk.channels.site.publish.targets import KIND_SECRETS

    target = str(channel.settings.get("publish", "")).strip()
    held = set(channel.settings.get("secret_keys", []))
    wanted = set(KIND_SECRETS.get(target, ())) | held
    return tuple(name for name in names if name in wanted)
