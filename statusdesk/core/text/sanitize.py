"""Normalise user text and find direction controls that would garble it.

An unbalanced embedding or isolate leaks its direction into whatever text follows it on a page or
in a post, which can reorder the numbers and times an outage update depends on. An override
(LRO/RLO) is worse even when balanced: it shows the characters it covers in reverse, so what a
reader sees is not what the text says (the trick behind "Trojan Source" and spoofed file names).
We never silently "fix" such text: we say where the problem is, and the writer may ask for the
fix with one key (`fix_bidi_controls`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from statusdesk.core.model import Problem, Severity
from statusdesk.core.words import QT_TRANSLATE_NOOP, Words

# Embeddings/overrides are closed by PDF; isolates by PDI.
EMBEDDINGS = {"\u202a": "LRE", "\u202b": "RLE", "\u202d": "LRO", "\u202e": "RLO"}
OVERRIDES = frozenset(["\u202d", "\u202e"])
POP_DIRECTIONAL_FORMATTING = "\u202c"
ISOLATES = {"\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI"}
POP_DIRECTIONAL_ISOLATE = "\u2069"
BIDI_CONTROLS = frozenset(
    [*EMBEDDINGS, POP_DIRECTIONAL_FORMATTING, *ISOLATES, POP_DIRECTIONAL_ISOLATE]
)
# Byte-order marks and noncharacters have no business inside a status update.
FORBIDDEN: dict[str, str] = {
    "\ufeff": QT_TRANSLATE_NOOP("Problems", "a byte-order mark (U+FEFF)"),
    "\ufffe": "U+FFFE",
    "\uffff": "U+FFFF",
}

# Control characters (issue #12 §3). Two kinds, treated differently on purpose:
#
# - Line breaks in other clothes: VT (\x0b, what Word puts on the clipboard for a manual line
#   break, Shift+Enter), FF (\x0c, a page break), NEL (U+0085) and the Unicode line and
#   paragraph separators U+2028/U+2029 (what macOS, Pages and web editors paste). The writer
#   meant a line break and cannot see the character: refusing it in the middle of an outage
#   would send them hunting for something invisible. `normalize` makes each a plain "\n", so
#   the text then follows the usual line rules (a title stays one line).
# - Every other C0 control but tab and newline (NUL, BEL, backspace, ESC...), DEL and the C1
#   controls U+0080–U+009F. They carry no text a reader could want; raw, they make an Atom
#   feed invalid XML, are refused or shown as boxes by X, Statuspage and chat apps, and drive
#   terminals (ESC). They are refused with a Problem that says where and which one (never
#   dropped silently: what goes out is what was written); the bidi fix key removes them.
#
# A line-break control met before `normalize` ran is reported too (and the fix turns it into a
# newline), so no path lets one reach a channel raw.
LINE_BREAK_CONTROLS = frozenset("\x0b\x0c\x85\u2028\u2029")
CONTROLS = frozenset(
    chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r"
)
_CONTROL_NAMES: dict[str, str] = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": QT_TRANSLATE_NOOP("Problems", "backspace"),
    "\x0b": QT_TRANSLATE_NOOP("Problems", "vertical tab: a pasted manual line break"),
    "\x0c": QT_TRANSLATE_NOOP("Problems", "form feed"),
    "\x1b": "ESC",
    "\x7f": "DEL",
    "\x85": QT_TRANSLATE_NOOP("Problems", "next line"),
}

# Everything the scan stops at; the rest of a 100,000-character body is skipped at regex speed.
_SCANNED = re.compile(
    "[\n"
    + "".join(sorted(BIDI_CONTROLS))
    + "".join(FORBIDDEN)
    + "".join(re.escape(ch) for ch in sorted(CONTROLS))
    + "]"
)
_LINE_BREAKS = re.compile("\r\n|[\r" + "".join(sorted(LINE_BREAK_CONTROLS)) + "]")


def normalize(text: str) -> str:
    """NFC, and Windows/Mac line endings and the line-break controls (VT, FF, NEL, U+2028,
    U+2029; see LINE_BREAK_CONTROLS) folded to \\n."""
    return unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))


def clean(text: str) -> str:
    """What people type, as it is kept: normalized (see `normalize`) without the blank edges.
    The one cleaning every use case applies to titles, bodies, reasons and custom texts."""
    return normalize(text).strip()


def forbidden_description(ch: str) -> str:
    """What a forbidden character is, for a Problem: 'the control character U+001B (ESC)'."""
    if ch in FORBIDDEN:
        return FORBIDDEN[ch]
    name = _CONTROL_NAMES.get(ch)
    if name:
        return QT_TRANSLATE_NOOP("Problems", "the control character {code} ({name})").format(
            code=f"U+{ord(ch):04X}", name=name
        )
    return QT_TRANSLATE_NOOP("Problems", "the control character {code}").format(
        code=f"U+{ord(ch):04X}"
    )


def is_forbidden(ch: str) -> bool:
    return ch in FORBIDDEN or ch in CONTROLS


_SCRUBBED = re.compile("[" + "".join(re.escape(ch) for ch in sorted({*CONTROLS, *FORBIDDEN})) + "]")


def scrub(text: str) -> str:
    """The last line of defence, for text on its way out that never met these checks (stored
    before they existed): each line-break control becomes a newline, every other control and
    forbidden character goes. Input is refused before it gets here (validation)."""
    if text.isprintable():  # nothing _SCRUBBED matches is printable: the common case, in C
        return text
    return _SCRUBBED.sub(lambda m: "\n" if m.group() in LINE_BREAK_CONTROLS else "", text)


def control_name(ch: str) -> str:
    return {
        **EMBEDDINGS,
        **ISOLATES,
        POP_DIRECTIONAL_FORMATTING: "PDF",
        POP_DIRECTIONAL_ISOLATE: "PDI",
    }.get(ch, f"U+{ord(ch):04X}")


@dataclass(frozen=True)
class _Opening:
    """An embedding, override or isolate, and where its effect stops."""

    position: int
    control: str
    closer: int | None  # the PDF/PDI that closes it; None when nothing does
    scope_end: int  # its closer, or the PDI or paragraph end that closes it implicitly


@dataclass(frozen=True)
class _Scan:
    openings: list[_Opening]
    stray_closers: list[int]
    forbidden: list[int]


def _scan(text: str) -> _Scan:
    """Match openers with closers the way UAX #9 rules X1–X8 do (without the depth limit).

    bidi_problems, suspicious_controls and the fix all read this one scan, so what is
    reported, what is highlighted and what the fix changes cannot disagree.
    """
    openings: list[_Opening] = []
    stray: list[int] = []
    forbidden: list[int] = []
    stack: list[tuple[str, int]] = []  # (control, position), innermost last

    def end_scopes(keep: int, at: int) -> None:
        while len(stack) > keep:
            control, opened = stack.pop()
            openings.append(_Opening(opened, control, None, at))

    for match in _SCANNED.finditer(text):
        pos, ch = match.start(), match.group()
        if is_forbidden(ch):
            forbidden.append(pos)
        elif ch == "\n":
            end_scopes(0, pos)  # X8: a paragraph end closes everything
        elif ch in EMBEDDINGS or ch in ISOLATES:
            stack.append((ch, pos))
        elif ch == POP_DIRECTIONAL_FORMATTING:
            # X7: PDF closes the innermost embedding, but never across an open isolate.
            if stack and stack[-1][0] in EMBEDDINGS:
                control, opened = stack.pop()
                openings.append(_Opening(opened, control, pos, pos))
            else:
                stray.append(pos)
        else:  # PDI
            isolate = next(
                (i for i in range(len(stack) - 1, -1, -1) if stack[i][0] in ISOLATES), None
            )
            if isolate is None:
                stray.append(pos)  # X6a: a PDI that matches no isolate is ignored entirely
            else:
                # X6a: it closes its isolate and whatever embeddings were opened inside it.
                end_scopes(isolate + 1, pos)
                control, opened = stack.pop()
                openings.append(_Opening(opened, control, pos, pos))
    end_scopes(0, len(text))
    return _Scan(openings, stray, forbidden)


def bidi_problems(text: str, field: str) -> list[Problem]:
    """Every unbalanced direction control and forbidden character, with its position.

    Paragraph breaks end every open embedding and isolate (UAX #9 rule X8), so a control still
    open at the end of a line is reported there too.
    """
    scan = _scan(text)
    problems = [
        Problem(
            field,
            QT_TRANSLATE_NOOP(
                "Problems", "Text contains {character}, which no channel can show; remove it"
            ).format(character=forbidden_description(text[pos])),
            Severity.ERROR,
            pos,
        )
        for pos in scan.forbidden
    ]
    problems += [
        Problem(
            field,
            QT_TRANSLATE_NOOP("Problems", "Direction control {control} is never closed").format(
                control=control_name(opening.control)
            ),
            Severity.ERROR,
            opening.position,
        )
        for opening in scan.openings
        if opening.closer is None
    ]
    problems += [
        Problem(
            field,
            QT_TRANSLATE_NOOP("Problems", "Direction control {control} closes nothing").format(
                control=control_name(text[pos])
            ),
            Severity.ERROR,
            pos,
        )
        for pos in scan.stray_closers
    ]
    problems.sort(key=lambda p: p.position if p.position is not None else -1)
    return problems


class SuspiciousControl(NamedTuple):
    """A control worth pointing at: it sits at `start`; `start:end` is the text it affects
    (just the control itself for one that affects nothing)."""

    start: int
    end: int
    reason: Words


def suspicious_controls(text: str) -> list[SuspiciousControl]:
    """Everything `bidi_problems` reports, plus every override (LRO/RLO), balanced or not.

    The span of an unclosed control runs to where its effect stops (the paragraph end, or the
    PDI of an isolate around it), so a highlighter can show what it garbles. Paragraphs are
    independent: checking one line of a text gives that line's part of checking the whole.
    """
    scan = _scan(text)
    found = [
        SuspiciousControl(
            pos,
            pos + 1,
            QT_TRANSLATE_NOOP("Problems", "Text contains {character}; remove it.").format(
                character=forbidden_description(text[pos])
            ),
        )
        for pos in scan.forbidden
    ]
    found += [
        SuspiciousControl(
            pos,
            pos + 1,
            QT_TRANSLATE_NOOP("Problems", "Direction control {control} closes nothing.").format(
                control=control_name(text[pos])
            ),
        )
        for pos in scan.stray_closers
    ]
    for opening in scan.openings:
        name = control_name(opening.control)
        if opening.control in OVERRIDES:
            end = opening.scope_end if opening.closer is None else opening.closer + 1
            reversed_ = (
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "Direction override {control} shows the text after it in reverse, so it "
                    "reads differently from what it says (a spoofing trick). It is never closed.",
                )
                if opening.closer is None
                else QT_TRANSLATE_NOOP(
                    "Problems",
                    "Direction override {control} shows the text after it in reverse, so it "
                    "reads differently from what it says (a spoofing trick).",
                )
            )
            found.append(SuspiciousControl(opening.position, end, reversed_.format(control=name)))
        elif opening.closer is None:
            found.append(
                SuspiciousControl(
                    opening.position,
                    opening.scope_end,
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "Direction control {control} is never closed, so it changes the "
                        "direction of the text after it.",
                    ).format(control=name),
                )
            )
    found.sort()
    return found


class BidiEdit(NamedTuple):
    """Replace `text[start:end]` with `insert`."""

    start: int
    end: int
    insert: str


def bidi_fix_edits(text: str) -> list[BidiEdit]:
    """The edits `fix_bidi_controls` makes, in text order, for an editor to apply in place
    (from the last to the first, so earlier positions stay valid).

    - A stray PDF/PDI and a forbidden character are removed: they affect nothing (a
      line-break control becomes the newline it stood for).
    - An unclosed embedding or isolate gets its closer where its effect already stops (the
      paragraph end, or the PDI of the isolate around it). The text looks exactly as before
      in the editor, but no longer leaks its direction into whatever a page or post puts
      after it.
    - An override is removed, with its PDF. Closing it instead would keep the reversed,
      misleading display; nothing in a status update needs one (an isolate sets a direction
      without reordering the characters).
    """
    scan = _scan(text)
    removed = [*scan.forbidden, *scan.stray_closers]
    closers: dict[int, list[_Opening]] = {}
    for opening in scan.openings:
        if opening.control in OVERRIDES:
            removed.append(opening.position)
            if opening.closer is not None:
                removed.append(opening.closer)
        elif opening.closer is None:
            closers.setdefault(opening.scope_end, []).append(opening)
    edits = [
        BidiEdit(pos, pos + 1, "\n" if text[pos] in LINE_BREAK_CONTROLS else "") for pos in removed
    ]
    for at, openings in closers.items():
        innermost_first = sorted(openings, key=lambda o: o.position, reverse=True)
        edits.append(
            BidiEdit(
                at,
                at,
                "".join(
                    POP_DIRECTIONAL_ISOLATE if o.control in ISOLATES else POP_DIRECTIONAL_FORMATTING
                    for o in innermost_first
                ),
            )
        )
    edits.sort()
    return edits


def fix_bidi_controls(text: str) -> str:
    """The one-key fix: text without bidi problems or overrides, words untouched
    (see bidi_fix_edits for what changes and why). Text with nothing suspicious is returned
    as is."""
    pieces: list[str] = []
    pos = 0
    for edit in bidi_fix_edits(text):
        pieces += [text[pos : edit.start], edit.insert]
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


def strip_bidi_controls(text: str) -> str:
    """Drop every explicit direction control and forbidden character: for output that isolates
    each language itself (the renderer's own algorithm then orders the text correctly)."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS and not is_forbidden(ch))
