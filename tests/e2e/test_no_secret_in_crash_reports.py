"""No secret set through `channel secret` reaches the app's log, its crash report, the report
copied to the clipboard or the terminal — with a real keyring (gnome-keyring on a private
D-Bus, tests/keyring_session.py), the CLI and the app as real processes.

The app (offscreen) reads the secret as the webhook channel does to sign, logs its use, and
then a slot raises an error whose message quotes it: the crash hook that run() installed logs
it, writes the report and shows the dialog, whose Copy report the script presses.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.keyring_session import secret_service
from tests.unit.test_cli_support import REPO, spawn

SECRET = "whsec-Lq7/+=سرّ-crash"

CRASHING_APP = r"""
import logging, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from statusdesk.gui.launch import app as gui_app
from statusdesk.gui.desk.shell import AppShell

home, clipboard_file = sys.argv[1], sys.argv[2]
qapp = gui_app.application()

def shell():
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, AppShell)), None)

def crash():
    desk = shell().desk_window.desk
    secret = desk.secrets.get("hook", "signing_secret")  # as the webhook channel, to sign
    logging.getLogger("statusdesk.channels.webhook").info("signing with %s", secret)
    raise RuntimeError(f"the receiver refused the signature made with {secret}")

def when_ready():
    window = shell()
    if window is None or window.desk_window is None:
        QTimer.singleShot(50, when_ready)
        return
    QTimer.singleShot(0, crash)
    QTimer.singleShot(0, answer_the_dialog)

def answer_the_dialog():
    dialog = next(
        (w for w in QApplication.topLevelWidgets()
         if w.objectName() == "crash-dialog" and w.isVisible()),
        None,
    )
    if dialog is None:
        QTimer.singleShot(50, answer_the_dialog)
        return
    dialog.copy_button.click()
    with open(clipboard_file, "w", encoding="utf-8") as sink:
        sink.write(QApplication.clipboard().text())
    print("shown:", dialog.what.text(), flush=True)
    dialog.close()
    qapp.quit()

QTimer.singleShot(0, when_ready)
sys.exit(gui_app.run(home, argv=[]))
"""


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path_factory.mktemp("keyring")) as env:
        yield env


def test_a_secret_set_through_the_cli_is_in_no_log_report_clipboard_or_output(
    keyring_env: dict[str, str], home: Path, tmp_path: Path
) -> None:
    env = {
        **keyring_env,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),  # where the app's log goes
    }
    url = "url=http://127.0.0.1:9/hook"
    added = spawn("--home", str(home), "channel", "add", "webhook", "hook", "--set", url, env=env)
    assert added.code == 0, added.stderr
    stored = spawn(
        "--home",
        str(home),
        "channel",
        "secret",
        "hook",
        "signing_secret",
        stdin=SECRET.encode(),
        env=env,
    )
    assert stored.code == 0, stored.stderr

    clipboard = tmp_path / "clipboard.txt"
    app = subprocess.run(
        [sys.executable, "-c", CRASHING_APP, str(home), str(clipboard)],
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    output = app.stdout + app.stderr
    assert app.returncode == 0, output.decode(errors="replace")

    needle = SECRET.encode()
    log_folder = tmp_path / "state" / "statusdesk" / "log"
    files = {p: p.read_bytes() for p in log_folder.rglob("*") if p.is_file()}
    [report] = [p for p in files if p.parent.name == "crash" and p.name.startswith("crash-")]
    # They were written, with the secret's place kept and blanked:
    assert b"signing with [redacted]" in files[log_folder / "statusdesk.log"]
    assert b"the receiver refused the signature made with [redacted]" in files[report]
    assert "made with [redacted]" in clipboard.read_text(encoding="utf-8")
    assert b"made with [redacted]" in app.stderr  # the traceback on the terminal
    # …and the secret is nowhere.
    assert [p for p, data in files.items() if needle in data] == []
    assert SECRET not in clipboard.read_text(encoding="utf-8")
    assert needle not in output
