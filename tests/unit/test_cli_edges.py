"""Issue 12 §4 at the CLI's edges: input out of range and a full disk give a message and an
exit code (3: bad input, 1: the environment), never a traceback. Through the CLI's own `main`
with captured output, and in real child processes where the environment is the point."""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import need
from tests.unit.test_cli_support import REPO, Result, call, child_env, spawn

BIG = str(2**63)  # one more than SQLite's largest INTEGER
HUGE = "9" * 40
FAR = "in 999999999h"
EN, AR = "We are investigating.", "نحقق في المشكلة."


def opened(capsys: pytest.CaptureFixture[str], home: Path) -> tuple[str, str]:
    """An incident published to the site, and a scheduled update of it: (incident, update)."""
    first = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "API down",
        "--title-ar", "تعطل", "--en", EN, "--ar", AR,
    )  # fmt: skip
    assert first.code == 0, first.stderr
    incident = first.lines[0]
    later = call(
        capsys, "--home", str(home), "incident", "update", incident, "--state", "identified",
        "--en", "Found it.", "--ar", "وجدناه.", "--at", "in 2h",
    )  # fmt: skip
    assert later.code == 0, later.stderr
    return incident, later.lines[0]  # an update's id alone on the first line


def refused(result: Result, code: int, *words: str) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.code == code, (result.code, result.stdout, result.stderr)
    for word in words:
        assert word in result.stderr, result.stderr


WHEN_OPTIONS = {
    "open --at": ["incident", "open", "--title-en", "T", "--title-ar", "ت", "--at", "{when}"],
    "update --at": ["incident", "update", "{incident}", "--state", "identified", "--at", "{when}"],
    "update --eta": [
        "incident", "update", "{incident}", "--state", "identified", "--template", "identified",
        "--eta", "{when}",
    ],
    "--window-start": [
        "incident", "open", "--kind", "maintenance", "--title-en", "T", "--title-ar", "ت",
        "--window-start", "{when}", "--window-end", "in 3h",
    ],
    "--window-end": [
        "incident", "open", "--kind", "maintenance", "--title-en", "T", "--title-ar", "ت",
        "--window-start", "in 1h", "--window-end", "{when}",
    ],
    "update reschedule --at": ["update", "reschedule", "{update}", "--at", "{when}"],
}  # fmt: skip
BODY = ["--en", EN, "--ar", AR]


@pytest.mark.parametrize("when", [FAR, f"in {HUGE}d", "9999-12-31T23:59-05:00"])
@pytest.mark.parametrize("option", list(WHEN_OPTIONS))
def test_a_time_out_of_range_is_refused_with_exit_3(
    capsys: pytest.CaptureFixture[str], home: Path, option: str, when: str
) -> None:
    incident, update = opened(capsys, home)
    argv = [a.format(incident=incident, update=update, when=when) for a in WHEN_OPTIONS[option]]
    if argv[0] == "incident":
        argv += BODY
    result = call(capsys, "--home", str(home), *argv)
    template = WHEN_OPTIONS[option]
    refused(result, 3, template[template.index("{when}") - 1])
    assert "year" in result.stderr or "outside the dates" in result.stderr


ID_COMMANDS = {
    "incident show": ["incident", "show", "{id}"],
    "incident show --json": ["incident", "show", "{id}", "--json"],
    "incident update": ["incident", "update", "{id}", "--state", "identified", *BODY],
    "update cancel": ["update", "cancel", "{id}"],
    "update reschedule": ["update", "reschedule", "{id}", "--at", "in 3h"],
    "update send": ["update", "send", "{id}"],
    "update discard": ["update", "discard", "{id}"],
    "update edit": ["update", "edit", "{id}", "--en", "Changed."],
    "update list --incident": ["update", "list", "--incident", "{id}"],
    "deliveries": ["deliveries", "{id}"],
    "delivery retry": ["delivery", "retry", "{id}"],
    "delivery skip": ["delivery", "skip", "{id}", "--reason", "not ours"],
    "export": ["export", "{id}", "--format", "md"],
}


@pytest.mark.parametrize("number", [BIG, HUGE, f"-{BIG}1"])
@pytest.mark.parametrize("command", list(ID_COMMANDS))
def test_an_id_too_large_to_exist_is_refused_with_exit_3(
    capsys: pytest.CaptureFixture[str], home: Path, command: str, number: str
) -> None:
    opened(capsys, home)
    argv = [a.format(id=number) for a in ID_COMMANDS[command]]
    result = call(capsys, "--home", str(home), *argv)
    refused(result, 3, "there is no")


def test_out_of_range_input_in_a_real_process(home: Path) -> None:
    for argv in (
        ["incident", "open", "--title-en", "T", "--title-ar", "ت", *BODY, "--at", FAR],
        ["incident", "show", BIG],
        ["delivery", "skip", BIG, "--reason", "x"],
    ):
        refused(spawn("--home", str(home), *argv), 3)


def on_a_full_disk(folder: Path, *argv: str) -> list[str]:
    """The command line `statusdesk ARGV` with `folder` on a real full disk: a 16 KiB tmpfs,
    filled, mounted in a private mount namespace (unshare; as a normal user through a user
    namespace) of the child alone."""
    unshare = shutil.which("unshare")
    need(unshare is not None, "unshare(1) is needed (Debian package util-linux)")
    assert unshare is not None
    mount = f"mount -t tmpfs -o size=16k tmpfs '{folder}'"
    probe = subprocess.run([unshare, "-Urm", "sh", "-c", mount], capture_output=True, text=True)
    need(probe.returncode == 0, f"cannot mount a tmpfs in a namespace: {probe.stderr.strip()}")
    script = (
        f"{mount} && (dd if=/dev/zero of='{folder}/filler' bs=1k count=64 2>/dev/null; true) && "
        f"exec '{sys.executable}' -m statusdesk {' '.join(shlex.quote(a) for a in argv)}"
    )
    return [unshare, "-Urm", "sh", "-c", script]


def test_site_build_on_a_full_disk_exit_1_and_keeps_the_page(home: Path) -> None:
    first = spawn("--home", str(home), "incident", "open", "--title-en", "API down",
                  "--title-ar", "تعطل", *BODY)  # fmt: skip
    assert first.code == 0, first.stderr
    before = (home / "site" / "index.html").read_text(encoding="utf-8")
    done = subprocess.run(
        on_a_full_disk(home / ".site-versions", "--home", str(home), "site", "build"),
        capture_output=True,
        cwd=REPO,
        env=child_env(),
        timeout=120,
    )
    result = Result(done.returncode, done.stdout.decode(), done.stderr.decode("utf-8", "replace"))
    refused(result, 1, "full", "site build")
    assert (home / "site" / "index.html").read_text(encoding="utf-8") == before


# -- an empty database in a workspace with a history --------------------------------------------


def test_an_empty_database_beside_a_status_page_is_refused_by_the_cli_and_the_runner(
    home: Path,
) -> None:
    first = spawn("--home", str(home), "incident", "open", "--title-en", "API down",
                  "--title-ar", "تعطل", *BODY)  # fmt: skip
    assert first.code == 0, first.stderr
    page = (home / "site" / "index.html").read_text(encoding="utf-8")
    db = home / "statusdesk.db"
    for leftover in (home / "statusdesk.db-wal", home / "statusdesk.db-shm"):
        leftover.unlink(missing_ok=True)
    db.write_bytes(b"")  # what a full disk or a bad copy leaves
    for argv in (["incident", "list"], ["run"], ["site", "build"]):
        result = spawn("--home", str(home), *argv, timeout=120)
        refused(
            result,
            1,
            "The database is empty but this workspace has a status page",
            "restore it from a backup",
        )
    assert db.stat().st_size == 0
    assert (home / "site" / "index.html").read_text(encoding="utf-8") == page


def test_a_new_workspace_with_an_empty_database_starts(home: Path) -> None:
    (home / "statusdesk.db").write_bytes(b"")
    listed = spawn("--home", str(home), "incident", "list", "--json")
    assert listed.code == 0, listed.stderr
    assert listed.json() == []


def test_an_export_over_a_device_or_pipe_is_refused_and_leaves_it_be(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    """`-o /dev/full` (or /dev/stdout, a FIFO): the atomic rename must not put a regular file
    in its place. A FIFO stands in for the device here, so that a failure harms nothing."""
    incident, _ = opened(capsys, home)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = call(
        capsys, "--home", str(home), "export", incident, "--format", "md", "-o", str(fifo)
    )
    refused(result, 3, "is not a regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_full_disk_under_the_log_never_prints_a_traceback(home: Path) -> None:
    """`statusdesk run` with its logs/ on a full disk (on_a_full_disk): the lapse
    it has to tell still reaches its output, the log's failure is said in one line, and no
    "--- Logging error ---" traceback per record runs over what it says."""
    import signal

    first = spawn("--home", str(home), "incident", "open", "--title-en", "API down",
                  "--title-ar", "تعطل", *BODY)  # fmt: skip
    assert first.code == 0, first.stderr
    import sqlite3

    with sqlite3.connect(home / "statusdesk.db") as db:  # the promise lapsed an hour ago
        db.execute("UPDATE incident SET next_update_due = '2000-01-01T00:00:00Z'")
    runner = subprocess.Popen(
        on_a_full_disk(home / "logs", "--home", str(home), "run"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=child_env(),
    )
    try:
        assert runner.stdout is not None
        said = []
        for raw in runner.stdout:  # waits for the line itself, no fixed time
            said.append(raw.decode())
            if "overdue" in said[-1]:
                break
        assert any("incident 1: next update overdue" in line for line in said), said
        runner.send_signal(signal.SIGTERM)
        _, err = runner.communicate(timeout=60)
    finally:
        if runner.poll() is None:
            runner.kill()
            runner.wait()
    errors = err.decode("utf-8", "replace")
    assert runner.returncode == 0, errors
    assert "Traceback" not in errors and "Logging error" not in errors, errors
    assert errors.count("cannot write") == 1, errors
    assert "No space left on device" in errors, errors
