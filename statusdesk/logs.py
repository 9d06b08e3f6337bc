"""The desktop app's log: one rotating file in the platform's log folder, secrets redacted.

One log for every workspace the app opens (each session's first line names its workspace), in
the place the platform keeps logs — `$XDG_STATE_HOME/statusdesk/log` (by default
`~/.local/state/statusdesk/log`) on Linux, `~/Library/Logs/statusdesk` on macOS,
`%LOCALAPPDATA%\\statusdesk\\Logs` on Windows — so it is found without knowing which workspace
was open, and a workspace copied or shared never carries the log along. Crash reports go to
`crash/` beside it. The command line and `statusdesk run` keep writing the workspace's own
`logs/statusdesk.log` (cli/dispatch.py).

The last lines are also kept in memory, already redacted, for a crash report: the file may be
unwritable, and a report should not have to read it back.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import logging.handlers
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from statusdesk import private
from statusdesk.redact import RedactingFilter

LOG_NAME = "statusdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
TAIL_LINES = 200
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_dir() -> Path:
    import platformdirs

    return platformdirs.user_log_path("statusdesk", appauthor=False)


def crash_dir(folder: Path | None = None) -> Path:
    return (folder or log_dir()) / "crash"


class SaysOnceWhenItCannotWrite(logging.Handler):
    """A log that cannot be written (a full disk, a folder taken away) is a help lost, never a
    reason to fail nor a traceback printed over what the command says (logging's default
    handleError prints one per record): one line on stderr, then silence."""

    _said = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self._said:
            return
        self._said = True
        error = sys.exc_info()[1]
        why = getattr(error, "strerror", None) or str(error) or type(error).__name__
        where = getattr(self, "baseFilename", "the log")
        with contextlib.suppress(Exception):
            sys.stderr.write(f"statusdesk: cannot write {where} ({why}); going on without it.\n")

    def flush(self) -> None:
        try:
            super().flush()
        except OSError:  # closing (or logging.shutdown at exit) flushes what could not be written
            self.handleError(logging.makeLogRecord({}))

    def close(self) -> None:
        with contextlib.suppress(OSError):  # its flush failed as above; the file closes anyway
            super().close()


class QuietFileHandler(SaysOnceWhenItCannotWrite, logging.FileHandler):
    """The command line's log (a workspace's logs/statusdesk.log)."""


class SharedRotatingFileHandler(SaysOnceWhenItCannotWrite, logging.handlers.RotatingFileHandler):
    """RotatingFileHandler for a file that other processes write too (the app open on two
    workspaces): when one of them has rotated the file, the others follow to the new one
    instead of writing on into what is now `statusdesk.log.1` and rotating it again."""

    def _open(self) -> Any:
        # 0600 whatever the umask, the rotated files' successors too (private.py).
        return open(
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=private.opener,
        )

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        self._follow()
        return bool(super().shouldRollover(record))

    def _follow(self) -> None:
        if self.stream is None:
            return
        try:
            on_disk = os.stat(self.baseFilename)
            mine = os.fstat(self.stream.fileno())
            moved = (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)
        except OSError:  # rotated away and not yet recreated: start it anew
            moved = True
        if moved:
            self.stream.close()
            self.stream = self._open()


class TailHandler(logging.Handler):
    """The last `size` formatted lines, for a crash report."""

    def __init__(self, size: int = TAIL_LINES) -> None:
        super().__init__()
        self._lines: collections.deque[str] = collections.deque(maxlen=size)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:
            self.handleError(record)
            return
        with self._guard:
            self._lines.extend(text.splitlines())

    def lines(self) -> list[str]:
        with self._guard:
            return list(self._lines)


@dataclass
class LogSession:
    """The handlers one app session added to the root logger; `close` takes them off."""

    folder: Path
    path: Path | None  # None: the file could not be opened (only the in-memory tail works)
    tail: TailHandler
    handlers: list[logging.Handler] = field(default_factory=list)

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        self.handlers.clear()


def start(
    workspace: Path | None,
    *,
    folder: Path | None = None,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> LogSession:
    """Log to `folder` (the platform's log folder by default) and keep the tail in memory;
    the first line names the workspace. A log is a help, never a reason not to start: a folder
    that cannot be written leaves only the in-memory tail."""
    folder = folder or log_dir()
    formatter = logging.Formatter(FORMAT)
    tail = TailHandler()
    handlers: list[logging.Handler] = [tail]
    path: Path | None = folder / LOG_NAME
    try:
        private.make_dir(folder)
        handlers.append(
            SharedRotatingFileHandler(
                folder / LOG_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
            )
        )
    except OSError:
        path = None
    root = logging.getLogger()
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    session = LogSession(folder, path, tail, handlers)
    log.info(
        "statusdesk started (pid %d) on workspace %s",
        os.getpid(),
        workspace if workspace is not None else "(none)",
    )
    if path is None:
        log.warning("cannot write the log in %s; keeping only its last lines in memory", folder)
    return session
