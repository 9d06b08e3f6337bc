"""The composition root: opens a workspace and wires its store, the keyring, the channels, the
dispatcher and the clock into one application context, then composes the use cases over it.

The GUI and the CLI each hold one Desk and call its use cases — `desk.publishing`,
`desk.maintenance`, `desk.scheduling`, `desk.deliveries`, `desk.channels`, `desk.settings`,
`desk.templating`, `desk.checks`, `desk.views`, `desk.subscribers`, `desk.drafts`,
`desk.exports`, `desk.composing`, `desk.previews`, `desk.components` (statusdesk/app/) — never
the store itself (ARCHITECTURE §1). `desk.store` is there for the runner's own loop, tests and
benchmarks.
"""

from __future__ import annotations

import os
from pathlib import Path

from statusdesk import private
from statusdesk.app.channels import ChannelAdmin
from statusdesk.app.checks import DraftChecks
from statusdesk.app.components import ComponentAdmin
from statusdesk.app.compose import Composing
from statusdesk.app.context import AppContext, ThreadStores
from statusdesk.app.deliveries import Deliveries
from statusdesk.app.drafts import DraftKeeping
from statusdesk.app.exports import Exports
from statusdesk.app.maintenance import Maintenance
from statusdesk.app.postmortems import Postmortems
from statusdesk.app.previews import Previews
from statusdesk.app.publishing import Publishing
from statusdesk.app.scheduling import Scheduling
from statusdesk.app.subscribers import SubscriberAdmin
from statusdesk.app.templating import Templating
from statusdesk.app.views import Views
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.channels.registry import build_channel
from statusdesk.clock import Clock, SystemClock
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.delivery.dispatcher import (
    MAX_WORKERS,
    Dispatcher,
    ProgressCallback,
    StateCallback,
)
from statusdesk.delivery.owners import new_owner
from statusdesk.secrets import KeyringSecrets
from statusdesk.store import Store
from statusdesk.workspace import WorkspacePaths, resolve_home


class Desk:
    def __init__(
        self,
        home: str | os.PathLike[str] | None = None,
        *,
        clock: Clock | None = None,
        on_delivery_change: StateCallback | None = None,
        on_delivery_progress: ProgressCallback | None = None,
        max_workers: int = MAX_WORKERS,
        checked: bool = False,
        check_every: float | None = None,
    ) -> None:
        """`checked`: this process has already opened the workspace once, with its integrity
        check and migrations (the GUI does so on a thread while Qt loads, gui prefetch).
        `check_every`: a one-shot command's integrity check runs only if none passed on the
        database within that many seconds (store/db.py check_due); None checks now."""
        self.paths = WorkspacePaths(resolve_home(home))
        self.clock: Clock = clock or SystemClock()
        first = Store.open(self.paths.db, verify=not checked, check_every=check_every)
        private.tighten_workspace(self.paths.home)  # 0700/0600 whatever made it (private.py)
        for folder in (self.paths.exports, self.paths.logs):
            private.make_dir(folder)
        self.owner = new_owner()
        self.secrets = KeyringSecrets()
        channel_context = ChannelContext(
            home=self.paths.home,
            open_store=lambda: Store.open(self.paths.db, verify=False),
            now=self.clock.now,
            secrets=self.secrets,
        )
        self.dispatcher = Dispatcher(
            open_store=channel_context.open_store,
            channel_for=lambda config: build_channel(config, channel_context),
            clock=self.clock,
            owner=self.owner,
            max_workers=max_workers,
            on_change=on_delivery_change,
            on_progress=on_delivery_progress,
        )
        self.context = AppContext(
            paths=self.paths,
            clock=self.clock,
            secrets=self.secrets,
            owner=self.owner,
            stores=ThreadStores(first, channel_context.open_store),
            channel_context=channel_context,
            dispatcher=self.dispatcher,
        )
        ctx = self.context
        self.settings = WorkspaceSettings(ctx)
        self.checks = DraftChecks(ctx)
        self.templating = Templating(ctx)
        self.publishing = Publishing(ctx, self.checks, self.templating, self.settings)
        self.postmortems = Postmortems(ctx, self.settings)
        self.maintenance = Maintenance(ctx, self.checks, self.templating, self.settings)
        self.scheduling = Scheduling(ctx, self.checks, self.settings)
        self.channels = ChannelAdmin(ctx)
        self.deliveries = Deliveries(ctx, self.channels)
        self.views = Views(ctx)
        self.subscribers = SubscriberAdmin(ctx)
        self.components = ComponentAdmin(ctx, self.settings)
        self.drafts = DraftKeeping(ctx)
        self.exports = Exports(ctx)
        self.composing = Composing(ctx, self.checks, self.publishing, self.views)
        self.previews = Previews(ctx, self.checks, self.composing, self.views)

    @property
    def store(self) -> Store:
        """This thread's connection to the workspace."""
        return self.context.store

    @property
    def home(self) -> Path:
        return self.paths.home

    def now(self) -> str:
        return self.context.now()

    def channel(self, config: ChannelConfig) -> Channel:
        """The channel a configuration describes, ready to check, render or send."""
        return self.context.channel(config)

    def close(self) -> None:
        self.dispatcher.shutdown(wait=True)
        self.context.changes.close()
        self.context.stores.close_all()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
