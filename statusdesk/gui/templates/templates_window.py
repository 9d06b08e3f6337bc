"""The Templates window (issue #6, point 3): the bilingual update templates in effect — the
defaults and the workspace's own — and an editor for them, by keyboard.

The list says where each comes from: `default` (as shipped), `customised` (a default's name with
this workspace's text) or `workspace` (this workspace's own). Saving writes
<home>/templates/workspace.json (scheduling/template_store.py); Delete removes the workspace's
own, and on a customised default it is "Restore default". Every read and write runs on the
TaskRunner; widgets change only in the callbacks. After a save or a delete the window emits
`templates_changed`, so whatever lists templates (the palette, Ctrl+T) can read them again.

Nothing typed is lost: a refused save leaves every field as it was, with the reasons under the
fields; moving to another template keeps the edits of this one (the list marks it "edited") until
it is saved or the window is closed, and closing with edits asks first (Esc keeps editing).

The window holds the widgets and the work on the TaskRunner; its collaborators, in this package:
template_edits.py keeps which template is edited and what is saved or drafted, template_list.py
shows the rows, template_form.py is the editor, template_questions.py asks before anything is lost.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import Problem
from statusdesk.core.words import message_of
from statusdesk.gui.i18n import localised, translate
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.templates import template_questions as questions
from statusdesk.gui.templates.template_edits import NEW, TemplateEdits
from statusdesk.gui.templates.template_form import TemplateForm, Values
from statusdesk.gui.templates.template_list import TemplateList
from statusdesk.gui.templates.template_questions import Asking
from statusdesk.gui.widgets.forms import error_text, no_auto_default, note, tell
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.gui.widgets.workspace_window import WorkspaceWindow
from statusdesk.scheduling.template_store import (
    CUSTOMISED,
    DEFAULT,
    Catalogue,
    TemplateRefused,
    catalogue,
    delete_template,
    is_default,
    save_template,
    store_path,
)
from statusdesk.scheduling.templates import Template, TemplateError

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner


class TemplatesWindow(WorkspaceWindow):
    templates_changed = Signal()  # after a save or a delete reached the workspace

    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(
            parent, translate("TemplatesWindow", "templates"), desk, tasks
        )  # changes: save, delete
        self.setObjectName("templates-window")
        self._reads = 0
        self._shown = 0
        self._ask_on_close = True  # whether closing with unsaved edits asks first
        layout = QVBoxLayout(self)
        self.file_line = note("templates-file")
        layout.addWidget(self.file_line)
        columns = QHBoxLayout()
        columns.addLayout(self._build_list(), 2)
        self.form = TemplateForm()
        self.edits = TemplateEdits(self.form)
        self.form.changed.connect(self._edited)
        self.form.save_requested.connect(self.save)
        editor = QVBoxLayout()
        editor.addWidget(self.form, 1)
        editor.addLayout(self._build_actions())
        columns.addLayout(editor, 3)
        layout.addLayout(columns, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = no_auto_default(buttons.button(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        self.asking = Asking(self, self.list)
        self.finished.connect(self.asking.dismiss)
        self._chain()

    # -- building -----------------------------------------------------------------------------

    def _build_list(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        label = QLabel(self.tr("Temp&lates:"))
        self.list = TemplateList()
        self.list.currentItemChanged.connect(self._picked)
        # Enter on a row: to its English text, where most edits start.
        self.list.itemActivated.connect(lambda *_: self.form.en.setFocus())
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        self.new_button = no_auto_default(QPushButton(self.tr("&New template")))
        self.new_button.setObjectName("template-new")
        self.new_button.clicked.connect(self.new_template)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        return layout

    def _build_actions(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        row = QHBoxLayout()
        self.save_button = no_auto_default(QPushButton(self.tr("&Save")))
        self.save_button.setObjectName("template-save")
        self.save_button.setToolTip(
            self.tr("Save to {path}").format(path=store_path(self.desk.home))
        )
        self.save_button.clicked.connect(self.save)
        self.delete_button = no_auto_default(QPushButton(self.tr("&Delete…")))
        self.delete_button.setObjectName("template-delete")
        self.delete_button.clicked.connect(self.delete)
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.outcome = note("templates-outcome")
        layout.addWidget(self.outcome)
        return layout

    def _chain(self) -> None:
        """Tab goes as the window reads: the list, then the editor top to bottom, its buttons."""
        chain: list[QWidget] = [
            self.list,
            self.new_button,
            *self.form.focus_chain(),
            self.form.insert_button,
            self.save_button,
            self.delete_button,
            self.close_button,
        ]
        set_tab_chain(chain)

    # -- opening and closing ------------------------------------------------------------------

    def first_focus(self) -> QWidget:
        return self.list

    def open_over(self, return_focus: QWidget | None) -> None:
        """Re-read each time: the templates' files may have changed by hand meanwhile."""
        self.reload()
        super().open_over(return_focus)

    def _fitting_size(self) -> QSize:
        hint = self.sizeHint()
        chars = self.fontMetrics().averageCharWidth()
        lines = self.fontMetrics().lineSpacing()
        owner = self.parentWidget()
        screen = (owner or self).screen().availableGeometry()
        return QSize(
            min(max(hint.width(), 130 * chars), screen.width() * 9 // 10),
            min(max(hint.height(), 40 * lines), screen.height() * 9 // 10),
        )

    def has_unsaved(self) -> bool:
        return self.edits.has_unsaved()

    def closeEvent(self, event: QCloseEvent) -> None:
        """close() from code (the main window going away) closes without asking and keeps the
        edits for the next opening; the window system's close button asks, as Esc does."""
        self._ask_on_close = event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._ask_on_close = True

    def reject(self) -> None:
        """Esc, Close: with edits not saved, ask first; Esc (or Enter) there keeps editing."""
        if not self.isVisible() or not self.has_unsaved() or not self._ask_on_close:
            super().reject()
            return
        if self.confirm is not None:
            return
        asked = questions.close_unsaved(self.edits.unsaved_labels())
        self.asking.ask(asked, self._discard_and_close)

    def _discard_and_close(self) -> None:
        self.edits.discard_all()
        self._buttons()
        super().reject()

    @property
    def confirm(self) -> ConfirmPopup | None:
        """The question open over the window, if any."""
        return self.asking.confirm

    # -- reading ------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self._reads += 1
        self._run(
            partial(catalogue, self.desk.home),
            partial(self._show, self._reads, select),
            self._read_failed,
        )

    def _show(self, read: int, select: str | None, found: Catalogue) -> None:
        if read < self._shown:
            return  # an older read that finished late
        self._shown = read
        self.edits.read(found.templates, select)
        if found.problem:
            tell(self.file_line, localised(found.problem), problem=True)
        else:
            self.file_line.hide()
        self._fill_list()

    def _read_failed(self, error: BaseException) -> None:
        why = self._why(error, "read the templates")
        said = self.tr("Cannot read the templates: {error}").format(error=why)
        tell(self.file_line, said, problem=True)

    # -- the list and the editor --------------------------------------------------------------

    def _fill_list(self) -> None:
        rows = [(key, self.edits.row(key)) for key in self.edits.row_keys()]
        self.list.show_rows(rows, self.edits.key)
        self._buttons()

    def _edited(self) -> None:
        """A field changed: the current row says whether it differs from what is saved."""
        if self.edits.key is not None:
            self.list.update_row(self.edits.key, self.edits.row(self.edits.key))

    def _picked(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        left = self.edits.key
        self.edits.switch_to(self.list.key_of(current))
        self._buttons()
        if left == NEW and NEW not in self.edits.row_keys():
            # A new template left blank loses its row; not from inside this signal.
            QTimer.singleShot(0, self, self._fill_list)

    def _buttons(self) -> None:
        origin = self.edits.origin()
        text = {CUSTOMISED: self.tr("&Restore default…"), NEW: self.tr("&Discard new…")}.get(
            origin, self.tr("&Delete…")
        )
        self.delete_button.setText(text)

    def new_template(self) -> None:
        """A blank editor (or the new one already begun), its name field first."""
        self.edits.switch_to(NEW)
        self._fill_list()
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        key = self.edits.key
        if key is None:
            return
        values = self.form.values()
        if key != NEW and not self.edits.dirty():
            tell(self.outcome, self.tr("{name} is as saved; edit it first.").format(name=key))
            return
        name = values.name.strip()
        renaming = key if key not in (NEW, name) and not is_default(key) else None
        work = partial(
            save_template,
            self.desk.home,
            values.template(),
            new=name != key,
            renaming=renaming,
        )
        done = partial(self._saved_ok, key, values, renaming)
        if self._start("save", work, done, partial(self._failed, key, "save")):
            tell(
                self.outcome,
                self.tr("Saving {name}…").format(name=name or self.tr("the template")),
            )

    def _saved_ok(self, key: str, sent: Values, renaming: str | None, stored: Template) -> None:
        self.edits.stored(key, sent, renaming, stored)
        name = stored.name
        said = self.tr("Saved {name} to {path}.").format(name=name, path=store_path(self.desk.home))
        if is_default(name):
            said += self.tr(
                " It replaces the default of that name here; Restore default brings it back."
            )
        if key not in (NEW, name) and renaming is None:
            said += self.tr(" {name} is unchanged.").format(name=key)
        tell(self.outcome, said)
        self._changed()

    def _changed(self) -> None:
        """A save or a delete reached the workspace: the list shows it, then reads it again."""
        self._fill_list()
        self.templates_changed.emit()
        self.reload()

    def _failed(self, key: str, doing: str, error: BaseException) -> None:
        """What to fix, under the fields; every field stays as typed. If the editor has moved to
        another template meanwhile, the line under the buttons says it instead."""
        self.outcome.hide()
        problems = (
            error.problems
            if isinstance(error, TemplateRefused)
            else [Problem("template", self._why(error, f"{doing} the template"))]
        )
        if self.edits.key == key:
            self.form.show_problems(problems)
            return
        said = " ".join(localised(p) for p in problems)
        could = {
            "save": self.tr("Could not save {name}: {error}"),
            "delete": self.tr("Could not delete {name}: {error}"),
        }[doing]
        tell(self.outcome, could.format(name=self.edits.label(key), error=said), problem=True)

    @staticmethod
    def _why(error: BaseException, doing: str) -> str:
        # message_of: the Problem keeps the store's Words, said in the interface's language
        return message_of(error) if isinstance(error, TemplateError) else error_text(error, doing)

    # -- deleting -----------------------------------------------------------------------------

    def delete(self) -> None:
        key = self.edits.key
        if key is None or "delete" in self._busy:
            return
        if key == NEW:
            self.asking.ask(questions.discard_new(self.edits.label(NEW)), self._discard_new)
            return
        origin = self.edits.saved[key].origin
        if origin == DEFAULT:
            self.form.show_problems([questions.default_kept(key)], focus=False)
            return
        where, edited = store_path(self.desk.home), self.edits.dirty()
        asked = questions.delete(key, origin, where, edited)
        self.asking.ask(asked, partial(self._delete_confirmed, key))

    def _discard_new(self) -> None:
        self.edits.discard_new()
        self._fill_list()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete_confirmed(self, key: str) -> None:
        if self._start(
            "delete",
            partial(delete_template, self.desk.home, key),
            partial(self._deleted, key),
            partial(self._failed, key, "delete"),
        ):
            tell(self.outcome, self.tr("Deleting {name}…").format(name=key))

    def _deleted(self, key: str, restored: Template | None) -> None:
        self.edits.removed(key, restored)
        said = (
            self.tr("{name} is statusdesk's default again.")
            if restored is not None
            else self.tr("Deleted {name}.")
        )
        tell(self.outcome, said.format(name=key))
        self._changed()
