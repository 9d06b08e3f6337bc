"""What the desk's first paint does without (issue #16, "fast to open"): the app is started the
way a user starts it, in a fresh interpreter, and at the desk's first paint (the moment
bench/startup.py calls "ready") none of the heavy modules below is loaded yet. They are loaded
when first needed — a key pressed at once after that paint still works (the palette), and the
outbox's machinery comes up on its own once the desk is on screen.

Not a timing test: it holds the start-up to what it imports, which is what its time is made of.
Linux: it reads /proc/self/maps for the native libraries loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.gui.conftest import open_incident

# Loaded by nothing the first paint shows. A module listed here that the first paint loads
# (a module-level import in the list, the incident page, the composer or the launcher) is a
# start-up regression: import it where it is used.
NOT_AT_FIRST_PAINT = (
    # the publishing machinery: made when something is first sent or recovered (desk.py), the
    # composer's checks and previews, the desk's parts built after the paint (complete())
    "statusdesk.delivery.dispatcher",
    "statusdesk.delivery.ledger",
    "statusdesk.delivery.retry",
    "statusdesk.app.checks",
    "statusdesk.app.compose",
    "statusdesk.app.previews",
    "statusdesk.app.publishing",
    "statusdesk.app.templating",
    "statusdesk.gui.compose.publish_flow",
    "statusdesk.gui.compose.publish_guard",
    "statusdesk.gui.deliveries",
    "statusdesk.gui.schedule",
    "statusdesk.gui.desk.windows",
    "statusdesk.gui.export.status_page",
    # every channel kind
    "statusdesk.channels.posts",
    "statusdesk.channels.x",
    "statusdesk.channels.bluesky",
    "statusdesk.channels.email",
    "statusdesk.channels.mastodon",
    "statusdesk.channels.site",
    "statusdesk.channels.statuspage",
    "statusdesk.channels.telegram",
    "statusdesk.channels.webhook",
    "statusdesk.channels.http",
    "statusdesk.channels.targets",
    # exports, windows and tools opened by a key
    "statusdesk.export",
    "statusdesk.gui.palette",
    "statusdesk.gui.templates",
    "statusdesk.gui.settings",
    "statusdesk.gui.channels",
    "statusdesk.gui.subscribers",
    "statusdesk.gui.about",
    "statusdesk.gui.export.export_dialog",
    "statusdesk.gui.keys.cheatsheet",
    # the right-to-left menus' style, in an English interface
    "statusdesk.gui.keys.menu_style",
    # heavy libraries, imported only where used
    "jinja2",
    "babel",
    "requests",
    "regex",
    "keyring",
    "sqlite_utils",
)

PROBE = r"""
import json, linecache, sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from statusdesk.gui.runtime import startup_probe

watched = json.loads(sys.argv[2])
report = {}


def loaded():
    return sorted(
        name for name in sys.modules if any(name == w or name.startswith(w + ".") for w in watched)
    )


def after_first_paint(desk):
    # A key at once, before anything deferred to after the paint has run.
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(QApplication.focusWidget() or desk, Qt.Key.Key_K, ctrl)
    palette = desk.tools._palette
    report["palette shown"] = palette is not None and palette.isVisible()
    report["after Ctrl+K"] = loaded()
    wait_for_outbox(desk, 200)


def wait_for_outbox(desk, tries):
    if "statusdesk.delivery.dispatcher" in sys.modules or tries == 0:
        report["outbox started"] = "statusdesk.delivery.dispatcher" in sys.modules
        desk.ask_before_discarding = False
        desk.window().close()
        return
    QTimer.singleShot(50, lambda: wait_for_outbox(desk, tries - 1))


def svg_libraries():
    # The native side: QtSvg and its icon plugin are libraries, not Python modules.
    with open("/proc/self/maps") as maps:
        return sorted({line.split()[-1] for line in maps if "Svg" in line or "qsvg" in line})


class AtFirstPaint(QObject):
    def eventFilter(self, desk, event):
        if event.type() == QEvent.Type.Paint and "at first paint" not in report:
            report["at first paint"] = loaded()
            report["svg libraries"] = svg_libraries()
            report["sources kept"] = sorted(
                path for path in linecache.cache
                if any(part in path for part in ("/gui/desk/", "/gui/compose/", "/store/"))
            )
            report["icon sizes"] = sorted(
                size.width() for size in QApplication.windowIcon().availableSizes()
            )
            QTimer.singleShot(0, lambda: after_first_paint(desk))
        return False


def install_ready(desk):
    desk.installEventFilter(AtFirstPaint(desk))


startup_probe.install_ready = install_ready
from statusdesk.__main__ import main

code = main(["--home", sys.argv[1], "--ui-language", "en"])
print("REPORT " + json.dumps(report))
sys.exit(code)
"""


def test_the_first_paint_loads_no_heavy_module_and_a_key_loads_what_it_needs(
    home: Path,
) -> None:
    open_incident(
        home,
        ("Elevated API errors", "ارتفاع أخطاء الواجهة البرمجية"),
        ("We are investigating elevated error rates.", "نحقق في ارتفاع معدلات الأخطاء."),
    )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("STATUSDESK_")
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(home), json.dumps(NOT_AT_FIRST_PAINT)],
        env=environment | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    report = json.loads(lines[-1].removeprefix("REPORT "))
    assert report["at first paint"] == []
    # The window's icon is the rendered PNGs, not the SVG: that would load QtSvg and its icon
    # plugin (some 0.7 MB) for the life of the app to draw the same picture.
    assert report["svg libraries"] == []
    # PySide6 asks of every module imported whether it uses PySide6; the desk answers from the
    # file's bytes instead of keeping every line of the hundreds it imports after the launcher
    # (pyside_imports.py; those imported before PySide6 itself it reads PySide6's way).
    assert report["sources kept"] == []
    assert report["icon sizes"] == [16, 32, 48, 64, 128, 256, 512]
    # Ctrl+K right after the paint: the palette is built and shown then, its module with it.
    assert report["palette shown"] is True
    assert "statusdesk.gui.palette.palette" in report["after Ctrl+K"]
    # Deferred, not dropped: the outbox is worked once the desk is on screen.
    assert report["outbox started"] is True


def test_pyside_s_import_check_gives_the_same_answers_read_from_bytes() -> None:
    import shibokensupport.feature as feature  # type: ignore[import-not-found]

    from statusdesk.gui.runtime import pyside_imports

    # On the PySide6 we ship with, the check is there to replace: a release that renamed it
    # would silently bring the cost back, so this fails and we look again.
    assert pyside_imports.read_sources_lightly() is True
    light = getattr(feature, pyside_imports.CHECK)
    original = light.original
    modules = [module for module in list(sys.modules.values()) if module is not None]
    answers = {module.__name__: (light(module), original(module)) for module in modules}
    assert all(mine == theirs for mine, theirs in answers.values()), {
        name: pair for name, pair in answers.items() if pair[0] != pair[1]
    }
    # Both kinds are among them: the desk's Qt modules say yes, the store says no.
    assert answers["statusdesk.gui.runtime.pyside_imports"] == (True, True)
    import statusdesk.store

    assert light(statusdesk.store) is False
