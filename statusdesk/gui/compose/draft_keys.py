"""The composer's keyboard: where Ctrl+P, Ctrl+L, Ctrl+U, Ctrl+1..4 and Ctrl+T take the keyboard
and what they change, and the jump from a listed problem to the text it is about. Given only the
draft's fields, the preview panel and the Publish button (composer.py wires the keys to it)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton, QWidget

from statusdesk.core.model import BilingualText, IncidentState
from statusdesk.gui.compose.draft_fields import DraftFields
from statusdesk.gui.compose.preview import PreviewPanel
from statusdesk.gui.widgets.editors import BodyEditor, TitleEdit


class DraftKeys:
    def __init__(self, fields: DraftFields, preview: PreviewPanel, publish: QPushButton) -> None:
        self._fields = fields
        self._preview = preview
        self._publish = publish
        self._before_preview: QWidget | None = None  # where Ctrl+P came from, to go back to

    def toggle_preview(self, focused: QWidget | None) -> None:
        """Ctrl+P: to the previews, and back to the field the keyboard came from."""
        if self._preview.contains(focused):
            back = self._before_preview
            usable = (
                back is not None
                and shiboken6.isValid(back)  # not a component row removed since
                and back.isVisible()
                and not self._preview.contains(back)
            )
            if back is None or not usable:
                back = self._fields.body_en
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self._before_preview = focused
        self._preview.focus_panel()

    def insert_template(self, body: BilingualText, state: IncidentState | None) -> None:
        """Ctrl+T: a filled template into both editors at once — in place of an empty text, at
        the cursor otherwise, as one undoable edit per editor — and its state chosen. The
        keyboard lands at the end of the English insertion."""
        fields = self._fields
        for editor, text in ((fields.body_ar, body.ar), (fields.body_en, body.en)):
            if not text:
                continue
            cursor = editor.textCursor()
            if not editor.toPlainText().strip():
                cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            editor.setTextCursor(cursor)
        if state is not None:
            index = fields.state.findData(state.value)
            if index >= 0:
                fields.state.setCurrentIndex(index)
        fields.body_en.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_state_number(self, number: int) -> None:
        """Ctrl+1..4: the number-th state of this incident's kind."""
        if 1 <= number <= self._fields.state.count():
            self._fields.state.setCurrentIndex(number - 1)

    def focus_english(self) -> None:
        self._fields.body_en.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_first_field(self, new_incident: bool) -> None:
        """A new incident: its first title in reading order (Arabic in an Arabic interface, where
        Tab goes on to the English one); an update: the English body, as Ctrl+U."""
        fields = self._fields
        target = fields.titles[fields.order[0]] if new_incident else fields.body_en
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def switch_language(self, focused: QWidget | None) -> None:
        """Ctrl+L: English ↔ Arabic, for the body or the title the cursor is in."""
        fields = self._fields
        pairs = {
            fields.body_en: fields.body_ar,
            fields.body_ar: fields.body_en,
            fields.title_en: fields.title_ar,
            fields.title_ar: fields.title_en,
        }
        target = pairs.get(focused) if focused is not None else None
        (target or fields.body_en).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def jump_to(self, field_name: str, position: int) -> None:
        """From a listed problem to its field, the character it is about selected."""
        fields = self._fields
        first_box = next(iter(fields.ticks.boxes()), self._publish)
        targets: dict[str, QWidget] = {
            "body_en": fields.body_en,
            "body_ar": fields.body_ar,
            "body": fields.body_en,
            "title_en": fields.title_en,
            "title_ar": fields.title_ar,
            "title": fields.title_en,
            "state": fields.state,
            "channels": first_box,
            "skip_reason": first_box,
        }
        widget = targets.get(field_name)
        if widget is None:
            return
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, BodyEditor) and position >= 0:
            cursor = widget.textCursor()
            cursor.setPosition(min(position, widget.document().characterCount() - 1))
            cursor.movePosition(
                QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
            )
            widget.setTextCursor(cursor)
        elif isinstance(widget, TitleEdit) and position >= 0:
            widget.setSelection(position, 1)
