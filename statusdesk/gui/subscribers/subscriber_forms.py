"""The Subscribers window's smaller parts: the "add a subscriber" form, the question before a
removal, the box that lists an import's lines, and the components editor. The window
(subscribers_dialog.py) wires them to the workspace."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.gui.i18n import translate
from statusdesk.gui.subscribers.subscriber_rows import ALL_COMPONENTS, ComponentChoice
from statusdesk.gui.widgets.forms import (
    LANGUAGES,
    EnterActs,
    buddy_row,
    no_auto_default,
    note,
    tell,
)
from statusdesk.gui.widgets.popups import FocusPopup, is_enter


class AddSubscriberForm(QGroupBox):
    """Address and language; Enter in either (or the Add button) asks to add. What was typed
    stays until it is added, whatever the store said meanwhile."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Add a subscriber"))
        self.setObjectName("add-subscriber")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        self.address = QLineEdit()
        self.address.setObjectName("subscriber-address")
        self.address.setPlaceholderText(self.tr("name@example.com"))
        buddy_row(
            form, self.tr("A&ddress:"), self.address, self.tr("Address of the new subscriber")
        )
        self.language = QComboBox()
        self.language.setObjectName("subscriber-language")
        for value, text in LANGUAGES:  # marked in widgets/forms.py
            self.language.addItem(translate("Forms", text), value)
        buddy_row(
            form, self.tr("&Language:"), self.language, self.tr("Language of the new subscriber")
        )
        self.add_button = no_auto_default(QPushButton(self.tr("&Add subscriber")))
        self.add_button.setObjectName("add-subscriber-button")
        self.add_button.clicked.connect(self.submitted.emit)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problems = note("add-subscriber-problem")
        outer.addWidget(self.problems)
        self.status = note("add-subscriber-status")
        outer.addWidget(self.status)
        self.address.textEdited.connect(self.problems.hide)
        EnterActs(self, self.submitted.emit).watch(self.address, self.language)

    def values(self) -> tuple[str, str]:
        return self.address.text().strip(), str(self.language.currentData())

    def set_busy(self, busy: bool) -> None:
        self.add_button.setText(self.tr("Adding…") if busy else self.tr("&Add subscriber"))

    def show_problem(self, text: str) -> None:
        """Next to the form, in the store's words; the keyboard goes back to the address."""
        self.status.hide()
        tell(self.problems, text, problem=True)
        self.address.setFocus(Qt.FocusReason.OtherFocusReason)

    def added(self, email: str, message: str) -> None:
        """Ready for the next one; the language stays as chosen."""
        self.problems.hide()
        if self.address.text().strip().casefold() == email.casefold():
            self.address.clear()
        tell(self.status, message)


class LineList(QPlainTextEdit):
    """An import's line-numbered notes, read-only and selectable (to copy into the file's
    fix); a few lines tall, from the font, scrolling beyond that."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-lines")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        self.setAccessibleName(self.tr("Lines of the imported file"))
        self.hide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        lines = 6 * self.fontMetrics().lineSpacing() + 2 * self.frameWidth()
        return QSize(hint.width(), lines + int(2 * self.document().documentMargin()))

    def show_lines(self, lines: Sequence[str]) -> None:
        self.setPlainText("\n".join(lines))
        self.setVisible(bool(lines))


class ConfirmRemoval(FocusPopup):
    """Unsubscribe this address? Enter (or the button) says yes; Esc cancels and changes
    nothing. `confirmed` comes after the keyboard is back in the Subscribers window."""

    confirmed = Signal(str)  # the address

    def __init__(self, parent: QWidget, email: str) -> None:
        super().__init__(parent, translate("ConfirmRemoval", "unsubscribe?"))
        self.setObjectName("confirm-removal")
        self.email = email
        layout = QVBoxLayout(self)
        question = QLabel(
            self.tr(
                "Unsubscribe {email}? They get no more email from statusdesk. The address is "
                "kept on record as unsubscribed, so an import does not sign them up again; "
                "adding it here subscribes them again."
            ).format(email=email)
        )
        question.setObjectName("confirm-removal-text")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        layout.addWidget(question)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.yes = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.yes.setText(self.tr("&Unsubscribe"))
        self.yes.setObjectName("confirm-unsubscribe")
        self.yes.setDefault(True)
        question.setBuddy(self.yes)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(60 * chars, self.sizeHint().height())

    def first_focus(self) -> QWidget:
        return self.yes

    def accept(self) -> None:
        if not self.isVisible():
            return
        super().accept()
        self.confirmed.emit(self.email)


class ComponentsEditor(FocusPopup):
    """Which components one subscriber gets updates about: a checkable list, "All components"
    first. Space ticks, Enter saves, Esc cancels and changes nothing. Ticking a component
    unticks "All components" and the other way round; ticking nothing means all of them (an
    update to nobody is never chosen by leaving the list empty). `chosen` (address, ids; no
    ids: every component) comes after the keyboard is back in the Subscribers window."""

    chosen = Signal(str, tuple)

    def __init__(
        self,
        parent: QWidget,
        email: str,
        components: Sequence[ComponentChoice],
        following: Sequence[int],
    ) -> None:
        super().__init__(parent, translate("ComponentsEditor", "components"))
        self.setObjectName("components-editor")
        self.email = email
        self.ids = [c.id for c in components]
        layout = QVBoxLayout(self)
        prompt = QLabel(
            self.tr(
                "Updates about which components go to {email}? Space ticks or unticks, Enter "
                "saves, Esc cancels."
            ).format(email=email)
        )
        prompt.setObjectName("components-editor-text")
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.list = QListWidget()
        self.list.setObjectName("components-list")
        self.list.setAccessibleName(
            self.tr("Components {email} gets updates about").format(email=email)
        )
        chosen = set(following)
        for label, ticked in [
            (translate("SubscriberRows", ALL_COMPONENTS), not chosen),
            *((c.label, c.id in chosen) for c in components),
        ]:
            item = QListWidgetItem(label)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemChanged.connect(self._ticked)
        self.list.installEventFilter(self)
        prompt.setBuddy(self.list)
        layout.addWidget(self.list)
        if not components:
            none = note("components-editor-none")
            tell(
                none,
                self.tr(
                    "There are no components yet, so every update goes to them: add "
                    "components with `statusdesk component add` to offer a choice."
                ),
            )
            layout.addWidget(none)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setObjectName("components-save")
        self.save.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        chars = self.fontMetrics().averageCharWidth()
        rows = min(len(components) + 1, 12) * max(self.list.sizeHintForRow(0), 1)
        self.list.setMinimumHeight(rows + 2 * self.list.frameWidth())
        self.resize(60 * chars, self.sizeHint().height())

    def first_focus(self) -> QWidget:
        return self.list

    def selection(self) -> tuple[int, ...]:
        """The ticked components' ids; () for all of them."""
        return tuple(
            sorted(
                cid
                for row, cid in enumerate(self.ids, start=1)
                if self.list.item(row).checkState() == Qt.CheckState.Checked
            )
        )

    def _ticked(self, item: QListWidgetItem) -> None:
        """ "All components" and single components exclude each other; none ticked is all."""
        row = self.list.row(item)
        ticked = item.checkState() == Qt.CheckState.Checked
        self.list.blockSignals(True)
        try:
            everything = self.list.item(0)
            if row == 0 and ticked:
                for other in range(1, self.list.count()):
                    self.list.item(other).setCheckState(Qt.CheckState.Unchecked)
            elif row > 0 and ticked:
                everything.setCheckState(Qt.CheckState.Unchecked)
            if not self.selection():
                everything.setCheckState(Qt.CheckState.Checked)
        finally:
            self.list.blockSignals(False)
        self.list.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter saves on every platform (a list view's own Enter handling differs), once.
        if watched is self.list and is_enter(event):
            self.accept()
            return True
        return False

    def accept(self) -> None:
        if not self.isVisible():
            return
        ids = self.selection()
        super().accept()
        self.chosen.emit(self.email, ids)


def csv_file_dialog(parent: QWidget) -> QFileDialog:
    """Qt's own file dialog (it works the same everywhere, offscreen too), for a CSV file."""
    dialog = QFileDialog(
        parent,
        translate("SubscribersDialog", "statusdesk — import subscribers from a CSV file"),
    )
    dialog.setObjectName("import-file-dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setNameFilters(
        [
            translate("SubscribersDialog", "CSV files (*.csv)"),
            translate("SubscribersDialog", "Text files (*.txt)"),
            translate("SubscribersDialog", "All files (*)"),
        ]
    )
    dialog.setDirectory(str(Path.home()))
    return dialog
