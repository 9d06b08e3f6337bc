"""Opening a workspace database: pragmas, integrity, migrations, and errors that say what to do."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from statusdesk.private import FILE_MODE, make_dir, opener, tighten
from statusdesk.store.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 5000


class WorkspaceError(Exception):
    """The workspace cannot be used as it is; the message says why and what to do."""


def describe_sqlite_error(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (
            f"The workspace database {path} is locked by another program and stayed locked for "
            f"{BUSY_TIMEOUT_MS // 1000} s. Close the other statusdesk or sqlite program using it, "
            "then try again. Nothing was changed."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (
            f"The workspace {path.parent} cannot be written to. Check its permissions and free "
            "disk space, or choose another workspace with --home. Nothing was changed."
        )
    if "disk" in text and ("full" in text or "i/o" in text):
        return (
            f"The disk holding {path} is full or failing ({exc}). Free some space and try again; "
            "the last saved state is intact."
        )
    if "malformed" in text or "not a database" in text:
        return (
            f"The workspace database {path} is damaged ({exc}). Restore it from a backup "
            f"(statusdesk keeps one beside it before every upgrade: {path.name}.v*.bak)."
        )
    return f"The workspace database {path} could not be used: {exc}"


def _connect(path: Path) -> sqlite3.Connection:
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise WorkspaceError(
            f"The workspace database {path} is read-only for this user. Fix its permissions "
            "(chmod u+rw) or choose another workspace with --home. Nothing was changed."
        )
    if not os.access(path.parent, os.W_OK):
        # SQLite needs to create its -wal and -shm files beside the database.
        raise WorkspaceError(
            f"The workspace folder {path.parent} is read-only for this user. Fix its permissions "
            "or choose another workspace with --home. Nothing was changed."
        )
    # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE) so that a writer
    # takes the lock up front instead of failing half-way through.
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    return conn


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"could not switch to WAL (got {mode})")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """The structural check run when a workspace is opened (the full one is `integrity_check`).
    It reads the whole file: 0.4 s on 100,000 updates, so see `check_due` for when it runs."""
    return [row[0] for row in conn.execute("PRAGMA quick_check").fetchall() if row[0] != "ok"]


# A one-shot CLI command checks the database when the last check that passed is older than this
# (or when the file is not the one checked, see check_due); the GUI and `statusdesk run` check at
# every start.
PERIODIC_CHECK_S = 6 * 3600


def _checked_record(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def check_due(path: Path, every: float | None) -> bool:
    """Whether opening `path` should run quick_check: always with `every` None; otherwise when
    no check has passed on this very file (same device and inode: a database restored or copied
    over it is checked at once) within `every` seconds. Between checks, SQLite itself still
    refuses a damaged page as it reads it ("database disk image is malformed"), which the CLI
    reports as a damaged workspace too (cli/dispatch.py)."""
    if every is None:
        return True
    try:
        record = json.loads(_checked_record(path).read_text(encoding="utf-8"))
        stat = path.stat()
        same_file = [record["dev"], record["ino"]] == [stat.st_dev, stat.st_ino]
        return not same_file or not 0 <= time.time() - float(record["at"]) < every
    except (OSError, ValueError, KeyError, TypeError):
        return True


def note_checked(path: Path) -> None:
    """Record that quick_check passed on `path` now (a private file beside the database)."""
    try:
        stat = path.stat()
        record = _checked_record(path)
        temp = record.with_name(record.name + ".tmp")
        with open(temp, "w", encoding="utf-8", opener=opener) as out:
            json.dump({"at": time.time(), "dev": stat.st_dev, "ino": stat.st_ino}, out)
        os.replace(temp, record)
    except OSError:
        pass  # no record: the next open checks again


def integrity_check(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]


def backup_path(path: Path, version: int) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    return path.with_name(f"{path.name}.v{version}-{stamp}.bak")


def migrate(
    conn: sqlite3.Connection, path: Path, migrations: Sequence[str] = MIGRATIONS
) -> Path | None:
    """Bring the database up to the newest schema; returns the backup taken, if any.

    A database that already holds data is copied (SQLite's online backup, so the copy is
    consistent) before the first migration touches it.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    target = len(migrations)
    if version > target:
        raise WorkspaceError(
            f"The workspace {path.parent} was written by a newer statusdesk (schema {version}, "
            f"this one knows {target}). Upgrade statusdesk to open it."
        )
    if version == target:
        return None
    backup: Path | None = None
    if version > 0:
        backup = backup_path(path, version)
        with sqlite3.connect(backup) as copy:
            conn.backup(copy)
        copy.close()
    for number in range(version + 1, target + 1):
        # executescript commits first; the BEGIN inside makes each step all-or-nothing.
        conn.executescript(
            f"BEGIN IMMEDIATE;\n{migrations[number - 1]}\nPRAGMA user_version = {number};\nCOMMIT;"
        )
    return backup


def refuse_empty_with_history(path: Path) -> None:
    """An empty (0-byte) database in a workspace that has been used is a lost database, not
    a new one: opening it would start afresh, and the next publish would rebuild the status
    page from nothing. Raises WorkspaceError naming what was found; a truly new workspace (no
    database, or an empty one and nothing else) opens as before."""
    from statusdesk.workspace import backups_of, history

    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # whatever is wrong, opening it says so
    if not empty:
        return
    found = history(path.parent)
    if not found:
        return
    what = found[0] if len(found) == 1 else f"{', '.join(found[:-1])} and {found[-1]}"
    backups = backups_of(path)
    where = (
        f" ({backups[-1].name} beside it is the newest statusdesk made)"
        if backups
        else f" of {path.name}"
    )
    raise WorkspaceError(
        f"The database is empty but this workspace has {what}: restore it from a "
        f"backup{where} instead of starting afresh over it. The empty database is {path}; for a "
        "new workspace, choose another folder with --home. Nothing was changed."
    )


def open_database(
    path: Path,
    migrations: Sequence[str] = MIGRATIONS,
    *,
    verify: bool = True,
    check_every: float | None = None,
    prechecked: Callable[[Path], list[str] | None] | None = None,
) -> tuple[sqlite3.Connection, Path | None]:
    """Open (creating if needed) and migrate the workspace database.

    Returns the connection and the path of a pre-migration backup, if one was taken.
    Every SQLite failure becomes a WorkspaceError that says what to do. `verify=False` is for
    extra connections (worker threads) to a workspace this process already opened and checked.
    `check_every` (seconds) lets a short-lived process skip quick_check when one passed on this
    file that recently (check_due); None checks at every open. `prechecked(path)`: what a
    quick_check the caller already ran on this very file found (None: it could not tell), so
    that it is not run twice (the GUI runs it while Qt loads, gui/runtime/early_check.py).
    """
    path = Path(path)
    if verify:
        refuse_empty_with_history(path)  # before anything could write to it
    conn: sqlite3.Connection | None = None
    try:
        make_dir(path.parent)
        conn = _connect(path)
        # 0600 before WAL mode is set: SQLite gives -wal and -shm the database file's mode.
        for companion in ("", "-wal", "-shm"):
            tighten(path.with_name(path.name + companion), FILE_MODE)
        _apply_pragmas(conn)
        checking = verify and check_due(path, check_every)
        found = prechecked(path) if checking and prechecked is not None else None
        problems = (quick_check(conn) if found is None else found) if checking else []
        if problems:
            raise WorkspaceError(
                f"The workspace database {path} failed its integrity check: {problems[0]}. "
                f"Restore it from a backup ({path.name}.v*.bak beside it) or move it away to "
                "start fresh."
            )
        backup = migrate(conn, path, migrations) if verify else None
        if checking:
            note_checked(path)
    except WorkspaceError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise WorkspaceError(describe_sqlite_error(exc, path)) from exc
    except OSError as exc:
        raise WorkspaceError(
            f"The workspace {path.parent} could not be created or opened: {exc.strerror or exc}. "
            "Choose another place with --home."
        ) from exc
    return conn, backup
