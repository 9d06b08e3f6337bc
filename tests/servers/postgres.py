"""A real PostgreSQL server (Debian's `postgresql` packages) in a temporary folder, on a free
127.0.0.1 port, for the tests of the team desk's store (issue #17).

    with Postgres.start() as server:
        url = server.create_database()          # an empty database, its postgresql:// URL
        url = server.create_database(template)  # a copy of a database made once (fast)

`initdb` and `pg_ctl` refuse to run as root: as root (CI's containers) they run as the
`postgres` user the package creates, through `runuser`, in a folder that user owns; otherwise as
the current user. Authentication is `trust` on 127.0.0.1 only. The server is tuned for tests
(fsync off: the tests kill clients, never the server) and stopped with the context.

It also speaks TLS, with a certificate for 127.0.0.1 from a test CA made by trustme: a URL with
`?sslmode=verify-full&sslrootcert=` + `server.ca_file` connects over TLS and checks the server,
as a team's URL would (libpq's sslmode; a URL without it connects as before).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "statusdesk"
START_WAIT_S = 60  # pg_ctl's deadline for the server to accept connections (a loaded runner)


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian keeps them per version, off the PATH."""
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Postgres:
    root: Path
    port: int
    bin: Path
    run_as: str | None  # a user to run the server as (when the tests run as root)
    names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def ca_file(self) -> Path:
        """The test CA's certificate, which signed the server's (for `sslrootcert=`)."""
        return self.root / "ca.crt"

    def _make_certificate(self, owner: pwd.struct_passwd | None) -> str:
        """The server's TLS certificate and key, signed by a CA of the tests' own; the options
        that turn TLS on."""
        import trustme

        authority = trustme.CA(organization_name="statusdesk tests")
        issued = authority.issue_cert("127.0.0.1", "localhost")
        authority.cert_pem.write_to_path(str(self.ca_file))
        certificate, key = self.root / "server.crt", self.root / "server.key"
        issued.cert_chain_pems[0].write_to_path(str(certificate))
        issued.private_key_pem.write_to_path(str(key))
        key.chmod(0o600)  # PostgreSQL refuses a key others can read
        for path in (certificate, key, self.ca_file):
            if owner is not None:
                os.chown(path, owner.pw_uid, owner.pw_gid)
        return f"-c ssl=on -c ssl_cert_file={certificate} -c ssl_key_file={key}"

    @classmethod
    @contextlib.contextmanager
    def start(cls) -> Iterator[Postgres]:
        bin_dir = binaries()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL's initdb not found (Debian package postgresql)")
        run_as = "postgres" if os.geteuid() == 0 else None
        # Not under pytest's temporary folder: as root that is 0700 and root's, which the
        # postgres user cannot enter.
        root = Path(tempfile.mkdtemp(prefix="statusdesk-pg-"))
        if run_as is not None:
            account = pwd.getpwnam(run_as)
            os.chown(root, account.pw_uid, account.pw_gid)
        server = cls(root, free_port(), bin_dir, run_as)
        try:
            server._run(
                "initdb",
                "-D",
                str(root / "data"),
                "-A",
                "trust",
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            )
            # The tests' superuser is trusted; any other role signs in with its password, so a
            # desk's password is really asked for and checked.
            hba = root / "data" / "pg_hba.conf"
            hba.write_text(
                "local all all trust\n"
                f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
                "host all all 127.0.0.1/32 scram-sha-256\n",
                encoding="utf-8",
            )
            if run_as is not None:
                os.chown(hba, account.pw_uid, account.pw_gid)
            tls = server._make_certificate(account if run_as is not None else None)
            options = (
                f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 {tls}"
            )
            server._run(
                "pg_ctl",
                "-D",
                str(root / "data"),
                "-l",
                str(root / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                str(START_WAIT_S),
                "start",
            )
            yield server
        finally:
            with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
                server._run("pg_ctl", "-D", str(root / "data"), "-m", "immediate", "stop")
            shutil.rmtree(root, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise subprocess.CalledProcessError(
                done.returncode, command, done.stdout, done.stderr + tail
            )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, template: str | None = None) -> str:
        """A new database (a copy of `template` when given), and its URL."""
        import psycopg

        name = f"t{next(self.names)}_{os.getpid()}"
        copy = f" TEMPLATE {template}" if template else ""
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    def add_role(self, name: str, password: str, database: str) -> str:
        """A role signing in with `password`, owning nothing but allowed into `database`
        (all of its tables); its URL, without the password."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )
        with psycopg.connect(self.url(database), autocommit=True) as owner:
            owner.execute(sql.SQL("GRANT ALL ON SCHEMA public TO {}").format(sql.Identifier(name)))
            owner.execute(
                sql.SQL("GRANT ALL ON ALL TABLES IN SCHEMA public TO {}").format(
                    sql.Identifier(name)
                )
            )
            owner.execute(
                sql.SQL("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {}").format(
                    sql.Identifier(name)
                )
            )
        return f"postgresql://{name}@127.0.0.1:{self.port}/{database}"

    def database_name(self, url: str) -> str:
        return url.rsplit("/", 1)[1]
