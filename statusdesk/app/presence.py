"""Who is doing what (issue #17): this desk says who it is (AppContext.desk_author), which
incident it has open and which language it is editing, and reads who else has an incident open.

A desk's row is refreshed every HEARTBEAT_S seconds — one tiny write per desk, whatever the
size of the workspace — and a row not refreshed for FADE_S seconds is left out, so a desk that
crashed or lost its network fades from the others' pages. A change (another incident, another
editor) is told to the other desks at once (a team desk: store/presence.py's own NOTIFY
channel); a heartbeat tells nobody. On SQLite there is one desk and nothing to say:
`shared()` is False and the desk writes nothing (the GUI asks it first).

Every call is a round trip on a team desk: the GUI runs them on its TaskRunner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from statusdesk.app.context import AppContext
from statusdesk.core.timefmt import iso
from statusdesk.store.records import Presence

HEARTBEAT_S = 10
FADE_S = 3 * HEARTBEAT_S  # two heartbeats missed (a busy server, a slow network) are forgiven
FORGET_S = 24 * 3600  # rows of desks gone this long are removed when a desk starts


class DeskPresence:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.desk = ctx.owner  # host:pid:token, one per running desk
        self._started = False

    @property
    def author(self) -> str:
        """This desk's name as the others see it (AppContext.desk_author)."""
        return self.ctx.desk_author()

    def when_changed(self, callback: Callable[[], None]) -> bool:
        """Call `callback` (on another thread) when another desk's presence changes; False
        when there is no other desk to hear of (SQLite): then nothing else here need run."""
        return self.ctx.changes.when_presence(callback)

    def announce(self, incident_id: int | None, editing: str = "", *, tell: bool = True) -> None:
        """This desk has `incident_id` open (None: none, or a new incident), editing `editing`
        ("", "en" or "ar"). `tell=False`: a heartbeat, the others are not told."""
        presence = self.ctx.store.presence
        if not self._started:
            self._started = True
            presence.forget(self._ago(FORGET_S))
        presence.announce(self.desk, self.author, incident_id, editing, self.ctx.now(), tell=tell)

    def leave(self) -> None:
        """This desk closes: it is gone from the others' pages at once."""
        self.ctx.store.presence.leave(self.desk)

    def others(self, incident_id: int) -> list[Presence]:
        """The other desks with `incident_id` open now, by name."""
        return self.ctx.store.presence.present(incident_id, self._ago(FADE_S), besides=self.desk)

    def _ago(self, seconds: float) -> str:
        return iso(self.ctx.clock.now() - timedelta(seconds=seconds))
