"""Screenshots of the real app for the README, into resources/screenshots/.

    python bench/screenshots.py [--out DIR] [--keep-workspace DIR] [--themes light,dark]
                                [--ui-language en|ar]

Builds a demo workspace (an active incident with bilingual updates delivered to the local status
page, a maintenance, a resolved incident), starts its own Xvfb, starts the app the way a user
does (`python -m statusdesk --home DIR`, Qt's xcb platform: a real X window, real fonts and
shaping) and drives it with real key events (xdotool), grabbing the screen at each step:

- main-window.png: at launch, the active incident current;
- composer.png: an update written in English and Arabic side by side (Ctrl+U, Ctrl+L);
- palette.png: the command palette (Ctrl+K) searching in Arabic;
- cheat-sheet.png: every key (F1);
- scale-200.png: the same desk at 200% (QT_SCALE_FACTOR=2 on a 1920x1080 screen).

Each in every scheme of `--themes` (the workspace's ui.theme set before the app starts): the
light shots keep the names above, the others add the scheme ("main-window-dark.png"). With
`--ui-language ar` the app is started with `--ui-language ar` (the translated interface, issue
#16) and the names add "-ar" ("composer-dark-ar.png").

Needs Xvfb and xdotool (Debian: xvfb, xdotool); tests/e2e/test_screenshots.py runs it in CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.desk import Desk

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "resources" / "screenshots"
SHOTS = ("main-window", "composer", "palette", "cheat-sheet", "scale-200")
THEMES = ("light", "dark")
ENGLISH = "Payments succeed again since 15:10 UTC; we are watching the error rate."
ARABIC = "عادت المدفوعات تنجح منذ الساعة 15:10 UTC، ونراقب معدل الأخطاء."
# The windows' titles as each interface language says them (the translations in
# statusdesk/gui/i18n/ts/): the script finds a window by its title's start.
TITLES = {
    "en": {
        "desk": "statusdesk — /",
        "palette": "statusdesk — command palette",
        "keys": "statusdesk — keys",
    },
    "ar": {
        "desk": "statusdesk — /",
        "palette": "statusdesk — لوحة الأوامر",
        "keys": "statusdesk — المفاتيح",
    },
}


def seed_demo(home: Path) -> None:
    with Desk(home) as desk:
        old = desk.publishing.open_incident(
            title=BilingualText("Delayed email notifications", "تأخر إشعارات البريد الإلكتروني"),
            draft=Draft(
                BilingualText(
                    "Notification emails are delayed by up to 20 minutes.",
                    "تتأخر رسائل الإشعارات بالبريد الإلكتروني حتى 20 دقيقة.",
                ),
                IncidentState.INVESTIGATING,
                Impact.MINOR,
            ),
        )
        desk.publishing.post_update(
            old.incident_id,
            Draft(
                BilingualText(
                    "The queue has drained; emails are on time again.",
                    "أُفرغت قائمة الانتظار، وعادت الرسائل تصل في موعدها.",
                ),
                IncidentState.RESOLVED,
            ),
        )
        desk.publishing.open_incident(
            title=BilingualText("Database upgrade", "ترقية قاعدة البيانات"),
            kind=IncidentKind.MAINTENANCE,
            draft=Draft(
                BilingualText(
                    "Planned upgrade on Saturday 02:00–03:00 UTC; the dashboard may be slow.",
                    "ترقية مخطط لها يوم السبت من 02:00 إلى 03:00 UTC؛ قد تبطؤ لوحة التحكم.",
                ),
                IncidentState.SCHEDULED,
                Impact.NONE,
            ),
        )
        first = desk.publishing.open_incident(
            title=BilingualText("Card payments failing", "فشل المدفوعات بالبطاقات"),
            draft=Draft(
                BilingualText(
                    "We are investigating failed card payments since 14:05 UTC.",
                    "نحقق في فشل المدفوعات بالبطاقات منذ الساعة 14:05 UTC.",
                ),
                IncidentState.INVESTIGATING,
                Impact.MAJOR,
                {"Payments API": ComponentStatus.MAJOR_OUTAGE},
            ),
        )
        desk.publishing.post_update(
            first.incident_id,
            Draft(
                BilingualText(
                    "Cause identified: an expired certificate at our card processor. "
                    "A new one is being installed.",
                    "تم تحديد السبب: شهادة منتهية الصلاحية لدى معالج البطاقات. "
                    "يجري تثبيت شهادة جديدة.",
                ),
                IncidentState.IDENTIFIED,
                component_status={"Payments API": ComponentStatus.PARTIAL_OUTAGE},
            ),
        )
        desk.dispatcher.wait_idle(60)


def free_display() -> int:
    for number in range(91, 400):
        taken = Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()
        if not taken:
            return number
    raise SystemExit("no free X display number")


@contextmanager
def xvfb(size: str) -> Iterator[dict[str, str]]:
    """A private X server; the environment that points the app and the tools at it."""
    server = shutil.which("Xvfb")
    if server is None:
        raise SystemExit("Xvfb not found (Debian package xvfb)")
    number = free_display()
    process = subprocess.Popen(
        [server, f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        env = {k: v for k, v in os.environ.items() if not k.startswith("STATUSDESK_EXIT")}
        env |= {
            "DISPLAY": f":{number}",
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(
                os.pathsep
            ),
        }
        yield env
    finally:
        process.terminate()
        process.wait(timeout=10)


def xdotool(env: dict[str, str], *args: str) -> str:
    if shutil.which("xdotool") is None:
        raise SystemExit("xdotool not found (Debian package xdotool)")
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"xdotool {' '.join(args)}: {done.stderr}")
    return done.stdout.strip()


def wait_for_focus(env: dict[str, str], prefix: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        done = subprocess.run(
            ["xdotool", "getwindowfocus", "getwindowname"], env=env, capture_output=True, text=True
        )
        if done.returncode == 0 and done.stdout.strip().startswith(prefix):
            return
        if time.monotonic() > deadline:
            raise SystemExit(f"no window titled {prefix!r} took the keyboard within {timeout} s")
        time.sleep(0.1)


def window_box(env: dict[str, str], title_prefix: str) -> tuple[int, int, int, int]:
    """(x, y, width, height) of the visible window whose title starts with `title_prefix`."""
    ids = xdotool(env, "search", "--onlyvisible", "--name", f"^{title_prefix}").split()
    if not ids:
        raise SystemExit(f"no visible window titled {title_prefix!r}")
    shell = xdotool(env, "getwindowgeometry", "--shell", ids[0])
    box = dict(line.split("=", 1) for line in shell.splitlines() if "=" in line)
    return int(box["X"]), int(box["Y"]), int(box["WIDTH"]), int(box["HEIGHT"])


def grab_window(env: dict[str, str], path: Path, title_prefix: str) -> None:
    """The screen through Qt itself (no ImageMagick needed), cut to one window's box: popups
    over it (the palette) are in the picture, the empty screen around it is not."""
    x, y, width, height = window_box(env, title_prefix)
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "x, y, w, h = map(int, sys.argv[2:6])\n"
        "shot = app.primaryScreen().grabWindow(0).copy(x, y, w, h)\n"
        "sys.exit(0 if shot.save(sys.argv[1]) else 1)\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path), str(x), str(y), str(width), str(height)],
        # The grabber unscaled: X and xdotool count device pixels, and so must the cut.
        env={k: v for k, v in env.items() if k != "QT_SCALE_FACTOR"},
        check=True,
        timeout=60,
    )


@contextmanager
def running_app(
    home: Path, env: dict[str, str], language: str = "en"
) -> Iterator[subprocess.Popen[bytes]]:
    # English is the source: its shots need no flag (and run on builds from before it).
    flags = [] if language == "en" else ["--ui-language", language]
    app = subprocess.Popen(
        [sys.executable, "-m", "statusdesk", "--home", str(home), *flags],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_focus(env, "statusdesk — /")  # the desk is built and holds the keyboard
        time.sleep(1.0)  # the first page and the launch checks settle
        yield app
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(timeout=10)


def keys(env: dict[str, str], *chords: str) -> None:
    xdotool(env, "key", "--delay", "150", *chords)


def write_update(env: dict[str, str]) -> None:
    keys(env, "ctrl+u")
    xdotool(env, "type", "--delay", "40", ENGLISH)
    keys(env, "ctrl+l")
    # xdotool types Arabic by remapping a spare key to each letter; the first remap right after
    # a chord can arrive before the X server has applied it, and the letter is lost.
    time.sleep(0.3)
    xdotool(env, "type", "--delay", "40", ARABIC)
    keys(env, "ctrl+3")
    time.sleep(1.5)  # the debounced checks and previews run


def set_theme(home: Path, theme: str) -> None:
    from statusdesk import settings

    with Desk(home) as desk:
        desk.settings.set_workspace_setting(settings.THEME, theme)
        desk.store.drafts.drop_all_drafts()  # each run starts from an empty composer


def shoot(home: Path, out: Path, *, theme: str = "light", language: str = "en") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    suffix = ("" if theme == "light" else f"-{theme}") + (
        "" if language == "en" else f"-{language}"
    )
    set_theme(home, theme)
    title = TITLES[language]

    def save(name: str, env: dict[str, str], window: str = "desk") -> None:
        path = out / f"{name}{suffix}.png"
        grab_window(env, path, title[window])
        written.append(path)

    # Room for the window at its full 1280x800 (it takes at most 90 % of the screen).
    with xvfb("1440x900") as env, running_app(home, env, language):
        save("main-window", env)
        write_update(env)
        save("composer", env)
        keys(env, "ctrl+k")
        wait_for_focus(env, title["palette"])
        xdotool(env, "type", "--delay", "40", "جدول")
        time.sleep(0.5)
        save("palette", env)
        keys(env, "Escape")
        wait_for_focus(env, title["desk"])
        keys(env, "F1")
        wait_for_focus(env, title["keys"])
        time.sleep(0.3)
        save("cheat-sheet", env, "keys")
        keys(env, "Escape")
    # The first session was killed, and kept its draft (issue #8): start the next one clean.

    with Desk(home) as desk:
        desk.store.drafts.drop_all_drafts()
    with xvfb("1920x1080") as env:  # a 1080p screen at 200%: 960x540 to lay out in
        env["QT_SCALE_FACTOR"] = "2"
        with running_app(home, env, language):
            write_update(env)
            save("scale-200", env)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="a folder")
    parser.add_argument("--keep-workspace", type=Path, help="build the demo here and keep it")
    parser.add_argument(
        "--themes", default=",".join(THEMES), help="light, dark or both (comma-separated)"
    )
    parser.add_argument("--ui-language", default="en", choices=("en", "ar"))
    args = parser.parse_args()
    themes = [t.strip() for t in args.themes.split(",") if t.strip()]
    if not themes or any(t not in THEMES for t in themes):
        parser.error(f"--themes takes {' and/or '.join(THEMES)}")
    with tempfile.TemporaryDirectory() as tmp:
        home = args.keep_workspace or Path(tmp) / "demo"
        seed_demo(home)
        for theme in themes:
            for path in shoot(home, args.out, theme=theme, language=args.ui_language):
                print(f"wrote {path}")


if __name__ == "__main__":
    main()
