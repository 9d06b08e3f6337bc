"""Text from outside (a server's error reply, an incident's text) made safe to print to a
terminal: every character a terminal would act on instead of showing is shown as an escape.

A server's 400 reply that carries `ESC[2J` (clear the screen), `ESC]0;…BEL` (retitle the window)
and a carriage return can otherwise wipe what the CLI said and print a fake "All channels sent
OK" in its place; a bidi override (U+202E) can reverse the rest of a line. Escaped:

- C0 controls except tab and newline (so `\\r`, `\\x1b`, `\\x07`, NUL …), and DEL;
- C1 controls (U+0080–U+009F: U+009B is a one-byte CSI for some terminals);
- bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and the line and
  paragraph separators U+2028/U+2029.

Arabic, its marks (U+200E/U+200F/U+061C only mark direction) and newlines stay as they are.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f"}


def _shown(match: re.Match[str]) -> str:
    ch = match.group(0)
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every terminal control shown as a visible escape (`\\x1b`, `\\u202e`)."""
    return _UNSAFE.sub(_shown, text)


def escape_json(text: str) -> str:
    """A JSON document's text with the characters JSON leaves raw but a terminal acts on (DEL,
    C1, bidi controls, U+2028/2029) written as `\\uXXXX` escapes: the same document to a parser.
    (JSON itself escapes every C0 control.)"""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
