"""The Subscribers window's smaller parts: the "add a subscriber" form, the question before a
removal, and the box that lists an import's lines. The window (subscribers_dialog.py) wires
them to the workspace."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.gui.widgets.forms import (
    LANGUAGES,
    EnterActs,
    buddy_row,
    no_auto_default,
    note,
    tell,
)
from statusdesk.gui.widgets.popups import FocusPopup


class AddSubscriberForm(QGroupBox):
    """Address and language; Enter in either (or the Add button) asks to add. What was typed
    stays until it is added, whatever the store said meanwhile."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add a subscriber", parent)
        self.setObjectName("add-subscriber")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        self.address = QLineEdit()
        self.address.setObjectName("subscriber-address")
        self.address.setPlaceholderText("name@example.com")
        buddy_row(form, "A&ddress:", self.address, "Address of the new subscriber")
        self.language = QComboBox()
        self.language.setObjectName("subscriber-language")
        for value, text in LANGUAGES:
            self.language.addItem(text, value)
        buddy_row(form, "&Language:", self.language, "Language of the new subscriber")
        self.add_button = no_auto_default(QPushButton("&Add subscriber"))
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
        self.add_button.setText("Adding…" if busy else "&Add subscriber")

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
        self.setAccessibleName("Lines of the imported file")
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
        super().__init__(parent, "unsubscribe?")
        self.setObjectName("confirm-removal")
        self.email = email
        layout = QVBoxLayout(self)
        question = QLabel(
            f"Unsubscribe {email}? They get no more email from statusdesk. The address is kept "
            "on record as unsubscribed, so an import does not sign them up again; adding it "
            "here subscribes them again."
        )
        question.setObjectName("confirm-removal-text")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        layout.addWidget(question)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.yes = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.yes.setText("&Unsubscribe")
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
