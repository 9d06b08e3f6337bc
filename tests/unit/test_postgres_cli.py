"""A workspace on PostgreSQL through the real CLI (issue #17): `db init | migrate | copy |
password`, `--db URL` on the commands, and a password that only ever comes from the keyring —
against a real server (tests/servers/postgres.py) that asks a desk's role for its password."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bench.seed import seed
from statusdesk.store.postgres.schema import MIGRATIONS
from tests import memkeyring
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import Result, call

memory_keyring = memkeyring.memory_keyring

EN = "We are investigating failed card payments."
AR = "نحقق في فشل المدفوعات بالبطاقات."


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def test_a_team_desk_publishes_and_reads_on_postgresql(
    postgres_server: Postgres, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.create_database()
    created = cli(capsys, home, "--db", url, "db", "init")
    assert created.code == 0, created.stderr
    assert created.lines == [
        f"{url.removeprefix('postgresql://')}: schema created at version {len(MIGRATIONS)}"
    ]
    again = cli(capsys, home, "--db", url, "db", "migrate")
    assert again.code == 0 and "nothing changed" in again.lines[0]

    opened = cli(
        capsys, home, "--db", url, "incident", "open", "--title-en", "Card payments failing",
        "--title-ar", "فشل مدفوعات البطاقات", "--en", EN, "--ar", AR, "--impact", "major",
    )  # fmt: skip
    assert opened.code == 0, opened.stdout + opened.stderr
    assert opened.lines[0] == "1"
    # The status page is this machine's: built from the team's records into the folder.
    assert (home / "site" / "incidents" / "1.html").exists()
    assert not (home / "statusdesk.db").exists()  # nothing went to a SQLite file

    updated = cli(
        capsys, home, "--db", url, "incident", "update", "1", "--state", "resolved",
        "--en", "Payments work again.", "--ar", "عادت المدفوعات للعمل.",
    )  # fmt: skip
    assert updated.code == 0, updated.stdout + updated.stderr
    listed = cli(capsys, home, "--db", url, "incident", "list", "--json").json()
    assert [(i["id"], i["state"]) for i in listed] == [(1, "resolved")]
    deliveries = cli(capsys, home, "--db", url, "deliveries", "1", "--json").json()
    assert [d["state"] for d in deliveries] == ["sent", "sent"]


def test_copy_moves_every_row_and_refuses_a_database_holding_a_workspace(
    postgres_server: Postgres, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "workspace"
    seed(home, incidents=30, updates=240)
    before = hashlib.sha256((home / "statusdesk.db").read_bytes()).hexdigest()
    sqlite_list = cli(capsys, home, "incident", "list", "--json").json()
    url = postgres_server.create_database()

    copied = cli(capsys, home, "db", "copy", "--to", url)
    assert copied.code == 0, copied.stderr
    assert "every table's rows and hash match" in copied.lines[-1]
    assert "  update: 240 rows" in copied.stderr
    assert cli(capsys, home, "--db", url, "incident", "list", "--json").json() == sqlite_list

    refused = cli(capsys, home, "db", "copy", "--to", url)
    assert refused.code == 1
    assert "already holds a workspace" in refused.stderr and "nothing was copied" in refused.stderr
    # The SQLite workspace is read, never changed (its integrity check ran when it was
    # opened, which leaves the file as it was).
    assert hashlib.sha256((home / "statusdesk.db").read_bytes()).hexdigest() == before


def test_the_next_incident_after_a_copy_takes_the_next_number(
    postgres_server: Postgres, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "workspace"
    seed(home, incidents=5, updates=10)
    url = postgres_server.create_database()
    assert cli(capsys, home, "db", "copy", "--to", url).code == 0
    opened = cli(
        capsys, home, "--db", url, "incident", "open", "--title-en", "Search slow",
        "--title-ar", "البحث بطيء", "--en", EN, "--ar", AR,
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert opened.lines[0] == "6"


def test_a_password_is_refused_in_the_url_and_taken_from_the_keyring(
    postgres_server: Postgres,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: memkeyring.MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = "Corr3ct-Horse-Battery"
    database = postgres_server.database_name(postgres_server.create_database())
    desk_url = postgres_server.add_role("desk", secret, database)
    with_password = desk_url.replace("desk@", f"desk:{secret}@")

    refused = cli(capsys, home, "--db", with_password, "incident", "list")
    assert refused.code == 1
    assert "holds a password" in refused.stderr and "db password" in refused.stderr
    assert secret not in refused.stdout + refused.stderr

    asked = cli(capsys, home, "--db", desk_url, "db", "init")
    assert asked.code == 1
    assert "asks for a password and none was found" in asked.stderr

    monkeypatch.setattr("sys.stdin", _Typed(secret + "\n"))
    kept = cli(capsys, home, "db", "password", desk_url)
    assert kept.code == 0, kept.stderr
    assert secret not in kept.stdout + kept.stderr
    assert secret in memory_keyring.passwords.values()

    created = cli(capsys, home, "--db", desk_url, "db", "init")
    assert created.code == 0, created.stderr
    opened = cli(
        capsys, home, "--db", desk_url, "incident", "open", "--title-en", "Login errors",
        "--title-ar", "أخطاء الدخول", "--en", EN, "--ar", AR,
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    # Nowhere in the records, the log or what was printed.
    shown = cli(capsys, home, "--db", desk_url, "deliveries", "1", "--json")
    assert secret not in json.dumps(shown.json())
    assert secret not in (home / "logs" / "statusdesk.log").read_text(encoding="utf-8")


def test_the_app_is_opened_on_the_team_database_the_command_line_names(home: Path) -> None:
    from statusdesk import cli

    url = "postgresql://desk@127.0.0.1/statusdesk"
    argv = ["--home", str(home), "--db", url]
    assert cli.asks_for_the_app(argv) == (True, str(home))
    assert cli.team_db(argv) == url
    # A spelling only the full grammar knows (an abbreviated --ho) still opens the app there.
    opened: list[tuple[str | None, str | None]] = []

    def open_app(home: str | None, ui_language: str | None = None, db: str | None = None) -> int:
        opened.append((home, db))
        return 0

    assert cli.main(["--ho", str(home), "--db", url], open_app=open_app) == 0
    assert opened == [(str(home), url)]


class _Typed:
    """Standard input that is not a terminal, holding `text`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        line, _, self.text = self.text.partition("\n")
        return line + "\n"


def test_a_desk_reuses_its_connections_and_closes_them_all(
    postgres_server: Postgres, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The desk's stores come from one pool (a new connection per short task costs 16x one
    from the pool: bench/team_connections.py), and a command leaves no connection behind."""
    import time

    import psycopg

    url = postgres_server.create_database()
    database = postgres_server.database_name(url)
    assert cli(capsys, home, "--db", url, "db", "init").code == 0
    for number in range(3):
        opened = cli(
            capsys, home, "--db", url, "incident", "open", "--title-en", f"Outage {number}",
            "--title-ar", f"انقطاع {number}", "--en", EN, "--ar", AR,
        )  # fmt: skip
        assert opened.code == 0, opened.stderr

    def others() -> int:
        with psycopg.connect(postgres_server.url()) as admin:
            row = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid != "
                "pg_backend_pid()",
                (database,),
            ).fetchone()
        assert row is not None
        return int(row[0])

    deadline = time.monotonic() + 30
    while others() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert others() == 0


def test_without_psycopg_a_team_desk_says_how_to_install_it(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pip install -e .` (the README's first command) brings no psycopg: --db must say so, not
    end in a traceback."""
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg: ImportError
    url = "postgresql://desk@127.0.0.1/statusdesk"
    for argv in (("incident", "list"), ("db", "init")):
        said = cli(capsys, home, "--db", url, *argv)
        assert said.code == 1, said.stderr
        assert "pip install 'statusdesk[team]'" in said.stderr
        assert "Traceback" not in said.stderr
