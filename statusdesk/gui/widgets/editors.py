"""Text fields pinned to their language's direction, whatever direction the app runs in.

The English field is left to right, the Arabic one right to left, even in an app mirrored for an
Arabic locale or an English one. QPlainTextEdit lays an RTL paragraph out right to left but still
aligns it to the left unless told otherwise, and a plain AlignRight is mirrored back to the left
in an RTL widget: the side is pinned with AlignAbsolute.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QTextOption
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from statusdesk.core.text.bidi import LANG_DIRECTION
from statusdesk.gui.widgets.bidi_highlight import BidiHighlighter
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP

ARABIC_SCALE = 1.15  # Arabic script at the same point size reads smaller than Latin
# Arabic text's typefaces, first found wins (docs/VISUAL.md): Debian's fonts-noto-core has both
# Noto faces; without them the interface's own font (DejaVu Sans covers Arabic) draws it.
ARABIC_FAMILIES = ("Noto Naskh Arabic", "Noto Sans Arabic")


def arabic_font(font: QFont) -> QFont:
    """`font` for Arabic text: its families tried after the Arabic ones, ARABIC_SCALE larger."""
    arabic = QFont(font)
    arabic.setFamilies([*ARABIC_FAMILIES, *font.families()])
    arabic.setPointSizeF(font.pointSizeF() * ARABIC_SCALE)
    return arabic


PLACEHOLDERS = {
    "en": QT_TRANSLATE_NOOP(
        "Editors", "English: what is happening, what users see, when the next update comes"
    ),
    "ar": "العربية: ما الذي يحدث، وما يراه المستخدمون، وموعد التحديث القادم",
}
TITLE_PLACEHOLDERS = {
    "en": QT_TRANSLATE_NOOP("Editors", "Title in English"),
    "ar": "العنوان بالعربية",
}


def direction_for(lang: str) -> Qt.LayoutDirection:
    if LANG_DIRECTION[lang] == "rtl":
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def side_for(lang: str) -> Qt.AlignmentFlag:
    if LANG_DIRECTION[lang] == "rtl":
        return Qt.AlignmentFlag.AlignRight
    return Qt.AlignmentFlag.AlignLeft


def _scale_font(widget: QWidget, lang: str) -> None:
    if lang == "ar":
        widget.setFont(arabic_font(widget.font()))


class BodyEditor(QPlainTextEdit):
    """One language's update body. QPlainTextEdit, not QTextEdit: plain text is all we publish,
    and it lays out a 100,000-character paste without rich-text machinery.

    The paragraph direction is the language's, not guessed from the first letter, so an Arabic
    paragraph that opens with "API" still reads right to left and the Latin runs inside it sit
    in their right order. Suspicious direction controls are marked (bidi_highlight); titles are
    QLineEdits, which cannot carry a highlighter, and their problems are listed instead.
    """

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName(f"body-{lang}")
        self.setAccessibleName(
            self.tr("English update") if lang == "en" else self.tr("Arabic update")
        )
        self.setPlaceholderText(QCoreApplication.translate("Editors", PLACEHOLDERS[lang]))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        direction = direction_for(lang)
        self.setLayoutDirection(direction)
        option = self.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(side_for(lang) | Qt.AlignmentFlag.AlignAbsolute)
        self.document().setDefaultTextOption(option)
        _scale_font(self, lang)
        self.bidi_highlighter = BidiHighlighter(self.document())


class TitleEdit(QLineEdit):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName(f"title-{lang}")
        self.setAccessibleName(
            self.tr("English title") if lang == "en" else self.tr("Arabic title")
        )
        self.setPlaceholderText(QCoreApplication.translate("Editors", TITLE_PLACEHOLDERS[lang]))
        self.setLayoutDirection(direction_for(lang))
        self.setAlignment(side_for(lang) | Qt.AlignmentFlag.AlignAbsolute)
        _scale_font(self, lang)
