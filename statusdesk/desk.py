"""The composition root: one workspace, its store, its channels and its outbox.

The GUI and the CLI each hold one Desk and call its use cases; neither talks to SQLite or a
channel directly. Everything here is Qt-free and safe to call from the GUI thread except
`wait_for`, which blocks (the CLI uses it; the GUI listens to `on_delivery_change` instead).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from statusdesk import private
from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.channels.registry import build_channel
from statusdesk.clock import Clock, SystemClock
from statusdesk.core.cadence import channel_silence
from statusdesk.core.model import (
    BilingualText,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    Incident,
    IncidentKind,
    Language,
    Order,
    Problem,
    Update,
    UpdateStatus,
    blocking,
    states_for,
)
from statusdesk.core.model import (
    Channel as ChannelConfig,
)
from statusdesk.core.placeholders import leftover_placeholders
from statusdesk.core.text.sanitize import normalize
from statusdesk.core.timefmt import iso
from statusdesk.core.validation import (
    body_problems,
    draft_text_problems,
    override_warnings,
    title_problems,
)
from statusdesk.delivery.audience import audience
from statusdesk.delivery.dispatcher import MAX_WORKERS, Dispatcher, Recovery, StateCallback
from statusdesk.delivery.outbox import (
    LeftOut,
    Published,
    open_incident,
    publish_update,
    refresh_promise,
    schedule_update,
)
from statusdesk.delivery.owners import new_owner
from statusdesk.desk_config import ConfigOps, as_test_failure, language_order_problems
from statusdesk.jsonview import (
    delivery_json,
    incident_json,
    parity_json,
    silence_json,
    update_json,
)
from statusdesk.redact import redact
from statusdesk.scheduling.desk_ops import MaintenanceOpened, SchedulingOps
from statusdesk.scheduling.parity import channel_parity
from statusdesk.scheduling.promise import (
    DEFAULT_CADENCE_MIN,
)
from statusdesk.secrets import KeyringSecrets
from statusdesk.store import Store
from statusdesk.workspace import WorkspacePaths, resolve_home


class Rejected(Exception):
    """Input that cannot be published as it is; `problems` says what and where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p}" for p in problems))
        self.problems = problems


def refuse_disagreements(problems: Sequence[Problem], anyway: bool) -> None:
    """Unless `anyway`: the disagreements among a draft's checked problems refuse it (the
    CLI's `--anyway`; the app asks in a popup instead and passes anyway=True)."""
    from statusdesk.core.consistency import disagreements_in

    found = [] if anyway else disagreements_in(problems)
    if found:
        ask = Problem(
            "anyway",
            "The English and Arabic texts disagree; make them agree, or publish as it is "
            "with --anyway.",
        )
        raise Rejected([*found, ask])


def _clean(text: str) -> str:
    return normalize(text).strip()


def clean_text(text: BilingualText) -> BilingualText:
    return BilingualText(_clean(text.en), _clean(text.ar))


def _clean_draft(draft: Draft) -> Draft:
    return replace(
        draft,
        body=clean_text(draft.body),
        overrides={name: _clean(text) for name, text in draft.overrides.items()},
        author=_clean(draft.author),
        component_status={_clean(name): s for name, s in draft.component_status.items()},
    )


class Desk(SchedulingOps, ConfigOps):
    def __init__(
        self,
        home: str | os.PathLike[str] | None = None,
        *,
        clock: Clock | None = None,
        on_delivery_change: StateCallback | None = None,
        max_workers: int = MAX_WORKERS,
        checked: bool = False,
    ) -> None:
        """`checked`: this process has already opened the workspace once, with its integrity
        check and migrations (the GUI does so on a thread while Qt loads, prefetch.py)."""
        self.paths = WorkspacePaths(resolve_home(home))
        self.clock: Clock = clock or SystemClock()
        # One SQLite connection per thread: the first (checked and migrated) belongs to the
        # thread that opened the Desk; any other thread that touches `store` gets its own.
        self._local = threading.local()
        self._stores_lock = threading.Lock()
        self._stores: list[Store] = []
        self._local.store = self._remember(Store.open(self.paths.db, verify=not checked))
        private.tighten_workspace(self.paths.home)  # 0700/0600 whatever made it (private.py)
        for folder in (self.paths.exports, self.paths.logs):
            private.make_dir(folder)
        self.owner = new_owner()
        self.secrets = KeyringSecrets()
        self._channel_context = ChannelContext(
            home=self.paths.home,
            open_store=lambda: Store.open(self.paths.db, verify=False),
            now=self.clock.now,
            secrets=self.secrets,
        )
        self.dispatcher = Dispatcher(
            open_store=self._channel_context.open_store,
            channel_for=self.channel,
            clock=self.clock,
            owner=self.owner,
            max_workers=max_workers,
            on_change=on_delivery_change,
        )

    def _remember(self, store: Store) -> Store:
        with self._stores_lock:
            self._stores.append(store)
        return store

    @property
    def store(self) -> Store:
        """This thread's connection to the workspace."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._remember(Store.open(self.paths.db, verify=False))
            self._local.store = store
        return store

    def close(self) -> None:
        self.dispatcher.shutdown(wait=True)
        with self._stores_lock:
            for store in self._stores:
                store.close()
            self._stores.clear()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> str:
        return iso(self.clock.now())

    @property
    def home(self) -> Path:
        return self.paths.home

    # -- channels -----------------------------------------------------------------------------

    def channel(self, config: ChannelConfig) -> Channel:
        return build_channel(config, self._channel_context)

    def channel_configs(self, names: Sequence[str] | None = None) -> list[ChannelConfig]:
        """The channels an update goes to: the named ones, or every enabled one."""
        if not names:
            return self.store.channels(enabled_only=True)
        chosen = []
        for name in names:
            config = self.store.channel_by_name(name)
            if config is None:
                known = ", ".join(c.name for c in self.store.channels()) or "none"
                raise Rejected(
                    [Problem("channels", f"There is no channel named {name!r} (known: {known}).")]
                )
            chosen.append(config)
        return chosen

    def left_out(
        self, channels: Sequence[ChannelConfig], skip_reason: str | None, by: str
    ) -> tuple[LeftOut, list[Problem]]:
        """The enabled channels `channels` leave out, with the reason; a `skip_reason` problem
        when some are left out with none (issue #12 §1: never narrowed by accident)."""
        enabled = self.store.channels(enabled_only=True)
        return audience(channels, enabled, skip_reason, by or self._who())

    # -- checks -------------------------------------------------------------------------------

    def check_draft(
        self,
        draft: Draft,
        channels: Sequence[ChannelConfig],
        incident: Incident,
    ) -> list[Problem]:
        """Everything that stands between this draft and publishing, errors and warnings."""
        draft = self.with_component_text(draft)
        problems = body_problems(draft.body, [c.language for c in channels])
        problems += draft_text_problems(draft)
        problems += leftover_placeholders(draft.body)
        problems += override_warnings(draft.body)
        problems += self.disagreements(draft.body)
        if draft.state not in states_for(incident.kind):
            allowed = ", ".join(s.value for s in states_for(incident.kind))
            problems.append(
                Problem(
                    "state",
                    f"{draft.state.value!r} is not a state of a {incident.kind.value}; "
                    f"use one of {allowed}.",
                )
            )
        if not channels:
            problems.append(Problem("channels", "No channel is chosen; tick at least one channel."))
        chosen = {c.name for c in channels}
        for name in sorted(set(draft.overrides) - chosen):
            problems.append(
                Problem(
                    "overrides",
                    f"There is a custom text for {name!r}, but that channel is not chosen; "
                    "choose it or drop the text.",
                )
            )
        if blocking(problems):
            return problems
        preview = Update(
            id=0,
            incident_id=incident.id,
            state=draft.state,
            body=draft.body,
            author=draft.author,
            created_at=self.now(),
            status=UpdateStatus.PUBLISHED,
        )
        for config in channels:
            problems.extend(self.channel(config).check(preview, incident))
        return problems

    def with_component_text(self, draft: Draft) -> Draft:
        """A draft without text that changes components says so in a generated sentence
        (issue #12 §2); any other draft as it is."""
        from statusdesk.delivery.component_text import with_component_text

        return with_component_text(self.store, draft)

    def disagreements(self, body: BilingualText) -> list[Problem]:
        """What one language says and the other does not (numbers, times, links, component
        names): warnings to read before publishing, never a block."""
        from statusdesk.core.consistency import consistency_warnings

        return consistency_warnings(body, [c.name for c in self.store.components()])

    def _provisional_incident(
        self,
        title: BilingualText,
        kind: IncidentKind,
        *,
        incident_id: int = 0,
        cadence_min: int = DEFAULT_CADENCE_MIN,
        started_at: str | None = None,
        window_start: str | None = None,
        window_end: str | None = None,
    ) -> Incident:
        now = self.now()
        return Incident(
            id=incident_id,
            title=title,
            kind=kind,
            state=states_for(kind)[0],
            impact=Impact.NONE,
            started_at=started_at or now,
            created_at=now,
            updated_at=now,
            cadence_min=cadence_min,
            window_start=window_start,
            window_end=window_end,
        )

    # -- use cases ----------------------------------------------------------------------------

    def open_incident(
        self,
        *,
        title: BilingualText,
        draft: Draft,
        kind: IncidentKind = IncidentKind.INCIDENT,
        impact: Impact = Impact.NONE,
        channel_names: Sequence[str] | None = None,
        cadence_min: int | None = None,
        window_start: str | None = None,
        window_end: str | None = None,
        dispatch: bool = True,
        scheduled_for: datetime | None = None,
        template: str | None = None,
        eta: datetime | None = None,
        anyway: bool = True,
        skip_reason: str | None = None,
    ) -> Published:
        """A new incident with its first update: published now, or (`scheduled_for`) stored to
        go out then. `template` fills the languages the draft leaves empty. `cadence_min`:
        default, the workspace's setting incident.cadence_minutes. Without `anyway`,
        English/Arabic disagreements refuse it. Enabled channels left out of `channel_names`
        need `skip_reason` and get a `skipped` delivery with it."""
        if cadence_min is None:
            cadence_min = self.default_cadence()
        title = clean_text(title)
        draft = _clean_draft(draft)
        channels = self.channel_configs(channel_names)
        left_out, problems = self.left_out(channels, skip_reason, draft.author)
        problems += title_problems(title) + self._timing_problems(scheduled_for, cadence_min)
        provisional = self._provisional_incident(
            title,
            kind,
            incident_id=self.store.next_incident_id() if template else 0,
            cadence_min=cadence_min,
            window_start=window_start,
            window_end=window_end,
        )
        if template:
            draft, found = self._templated(template, draft, provisional, scheduled_for, eta)
            problems += found
        draft = self.with_component_text(draft)
        problems += self.check_draft(draft, channels, provisional)
        if blocking(problems):
            raise Rejected(blocking(problems))
        refuse_disagreements(problems, anyway)
        with self.store.transaction():
            published = open_incident(
                self.store,
                title=title,
                kind=kind,
                impact=draft.impact or impact,
                draft=draft,
                channel_ids=[c.id for c in channels],
                now=self.now(),
                cadence_min=cadence_min,
                window_start=window_start,
                window_end=window_end,
                overrides=self._overrides(draft, channels),
                scheduled_for=iso(scheduled_for) if scheduled_for else None,
                left_out=left_out,
            )
            if template and published.incident_id != provisional.id:
                # {incident_url} was filled with the id it was going to get; another process
                # took that id in the meantime. Rolled back: nothing is half-done.
                raise Rejected(
                    [
                        Problem(
                            "incident",
                            "Another incident was opened at the same moment; open this one "
                            "again (nothing was recorded).",
                        )
                    ]
                )
        if dispatch:
            self.dispatcher.submit(published.delivery_ids)
        return published

    def post_update(
        self,
        incident_id: int,
        draft: Draft,
        *,
        channel_names: Sequence[str] | None = None,
        dispatch: bool = True,
        scheduled_for: datetime | None = None,
        template: str | None = None,
        eta: datetime | None = None,
        cadence_min: int | None = None,
        anyway: bool = True,
        skip_reason: str | None = None,
    ) -> Published:
        """A new update on an incident: published now, or (`scheduled_for`) stored to go out
        then. `cadence_min` changes the incident's next-update cadence from now on. Without
        `anyway`, English/Arabic disagreements refuse it. Enabled channels left out of
        `channel_names` need `skip_reason` (see open_incident)."""
        incident = self.store.incident(incident_id)
        if incident is None:
            raise Rejected([Problem("incident", f"There is no incident {incident_id}.")])
        if cadence_min is not None:
            incident = replace(incident, cadence_min=cadence_min)
        draft = _clean_draft(draft)
        channels = self.channel_configs(channel_names)
        left_out, problems = self.left_out(channels, skip_reason, draft.author)
        problems += self._timing_problems(scheduled_for, incident.cadence_min)
        if template:
            draft, found = self._templated(template, draft, incident, scheduled_for, eta)
            problems += found
        draft = self.with_component_text(draft)
        checked = problems + self.check_draft(draft, channels, incident)
        problems = blocking(checked)
        if problems:
            raise Rejected(problems)
        refuse_disagreements(checked, anyway)
        now = self.now()
        with self.store.transaction():
            if cadence_min is not None:
                self.store.set_cadence(incident_id, cadence_min, now, draft.author)
            if scheduled_for is not None:
                published = schedule_update(
                    self.store,
                    incident_id=incident_id,
                    draft=draft,
                    channel_ids=[c.id for c in channels],
                    now=now,
                    scheduled_for=iso(scheduled_for),
                    overrides=self._overrides(draft, channels),
                    left_out=left_out,
                )
            else:
                published = publish_update(
                    self.store,
                    incident_id=incident_id,
                    draft=draft,
                    channel_ids=[c.id for c in channels],
                    now=now,
                    overrides=self._overrides(draft, channels),
                    left_out=left_out,
                )
            refresh_promise(self.store, incident_id)
        if dispatch:
            self.dispatcher.submit(published.delivery_ids)
        return published

    def wait_for(
        self,
        update_id: int,
        timeout: float,
        poll: Callable[[float], None] = time.sleep,
    ) -> list[Delivery]:
        """Block until every delivery of the update has an outcome, or the timeout passes.

        An outcome is anything but pending/sending; a retry that is still waiting counts as
        not done yet, so the CLI waits for it within its timeout.
        """
        deadline = time.monotonic() + timeout
        open_states = (
            DeliveryState.PENDING,
            DeliveryState.SENDING,
            DeliveryState.RETRY_WAIT,
            DeliveryState.UNKNOWN,  # being reconciled: it ends sent, retried or for a person
        )
        while True:
            deliveries = self.store.deliveries_for_update(update_id)
            if all(d.state not in open_states for d in deliveries):
                return deliveries
            if time.monotonic() >= deadline:
                return deliveries
            poll(0.05)

    @staticmethod
    def _overrides(draft: Draft, channels: Sequence[ChannelConfig]) -> dict[int, str]:
        by_name = {c.name: c.id for c in channels}
        return {by_name[name]: text for name, text in draft.overrides.items() if text}

    # -- deliveries: a person's decisions, recovery ------------------------------------------

    def retry_delivery(self, delivery_id: int, by: str = "", *, dispatch: bool = True) -> Delivery:
        """Back to the outbox with the same idempotency key, and sent at once (or, without
        `dispatch`, by whichever process works the outbox next)."""
        self.refuse_removed_channel(delivery_id)
        delivery = self._decide(delivery_id, "retry", by or self._who(), "")
        if dispatch:
            self.dispatcher.submit([delivery_id])
        return delivery

    def skip_delivery(self, delivery_id: int, reason: str, by: str = "") -> Delivery:
        """A decided silence: recorded with its reason, shown in the timeline."""
        reason = normalize(reason).strip()
        if not reason:
            raise Rejected([Problem("reason", "Say why this channel is skipped (--reason TEXT).")])
        return self._decide(delivery_id, "skip", by or self._who(), reason)

    def _decide(self, delivery_id: int, decision: str, by: str, note: str) -> Delivery:
        try:
            delivery = self.store.decide_delivery(delivery_id, decision, by, note, self.now())
        except ValueError as exc:
            raise Rejected([Problem("delivery", str(exc))]) from exc
        self.dispatcher.notify(delivery_id, delivery.state)
        return delivery

    @staticmethod
    def _who() -> str:
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    def recover(self) -> Recovery:
        """Reconcile what a crashed process left behind, then queue what is due."""
        recovery = self.dispatcher.recover()
        self.dispatcher.submit_runnable()
        return recovery

    def outstanding_deliveries(self) -> int:
        return self.store.outstanding_deliveries()

    # -- channels -----------------------------------------------------------------------------

    def add_channel(self, kind: str, name: str, settings: dict[str, str]) -> ChannelConfig:
        """A new channel. `language` and `order` are settings like any other (ARCHITECTURE §3)."""
        from statusdesk.channels.registry import (
            KINDS,
            kind_settings_problems,
        )

        problems: list[Problem] = []
        if kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            raise Rejected([Problem("kind", f"Unknown channel kind {kind!r}; known: {known}.")])
        name = name.strip()
        if not name or any(ch.isspace() or ch in "/,=" for ch in name):
            problems.append(
                Problem("name", f"{name!r} cannot name a channel: use letters, digits, - or _.")
            )
        elif self.store.channel_by_name(name) is not None:
            problems.append(Problem("name", f"There is already a channel named {name!r}."))
        options = dict(settings)
        language, order = options.pop("language", "both"), options.pop("order", "en-first")
        problems += language_order_problems(language, order)  # as `channel edit` checks them
        problems += [
            Problem("settings", message) for message in kind_settings_problems(kind, options)
        ]
        if problems:
            raise Rejected(problems)
        channel_id = self.store.add_channel(
            kind=kind,
            name=name,
            now=self.now(),
            language=Language(language),
            order=Order(order),
            settings=options,
        )
        config = self.store.channel(channel_id)
        assert config is not None
        return config

    def set_channel_secret(self, name: str, key: str, value: str) -> None:
        """Into the keyring; the channel's settings remember only that the secret is set."""
        from statusdesk.channels.registry import kind_secret_names

        config = self.store.channel_by_name(name)
        if config is None:
            raise Rejected([Problem("channel", f"There is no channel named {name!r}.")])
        allowed = kind_secret_names(config.kind)
        if key not in allowed:
            which = ", ".join(allowed) or "none"
            raise Rejected(
                [
                    Problem(
                        "key", f"A {config.kind} channel has no secret {key!r} (it takes: {which})."
                    )
                ]
            )
        if not value:
            raise Rejected([Problem("value", "The secret is empty; nothing was stored.")])
        self.secrets.set(name, key, value)
        keys = sorted({*config.settings.get("secret_keys", []), key})
        self.store.set_channel_settings(
            config.id, {**config.settings, "secret_keys": keys}, self.now()
        )

    def wait_for_delivery(
        self, delivery_id: int, timeout: float, poll: Callable[[float], None] = time.sleep
    ) -> Delivery:
        """Block until one delivery has an outcome (see wait_for), or the timeout passes."""
        deadline = time.monotonic() + timeout
        while True:
            delivery = self.store.delivery(delivery_id)
            if delivery is None:
                raise Rejected([Problem("delivery", f"There is no delivery {delivery_id}.")])
            waiting = delivery.state in (
                DeliveryState.PENDING,
                DeliveryState.SENDING,
                DeliveryState.RETRY_WAIT,
                DeliveryState.UNKNOWN,
            )
            if not waiting or time.monotonic() >= deadline:
                return delivery
            poll(0.05)

    def test_channel(self, name: str) -> str:
        """Check a channel's connection and credentials, publishing nothing."""
        config = self.store.channel_by_name(name)
        if config is None:
            known = ", ".join(c.name for c in self.store.channels()) or "none"
            raise Rejected(
                [Problem("channel", f"There is no channel named {name!r} (known: {known}).")]
            )
        channel = self.channel(config)
        test = getattr(channel, "test", None)
        if test is None:
            return f"{name}: a {config.kind} channel has nothing to connect to; nothing to test."
        from statusdesk.channels.base import ChannelError

        try:
            try:
                result: str = test()
            except ChannelError as exc:  # a test is not retried: say so, not "Will retry"
                raise as_test_failure(name, exc) from exc
        except Exception as exc:
            # What the server said may quote a credential: the app shows this message too.
            exc.args = (redact(str(exc)), *exc.args[1:])
            raise
        return redact(result)  # a server's greeting or account name may quote a credential

    # -- views --------------------------------------------------------------------------------

    def incident_detail(self, incident_id: int) -> dict[str, Any] | None:
        """`incident show --json`: the incident, its updates oldest first with deliveries, the
        next-update promise and per-channel silence."""
        incident = self.store.incident(incident_id)
        if incident is None:
            return None
        components = {c.id: c for c in self.store.components()}
        channels = self.store.channels()
        by_id = {c.id: c for c in self.store.channels(include_removed=True)}
        updates = self.store.updates(incident_id)
        deliveries = self.store.deliveries_for_incident(incident_id)
        detail = incident_json(incident, components)
        detail["updates"] = [update_json(u, deliveries.get(u.id, []), by_id) for u in updates]
        silence = channel_silence(updates, deliveries, channels)
        detail["silence"] = silence_json(silence)
        detail["parity"] = parity_json(silence, channel_parity(updates, deliveries, channels))
        return detail

    def deliveries_view(self, incident_id: int) -> list[dict[str, Any]]:
        by_id = {c.id: c for c in self.store.channels(include_removed=True)}
        grouped = self.store.deliveries_for_incident(incident_id)
        return [
            delivery_json(d, by_id) for update_id in sorted(grouped) for d in grouped[update_id]
        ]

    def build_site(self) -> Path:
        """Rebuild the local status page from the workspace now (also what `site build` does)."""
        from statusdesk.channels.site.build import build_site
        from statusdesk.channels.site.channel import site_build_lock

        # The site channel's lock (site_build_lock), held from the read to the swap: a rebuild
        # that read the workspace before a publish must not swap its older page in after it.
        with site_build_lock(self.paths.home):
            return build_site(self.store, self.paths.site, self.clock.now())


# MaintenanceOpened is what Desk.open_maintenance returns (scheduling/desk_ops.py).
__all__ = ["Desk", "MaintenanceOpened", "Rejected", "clean_text"]
