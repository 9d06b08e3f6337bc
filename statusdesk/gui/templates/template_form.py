"""The Templates window's editor: name, kind, state (only the kind's states), the English and
Arabic texts (each pinned to its direction, as in the composer), the placeholders with a way to
put one at the cursor by keyboard, and what the last save refused, inline under the fields.

It holds what is typed and nothing else: the window (templates_window.py, with the edits it keeps
in template_edits.py) decides what is saved, kept or discarded, so a refused save never touches a
field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import (
    BilingualText,
    IncidentKind,
    IncidentState,
    Problem,
    initial_state,
    states_for,
)
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.widgets.editors import BodyEditor
from statusdesk.gui.widgets.forms import EnterActs, buddy_row, no_auto_default, note, tell
from statusdesk.gui.widgets.labels import kind_label, state_label
from statusdesk.scheduling.templates import PLACEHOLDERS, Template

# What each placeholder becomes, for the person choosing one (templates.py fills them).
MEANING = {
    "service": QT_TRANSLATE_NOOP("TemplateForm", "the incident's title"),
    "components": QT_TRANSLATE_NOOP("TemplateForm", "the affected components"),
    "eta": QT_TRANSLATE_NOOP("TemplateForm", "the ETA given when composing"),
    "next_update": QT_TRANSLATE_NOOP("TemplateForm", "when the next update is due"),
    "incident_url": QT_TRANSLATE_NOOP("TemplateForm", "the incident's page on the status page"),
    "started_at": QT_TRANSLATE_NOOP("TemplateForm", "when it began"),
    "window_start": QT_TRANSLATE_NOOP("TemplateForm", "when the maintenance window opens"),
    "window_end": QT_TRANSLATE_NOOP("TemplateForm", "when the maintenance window closes"),
}
# Each editor's hint shows text in the editor's own language; the lead-in is the interface's.
TEXT_HINTS = {
    "en": QT_TRANSLATE_NOOP(
        "TemplateForm",
        "English text, e.g. We are investigating {service}. Next update by {next_update}.",
    ),
    "ar": QT_TRANSLATE_NOOP(
        "TemplateForm",
        "Arabic text, e.g. نحقق في {service}. التحديث التالي بحلول {next_update}.",
    ),
}


def as_shown(text: str) -> str:
    """A text as a QPlainTextEdit gives it back (no-break spaces become spaces, paragraph
    separators line breaks): what an untouched editor reads is then equal to what was loaded."""
    return text.replace("\u00a0", " ").replace("\u2029", "\n")


@dataclass(frozen=True)
class Values:
    """What the editor holds; compared to tell an edit from the saved template."""

    name: str
    kind: IncidentKind
    state: IncidentState
    en: str
    ar: str

    @classmethod
    def of(cls, template: Template) -> Values:
        text = template.text
        return cls(
            template.name, template.kind, template.state, as_shown(text.en), as_shown(text.ar)
        )

    def template(self) -> Template:
        return Template(self.name, self.kind, self.state, BilingualText(self.en, self.ar))


BLANK = Values("", IncidentKind.INCIDENT, initial_state(IncidentKind.INCIDENT), "", "")


class TemplateForm(QGroupBox):
    changed = Signal()  # any field changed, by typing or by `load`
    save_requested = Signal()  # Enter in the name field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Template"))
        self.setObjectName("template-form")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        self.name = QLineEdit()
        self.name.setObjectName("template-name")
        self.name.setPlaceholderText(
            self.tr("lower-case letters, digits, - or _ (e.g. db-failover)")
        )
        buddy_row(form, self.tr("Na&me:"), self.name, self.tr("Template name"))
        self.kind = QComboBox()
        self.kind.setObjectName("template-kind")
        for kind in IncidentKind:
            self.kind.addItem(kind_label(kind), kind)
        buddy_row(form, self.tr("&Kind:"), self.kind, self.tr("Template kind"))
        self.state = QComboBox()
        self.state.setObjectName("template-state")
        buddy_row(form, self.tr("S&tate:"), self.state, self.tr("Template state"))
        self.en = self._editor("en", self.tr("English template text"))
        buddy_row(form, self.tr("&English:"), self.en, self.tr("English template text"))
        self.ar = self._editor("ar", self.tr("Arabic template text"))
        buddy_row(form, self.tr("&Arabic:"), self.ar, self.tr("Arabic template text"))
        self.last_editor: BodyEditor = self.en  # where a placeholder goes
        outer.addLayout(self._build_placeholders())
        self.problems = note("template-problems")
        outer.addWidget(self.problems)
        self._show_states(IncidentKind.INCIDENT)
        EnterActs(self, self.save_requested.emit).watch(self.name)
        EnterActs(self, self.insert_placeholder).watch(self.placeholder)
        self._chain()
        self.name.textChanged.connect(lambda _text: self.changed.emit())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.state.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.en.textChanged.connect(self.changed.emit)
        self.ar.textChanged.connect(self.changed.emit)

    def _editor(self, lang: str, accessible: str) -> BodyEditor:
        editor = BodyEditor(lang)
        editor.setObjectName(f"template-{lang}")  # not the composer's body-en / body-ar
        editor.setAccessibleName(accessible)
        editor.setPlaceholderText(translate("TemplateForm", TEXT_HINTS[lang]))
        editor.installEventFilter(self)
        return editor

    def _build_placeholders(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        listed = QLabel(
            self.tr(
                "Placeholders, filled per language when the template is used: {names}. Write "
                "{{{{ and }}}} for a literal brace."
            ).format(names=" ".join(f"{{{p}}}" for p in PLACEHOLDERS))
        )
        listed.setObjectName("template-placeholders")
        listed.setTextFormat(Qt.TextFormat.PlainText)
        listed.setWordWrap(True)
        layout.addWidget(listed)
        row = QHBoxLayout()
        self.placeholder = QComboBox()
        self.placeholder.setObjectName("template-placeholder")
        # Its items explain each placeholder at length; sized to them, the combo alone would
        # set the window's minimum width past a small screen's (the list pops up wider).
        self.placeholder.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.placeholder.setMinimumContentsLength(20)
        for name in PLACEHOLDERS:
            meaning = translate("TemplateForm", MEANING[name])
            self.placeholder.addItem(f"{{{name}}} — {meaning}", name)
        label = QLabel(self.tr("&Placeholder:"))
        label.setBuddy(self.placeholder)
        self.placeholder.setAccessibleName(self.tr("Placeholder to insert"))
        self.placeholder.setAccessibleDescription(
            self.tr("Enter or Insert puts it at the cursor of the text last edited")
        )
        self.insert_button = no_auto_default(QPushButton(self.tr("&Insert at cursor")))
        self.insert_button.setObjectName("template-insert")
        self.insert_button.clicked.connect(self.insert_placeholder)
        row.addWidget(label)
        row.addWidget(self.placeholder, 1)
        row.addWidget(self.insert_button)
        layout.addLayout(row)
        return layout

    def focus_chain(self) -> list[QWidget]:
        return [self.name, self.kind, self.state, self.en, self.ar, self.placeholder]

    def _chain(self) -> None:
        set_tab_chain([*self.focus_chain(), self.insert_button])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in (self.en, self.ar):
            self.last_editor = self.en if watched is self.en else self.ar
        return False

    # -- kind and state -----------------------------------------------------------------------

    def _show_states(self, kind: IncidentKind, keep: IncidentState | None = None) -> None:
        """Only the kind's states; the one shown stays if the kind has it."""
        current = keep or self.state.currentData()
        self.state.blockSignals(True)
        self.state.clear()
        for state in states_for(kind):
            self.state.addItem(state_label(state), state)
        index = self.state.findData(current)
        self.state.setCurrentIndex(max(index, 0))
        self.state.blockSignals(False)

    def _kind_changed(self) -> None:
        self._show_states(IncidentKind(self.kind.currentData()))
        self.changed.emit()

    # -- values -------------------------------------------------------------------------------

    def values(self) -> Values:
        return Values(
            self.name.text(),
            IncidentKind(self.kind.currentData()),
            IncidentState(self.state.currentData()),
            self.en.toPlainText(),
            self.ar.toPlainText(),
        )

    def load(self, values: Values) -> None:
        """Show `values`; a field already holding its value is left alone (its cursor too)."""
        self.blockSignals(True)  # one `changed` at the end, not one per field
        try:
            if self.name.text() != values.name:
                self.name.setText(values.name)
            self.kind.setCurrentIndex(self.kind.findData(values.kind))
            self._show_states(values.kind, keep=values.state)
            for editor, text in ((self.en, values.en), (self.ar, values.ar)):
                if editor.toPlainText() != text:
                    editor.setPlainText(text)
        finally:
            self.blockSignals(False)
        self.setTitle(
            self.tr("Template: {name}").format(name=values.name)
            if values.name
            else self.tr("New template")
        )
        self.changed.emit()

    def insert_placeholder(self) -> None:
        """At the cursor of the text edited last, which gets the keyboard back."""
        editor = self.last_editor
        editor.insertPlainText(f"{{{self.placeholder.currentData()}}}")
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- problems -----------------------------------------------------------------------------

    def show_problems(self, problems: Sequence[Problem], *, focus: bool = True) -> None:
        """Each on its line, under the fields; the keyboard goes to the first one at fault, at
        the place in the text when the problem has one. Nothing typed changes."""
        tell(self.problems, "\n".join(f"• {p}" for p in problems), problem=True)
        if problems and focus:
            self._go_to(problems[0])

    def clear_problems(self) -> None:
        self.problems.hide()

    def _go_to(self, problem: Problem) -> None:
        fields: dict[str, QWidget] = {"name": self.name, "state": self.state, "kind": self.kind}
        editors = {"body_en": self.en, "body_ar": self.ar, "body": self.en}
        if problem.field in fields:
            fields[problem.field].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        editor = editors.get(problem.field, self.en)
        if problem.position is not None:
            # The position is in the text as stored, which lost its leading blanks.
            text = editor.toPlainText()
            at = problem.position + len(text) - len(text.lstrip())
            cursor = editor.textCursor()
            cursor.setPosition(len(text[:at].encode("utf-16-le")) // 2)  # Qt counts UTF-16
            editor.setTextCursor(cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
