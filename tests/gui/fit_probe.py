"""Is anything of the window cut (issue #16): each field of the composer's options against the
width its words need, the incident list's title column against the titles, the problems box and
the incident page's sideways scroll bar.

`fit_report(window)` measures a MainWindow in this process (tests/gui/test_layout_fits.py); run
as a module it starts the app as `statusdesk --home WORKSPACE` does (page_probe.py's way, so under
QT_SCALE_FACTOR=2 too) and prints the report as one line of JSON:

    python -m tests.gui.fit_probe WORKSPACE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.gui.compose.components_editor import ComponentRow
from statusdesk.gui.incidents.incident_list import STATE, TITLE_EN
from statusdesk.gui.widgets.editors import arabic_font
from tests.gui.page_probe import Probe
from tests.gui.scale_probe import rect, wait

if TYPE_CHECKING:
    from statusdesk.gui.desk.main_window import MainWindow

TEXT_PADDING = 8  # px a list cell keeps around its text


def fit_report(window: MainWindow) -> dict[str, Any]:
    """{"fields": {name: [width, needed]}, "titles": {...}, ...} as laid out now."""
    composer = window.composer
    fields: dict[str, tuple[QWidget, int]] = {
        "state": (composer.state, composer.state.sizeHint().width()),
        "impact": (composer.impact, composer.impact.sizeHint().width()),
    }
    for n, row in enumerate(composer.components.findChildren(ComponentRow)):
        metrics = row.name.fontMetrics()
        fields[f"component {n}"] = (
            row.name,
            metrics.horizontalAdvance(row.name.text()) + ComponentRow.PADDING,
        )
        fields[f"component status {n}"] = (row.status, row.status.minimumSizeHint().width())
    for box in composer.ticks.boxes():
        fields[f"channel {box.objectName()}"] = (box, box.sizeHint().width())
    fields["publish"] = (composer.publish_button, composer.publish_button.sizeHint().width())
    view = window.list
    model = window.model
    latin, arabic = QFontMetrics(view.font()), QFontMetrics(arabic_font(view.font()))
    needed = 0
    for summary in model.summaries():
        title = summary.incident.title
        needed = max(
            needed,
            latin.horizontalAdvance(title.en) + TEXT_PADDING,
            arabic.horizontalAdvance(title.ar) + TEXT_PADDING,
        )
    # The State column against its words as shown (bold on an active row): Arabic's
    # "تم تحديد السبب" was "تم تحديد ال…" in a column sized for English.
    bold = QFont(view.font())
    bold.setBold(True)
    state_words = [model.data(model.index(row, STATE)) for row in range(model.rowCount())]
    fields["list state"] = (
        view,
        max(QFontMetrics(bold).horizontalAdvance(w) + TEXT_PADDING for w in state_words),
    )
    options = window.findChild(QWidget, "composer-options")
    assert options is not None
    bar = window.view.horizontalScrollBar()
    return {
        "fields": {
            name: [view.columnWidth(STATE) if name == "list state" else w.width(), need]
            for name, (w, need) in fields.items()
        },
        "titles": {
            "width": view.columnWidth(TITLE_EN),
            "needed": needed,
            "least": view.fontMetrics().averageCharWidth() * view.TITLE_CHARS,
            "hidden": [c for c in range(model.columnCount()) if view.isColumnHidden(c)],
            "list_hbar": view.horizontalScrollBar().maximum(),
        },
        "options": {
            "content": options.widget().width(),  # type: ignore[attr-defined]
            "viewport": options.viewport().width(),  # type: ignore[attr-defined]
        },
        "problems": {
            "visible": composer.problems.isVisible(),
            "count": composer.problems.count(),
        },
        "page_hbar": {"visible": bar.isVisible(), "maximum": bar.maximum()},
    }


def cut(report: dict[str, Any]) -> dict[str, list[int]]:
    """The fields narrower than their words."""
    return {name: pair for name, pair in report["fields"].items() if pair[0] < pair[1]}


class FitProbe(Probe):
    def page(self) -> None:
        from statusdesk.gui.desk.shell import AppShell

        shell = next(w for w in self.app.topLevelWidgets() if isinstance(w, AppShell))
        wait(lambda: shell.desk_window is not None)
        desk = shell.desk_window
        assert desk is not None
        wait(lambda: bool(desk.view.cards()) and not desk.session.tasks.busy)
        for _ in range(5):
            QApplication.processEvents()
        report = fit_report(desk)
        report["screen"] = rect(self.app.primaryScreen().availableGeometry())
        print(json.dumps(report))
        desk.ask_before_discarding = False
        self.app.quit()


def main(home: Path) -> None:
    from PySide6.QtCore import QTimer

    from statusdesk.gui.launch.app import application, run

    probe = FitProbe(application(), None)
    QTimer.singleShot(0, probe.start)
    sys.exit(run(str(home)))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
