"""The workspace's integrity check, started before Qt is loaded.

`quick_check` reads the whole database file (some 150 ms on 1,000 incidents / 20,000 updates)
and runs inside SQLite, which lets go of the GIL. Run at the start of `python -m statusdesk`,
on a thread of its own, it overlaps the loading of Qt on the other core instead of delaying the
desk (issue #16); the workspace is then opened (migrations, the first reads) with its answer,
and the check is not run twice. Only sqlite3 is imported here, so that nothing competes with
Qt's loading for the GIL. Read-only: it never creates the database; any trouble (no database
yet, a file replaced since, an error) leaves the answer to the normal opening, which checks
again and says what to do.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path


class EarlyCheck:
    def __init__(self, db: Path) -> None:
        self._db = db
        self._problems: list[str] | None = None
        self._checked: tuple[int, int] | None = None  # (device, inode) of the file checked
        # A plain thread, not the runtime's Aside: Aside loads Qt, which this must run before.
        self._thread = threading.Thread(target=self._run, name="early-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            stat = os.stat(self._db)
            uri = f"{self._db.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                rows = conn.execute("PRAGMA quick_check").fetchall()
            finally:
                conn.close()
        except (OSError, sqlite3.Error, ValueError):
            return
        self._problems = [row[0] for row in rows if row[0] != "ok"]
        self._checked = (stat.st_dev, stat.st_ino)

    def problems(self, db: Path) -> list[str] | None:
        """What the check found on `db` (empty: it passed), once it has finished; None when it
        could not tell for this very file: the opening checks it itself."""
        self._thread.join()
        if self._checked is None or Path(db).resolve() != self._db.resolve():
            return None
        try:
            stat = os.stat(db)
        except OSError:
            return None
        return self._problems if (stat.st_dev, stat.st_ino) == self._checked else None
