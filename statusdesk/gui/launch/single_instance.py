"""One app per workspace: a second launch on a workspace already open hands its arguments to
the running app, which raises its window, and ends.

Two parts, so that a first launch pays almost nothing before its window is on screen:

- a lock file (QLockFile: QtCore, loaded anyway) says whether the workspace is open. Taking it
  is the whole cost for the first launch before its first paint, about 1 ms; this module loads
  nothing else for it (no hashlib, json or getpass: some 8 ms between them). The holder's death
  frees it: the OS drops the lock (flock on Unix) and QLockFile sees a dead process's file as
  stale, so a crash never blocks the next start.
- the app that holds the lock listens on a local socket (launch_server.py; QtNetwork costs
  some 8 ms to load, paid once the desk is on screen). A second launch finds the lock taken,
  connects, sends its arguments and waits for "ok". A socket file left by a crashed app is
  removed by the next holder of the lock before it listens.

Names come from a hash of the user and the workspace's resolved path (a path can be too long for
a socket's name). Both files live in $XDG_RUNTIME_DIR — in a Flatpak sandbox its
app/$FLATPAK_ID folder, which every instance of the app shares — else Qt's choice (the temp
folder on Unix, a named pipe on Windows).
"""

from __future__ import annotations

import enum
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

if TYPE_CHECKING:
    from statusdesk.gui.launch.launch_server import LaunchServer

log = logging.getLogger(__name__)

SOCKET_PATH_MAX = 103  # bytes; a Unix socket's path has 104 (macOS) or 108 (Linux), NUL included
# A second launch may come while the first is still building its desk (it listens only then).
WAIT_FOR_FIRST_S = 10.0


class Handover(enum.Enum):
    HANDED_OVER = "the running app has the arguments and raised its window"
    FIRST_NOW = "the app that held the workspace has ended: this launch holds it now"
    NO_ANSWER = "an app holds the workspace but does not answer"


class Address:
    def __init__(self, server: str, lock: Path) -> None:
        self.server = server  # what QLocalServer.listen and QLocalSocket.connectToServer take
        self.lock = lock

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Address) and (self.server, self.lock) == (other.server, other.lock)

    def __hash__(self) -> int:
        return hash((self.server, self.lock))

    def __repr__(self) -> str:
        return f"Address({self.server!r}, {self.lock!r})"


def _fnv1a_64(data: bytes) -> int:
    """FNV-1a: enough to tell one user's workspaces apart (the name is no secret and guards
    nothing: the socket is the user's only), and no hashlib to load before the first paint."""
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    return os.environ.get("USERNAME", "user")  # Windows: pipes are per session anyway


def key(workspace: Path) -> str:
    text = f"{_user()}\0{os.path.normcase(os.path.abspath(workspace))}"
    return f"statusdesk-{_fnv1a_64(text.encode('utf-8', 'surrogateescape')):016x}"


def runtime_dir() -> Path | None:
    base = os.environ.get("XDG_RUNTIME_DIR")
    if not base:
        return None
    flatpak = os.environ.get("FLATPAK_ID")
    return Path(base) / "app" / flatpak if flatpak else Path(base)


def _temp_dir() -> Path:
    import tempfile  # only without a runtime folder

    return Path(tempfile.gettempdir())


def address(workspace: Path) -> Address:
    name = key(workspace)
    folder = runtime_dir()
    lock = (folder or _temp_dir()) / f"{name}.lock"
    if folder is not None:
        path = folder / f"{name}.sock"
        if len(os.fsencode(path)) <= SOCKET_PATH_MAX:
            return Address(str(path), lock)
    return Address(name, lock)


class SingleInstance:
    """The claim of one process on one workspace (`workspace`: resolved already)."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.address = address(workspace)
        self._lock = QLockFile(str(self.address.lock))
        self._lock.setStaleLockTime(0)  # stale means: its process is gone, not "old"
        self.unguarded: str | None = None  # why this launch could not take the lock, if so
        self.server: LaunchServer | None = None

    def claim(self) -> bool:
        """True: this process holds the workspace now (or cannot tell, and runs anyway: a lock
        that cannot be made is no reason not to start). False: another app holds it."""
        try:
            self.address.lock.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            self.unguarded = f"cannot make {self.address.lock.parent}: {exc}"
            return True
        if self._lock.tryLock(0):
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            self.unguarded = f"cannot lock {self.address.lock}: {self._lock.error().name}"
            return True
        return False

    def holder(self) -> int | None:
        """The process id of the app holding the workspace, as its lock file says."""
        pid, _host, _app = self._lock.getLockInfo()  # (0, "", "") when nobody holds it
        return pid or None

    def hand_over(self, argv: Sequence[str]) -> Handover:
        """Give `argv` to the app that holds the workspace, waiting for it to listen if it is
        still starting. Takes the workspace instead if that app ends meanwhile."""
        from statusdesk.gui.launch.launch_server import launch_message, send

        data = launch_message(argv)
        deadline = time.monotonic() + WAIT_FOR_FIRST_S
        while True:
            answered = send(self.address.server, data)
            if answered is not None:
                return Handover.HANDED_OVER if answered else Handover.NO_ANSWER
            if self._lock.tryLock(0):
                return Handover.FIRST_NOW
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        # Held all along, yet nobody listens: a lock whose process id was reused by another
        # program. removeStaleLockFile removes it only if no live process holds it.
        if self._lock.removeStaleLockFile() and self._lock.tryLock(0):
            return Handover.FIRST_NOW
        return Handover.NO_ANSWER

    def listen(self) -> LaunchServer | None:
        """Answer later launches (call once this process holds the workspace)."""
        from statusdesk.gui.launch.launch_server import LaunchServer

        if self.unguarded is not None or not self._lock.isLocked():
            return None
        server = LaunchServer()
        if not server.listen(self.address.server):
            # Launches would wait for an answer that never comes: let them start instead.
            log.warning("cannot listen for other launches on %s", self.address.server)
            self._lock.unlock()
            return None
        self.server = server
        return server

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self._lock.isLocked():
            self._lock.unlock()
