"""How the interface reads in its language (issue #16): which of the two languages comes first,
and the digits numbers are shown in.

The interface is Arabic when the application runs right to left (i18n/language.py sets the one
with the other, before any widget is built). Then the Arabic editor comes first in reading
order — on the right, first for Tab and for a screen reader — and numbers follow the
workspace's `display.digits` (latn | arab); in English, the English editor first and Latin
digits always. The setting is kept here once (`apply_digits`: gui/desk/display.py at start,
the settings window when it saves it), never read from the workspace at paint time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from string import Formatter
from typing import TypeVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from statusdesk.core.model import BilingualText
from statusdesk.core.text.digits import with_digits
from statusdesk.core.words import Words
from statusdesk.gui.i18n import left_to_right_run

_digits = "latn"  # display.digits as last applied
T = TypeVar("T")


def arabic_interface() -> bool:
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def reading_order() -> tuple[str, str]:
    """The two languages of an update in the interface's reading order."""
    return ("ar", "en") if arabic_interface() else ("en", "ar")


def in_reading_order(items: Iterable[T], language: Callable[[T], str]) -> tuple[T, ...]:
    """`items` (a preview's copies, fragments) with the interface's first language first; a
    copy in both languages, or in another, keeps its place after them."""
    rank = {lang: place for place, lang in enumerate(reading_order())}
    return tuple(sorted(items, key=lambda item: rank.get(language(item), len(rank))))


def place_pair(
    grid: QGridLayout, editors: Mapping[str, QWidget], labels: Mapping[str, QLabel]
) -> list[QWidget]:
    """An English and an Arabic editor under their labels, side by side in reading order: the
    first in column 0 (the left in English, the right in Arabic: the grid mirrors with the
    window), each label over its editor's own start. The editors in that order, for Tab."""
    placed = []
    for column, lang in enumerate(reading_order()):
        side = Qt.AlignmentFlag.AlignRight if lang == "ar" else Qt.AlignmentFlag.AlignLeft
        labels[lang].setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        labels[lang].setBuddy(editors[lang])
        grid.addWidget(labels[lang], 0, column)
        grid.addWidget(editors[lang], 1, column)
        grid.setColumnStretch(column, 1)
        placed.append(editors[lang])
    return placed


def apply_digits(value: str) -> None:
    """Keep `display.digits` (latn | arab) for the numbers shown from now on."""
    global _digits
    _digits = "arab" if value == "arab" else "latn"


def chosen_digits() -> str:
    """`display.digits` as last applied, whatever the interface's language."""
    return _digits


def digits() -> str:
    """The digits the interface shows numbers in now: latn, or arab in an Arabic interface
    whose workspace chose them."""
    return _digits if arabic_interface() else "latn"


def numerals(text: str) -> str:
    """`text`, made by the app (a count, a time, a translated sentence with its numbers: never
    user text, whose digits are the writer's), with its digits in the interface's digits. Also
    what turns the Latin digits Qt puts for a plural's %n into Arabic-Indic ones."""
    return with_digits(text, digits())


def number(value: int) -> str:
    return numerals(str(value))


def grouped(value: int) -> str:
    """A count with its thousands grouped, in the interface's digits: "12,345" in Latin ones,
    "١٢٬٣٤٥" in Arabic-Indic ones (CLDR's Arabic, through QLocale: its digits and separator)."""
    if digits() == "arab":
        return QLocale(QLocale.Language.Arabic).toString(value)
    return f"{value:,}"


def numbers_locale() -> QLocale:
    """The locale a widget formats its own numbers with (a progress bar's "42%"): CLDR's Arabic
    when the interface shows Arabic-Indic digits, C's (Latin digits) otherwise."""
    return QLocale(QLocale.Language.Arabic) if digits() == "arab" else QLocale.c()


def counts_in_digits(text: str) -> str:
    """What a layer below the GUI said (core/words.Words) with its whole-number parameters
    ("Page {number} of {total}…", "repeats line {line}") grouped in the interface's digits,
    ready for `localised`; anything else, or Latin digits, as it is. A parameter the template
    formats itself (`{length:,}`) is left to it."""
    if not isinstance(text, Words) or digits() != "arab":
        return text
    plain = {name for _, name, spec, _ in Formatter().parse(text.template) if name and not spec}
    changed = {
        name: grouped(value)
        for name, value in text.params.items()
        if name in plain and isinstance(value, int) and not isinstance(value, bool)
    }
    return text.refilled(**changed) if changed else text


def day_and_month(moment: datetime) -> str:
    """ "05 Nov" in English; "5 نوفمبر" in Arabic (CLDR's month names, as the status page's
    babel writes them) — in the interface's digits either way."""
    if not arabic_interface():
        return f"{moment:%d %b}"
    month = QLocale(QLocale.Language.Arabic).monthName(moment.month, QLocale.FormatType.LongFormat)
    return numerals(f"{moment.day} {month}")


def time_run(text: str) -> str:
    """A clock time with its zone ("11:48 UTC") as one run read left to right: in an Arabic
    sentence it is isolated (LRI…PDI), else the bidi algorithm splits digits from the zone's
    letters and, beside a parenthesised second time, runs the two together ("UTC (11:48 UTC)
    11:48"). English text is left as it is."""
    return left_to_right_run(text)


def in_interface_language(text: BilingualText) -> str:
    """A name kept in both languages (a component's), in the interface's language first, the
    other when that one is empty."""
    first, second = reading_order()
    return text.get(first) or text.get(second)


def mirrored_margins(left: int, top: int, right: int, bottom: int) -> tuple[int, int, int, int]:
    """A layout's margins as drawn for a left-to-right window, swapped in an Arabic one: Qt
    mirrors a layout's items, not its margins, so a gap meant for the window's outer edge would
    land against the splitter handle (and the list's border one pixel past the window's)."""
    return (right, top, left, bottom) if arabic_interface() else (left, top, right, bottom)
