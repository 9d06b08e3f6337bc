"""Issue #12 §7 on the Desk: channels changed after they were added (edit, enable, disable,
remove) and the workspace's settings (statusdesk/settings.py) read and changed.

A mixin of `statusdesk.desk.Desk`, like scheduling/desk_ops.py: the CLI and the app call these
as Desk methods. Nothing here blocks on the network; `set_workspace_setting` may rebuild the
status page (file writes), so the app calls it on its TaskRunner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statusdesk import settings as registry
from statusdesk.clock import Clock
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import DeliveryState, Language, Order, Problem
from statusdesk.delivery.dispatcher import Dispatcher
from statusdesk.secrets import KeyringSecrets
from statusdesk.store import Store

if TYPE_CHECKING:
    from statusdesk.channels.base import ChannelError
    from statusdesk.workspace import WorkspacePaths

LANGUAGES = tuple(lang.value for lang in Language)
ORDERS = tuple(o.value for o in Order)
DONE = (DeliveryState.SENT.value, DeliveryState.SKIPPED.value)


def _rejected(problems: list[Problem]) -> Exception:
    from statusdesk.desk import Rejected  # the Desk's own error; desk.py imports this module

    return Rejected(problems)


def language_order_problems(language: str, order: str) -> list[Problem]:
    """The checks `channel add` makes of the two settings every kind takes."""
    problems = []
    if language not in LANGUAGES:
        problems.append(Problem("language", f"language must be ar, en or both (got {language!r})."))
    if order not in ORDERS:
        problems.append(Problem("order", f"order must be ar-first or en-first (got {order!r})."))
    return problems


def as_test_failure(name: str, error: ChannelError) -> ChannelError:
    """A channel test's failure in a test's words: a test is never retried, so no "Will retry";
    say what could not be reached and what to check instead."""
    from statusdesk.channels.base import Ambiguous, Permanent, Transient

    text = error.cause.rstrip()  # without what an outbox attempt would do next
    if isinstance(error, Transient | Ambiguous):
        text += "" if text.endswith((".", "!", "?")) else "."
        text += (
            f" The test failed and nothing is retried (it was only a test): check that the "
            f"host is up and reachable from this machine and the channel's address "
            f"(`statusdesk channel edit {name} --set …`), then test again."
        )
        return Permanent(text)
    return error


@dataclass(frozen=True)
class Removed:
    channel: ChannelConfig
    skipped: list[int] = field(default_factory=list)  # deliveries decided `skipped`
    scheduled: list[int] = field(default_factory=list)  # scheduled updates it was taken off
    secrets: list[str] = field(default_factory=list)  # keyring entries deleted


@dataclass(frozen=True)
class SettingChange:
    key: str
    value: str
    changed: bool
    site: Path | None = None  # the status page, when it was rebuilt
    site_note: str = ""  # why it was not rebuilt, when it affects the page but was not


class ConfigOps:
    """Mixed into Desk; see the module's docstring."""

    # -- provided by Desk -------------------------------------------------------------------------

    clock: Clock
    dispatcher: Dispatcher
    secrets: KeyringSecrets
    paths: WorkspacePaths

    @property
    def store(self) -> Store:
        raise NotImplementedError

    def now(self) -> str:
        raise NotImplementedError

    def _who(self) -> str:
        raise NotImplementedError

    def build_site(self) -> Path:
        raise NotImplementedError

    # -- channels ---------------------------------------------------------------------------------

    def live_channel(self, name: str) -> ChannelConfig:
        config = self.store.channels.channel_by_name(name)
        if config is None:
            known = ", ".join(c.name for c in self.store.channels.channels()) or "none"
            raise _rejected(
                [Problem("channel", f"There is no channel named {name!r} (known: {known}).")]
            )
        return config

    def edit_channel(
        self,
        name: str,
        settings: Mapping[str, str],
        unset: Sequence[str] = (),
        by: str = "",
    ) -> ChannelConfig:
        """Change some settings of a channel, checked exactly as `add_channel` checks them (the
        kind's `settings_problems` through registry.kind_settings_problems) on the result.
        `unset` puts a setting back to the kind's default (language/order: both/en-first)."""
        from statusdesk.channels.registry import KINDS, kind_settings_problems

        config = self.live_channel(name)
        if config.kind not in KINDS:
            raise _rejected(
                [
                    Problem(
                        "channel",
                        f"{name} is of kind {config.kind!r}, which this statusdesk does not know; "
                        "upgrade statusdesk to edit it (or remove it).",
                    )
                ]
            )
        if not settings and not unset:
            raise _rejected(
                [Problem("settings", "Nothing to change: give --set KEY=VALUE or --unset KEY.")]
            )
        options: dict[str, Any] = {k: v for k, v in config.settings.items() if k != "secret_keys"}
        language, order = config.language.value, config.order.value
        problems: list[Problem] = []
        for key in unset:
            if key == "language":
                language = Language.BOTH.value
            elif key == "order":
                order = Order.EN_FIRST.value
            elif key in options:
                del options[key]
            else:
                problems.append(
                    Problem("settings", f"{key} is not set on {name}; nothing to unset.")
                )
        given = dict(settings)
        language = given.pop("language", language)
        order = given.pop("order", order)
        options.update(given)
        problems += language_order_problems(language, order)
        problems += [
            Problem("settings", message) for message in kind_settings_problems(config.kind, options)
        ]
        if problems:
            raise _rejected(problems)
        if "secret_keys" in config.settings:
            options["secret_keys"] = config.settings["secret_keys"]
        self.store.channels.edit_channel(
            config.id,
            language=Language(language),
            order=Order(order),
            settings=options,
            changed=[*settings, *unset],
            now=self.now(),
            actor=by or self._who(),
        )
        changed = self.store.channels.channel(config.id)
        assert changed is not None
        return changed

    def enable_channel(self, name: str, enabled: bool, by: str = "") -> tuple[ChannelConfig, bool]:
        """(the channel as it is now, whether this changed it)."""
        config = self.live_channel(name)
        if config.enabled == enabled:
            return config, False
        self.store.channels.set_channel_enabled(config.id, enabled, self.now(), by or self._who())
        changed = self.store.channels.channel(config.id)
        assert changed is not None
        return changed, True

    def remove_channel(self, name: str, by: str = "") -> Removed:
        """Remove a channel: its row stays for its past deliveries (still named in the timeline,
        `deliveries --json` and exports); what it had not been sent yet is skipped with a
        reason; scheduled updates stop going to it; its keyring secrets are deleted; the name
        is free again. Refused while one of its deliveries is on the wire."""
        from statusdesk.channels.registry import KINDS, kind_secret_names

        config = self.live_channel(name)
        rows = self.store.conn.execute(
            "SELECT id, state, owner FROM delivery WHERE channel_id = ? AND state NOT IN (?, ?) "
            "ORDER BY id",
            (config.id, *DONE),
        ).fetchall()
        # On the wire (as store.deliveries.decide_delivery judges it): its outcome is not known yet.
        busy = [
            int(r[0])
            for r in rows
            if r[1] == DeliveryState.SENDING.value
            or (r[1] == DeliveryState.UNKNOWN.value and r[2] is not None)
        ]
        if busy:
            which = ", ".join(str(d) for d in busy)
            raise _rejected(
                [
                    Problem(
                        "channel",
                        f"{name} is sending right now (delivery {which}); wait for the outcome, "
                        "then remove it. Nothing was changed.",
                    )
                ]
            )
        # The keyring first: if it cannot be reached, nothing else is changed either.
        deleted = []
        if config.settings.get("secret_keys"):
            names = kind_secret_names(config.kind) if config.kind in KINDS else ()
            for key in sorted({*names, *config.settings.get("secret_keys", [])}):
                if self.secrets.delete(name, key):
                    deleted.append(key)
        who = by or self._who()
        skipped = []
        for delivery_id, _state, _owner in rows:
            try:
                self.store.deliveries.decide_delivery(
                    int(delivery_id), "skip", who, f"the channel {name} was removed", self.now()
                )
            except ValueError as exc:  # taken for sending in the meantime
                raise _rejected(
                    [Problem("channel", f"{exc} {name} was not removed; try again then.")]
                ) from exc
            self.dispatcher.notify(int(delivery_id), DeliveryState.SKIPPED)
            skipped.append(int(delivery_id))
        scheduled = self.store.channels.remove_channel(config.id, self.now(), who)
        removed = self.store.channels.channel(config.id)
        assert removed is not None
        return Removed(removed, skipped, scheduled, deleted)

    def refuse_removed_channel(self, delivery_id: int) -> None:
        """A delivery of a removed channel is part of the record; it is never sent again."""
        delivery = self.store.deliveries.delivery(delivery_id)
        channel = self.store.channels.channel(delivery.channel_id) if delivery else None
        if channel is not None and channel.removed_at is not None:
            raise _rejected(
                [
                    Problem(
                        "delivery",
                        f"Delivery {delivery_id} was for the channel {channel.name}, removed at "
                        f"{channel.removed_at}; it is not sent again.",
                    )
                ]
            )

    # -- workspace settings -----------------------------------------------------------------------

    def workspace_settings(self) -> list[dict[str, Any]]:
        return registry.describe(self.store.settings)

    def workspace_setting(self, key: str) -> str:
        try:
            return registry.value(self.store.settings, registry.setting(key).key)
        except registry.SettingError as exc:
            raise _rejected([Problem("key", str(exc))]) from None

    def default_cadence(self) -> int:
        return registry.cadence_minutes(self.store.settings)

    def check_workspace_setting(self, key: str, value: str) -> str:
        """The value as it would be kept; Rejected naming the allowed values otherwise."""
        try:
            return registry.setting(key).check(value)
        except registry.SettingError as exc:
            field_name = "key" if exc.key == key and key not in registry.BY_KEY else "value"
            raise _rejected([Problem(field_name, str(exc))]) from None

    def set_workspace_setting(self, key: str, value: str, by: str = "") -> SettingChange:
        """Keep a setting (recorded as an event); when the status page shows it, rebuild the
        page under the site lock, as the site channel does. The default is kept as itself
        (no row), so a later change of the default reaches a workspace that never chose."""
        kept = self.check_workspace_setting(key, value)
        spec = registry.BY_KEY[key]
        before = registry.value(self.store.settings, key)
        keep: str | None = None if kept == spec.default else kept
        if keep != self.store.settings.setting(key):
            self.store.settings.set_setting(key, keep, self.now(), by or self._who())
        changed = kept != before
        if not (spec.affects_site and changed):
            return SettingChange(key, kept, changed)
        site, note = self._site_rebuilt()
        return SettingChange(key, kept, changed, site=site, site_note=note)

    def set_workspace_settings(
        self, values: Mapping[str, str], by: str = ""
    ) -> list[SettingChange]:
        """Several settings at once (the app's Save): every value is checked first and none is
        kept unless all pass (Rejected lists each refusal, its field the key); the status page
        is rebuilt once at the end if any of them shows on it."""
        from statusdesk.desk import Rejected

        problems: list[Problem] = []
        kept: dict[str, str] = {}
        for key, value in values.items():
            try:
                kept[key] = self.check_workspace_setting(key, value)
            except Rejected as exc:
                problems += [Problem(key, p.message) for p in exc.problems]
        if problems:
            raise _rejected(problems)
        who = by or self._who()
        changes = []
        for key, value in kept.items():
            spec = registry.BY_KEY[key]
            before = registry.value(self.store.settings, key)
            keep: str | None = None if value == spec.default else value
            if keep != self.store.settings.setting(key):
                self.store.settings.set_setting(key, keep, self.now(), who)
            changes.append(SettingChange(key, value, value != before))
        if any(c.changed and registry.BY_KEY[c.key].affects_site for c in changes):
            site = self._site_rebuilt()
            changes = [
                SettingChange(c.key, c.value, c.changed, site[0], site[1])
                if registry.BY_KEY[c.key].affects_site and c.changed
                else c
                for c in changes
            ]
        return changes

    def _site_rebuilt(self) -> tuple[Path | None, str]:
        site = next(
            (c for c in self.store.channels.channels(enabled_only=True) if c.kind == "site"), None
        )
        if site is None:
            return None, (
                "no enabled site channel: the status page was not rebuilt "
                "(`statusdesk site build` rebuilds it)"
            )
        return self.build_site(), ""
