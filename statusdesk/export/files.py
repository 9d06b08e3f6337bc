"""Writing an export file so that it is either all there or not there at all.

The bytes go to a temporary file beside the target (same folder, so the same filesystem),
are flushed to the disk, and only then renamed over the target in one step. A full disk, a
crash or a kill half-way leaves the old file (if any) as it was and no half-written one; the
temporary file is removed on any error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.export.model import ExportError
from statusdesk.private import FILE_MODE


class ExportWriteError(ExportError):
    """The export was made but could not be written (disk full, no permission, I/O error)."""


def check_target(path: Path) -> Path:
    """The target as an absolute path, refused before any work when it cannot be a file."""
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems", "{target} is a folder; give a file name, e.g. {example}."
            ).format(target=target, example=f"{target}/timeline.pdf")
        )
    if target.exists() and not target.is_file():
        # A device, a pipe or a socket (-o /dev/stdout, /dev/full): the atomic rename would
        # put a regular file in its place (for root, even in /dev).
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{target} is not a regular file (a device, pipe or socket); give a file's path "
                "(without -o, a text format goes to standard output).",
            ).format(target=target)
        )
    if not target.parent.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems", "The folder {folder} does not exist; create it or choose another place."
            ).format(folder=target.parent)
        )
    return target


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomically(path: Path, data: bytes) -> Path:
    target = check_target(path)
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise ExportWriteError(_describe(exc, target)) from exc
    try:
        try:
            _write_all(fd, data)
            # A new export is the user's alone (it quotes delivery errors); a file already
            # there keeps the mode its owner gave it.
            mode = target.stat().st_mode & 0o777 if target.exists() else FILE_MODE
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ExportWriteError(_describe(exc, target)) from exc
        raise
    with contextlib.suppress(OSError):  # the rename itself survives a power cut
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    return target


def _describe(exc: OSError, target: Path) -> str:
    why = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = QT_TRANSLATE_NOOP("Problems", "free some space and export again")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = QT_TRANSLATE_NOOP("Problems", "choose a folder you can write to")
    else:
        advice = QT_TRANSLATE_NOOP("Problems", "check the disk and export again")
    return QT_TRANSLATE_NOOP(
        "Problems",
        "Could not write {target}: {why}. Nothing was written (a file already there is "
        "unchanged); {advice}.",
    ).format(target=target, why=why, advice=advice)
