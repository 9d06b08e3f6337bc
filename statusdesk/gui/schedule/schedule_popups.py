"""The small windows of scheduling: the time picker (Ctrl+Shift+Return, and a reschedule), the
"are you sure" before an update not yet out is cancelled, discarded or sent late, and the editor
of an update not yet out.

Like widgets/popups.py's they pop up over the main window, take the keyboard themselves and give
it back however they close; Esc closes either and changes nothing (the composer's text is never
touched here). They only ask: the controller (scheduling.py) writes to the workspace on the
TaskRunner. Parsing a time is pure (`parse_when`), so the picker does it on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import BilingualText
from statusdesk.gui.keys.actions import ShortcutClaim
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.widgets.editors import BodyEditor
from statusdesk.gui.widgets.popups import PROBLEM_COLOUR, FocusPopup
from statusdesk.gui.widgets.reading import numerals, place_pair
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.theme import Role
from statusdesk.scheduling.when import When, WhenError, display, parse_when, zone_name

translate = QCoreApplication.translate

EXAMPLES = "in 15m · in 1h30m · 14:30 · tomorrow 09:00 · 2026-03-29T14:30"
OK_COLOUR = Role.TEXT  # colour roles (widgets/theme.py)


class SchedulePicker(FocusPopup):
    """One line: when. As it is typed, the time it means in local time and UTC (and the day,
    and how a DST oddity was resolved) — or why it names no usable time. Enter takes a time
    that parses (read again at that moment: "in 15m" counts from the Enter); otherwise the
    reason stays on screen and so does the picker."""

    chosen = Signal(object)  # the moment, an aware UTC datetime

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        what: str,
        action: str,
        now: Callable[[], datetime],
        zone: tzinfo,
        text: str = "",
    ) -> None:
        super().__init__(parent, title)
        self.setObjectName("schedule-picker")
        self._now = now
        self._zone = zone
        self.when: When | None = None
        self._problem = ""
        layout = QVBoxLayout(self)
        about = QLabel(what)
        about.setObjectName("schedule-what")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        layout.addWidget(about)
        label = QLabel(self.tr("&When (your time zone: {zone}):").format(zone=zone_name(zone)))
        layout.addWidget(label)
        self.edit = QLineEdit()
        self.edit.setObjectName("schedule-when")
        self.edit.setAccessibleName(self.tr("When to send the update"))
        # The examples are what the parser reads, the same in either interface language.
        example = self.tr("For example: {examples}").format(examples=EXAMPLES)
        self.edit.setAccessibleDescription(example)
        self.edit.setPlaceholderText(example)
        self.edit.textChanged.connect(self._parse)
        label.setBuddy(self.edit)
        layout.addWidget(self.edit)
        self.meaning = QLabel()
        self.meaning.setObjectName("schedule-meaning")
        self.meaning.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning.setWordWrap(True)
        self.meaning.setMinimumHeight(self.fontMetrics().height() * 3)
        layout.addWidget(self.meaning)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action)
        ok.setDefault(True)  # Enter in the line edit
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        self.edit.setText(text)
        self.edit.selectAll()  # typing replaces a prefilled time
        self._parse()
        self.resize(560, self.sizeHint().height())

    def first_focus(self) -> QWidget:
        return self.edit

    def problem(self) -> str:
        """Why the text names no usable time ('' when it does, or nothing is typed yet)."""
        return self._problem

    def _parse(self) -> None:
        text = self.edit.text()
        self._problem = ""
        self.when = None
        if not text.strip():
            self._say(self.tr("Type a time, e.g. {examples}").format(examples=EXAMPLES), OK_COLOUR)
            return
        try:
            self.when = parse_when(text, self._now(), self._zone)
        except WhenError as error:
            self._problem = str(error).replace("leave out --at to publish", "publish")
            self._say(
                self.tr("Cannot schedule: {problem}").format(problem=self._problem), PROBLEM_COLOUR
            )
            return
        shown = display(self.when.at, self._zone)
        lines = [
            self.tr("Local: {when}").format(when=numerals(shown.local)),
            self.tr("UTC: {when}").format(when=numerals(shown.utc)),
        ]
        if self.when.day:
            lines[0] += f" ({self.when.day})"
        if self.when.note:
            lines.append(self.tr("Note: {note}").format(note=self.when.note))
        self._say("\n".join(lines), OK_COLOUR)

    def _say(self, text: str, colour: str) -> None:
        self.meaning.setText(text)
        self.meaning.setAccessibleName(text)
        muted(self.meaning, colour)

    def accept(self) -> None:
        if not self.isVisible():
            return
        shown = self.when
        self._parse()  # "in 15m" from now, not from when it was typed
        if shown is not None and self.when is not None and shown.day != self.when.day:
            # "14:30" was today when read and has passed since: it now means tomorrow. Shown
            # first; the next Enter takes it.
            return
        if self.when is None:
            if not self._problem:
                self._problem = self.tr("no time given")
                self._say(
                    self.tr("Cannot schedule: type a time, e.g. {examples}").format(
                        examples=EXAMPLES
                    ),
                    PROBLEM_COLOUR,
                )
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        at = self.when.at
        super().accept()
        self.chosen.emit(at)


class EditPendingPopup(FocusPopup):
    """New words for an update not yet out, both languages side by side, prefilled. Ctrl+Return
    (or Save) asks for the change; the popup stays until the workspace took it (`saved`), or
    shows why not (`refused`) with the text kept. Esc leaves the update as it was."""

    save_requested = Signal(object)  # BilingualText

    def __init__(self, parent: QWidget, *, what: str, body: BilingualText) -> None:
        super().__init__(parent, translate("EditPendingPopup", "edit an update not yet out"))
        self.setObjectName("edit-pending")
        layout = QVBoxLayout(self)
        intro = _wrapped(f"{what}\n" + self.tr("Ctrl+Return saves; Esc leaves it as it was."))
        layout.addWidget(intro)
        grid = QGridLayout()
        self.body_en = BodyEditor("en")
        self.body_ar = BodyEditor("ar")
        self.body_en.setPlainText(body.en)
        self.body_ar.setPlainText(body.ar)
        labels = {"en": QLabel(self.tr("&English")), "ar": QLabel(self.tr("&Arabic — العربية"))}
        # Arabic first (on the right) in an Arabic interface, English first in an English one.
        self._editors = place_pair(grid, {"en": self.body_en, "ar": self.body_ar}, labels)
        layout.addLayout(grid, 1)
        self.problem = muted(_wrapped(""), PROBLEM_COLOUR)
        self.problem.setObjectName("edit-pending-problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(self.tr("&Save  (Ctrl+Return)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        keys = frozenset({"Ctrl+Return", "Ctrl+Enter"})
        self._claim = ShortcutClaim(self, keys)  # the editors must not take the key
        self._claim.watch([self.body_en, self.body_ar])
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.accept)
        set_tab_chain([*self._editors, self.save])
        self.resize(720, 360)

    def first_focus(self) -> QWidget:
        return self._editors[0]

    def accept(self) -> None:
        if not self.isVisible() or not self.save.isEnabled():
            return
        self.problem.hide()
        self.save.setEnabled(False)
        self.save_requested.emit(
            BilingualText(self.body_en.toPlainText(), self.body_ar.toPlainText())
        )

    def saved(self) -> None:
        super().accept()

    def refused(self, why: str) -> None:
        self.save.setEnabled(True)
        self.problem.setText(self.tr("Not saved: {why}").format(why=why))
        self.problem.setAccessibleName(self.problem.text())
        self.problem.show()
        self.body_en.setFocus(Qt.FocusReason.OtherFocusReason)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
