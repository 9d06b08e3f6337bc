"""When the composer's draft is checked and its previews rendered: once the typing pauses, never
per keystroke. Each request has a generation; a result for an older one is stale (the draft
changed since it started) and is dropped."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

CHECK_DELAY_MS = 300  # after the last keystroke; checks never run per keystroke
PREVIEW_DELAY_MS = 300  # the same for rendering the channel previews


class CheckTimers(QObject):
    check_due = Signal(int)  # generation
    preview_due = Signal(int)  # preview generation

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.preview_generation = 0
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_DELAY_MS)
        self._check.timeout.connect(lambda: self.check_due.emit(self.generation))
        self._preview = QTimer(self)
        self._preview.setSingleShot(True)
        self._preview.setInterval(PREVIEW_DELAY_MS)
        self._preview.timeout.connect(lambda: self.preview_due.emit(self.preview_generation))

    def edited(self) -> None:
        """The draft changed: check it and render it again once the typing pauses."""
        self.generation += 1
        self._check.start()
        self.request_preview()

    def draft_shown(self, check: bool) -> None:
        """Another draft is in the composer: results on their way are for the one before. It is
        checked again (`check`: it has text) and rendered once the pause has passed."""
        self.generation += 1
        if check:
            self._check.start()
        self.request_preview()

    def request_preview(self) -> None:
        """Render the previews once the typing pauses; whatever is on its way is now stale."""
        self.preview_generation += 1
        self._preview.start()

    def drop_checks(self) -> None:
        """Checks on their way (or waiting for the pause) are stale now."""
        self.generation += 1
        self._check.stop()

    def stop(self) -> None:
        """Nothing more: every check and render on its way is stale."""
        self._check.stop()
        self.generation += 1
        self._preview.stop()
        self.preview_generation += 1
