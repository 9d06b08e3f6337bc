"""What every use case works with: the workspace's store (one connection per thread), the
clock, the keyring, the channels and the dispatcher that sends deliveries."""

from __future__ import annotations

import getpass
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from statusdesk.app.changes import ChangeSource, WorkspaceChanges
from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.channels.registry import build_channel
from statusdesk.clock import Clock
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.text.sanitize import strip_bidi_controls
from statusdesk.core.timefmt import iso
from statusdesk.secrets import KeyringSecrets
from statusdesk.store import Store
from statusdesk.workspace import WorkspacePaths

if TYPE_CHECKING:
    from statusdesk.delivery.dispatcher import Dispatcher


class ThreadStores:
    """One SQLite connection per thread: the first (checked and migrated) belongs to the thread
    that opened the workspace; any other thread that asks gets its own, closed together."""

    def __init__(self, first: Store, open_store: Callable[[], Store]) -> None:
        self._open = open_store
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []
        self._local.store = self._remember(first)

    def _remember(self, store: Store) -> Store:
        with self._lock:
            self._all.append(store)
        return store

    def current(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._remember(self._open())
            self._local.store = store
        return store

    def close_all(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


AUTHOR_ENV = "STATUSDESK_AUTHOR"


_kept_name: str | None = None  # the `desk.author` setting of the workspace last opened here


def keep_desk_name(name: str | None) -> None:
    """The `desk.author` setting of the workspace this process opened (the Desk says it)."""
    global _kept_name
    _kept_name = (name or "").strip() or None


def current_user() -> str:
    """Who is at the keyboard, for the record when a command names nobody: the one place that
    decides who this desk is (issue #17: the name other desks see). `STATUSDESK_AUTHOR` when
    set (the app's `--author` sets it for its run), else the `desk.author` setting (kept on
    this machine: a team desk's shared settings would name every desk alike), else the OS
    user."""
    # Without direction controls: the name is shown in other desks' sentences.
    named = strip_bidi_controls(os.environ.get(AUTHOR_ENV, "")).strip() or _kept_name
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class AppContext:
    def __init__(
        self,
        *,
        paths: WorkspacePaths,
        clock: Clock,
        secrets: KeyringSecrets,
        owner: str,
        stores: ThreadStores,
        channel_context: ChannelContext,
        dispatcher: Callable[[], Dispatcher],
        changes: ChangeSource | None = None,
    ) -> None:
        """`dispatcher` makes the dispatcher, on first use: a command or the desk's first paint
        that sends nothing does not load or start it (issue #16)."""
        self.paths = paths
        self.clock = clock
        self.secrets = secrets
        self.owner = owner
        self.stores = stores
        self.channel_context = channel_context
        self._make_dispatcher = dispatcher
        self._dispatcher: Dispatcher | None = None
        self._dispatcher_lock = threading.Lock()
        # Who wrote since a timer last read (changes.py): asked instead of reading again.
        # A team desk's come from the server's announcements instead (NotifiedChanges).
        self.changes: ChangeSource = changes or WorkspaceChanges(channel_context.open_store)
        # Who this desk is when it says so itself (the app's --author); None: current_user().
        self.author: str | None = None

    @property
    def store(self) -> Store:
        """This thread's connection to the workspace."""
        return self.stores.current()

    @property
    def dispatcher(self) -> Dispatcher:
        """The one dispatcher, made by whichever thread asks first."""
        with self._dispatcher_lock:
            if self._dispatcher is None:
                self._dispatcher = self._make_dispatcher()
            return self._dispatcher

    def shutdown_dispatcher(self) -> None:
        """Let what is in flight finish and record its outcome; nothing when none was made."""
        with self._dispatcher_lock:
            dispatcher = self._dispatcher
        if dispatcher is not None:
            dispatcher.shutdown(wait=True)

    def now(self) -> str:
        return iso(self.clock.now())

    def channel(self, config: ChannelConfig) -> Channel:
        return build_channel(config, self.channel_context)

    @staticmethod
    def who(by: str = "") -> str:
        """`by`, or the user at the keyboard when a command names nobody."""
        return by or current_user()

    def desk_author(self) -> str:
        """Who this desk is, as the other desks see it (presence, a draft's saver)."""
        return self.author or current_user()
