"""Who is doing what, in the window (issue #17): this desk says which incident its composer has
open and which language it is editing (the keyboard in the English or the Arabic editor or
title), and shows who else has that incident open — "Also here: Nadia (editing Arabic)" above
the composer — with a warning under an editor another desk is writing in, so two people do
not write the same Arabic update at once. A warning, never a block.

Only a team desk has others: on SQLite `desk.presence.when_changed` says so and nothing here
runs (no timer, no write, no label shown). On a team desk every store call is a round trip, so
none runs on the GUI thread: the writes go in order on a lane of their own ("presence"), the
reads on the TaskRunner. A change (another incident, another editor) is written and told at
once; a heartbeat every HEARTBEAT_S seconds keeps this desk's row fresh and reads the others'
again (a desk that crashed fades) — one tiny write and one tiny read per interval, whatever
the size of the workspace. Another desk's change is heard from the server (the listener's
thread emits a queued signal) and read at once."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from typing import cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from statusdesk.app.presence import HEARTBEAT_S
from statusdesk.desk import Desk
from statusdesk.gui.compose.composer import Composer
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.widgets.labels import person
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.theme import Role
from statusdesk.store.records import Presence

log = logging.getLogger(__name__)


class PresenceWatch(QObject):
    _heard = Signal()  # from the listener's thread: another desk's presence changed
    shown = Signal()  # the line (and warnings) now say what was last read (tests)

    def __init__(self, desk: Desk, tasks: TaskRunner, composer: Composer, parent: QObject) -> None:
        super().__init__(parent)
        self._desk, self._tasks, self._composer = desk, tasks, composer
        self.others: list[Presence] = []
        self.line = muted(QLabel(""))
        self.line.setObjectName("presence")
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.setWordWrap(True)
        self.line.hide()
        self.warnings = {lang: muted(QLabel(""), Role.WARNING) for lang in ("en", "ar")}
        self._place()
        self._said: tuple[int | None, str] | None = None  # what this desk last announced
        self._reading = self._again = self._closed = False
        self.live = desk.presence.when_changed(self._on_heard)
        if not self.live:
            return  # SQLite: nobody else, nothing to say or to ask
        self._lane = tasks.lane("presence")
        self._heard.connect(self._read, Qt.ConnectionType.QueuedConnection)
        composer.target_changed.connect(self._follow)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self._beat = QTimer(self)
        self._beat.setInterval(HEARTBEAT_S * 1000)
        self._beat.timeout.connect(self._heartbeat)
        self._beat.start()
        self._editing = ""
        self._follow()

    def _on_heard(self) -> None:
        # On the listener's thread. A window already gone has nothing left to show.
        with contextlib.suppress(RuntimeError):
            self._heard.emit()

    def _place(self) -> None:
        """The line above the composer, each warning under its language's editor."""
        layout = self._composer.layout()
        if layout is not None and hasattr(layout, "insertWidget"):
            layout.insertWidget(0, self.line)
        grid = self._composer.fields.editors
        for lang, warning in self.warnings.items():
            warning.setObjectName(f"presence-warning-{lang}")
            warning.setTextFormat(Qt.TextFormat.PlainText)
            warning.setWordWrap(True)
            warning.hide()
            editor = self._composer.fields.bodies[lang]
            row, column, _, _ = cast(
                "tuple[int, int, int, int]", grid.getItemPosition(grid.indexOf(editor))
            )
            grid.addWidget(warning, row + 1, column)  # nothing is under the editors

    # -- what this desk says ----------------------------------------------------------------------

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return  # the window went to the background: the editor keeps the keyboard
        fields = self._composer.fields
        languages = {fields.body_en: "en", fields.title_en: "en"}
        languages.update({fields.body_ar: "ar", fields.title_ar: "ar"})
        self._editing = languages.get(new, "")
        self._follow()

    def _follow(self) -> None:
        """Say where this desk is now, if that changed (the others are told at once)."""
        if self._closed:
            return
        target = self._composer.target
        now = (target, self._editing if target is not None else "")
        if now == self._said:
            return
        moved = self._said is None or self._said[0] != target
        self._said = now
        self._write(partial(self._desk.presence.announce, *now))
        if moved:
            self.others = []
            self._show()
            self._read()

    def _heartbeat(self) -> None:
        if self._said is not None:
            self._write(partial(self._desk.presence.announce, *self._said, tell=False))
        self._read()

    def _write(self, work: Callable[[], None]) -> None:
        self._lane.submit(partial(_quietly, work))

    # -- what the others say ----------------------------------------------------------------------

    def _read(self) -> None:
        target = self._composer.target
        if self._closed or target is None:
            return
        if self._reading:
            self._again = True  # one read at a time; one more after it
            return
        self._reading = True
        self._tasks.run(
            partial(self._desk.presence.others, target),
            partial(self._read_done, target),
            self._read_failed,
        )

    def _read_failed(self, error: BaseException) -> None:
        log.info("who else is here could not be read: %s", error)
        self._read_finished()

    def _read_done(self, target: int, others: list[Presence]) -> None:
        if target == self._composer.target and not self._closed:
            self.others = others
            self._show()
        self._read_finished()

    def _read_finished(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self._read()

    def _show(self) -> None:
        people = [self._person(p) for p in self.others]
        self.line.setText(
            self.tr("Also here: {people}").format(people=self.tr(", ").join(people))
            if people
            else ""
        )
        self.line.setVisible(bool(people))
        for lang, warning in self.warnings.items():
            names = [self._name(p) for p in self.others if p.editing == lang]
            text = ""
            if names and lang == "ar":
                text = self.tr("⚠ {names} is writing the Arabic too: agree who writes it.")
            elif names:
                text = self.tr("⚠ {names} is writing the English too: agree who writes it.")
            warning.setText(text.format(names=self.tr(", ").join(names)))
            warning.setVisible(bool(names))
        self.shown.emit()

    def _name(self, presence: Presence) -> str:
        """Another desk's name as it says it (labels.person), else "another desk"."""
        return person(presence.author) or self.tr("another desk")

    def _person(self, presence: Presence) -> str:
        name = self._name(presence)
        if presence.editing == "ar":
            return self.tr("{name} (editing Arabic)").format(name=name)
        if presence.editing == "en":
            return self.tr("{name} (editing English)").format(name=name)
        return name

    def close(self) -> None:
        """The window closes: the others see this desk leave at once."""
        if self._closed:
            return
        self._closed = True
        if self.live:
            self._beat.stop()
            self._write(self._desk.presence.leave)
            self._lane.close()


def _quietly(work: Callable[[], None]) -> None:
    """A presence write that fails (the server away, a reader's role) is only logged: the desk
    works on, and the others see this one fade."""
    try:
        work()
    except Exception as error:
        log.info("presence not written: %s", error)
