"""The dialog an uncaught error shows: what happened in one sentence, that the drafts are kept,
where the log and the crash report are, and a button that copies the report.

Everything in it comes from a `Crash` (statusdesk/crash.py), redacted already. It takes the
keyboard itself (ARCHITECTURE §8): the focus is on "Copy report"; Esc or Close closes it and
gives the keyboard back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from statusdesk.crash import Crash
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP
from statusdesk.gui.keys.keyboard_dialog import KeyboardDialog

# English source texts, translated where shown (gui/i18n)
TITLE = QT_TRANSLATE_NOOP("CrashDialog", "statusdesk — internal error")
DRAFTS_KEPT = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "Your drafts are kept: what you typed is still in the window, and saved in the workspace.",
)
DRAFTS_KEPT_FATAL = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "statusdesk has to close. Your drafts are kept in the workspace and come back when it "
    "starts again.",
)


def _selectable(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    # Paths and the error are for copying into a mail or a terminal.
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setTextFormat(Qt.TextFormat.PlainText)  # an error message is never markup
    return label


class CrashDialog(KeyboardDialog):
    def __init__(self, crash: Crash, *, fatal: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.crash = crash
        self.setObjectName("crash-dialog")
        self.setWindowTitle(self.tr(TITLE))
        layout = QVBoxLayout(self)
        self.what = _selectable(
            self.tr(
                "Something went wrong inside statusdesk and it could not finish what it was "
                "doing ({summary})."
            ).format(summary=crash.summary),
            "crash-what",
        )
        layout.addWidget(self.what)
        drafts = self.tr(DRAFTS_KEPT_FATAL) if fatal else self.tr(DRAFTS_KEPT)
        layout.addWidget(_selectable(drafts, "crash-drafts"))
        self.log_line = _selectable(
            self.tr("Log: {path}").format(path=crash.log)
            if crash.log
            else self.tr("Log: none (the log folder cannot be written)"),
            "crash-log-path",
        )
        layout.addWidget(self.log_line)
        if crash.report is not None:
            where = self.tr("Crash report: {path}").format(path=crash.report)
        else:
            where = self.tr(
                "The crash report could not be saved ({error}); copy it instead."
            ).format(error=crash.write_error)
        self.report_line = _selectable(where, "crash-report-path")
        layout.addWidget(self.report_line)
        layout.addWidget(
            _selectable(
                self.tr(
                    "Please send the crash report to whoever looks after statusdesk for you. It "
                    "holds no password or token."
                ),
                "crash-ask",
            )
        )
        self.copied = QLabel("")
        self.copied.setObjectName("crash-copied")
        layout.addWidget(self.copied)

        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.copy_button.setObjectName("crash-copy")
        self.copy_button.setAccessibleName(self.tr("Copy the crash report to the clipboard"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("crash-close")
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.first_focus = self.copy_button

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.crash.text)
        self.copied.setText(self.tr("The crash report is on the clipboard."))
