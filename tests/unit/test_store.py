"""The workspace database: pragmas, migrations with a backup first, integrity, clear errors.

What any backend must do (claims, transactions across parts, ...) is the contract, in
tests/contract/; here is what is SQLite's own."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from statusdesk.core.model import (
    BilingualText,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.store import Store, WorkspaceError, open_database
from statusdesk.store.schema import MIGRATIONS
from tests.conftest import read_only

NOW = "2026-11-24T10:00:00Z"


def new_incident(store: Store, title: str = "API outage") -> int:
    return store.incidents.create_incident(
        title=BilingualText(title, "تعطل الواجهة"),
        kind=IncidentKind.INCIDENT,
        state=IncidentState.INVESTIGATING,
        impact=Impact.MAJOR,
        started_at=NOW,
        now=NOW,
    )


def test_fresh_workspace_has_wal_foreign_keys_and_the_site_channel(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "statusdesk.db")
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    (channel,) = store.channels.channels()
    assert (channel.kind, channel.name, channel.enabled) == ("site", "site", True)
    store.close()


def test_migration_takes_a_backup_of_a_database_with_data(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    store = Store.open(path)
    new_incident(store)
    store.close()
    v2 = "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
    conn, backup = open_database(path, (*MIGRATIONS, v2))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'note'").fetchone()
    conn.close()
    assert backup is not None and backup.exists()
    assert backup.name.startswith(f"statusdesk.db.v{len(MIGRATIONS)}-")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT title_en FROM incident").fetchone() == ("API outage",)
        assert copy.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert "note" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()
    broken = "CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);"
    with pytest.raises(WorkspaceError):
        open_database(path, (*MIGRATIONS, broken))
    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "half" not in store.db.table_names()
    store.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer statusdesk"):
        Store.open(path)


def test_a_damaged_database_says_how_to_recover(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(WorkspaceError, match=r"damaged|integrity") as info:
        Store.open(path)
    assert ".bak" in str(info.value)
    assert path.read_bytes().startswith(b"this is not")  # left as it was


def test_full_integrity_check_on_demand(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "statusdesk.db")
    assert store.full_integrity_check() == []
    store.close()


def test_a_locked_database_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    store = Store.open(path)
    incident_id = new_incident(store)
    store.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(WorkspaceError, match="locked by another program"):
            new_incident(store, "second")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [i.id for i in store.incidents.incidents()] == [incident_id]
    new_incident(store, "after the lock")
    assert len(store.incidents.incidents()) == 2
    store.close()


def test_the_event_log_is_append_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "statusdesk.db")
    new_incident(store)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE event SET kind = 'forged'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM event")
    assert store.audit.events()[0]["kind"] == "incident.opened"
    store.close()


def test_read_only_workspace_is_refused_clearly_and_left_intact(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    store = Store.open(folder / "statusdesk.db")
    new_incident(store)
    store.close()
    before = (folder / "statusdesk.db").read_bytes()
    with read_only(folder), pytest.raises(WorkspaceError, match="read-only"):
        Store.open(folder / "statusdesk.db")
    assert (folder / "statusdesk.db").read_bytes() == before
    assert Store.open(folder / "statusdesk.db").incidents.incidents()[0].title.en == "API outage"


# -- an empty database in a used workspace (issue 12 §4) --------------------------------------


def _site(home: Path) -> None:
    (home / ".site-versions" / "1").mkdir(parents=True)
    (home / "site").symlink_to(".site-versions/1")


def _export(home: Path) -> None:
    (home / "exports").mkdir()
    (home / "exports" / "incident-1.md").write_text("# API outage\n")


def _log(home: Path) -> None:
    (home / "logs").mkdir()
    (home / "logs" / "statusdesk.log").write_text("2026-12-06 WARNING statusdesk: x\n")


def _backup(home: Path) -> None:
    (home / "statusdesk.db.v3-20261206T100000.bak").write_bytes(b"SQLite format 3\0")


HISTORY = {
    "a status page": _site,
    "1 export": _export,
    "a log of earlier runs": _log,
    "1 database backup": _backup,
}


@pytest.mark.parametrize("found", list(HISTORY))
def test_an_empty_database_in_a_used_workspace_is_refused(tmp_path: Path, found: str) -> None:
    db = tmp_path / "statusdesk.db"
    HISTORY[found](tmp_path)
    db.write_bytes(b"")
    with pytest.raises(WorkspaceError) as refused:
        Store.open(db)
    message = str(refused.value)
    assert f"The database is empty but this workspace has {found}: restore it from a backup" in (
        message
    )
    assert "Nothing was changed" in message
    if found == "1 database backup":
        assert "statusdesk.db.v3-20261206T100000.bak beside it" in message
    assert db.stat().st_size == 0  # not started afresh
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("statusdesk.db")) == [
        "statusdesk.db",
        *(["statusdesk.db.v3-20261206T100000.bak"] if found == "1 database backup" else []),
    ]


def test_everything_found_is_named(tmp_path: Path) -> None:
    for make in HISTORY.values():
        make(tmp_path)
    (tmp_path / "statusdesk.db").write_bytes(b"")
    with pytest.raises(WorkspaceError, match="has a status page, 1 export, a log of earlier runs "
                       "and 1 database backup: restore it from a backup"):  # fmt: skip
        Store.open(tmp_path / "statusdesk.db")


@pytest.mark.parametrize("db_file", ["none", "empty"])
def test_a_new_workspace_still_starts(tmp_path: Path, db_file: str) -> None:
    # Folders a first start makes, still empty, are no history.
    (tmp_path / "exports").mkdir()
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "statusdesk.log").write_bytes(b"")
    if db_file == "empty":
        (tmp_path / "statusdesk.db").write_bytes(b"")
    store = Store.open(tmp_path / "statusdesk.db")
    try:
        assert [c.kind for c in store.channels.channels()] == ["site"]
    finally:
        store.close()


def test_a_one_shot_command_checks_integrity_periodically_and_any_replaced_file_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """quick_check reads the whole database (0.4 s on 100,000 updates, issue #14): a one-shot
    command (check_every) skips it when one passed on this very file recently; a file put in
    its place (a restored backup, a copy) is checked at once, and so is any open without
    check_every (the GUI's start, `statusdesk run`)."""
    import shutil
    import time

    from statusdesk.store import db

    ran: list[Path] = []
    real = db.quick_check

    def counted(conn: sqlite3.Connection) -> list[str]:
        ran.append(path)
        return real(conn)

    monkeypatch.setattr(db, "quick_check", counted)
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()
    assert len(ran) == 1 and (tmp_path / "statusdesk.db.checked").is_file()
    Store.open(path, check_every=3600).close()
    assert len(ran) == 1  # checked a moment ago
    Store.open(path).close()
    assert len(ran) == 2  # without check_every: always
    shutil.copy(path, tmp_path / "copy.db")
    (tmp_path / "copy.db").replace(path)  # another file (inode) under the same name
    Store.open(path, check_every=3600).close()
    assert len(ran) == 3
    Store.open(path, check_every=3600).close()
    assert len(ran) == 3
    record = tmp_path / "statusdesk.db.checked"
    data = json.loads(record.read_text())
    record.write_text(json.dumps({**data, "at": time.time() - 7200}))
    Store.open(path, check_every=3600).close()
    assert len(ran) == 4  # too long ago
    record.write_text("not json")
    Store.open(path, check_every=3600).close()
    assert len(ran) == 5
    assert oct(record.stat().st_mode & 0o777) == "0o600"


def test_damage_after_the_last_check_is_reported_as_damage_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Between two checks SQLite itself refuses a damaged page as a command reads it; the CLI
    says so as the check would have (damaged, restore from a backup), not with a traceback."""
    from tests.unit.test_cli_support import call

    home = tmp_path / "ws"
    assert call(capsys, "--home", str(home), "incident", "list").code == 0
    store = Store.open(home / "statusdesk.db")
    for n in range(40):
        new_incident(store, f"Incident {n} " + "x" * 200)
    (root,) = store.conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'incident'"
    ).fetchone()
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    db_file = home / "statusdesk.db"
    data = bytearray(db_file.read_bytes())
    size = int.from_bytes(data[16:18], "big")  # the header's page size
    start = (root - 1) * size
    data[start : start + size] = b"\xee" * size  # the incident table's first page, no more
    db_file.write_bytes(bytes(data))
    opened = Store.open(db_file, check_every=3600)  # the check passed a moment ago: skipped
    opened.close()
    result = call(capsys, "--home", str(home), "incident", "list")
    assert result.code != 0
    assert "damaged" in result.stderr and ".bak" in result.stderr
    assert "Traceback" not in result.stderr
