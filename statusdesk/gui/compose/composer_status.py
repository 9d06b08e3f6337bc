"""What the composer says about its draft: the header (which draft this is), the problems found in
it (or, with none, who it is ready to go to), the progress of a publish and the Publish button,
off while one is on its way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from statusdesk.core.model import Incident, Problem
from statusdesk.gui.widgets.labels import counted, isolate_latin
from statusdesk.gui.widgets.problems import ProblemList
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

PUBLISH_TEXT = QT_TRANSLATE_NOOP("ComposerStatus", "Publish  (Ctrl+Return)")


class ComposerStatus:
    """The widgets, made without a parent: the composer places `header` above the draft, and
    `problems` and `footer` (the progress line and Publish) under it."""

    def __init__(self) -> None:
        self._busy = False
        self.header = QLabel()
        self.header.setObjectName("composer-header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)  # a long title must not widen the window past the screen
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.problems = ProblemList()
        self.footer = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("composer-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.publish_button = QPushButton(translate("ComposerStatus", PUBLISH_TEXT))
        self.publish_button.setObjectName("publish")
        self.footer.addWidget(self.status, 1)
        self.footer.addWidget(self.publish_button)

    def show_target(self, incident: Incident | None) -> None:
        """The header for a new incident's draft (None) or an update on `incident`."""
        if incident is None:
            self.header.setText(
                translate("ComposerStatus", "New incident: titles, then the first update")
            )
        else:
            # The Arabic title is isolated so it cannot reorder the text around it.
            en, ar = incident.title.en, incident.title.ar
            arabic = f"\u2067{isolate_latin(ar)}\u2069" if ar else ""  # RLI…PDI
            titles = " / ".join(t for t in (en, arabic) if t)
            self.header.setText(
                translate("ComposerStatus", "Update on #{id}: {titles}").format(
                    id=incident.id, titles=titles
                )
            )
        self.publish_button.setEnabled(not self._busy)

    def show_problems(
        self,
        problems: Sequence[Problem],
        *,
        has_text: bool,
        checked: Sequence[str],
        left_out: Sequence[str],
    ) -> None:
        """`problems`; with none, a draft with text says where it goes (`checked`) and, when
        enabled channels are not ticked (`left_out`), who will hear nothing."""
        idle = ""
        if has_text:
            channels = len(checked)
            idle = counted(
                QCoreApplication.translate(
                    "ComposerStatus", "Ready to publish to %n channel(s).", "", channels
                ),
                channels,
            )
            if left_out:  # say who will hear nothing, not just how many will
                idle = translate(
                    "ComposerStatus",
                    "Ready to publish to {channels} — left out: {left_out} (publishing asks why).",
                ).format(
                    channels=", ".join(checked) or translate("ComposerStatus", "no channel"),
                    left_out=", ".join(left_out),
                )
        self.problems.show_problems(problems, idle_text=idle)

    def set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.publish_button.setEnabled(not busy)
        self.publish_button.setText(
            translate("ComposerStatus", "Publishing…")
            if busy
            else translate("ComposerStatus", PUBLISH_TEXT)
        )
        self.status.setText(message)
