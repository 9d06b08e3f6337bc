"""The Channels window (Ctrl+Shift+C, menu Channels): what `statusdesk channel add | secret |
list | test | edit | enable | disable | remove` do, by keyboard.

At the top it says which keyring holds the secrets, or plainly that none works and what to do
(there is no plaintext fallback to choose). Below: the channels (secret names only, never
values), the selected one's test, enable/disable, removal (asked first) and secrets, its
settings to edit (channel_edit.py), and a form to add one.

Everything slow or outside this process runs on the session's TaskRunner: reading the workspace,
writing it, the keyring, a channel's connection test. Widgets change only in the callbacks, on
the GUI thread. After an add, an edit, a removal or an enable/disable the window emits
`channels_changed` with the channels as re-read, and the main window hands them to the composer.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.context import current_user
from statusdesk.channels.registry import KINDS
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Channel, Problem
from statusdesk.gui.channels.channel_edit import EditChannelForm
from statusdesk.gui.channels.channel_forms import AddChannelForm
from statusdesk.gui.channels.channel_parts import (
    ChannelsView,
    ChannelTable,
    KeyringLine,
    SecretForm,
    read_channels,
    remove_question,
    removed_words,
    secrets_offered,
    store_secret,
)
from statusdesk.gui.i18n import translate
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.widgets.forms import error_text, no_auto_default, note, tell
from statusdesk.gui.widgets.labels import delivery_error
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.gui.widgets.workspace_window import WorkspaceWindow
from statusdesk.secrets import SecretsUnavailable

if TYPE_CHECKING:
    from statusdesk.app.channels import Removed
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner


class ChannelsDialog(WorkspaceWindow):
    channels_changed = Signal(object)  # list[Channel], after an add or an enable/disable

    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(
            parent, translate("ChannelsDialog", "channels"), desk, tasks
        )  # changes: test, toggle, store, add
        self.setObjectName("channels-dialog")
        self.view = ChannelsView()
        self._select: str | None = None  # the channel to select after the next read
        self._reads = 0
        self._shown = 0
        self._emit_from: int | None = None  # the first read after a change: tell the window
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        self.keyring_line = KeyringLine()
        layout.addWidget(self.keyring_line)
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_actions())
        self.secret_form = SecretForm()
        self.secret_form.submitted.connect(self.store_secret)
        layout.addWidget(self.secret_form)
        self.edit_form = EditChannelForm()
        self.edit_form.submitted.connect(self.save_settings)
        layout.addWidget(self.edit_form)
        self.confirm: ConfirmPopup | None = None
        self.add_form = AddChannelForm(list(KINDS))
        self.add_form.submitted.connect(self.add_channel)
        self.add_form.kind.currentIndexChanged.connect(self._chain)
        layout.addWidget(self.add_form)
        # At 200 % or on a small screen the window scrolls instead of clipping.
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidget(self.body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.addWidget(self.body_scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = no_auto_default(buttons.button(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        outer.addWidget(buttons)
        self.finished.connect(self.secret_form.clear_value)
        self.finished.connect(self._close_confirm)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self._selection_changed()
        self._chain()

    def _build_table(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Channels:"))
        self.table = ChannelTable()
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table)
        return box

    def _build_actions(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        row = QHBoxLayout()
        self.test_button = no_auto_default(QPushButton(self.tr("&Test")))
        self.test_button.setObjectName("test-channel")
        self.test_button.clicked.connect(self.test_selected)
        self.toggle_button = no_auto_default(QPushButton(self.tr("Disa&ble")))
        self.toggle_button.setObjectName("toggle-channel")
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.remove_button = no_auto_default(QPushButton(self.tr("R&emove…")))
        self.remove_button.setObjectName("remove-channel")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.test_button)
        row.addWidget(self.toggle_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("test-progress")
        self.progress.setRange(0, 0)  # busy: a connection test has no percentage
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Testing the channel"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.outcome = note("channel-result")
        self.outcome.hide()
        layout.addWidget(self.outcome)
        return layout

    def _chain(self) -> None:
        """Tab goes top to bottom, as the window reads; the add form's rows change with its kind."""
        chain: list[QWidget] = [
            self.table,
            self.test_button,
            self.toggle_button,
            self.remove_button,
            self.secret_form.key,
            self.secret_form.value,
            self.secret_form.store_button,
            *self.edit_form.focus_chain(),
            *self.add_form.focus_chain(),
            self.add_form.add_button,
            self.close_button,
        ]
        set_tab_chain(chain)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Wherever the keyboard goes (Tab, or a label's Alt+key), it stays in view."""
        if new is not None and self.isVisible() and self.body.isAncestorOf(new):
            self.body_scroll.ensureWidgetVisible(new)
            # Once more after the layout settles (a kind change adds fields above it).
            QTimer.singleShot(0, self, lambda: self._keep_in_view(new))

    def _keep_in_view(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and self.isVisible() and widget.hasFocus():
            self.body_scroll.ensureWidgetVisible(widget)

    # -- opening and closing ----------------------------------------------------------------

    def first_focus(self) -> QWidget:
        return self.table

    def open_over(self, return_focus: QWidget | None) -> None:
        """Re-read the channels and the keyring each time: the CLI may have changed either."""
        self.reload()
        self.read_keyring()
        super().open_over(return_focus)

    def _fitting_size(self) -> QSize:
        hint = self.body.sizeHint()
        chars = self.fontMetrics().averageCharWidth()
        width = max(hint.width() + 4 * chars, 96 * chars)
        height = hint.height() + self.close_button.sizeHint().height() * 3
        owner = self.parentWidget()
        screen = (owner or self).screen().availableGeometry()
        return QSize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))

    # -- reading ----------------------------------------------------------------------------

    def reload(self, *, changed: bool = False, select: str | None = None) -> None:
        self._reads += 1
        if changed and self._emit_from is None:
            self._emit_from = self._reads
        if select is not None:
            self._select = select
        self._run(
            partial(read_channels, self.desk), partial(self._show, self._reads), self._read_failed
        )

    def _show(self, read: int, view: ChannelsView) -> None:
        if read < self._shown:
            return  # an older read that finished late
        self._shown = read
        self.view = view
        self.table.show_channels(view.channels, self._select or self.table.selected_name())
        self._select = None
        self._selection_changed()
        if self._emit_from is not None and read >= self._emit_from:
            self._emit_from = None
            self.channels_changed.emit(view.channels)

    def _read_failed(self, error: BaseException) -> None:
        said = self.tr("Cannot read the channels: {error}")
        tell(self.outcome, said.format(error=error_text(error, "read the channels")), problem=True)

    def read_keyring(self) -> None:
        self._run(self.desk.secrets.describe, self.keyring_line.works, self.keyring_line.fails)

    # -- the selected channel ---------------------------------------------------------------

    def selected(self) -> Channel | None:
        name = self.table.selected_name()
        return next((c for c in self.view.channels if c.name == name), None)

    def _selection_changed(self) -> None:
        # Busy buttons stay enabled (a disabled button would throw the keyboard focus
        # elsewhere); a second press while one runs is ignored by _start.
        channel = self.selected()
        name = channel.name.replace("&", "&&") if channel is not None else ""
        self.test_button.setText(self.tr("&Test {name}").format(name=name).rstrip())
        self.test_button.setEnabled(channel is not None)
        verb = self.tr("Disa&ble {name}") if channel is None or channel.enabled else None
        self.toggle_button.setText((verb or self.tr("Ena&ble {name}")).format(name=name).rstrip())
        self.toggle_button.setEnabled(channel is not None)
        remove = self.tr("R&emove {name}…").format(name=name) if channel else self.tr("R&emove…")
        self.remove_button.setText(remove)
        self.remove_button.setEnabled(channel is not None)
        shown = self.edit_form.channel
        if (channel is None) != (shown is None) or (
            channel is not None
            and shown is not None
            # another channel chosen; or this one changed and nothing is typed to lose
            and (channel.id != shown.id or (channel != shown and not self.edit_form.dirty()))
        ):
            self.edit_form.show_channel(channel)
            self._chain()
        if channel is None:
            self.secret_form.show_channel(None, "", (), set())
        else:
            self.secret_form.show_channel(
                channel.name,
                channel.kind,
                secrets_offered(channel, self.view.secret_names.get(channel.kind, ())),
                set(channel.settings.get("secret_keys", [])),
            )

    def _busy_changed(self) -> None:
        self._selection_changed()

    def test_selected(self) -> None:
        """Connect and authenticate, publishing nothing (`statusdesk channel test NAME`)."""
        channel = self.selected()
        if channel is None:
            return
        name = channel.name
        if self._start(
            "test",
            partial(self.desk.channels.test_channel, name),
            self._tested,
            partial(self._test_failed, name),
        ):
            self.progress.show()
            tell(self.outcome, self.tr("Testing {name}… (nothing is published)").format(name=name))

    def _tested(self, outcome: str) -> None:
        self.progress.hide()
        tell(self.outcome, delivery_error(outcome))  # the channel's words, read back (Arabic)

    def _test_failed(self, name: str, error: BaseException) -> None:
        self.progress.hide()
        said = self.tr("Test failed: {error}").format(error=error_text(error, f"test {name}"))
        tell(self.outcome, said, problem=True)

    def toggle_selected(self) -> None:
        channel = self.selected()
        if channel is None:
            return
        enable = not channel.enabled
        self._start(
            "toggle",
            partial(self.desk.channels.enable_channel, channel.name, enable, current_user()),
            partial(self._toggled, channel.name, enable),
            partial(self._toggle_failed, channel.name),
        )

    def _toggled(self, name: str, enabled: bool, _result: object) -> None:
        said = (
            self.tr("{name} is enabled: new updates go to it unless you untick it.")
            if enabled
            else self.tr("{name} is disabled: new updates go to it only if you tick it.")
        )
        tell(self.outcome, said.format(name=name))
        self.reload(changed=True, select=name)

    def _toggle_failed(self, name: str, error: BaseException) -> None:
        said = self.tr("{name} unchanged: {error}")
        tell(
            self.outcome,
            said.format(name=name, error=error_text(error, f"change {name}")),
            problem=True,
        )

    # -- secrets ----------------------------------------------------------------------------

    def store_secret(self) -> None:
        """The value goes from the field to the keyring; the field is emptied at once."""
        channel = self.selected()
        key, value = self.secret_form.take()
        if channel is None or not key:
            return
        if not value:
            said = self.tr("Type the value of {secret} first; nothing was stored.")
            self.secret_form.say(said.format(secret=key), problem=True)
            return
        if self._start(
            "store",
            partial(store_secret, self.desk, channel.name, key, value),
            partial(self._stored, channel.name, key),
            partial(self._store_failed, channel.name, key),
        ):
            said = self.tr("Storing {secret} of {name} in the keyring…")
            self.secret_form.say(said.format(secret=key, name=channel.name))

    def _stored(self, name: str, key: str, description: str) -> None:
        self.keyring_line.works(description)
        said = self.tr("Stored {secret} of {name} in the keyring ({keyring}).")
        self.secret_form.say(said.format(secret=key, name=name, keyring=description))
        self.reload(select=name)

    def _store_failed(self, name: str, key: str, error: BaseException) -> None:
        if isinstance(error, SecretsUnavailable):
            self.keyring_line.fails(error)
        why = error_text(error, f"store {key} of {name}", log_details=False)
        said = self.tr("{secret} of {name} was not stored. {error}")
        self.secret_form.say(said.format(secret=key, name=name, error=why), problem=True)

    # -- adding -----------------------------------------------------------------------------

    def add_channel(self) -> None:
        kind, name, settings = self.add_form.values()
        if self._start(
            "add",
            partial(self.desk.channels.add_channel, kind, name, settings),
            self._added,
            self._add_failed,
        ):
            self.add_form.set_busy(True)

    def _added(self, channel: Channel) -> None:
        self.add_form.set_busy(False)
        self.add_form.added(channel.kind, channel.name)
        self.reload(changed=True, select=channel.name)

    def _add_failed(self, error: BaseException) -> None:
        self.add_form.set_busy(False)
        if isinstance(error, Rejected):
            self.add_form.show_problems(error.problems)
        else:
            self.add_form.show_problems([Problem("channel", error_text(error, "add the channel"))])

    # -- editing and removing (issue #12 §7) ------------------------------------------------

    def save_settings(self) -> None:
        """What changed in the edit form, checked as `channel add` checks
        (desk.channels.edit_channel)."""
        channel = self.edit_form.channel
        if channel is None:
            return
        given, unset = self.edit_form.changes()
        if not given and not unset:
            said = self.tr("Nothing changed in {name}'s settings.")
            self.edit_form.say(said.format(name=channel.name))
            return
        if self._start(
            "edit",
            partial(self.desk.channels.edit_channel, channel.name, given, unset),
            self._settings_saved,
            partial(self._settings_failed, channel.name),
        ):
            self.edit_form.say(self.tr("Saving {name}'s settings…").format(name=channel.name))

    def _settings_saved(self, channel: Channel) -> None:
        # The view as saved now, not as last read: nothing shows the old settings meanwhile.
        listed = [channel if c.id == channel.id else c for c in self.view.channels]
        self.view = replace(self.view, channels=listed)
        self.edit_form.show_channel(channel)
        said = self.tr("Saved {name}'s settings; new updates use them.")
        self.edit_form.say(said.format(name=channel.name))
        self.reload(changed=True, select=channel.name)

    def _settings_failed(self, name: str, error: BaseException) -> None:
        if isinstance(error, Rejected):
            self.edit_form.show_problems(error.problems)
        else:
            said = self.tr("{name} unchanged: {error}")
            self.edit_form.say(
                said.format(name=name, error=error_text(error, f"edit {name}")), problem=True
            )

    def remove_selected(self) -> None:
        """Asks first (Enter removes, Esc keeps it)."""
        channel = self.selected()
        if channel is None or "remove" in self._busy:
            return
        self._close_confirm()
        name = channel.name
        self.confirm = remove_question(self, channel)
        self.confirm.confirmed.connect(partial(self._remove_confirmed, name))
        self.confirm.open_over(self.remove_button)

    def _close_confirm(self) -> None:
        if self.confirm is not None:
            self.confirm.close()
            self.confirm.deleteLater()
            self.confirm = None

    def _remove_confirmed(self, name: str) -> None:
        if self._start(
            "remove",
            partial(self.desk.channels.remove_channel, name),
            self._removed,
            partial(self._remove_failed, name),
        ):
            tell(self.outcome, self.tr("Removing {name}…").format(name=name))

    def _removed(self, removed: Removed) -> None:
        tell(self.outcome, removed_words(removed))
        self.reload(changed=True)

    def _remove_failed(self, name: str, error: BaseException) -> None:
        if isinstance(error, SecretsUnavailable):
            self.keyring_line.fails(error)
        why = error_text(error, f"remove {name}")
        tell(
            self.outcome,
            self.tr("{name} not removed: {error}").format(name=name, error=why),
            problem=True,
        )
