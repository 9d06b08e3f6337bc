"""The Channels window's pieces besides the add form: what runs on the TaskRunner (reading the
channels, storing a secret), how an error is put into words, the channels table
and the secret form. The window (channels_dialog.py) wires them together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
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
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, localised, translate
from statusdesk.gui.widgets.forms import (
    EnterActs,
    buddy_row,
    error_text,
    no_auto_default,
    note,
    tell,
)
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.secrets import SecretsUnavailable

if TYPE_CHECKING:
    from statusdesk.app.channels import Removed
    from statusdesk.desk import Desk

log = logging.getLogger(__name__)

COLUMNS = (
    QT_TRANSLATE_NOOP("ChannelTable", "Name"),
    QT_TRANSLATE_NOOP("ChannelTable", "Kind"),
    QT_TRANSLATE_NOOP("ChannelTable", "Enabled"),
    QT_TRANSLATE_NOOP("ChannelTable", "Language"),
    QT_TRANSLATE_NOOP("ChannelTable", "Order"),
    QT_TRANSLATE_NOOP("ChannelTable", "Secrets set"),
)


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
        tell(self, self.tr("Looking up the keyring…"))

    def works(self, description: str) -> None:
        said = self.tr("Channel secrets are kept in the OS keyring: {keyring}.")
        tell(self, said.format(keyring=description))

    def fails(self, error: BaseException) -> None:
        if isinstance(error, SecretsUnavailable):
            text = self.tr(
                "⚠ {error} Until then no secret can be stored: statusdesk never keeps them in "
                "plain text."
            ).format(error=localised(error))
        else:
            why = error_text(error, "ask the keyring")
            text = self.tr("⚠ Cannot tell which keyring holds the secrets: {error}").format(
                error=why
            )
        tell(self, text, problem=True)


class ChannelTable(QTableWidget):
    """One row per channel; Tab leaves it (rows are chosen with the arrows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("channels-table")
        self.setAccessibleName(self.tr("Channels"))
        self.setHorizontalHeaderLabels([translate("ChannelTable", c) for c in COLUMNS])
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
                    self.tr("yes") if channel.enabled else self.tr("no"),
                    channel.language.value,
                    channel.order.value,
                    ", ".join(channel.settings.get("secret_keys", [])) or self.tr("none"),
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
        super().__init__(parent)
        self.setTitle(self.tr("Secrets"))
        self.setObjectName("secret-form")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        self.key = QComboBox()
        self.key.setObjectName("secret-key")
        buddy_row(form, self.tr("&Secret:"), self.key, self.tr("Secret to set"))
        self.value = QLineEdit()
        self.value.setObjectName("secret-value")
        self.value.setEchoMode(QLineEdit.EchoMode.Password)
        self.value.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.value.setPlaceholderText(self.tr("never shown; kept in the keyring only"))
        buddy_row(form, self.tr("&Value:"), self.value, self.tr("Secret value (hidden)"))
        self.store_button = no_auto_default(QPushButton(self.tr("St&ore in keyring")))
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
            said = self.tr("{secret} — set") if key in have else self.tr("{secret} — not set")
            self.key.addItem(said.format(secret=key), key)
        if keep is not None and (index := self.key.findData(keep)) >= 0:
            self.key.setCurrentIndex(index)
        usable = name is not None and bool(names)
        for widget in (self.key, self.value, self.store_button):
            widget.setEnabled(usable)
        if name is None:
            self.setTitle(self.tr("Secrets (choose a channel above)"))
        elif not names:
            said = self.tr("Secrets of {name}: a {kind} channel takes none")
            self.setTitle(said.format(name=name, kind=kind))
        else:
            self.setTitle(self.tr("Secrets of {name}").format(name=name))

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


def remove_question(parent: QWidget, channel: Channel) -> ConfirmPopup:
    """Remove this channel? Enter removes, Esc keeps it."""
    name = channel.name
    return ConfirmPopup(
        parent,
        title=translate("ChannelsDialog", "remove the channel?"),
        question=translate("ChannelsDialog", "Remove the {kind} channel {name}?").format(
            kind=channel.kind, name=name
        ),
        detail=translate(
            "ChannelsDialog",
            "No update goes to it any more; what it has not sent yet is skipped, with this as "
            "the reason; its secrets are deleted from the keyring. What it already published "
            "stays in the record under its name.",
        ),
        yes=translate("ChannelsDialog", "&Remove {name}").format(name=name.replace("&", "&&")),
        no=translate("ChannelsDialog", "&Keep it"),
    )


def removed_words(removed: Removed) -> str:
    """What a removal did, for the line under the buttons."""
    said = [
        translate(
            "ChannelsDialog", "Removed {name}; what it already published stays in the record."
        ).format(name=removed.channel.name)
    ]
    skipped = len(removed.skipped)
    if skipped:
        text = QCoreApplication.translate(
            "ChannelsDialog", "{count} delivery(ies) it had not sent were skipped.", "", skipped
        )
        said.append(text.format(count=skipped))
    if removed.secrets:
        text = translate("ChannelsDialog", "Deleted from the keyring: {secrets}.")
        said.append(text.format(secrets=", ".join(removed.secrets)))
    return " ".join(said)
