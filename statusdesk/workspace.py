"""Where a workspace lives and what is in it: --home, else $STATUSDESK_HOME, else the
platform's user data folder. Light on purpose (the GUI's launcher reads it before Qt loads)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "STATUSDESK_HOME"


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
