"""The folder's `store.url` setting (issue #17): a workspace that keeps its records on a team's
PostgreSQL server says so once, in the folder, and every command and the app then open the
server without `--db`; `--db URL` overrides it for one run and `--db local` opens the folder's
own file. It is kept on this machine, as `ui.language` is: a team desk writes both to the
folder's file, never to the server every desk shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.workspace import peek_local_setting, records_url
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import Result, call

EN = "We are investigating failed card payments."
AR = "نحقق في فشل المدفوعات بالبطاقات."


def rows(url: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url) as connection:
        return list(connection.execute(sql).fetchall())


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def open_incident(capsys: pytest.CaptureFixture[str], home: Path, *db: str) -> Result:
    return cli(
        capsys, home, *db, "incident", "open", "--title-en", "Card payments failing",
        "--title-ar", "فشل مدفوعات البطاقات", "--en", EN, "--ar", AR,
    )  # fmt: skip


@pytest.mark.parametrize(
    "value, why",
    [
        ("postgresql://desk:hunter2@db.example/statusdesk", "password"),
        ("postgresql://desk@db.example/statusdesk?password=hunter2", "password"),
        ("https://db.example/statusdesk", "postgresql"),
        ("mysql://desk@db.example/statusdesk", "postgresql"),
        ("postgresql://desk@db example/statusdesk", "postgresql"),
    ],
)
def test_store_url_refuses_what_is_not_a_postgresql_address_without_a_password(
    capsys: pytest.CaptureFixture[str], home: Path, value: str, why: str
) -> None:
    refused = cli(capsys, home, "setting", "set", "store.url", value)
    assert refused.code != 0
    assert "store.url" in refused.stderr and why in refused.stderr.lower()
    assert "hunter2" not in refused.stdout + refused.stderr
    assert peek_local_setting(home / "statusdesk.db", "store.url") is None  # nothing kept


def test_the_flag_wins_over_the_setting_and_local_names_the_folder_s_file(home: Path) -> None:
    team = "postgresql://desk@db.example/statusdesk"
    assert records_url(home, None) is None  # no folder yet: its own file, made when opened
    assert records_url(home, team) == team
    assert records_url(home, "local") is None


def test_a_folder_pointing_at_postgresql_opens_it_for_every_command(
    postgres_server: Postgres, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.create_database()
    # The folder's own workspace first: one incident there, then the pointer.
    assert open_incident(capsys, home).code == 0
    kept = cli(capsys, home, "setting", "set", "store.url", url)
    assert kept.code == 0, kept.stderr
    assert peek_local_setting(home / "statusdesk.db", "store.url") == url
    assert records_url(home, None) == url

    # Without --db: the server (created and migrated as `--db URL` would), not the folder.
    assert cli(capsys, home, "incident", "list", "--json").json() == []
    opened = open_incident(capsys, home)
    assert opened.code == 0, opened.stderr
    assert opened.lines[0] == "1"
    on_server = cli(capsys, home, "--db", url, "incident", "list", "--json").json()
    assert [i["id"] for i in on_server] == [1]
    assert len(cli(capsys, home, "incident", "list", "--json").json()) == 1
    # `--db local` is the folder's own file for one run: its one incident, untouched.
    local = cli(capsys, home, "--db", "local", "incident", "list", "--json").json()
    assert [i["title_en"] for i in local] == ["Card payments failing"]
    assert len(local) == 1

    # The team desk reads and writes this machine's settings in the folder, not on the server.
    shown = cli(capsys, home, "setting", "get", "store.url")
    assert shown.code == 0 and url.split("@", 1)[1] in shown.stdout
    assert cli(capsys, home, "setting", "set", "ui.language", "ar").code == 0
    assert peek_local_setting(home / "statusdesk.db", "ui.language") == "ar"
    everyone = cli(capsys, home, "--db", url, "setting", "list", "--json").json()
    assert {r["key"]: r["value"] for r in everyone}["ui.language"] == "ar"
    assert rows(url, "SELECT key FROM setting") == []
    # A shared setting still goes to the server, for every desk.
    assert cli(capsys, home, "setting", "set", "review.required", "on").code == 0
    assert rows(url, "SELECT key, value FROM setting") == [("review.required", "on")]

    # Back to the folder's own file: emptied on this machine, from the team desk itself.
    assert cli(capsys, home, "setting", "set", "store.url", "").code == 0
    assert records_url(home, None) is None
    assert len(cli(capsys, home, "incident", "list", "--json").json()) == 1


def test_the_app_opens_the_server_the_folder_names(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from statusdesk import __main__ as entry
    from statusdesk.gui.launch import app

    url = "postgresql://desk@127.0.0.1:1/statusdesk"
    assert cli(capsys, home, "setting", "set", "store.url", url).code == 0
    opened: list[tuple[str | None, object]] = []

    def run(home: str | None, **given: object) -> int:
        opened.append((given.get("db"), given.get("early")))
        return 0

    monkeypatch.setattr(app, "run", run)
    assert entry.main(["--home", str(home)]) == 0
    assert entry.main(["--home", str(home), "--db", "local"]) == 0
    (team, team_check), (local, local_check) = opened
    # The team desk skips the folder file's integrity check: its records are the server's.
    assert team == url and team_check is None
    assert local is None and local_check is not None


def test_a_server_the_folder_names_but_cannot_reach_says_how_to_open_the_folder_s_own_file(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert open_incident(capsys, home).code == 0
    gone = "postgresql://desk@127.0.0.1:1/statusdesk"  # nothing listens on port 1
    assert cli(capsys, home, "setting", "set", "store.url", gone).code == 0

    refused = cli(capsys, home, "incident", "list")
    assert refused.code == 1 and refused.stdout == ""
    assert "desk@127.0.0.1:1/statusdesk" in refused.stderr
    assert "This folder's store.url setting names that database" in refused.stderr
    assert "`statusdesk --db local` opens the folder's own file" in refused.stderr
    # Given with --db, the same server is not the folder's doing: no word of store.url.
    other = "postgresql://desk@127.0.0.1:2/statusdesk"
    assert "store.url" not in cli(capsys, home, "--db", other, "incident", "list").stderr

    # As it says: the folder's own file without the server, then the setting forgotten.
    local = cli(capsys, home, "--db", "local", "incident", "list", "--json").json()
    assert [i["title_en"] for i in local] == ["Card payments failing"]
    assert cli(capsys, home, "--db", "local", "setting", "set", "store.url", "").code == 0
    assert cli(capsys, home, "incident", "list").code == 0
