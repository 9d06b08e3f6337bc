"""Who may do what on a team desk stays with the database (issue #17): the groups of
statusdesk/store/postgres/roles.sql, applied to a real server, hold — a desk signed in as a
reader lists, shows and exports, and every write it tries is refused by the server with a
message saying so, nothing changed; a publisher opens and updates incidents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests import memkeyring
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import Result, call

memory_keyring = memkeyring.memory_keyring

EN = "We are investigating failed card payments."
AR = "نحقق في فشل المدفوعات بالبطاقات."


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def login(server: Postgres, database: str, name: str, group: str) -> str:
    with psycopg.connect(server.url(database), autocommit=True) as owner:
        owner.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(f"{name}-password"), sql.Identifier(group)
            )
        )
    return f"postgresql://{name}@127.0.0.1:{server.port}/{database}"


def test_a_reader_reads_and_exports_and_every_write_is_refused_by_the_server(
    postgres_server: Postgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: memkeyring.MemoryKeyring,
) -> None:
    owner_url = postgres_server.create_database()
    database = postgres_server.database_name(owner_url)
    home = tmp_path / "owner"
    assert cli(capsys, home, "--db", owner_url, "db", "init").code == 0
    roles = resources.files("statusdesk.store.postgres").joinpath("roles.sql").read_text()
    with psycopg.connect(owner_url, autocommit=True) as owner:
        owner.execute(roles)  # type: ignore[arg-type]  # a script of our own, no parameters
    opened = cli(
        capsys, home, "--db", owner_url, "incident", "open", "--title-en", "Card payments",
        "--title-ar", "مدفوعات البطاقات", "--en", EN, "--ar", AR,
    )  # fmt: skip
    assert opened.code == 0, opened.stderr

    reader_url = login(postgres_server, database, "rana", "statusdesk_read")
    publisher_url = login(postgres_server, database, "omar", "statusdesk_publish")
    memory_keyring.passwords[("statusdesk", f"postgres/{reader_url.split('//')[1]}")] = (
        "rana-password"
    )
    memory_keyring.passwords[("statusdesk", f"postgres/{publisher_url.split('//')[1]}")] = (
        "omar-password"
    )
    reader_home, publisher_home = tmp_path / "rana", tmp_path / "omar"

    listed = cli(capsys, reader_home, "--db", reader_url, "incident", "list", "--json")
    assert listed.code == 0, listed.stderr
    assert [i["title_en"] for i in listed.json()] == ["Card payments"]
    exported = cli(capsys, reader_home, "--db", reader_url, "export", "1", "--format", "json")
    assert exported.code == 0, exported.stderr

    refused = cli(
        capsys, reader_home, "--db", reader_url, "incident", "update", "1",
        "--en", "Still looking.", "--ar", "ما زلنا نبحث.", "--state", "identified",
    )  # fmt: skip
    assert refused.code == 1
    assert "may only read" in refused.stderr and "Nothing was changed" in refused.stderr
    assert "rana-password" not in refused.stdout + refused.stderr
    assert (
        len(
            cli(capsys, home, "--db", owner_url, "incident", "show", "1", "--json").json()[
                "updates"
            ]
        )
        == 1
    )

    updated = cli(
        capsys, publisher_home, "--db", publisher_url, "incident", "update", "1",
        "--en", "Fixed.", "--ar", "تم الإصلاح.", "--state", "resolved",
    )  # fmt: skip
    assert updated.code == 0, updated.stdout + updated.stderr
    publisher = psycopg.connect(publisher_url, password="omar-password")
    try:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            publisher.execute("DELETE FROM event")
    finally:
        publisher.close()
