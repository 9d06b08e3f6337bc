"""Uncaught errors: logged, written as a crash report, and shown in a dialog (crash_dialog.py).

`sys.excepthook` catches what a slot raises on the GUI thread; `threading.excepthook` what a
worker thread raises, whose dialog is shown on the GUI thread through a queued signal. The
same error raised again and again (a timer's slot) is logged each time but reported and shown
once. A hard crash inside Qt (a segfault, an abort) runs no Python hook: faulthandler writes
the threads' stacks to crash/fatal-<pid>.txt, which is removed again when the app ends well.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from statusdesk.logs import LogSession, crash_dir
from statusdesk.redact import redact

# The report and the dialog are loaded when an error comes, not as the app starts (~6 ms).
if TYPE_CHECKING:
    from statusdesk.crash import Crash, ExcInfo
    from statusdesk.gui.runtime.crash_dialog import CrashDialog

log = logging.getLogger(__name__)


def qt_versions() -> dict[str, str]:
    import PySide6
    from PySide6.QtCore import qVersion

    return {"Qt": qVersion(), "PySide6": PySide6.__version__}


class CrashReporter(QObject):
    _from_worker = Signal(object)  # a Crash, to be shown on the GUI thread

    def __init__(
        self,
        window: Callable[[], QWidget | None],
        logs: LogSession | None,
        workspace: Path | None,
    ) -> None:
        super().__init__()
        self._window = window
        self._logs = logs
        self._workspace = workspace
        self.folder = crash_dir(logs.folder if logs is not None else None)
        self._seen: set[tuple[str, str, int]] = set()
        self._dialog: CrashDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._fatal: IO[str] | None = None
        self._faulthandler_was_on = False
        self._from_worker.connect(self.show, Qt.ConnectionType.QueuedConnection)

    def install(self, *, fatal_log: bool = True) -> None:
        self._previous_hook, sys.excepthook = sys.excepthook, self.excepthook
        self._previous_thread_hook, threading.excepthook = threading.excepthook, self.thread_hook
        if fatal_log:
            self._start_fatal_log()

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_hook:
            threading.excepthook = self._previous_thread_hook
        self._stop_fatal_log()

    # -- the hooks -------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal is no bug
            self._previous_hook(kind, value, tb)
            return
        crash = self._record_safely((kind, value, tb), threading.current_thread().name)
        if crash is None:
            return
        if threading.current_thread() is threading.main_thread():
            self.show(crash)
        else:
            self._from_worker.emit(crash)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:  # as threading's own hook: a thread may end that way
            return
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        name = args.thread.name if args.thread is not None else "a worker thread"
        crash = self._record_safely((args.exc_type, value, args.exc_traceback), name)
        if crash is not None:
            self._from_worker.emit(crash)

    # -- what they do ----------------------------------------------------------------------

    def report(self, error: ExcInfo, *, fatal: bool = False) -> None:
        """Record `error` and show it; `fatal` waits until the dialog is closed (the app is
        about to end) and says the app has to close."""
        crash = self._record_safely(error, threading.current_thread().name, always=fatal)
        if crash is not None:
            self.show(crash, fatal=fatal)

    def record(self, error: ExcInfo, thread: str, *, always: bool = False) -> Crash | None:
        """Log `error`, write its crash report, and return what the dialog shows; None when
        this same error was reported already in this session."""
        from statusdesk import crash as reports

        kind, _value, tb = error
        frames = traceback.extract_tb(tb) if tb is not None else []
        where = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("", 0)
        signature = (kind.__qualname__, *where)
        if signature in self._seen and not always:
            log.error("the same error again", exc_info=error)
            return None
        self._seen.add(signature)
        when = datetime.now(UTC)
        tail = self._logs.tail.lines() if self._logs is not None else []
        about = reports.versions({**qt_versions(), "workspace": str(self._workspace)})
        text = reports.render(error, when=when, about=about, thread=thread, log_tail=tail)
        log.error("uncaught error", exc_info=error)
        # The terminal sees it too, redacted as the log is.
        sys.stderr.write(redact("".join(traceback.format_exception(*error))))
        path: Path | None = None
        problem: str | None = None
        try:
            path = reports.write(text, self.folder, when)
            log.error("crash report written to %s", path)
        except OSError as exc:
            problem = redact(str(exc))
            log.error("could not write the crash report in %s: %s", self.folder, problem)
        log_path = self._logs.path if self._logs is not None else None
        return reports.Crash(reports.summary(error), text, path, log_path, problem)

    def _record_safely(self, error: ExcInfo, thread: str, *, always: bool = False) -> Crash | None:
        try:
            return self.record(error, thread, always=always)
        except Exception:  # the reporter itself failed: at least the old hook's traceback
            with contextlib.suppress(Exception):
                log.exception("the crash reporter failed")
            self._previous_hook(*error)
            return None

    def show(self, crash: Crash, fatal: bool = False) -> None:
        from statusdesk.gui.runtime.crash_dialog import CrashDialog

        if self._dialog is not None and self._dialog.isVisible() and not fatal:
            return  # one at a time: the one up already says where the log is
        dialog = CrashDialog(crash, fatal=fatal, parent=self._window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self._dialog = dialog
        if fatal:
            dialog.exec()
        else:
            dialog.open()  # the app goes on; a nested event loop inside a hook would not

    def _forget_dialog(self) -> None:
        self._dialog = None

    @property
    def dialog(self) -> CrashDialog | None:
        return self._dialog

    # -- hard crashes ----------------------------------------------------------------------

    def _start_fatal_log(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._fatal = (self.folder / f"fatal-{os.getpid()}.txt").open("w", encoding="utf-8")
        except OSError:
            return
        self._faulthandler_was_on = faulthandler.is_enabled()
        faulthandler.enable(self._fatal, all_threads=True)

    def _stop_fatal_log(self) -> None:
        if self._fatal is None:
            return
        faulthandler.disable()
        if self._faulthandler_was_on and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__)
        path = Path(self._fatal.name)
        self._fatal.close()
        self._fatal = None
        with contextlib.suppress(OSError):
            if path.stat().st_size == 0:  # nothing happened: no trace to keep
                path.unlink()
