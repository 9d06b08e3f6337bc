"""Screenshot of the real main window for the README: resources/screenshots/main-window.png.

    python bench/screenshots.py [--out PATH] [--keep-workspace DIR]

Builds a demo workspace (an active incident with bilingual updates delivered to the local status
page, a maintenance, a resolved incident), starts its own Xvfb when there is no DISPLAY, runs the
app in this process on Qt's xcb platform (a real X window, real fonts and shaping, not the
offscreen renderer), puts an English and an Arabic draft in the composer and grabs the window.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
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
DEFAULT_OUT = REPO / "resources" / "screenshots" / "main-window.png"


def seed_demo(home: Path) -> None:
    with Desk(home) as desk:
        old = desk.open_incident(
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
        desk.post_update(
            old.incident_id,
            Draft(
                BilingualText(
                    "The queue has drained; emails are on time again.",
                    "أُفرغت قائمة الانتظار، وعادت الرسائل تصل في موعدها.",
                ),
                IncidentState.RESOLVED,
            ),
        )
        desk.open_incident(
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
        first = desk.open_incident(
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
        desk.post_update(
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
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise SystemExit("no free X display number")


def start_xvfb() -> subprocess.Popen[bytes]:
    server = shutil.which("Xvfb")
    if server is None:
        raise SystemExit("Xvfb not found (Debian package xvfb); or run with a DISPLAY set")
    number = free_display()
    process = subprocess.Popen(
        [server, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{number}"
    return process


def grab(home: Path, out: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from statusdesk.gui.app import application
    from statusdesk.gui.main_window import MainWindow
    from statusdesk.gui.session import Session

    app = application()
    session = Session(home)
    window = MainWindow(session)
    window.ask_before_discarding = False
    window.show()
    window.raise_()
    window.activateWindow()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.02)

    settle(0.5)
    window.new_update()
    composer = window.composer
    composer.body_en.setPlainText(
        "A new certificate is installed and payments succeed again. We are monitoring the "
        "error rate, now below 0.5%. Next update by 15:30 UTC."
    )
    composer.body_ar.setPlainText(
        "تم تثبيت شهادة جديدة وعادت المدفوعات تنجح. نراقب معدل الأخطاء، وهو الآن أقل من "
        "0.5%. التحديث القادم قبل الساعة 15:30 UTC."
    )
    composer.set_state_number(3)
    settle(1.5)  # the debounced check runs and says "Ready to publish"
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    window.close()
    session.close()
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--keep-workspace", type=Path, help="build the demo here and keep it")
    args = parser.parse_args()
    os.environ.setdefault("LANG", "C.UTF-8")
    xvfb = None if os.environ.get("DISPLAY") else start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            home = args.keep_workspace or Path(tmp) / "demo"
            seed_demo(home)
            grab(home, args.out)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
