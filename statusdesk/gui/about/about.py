"""Help ▸ About: which statusdesk, on which Qt and Python, which workspace, and where its log and
crash reports are — what a bug report needs, as text that can be selected and copied.

`show_about(parent)` opens it over `parent` (window-modal, so the app goes on underneath) and
gives it the keyboard; Esc or Close closes it and the keyboard goes back to the window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from statusdesk import logs
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP
from statusdesk.gui.keys.keyboard_dialog import KeyboardDialog
from statusdesk.version import license_name, project_urls, version

DESCRIPTION = QT_TRANSLATE_NOOP(
    "AboutDialog", "Bilingual (Arabic/English) incident communication desk."
)


def workspace_of(widget: QWidget | None) -> Path | None:
    """The workspace of the window `widget` is in: the desk's (MainWindow.desk), directly or
    inside the app's shell."""
    while widget is not None:
        for holder in (widget, getattr(widget, "desk_window", None)):
            home = getattr(getattr(getattr(holder, "desk", None), "paths", None), "home", None)
            if isinstance(home, Path):
                return home
        widget = widget.parentWidget()
    return None


def about_lines(workspace: Path | None) -> list[str]:
    import PySide6
    from PySide6.QtCore import qVersion

    def tr(text: str) -> str:
        return QCoreApplication.translate("AboutDialog", text)

    python = sys.version.split()[0]
    folder = logs.log_dir()
    lines = [
        f"statusdesk {version()}",
        tr(DESCRIPTION),
        "",
        f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {python}",
        QCoreApplication.translate("AboutDialog", "Workspace: {workspace}").format(
            workspace=workspace
            if workspace is not None
            else QCoreApplication.translate("AboutDialog", "(none open)")
        ),
        QCoreApplication.translate("AboutDialog", "Log: {path}").format(
            path=folder / logs.LOG_NAME
        ),
        QCoreApplication.translate("AboutDialog", "Crash reports: {path}").format(
            path=logs.crash_dir(folder)
        ),
    ]
    licence = license_name()
    if licence:
        lines.append(
            QCoreApplication.translate("AboutDialog", "Licence: {licence}").format(licence=licence)
        )
    lines += project_urls()  # plain text: no click opens a browser behind the user's back
    return lines


class AboutDialog(KeyboardDialog):
    def __init__(self, workspace: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("About statusdesk"))
        self.text = "\n".join(about_lines(workspace))
        layout = QVBoxLayout(self)
        self.body = QLabel(self.text)
        self.body.setObjectName("about-text")
        self.body.setAccessibleName(self.tr("About statusdesk"))
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.body)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("about-copy")
        self.copy_button.setAccessibleName(self.tr("Copy these details to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("about-close")
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.first_focus = self.close_button

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)


def show_about(parent: QWidget, workspace: Path | None = None) -> None:
    """Open the About box over `parent`; the workspace is `parent`'s desk's unless given."""
    open_already = parent.findChild(AboutDialog)
    if open_already is not None and open_already.isVisible():
        open_already.take_focus()
        return
    dialog = AboutDialog(workspace if workspace is not None else workspace_of(parent), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
