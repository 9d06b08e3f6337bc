"""Where a workspace lives and what is in it: --home, else $STATUSDESK_HOME, else the
platform's user data folder. Light on purpose (the GUI's launcher reads it before Qt loads)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "STATUSDESK_HOME"
STORE_URL = "store.url"  # settings.py's STORE_URL (not imported: the launcher reads this early)
DESK_AUTHOR = "desk.author"  # settings.py's DESK_AUTHOR: who this desk is (app/context.py)
LOCAL_DB_FLAG = "local"  # `--db local`: the folder's own file, whatever store.url says
PEEK_TIMEOUT_S = 0.2  # a workspace locked for writing: no answer rather than a wait


@dataclass(frozen=True)
class WorkspacePaths:
    home: Path

    @property
    def db(self) -> Path:
        return self.home / "statusdesk.db"

    @property
    def site(self) -> Path:
        return self.home / "site"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def logs(self) -> Path:
        return self.home / "logs"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--home wins over STATUSDESK_HOME, which wins over the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # only when no folder was given: it costs a few ms at start-up

    return platformdirs.user_data_path("statusdesk", appauthor=False)


def peek_local_setting(db: Path, key: str) -> str | None:
    """A setting kept in the folder's own SQLite file, read-only and before anything else is
    opened (one primary-key lookup); None when it is not set or the file cannot be read here
    (no file, no table yet, locked, damaged: whoever opens the workspace says what is wrong)."""
    if not db.is_file():
        return None
    import sqlite3  # here: a command that never reads a setting early does not pay for it

    try:
        connection = sqlite3.connect(
            f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=PEEK_TIMEOUT_S
        )
        try:
            row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        import logging  # only now: it costs milliseconds before the first window

        logging.getLogger(__name__).info("%s not read early (%s)", key, error)
        return None
    return row[0].strip() if row is not None and isinstance(row[0], str) else None


def records_url(home: Path, flag: str | None) -> str | None:
    """Where the workspace in `home` keeps its records: the PostgreSQL URL of `--db`, else of
    the folder's `store.url` setting; None for the folder's own SQLite file (`--db local`, or
    neither given). The URL is checked when it is opened, as `--db`'s is."""
    if flag is not None:
        return None if flag.strip().lower() == LOCAL_DB_FLAG else flag
    kept = peek_local_setting(WorkspacePaths(home).db, STORE_URL)
    return kept or None


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.rglob("*") if p.is_file()]
    except OSError:
        return []


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def history(home: Path) -> list[str]:
    """What shows that the workspace in `home` has been used, in words ("a status page",
    "2 exports", …); empty for a new one. Read when its database is empty: a database lost
    (truncated by a full disk, a bad copy, a sync tool) must be restored, not started afresh
    over a status page that the next publish would replace with an empty one."""
    found = []
    site, versions = home / "site", home / ".site-versions"
    if site.is_symlink() or site.exists() or _files(versions):
        found.append("a status page")
    exports = _files(home / "exports")
    if exports:
        found.append(f"{len(exports)} export{'s' if len(exports) != 1 else ''}")
    if any(_size(p) > 0 for p in _files(home / "logs")):
        found.append("a log of earlier runs")
    backups = backups_of(home / "statusdesk.db")
    if backups:
        found.append(f"{len(backups)} database backup{'s' if len(backups) != 1 else ''}")
    return found


def backups_of(db: Path) -> list[Path]:
    """The copies statusdesk takes before a migration (`statusdesk.db.v3-<stamp>.bak`),
    oldest first."""
    try:
        return sorted(db.parent.glob(f"{db.name}.v*.bak"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return []
