"""Direction of text, decided in the core so every surface (GUI, HTML, PDF) agrees."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Literal

Direction = Literal["ltr", "rtl"]

LANG_DIRECTION: dict[str, Direction] = {"en": "ltr", "ar": "rtl"}


def first_strong_direction(text: str) -> Direction | None:
    """The direction of the first strong character (UAX #9 P2), None when there is none."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return "ltr"
        if bidi in ("R", "AL"):
            return "rtl"
    return None


def is_rtl(text: str) -> bool:
    return first_strong_direction(text) == "rtl"


# A left-to-right run inside right-to-left text: Latin words, ids, URLs, times, numbers and the
# punctuation that binds them ("API-v2", "14:30 UTC", "https://x.example/a?b=1"). Spaces are
# included only between two Latin-ish pieces so that "14:30 UTC" stays one isolated run.
# A sign before a digit belongs to the number: "+03" (a zone offset), "-5", "−2" (U+2212). Left
# outside the run, a right-to-left line shows it after the digits ("03+").
_LTR_PIECE = (
    r"(?:https?://\S+|(?:[+\u2212-](?=[0-9]))?"
    r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.:/_#%+\-@=&?,]*)"
)
_LTR_RUN = re.compile(rf"{_LTR_PIECE}(?:[ \t]+{_LTR_PIECE})*")
_TRAILING_PUNCT = ".,:;?!"


def ltr_runs(text: str) -> Iterator[tuple[bool, str]]:
    """Split text into (is_ltr_run, piece) so a renderer can isolate the Latin runs of Arabic.

    Joining the pieces gives the text back unchanged. Sentence punctuation at the end of a run
    belongs to the surrounding Arabic sentence, not the run.
    """
    pos = 0
    for match in _LTR_RUN.finditer(text):
        start, end = match.span()
        run = match.group()
        stripped = run.rstrip(_TRAILING_PUNCT)
        end -= len(run) - len(stripped)
        if not stripped:
            continue
        if start > pos:
            yield False, text[pos:start]
        yield True, text[start:end]
        pos = end
    if pos < len(text):
        yield False, text[pos:]
