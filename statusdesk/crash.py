"""Crash reports: what an uncaught error was, where, in which versions, and what the log said
just before — as one text file a user can send, with every secret redacted.

Qt-free: the GUI passes its Qt and PySide6 versions in, and shows the report
(gui/runtime/crashes.py).
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from statusdesk import private
from statusdesk.redact import redact

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


@dataclass(frozen=True)
class Crash:
    summary: str  # one sentence: the error's type and message, redacted
    text: str  # the whole report, redacted
    report: Path | None  # where it was written; None when it could not be
    log: Path | None  # the log file it quotes from
    write_error: str | None = None  # why it could not be written


def summary(error: ExcInfo) -> str:
    kind, value, _tb = error
    message = str(value).strip().splitlines()
    said = f": {message[0]}" if message else ""
    return redact(f"{kind.__name__}{said}")


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    from statusdesk.version import version

    found = {
        "statusdesk": version(),
        "Python": sys.version.replace("\n", " "),
        "platform": platform.platform(),
    }
    found.update(extra or {})
    return found


def render(
    error: ExcInfo,
    *,
    when: datetime,
    about: Mapping[str, str],
    thread: str,
    log_tail: Sequence[str],
) -> str:
    lines = [
        "statusdesk crash report",
        f"time: {when.astimezone(UTC).isoformat(timespec='seconds').replace('+00:00', 'Z')}",
        *(f"{name}: {value}" for name, value in about.items()),
        f"thread: {thread}",
        f"error: {summary(error)}",
        "",
        "traceback:",
        "".join(traceback.format_exception(*error)).rstrip(),
        "",
        f"last {len(log_tail)} log lines:",
        *log_tail,
        "",
    ]
    # The log's lines are redacted already; the traceback's message and locals are not.
    return redact("\n".join(lines))


def write(text: str, folder: Path, when: datetime) -> Path:
    """Into `folder` as crash-<UTC time>-<pid>.txt, whole or not at all, readable by the user
    only (it quotes the log: incident texts, channel names, paths)."""
    private.make_dir(folder)
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    fd, temporary = tempfile.mkstemp(prefix=".crash-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as sink:
            sink.write(text)
        for n in range(1000):
            target = folder / f"crash-{stamp}-{os.getpid()}{f'-{n}' if n else ''}.txt"
            if not target.exists():
                os.replace(temporary, target)
                return target
        raise OSError(f"too many crash reports named crash-{stamp}-{os.getpid()} in {folder}")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
