"""One app per workspace, with real app processes in real X windows (Xvfb, xdotool; see
test_real_window.py): a second launch on a workspace leaves one window — the first, brought
forward with the keyboard — and exits 0 within seconds; a launch on another workspace opens its
own; an app killed on a workspace leaves its lock and socket behind, and they block nothing."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.gui.launch.single_instance import address
from tests.e2e.test_real_window import app_command, wait_for, x_env, xvfb

__all__ = ["xvfb"]  # a fixture, used by name

pytestmark = pytest.mark.xvfb

TITLE = "statusdesk — "
HAND_OVER_S = 5.0  # "within a few seconds", with room for a loaded CI machine


@pytest.fixture
def env(
    xvfb: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    runtime = tmp_path_factory.mktemp("run")  # short: a socket's path has ~100 bytes
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))  # so that address() here agrees
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    return x_env(xvfb) | {"XDG_RUNTIME_DIR": str(runtime)}


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for app in started:
        if app.poll() is None:
            app.kill()
        app.wait(timeout=10)


def workspace(tmp_path: Path, name: str) -> Path:
    folder = (tmp_path / name).resolve()
    folder.mkdir()
    return folder


def focused_window(env: dict[str, str]) -> str:
    """The name of the window with the keyboard; "" while none has it (no window yet)."""
    done = subprocess.run(
        ["xdotool", "getwindowfocus", "getwindowname"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def start(
    apps: list[subprocess.Popen[bytes]], env: dict[str, str], home: Path, log: Path
) -> subprocess.Popen[bytes]:
    with log.open("ab") as sink:
        app = subprocess.Popen(app_command(home), env=env, stdout=sink, stderr=subprocess.STDOUT)
    apps.append(app)
    # The desk is in and the window has the keyboard (no window manager gives it).
    wait_for(lambda: focused_window(env) == f"{TITLE}{home}", 30, f"the app on {home}")
    return app


def window_names(env: dict[str, str]) -> list[str]:
    """The names of the app windows on screen."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", TITLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    names = []
    for window in found.stdout.split():
        named = subprocess.run(
            ["xdotool", "getwindowname", window], env=env, capture_output=True, text=True
        )
        names.append(named.stdout.strip())
    return sorted(names)


def launch_again(env: dict[str, str], home: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    began = time.monotonic()
    done = subprocess.run(app_command(home), env=env, capture_output=True, text=True, timeout=60)
    return done, time.monotonic() - began


@pytest.mark.perf  # the hand-over's time (HAND_OVER_S) is a wall-clock bound
def test_a_second_launch_leaves_one_window_and_brings_it_forward(
    env: dict[str, str], apps: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    one, two = workspace(tmp_path, "one"), workspace(tmp_path, "two")
    log = tmp_path / "apps.log"
    first = start(apps, env, one, log)
    other = start(apps, env, two, log)  # another workspace: an app of its own, with the keys
    assert window_names(env) == sorted([f"{TITLE}{one}", f"{TITLE}{two}"])
    # The first app listens once its desk is on screen.
    wait_for(lambda: Path(address(one).server).exists(), 10, "the first app to listen")

    again, took = launch_again(env, one)
    assert again.returncode == 0, again.stderr
    assert took < HAND_OVER_S, f"the second launch took {took:.1f} s"
    assert "is open already" in again.stderr
    assert first.poll() is None and other.poll() is None
    assert window_names(env) == sorted([f"{TITLE}{one}", f"{TITLE}{two}"])
    # The first one came forward with the keyboard, over the app opened since.
    wait_for(lambda: focused_window(env) == f"{TITLE}{one}", 10, "the first app to take the keys")
    applog = Path(env["XDG_STATE_HOME"]) / "statusdesk" / "log" / "statusdesk.log"
    assert "another launch asked for this workspace" in applog.read_text(encoding="utf-8")


@pytest.mark.perf  # the take-over and hand-over times are wall-clock bounds
def test_an_app_killed_on_a_workspace_blocks_no_later_launch(
    env: dict[str, str], apps: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    home = workspace(tmp_path, "one")
    where = address(home)
    log = tmp_path / "apps.log"
    crashed = start(apps, env, home, log)
    wait_for(lambda: Path(where.server).exists(), 10, "the app to listen")
    crashed.kill()
    crashed.wait(timeout=10)
    assert where.lock.exists() and Path(where.server).exists()  # left behind, as by a crash

    began = time.monotonic()
    after = start(apps, env, home, log)  # starts, and takes the workspace over
    assert time.monotonic() - began < 30
    wait_for(lambda: Path(where.server).exists(), 10, "the new app to listen")
    again, took = launch_again(env, home)
    assert again.returncode == 0 and took < HAND_OVER_S, again.stderr
    assert after.poll() is None
    assert window_names(env) == [f"{TITLE}{home}"]
