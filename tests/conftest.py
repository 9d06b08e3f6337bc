"""Fixtures shared by every test: a throwaway workspace, a Desk on it, and the rule that a test
needing a system tool skips on a laptop without it but fails in CI (where it must be there)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run offscreen unless a test starts its own X server; set before PySide6 is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IN_CI = bool(os.environ.get("CI"))


def need(condition: bool, reason: str) -> None:
    """Skip with `reason` on a developer's machine; fail in CI, which installs everything."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this, but: {reason}", pytrace=False)
    pytest.skip(reason)


def need_executable(name: str, package: str) -> str:
    path = shutil.which(name)
    need(path is not None, f"{name} not found (Debian package {package})")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A real PostgreSQL server for the session (tests/servers/postgres.py)."""
    from tests.servers.postgres import Postgres, binaries

    need(binaries() is not None, "PostgreSQL's initdb not found (Debian package postgresql)")
    with Postgres.start() as server:
        yield server


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real user's workspace, config or keyring."""
    base = tmp_path_factory.mktemp("env")
    monkeypatch.setenv("STATUSDESK_HOME", str(base / "default-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))
    # The app's single-instance lock and socket (and a keyring daemon's) live here: a test that
    # kills an app leaves them in its own folder, not in the machine's.
    runtime = base / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


@pytest.fixture(autouse=True)
def _fresh_redaction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no secret remembered for redaction, as a new process does: a
    value one test stored in the keyring (say "nope") must not blank that word out of the
    messages another test reads."""
    from statusdesk import redact

    monkeypatch.setattr(redact, "_values", set())
    monkeypatch.setattr(redact, "_known", None)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "workspace"
    path.mkdir()
    return path


@pytest.fixture
def desk(home: Path) -> Iterator[object]:
    from statusdesk.desk import Desk

    with Desk(home) as opened:
        yield opened


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """Make `folder` really read-only, contents kept: chmod for a normal user; for root (who
    ignores permission bits, as in CI) a read-only bind mount of the folder over itself."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield folder
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    mount = shutil.which("mount")
    need(mount is not None, "mount(8) is needed to make a folder read-only for root")
    done = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True, text=True
    )
    if done.returncode == 0:
        # Older util-linux ignores "ro" on the first bind; remount makes it stick.
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True)
    need(done.returncode == 0, f"cannot bind-mount read-only here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[object]:
    """A real OpenSSH server on 127.0.0.1 (tests/servers/sshd.py), its client key authorized."""
    from tests.servers.sshd import Sshd, sshd_path

    need(sshd_path() is not None, "sshd or ssh-keygen not found (Debian package openssh-server)")
    with Sshd.start(tmp_path / "sshd") as server:
        yield server
