"""Bidi safety in the body editors: suspicious direction controls are marked, one call fixes
them as a single undoable edit, and an Arabic paragraph keeps its Latin runs in order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor

from statusdesk.core.text.sanitize import bidi_problems, fix_bidi_controls
from statusdesk.gui.widgets.bidi_highlight import apply_bidi_fix
from statusdesk.gui.widgets.editors import BodyEditor

RLE, PDF, RLO, LRI, PDI = "\u202b", "\u202c", "\u202e", "\u2066", "\u2069"


def editor_with(qtbot, lang: str, text: str) -> BodyEditor:  # type: ignore[no-untyped-def]
    editor = BodyEditor(lang)
    qtbot.addWidget(editor)
    editor.resize(500, 200)
    editor.setPlainText(text)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def marked_ranges(editor: BodyEditor) -> list[tuple[int, int, int]]:
    """(block number, start, length) of every wave-underlined range the highlighter set."""
    found = []
    block = editor.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                found.append((block.blockNumber(), fmt.start, fmt.length))
        block = block.next()
    return found


def amber_pixels(editor: BodyEditor) -> int:
    image = editor.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            if color.red() > 230 and 170 < color.green() < 230 and color.blue() < 180:
                count += 1
    return count


def test_an_unclosed_rle_is_marked_to_the_end_of_its_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = editor_with(qtbot, "ar", f"نص {RLE}مفتوح\nسطر سليم")
    # From the character before the RLE (at 3) to the end of the first line; not the second.
    assert marked_ranges(editor) == [(0, 2, 7)]
    assert amber_pixels(editor) > 50


def test_a_stray_closer_is_marked_with_its_neighbours(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = editor_with(qtbot, "en", f"ab{PDF}cd")
    assert marked_ranges(editor) == [(0, 1, 3)]


def test_overlapping_marks_are_merged(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A paste with many unclosed controls marks its paragraph once, not once per control."""
    editor = editor_with(qtbot, "en", f"x{RLE}y" * 500 + f"\nz{PDF}")
    assert marked_ranges(editor) == [(0, 0, 1500), (1, 0, 2)]


def test_balanced_text_is_not_marked(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = editor_with(qtbot, "ar", f"الخدمة {LRI}API v2{PDI} متوقفة {RLE}مضمن{PDF}")
    assert marked_ranges(editor) == []
    assert amber_pixels(editor) == 0


def test_marks_follow_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = editor_with(qtbot, "en", "plain")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(RLO)
    assert marked_ranges(editor) == [(0, 4, 2)]
    cursor.insertText(f"txt{PDF}")
    assert marked_ranges(editor) == [(0, 4, 6)]  # the override is suspicious even when closed


def test_the_fix_removes_every_problem_and_one_undo_brings_the_text_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    original = f"a{PDF}b {RLE}open\nfile_{RLO}fdp.exe{PDF} ok"
    editor = editor_with(qtbot, "en", original)
    assert apply_bidi_fix(editor)
    fixed = editor.toPlainText()
    assert fixed == fix_bidi_controls(original) == f"ab {RLE}open{PDF}\nfile_fdp.exe ok"
    assert bidi_problems(fixed, "body_en") == []
    assert marked_ranges(editor) == []
    editor.undo()
    assert editor.toPlainText() == original
    assert marked_ranges(editor) != []
    editor.redo()
    assert editor.toPlainText() == fixed


def test_the_cursor_stays_between_the_same_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = editor_with(qtbot, "en", f"a{PDF}b{PDF}cd|ef{RLE}g")
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("|"))
    editor.setTextCursor(cursor)
    assert apply_bidi_fix(editor)
    text, at = editor.toPlainText(), editor.textCursor().position()
    assert (text[:at], text[at:]) == ("abcd", f"|ef{RLE}g{PDF}")


def test_typing_after_the_fix_stays_inside_the_embedding(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = editor_with(qtbot, "en", f"a {RLE}open")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert apply_bidi_fix(editor)
    editor.insertPlainText("ed")
    assert editor.toPlainText() == f"a {RLE}opened{PDF}"
    editor.insertPlainText("!")  # and typing goes on as usual
    assert editor.toPlainText() == f"a {RLE}opened!{PDF}"


def test_balanced_text_is_left_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = f"الخدمة {LRI}API v2{PDI} متوقفة"
    editor = editor_with(qtbot, "ar", text)
    assert not apply_bidi_fix(editor)
    assert editor.toPlainText() == text
    assert not editor.document().isUndoAvailable()


def test_arabic_paragraphs_are_right_to_left_with_latin_runs_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Even when the paragraph opens with a Latin word, which on its own would make Qt (and
    UAX #9's first-strong rule) lay it out left to right and put "API v2" first on the left."""
    text = "API v2 متوقف منذ 14:30"
    editor = editor_with(qtbot, "ar", text)
    assert editor.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    line = editor.document().firstBlock().layout().lineAt(0)

    def x(index: int) -> float:
        return line.cursorToX(index)[0]

    # Positions inside each run: at a run's edge the cursor has two places, one per direction.
    latin = [x(1), x(5)]  # A|PI v|2
    arabic = [x(8), x(10)]  # inside متوقف
    time = [x(text.index("14:30") + 1), x(len(text) - 1)]  # 1|4:3|0
    assert latin[0] < latin[1]  # "API v2" reads left to right ...
    assert arabic[1] < arabic[0] < latin[0]  # ... right of the Arabic, which reads right to left
    assert time[0] < time[1] < arabic[1]  # "14:30" reads left to right, after (left of) it
