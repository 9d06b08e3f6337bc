"""Reading what the user gave: arguments, files and standard input, always as UTF-8.

Arabic must survive every path in. A shell in the C locale hands Python the UTF-8 bytes of an
argument as surrogate escapes; we turn them back into text rather than store garbage. Files and
stdin are read as bytes and decoded strictly, so a file in another encoding is refused with the
offset of the first bad byte instead of being stored as mojibake.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from statusdesk.cli.errors import CliError
from statusdesk.core.model import ComponentStatus, Impact
from statusdesk.core.validation import MAX_BODY_CHARS

STDIN = "-"
# UTF-8 spends at most 4 bytes on a character: a file larger than this cannot be a valid body,
# so we refuse it before reading a stray gigabyte into memory.
MAX_BODY_BYTES = MAX_BODY_CHARS * 4
COMPONENT_STATUSES = tuple(s.value for s in ComponentStatus)
IMPACTS = tuple(i.value for i in Impact)


def repair_arguments(argv: Sequence[str]) -> list[str]:
    """Arguments as real text, whatever locale the shell ran in."""
    repaired = []
    for index, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            try:
                # Undo the locale's surrogate escapes to get the shell's bytes back.
                arg = os.fsencode(arg).decode("utf-8")
            except (UnicodeDecodeError, UnicodeEncodeError) as exc:
                preview = arg.encode("utf-8", "backslashreplace").decode("ascii", "replace")[:40]
                raise CliError(
                    f"argument {index} ({preview}) is not valid UTF-8 text; "
                    "give the text in UTF-8 (or pass it in a UTF-8 file)."
                ) from exc
        repaired.append(arg)
    return repaired


def component_change(text: str) -> tuple[str, ComponentStatus]:
    """argparse type for --component NAME=STATUS."""
    name, sep, status = text.rpartition("=")
    name = name.strip()
    if not sep or not name:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not NAME=STATUS, e.g. API=partial_outage "
            f"(statuses: {', '.join(COMPONENT_STATUSES)})"
        )
    key = status.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return name, ComponentStatus(key)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{status!r} is not a component status; use one of {', '.join(COMPONENT_STATUSES)}"
        ) from None


# SQLite stores ids as signed 64-bit integers: a larger number cannot name anything stored.
MAX_ID = 2**63 - 1


def record_id(what: str) -> Callable[[str], int]:
    """argparse type for the id of an incident, update or delivery. A number too large to be
    one is refused as input (exit 3: there is no such thing), never a traceback."""

    def parse(text: str) -> int:
        digits = text.strip()
        if not re.fullmatch(r"[+-]?[0-9]+", digits):
            raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)")
        # Compared as text first: a number of thousands of digits is not even converted.
        if len(digits.lstrip("+-").lstrip("0")) > len(str(MAX_ID)) or abs(int(digits)) > MAX_ID:
            shown = digits if len(digits) <= 30 else f"{digits[:20]}…"
            raise CliError(f"there is no {what} {shown}: ids are whole numbers up to {MAX_ID}.")
        return int(digits)

    parse.__name__ = f"{what} id"  # argparse names the type in its message
    return parse


def channel_names(text: str) -> list[str]:
    """argparse type for --channels a,b."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("name at least one channel, e.g. --channels site")
    return names


def setting(text: str) -> tuple[str, str]:
    """argparse type for --set KEY=VALUE."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE, e.g. --set format=slack")
    return key, value.strip()


def seconds(text: str) -> float:
    """argparse type for --timeout."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("the timeout must be 0 or more seconds")
    return value


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (a leading byte-order mark, as some editors write, is dropped), or a clear error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(
            f"{where} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start} "
            "cannot be read). Save it as UTF-8 and try again."
        ) from None


def _read_limited(stream: BinaryIO, where: str, max_chars: int = MAX_BODY_CHARS) -> bytes:
    limit = max_chars * 4
    data = stream.read(limit + 1)
    if len(data) > limit:
        what = "an update" if max_chars == MAX_BODY_CHARS else "it"
        raise CliError(
            f"{where} holds more than {limit:,} bytes, more than the limit of "
            f"{max_chars:,} characters {what} can take. Shorten it or link to a "
            "longer write-up."
        )
    return data


def read_body_file(
    path: str, option: str, stdin: BinaryIO | None = None, *, max_chars: int = MAX_BODY_CHARS
) -> str:
    """The text of `--en-file`/`--ar-file`: a file, or standard input for `-`; refused beyond
    what `max_chars` characters can take (4 bytes each)."""
    if path == STDIN:
        where = f"{option} - (standard input)"
        source = stdin if stdin is not None else sys.stdin.buffer
        return decode_text(_read_limited(source, where, max_chars), where)
    where = f"{option} {path}"
    try:
        with Path(path).open("rb") as handle:
            data = _read_limited(handle, where, max_chars)
    except OSError as exc:
        raise CliError(f"{where}: cannot read it ({exc.strerror or exc}).") from None
    return decode_text(data, where)


def body_text(
    inline: str | None, path: str | None, option: str, stdin: BinaryIO | None = None
) -> str:
    """One language's body from `--en`/`--ar` or from its file; empty when neither is given."""
    if path is not None:
        return read_body_file(path, option, stdin)
    return inline or ""
