"""The desk's own windows, each built the first time it is asked for (none is needed to start):
the F1 cheat sheet, Channels, Subscribers, Settings, Waiting for review (issue #17), and Help ▸
About. Each opens over the main window with the keyboard, and gives it back when it closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.core.model import Channel
from statusdesk.desk import Desk
from statusdesk.gui.runtime.tasks import TaskRunner

if TYPE_CHECKING:
    from statusdesk.gui.channels.channels_dialog import ChannelsDialog
    from statusdesk.gui.keys.cheatsheet import CheatSheet
    from statusdesk.gui.review.review_desk import ReviewDesk
    from statusdesk.gui.settings.settings_window import SettingsWindow
    from statusdesk.gui.subscribers.subscribers_dialog import SubscribersDialog


class DeskWindows:
    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        channels_changed: Callable[[list[Channel]], None],
        said: Callable[[str], None],
    ) -> None:
        """`window`: what they open over; `channels_changed`: a channel was added, enabled or
        disabled; `said`: for the status bar."""
        self._window = window
        self._desk = desk
        self._tasks = tasks
        self._channels_changed = channels_changed
        self._said = said
        self._cheat_sheet: CheatSheet | None = None
        self._channels_dialog: ChannelsDialog | None = None
        self._subscribers_dialog: SubscribersDialog | None = None
        self._settings_window: SettingsWindow | None = None
        self._review: ReviewDesk | None = None

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            # issue #17: Waiting for review, approve, return (review/review_desk.py)
            "reviews": lambda: self.review.show(),
            "approve-review": lambda: self.review.approve(),
            "return-review": lambda: self.review.return_(),
            "about": self.show_about,
            "cheat-sheet": lambda: self.cheat_sheet.open_over(QApplication.focusWidget()),
            "channels": lambda: self.channels_dialog.open_over(QApplication.focusWidget()),
            "subscribers": lambda: self.subscribers_dialog.open_over(QApplication.focusWidget()),
            "settings": lambda: self.settings_window.open_over(QApplication.focusWidget()),
        }

    def show_about(self) -> None:
        from statusdesk.gui.about.about import show_about

        show_about(self._window, self._desk.paths.home)

    @property
    def review(self) -> ReviewDesk:
        if self._review is None:
            from statusdesk.gui.review.review_desk import ReviewDesk

            self._review = ReviewDesk(self._window, self._desk, self._tasks, self._said)
        return self._review

    @property
    def cheat_sheet(self) -> CheatSheet:
        if self._cheat_sheet is None:
            from statusdesk.gui.keys.cheatsheet import CheatSheet

            self._cheat_sheet = CheatSheet(self._window)
        return self._cheat_sheet

    @property
    def channels_dialog(self) -> ChannelsDialog:
        """Ctrl+Shift+C: what `statusdesk channel …` does, by keyboard."""
        if self._channels_dialog is None:
            from statusdesk.gui.channels.channels_dialog import ChannelsDialog

            self._channels_dialog = ChannelsDialog(self._window, self._desk, self._tasks)
            self._channels_dialog.channels_changed.connect(self._channels_changed)
        return self._channels_dialog

    @property
    def subscribers_dialog(self) -> SubscribersDialog:
        if self._subscribers_dialog is None:
            from statusdesk.gui.subscribers.subscribers_dialog import SubscribersDialog

            self._subscribers_dialog = SubscribersDialog(self._window, self._desk, self._tasks)
        return self._subscribers_dialog

    @property
    def settings_window(self) -> SettingsWindow:
        """Issue #12 §7: every workspace setting, with its meaning."""
        if self._settings_window is None:
            from statusdesk.gui.settings.settings_window import SettingsWindow

            self._settings_window = SettingsWindow(self._window, self._desk, self._tasks)
            self._settings_window.saved.connect(self._said)
        return self._settings_window

    def close(self) -> None:
        """Close the windows built so far (nothing may read the workspace after this)."""
        for built in (
            self._cheat_sheet,
            self._channels_dialog,
            self._subscribers_dialog,
            self._settings_window,
            self._review,
        ):
            if built is not None:
                built.close()
