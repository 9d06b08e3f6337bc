"""The Subscribers window (menu Channels): what `statusdesk subscriber add | edit | remove |
list | import` do, by keyboard, for the people the `email` channel mails (issues #4, #15).

A count line ("124 active subscribers: 80 ar, 30 en, 14 both"); a filter that narrows the table
by address as you type; the table (address, language, since when, unsubscribed or not, the
components they follow; active first); Components (F2 in the list: a checkable list of the
components and "All components"; Enter saves, Esc cancels), Remove (asks first: removal is an
unsubscription, recorded, never a delete) and Import CSV (all or nothing: a bad file lists its
bad lines and imports none); a form to add one.

Every read and write of the workspace runs on the session's TaskRunner; widgets change only in
the callbacks, on the GUI thread. Unsubscribe tokens never reach this window (see
subscriber_rows.py).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.gui.i18n import localised, translate
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.subscribers.subscriber_forms import (
    AddSubscriberForm,
    ComponentsEditor,
    ConfirmRemoval,
    LineList,
    csv_file_dialog,
)
from statusdesk.gui.subscribers.subscriber_rows import (
    Changed,
    Imported,
    SubscriberList,
    add_subscriber,
    change_components,
    import_subscribers,
    read_subscribers,
    remove_subscriber,
)
from statusdesk.gui.subscribers.subscribers_table import (
    UNSUBSCRIBED,
    AddressFilter,
    SubscriberModel,
    SubscriberTable,
)
from statusdesk.gui.widgets.forms import error_text, no_auto_default, note, tell
from statusdesk.gui.widgets.reading import grouped
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.workspace_window import WorkspaceWindow
from statusdesk.store.subscribers import ImportRejected, SubscriberError

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner


class SubscribersDialog(WorkspaceWindow):
    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(
            parent, translate("SubscribersDialog", "subscribers"), desk, tasks
        )  # changes: add, remove, import
        self.setObjectName("subscribers-dialog")
        self._reads = 0
        self._shown = 0
        self._select: str | None = None  # the address to make current after the next read
        self.confirm: ConfirmRemoval | None = None
        self.editor: ComponentsEditor | None = None
        self.file_dialog: QFileDialog | None = None
        self.model = SubscriberModel(self)
        self.proxy = AddressFilter(self.model, self)
        layout = QVBoxLayout(self)
        self.count_line = note("subscriber-count")
        tell(self.count_line, self.tr("Reading the subscribers…"))
        layout.addWidget(self.count_line)
        layout.addLayout(self._build_filter())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_actions())
        self.add_form = AddSubscriberForm()
        self.add_form.submitted.connect(self.add_subscriber)
        layout.addWidget(self.add_form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = no_auto_default(buttons.button(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        self.finished.connect(self._close_popups)
        self._chain()

    # -- building -----------------------------------------------------------------------------

    def _build_filter(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Filter by address:"))
        self.filter = QLineEdit()
        self.filter.setObjectName("subscriber-filter")
        self.filter.setAccessibleName(self.tr("Filter subscribers by address"))
        self.filter.setPlaceholderText(self.tr("type part of an address; ↓ goes to the list"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        label.setBuddy(self.filter)
        self.shown_count = muted(QLabel(""))
        self.shown_count.setObjectName("subscriber-shown")
        self.shown_count.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(label)
        row.addWidget(self.filter, 1)
        row.addWidget(self.shown_count)
        return row

    def _build_table(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Subscribers — active first:"))
        self.table = SubscriberTable(self.proxy)
        self.table.remove_requested.connect(self.remove_selected)
        self.table.components_requested.connect(self.edit_components)
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table)
        return box

    def _build_actions(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        row = QHBoxLayout()
        self.components_button = no_auto_default(QPushButton(self.tr("Co&mponents…")))
        self.components_button.setObjectName("subscriber-components")
        self.components_button.setToolTip(
            self.tr("Which components the selected address gets updates about (F2 in the list)")
        )
        self.components_button.clicked.connect(self.edit_components)
        self.remove_button = no_auto_default(QPushButton(self.tr("&Remove…")))
        self.remove_button.setObjectName("remove-subscriber")
        self.remove_button.setToolTip(
            self.tr("Unsubscribe the selected address (Delete in the list)")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = no_auto_default(QPushButton(self.tr("&Import CSV…")))
        self.import_button.setObjectName("import-subscribers")
        self.import_button.setToolTip(
            self.tr(
                "email,language,components per line (header, language and components "
                "optional; components by name, comma-separated, quoted); UTF-8; all or nothing"
            )
        )
        self.import_button.clicked.connect(self.choose_file)
        self.progress = QProgressBar()
        self.progress.setObjectName("import-progress")
        self.progress.setRange(0, 0)  # busy: an import has no percentage to tell
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Importing subscribers"))
        self.progress.hide()
        row.addWidget(self.components_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.import_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout.addLayout(row)
        self.outcome = note("subscribers-outcome")
        layout.addWidget(self.outcome)
        self.lines = LineList()
        layout.addWidget(self.lines)
        return layout

    def _chain(self) -> None:
        """Tab goes top to bottom, as the window reads."""
        chain: list[QWidget] = [
            self.filter,
            self.table,
            self.components_button,
            self.remove_button,
            self.import_button,
            self.lines,
            self.add_form.address,
            self.add_form.language,
            self.add_form.add_button,
            self.close_button,
        ]
        set_tab_chain(chain)

    # -- opening and keys ---------------------------------------------------------------------

    def first_focus(self) -> QWidget:
        return self.table

    def open_over(self, return_focus: QWidget | None) -> None:
        """Re-read each time: the CLI (or an unsubscribe link) may have changed the list."""
        self.reload()
        super().open_over(return_focus)

    def _close_popups(self) -> None:
        """Closing this window (Esc, Close, or the main window quitting) closes what it opened:
        nothing may start on a workspace about to be let go."""
        for popup in (self.confirm, self.editor, self.file_dialog):
            if popup is not None and popup.isVisible():
                popup.reject()

    def _fitting_size(self) -> QSize:
        hint = self.sizeHint()
        chars = self.fontMetrics().averageCharWidth()
        width = max(hint.width(), 100 * chars)
        owner = self.parentWidget()
        screen = (owner or self).screen().availableGeometry()
        return QSize(
            min(width, screen.width() * 9 // 10), min(hint.height(), screen.height() * 9 // 10)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ or Enter in the filter goes to the (narrowed) list."""
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    # -- reading ------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self._reads += 1
        if select is not None:
            self._select = select
        self._run(
            partial(read_subscribers, self.desk),
            partial(self._show, self._reads),
            self._read_failed,
        )

    def _show(self, read: int, listing: SubscriberList) -> None:
        if read < self._shown:
            return  # an older read that finished late
        self._shown = read
        current = self.table.current()
        keep = self._select or (current.email if current is not None else None)
        self._select = None
        self.model.set_listing(listing)
        self.table.select_email(keep)
        tell(self.count_line, listing.count_line())
        self._count_shown()

    def _read_failed(self, error: BaseException) -> None:
        why = error_text(error, "read the subscribers")
        said = self.tr("Cannot read the subscribers: {error}").format(error=why)
        tell(self.count_line, said, problem=True)

    def _filter_changed(self, text: str) -> None:
        current = self.table.current()
        self.proxy.set_text(text)
        self.table.select_email(current.email if current is not None else None)
        self._count_shown()

    def _count_shown(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = (
            ""
            if not self.proxy.needle
            else self.tr("{shown} of {total} shown").format(
                shown=grouped(shown), total=grouped(total)
            )
        )
        self.shown_count.setText(text)
        self.shown_count.setAccessibleName(text)

    # -- changes ------------------------------------------------------------------------------

    def add_subscriber(self) -> None:
        email, language = self.add_form.values()
        if self._start(
            "add",
            partial(add_subscriber, self.desk, email, language),
            self._added,
            self._add_failed,
        ):
            self.add_form.set_busy(True)

    def _added(self, changed: Changed) -> None:
        self.add_form.set_busy(False)
        self.add_form.added(changed.email, changed.message)
        self.reload(select=changed.email)

    def _add_failed(self, error: BaseException) -> None:
        self.add_form.set_busy(False)
        if isinstance(error, SubscriberError):
            self.add_form.show_problem(localised(error))
        else:
            self.add_form.show_problem(error_text(error, "add the subscriber"))

    def remove_selected(self) -> None:
        """Ask first, in a popup that takes the keyboard; Esc there changes nothing."""
        row = self.table.current()
        if row is None:
            tell(self.outcome, self.tr("Choose a subscriber in the list first."), problem=True)
            return
        if not row.active:
            said = self.tr("{email} had already unsubscribed on {since}; nothing to do.")
            tell(self.outcome, said.format(email=row.email, since=row.cells[UNSUBSCRIBED]))
            return
        if "remove" in self._busy:
            return
        self.confirm = ConfirmRemoval(self, row.email)
        self.confirm.confirmed.connect(self._remove_confirmed)
        self.confirm.finished.connect(self._confirm_closed)
        self.confirm.open_over(self.table)

    def _confirm_closed(self) -> None:
        confirm, self.confirm = self.confirm, None
        if confirm is not None:
            confirm.deleteLater()

    def _remove_confirmed(self, email: str) -> None:
        if self._start(
            "remove",
            partial(remove_subscriber, self.desk, email),
            self._removed,
            partial(self._remove_failed, email),
        ):
            tell(self.outcome, self.tr("Unsubscribing {email}…").format(email=email))

    def _removed(self, changed: Changed) -> None:
        tell(self.outcome, changed.message)
        self.reload(select=changed.email)

    def _remove_failed(self, email: str, error: BaseException) -> None:
        why = (
            localised(error) if isinstance(error, SubscriberError) else error_text(error, "remove")
        )
        said = self.tr("{email} is still subscribed: {error}").format(email=email, error=why)
        tell(self.outcome, said, problem=True)

    def edit_components(self) -> None:
        """The components editor over the list, for the current subscriber; what it saves
        runs on the TaskRunner."""
        row = self.table.current()
        if row is None:
            tell(self.outcome, self.tr("Choose a subscriber in the list first."), problem=True)
            return
        if not row.active:
            said = self.tr("{email} unsubscribed on {since}; they get no email to choose.")
            tell(self.outcome, said.format(email=row.email, since=row.cells[UNSUBSCRIBED]))
            return
        if "components" in self._busy or self.editor is not None:
            return
        listing = self.model.listing
        self.editor = ComponentsEditor(self, row.email, listing.components, row.component_ids)
        self.editor.chosen.connect(self._components_chosen)
        self.editor.finished.connect(self._editor_closed)
        self.editor.open_over(self.table)

    def _editor_closed(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.deleteLater()

    def _components_chosen(self, email: str, component_ids: tuple[int, ...]) -> None:
        if self._start(
            "components",
            partial(change_components, self.desk, email, component_ids),
            self._components_saved,
            partial(self._components_failed, email),
        ):
            tell(self.outcome, self.tr("Saving the components of {email}…").format(email=email))

    def _components_saved(self, changed: Changed) -> None:
        tell(self.outcome, changed.message)
        self.reload(select=changed.email)

    def _components_failed(self, email: str, error: BaseException) -> None:
        why = localised(error) if isinstance(error, SubscriberError) else error_text(error, "save")
        said = self.tr("{email} keeps what they had: {error}").format(email=email, error=why)
        tell(self.outcome, said, problem=True)
        self.reload(select=email)

    # -- importing ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        """A file dialog (Qt's own, so it works the same everywhere, offscreen too); the
        import starts when a file is chosen."""
        if "import" in self._busy:
            return
        if self.file_dialog is None:
            dialog = csv_file_dialog(self)
            dialog.fileSelected.connect(self.import_file)
            dialog.finished.connect(self._file_dialog_closed)
            self.file_dialog = dialog
        self.file_dialog.open()
        # No window manager gives a new window the keyboard: it takes it (ARCHITECTURE §8).
        self.file_dialog.raise_()
        self.file_dialog.activateWindow()

    def _file_dialog_closed(self) -> None:
        self.raise_()
        self.activateWindow()
        self.import_button.setFocus(Qt.FocusReason.PopupFocusReason)

    def import_file(self, path: str) -> None:
        if not path:
            return
        if self._start(
            "import",
            partial(import_subscribers, self.desk, path),
            self._imported,
            partial(self._import_failed, path),
        ):
            self.progress.show()
            self.import_button.setText(self.tr("Importing…"))
            self.lines.show_lines([])
            tell(self.outcome, self.tr("Importing {name}…").format(name=Path(path).name))

    def _import_done(self) -> None:
        self.progress.hide()
        self.import_button.setText(self.tr("&Import CSV…"))

    def _imported(self, imported: Imported) -> None:
        self._import_done()
        tell(self.outcome, imported.summary())
        self.lines.show_lines(imported.details())
        self.reload()

    def _import_failed(self, path: str, error: BaseException) -> None:
        self._import_done()
        name = Path(path).name
        if isinstance(error, ImportRejected):
            invalid = error.result.invalid
            tell(
                self.outcome,
                self.tr(
                    "{name}: {count} line(s) cannot be imported, so nothing was. Fix them and "
                    "import the file again (addresses already subscribed are skipped).",
                    "",
                    len(invalid),
                ).format(name=name, count=grouped(len(invalid))),
                problem=True,
            )
            self.lines.show_lines(
                [
                    self.tr("line {line}: {reason}").format(
                        line=grouped(note.line), reason=localised(note.reason)
                    )
                    for note in invalid
                ]
            )
        elif isinstance(error, SubscriberError):
            tell(self.outcome, localised(error), problem=True)
        else:
            why = error_text(error, f"import {name}")
            said = self.tr("Nothing was imported from {name}: {error}")
            tell(self.outcome, said.format(name=name, error=why), problem=True)
