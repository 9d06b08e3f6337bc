"""The Settings window (issue #12 §7): every workspace setting of statusdesk/settings.py, each
with its meaning and a control that fits the values it takes — a spin box for minutes, a list
for a closed choice, an editable list of zones, a line for a name. The same table `statusdesk
setting list | set` reads, so the window and the CLI can never disagree.

The values are read on the TaskRunner when the window opens (the CLI may have changed them);
Save (the button, Ctrl+S or Ctrl+Return) checks and keeps them on the TaskRunner too, all or
none, and rebuilds the status page there when its name or digits changed. A refused value is
said under its field and the keyboard goes to it; nothing is kept. Esc closes without change.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from statusdesk import settings as registry
from statusdesk.app.context import current_user
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Problem
from statusdesk.gui.i18n import localised, translate
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.settings import words
from statusdesk.gui.widgets import theme
from statusdesk.gui.widgets.forms import error_text, no_auto_default, note, tell
from statusdesk.gui.widgets.reading import apply_digits
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.workspace_window import WorkspaceWindow

if TYPE_CHECKING:
    from statusdesk.app.workspace_settings import SettingChange
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner

SAVE_KEYS = ("Ctrl+S", "Ctrl+Return")


def _control(spec: registry.Setting) -> QWidget:
    """The widget that fits the setting's values."""
    widget: QWidget
    if spec.choices:
        combo = QComboBox()
        for choice in spec.choices:
            combo.addItem(words.choice(spec, choice), choice)
        widget = combo
    elif spec.key in (registry.ZONE, registry.SITE_ZONE):
        zones = QComboBox()
        zones.setEditable(True)  # type a few letters; the list completes
        zones.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        widget = zones  # the zones are listed once read on the TaskRunner (a walk of tzdata)
    elif spec.number is not None:
        low, high, whole = spec.number
        spin: QSpinBox | QDoubleSpinBox
        if whole:
            spin = QSpinBox()
            spin.setRange(int(low), int(high))
        else:
            spin = QDoubleSpinBox()
            spin.setDecimals(2)
            spin.setRange(low, high)
        spin.setSuffix(translate("SettingsWindow", " min"))
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        widget = spin
    else:
        line = QLineEdit()
        line.setMaxLength(registry.MAX_TITLE * 2)  # longer is refused with the rule, not cut
        if spec.key == registry.SITE_TITLE_AR:
            line.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        widget = line
    widget.setObjectName(f"setting-{spec.key}")
    widget.setToolTip(
        translate("SettingsWindow", "{key}: {allowed} (default {default})").format(
            key=spec.key, allowed=words.allowed(spec), default=spec.default
        )
    )
    widget.setAccessibleName(words.label(spec))
    widget.setAccessibleDescription(words.meaning(spec))
    return widget


def read_value(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return widget.currentText().strip()
        return str(widget.currentData())
    if isinstance(widget, QSpinBox):
        return str(widget.value())
    if isinstance(widget, QDoubleSpinBox):
        return f"{widget.value():g}"
    assert isinstance(widget, QLineEdit)
    return widget.text()


def show_value(widget: QWidget, value: str) -> None:
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText(value)
        else:
            widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(value)


class SettingsWindow(WorkspaceWindow):
    saved = Signal(str)  # what to say in the main window's status bar

    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(parent, translate("SettingsWindow", "settings"), desk, tasks)
        self.setObjectName("settings-window")
        self.controls: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self._loaded: dict[str, str] = {}
        self._reads = 0
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        intro = QLabel(
            self.tr(
                "The workspace's settings (also `statusdesk setting list | set`). Save keeps "
                "them all and rebuilds the status page if its name or digits changed; Esc "
                "closes without changing anything."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(form)
        for spec in registry.SETTINGS:
            control = _control(spec)
            label = QLabel(self.tr("{label}:").format(label=words.label(spec)))
            label.setBuddy(control)
            meaning = QLabel(words.meaning(spec))
            meaning.setObjectName(f"meaning-{spec.key}")
            meaning.setWordWrap(True)
            meaning.setTextFormat(Qt.TextFormat.PlainText)
            muted(meaning)
            problem = note(f"problem-{spec.key}")
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(control)
            column.addWidget(meaning)
            column.addWidget(problem)
            form.addRow(label, box)
            self.controls[spec.key] = control
            self.problems[spec.key] = problem
        layout.addStretch(1)
        # At 200 % or on a small screen the settings scroll; the buttons stay in view.
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidget(self.body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.addWidget(self.body_scroll, 1)
        self.status = note("settings-status")
        outer.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = no_auto_default(buttons.button(QDialogButtonBox.StandardButton.Save))
        self.save_button.setObjectName("save-settings")
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button = no_auto_default(buttons.button(QDialogButtonBox.StandardButton.Cancel))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        outer.addWidget(buttons)
        for key in SAVE_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(self.save)
        set_tab_chain([*self.controls.values(), self.save_button, self.cancel_button])
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Wherever the keyboard goes, it stays in view."""
        if new is not None and self.isVisible() and self.body.isAncestorOf(new):
            self.body_scroll.ensureWidgetVisible(new)

    def first_focus(self) -> QWidget:
        return self.controls[registry.SETTINGS[0].key]

    def _fitting_size(self) -> QSize:
        chars = self.fontMetrics().averageCharWidth()
        body = self.body.sizeHint()
        hint = QSize(body.width(), body.height() + 4 * self.save_button.sizeHint().height())
        screen = (self.parentWidget() or self).screen().availableGeometry()
        return QSize(
            min(max(hint.width(), 90 * chars), screen.width() * 9 // 10),
            min(hint.height(), screen.height() * 9 // 10),
        )

    # -- reading ------------------------------------------------------------------------------

    def open_over(self, return_focus: QWidget | None) -> None:
        """The values as kept now: the CLI may have changed them since the last time."""
        self._clear_problems()
        self.status.hide()
        self._reads += 1
        self._run(self._read, partial(self._show, self._reads), self._read_failed)
        super().open_over(return_focus)

    def _read(self) -> tuple[list[dict[str, Any]], list[str]]:
        """TaskRunner work: the settings as kept, and the zones this machine knows."""
        return self.desk.settings.workspace_settings(), registry.zone_names()

    def _show(self, read: int, found: tuple[list[dict[str, Any]], list[str]]) -> None:
        rows, zone_names = found
        if read != self._reads:
            return
        for key in (registry.ZONE, registry.SITE_ZONE):
            zones = self.controls[key]
            if isinstance(zones, QComboBox) and zones.count() == 0:
                zones.addItems(zone_names)
        self._loaded = {row["key"]: str(row["value"]) for row in rows}
        for key, value in self._loaded.items():
            if key in self.controls:
                show_value(self.controls[key], value)

    def _read_failed(self, error: BaseException) -> None:
        tell(
            self.status,
            self.tr("Cannot read the settings: {error}").format(error=error_text(error, "read")),
            problem=True,
        )

    def values(self) -> dict[str, str]:
        return {key: read_value(widget) for key, widget in self.controls.items()}

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        if not self._loaded:  # the fields do not show the kept values yet
            tell(self.status, self.tr("Still reading the settings; save again in a moment."))
            return
        changed = {k: v for k, v in self.values().items() if v != self._loaded.get(k)}
        self._clear_problems()
        if not changed:
            self.accept()
            return
        who = current_user()
        if self._start(
            "save",
            partial(_save, self.desk, changed, who),
            self._saved,
            self._save_failed,
        ):
            tell(self.status, self.tr("Saving…"))

    def _saved(self, saved: tuple[list[SettingChange], str]) -> None:
        changes, digits = saved
        done = [c for c in changes if c.changed]
        for change in changes:
            self._loaded[change.key] = change.value
            if change.key == registry.THEME and change.changed:
                theme.apply(change.value)  # at once: every chip and alarm takes its colours
            if change.key == registry.DIGITS and change.changed:
                apply_digits(digits)  # counts, times from now
        said = self.tr("Settings saved: {changes}").format(
            changes=self.tr(", ").join(f"{c.key} = {c.value}" for c in done)
        )
        if any(c.site is not None for c in done):
            said += self.tr("; the status page was rebuilt")
        if any(c.key == registry.UI_LANGUAGE for c in done):
            said += self.tr("; the interface language changes at the next start")
        if any(c.key == registry.STORE_URL for c in done):
            said += self.tr("; the desk opens the records there at the next start")
        notes = {c.site_note for c in done if c.site_note}
        if notes:
            said += self.tr("; ") + self.tr("; ").join(sorted(notes))
        self.status.hide()
        self.accept()
        self.saved.emit(said + self.tr("."))

    def _save_failed(self, error: BaseException) -> None:
        if not isinstance(error, Rejected):
            tell(
                self.status,
                self.tr("Nothing was saved: {error}").format(
                    error=error_text(error, "save the settings")
                ),
                problem=True,
            )
            return
        self.status.hide()
        first: QWidget | None = None
        for problem in error.problems:
            self._say(problem)
            if first is None and problem.field in self.controls:
                first = self.controls[problem.field]
        tell(self.status, self.tr("Nothing was saved: fix what is marked above."), problem=True)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, problem: Problem) -> None:
        label = self.problems.get(problem.field)
        if label is not None:
            tell(label, localised(problem.message), problem=True)

    def _clear_problems(self) -> None:
        for label in self.problems.values():
            label.hide()


def _save(desk: Desk, changed: dict[str, str], who: str) -> tuple[list[SettingChange], str]:
    """On the task runner: the settings kept, and the digits then in force (a read: on a team
    desk a round trip to the server, never the GUI thread's)."""
    return desk.settings.set_workspace_settings(changed, who), desk.settings.display_digits()
