"""The incident page as laid out, measured (issue #12 §6): does it scroll sideways, and is every
channel's mark and chip, the Arabic title and the start of each Arabic body within its viewport?

`page_report(window)` measures a MainWindow in this process (tests/gui/test_page_fits.py); run
as a module, it starts the app as `statusdesk --home WORKSPACE` does — the way
tests/gui/scale_probe.py does, so under QT_SCALE_FACTOR=2 too — waits for the incident page and
prints the report as one line of JSON (and saves the window's picture when given a PNG path):

    python -m tests.gui.page_probe WORKSPACE [PICTURE.png]

Rectangles are [x, y, width, height] in the viewport's coordinates (logical pixels).
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.gui.scale_probe import rect, wait

if TYPE_CHECKING:
    from statusdesk.gui.desk.main_window import MainWindow
    from statusdesk.gui.incidents.incident_view import IncidentView


def in_viewport(view: IncidentView, widget: QWidget) -> QRect:
    """Where `widget` is, in the viewport's coordinates."""
    return QRect(widget.mapTo(view.viewport(), QPoint(0, 0)), widget.size())


def page_report(window: MainWindow) -> dict[str, Any]:
    """The page as it is now (scrolled to the top), then each mark, chip and Arabic text once
    the page is scrolled to it — vertically only: the page may be longer than its viewport,
    never wider."""
    view = window.view
    viewport = view.viewport()
    page = view.widget()
    bar = view.horizontalScrollBar()
    assert view.rhythm is not None
    title = page.findChild(QLabel, "title-ar")
    assert title is not None
    widgets: dict[str, QWidget] = {"title_ar": title}
    widgets |= {f"mark {name}": mark for name, mark in view.rhythm.marks().items()}
    widgets |= {f"chip {chip.channel_name}": chip for chip in view.cards()[0].chips.values()}
    widgets |= {f"body_ar {n}": card.body_ar for n, card in enumerate(view.cards())}
    bar.setValue(0)
    view.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    report: dict[str, Any] = {
        "window": [window.width(), window.height()],
        "viewport": rect(viewport.rect()),
        "page": rect(QRect(page.pos(), page.size())),
        "page_minimum_width": page.minimumSizeHint().width(),
        "hbar": {"visible": bar.isVisible(), "maximum": bar.maximum()},
        "at_top": {name: rect(in_viewport(view, w)) for name, w in widgets.items()},
    }
    scrolled: dict[str, list[int]] = {}
    for name, widget in widgets.items():
        top = widget.mapTo(page, QPoint(0, 0)).y()
        view.verticalScrollBar().setValue(
            top + min(widget.height(), viewport.height()) - viewport.height()
        )
        QApplication.processEvents()
        scrolled[name] = rect(in_viewport(view, widget))
    view.verticalScrollBar().setValue(0)
    report["scrolled_to"] = scrolled
    return report


def outside(report: dict[str, Any], where: str = "scrolled_to") -> dict[str, list[int]]:
    """What is not wholly within the viewport (`where`: once scrolled to it, or "at_top"): the
    marks, the newest update's chips, the Arabic title; of each Arabic body, its sides (its
    lines start at the right edge; a long body is taller than the viewport). Empty when
    everything shows."""
    viewport = QRect(*report["viewport"])
    found: dict[str, list[int]] = {}
    for name, place in report[where].items():
        shape = QRect(*place)
        if name.startswith("body_ar"):
            if shape.left() < viewport.left() or shape.right() > viewport.right():
                found[name] = place
        elif not viewport.contains(shape):
            found[name] = place
    return found


class Probe:
    def __init__(self, app: QApplication, picture: Path | None) -> None:
        self.app = app
        self.picture = picture

    def start(self) -> None:
        QTimer.singleShot(0, self.measure)

    def measure(self) -> None:
        try:
            self.page()
        except BaseException:  # a slot's exception would only be printed: fail the process
            traceback.print_exc()
            self.app.exit(3)

    def page(self) -> None:
        from statusdesk.gui.desk.shell import AppShell

        shell = next(w for w in self.app.topLevelWidgets() if isinstance(w, AppShell))
        wait(lambda: shell.desk_window is not None)
        desk = shell.desk_window
        assert desk is not None
        wait(lambda: bool(desk.view.cards()) and not desk.session.tasks.busy)
        wait(lambda: bool(desk.view.rhythm and desk.view.rhythm.marks()))
        for _ in range(5):  # the layout settles over a few turns of the loop
            QApplication.processEvents()
        report = page_report(desk)
        report["screen"] = rect(self.app.primaryScreen().availableGeometry())
        if self.picture is not None:
            shell.grab().save(str(self.picture))
        print(json.dumps(report))
        desk.ask_before_discarding = False
        self.app.quit()


def main(home: Path, picture: Path | None) -> None:
    from statusdesk.gui.launch.app import application, run

    probe = Probe(application(), picture)
    QTimer.singleShot(0, probe.start)
    sys.exit(run(str(home)))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
