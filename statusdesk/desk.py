"""The composition root: opens a workspace and wires its store, the keyring, the channels, the
dispatcher and the clock into one application context, then composes the use cases over it,
each on first use (its module is imported then too: a command or the desk's first paint loads
only the use cases it calls).

The GUI and the CLI each hold one Desk and call its use cases — `desk.publishing`,
`desk.maintenance`, `desk.scheduling`, `desk.deliveries`, `desk.channels`, `desk.settings`,
`desk.templating`, `desk.checks`, `desk.views`, `desk.subscribers`, `desk.drafts`,
`desk.presence`, `desk.exports`, `desk.composing`, `desk.previews`, `desk.components`
(statusdesk/app/) — never the store itself (ARCHITECTURE §1). `desk.store` is there for the
runner's own loop, tests and benchmarks.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk import private
from statusdesk.app.context import AppContext, ThreadStores, keep_desk_name
from statusdesk.app.database import StoreOpener
from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.channels.registry import build_channel
from statusdesk.clock import Clock, SystemClock
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.delivery.owners import new_owner
from statusdesk.secrets import KeyringSecrets
from statusdesk.store import Store
from statusdesk.workspace import DESK_AUTHOR, WorkspacePaths, peek_local_setting, resolve_home

MAX_WORKERS = 16  # delivery.dispatcher.MAX_WORKERS, without loading it (test_desk_lazy.py)

if TYPE_CHECKING:
    from statusdesk.app.channels import ChannelAdmin
    from statusdesk.app.checks import DraftChecks
    from statusdesk.app.components import ComponentAdmin
    from statusdesk.app.compose import Composing
    from statusdesk.app.deliveries import Deliveries
    from statusdesk.app.drafts import DraftKeeping
    from statusdesk.app.exports import Exports
    from statusdesk.app.maintenance import Maintenance
    from statusdesk.app.postmortems import Postmortems
    from statusdesk.app.presence import DeskPresence
    from statusdesk.app.previews import Previews
    from statusdesk.app.publishing import Publishing
    from statusdesk.app.review import Reviews
    from statusdesk.app.scheduling import Scheduling
    from statusdesk.app.subscribers import SubscriberAdmin
    from statusdesk.app.templating import Templating
    from statusdesk.app.views import Views
    from statusdesk.app.workspace_settings import WorkspaceSettings
    from statusdesk.delivery.dispatcher import Dispatcher, ProgressCallback, StateCallback


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
        db: str | None = None,
        records: StoreOpener | None = None,
    ) -> None:
        """`checked`: this process has already opened the workspace once, with its integrity
        check and migrations (the GUI does so on a thread while Qt loads, gui prefetch).
        `check_every`: a one-shot command's integrity check runs only if none passed on the
        database within that many seconds (store/db.py check_due); None checks now.
        `db`: a PostgreSQL URL holding the workspace's records (a team desk, issue #17);
        None keeps them in the folder's SQLite file. `records`: an opener made already (the
        app's prefetch makes a team desk's pool off the GUI thread), used instead of `db`."""
        self.paths = WorkspacePaths(resolve_home(home))
        self.clock: Clock = clock or SystemClock()
        self.records = records or StoreOpener(self.paths, db, KeyringSecrets())
        self.secrets = self.records.secrets
        first = self.records.first(verify=not checked, check_every=check_every)
        # Who this desk is, if this machine said so (settings.DESK_AUTHOR, app/context.py): in
        # the folder's own file, which is the first store unless the records are a team's.
        here = first.settings.setting(DESK_AUTHOR) if self.records.url is None else None
        keep_desk_name(here or peek_local_setting(self.paths.db, DESK_AUTHOR))
        private.tighten_workspace(self.paths.home)  # 0700/0600 whatever made it (private.py)
        for folder in (self.paths.exports, self.paths.logs):
            private.make_dir(folder)
        self.owner = new_owner()
        channel_context = ChannelContext(
            home=self.paths.home,
            open_store=self.records.another,
            now=self.clock.now,
            secrets=self.secrets,
        )

        def dispatcher() -> Dispatcher:
            # Made (and its module loaded) when something is first sent or recovered: a
            # command that only reads, or the desk's first paint, does without (issue #16).
            from statusdesk.delivery.dispatcher import Dispatcher

            return Dispatcher(
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
            dispatcher=dispatcher,
            changes=self.records.changes(),
        )

    # The use cases, each made (and its module imported) on first use: a command or the desk's
    # first paint loads only those it calls (issue #16, start-up). cached_property keeps one
    # per Desk; tests may still replace one by assignment.

    @cached_property
    def settings(self) -> WorkspaceSettings:
        from statusdesk.app.workspace_settings import WorkspaceSettings

        return WorkspaceSettings(self.context)

    @cached_property
    def checks(self) -> DraftChecks:
        from statusdesk.app.checks import DraftChecks

        return DraftChecks(self.context)

    @cached_property
    def templating(self) -> Templating:
        from statusdesk.app.templating import Templating

        return Templating(self.context)

    @cached_property
    def publishing(self) -> Publishing:
        from statusdesk.app.publishing import Publishing

        return Publishing(self.context, self.checks, self.templating, self.settings)

    @cached_property
    def reviews(self) -> Reviews:
        from statusdesk.app.review import Reviews

        return Reviews(self.context, self.publishing, self.settings)

    @cached_property
    def postmortems(self) -> Postmortems:
        from statusdesk.app.postmortems import Postmortems

        return Postmortems(self.context, self.settings)

    @cached_property
    def maintenance(self) -> Maintenance:
        from statusdesk.app.maintenance import Maintenance

        return Maintenance(self.context, self.checks, self.templating, self.settings)

    @cached_property
    def scheduling(self) -> Scheduling:
        from statusdesk.app.scheduling import Scheduling

        return Scheduling(self.context, self.checks, self.settings)

    @cached_property
    def channels(self) -> ChannelAdmin:
        from statusdesk.app.channels import ChannelAdmin

        return ChannelAdmin(self.context)

    @cached_property
    def deliveries(self) -> Deliveries:
        from statusdesk.app.deliveries import Deliveries

        return Deliveries(self.context, self.channels)

    @cached_property
    def views(self) -> Views:
        from statusdesk.app.views import Views

        return Views(self.context)

    @cached_property
    def subscribers(self) -> SubscriberAdmin:
        from statusdesk.app.subscribers import SubscriberAdmin

        return SubscriberAdmin(self.context)

    @cached_property
    def components(self) -> ComponentAdmin:
        from statusdesk.app.components import ComponentAdmin

        return ComponentAdmin(self.context, self.settings)

    @cached_property
    def drafts(self) -> DraftKeeping:
        from statusdesk.app.drafts import DraftKeeping

        return DraftKeeping(self.context)

    @cached_property
    def presence(self) -> DeskPresence:
        from statusdesk.app.presence import DeskPresence

        return DeskPresence(self.context)

    @cached_property
    def exports(self) -> Exports:
        from statusdesk.app.exports import Exports

        return Exports(self.context)

    @cached_property
    def composing(self) -> Composing:
        from statusdesk.app.compose import Composing

        return Composing(self.context, self.checks, self.publishing, self.views)

    @cached_property
    def previews(self) -> Previews:
        from statusdesk.app.previews import Previews

        return Previews(self.context, self.checks, self.composing, self.views)

    @property
    def dispatcher(self) -> Dispatcher:
        """The outbox's sender, made on first use (AppContext.dispatcher)."""
        return self.context.dispatcher

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
        self.context.shutdown_dispatcher()
        self.context.changes.close()
        self.context.stores.close_all()
        self.records.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
