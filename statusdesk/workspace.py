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
