"""`statusdesk db copy --to URL`: a workspace's whole history moved from its SQLite file into an
empty PostgreSQL database, every row with its id, then counted and hashed on both sides.

The target must hold no workspace (a database that does is refused: copying over it would mix
two histories). The schema is created at the source's version, then each table is copied with
COPY, in an order where every row's references exist before it, inside one transaction: a copy
that fails half-way leaves the database as empty as it was. The identity sequences are moved
past the copied ids so that the next incident gets the next number. Afterwards each table is
read back in primary-key order and compared with the source by its row count and a SHA-256
over its values as text; any difference is reported and the command fails.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.store.db import WorkspaceError
from statusdesk.store.postgres.database import PostgresDatabase, where
from statusdesk.store.postgres.store import VERSION_TABLE, schema_version, upgrade

# Every table of the schema, each after the tables it references, with its primary key (the
# order rows are compared in) and whether its id is an identity column to move past the copy.
TABLES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("component_group", ("id",), True),
    ("component", ("id",), True),
    ("incident", ("id",), True),
    ("incident_component", ("incident_id", "component_id"), False),
    ("update", ("id",), True),
    ("channel", ("id",), True),
    ("update_override", ("update_id", "channel_id"), False),
    ("delivery", ("id",), True),
    ("delivery_part", ("id",), True),
    ("subscriber", ("id",), True),
    ("subscriber_component", ("subscriber_id", "component_id"), False),
    ("setting", ("key",), False),
    ("event", ("id",), True),
    ("draft", ("target",), False),
    ("postmortem", ("incident_id",), False),
    ("thread_anchor", ("incident_id", "channel_id"), False),
    ("review", ("id",), True),
    ("presence", ("desk",), False),
)


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    matches: bool


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _as_text(value: Any) -> str | None:
    # SQLite types by value, PostgreSQL by column: compare what each holds as text.
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _digest(rows: Iterable[Iterable[Any]]) -> tuple[int, str]:
    count, digest = 0, hashlib.sha256()
    for row in rows:
        count += 1
        digest.update(json.dumps([_as_text(v) for v in row], ensure_ascii=False).encode())
        digest.update(b"\n")
    return count, digest.hexdigest()


def source_tables(conn: sqlite3.Connection) -> set[str]:
    return {
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }


def columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({_quoted(table)})")]


def copy_workspace(
    source: sqlite3.Connection,
    source_path: Path,
    target: PostgresDatabase,
    progress: Callable[[str, int], None] = lambda table, rows: None,
) -> list[TableCheck]:
    """Copy `source` (a migrated workspace) into the empty `target`; returns each table's
    check. Raises WorkspaceError if the target holds a workspace or anything differs after."""
    from statusdesk.store.schema import MIGRATIONS

    version = source.execute("PRAGMA user_version").fetchone()[0]
    unknown = source_tables(source) - {name for name, _, _ in TABLES}
    if version != len(MIGRATIONS) or unknown:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The workspace {path} is not at this statusdesk's schema (version {version}, "
                "tables {tables}). Open it once with this statusdesk, then copy it.",
            ).format(path=source_path, version=version, tables=", ".join(sorted(unknown)) or "-")
        )
    _refuse_a_workspace(target)
    with target.transaction():
        upgrade(target)
        # The first migration gives a new workspace its site channel; the copy brings its own.
        target.execute("DELETE FROM channel")
        for table, _key, _identity in TABLES:
            names = columns_of(source, table)
            columns = ", ".join(_quoted(n) for n in names)
            rows = source.execute(f"SELECT {columns} FROM {_quoted(table)}")
            copied = 0
            with target.conn.cursor().copy(f"COPY {_quoted(table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    copied += 1
            progress(table, copied)
        for table, _, identity in TABLES:
            if identity:
                target.execute(
                    f"SELECT setval(pg_get_serial_sequence('{_quoted(table)}', 'id'), "
                    f"COALESCE(max(id), 1), max(id) IS NOT NULL) FROM {_quoted(table)}"
                )
    return compare(source, target)


def _refuse_a_workspace(target: PostgresDatabase) -> None:
    version = schema_version(target)
    tables = target.tuples(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_name != ?",
        (VERSION_TABLE,),
    )[0][0]
    if version or tables:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{server} already holds a workspace (or other tables): nothing was copied. Copy "
                "into a new, empty database (createdb), so that two histories are never mixed.",
            ).format(server=where(target.url))
        )


def compare(source: sqlite3.Connection, target: PostgresDatabase) -> list[TableCheck]:
    """Each table's row count and SHA-256 (over its values as text, in primary-key order) on
    both sides; WorkspaceError naming the tables that differ."""
    checks = []
    for table, key, _ in TABLES:
        names = columns_of(source, table)
        columns = ", ".join(_quoted(n) for n in names)
        order = ", ".join(_quoted(k) for k in key)
        query = f"SELECT {columns} FROM {_quoted(table)} ORDER BY {order}"
        # The same order on both sides: keys are integers, or text compared byte by byte.
        theirs_query = query if key != ("key",) and key != ("target",) else query + ' COLLATE "C"'
        ours = _digest(source.execute(query))
        theirs = _digest(target.conn.execute(theirs_query))
        checks.append(TableCheck(table, ours[0], ours == theirs))
    different = [check.table for check in checks if not check.matches]
    if different:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The copy in {server} differs from the workspace in {tables}. Drop that database "
                "and copy again; the workspace itself was not changed.",
            ).format(server=where(target.url), tables=", ".join(different))
        )
    return checks
