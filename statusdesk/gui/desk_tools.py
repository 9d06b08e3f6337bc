"""The keyboard tools of the desk (issue #6): the user's keymap and its window, the command
palette (Ctrl+K), templates inserted into both editors (Ctrl+T) and edited in their own window,
and the one-key fix of broken direction controls. One controller beside the main window, as
scheduling.py is for issue #5, so main_window.py stays about the desk itself.

Everything that reads or writes the workspace runs on the session's TaskRunner; the GUI thread
only builds and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from statusdesk.gui.actions import set_active_keymap
from statusdesk.gui.keymap import Keymap, load_keymap
from statusdesk.gui.shortcuts import apply_keymap, claimed_sequences

if TYPE_CHECKING:
    from collections.abc import Callable

    from statusdesk.gui.keys_window import KeysWindow
    from statusdesk.gui.main_window import MainWindow


class DeskTools(QObject):
    said = Signal(str)  # for the status bar

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._desk = window.session.desk
        self._tasks = window.session.tasks
        self._keys_window: KeysWindow | None = None  # built on first use
        self.keymap = Keymap()

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {"keys": self.show_keys}

    # -- keys ----------------------------------------------------------------------------------

    def load_keys(self) -> None:
        """The user's keys over the defaults, once the actions exist. One read of one setting
        (a primary-key lookup): small enough for the GUI thread at start-up."""
        keymap, warnings = load_keymap(self._desk.store)
        self.use_keymap(keymap)
        for warning in warnings:
            self.said.emit(warning)

    def use_keymap(self, keymap: Keymap) -> None:
        self.keymap = keymap
        set_active_keymap(keymap)
        apply_keymap(self._window.actions_by_command, keymap)
        self._window.claim.set_sequences(claimed_sequences(keymap))

    def show_keys(self) -> None:
        if self._keys_window is None:
            from statusdesk.gui.keys_window import KeysWindow

            self._keys_window = KeysWindow(self._window, self._desk, self._tasks, self.keymap)
            self._keys_window.keymap_changed.connect(self._keys_saved)
        self._keys_window.open_over(QApplication.focusWidget())

    def _keys_saved(self, overrides: dict[str, object]) -> None:
        keymap, _warnings = Keymap.from_overrides(overrides)
        self.use_keymap(keymap)
        self.said.emit("Keyboard shortcuts saved; the new keys work now.")

    def close(self) -> None:
        if self._keys_window is not None:
            self._keys_window.close()
