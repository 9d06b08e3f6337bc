"""The Channels window's edit form (issue #12 §7): what `statusdesk channel edit NAME --set k=v
| --unset k` does, by keyboard (removal asks with the app's ConfirmPopup, channels_dialog.py).

The form shows the selected channel's settings (the kind's fields of channel_forms.KIND_FORMS,
its language and order), filled with what it has now. Save settings hands what changed to
`Desk.channels.edit_channel` — the same check as adding — a field emptied going back to the kind's
default. Secrets are never here (the Secrets form above keeps them in the keyring).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import Channel, Problem
from statusdesk.gui.channels.channel_forms import ORDERS, ChosenRows, choice_items, kind_form, tr
from statusdesk.gui.i18n import localised
from statusdesk.gui.widgets.forms import (
    LANGUAGES,
    EnterActs,
    buddy_row,
    no_auto_default,
    note,
    tell,
)


def _nothing() -> None:
    return None


def _choices(name: str, choices: Sequence[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in choice_items(choices):
        combo.addItem(text, value)
    return combo


class EditChannelForm(QGroupBox):
    """The selected channel's settings; Enter in a field (or the button) asks to save."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Settings (choose a channel above)"))
        self.setObjectName("edit-channel")
        self.channel: Channel | None = None
        self.fields: dict[str, QLineEdit] = {}
        self._enter = EnterActs(self, self.submitted.emit)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.form)
        self._chosen = ChosenRows(self.form, (), self.fields, _nothing)
        self.language = _choices("edit-language", LANGUAGES)
        buddy_row(
            self.form, self.tr("Lan&guage:"), self.language, self.tr("Language of the channel")
        )
        self.order = _choices("edit-order", ORDERS)
        buddy_row(self.form, self.tr("Or&der:"), self.order, self.tr("Which language comes first"))
        self.save_button = no_auto_default(QPushButton(self.tr("Save setti&ngs")))
        self.save_button.setObjectName("save-channel-settings")
        self.save_button.clicked.connect(self.submitted.emit)
        outer.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = note("edit-status")
        outer.addWidget(self.status)
        self._enter.watch(self.language, self.order)
        self.show_channel(None)

    def show_channel(self, channel: Channel | None) -> None:
        """Fill the form from the channel as it is (what was typed for another is dropped)."""
        if channel == self.channel and channel is not None:
            return
        same = channel is not None and self.channel is not None and channel.id == self.channel.id
        self.channel = channel
        if not same:
            self.status.hide()
        for field in self.fields.values():
            self.form.removeRow(field)
        self.fields = {}
        usable = channel is not None
        for widget in (self.language, self.order, self.save_button):
            widget.setEnabled(usable)
        if channel is None:
            self.setTitle(self.tr("Settings (choose a channel above)"))
            return
        self.setTitle(
            self.tr("Settings of {name} ({kind})").format(name=channel.name, kind=channel.kind)
        )
        for row, spec in enumerate(kind_form(channel.kind).fields):
            edit = QLineEdit(str(channel.settings.get(spec.setting, "")))
            edit.setObjectName(f"edit-{spec.setting}")
            hint, name = tr(spec.hint), tr(spec.label)
            edit.setPlaceholderText(hint)
            edit.setToolTip(
                self.tr("{setting}: {hint}; empty: the default").format(
                    setting=spec.setting, hint=hint
                )
            )
            edit.setAccessibleName(
                self.tr("{label} of {channel}").format(label=name, channel=channel.name)
            )
            label = QLabel(self.tr("{label}:").format(label=name))
            label.setBuddy(edit)
            self.form.insertRow(row, label, edit)
            self._enter.watch(edit)
            self.fields[spec.setting] = edit
        self._chosen = ChosenRows(self.form, kind_form(channel.kind).fields, self.fields, _nothing)
        self.language.setCurrentIndex(max(0, self.language.findData(channel.language.value)))
        self.order.setCurrentIndex(max(0, self.order.findData(channel.order.value)))

    def focus_chain(self) -> list[QWidget]:
        shown = [e for key, e in self.fields.items() if self._chosen.applies(key)]
        return [*shown, self.language, self.order, self.save_button]

    def changes(self) -> tuple[dict[str, str], list[str]]:
        """(settings to set, settings to unset): only what differs from the channel now."""
        channel = self.channel
        if channel is None:
            return {}, []
        given: dict[str, str] = {}
        unset: list[str] = []
        for key, edit in self.fields.items():
            text, before = edit.text().strip(), str(channel.settings.get(key, "")).strip()
            if not self._chosen.applies(key):
                text = ""  # another target's setting: a channel keeps only what it uses
            if text == before:
                continue
            if text:
                given[key] = text
            else:
                unset.append(key)
        if self.language.currentData() != channel.language.value:
            given["language"] = str(self.language.currentData())
        if self.order.currentData() != channel.order.value:
            given["order"] = str(self.order.currentData())
        return given, unset

    def dirty(self) -> bool:
        """Something typed or chosen that is not saved yet."""
        given, unset = self.changes()
        return bool(given or unset)

    def say(self, text: str, *, problem: bool = False) -> None:
        tell(self.status, text, problem=problem)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.say("\n".join(f"• {localised(p)}" for p in problems), problem=True)
        for problem in problems:
            message = problem.message.lstrip()
            for key, edit in self.fields.items():
                if message.startswith(key):
                    edit.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        target = {"language": self.language, "order": self.order}.get(problem.field)
        (target or self.save_button).setFocus(Qt.FocusReason.OtherFocusReason)
