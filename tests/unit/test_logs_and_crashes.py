"""The desktop app's log (rotating, in the platform's log folder, shared by processes), the
redaction that keeps secrets out of it and out of crash reports, the crash report file, and
`statusdesk --version`. Qt-free; the crash dialog and hooks are tested in tests/gui."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pytest

from statusdesk import crash, logs, redact
from tests.unit.test_cli_support import REPO, child_env

SECRET = "tok-9Qx/7+ab=سر&z"  # slashes, plus, equals, Arabic, ampersand: every encoding differs


@pytest.fixture
def fresh_redaction(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has not read any secret yet."""
    monkeypatch.setattr(redact, "_known", None)
    monkeypatch.setattr(redact, "_values", set())


@pytest.fixture
def session(tmp_path: Path) -> Iterator[logs.LogSession]:
    opened = logs.start(tmp_path / "workspace", folder=tmp_path / "log")
    yield opened
    opened.close()


def everything_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


# -- redaction --------------------------------------------------------------------------------


def test_a_remembered_secret_is_redacted_in_every_form_it_takes(fresh_redaction: None) -> None:
    from json import dumps
    from urllib.parse import quote, quote_plus

    assert redact.redact(f"sent {SECRET}") == f"sent {SECRET}"  # not known yet
    redact.remember(SECRET)
    for form in (SECRET, quote(SECRET, safe=""), quote_plus(SECRET), dumps(SECRET), repr(SECRET)):
        text = redact.redact(f"before {form} after")
        assert "tok-9Qx" not in text and "سر" not in text, form
        assert text.startswith("before ") and text.endswith(" after")


def test_short_values_are_not_remembered(fresh_redaction: None) -> None:
    redact.remember("abc")
    redact.remember("")
    redact.remember(None)
    assert redact.redact("abc abc") == "abc abc"


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Authorization: Bearer eyJhbGciOi.abc", "Authorization: ", "eyJhbGciOi"),
        ("{'Authorization': 'OAuth 5f1e2d3c4b', 'Accept': 'json'}", "'Accept'", "5f1e2d3c4b"),
        ("retry with bearer 0123456789abcdef", "retry with bearer", "0123456789abcdef"),
        (
            'OAuth oauth_consumer_key="ck-123", oauth_token="tk-456", oauth_signature="sig%3D"',
            "oauth_consumer_key=",
            "ck-123",
        ),
        ("POST /2/tweets?oauth_token=tk-456&x=1", "x=1", "tk-456"),
        ("GET /feed?access_token=abc123&page=2", "page=2", "abc123"),
        ('{"password": "hunter22", "user": "ops"}', '"user": "ops"', "hunter22"),
        ("smtp://ops:p4ss-w0rd@mail.example:587", "@mail.example:587", "p4ss-w0rd"),
        ("X-Cachet-Token: cachet-tok-9", "X-Cachet-Token", "cachet-tok-9"),
    ],
)
def test_credential_patterns_are_redacted(text: str, kept: str, gone: str) -> None:
    out = redact.redact(text)
    assert gone not in out and kept in out and redact.REDACTED in out


def test_ordinary_text_is_left_alone() -> None:
    text = "Basic checks passed; the API answers again (Authorization header sent)."
    assert redact.redact(text) == text
    # A placeholder is not a value; a header quoted in an error keeps the words after it.
    template = "https://status.example.com/unsubscribe?token={token}"
    assert redact.redact(template) == template
    assert redact.redact(
        "(request had Authorization: Bearer abcdefgh12) Fix the channel's url"
    ) == ("(request had Authorization: Bearer [redacted]) Fix the channel's url")


# -- the log ----------------------------------------------------------------------------------


def test_the_first_line_names_the_workspace_and_the_log_is_in_the_folder_given(
    session: logs.LogSession, tmp_path: Path
) -> None:
    assert session.path == tmp_path / "log" / logs.LOG_NAME
    first = session.path.read_text(encoding="utf-8").splitlines()[0]
    assert f"on workspace {tmp_path / 'workspace'}" in first
    assert f"pid {os.getpid()}" in first


def test_the_platform_log_folder_is_under_xdg_state_home(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("the XDG layout is Linux's")
    state = Path(os.environ["XDG_STATE_HOME"])  # set per test by tests/conftest.py
    assert logs.log_dir() == state / "statusdesk" / "log"
    assert logs.crash_dir() == state / "statusdesk" / "log" / "crash"


def test_the_log_rotates(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    opened = logs.start(None, folder=folder, max_bytes=4000, backups=3)
    try:
        for n in range(400):
            logging.getLogger("statusdesk.test").info("line %04d %s", n, "x" * 40)
    finally:
        opened.close()
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["statusdesk.log", "statusdesk.log.1", "statusdesk.log.2", "statusdesk.log.3"]
    assert all((folder / name).stat().st_size <= 4000 for name in names)
    assert "line 0399" in (folder / "statusdesk.log").read_text(encoding="utf-8")
    assert "line 0000" not in everything_under(folder).decode()  # rotated out: 3 backups kept


def test_a_process_follows_the_log_another_process_rotated(tmp_path: Path) -> None:
    """Two apps (two workspaces) write one log: after one rotates it, the other writes to the
    new file, not on into statusdesk.log.1."""
    path = tmp_path / logs.LOG_NAME
    first = logs.SharedRotatingFileHandler(path, maxBytes=2000, backupCount=2, encoding="utf-8")
    second = logs.SharedRotatingFileHandler(path, maxBytes=2000, backupCount=2, encoding="utf-8")
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "%s", ("y" * 100,), None)
    try:
        second.emit(logging.LogRecord("t", logging.INFO, __file__, 1, "second, early", (), None))
        for _ in range(30):  # the first one rotates the file
            first.emit(record)
        assert (tmp_path / f"{logs.LOG_NAME}.1").exists()
        second.emit(logging.LogRecord("t", logging.INFO, __file__, 1, "second, late", (), None))
    finally:
        first.close()
        second.close()
    assert "second, late" in path.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_keeps_the_tail_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder should be")
    opened = logs.start(tmp_path, folder=blocked / "log")
    try:
        logging.getLogger("statusdesk.test").info("still kept")
        assert opened.path is None
        assert any("still kept" in line for line in opened.tail.lines())
        assert any("cannot write the log" in line for line in opened.tail.lines())
    finally:
        opened.close()


def test_secrets_are_redacted_however_they_are_logged(
    session: logs.LogSession, fresh_redaction: None
) -> None:
    redact.remember(SECRET)
    channel_log = logging.getLogger("statusdesk.channels.webhook")
    channel_log.info("signing with %s", SECRET)
    channel_log.warning(f"refused: {SECRET}", stack_info=True)
    try:
        raise RuntimeError(f"the receiver said: bad signature key {SECRET}")
    except RuntimeError:
        channel_log.exception("send failed")
    assert session.path is not None
    written = session.path.read_text(encoding="utf-8")
    assert "signing with [redacted]" in written
    assert "the receiver said: bad signature key [redacted]" in written  # the traceback's line
    assert "tok-9Qx" not in written and "سر" not in written
    assert not any("tok-9Qx" in line for line in session.tail.lines())


# -- crash reports ----------------------------------------------------------------------------


def raised(message: str) -> crash.ExcInfo:
    try:
        raise KeyError(message)
    except KeyError as error:
        return (KeyError, error, error.__traceback__)


def test_a_crash_report_says_what_where_in_which_versions_and_what_the_log_said(
    tmp_path: Path, fresh_redaction: None
) -> None:
    redact.remember(SECRET)
    when = datetime(2025, 3, 1, 12, 30, 5, tzinfo=UTC)
    error = raised(f"channel x with {SECRET}")
    text = crash.render(
        error,
        when=when,
        about=crash.versions({"Qt": "6.9.9", "workspace": "/srv/ws"}),
        thread="MainThread",
        log_tail=["12:29 INFO statusdesk.desk: published update 7"],
    )
    path = crash.write(text, tmp_path / "crash", when)
    assert path.name == f"crash-20250301T123005Z-{os.getpid()}.txt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    body = path.read_text(encoding="utf-8")
    for expected in (
        "time: 2025-03-01T12:30:05Z",
        f"statusdesk: {metadata.version('statusdesk')}",
        f"Python: {sys.version.split()[0]}",
        "Qt: 6.9.9",
        "workspace: /srv/ws",
        "thread: MainThread",
        "error: KeyError: 'channel x with [redacted]'",
        "in raised",  # the traceback
        "published update 7",  # the log's tail
    ):
        assert expected in body, expected
    assert "tok-9Qx" not in body
    again = crash.write(text, tmp_path / "crash", when)  # same second, same process
    assert again != path and again.exists() and path.exists()
    assert not list((tmp_path / "crash").glob(".crash-*"))  # no temporary left


# -- --version --------------------------------------------------------------------------------


def test_version_prints_the_package_version_and_exits_zero() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "statusdesk", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=child_env(),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"statusdesk {metadata.version('statusdesk')}\n"


def test_version_loads_neither_qt_nor_the_command_grammar() -> None:
    code = (
        "import sys\n"
        "from statusdesk.cli import main\n"
        "code = main(['--version'])\n"
        "heavy = ('PySide6', 'statusdesk.cli.dispatch', 'statusdesk.desk', 'statusdesk.gui')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"statusdesk {metadata.version('statusdesk')}", "[]"]


# -- file modes: the workspace is its owner's alone, whatever the umask (issue #12 §5) ---------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _loose(home: Path) -> list[str]:
    """Everything in the workspace outside the status page that others could read or write."""
    found = []
    for path in [home, *home.rglob("*")]:
        relative = path.relative_to(home).parts
        if path.is_symlink() or (relative and relative[0] in ("site", ".site-versions")):
            continue
        if _mode(path) & 0o077:
            found.append(f"{'/'.join(relative) or '.'}: {oct(_mode(path))}")
    return found


def test_the_workspace_is_private_whatever_the_umask(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    outside = tmp_path / "timeline.json"

    def cli(*argv: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "statusdesk", "--home", str(home), *argv],
            cwd=REPO, env=child_env(), capture_output=True, text=True, umask=0, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr

    cli("incident", "open", "--title-en", "API outage", "--title-ar", "انقطاع الواجهة",
        "--en", "Looking into it.", "--ar", "نحقق في الأمر.")  # fmt: skip
    cli("export", "1", "--format", "md", "-o", str(home / "exports" / "timeline.md"))
    cli("export", "1", "--format", "json", "-o", str(outside))
    cli("site", "build")
    assert _mode(home) == 0o700
    for name in ("statusdesk.db", "logs/statusdesk.log", "exports/timeline.md", ".site.lock"):
        assert _mode(home / name) == 0o600, name
    assert _mode(outside) == 0o600  # an export is private wherever it goes
    assert _loose(home) == []
    # The status page is public by design: readable by all, writable by its owner alone.
    site = (home / "site").resolve()
    assert (site / "index.html").is_file()
    for path in [site, *site.rglob("*")]:
        assert _mode(path) == (0o755 if path.is_dir() else 0o644), path
    # The app's own log and crash reports (outside the workspace), under umask 000 too.
    logs_dir, crash_dir = tmp_path / "applog", tmp_path / "applog" / "crash"
    code = (
        "import logging, sys; from datetime import datetime, UTC; from pathlib import Path\n"
        "from statusdesk import crash, logs\n"
        "session = logs.start(None, folder=Path(sys.argv[1]), max_bytes=200, backups=2)\n"
        "for i in range(20): logging.getLogger('statusdesk.t').warning('line %d of the log', i)\n"
        "session.close()\n"
        "crash.write('report', Path(sys.argv[2]), datetime.now(UTC))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(logs_dir), str(crash_dir)],
        cwd=REPO, env=child_env(), capture_output=True, text=True, umask=0, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = sorted(p for p in logs_dir.rglob("*") if p.is_file())
    assert {p.name for p in written} >= {"statusdesk.log", "statusdesk.log.1"}
    assert any(p.parent == crash_dir for p in written)
    assert [str(p) for p in written if _mode(p) != 0o600] == []
    assert _mode(logs_dir) == _mode(crash_dir) == 0o700


def test_a_loose_workspace_is_tightened_when_it_is_opened(tmp_path: Path) -> None:
    from statusdesk.desk import Desk

    home = tmp_path / "ws"
    with Desk(home):
        pass
    (home / "exports" / "old.md").write_text("an old export", encoding="utf-8")
    (home / "logs" / "statusdesk.log").write_text("old lines\n", encoding="utf-8")
    for path, mode in [
        (home, 0o777),
        (home / "statusdesk.db", 0o666),
        (home / "exports", 0o777),
        (home / "exports" / "old.md", 0o644),
        (home / "logs", 0o755),
        (home / "logs" / "statusdesk.log", 0o666),
    ]:
        path.chmod(mode)
    assert _loose(home) != []
    with Desk(home) as desk:
        # A write while it is open: SQLite's -wal and -shm take the database file's mode.
        desk.store.settings.set_setting("probe", "1", desk.now())
        companions = [home / "statusdesk.db-wal", home / "statusdesk.db-shm"]
        assert all(p.exists() for p in companions)
        assert [(p.name, oct(_mode(p))) for p in companions if _mode(p) != 0o600] == []
        assert _loose(home) == []
    assert _mode(home) == 0o700
