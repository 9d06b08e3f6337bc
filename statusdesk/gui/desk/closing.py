"""The question asked when the desk closes with a draft not yet published (issue #8). Its texts
keep the main window's translation context ("MainWindow"), where they were first written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def ask_about_drafts(window: QWidget) -> str:
    """ "keep" (quit; the drafts come back next time), "discard" (quit without them) or
    "edit" (stay)."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "statusdesk — unpublished draft"))
    box.setText(
        QCoreApplication.translate(
            "MainWindow",
            "A draft has not been published. It is kept in the workspace and comes back the "
            "next time you open it — or you can throw it away now.",
        )
    )
    keep_for_later = box.addButton(
        QCoreApplication.translate("MainWindow", "&Quit, keep it"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    discard = box.addButton(
        QCoreApplication.translate("MainWindow", "&Discard and quit"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("MainWindow", "&Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep_for_later)
    box.setEscapeButton(keep)  # Esc never discards a draft
    # No window manager gives a new window focus: it takes it (ARCHITECTURE §8).
    QTimer.singleShot(0, box.raise_)
    QTimer.singleShot(0, box.activateWindow)
    had_focus = QApplication.focusWidget()
    box.exec()
    if box.clickedButton() is discard:
        return "discard"
    if box.clickedButton() is keep_for_later:
        return "keep"
    # Back to where the keyboard was; nothing else would give the window focus again.
    window.raise_()
    window.activateWindow()
    if had_focus is not None:
        had_focus.setFocus(Qt.FocusReason.PopupFocusReason)
    return "edit"
