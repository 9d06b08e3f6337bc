"""File modes that do not depend on the umask: the workspace is its owner's alone.

The workspace folder is 0700; its database (and SQLite's -wal and -shm, which SQLite creates
with the database file's own mode), logs, crash reports, lock files and exports are 0600,
however loose the umask of the process that made them (a umask of 000 would otherwise leave an
incident record, with its delivery errors, world-readable and writable). A workspace made
before this, or by a tool with a loose umask, is tightened when it is opened.

The status page (`site/`, and the versions it points into) is the exception: it is meant to be
published, holds nothing that is not on the public page, and is copied to web roots and served
by other users' processes, so its folders are 0755 and its files 0644 — readable, never
writable by anyone else. Inside the 0700 workspace nobody else reaches it until it is published.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
PUBLIC_DIR_MODE = 0o755
PUBLIC_FILE_MODE = 0o644
# The status page and its versions: public by design (see above); walked by nobody here.
PUBLIC_NAMES = frozenset({"site", ".site-versions"})


def opener(path: str, flags: int) -> int:
    """For `open(..., opener=private.opener)`: a new file is 0600 whatever the umask, and a
    file of ours that was looser is tightened."""
    fd = os.open(path, flags, FILE_MODE)
    with contextlib.suppress(OSError):
        if stat.S_IMODE(os.fstat(fd).st_mode) & ~FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    return fd


def touch(path: Path) -> None:
    """Make `path` exist as a private file (kept as it is if it exists, but tightened)."""
    os.close(opener(str(path), os.O_CREAT | os.O_WRONLY | os.O_APPEND))


def make_dir(path: Path) -> None:
    """A private folder (its missing parents get the usual mode; they are not ours)."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    tighten(path, DIR_MODE)


def tighten(path: Path, mode: int) -> None:
    """Take away every permission beyond `mode` (never add one). Missing files are fine."""
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(os.lstat(path).st_mode)
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return
        if current & ~mode:
            os.chmod(path, current & mode)


def publish_mode(path: Path) -> None:
    """A status page file or folder: readable by all, writable by its owner alone."""
    with contextlib.suppress(OSError):
        os.chmod(path, PUBLIC_DIR_MODE if path.is_dir() else PUBLIC_FILE_MODE)


def tighten_workspace(home: Path) -> None:
    """The workspace folder 0700 and everything in it 0600/0700, except the status page. Cheap:
    one stat per file outside the status page (the database and its companions, the logs, the
    exports, the templates, lock files)."""
    tighten(home, DIR_MODE)
    pending = [home]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if folder == home and entry.name in PUBLIC_NAMES:
                continue
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir():
                    tighten(Path(entry.path), DIR_MODE)
                    pending.append(Path(entry.path))
                else:
                    tighten(Path(entry.path), FILE_MODE)
            except OSError:
                continue
