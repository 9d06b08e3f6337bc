"""Normalise user text and find direction controls that would garble it.

An unbalanced embedding or isolate leaks its direction into whatever text follows it on a page or
in a post, which can reorder the numbers and times an outage update depends on. We never silently
"fix" such text; we say where the problem is and let the writer decide.
"""

from __future__ import annotations

import unicodedata

from statusdesk.core.model import Problem, Severity

# Embeddings/overrides are closed by PDF; isolates by PDI.
EMBEDDINGS = {"\u202a": "LRE", "\u202b": "RLE", "\u202d": "LRO", "\u202e": "RLO"}
POP_DIRECTIONAL_FORMATTING = "\u202c"
ISOLATES = {"\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI"}
POP_DIRECTIONAL_ISOLATE = "\u2069"
BIDI_CONTROLS = frozenset(
    [*EMBEDDINGS, POP_DIRECTIONAL_FORMATTING, *ISOLATES, POP_DIRECTIONAL_ISOLATE]
)
# Byte-order marks and noncharacters have no business inside a status update.
FORBIDDEN = {"\ufeff": "a byte-order mark (U+FEFF)", "\ufffe": "U+FFFE", "\uffff": "U+FFFF"}


def normalize(text: str) -> str:
    """NFC, and Windows/Mac line endings folded to \\n."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def control_name(ch: str) -> str:
    return {
        **EMBEDDINGS,
        **ISOLATES,
        POP_DIRECTIONAL_FORMATTING: "PDF",
        POP_DIRECTIONAL_ISOLATE: "PDI",
    }.get(ch, f"U+{ord(ch):04X}")


def bidi_problems(text: str, field: str) -> list[Problem]:
    """Every unbalanced direction control and forbidden character, with its position.

    Paragraph breaks end every open embedding and isolate (UAX #9 rule X8), so a control still
    open at the end of a line is reported there too.
    """
    problems: list[Problem] = []
    stack: list[tuple[str, int]] = []  # (control, position)

    def close_paragraph() -> None:
        for ch, pos in stack:
            problems.append(
                Problem(
                    field,
                    f"Direction control {control_name(ch)} is never closed",
                    Severity.ERROR,
                    pos,
                )
            )
        stack.clear()

    for pos, ch in enumerate(text):
        if ch in FORBIDDEN:
            problems.append(
                Problem(field, f"Text contains {FORBIDDEN[ch]}; remove it", Severity.ERROR, pos)
            )
        elif ch == "\n":
            close_paragraph()
        elif ch in EMBEDDINGS or ch in ISOLATES:
            stack.append((ch, pos))
        elif ch == POP_DIRECTIONAL_FORMATTING:
            # PDF closes the innermost embedding, but never across an open isolate.
            if stack and stack[-1][0] in EMBEDDINGS:
                stack.pop()
            else:
                problems.append(
                    Problem(field, "Direction control PDF closes nothing", Severity.ERROR, pos)
                )
        elif ch == POP_DIRECTIONAL_ISOLATE:
            # PDI closes the innermost isolate and any embeddings opened inside it.
            while stack and stack[-1][0] in EMBEDDINGS:
                opened, at = stack.pop()
                problems.append(
                    Problem(
                        field,
                        f"Direction control {control_name(opened)} is never closed",
                        Severity.ERROR,
                        at,
                    )
                )
            if stack:
                stack.pop()
            else:
                problems.append(
                    Problem(field, "Direction control PDI closes nothing", Severity.ERROR, pos)
                )
    close_paragraph()
    problems.sort(key=lambda p: p.position if p.position is not None else -1)
    return problems


def strip_bidi_controls(text: str) -> str:
    """The one-key fix: drop every explicit direction control (the renderer's own algorithm
    orders the text correctly once the content is isolated per language)."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS and ch not in FORBIDDEN)
