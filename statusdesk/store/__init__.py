"""Workspace storage: one `Store` composing its parts (store/repo.py) over SQLite through
sqlite-utils, each part's interface a Protocol (store/contracts.py)."""

from statusdesk.store.contracts import StoreContract
from statusdesk.store.db import WorkspaceError, open_database
from statusdesk.store.repo import Store

__all__ = ["Store", "StoreContract", "WorkspaceError", "open_database"]
