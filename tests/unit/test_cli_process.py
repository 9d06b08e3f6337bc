"""The CLI as scripts and shells meet it: real child processes, real pipes, real locales.

The C locale matters: a server's cron job or a bare container runs commands under LANG=C, and
an Arabic update must go in and come out intact there too. `strict C` also turns off Python's
UTF-8 mode and locale coercion, the worst case: stdout is ASCII and arguments arrive as
surrogate escapes unless the CLI handles them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_cli_support import REPO, add_probes, child_env, sent_text, spawn

AR = "نحقق في فشل طلبات الواجهة البرمجية."
AR_2 = "حددنا السبب: عطل في خادم قاعدة البيانات db-7 عند 14:05 UTC."
AR_3 = "تم الحل <script>alert(1)</script> — نعتذر عن الإزعاج."
EN = "We are investigating failed API requests."

LOCALES = {
    "C.UTF-8": {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    "C": {"LANG": "C", "LC_ALL": "C"},
    "strict C": {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


@pytest.fixture
def probes(home: Path) -> Path:
    """Probe channels in the workspace; the child processes register the kind themselves
    (`spawn(..., probe=True)`)."""
    add_probes(home, {"alpha": {}, "beta": {}})
    return home


def test_the_strict_c_locale_really_is_ascii() -> None:
    """Guard for the tests below: without the CLI's help, this child could not print Arabic."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdout.encoding); print('\\u0639')"],
        capture_output=True,
        env=child_env(**LOCALES["strict C"]),
    )
    assert done.stdout.decode().splitlines()[0].lower() in ("ascii", "ansi_x3.4-1968")
    assert b"UnicodeEncodeError" in done.stderr


@pytest.mark.parametrize("locale", list(LOCALES))
def test_arabic_from_arguments_files_and_stdin(probes: Path, tmp_path: Path, locale: str) -> None:
    env = child_env(**LOCALES[locale])
    home = str(probes)
    opened = spawn(
        "--home", home, "incident", "open", "--title-en", "API outage", "--title-ar", "تعطل",
        "--en", EN, "--ar", AR, probe=True, env=env,
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    incident_id = opened.lines[0]
    assert incident_id.isdigit()
    assert [line.split(":")[0] for line in opened.lines[1:]] == ["alpha", "beta"]

    ar_file = tmp_path / "ar.txt"
    ar_file.write_text(AR_2 + "\n", encoding="utf-8")
    from_file = spawn(
        "--home", home, "incident", "update", incident_id, "--state", "identified",
        "--en", "Identified.", "--ar-file", str(ar_file), "--anyway", probe=True, env=env,
    )  # fmt: skip
    assert from_file.code == 0, from_file.stderr

    from_stdin = spawn(
        "--home", home, "incident", "update", incident_id, "--state", "resolved",
        "--en", "Resolved.", "--ar-file", "-", "--anyway", probe=True, env=env,
        stdin=AR_3.encode(),
    )  # fmt: skip
    assert from_stdin.code == 0, from_stdin.stderr

    shown = spawn("--home", home, "incident", "show", incident_id, "--json", env=env)
    assert shown.code == 0, shown.stderr
    updates = shown.json()["updates"]
    assert [u["body_ar"] for u in updates] == [AR, AR_2, AR_3]
    assert shown.json()["title_ar"] == "تعطل"
    assert '"body_ar": "تم الحل <script>alert(1)</script>' in shown.stdout  # literal, unescaped
    for update in updates:
        assert sent_text(probes, "beta", update["id"]).endswith(update["body_ar"])

    human = spawn("--home", home, "incident", "show", incident_id, env=env)
    assert human.code == 0, human.stderr
    assert AR in human.stdout and AR_2 in human.stdout and AR_3 in human.stdout
    listed = spawn("--home", home, "incident", "list", env=env)
    assert "تعطل" in listed.stdout and "Traceback" not in listed.stderr


def test_an_argument_that_is_not_utf8_exit_3(probes: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "statusdesk", "--home", str(probes), "incident", "open",
         "--title-en", "T", "--en", EN, "--ar", b"\xd9\x86\xff\xfe"],
        capture_output=True, cwd=REPO, env=child_env(**LOCALES["strict C"]),
    )  # fmt: skip
    assert done.returncode == 3
    assert b"is not valid UTF-8 text" in done.stderr and b"Traceback" not in done.stderr
    assert spawn("--home", str(probes), "incident", "list", "--json").json() == []


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_a_100000_character_arabic_body_exit_3_naming_the_limit(
    probes: Path, tmp_path: Path, source: str
) -> None:
    huge = ("نص طويل جدا " * 10_000)[:100_000]
    assert len(huge) == 100_000
    path = tmp_path / "huge.txt"
    path.write_text(huge, encoding="utf-8")
    result = spawn(
        "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar-file", str(path) if source == "file" else "-",
        stdin=huge.encode() if source == "stdin" else None,
    )  # fmt: skip
    assert result.code == 3
    assert "the limit of 20,000 characters" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_exit_codes_across_the_process_boundary(home: Path) -> None:
    add_probes(home, {"alpha": {"fail": "credentials expired"}, "beta": {}})
    usage = spawn("--home", str(home), "incident", "open", "--bogus")
    assert usage.code == 2 and "unrecognized arguments" in usage.stderr
    rejected = spawn("--home", str(home), "incident", "open", "--title-en", "T", probe=True)
    assert rejected.code == 3 and "Both the English and the Arabic text are empty" in (
        rejected.stderr
    )
    failed = spawn(
        "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN, "--ar", AR,
        probe=True,
    )  # fmt: skip
    assert failed.code == 4
    assert failed.lines[1:] == [
        "alpha: failed — alpha: credentials expired",
        failed.lines[2],
    ] and failed.lines[2].startswith("beta: sent file://")
    ok = spawn("--home", str(home), "channel", "list")
    assert ok.code == 0 and "alpha" in ok.stdout


def test_a_script_can_take_the_id_and_close_the_pipe(home: Path) -> None:
    """`id=$(statusdesk incident open ... | head -1)`: the publish still completes and the
    exit code still tells that a channel did not get it. The slow channel makes sure `head` has
    gone before the per-channel lines are written."""
    add_probes(home, {"alpha": {}, "slow": {"sleep": 0.5, "fail": "refused"}})
    pipeline = (
        f"{sys.executable} -m tests.unit.test_cli_support --home {home} incident open "
        f"--title-en T --en 'Investigating.' --ar 'نحقق.' | head -1; "
        'echo "status=${PIPESTATUS[0]}"'
    )
    done = subprocess.run(
        ["bash", "-c", pipeline], capture_output=True, cwd=REPO, env=child_env(), timeout=60
    )
    lines = done.stdout.decode().splitlines()
    assert lines[0].isdigit() and lines[1] == "status=4", done.stderr.decode()
    assert b"Traceback" not in done.stderr
    shown = spawn("--home", str(home), "deliveries", lines[0], "--json").json()
    assert [(d["channel"], d["state"]) for d in shown] == [("alpha", "sent"), ("slow", "failed")]


def test_without_pyside6_the_app_says_so_and_the_cli_still_works(home: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None  # as if PySide6 were not installed\n"
        "from statusdesk.__main__ import main\n"
        f"sys.exit(main(['--home', {str(home)!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=REPO, env=child_env()
    )
    assert done.returncode == 1
    stderr = done.stderr.decode()
    assert "the desktop app cannot start here" in stderr and "PySide6-Essentials" in stderr
    assert "Traceback" not in stderr


def test_the_cli_never_imports_qt(probes: Path) -> None:
    code = (
        "import sys\n"
        "from statusdesk.cli import main\n"
        f"home = {str(probes)!r}\n"
        "assert main(['--home', home, 'incident', 'list']) == 0\n"
        "assert main(['--home', home, 'channel', 'list', '--json']) == 0\n"
        "print('QT', sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=REPO, env=child_env()
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().splitlines()[-1] == "QT []"


# -- the embedded default channel: the local status page (statusdesk/channels/site) -------------


def test_publishing_to_the_site_writes_the_status_page(home: Path) -> None:
    opened = spawn(
        "--home", str(home), "incident", "open", "--title-en", "API outage",
        "--title-ar", "تعطل", "--en", EN, "--ar", AR,
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert opened.lines[1].startswith("site: sent"), opened.stdout
    rows = spawn("--home", str(home), "deliveries", opened.lines[0], "--json").json()
    assert [(r["channel"], r["state"]) for r in rows] == [("site", "sent")]
    assert (home / "site" / "index.html").is_file()


def test_site_build(home: Path) -> None:
    built = spawn("--home", str(home), "site", "build")
    assert built.code == 0, built.stderr
    assert (home / "site" / "index.html").is_file()
    assert built.lines[0]


def test_without_a_command_the_desktop_app_opens_on_the_home_given(tmp_path: Path) -> None:
    """`statusdesk --home DIR` starts the real GUI on DIR (offscreen; the start-up probe closes
    it once the main window has painted)."""
    home = tmp_path / "gui-home"
    done = subprocess.run(
        [sys.executable, "-m", "statusdesk", "--home", str(home)],
        capture_output=True,
        cwd=REPO,
        env=child_env(QT_QPA_PLATFORM="offscreen", STATUSDESK_EXIT_AFTER_SHOW="1"),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"main window shown" in done.stderr
    assert (home / "statusdesk.db").is_file()


def test_the_entry_point_decides_that_no_command_means_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """statusdesk/__main__.py hands "no command" to the GUI, whichever way the command line
    spells it; the CLI on its own (which never imports the GUI) calls that a usage error."""
    import statusdesk.__main__ as entry
    from statusdesk.cli import main as cli_main

    opened: list[str | None] = []
    monkeypatch.setattr(entry, "open_app", lambda home: opened.append(home) or 0)
    assert entry.main([]) == 0
    assert entry.main(["--home", "first"]) == 0
    assert entry.main(["--ho", "second"]) == 0  # an abbreviation only the full grammar knows
    assert opened == [None, "first", "second"]
    capsys.readouterr()
    assert cli_main(["--home", "third"]) == 2
    assert "no command given" in capsys.readouterr().err
    assert opened == [None, "first", "second"]
