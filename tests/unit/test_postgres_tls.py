"""TLS to a team's PostgreSQL server (issue #17: "TLS to the server when the URL asks for
it"): a URL with `sslmode=verify-full` reaches the records over TLS on every connection the
desk makes — the pool's and the listening one — and a server whose certificate the given CA did
not sign is refused with a message that says so, before anything is read or written."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from statusdesk.desk import Desk
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import Result, call


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def with_tls(url: str, ca: Path) -> str:
    return f"{url}?sslmode=verify-full&sslrootcert={quote(str(ca))}"


def backends(admin_url: str, database: str) -> list[tuple[bool, str]]:
    """(over TLS, application) for every client connected to `database` but this one."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as admin:
        found = admin.execute(
            "SELECT s.ssl, a.query FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) "
            "WHERE a.datname = %s AND a.pid <> pg_backend_pid()",
            (database,),
        ).fetchall()
    return [(bool(over_tls), str(query)) for over_tls, query in found]


def test_every_connection_of_a_team_desk_goes_over_tls_when_the_url_asks(
    postgres_server: Postgres,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # libpq would try TLS unasked (sslmode=prefer); without it unless the URL says otherwise,
    # every connection over TLS shows the URL's sslmode reached each of them.
    monkeypatch.setenv("PGSSLMODE", "disable")
    url = postgres_server.create_database()
    database = postgres_server.database_name(url)
    secure = with_tls(url, postgres_server.ca_file)
    assert cli(capsys, home, "--db", secure, "db", "init").code == 0
    opened = cli(
        capsys, home, "--db", secure, "incident", "open", "--title-en", "Card payments failing",
        "--title-ar", "فشل مدفوعات البطاقات", "--en", "We are investigating.",
        "--ar", "نحقق في الأمر.",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr

    desk = Desk(home, db=secure)
    try:
        assert [i.id for i in desk.views.incidents()] == [1]
        changes = desk.records.changes()
        assert changes is not None
        try:
            assert changes.wait_listening(30)
            connected = backends(postgres_server.url(), database)
            assert any("LISTEN" in query for _, query in connected), connected
            assert len(connected) >= 2 and all(over_tls for over_tls, _ in connected), connected
        finally:
            changes.close()
    finally:
        desk.close()


def test_a_server_the_given_ca_did_not_sign_is_refused_before_anything_is_read(
    postgres_server: Postgres, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import trustme

    url = postgres_server.create_database()
    assert cli(capsys, home, "--db", url, "db", "init").code == 0
    stranger = tmp_path / "another-ca.crt"
    trustme.CA().cert_pem.write_to_path(str(stranger))

    refused = cli(capsys, home, "--db", with_tls(url, stranger), "incident", "list")
    assert refused.code == 1
    assert "Traceback" not in refused.stderr
    assert url.removeprefix("postgresql://") in refused.stderr
    assert "certificate verify failed" in refused.stderr
    assert "sslrootcert names the CA that signed the server's certificate" in refused.stderr
    assert refused.stdout == ""
