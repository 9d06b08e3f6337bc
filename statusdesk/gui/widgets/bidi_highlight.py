"""Direction controls that garble text, marked in the editor, and the one-key fix for them.

The controls themselves are invisible. Qt can draw them (QTextOption.ShowDefaultIgnorables), but
what appears depends on the font (DejaVu Sans draws the embeddings with zero width, the isolates
as a box) and the option is per document, so it would also show every harmless isolate and the
joiners Arabic text uses. So we mark text instead: from the control to where its effect stops
(the rest of the paragraph for one never closed, the reversed run for an override), and one
character either side of the control, so even a stray closer that affects nothing has something
visible around it. What is suspicious, and why, comes from core.text.sanitize.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from statusdesk.core.text.sanitize import bidi_fix_edits, suspicious_controls

# QTextDocument.toPlainText(), which is what gets checked and published, turns a line separator
# (Shift+Enter) into a line break; a block is checked the same way so the marks agree with the
# problems listed under the composer. One character for one: positions stay.
LINE_SEPARATOR = "\u2028"


def suspicious_format() -> QTextCharFormat:
    """Amber behind the text (translucent, so it reads on light and dark themes) and a red wave
    under it, like a spelling mistake."""
    marked = QTextCharFormat()
    marked.setBackground(QColor(255, 140, 0, 110))
    marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    marked.setUnderlineColor(QColor("#dc2626"))
    return marked


class BidiHighlighter(QSyntaxHighlighter):
    """Marks suspicious direction controls block by block: a paragraph's controls cannot
    affect another paragraph, so an edit re-checks one block, even in a 100,000-character
    body."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.marked = suspicious_format()

    def highlightBlock(self, text: str) -> None:
        for first, last in marked_spans(text):
            self.setFormat(first, last - first, self.marked)


def marked_spans(text: str) -> list[tuple[int, int]]:
    """What to mark in one block, overlaps merged: setFormat costs the length it covers, and a
    paste with thousands of unclosed controls would otherwise cover the paragraph thousands of
    times."""
    spans: list[tuple[int, int]] = []
    for start, end, _reason in suspicious_controls(text.replace(LINE_SEPARATOR, "\n")):
        first, last = max(0, start - 1), min(len(text), max(end, start + 2))
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def apply_bidi_fix(editor: QPlainTextEdit) -> bool:
    """Apply core.text.sanitize's fix to the editor's text, as one undoable edit; whether
    anything changed.

    Only the controls concerned are removed or added, each in place, so the rest of the text,
    the scroll position and the cursor (which moves with the text around it) stay put. A closer
    added right at the cursor goes after it: what is typed next stays inside the embedding or
    isolate it was going into, as it would have before the fix.
    """
    edits = bidi_fix_edits(editor.toPlainText())
    if not edits:
        return False
    caret = editor.textCursor()
    had_selection = caret.hasSelection()
    caret.setKeepPositionOnInsert(True)
    editor.setTextCursor(caret)
    cursor = QTextCursor(editor.document())
    cursor.beginEditBlock()
    for edit in reversed(edits):  # from the end, so the positions still ahead stay valid
        cursor.setPosition(edit.start)
        cursor.setPosition(edit.end, QTextCursor.MoveMode.KeepAnchor)
        if edit.insert:
            cursor.insertText(edit.insert)
        else:
            cursor.removeSelectedText()
    cursor.endEditBlock()
    caret = editor.textCursor()
    caret.setKeepPositionOnInsert(False)
    if not had_selection:
        caret.clearSelection()  # Qt keeps the position but moves the anchor past the insertion
    editor.setTextCursor(caret)
    return True
