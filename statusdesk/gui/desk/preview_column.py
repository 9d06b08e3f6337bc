"""The column of channel previews beside the composer, collapsible: Ctrl+Shift+P or dragging its
splitter handle to the edge hides it (the list and the composer take its room), the same key or
the handle brings it back, and Ctrl+P (to the previews) opens it first. Whether it was hidden is
kept in the workspace (`gui.preview_hidden`) and comes back at the next start (issue #16)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSplitter

from statusdesk.desk import Desk
from statusdesk.gui.keys.keymap import SettingReader
from statusdesk.gui.runtime.tasks import TaskRunner

if TYPE_CHECKING:
    from statusdesk.gui.compose.composer import Composer

log = logging.getLogger(__name__)

SETTING = "gui.preview_hidden"  # the app's own state, beside the keymap: "1" hidden


def share_widths(split: QSplitter, width: int) -> None:
    """42 : 38 : 20 of the window: at 1280 the list's four narrow columns and a title column
    that holds both titles of most incidents (list_titles.py), the composer, the previews; at
    200 % on 1080p (864 px) each keeps its share (docs/VISUAL.md)."""
    split.setSizes([width * 42 // 100, width * 38 // 100, width * 20 // 100])


class PreviewColumn(QObject):
    WIDTH = 260  # px, when it has never been shown

    def __init__(self, split: QSplitter, index: int, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(split)
        self._split = split
        self._index = index
        self._desk = desk
        self._tasks = tasks
        self._width = split.sizes()[index] or self.WIDTH
        self._kept: bool | None = None
        split.setCollapsible(index, True)
        split.splitterMoved.connect(self._moved)

    @property
    def hidden(self) -> bool:
        return self._split.sizes()[self._index] == 0

    def restore(self, kept: SettingReader) -> None:
        """As the last session left it (read once, at start: `kept` is the launcher's read of
        the settings, or the desk's)."""
        self._kept = kept.setting(SETTING) == "1"
        if self._kept:
            self._set(False)

    def toggle(self) -> None:
        self._set(self.hidden)
        self._keep()

    def to_previews(self, composer: Composer) -> None:
        """Ctrl+P: to the previews (their column opened first, if hidden), and back."""
        focused = QApplication.focusWidget()
        self.ensure_shown()
        composer.toggle_preview(focused)

    def ensure_shown(self) -> None:
        if self.hidden:
            self._set(True)
            self._keep()

    def _set(self, shown: bool) -> None:
        sizes = self._split.sizes()
        if shown:
            give = self._width
            widest = max(range(len(sizes)), key=lambda i: sizes[i] if i != self._index else -1)
            sizes[widest] = max(0, sizes[widest] - give)
            sizes[self._index] = give
        else:
            self._width = sizes[self._index] or self._width
            room = sizes[self._index]
            sizes[self._index] = 0
            neighbour = self._index - 1 if self._index > 0 else self._index + 1
            sizes[neighbour] += room
        self._split.setSizes(sizes)

    def _moved(self, _pos: int, _handle: int) -> None:
        width = self._split.sizes()[self._index]
        if width:
            self._width = width
        self._keep()

    def _keep(self) -> None:
        hidden = self.hidden
        if hidden == self._kept:
            return
        self._kept = hidden
        value = "1" if hidden else None
        self._tasks.run(
            lambda: self._desk.settings.set_setting(SETTING, value),
            lambda _none: None,
            lambda error: log.warning("the preview column's state not kept: %s", error),
        )
