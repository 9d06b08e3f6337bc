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
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import Problem
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.templates.template_form import BLANK, TemplateForm, Values
from statusdesk.gui.widgets.forms import error_text, no_auto_default, note, tell
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.gui.widgets.workspace_window import WorkspaceWindow
from statusdesk.scheduling.template_store import (
    CUSTOMISED,
    DEFAULT,
    WORKSPACE,
    Catalogue,
    Listed,
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

NEW = ""  # the key of a template being written, not saved yet (no template has this name)
KEY = Qt.ItemDataRole.UserRole


class TemplatesWindow(WorkspaceWindow):
    templates_changed = Signal()  # after a save or a delete reached the workspace

    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(parent, "templates", desk, tasks)  # changes: save, delete
        self.setObjectName("templates-window")
        self._saved: dict[str, Listed] = {}
        self._drafts: dict[str, Values] = {}  # unsaved edits of templates not in the editor
        self._key: str | None = None  # what the editor holds; None before the first read
        self._loaded = BLANK  # what the editor held when it was loaded: the unedited state
        self._reads = 0
        self._shown = 0
        self.confirm: ConfirmPopup | None = None
        self._asking = True  # whether closing with unsaved edits asks first
        layout = QVBoxLayout(self)
        self.file_line = note("templates-file")
        layout.addWidget(self.file_line)
        columns = QHBoxLayout()
        columns.addLayout(self._build_list(), 2)
        self.form = TemplateForm()
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
        self.finished.connect(self._close_popups)
        self._chain()

    # -- building -----------------------------------------------------------------------------

    def _build_list(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        label = QLabel("Temp&lates:")
        self.list = QTreeWidget()
        self.list.setObjectName("template-list")
        self.list.setAccessibleName("Templates")
        self.list.setHeaderLabels(["Name", "Kind", "State", "Source"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(self._picked)
        # Enter on a row: to its English text, where most edits start.
        self.list.itemActivated.connect(lambda *_: self.form.en.setFocus())
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        self.new_button = no_auto_default(QPushButton("&New template"))
        self.new_button.setObjectName("template-new")
        self.new_button.clicked.connect(self.new_template)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        return layout

    def _build_actions(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        row = QHBoxLayout()
        self.save_button = no_auto_default(QPushButton("&Save"))
        self.save_button.setObjectName("template-save")
        self.save_button.setToolTip(f"Save to {store_path(self.desk.home)}")
        self.save_button.clicked.connect(self.save)
        self.delete_button = no_auto_default(QPushButton("&Delete…"))
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
        return self._dirty() or bool(self._drafts)

    def closeEvent(self, event: QCloseEvent) -> None:
        """close() from code (the main window going away) closes without asking and keeps the
        edits for the next opening; the window system's close button asks, as Esc does."""
        self._asking = event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._asking = True

    def reject(self) -> None:
        """Esc, Close: with edits not saved, ask first; Esc (or Enter) there keeps editing."""
        if not self.isVisible() or not self.has_unsaved() or not self._asking:
            super().reject()
            return
        if self.confirm is not None:
            return
        names = sorted({self._label(k) for k in [*self._drafts, *self._dirty_key()]})
        self._ask(
            title="unsaved templates",
            question=f"Close and lose your unsaved edits to {', '.join(names)}?",
            detail="Nothing was saved. Esc or Enter keeps editing; save each one to keep it.",
            yes="&Discard edits and close",
            no="&Keep editing",
            then=self._discard_and_close,
            safe_default=True,
        )

    def _discard_and_close(self) -> None:
        self._drafts.clear()
        if self._key is not None:
            self._load(self._key, self._original(self._key))
        super().reject()

    def _close_popups(self) -> None:
        if self.confirm is not None and self.confirm.isVisible():
            self.confirm.reject()

    def _ask(
        self,
        *,
        title: str,
        question: str,
        detail: str,
        yes: str,
        no: str,
        then: Callable[[], object],
        safe_default: bool = False,
    ) -> None:
        """The question in a popup that takes the keyboard; Esc answers no and changes
        nothing. With `safe_default` the keyboard starts on no, so Enter is no as well."""
        popup = ConfirmPopup(self, title=title, question=question, detail=detail, yes=yes, no=no)
        popup.confirmed.connect(then)
        popup.finished.connect(self._confirm_closed)
        self.confirm = popup
        focused: QWidget | None = self.focusWidget()  # None while no child has focus
        popup.open_over(focused or self.list)
        if safe_default:
            popup.no.setFocus(Qt.FocusReason.PopupFocusReason)

    def _confirm_closed(self) -> None:
        confirm, self.confirm = self.confirm, None
        if confirm is not None:
            confirm.deleteLater()

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
        was_clean = not self._dirty()
        before, self._saved = self._saved, {item.template.name: item for item in found.templates}
        for kept in [*self._drafts, *self._dirty_key()]:
            if kept in before and kept not in self._saved:
                # Gone from the files meanwhile (by hand): its row and edits stay until saved
                # (which writes it again) or discarded.
                self._saved[kept] = before[kept]
        if found.problem:
            tell(self.file_line, found.problem, problem=True)
        else:
            self.file_line.hide()
        key = self._key
        if select is not None and select in self._saved:
            self._switch_to(select)
        elif key is None or (key != NEW and key not in self._saved):
            self._switch_to(next(iter(self._saved), NEW), stash=False)
        elif was_clean:
            self._load(key, self._original(key))  # changed on disk: show it as it is now
        self._fill_list()

    def _read_failed(self, error: BaseException) -> None:
        why = self._why(error, "read the templates")
        tell(self.file_line, f"Cannot read the templates: {why}", problem=True)

    # -- the list -----------------------------------------------------------------------------

    def _keys(self) -> list[str]:
        keys = list(self._saved)
        if self._key == NEW or NEW in self._drafts:
            keys.insert(0, NEW)
        return keys

    def _label(self, key: str) -> str:
        if key != NEW:
            return key
        values = self.form.values() if self._key == NEW else self._drafts.get(NEW, BLANK)
        return values.name.strip() or "the new template"

    def _row(self, key: str) -> list[str]:
        if key == NEW:
            values = self.form.values() if self._key == NEW else self._drafts.get(NEW, BLANK)
            name = values.name.strip() or "(new template)"
            return [name, values.kind.value, values.state.value, "new, not saved"]
        listed = self._saved[key]
        source = listed.origin
        if key in self._drafts or (key == self._key and self._dirty()):
            source += ", edited"
        template = listed.template
        return [template.name, template.kind.value, template.state.value, source]

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for key in self._keys():
                item = QTreeWidgetItem(self._row(key))
                item.setData(0, KEY, key)
                self.list.addTopLevelItem(item)
                if key == self._key:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        # Wide enough to read every column without scrolling sideways (up to a point).
        chars = self.fontMetrics().averageCharWidth()
        needed = sum(self.list.columnWidth(c) for c in range(self.list.columnCount()))
        scroll = self.list.verticalScrollBar().sizeHint().width()
        self.list.setMinimumWidth(min(needed + scroll + 4 * chars, 48 * chars))
        self._buttons()

    def _current_item(self) -> QTreeWidgetItem | None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, KEY) == self._key:
                return item
        return None

    def _edited(self) -> None:
        """A field changed: the current row says whether it differs from what is saved."""
        item = self._current_item()
        if item is not None and self._key is not None:
            for column, text in enumerate(self._row(self._key)):
                item.setText(column, text)
            self.list.resizeColumnToContents(self.list.columnCount() - 1)  # ", edited"

    def _picked(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        left = self._key
        self._switch_to(str(current.data(0, KEY)))
        if left == NEW and NEW not in self._keys():
            # A new template left blank loses its row; not from inside this signal.
            QTimer.singleShot(0, self, self._fill_list)

    # -- the editor ---------------------------------------------------------------------------

    def _original(self, key: str) -> Values:
        listed = self._saved.get(key)
        return Values.of(listed.template) if listed is not None else BLANK

    def _dirty(self) -> bool:
        return self._key is not None and self.form.values() != self._loaded

    def _dirty_key(self) -> list[str]:
        return [self._key] if self._key is not None and self._dirty() else []

    def _switch_to(self, key: str, *, stash: bool = True) -> None:
        """Show `key` in the editor; the edits of the one shown so far are kept for later."""
        if key == self._key:
            return
        if stash and self._key is not None:
            if self._dirty():
                self._drafts[self._key] = self.form.values()
            else:
                self._drafts.pop(self._key, None)
        self.form.clear_problems()
        self._load(key, self._drafts.pop(key, self._original(key)))

    def _load(self, key: str, values: Values) -> None:
        self._key = key
        self._loaded = self._original(key)
        self.form.load(values)
        self._buttons()

    def _buttons(self) -> None:
        listed = self._saved.get(self._key) if self._key else None
        origin = listed.origin if listed is not None else NEW
        text = {CUSTOMISED: "&Restore default…", NEW: "&Discard new…"}.get(origin, "&Delete…")
        self.delete_button.setText(text)

    def new_template(self) -> None:
        """A blank editor (or the new one already begun), its name field first."""
        self._switch_to(NEW)
        self._fill_list()
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        key = self._key
        if key is None:
            return
        values = self.form.values()
        if key != NEW and not self._dirty():
            tell(self.outcome, f"{key} is as saved; edit it first.")
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
            tell(self.outcome, f"Saving {name or 'the template'}…")

    def _saved_ok(self, key: str, sent: Values, renaming: str | None, stored: Template) -> None:
        name = stored.name
        self._saved[name] = Listed(stored, CUSTOMISED if is_default(name) else WORKSPACE)
        if renaming is not None:
            self._saved.pop(renaming, None)
        now = Values.of(stored)
        if self._key == key:  # the editor shows it still; what was typed since stays
            if self.form.values() == sent:
                self._load(name, now)
            else:
                self._key, self._loaded = name, now
        else:
            later = self._drafts.pop(key, sent)
            if later != sent:
                self._drafts[name] = later
        self.form.clear_problems()
        where = store_path(self.desk.home)
        said = f"Saved {name} to {where}."
        if is_default(name):
            said += " It replaces the default of that name here; Restore default brings it back."
        if key not in (NEW, name) and renaming is None:
            said += f" {key} is unchanged."
        tell(self.outcome, said)
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
        if self._key == key:
            self.form.show_problems(problems)
            return
        said = " ".join(str(p) for p in problems)
        tell(self.outcome, f"Could not {doing} {self._label(key)}: {said}", problem=True)

    @staticmethod
    def _why(error: BaseException, doing: str) -> str:
        return str(error) if isinstance(error, TemplateError) else error_text(error, doing)

    # -- deleting -----------------------------------------------------------------------------

    def delete(self) -> None:
        key = self._key
        if key is None or "delete" in self._busy:
            return
        if key == NEW:
            self._ask(
                title="discard the new template",
                question=f"Discard {self._label(NEW)}? It was never saved.",
                detail="Esc keeps it.",
                yes="&Discard",
                no="&Keep",
                then=self._discard_new,
            )
            return
        origin = self._saved[key].origin
        if origin == DEFAULT:
            self.form.show_problems(
                [
                    Problem(
                        "template",
                        f"{key} is one of statusdesk's default templates: it cannot be deleted. "
                        "Edit it and save to use your own text in this workspace.",
                    )
                ],
                focus=False,
            )
            return
        lost = " Your unsaved edits to it are lost too." if self._dirty() else ""
        if origin == CUSTOMISED:
            question = f"Restore the default {key}?"
            detail = f"This workspace's text for {key} is deleted; statusdesk's default is used."
            yes, no = "&Restore default", "&Keep mine"
        else:
            question = f"Delete the template {key}?"
            detail = f"It is removed from {store_path(self.desk.home)}."
            yes, no = "&Delete", "&Keep"
        self._ask(
            title="delete a template",
            question=question,
            detail=detail + lost,
            yes=yes,
            no=no,
            then=partial(self._delete_confirmed, key),
        )

    def _discard_new(self) -> None:
        if self._key == NEW:
            self._switch_to(next(iter(self._saved), NEW), stash=False)
        self._drafts.pop(NEW, None)
        self._fill_list()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete_confirmed(self, key: str) -> None:
        if self._start(
            "delete",
            partial(delete_template, self.desk.home, key),
            partial(self._deleted, key),
            partial(self._failed, key, "delete"),
        ):
            tell(self.outcome, f"Deleting {key}…")

    def _deleted(self, key: str, restored: Template | None) -> None:
        self._drafts.pop(key, None)
        if restored is not None:
            self._saved[key] = Listed(restored, DEFAULT)
            if self._key == key:
                self._load(key, Values.of(restored))
            tell(self.outcome, f"{key} is statusdesk's default again.")
        else:
            self._saved.pop(key, None)
            if self._key == key:  # its edits go with it: the person chose to delete it
                self._switch_to(next(iter(self._saved), NEW), stash=False)
            tell(self.outcome, f"Deleted {key}.")
        self.form.clear_problems()
        self._fill_list()
        self.templates_changed.emit()
        self.reload()
