"""One app per workspace (statusdesk/gui/single_instance.py), offscreen: the names the lock and
the socket get, a lock held by a live process and one left by a killed process, a stale socket,
the hand-over of a launch's arguments, and an app that does not answer. Whole apps in real
windows: tests/e2e/test_single_instance.py."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from statusdesk.gui.desk.shell import AppShell
from statusdesk.gui.launch import launch_server, single_instance
from statusdesk.gui.launch.app import run
from statusdesk.gui.launch.single_instance import Handover, SingleInstance, address
from statusdesk.workspace import resolve_home
from tests.unit.test_cli_support import REPO, child_env

# A process that holds a workspace as the app does: the lock, then (given "listen") the socket;
# it prints each launch's message, and ends after the first when given "once".
HOLDER = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from statusdesk.gui.launch.single_instance import SingleInstance

app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
print("claimed" if instance.claim() else "refused", flush=True)
if "listen" in sys.argv:
    server = instance.listen()
    def asked(message):
        print(json.dumps(message), flush=True)
        if "once" in sys.argv:
            app.quit()
    server.asked.connect(asked)
print("ready", flush=True)
app.exec()
instance.close()
"""


@pytest.fixture
def runtime(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("run")
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    return folder


def start_holder(home: Path, *options: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home), *options],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(QT_QPA_PLATFORM="offscreen"),
        cwd=REPO,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "claimed"
    assert holder.stdout.readline().strip() == "ready"
    return holder


@pytest.fixture
def holders() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def test_names_follow_the_resolved_workspace_and_live_in_the_runtime_folder(
    runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "workspace"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    spelled = [address(resolve_home(s)) for s in (str(real), "link", "./workspace/../link")]
    assert spelled[0] == spelled[1] == spelled[2]
    assert address(resolve_home(tmp_path / "other")) != spelled[0]
    assert Path(spelled[0].server).parent == runtime
    assert spelled[0].lock.parent == runtime

    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/4242")
    monkeypatch.setenv("FLATPAK_ID", "io.github.statusdesk.StatusDesk")
    shared = Path("/run/user/4242/app/io.github.statusdesk.StatusDesk")  # all sandboxes see it
    assert Path(address(real).server).parent == shared
    assert address(real).lock.parent == shared

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / ("long" * 30)))
    assert "/" not in address(real).server  # too long for a socket: Qt's own place

    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.delenv("FLATPAK_ID")
    bare = address(real)
    assert bare.server == single_instance.key(real) and "/" not in bare.server


def test_a_live_holder_keeps_the_workspace_and_a_killed_one_does_not(
    runtime: Path, home: Path, holders: list[subprocess.Popen[str]]
) -> None:
    holder = start_holder(home, "listen")
    holders.append(holder)
    where = address(home)
    assert where.lock.exists() and Path(where.server).exists()
    assert not SingleInstance(home).claim()

    holder.send_signal(signal.SIGKILL)  # a crash: nothing cleaned up
    holder.wait(timeout=10)
    assert where.lock.exists() and Path(where.server).exists()  # both left behind
    after = SingleInstance(home)
    try:
        assert after.claim()
        server = after.listen()  # over the stale socket file
        assert server is not None
        probe = socket.socket(socket.AF_UNIX)
        probe.connect(where.server)  # someone listens there now
        probe.close()
    finally:
        after.close()
    assert not where.lock.exists() and not Path(where.server).exists()


def test_a_stale_socket_without_a_lock_does_not_block(runtime: Path, home: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    where = address(home)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(where.server)  # a socket file nobody listens on: what a killed app leaves
    stale.close()
    instance = SingleInstance(home)
    try:
        assert instance.claim()
        assert instance.listen() is not None
    finally:
        instance.close()


def test_a_launch_hands_its_arguments_to_the_app_that_holds_the_workspace(
    runtime: Path, home: Path, holders: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    holder = start_holder(home, "listen", "once")
    holders.append(holder)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path\n"
            "from statusdesk.gui.launch.single_instance import SingleInstance\n"
            "print(SingleInstance(Path(sys.argv[1])).hand_over(sys.argv[2:]).name)\n",
            str(home),
            "--home",
            str(home),
        ],
        capture_output=True,
        text=True,
        env=child_env(XDG_ACTIVATION_TOKEN="token-from-the-launcher"),
        cwd=tmp_path,
        timeout=30,
    )
    assert done.stdout.strip() == Handover.HANDED_OVER.name, done.stderr
    assert holder.stdout is not None
    message = json.loads(holder.stdout.readline())
    assert message == {
        "argv": ["--home", str(home)],
        "cwd": str(tmp_path),
        "activation_token": "token-from-the-launcher",
    }
    assert holder.wait(timeout=10) == 0


def test_an_app_that_takes_the_launch_but_never_answers_is_said_so(
    runtime: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(launch_server, "ANSWER_S", 0.5)
    mute = socket.socket(socket.AF_UNIX)
    mute.bind(address(home).server)
    mute.listen(1)
    try:
        assert SingleInstance(home).hand_over(["--home", str(home)]) is Handover.NO_ANSWER
    finally:
        mute.close()


def test_run_on_a_workspace_open_elsewhere_hands_over_and_shows_nothing(
    qapp: QApplication,
    runtime: Path,
    home: Path,
    holders: list[subprocess.Popen[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    holder = start_holder(home, "listen", "once")
    holders.append(holder)
    before = set(QApplication.topLevelWidgets())
    assert run(str(home), argv=["--home", str(home)]) == 0
    assert not [w for w in set(QApplication.topLevelWidgets()) - before if isinstance(w, AppShell)]
    assert "is open already" in capsys.readouterr().err
    assert holder.stdout is not None
    assert json.loads(holder.stdout.readline())["argv"] == ["--home", str(home)]
    assert holder.wait(timeout=10) == 0


def test_run_takes_the_workspace_when_its_holder_ends_while_it_waits(
    qapp: QApplication,
    runtime: Path,
    home: Path,
    holders: list[subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A holder that never listens (still starting, then gone): the launch waits for it, and
    when it ends, starts as the workspace's app itself."""
    holder = start_holder(home)  # the lock only
    holders.append(holder)
    outcomes: list[Handover] = []
    hand_over = SingleInstance.hand_over

    def noted(self: SingleInstance, argv: list[str]) -> Handover:
        outcomes.append(hand_over(self, argv))
        return outcomes[-1]

    monkeypatch.setattr(SingleInstance, "hand_over", noted)
    monkeypatch.setenv("STATUSDESK_EXIT_AFTER_SHOW", "1")
    threading.Timer(0.5, os.kill, (holder.pid, signal.SIGKILL)).start()
    assert run(str(home), argv=[]) == 0  # its desk was built and shown (the probe quit it)
    assert outcomes == [Handover.FIRST_NOW]


def test_the_window_says_why_it_came_forward(qtbot, home: Path, active_incident: int) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.gui.desk.main_window import MainWindow
    from statusdesk.gui.desk.shell import ANOTHER_LAUNCH
    from statusdesk.gui.runtime.session import Session

    shell = AppShell()
    shell.show()
    session = Session(home)
    try:
        shell.answer_another_launch()  # before the desk is in: kept for it
        desk = MainWindow(session)
        shell.take(desk)
        assert desk.statusBar().currentMessage() == ANOTHER_LAUNCH
        desk.statusBar().clearMessage()
        shell.showMinimized()
        shell.answer_another_launch()
        assert not shell.isMinimized()
        assert desk.statusBar().currentMessage() == ANOTHER_LAUNCH
    finally:
        shell.close()
        session.close()
