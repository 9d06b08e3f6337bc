"""SQLite workspace storage through sqlite-utils: opening, migrations, queries."""

from statusdesk.store.db import WorkspaceError, open_database
from statusdesk.store.repo import Store

__all__ = ["Store", "WorkspaceError", "open_database"]
