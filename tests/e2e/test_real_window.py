"""The real app in a real X window, driven by real key events (xdotool), from launch to a
published update on the local status page.

Offscreen tests cannot show what only a real X server does: a focused QLineEdit taking Ctrl+U,
a window that gets no keyboard focus without a window manager, Arabic arriving through the
keyboard mapping. This test starts its own Xvfb, so it needs Debian's xvfb, xdotool,
libxcb-icccm4 and libxcb-keysyms1 (it skips without them on a laptop and fails in CI).
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from tests.conftest import need, need_executable

pytestmark = pytest.mark.xvfb

REPO = Path(__file__).resolve().parents[2]
ENGLISH = "Payments recover, we keep watching."
ARABIC = "تتعافى المدفوعات ونواصل المراقبة."
HALF_TITLE = "Half a title"
ARABIC_KEY_DELAYS_MS = (90, 150, 250, 400)  # type_arabic's tries


def free_display() -> int:
    for number in range(91, 400):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    server = need_executable("Xvfb", "xvfb")
    need_executable("xdotool", "xdotool")
    for lib, package in (("xcb-icccm", "libxcb-icccm4"), ("xcb-keysyms", "libxcb-keysyms1")):
        need(ctypes.util.find_library(lib) is not None, f"lib{lib} missing (Debian {package})")
    number = free_display()
    errors = tmp_path / "xvfb.log"
    with errors.open("w") as sink:
        process = subprocess.Popen(
            [server, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            process.wait()
            pytest.fail(f"Xvfb :{number} did not start: {errors.read_text(errors='replace')}")
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def x_env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATUSDESK_EXIT")}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    return env


def app_command(home: Path) -> list[str]:
    """How a user starts it: `python -m statusdesk --home DIR` (the GUI when no subcommand)."""
    if importlib.util.find_spec("statusdesk.__main__") is not None:
        return [sys.executable, "-m", "statusdesk", "--home", str(home)]
    code = "import sys; from statusdesk.gui.launch.app import run; sys.exit(run(sys.argv[1]))"
    return [sys.executable, "-c", code, str(home)]


def xdotool(env: dict[str, str], *args: str, timeout: float = 30) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def wait_for(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def published(home: Path) -> list[tuple[str, str, str]]:
    """(body_en, body_ar, delivery state) of every update, read as another program would."""
    with sqlite3.connect(f"file:{home / 'statusdesk.db'}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            'SELECT u.body_en, u.body_ar, d.state FROM "update" u '
            "JOIN delivery d ON d.update_id = u.id ORDER BY u.id"
        ).fetchall()
    conn.close()
    return [tuple(r) for r in rows]


def grab_screen(env: dict[str, str], path: Path) -> None:
    """A screenshot of the whole X screen through Qt itself (no ImageMagick needed)."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "ok = app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
        "sys.exit(0 if ok else 1)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True, timeout=30)


def open_incident(home: Path, title: tuple[str, str], body: tuple[str, str]) -> int:
    with Desk(home) as desk:
        done = desk.publishing.open_incident(
            title=BilingualText(*title),
            draft=Draft(BilingualText(*body), IncidentState.INVESTIGATING),
        )
        desk.deliveries.wait_for(done.update_id, timeout=30)
    return done.incident_id


def kept_draft(home: Path, incident: int) -> dict[str, str]:
    """The draft the desk keeps for an update on `incident`, read as another program would."""
    with sqlite3.connect(f"file:{home / 'statusdesk.db'}?mode=ro", uri=True) as conn:
        query = "SELECT content FROM draft WHERE target = ?"
        row = conn.execute(query, (str(incident),)).fetchone()
    conn.close()
    return json.loads(row[0]) if row else {}


def type_arabic(env: dict[str, str], home: Path, incident: int, text: str) -> None:
    """Type `text` into the Arabic body, again if the desk did not keep exactly that.

    The X server here has no Arabic in its keymap, so xdotool types each Arabic letter by
    binding it to a spare key, pressing it, and unbinding it. Qt reads the new binding when it
    handles the keymap's change: if it was busy for longer than the key's press, it reads the
    map already undone and the letter is lost (or reads the next letter's binding, and types
    that). A bare QPlainTextEdit that sleeps 150 ms in every 300 loses letters the same way,
    so it is the typing tool's race, not the desk's; and on this Xvfb none of setxkbmap,
    xkbcomp or xmodmap made Arabic a lasting part of the keymap. English letters are in the
    map and always arrive. The desk keeps a draft half a second after the typing pauses
    (gui/compose/drafts.py): that is what is compared, and the published update must still
    be exactly `text`."""
    for attempt, delay_ms in enumerate(ARABIC_KEY_DELAYS_MS):
        if attempt:
            sys.stdout.write(f"the Arabic arrived as {kept_draft(home, incident)!r}; again\n")
            xdotool(env, "key", "--delay", "120", "ctrl+a")
        # Slower each time: a letter is lost when the app takes longer than half the delay.
        xdotool(env, "type", "--delay", str(delay_ms), text)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if kept_draft(home, incident).get("body_ar") == text:
                return
            time.sleep(0.1)
    pytest.fail(f"the Arabic never arrived whole: {kept_draft(home, incident)!r}")


def keep_evidence(env: dict[str, str], home: Path, tmp_path: Path) -> None:
    """What the screen showed, what the workspace holds and what the app logged, printed with
    the failure: a race on a loaded CI machine is seen once, and must be read from its report."""
    report = [f"focused window: {focused_window(env)!r}"]
    try:
        report.append(f"updates and deliveries: {published(home)!r}")
    except sqlite3.Error as error:
        report.append(f"the workspace could not be read: {error}")
    shot = tmp_path / "at-failure.png"
    try:
        grab_screen(env, shot)
        report.append(f"screen at the failure: {shot}")
    except subprocess.SubprocessError as error:
        report.append(f"no screenshot: {error}")
    for path in sorted((tmp_path / "state").rglob("*.log")):
        report.append(f"--- {path.name}\n{path.read_text(errors='replace')}")
    sys.stdout.write("\n".join(report) + "\n")


def focused_window(env: dict[str, str]) -> str:
    """The name of the window holding the keyboard focus, "" while none does: between a
    window mapping and taking the focus, the X server reports the focus as PointerRoot (1),
    and xdotool fails on it ("XGetInputFocus returned the focused window of 1") — a moment to
    wait through, not a failure (it failed a CI run once)."""
    done = subprocess.run(
        ["xdotool", "getwindowfocus", "getwindowname"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    if done.returncode != 0 and (
        "focused window of 1" in done.stderr or "BadWindow" in done.stderr
    ):
        return ""
    assert done.returncode == 0, f"xdotool getwindowfocus getwindowname: {done.stderr}"
    return done.stdout.strip()


def test_real_keys_from_launch_to_a_published_update(xvfb: str, home: Path, tmp_path: Path) -> None:
    older = open_incident(
        home, ("Payments failing", "فشل المدفوعات"), ("Card payments fail.", "تفشل المدفوعات.")
    )
    newer = open_incident(
        home,
        ("Slow dashboard", "بطء لوحة التحكم"),
        ("Pages load slowly.", "يتم تحميل الصفحات ببطء."),
    )
    env = x_env(xvfb)
    env["XDG_STATE_HOME"] = str(tmp_path / "state")  # the app's own log, kept with the test's
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(app_command(home), env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        xdotool(env, "search", "--sync", "--onlyvisible", "--name", "statusdesk")
        # No window manager here: the window must have taken the keyboard itself.
        # The window is up first, saying the workspace is opening; the desk's own title
        # ("statusdesk — <workspace>") replaces that once it is built and listening for keys.
        wait_for(
            lambda: focused_window(env).startswith("statusdesk — /"),
            30,
            "the desk to be built and the window to take the keyboard focus",
        )
        time.sleep(0.5)  # let the first paint and the launch focus settle
        # Ctrl+N puts the cursor in the English title, a QLineEdit: under X11 it would eat
        # Ctrl+U ("delete to line start") if the window did not claim the key. Alt+Down moves
        # from the newest incident to the older one (and its Alt must not leave the menu bar
        # holding the keyboard); Ctrl+U then starts an update on it.
        xdotool(env, "key", "--delay", "120", "ctrl+n")
        xdotool(env, "type", "--delay", "90", HALF_TITLE)
        xdotool(env, "key", "--delay", "120", "alt+Down", "ctrl+u")
        xdotool(env, "type", "--delay", "90", ENGLISH)
        xdotool(env, "key", "--delay", "120", "ctrl+l")
        type_arabic(env, home, older, ARABIC)
        xdotool(env, "key", "--delay", "120", "ctrl+3", "ctrl+Return")

        wait_for(
            lambda: (ENGLISH, ARABIC, "sent") in published(home),
            30,
            "the update to be published and delivered",
        )
        index = home / "site" / "index.html"
        wait_for(lambda: index.exists() and ENGLISH in index.read_text("utf-8"), 10, "site")
        assert ARABIC in (home / "site" / "ar" / "index.html").read_text("utf-8")
        with Desk(home) as desk:
            titles = [i.title.en for i in desk.store.incidents.incidents()]
            assert HALF_TITLE not in titles  # the half-typed new incident was not published
            latest = desk.store.incidents.updates(older)[-1]
            assert (latest.body.en, latest.state) == (ENGLISH, IncidentState.MONITORING)
            assert len(desk.store.incidents.updates(newer)) == 1

        shot = tmp_path / "real-window.png"
        grab_screen(env, shot)
        assert shot.stat().st_size > 10_000

        # F1: the cheat sheet is a window of its own and takes the keyboard; Esc gives it back.
        xdotool(env, "key", "--delay", "150", "F1")
        wait_for(lambda: "keys" in focused_window(env), 10, "the cheat sheet to take focus")
        xdotool(env, "key", "--delay", "150", "Escape")
        wait_for(lambda: focused_window(env).startswith("statusdesk — /"), 10, "focus back")

        # Ctrl+Q asks first, because the new incident's half title is still a draft; Esc keeps
        # it (the app stays), and the box must have taken the keyboard to see that Esc.
        xdotool(env, "key", "--delay", "150", "ctrl+q")
        wait_for(
            lambda: "unpublished" in focused_window(env),
            10,
            "the quit question to take the keyboard",
        )
        xdotool(env, "key", "--delay", "150", "Escape")
        wait_for(lambda: "unpublished" not in focused_window(env), 10, "the question to close")
        assert app.poll() is None
        xdotool(env, "key", "--delay", "150", "ctrl+q")
        wait_for(lambda: "unpublished" in focused_window(env), 10, "the quit question, again")
        xdotool(env, "key", "--delay", "150", "alt+d")  # &Discard and quit
        assert app.wait(timeout=15) == 0
    except BaseException:
        keep_evidence(env, home, tmp_path)
        raise
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        log.close()
        sys.stdout.write((tmp_path / "app.log").read_text(errors="replace"))
