"""Ctrl+E: export the current incident's timeline for the postmortem (issue #7).

A popup over the main window (FocusPopup: it takes the keyboard and gives it back however it
closes) that asks for a format, a file and the zone times are written in, then runs the export
on the TaskRunner: the GUI thread never reads the workspace or lays out a PDF. The worker
reports its progress through a queued signal; the bar and the line under it show it.

The main window calls `open_export_dialog(parent, desk, tasks, incident_id, title)` from its
Ctrl+E binding; everything else is here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.desk import Desk
from statusdesk.export.api import FORMATS, default_filename, parse_zone
from statusdesk.export.model import ExportError
from statusdesk.gui.i18n import localised, translate
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.widgets.popups import PROBLEM_COLOUR, FocusPopup
from statusdesk.gui.widgets.reading import counts_in_digits, numbers_locale
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.theme import Role
from statusdesk.scheduling.when import local_zone, zone_name

log = logging.getLogger(__name__)
OK_COLOUR = Role.TEXT  # colour roles (widgets/theme.py)
DONE_COLOUR = Role.OK


class ProgressBridge(QObject):
    """`report(share, what)` from the worker thread, as a signal received on the GUI thread."""

    progressed = Signal(float, str)

    def report(self, share: float, what: str) -> None:
        # Said here, on the worker (translate is thread-safe): a signal's str drops the Words.
        # Its counts ("Page 3 of 40…") in the interface's digits, as the rest of the desk.
        said = localised(counts_in_digits(what))
        self.progressed.emit(share, said)  # emitting is thread-safe; Qt queues it


class ExportDialog(FocusPopup):
    """Format, file, zone; Enter exports, Esc closes. `exported` carries the path written."""

    exported = Signal(object)  # Path

    def __init__(
        self, parent: QWidget, desk: Desk, tasks: TaskRunner, incident_id: int, title: str = ""
    ) -> None:
        super().__init__(parent, translate("ExportDialog", "export timeline"))
        self.setObjectName("export-dialog")
        self._desk = desk
        self._tasks = tasks
        self.incident_id = incident_id
        self.running = False
        self._bridge = ProgressBridge(self)
        self._bridge.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)

        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr("Export the timeline of incident {id}: {title}").format(
                id=incident_id, title=title
            )
            if title
            else self.tr("Export the timeline of incident {id}").format(id=incident_id)
        )
        about.setObjectName("export-about")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        layout.addWidget(about)

        form = QGridLayout()
        self.format = QComboBox()
        self.format.setObjectName("export-format")
        self.format.setAccessibleName(self.tr("Export format"))
        for key, (name, suffix) in FORMATS.items():
            self.format.addItem(f"{name} ({suffix})", key)
        self._add_row(form, 0, self.tr("&Format:"), self.format)

        self.path = QLineEdit(str(desk.paths.exports / default_filename(incident_id, "md")))
        self.path.setObjectName("export-path")
        self.path.setAccessibleName(self.tr("File to export to"))
        choose = QPushButton(self.tr("&Choose…"))
        choose.setObjectName("export-choose")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self._add_row(form, 1, self.tr("F&ile:"), holder, buddy=self.path)

        self.zone = QComboBox()
        self.zone.setObjectName("export-zone")
        self.zone.setAccessibleName(self.tr("Time zone the export writes times in"))
        self.zone.setEditable(True)
        self.zone.addItem("UTC")
        local = zone_name(local_zone())
        if local not in ("UTC", "Etc/UTC"):
            self.zone.addItem(local)
        self._add_row(form, 2, self.tr("&Times in:"), self.zone)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setAccessibleName(self.tr("Export progress"))
        layout.addWidget(self.progress)
        self.status = QLabel(self.tr("Choose a format and a file, then Export (Enter)."))
        self.status.setObjectName("export-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().height() * 2)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("export-run")
        self.export_button.setDefault(True)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setObjectName("export-close")
        close.setAutoDefault(False)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._inputs: list[QWidget] = [
            self.format,
            self.path,
            choose,
            self.zone,
            self.export_button,
        ]
        self.format.currentIndexChanged.connect(self._format_changed)
        self.resize(620, self.sizeHint().height())

    @staticmethod
    def _add_row(
        form: QGridLayout, row: int, text: str, field: QWidget, buddy: QWidget | None = None
    ) -> None:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        form.addWidget(label, row, 0)
        form.addWidget(field, row, 1)

    def first_focus(self) -> QWidget:
        return self.format

    # -- choices ------------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def _format_changed(self) -> None:
        """A file name ending in one of the formats' extensions follows the format."""
        current = Path(self.path.text().strip())
        suffixes = {suffix for _, suffix in FORMATS.values()}
        if current.name and current.suffix in suffixes:
            self.path.setText(str(current.with_suffix(FORMATS[self.chosen_format()][1])))

    def choose_file(self) -> None:
        name, suffix = FORMATS[self.chosen_format()]
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the timeline to"),
            self.path.text(),
            self.tr("{name} (*{suffix});;All files (*)").format(name=name, suffix=suffix),
        )
        if chosen:
            self.path.setText(chosen)

    # -- running ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Enter or Export: start the export (the dialog stays open to show how it goes)."""
        if self.running or not self.isVisible():
            return
        text = self.path.text().strip()
        if not text:
            self._say(self.tr("Give a file to export to."), PROBLEM_COLOUR)
            self.path.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            zone = parse_zone(self.zone.currentText())
        except ExportError as exc:
            self._say(localised(exc), PROBLEM_COLOUR)
            self.zone.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        fmt, path, desk, incident_id = (
            self.chosen_format(),
            Path(text).expanduser(),
            self._desk,
            self.incident_id,
        )
        report = self._bridge.report

        def work() -> Path:  # on a TaskRunner thread: its own connection to the workspace
            return desk.exports.export_to_file(incident_id, fmt, path, zone=zone, progress=report)

        if self._tasks.run(work, self._done, self._failed) is None:
            self._say(self.tr("statusdesk is shutting down; nothing was exported."), PROBLEM_COLOUR)
            return
        self._set_running(True)
        self.progress.setLocale(numbers_locale())  # its "42%" in the interface's digits
        self.progress.setValue(0)
        self._say(self.tr("Exporting to {path}…").format(path=path), OK_COLOUR)

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in self._inputs:
            widget.setEnabled(not running)
        if not running:
            self.export_button.setDefault(True)

    def _progressed(self, share: float, what: str) -> None:
        if self.running:
            self.progress.setValue(round(100 * max(0.0, min(1.0, share))))
            self._say(what, OK_COLOUR)

    def _done(self, path: Path) -> None:
        self._set_running(False)
        self.progress.setValue(100)
        self._say(self.tr("Saved {path}").format(path=path), DONE_COLOUR)
        self.exported.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        if isinstance(error, ExportError):
            message = localised(error)
        else:  # a bug: say so, with the log to look at
            log.error("export of incident %s failed", self.incident_id, exc_info=error)
            message = self.tr("The export failed ({error}); see the log.").format(
                error=f"{type(error).__name__}: {error}"
            )
        self._say(message, PROBLEM_COLOUR)

    def _say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        muted(self.status, colour)


def open_export_dialog(
    parent: QWidget, desk: Desk, tasks: TaskRunner, incident_id: int, title: str = ""
) -> ExportDialog:
    """Ctrl+E: the export popup over `parent`, holding the keyboard until it closes (then the
    widget that had it gets it back). `title` is only shown (nothing is read on this thread)."""
    dialog = ExportDialog(parent, desk, tasks, incident_id, title)
    dialog.open_over(QApplication.focusWidget())
    return dialog
