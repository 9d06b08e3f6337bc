"""Channels as a person manages them: added, given secrets (into the keyring), tested,
edited, enabled or disabled, and removed — its past deliveries kept in the record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from statusdesk.app.context import AppContext
from statusdesk.channels import tested
from statusdesk.channels.base import Ambiguous, ChannelError, Permanent, Transient
from statusdesk.channels.registry import (
    KINDS,
    kind_kept_secret_names,
    kind_secret_names,
    kind_settings_problems,
)
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import DeliveryState, Language, Order, Problem
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of
from statusdesk.redact import redact

LANGUAGES = tuple(lang.value for lang in Language)
NO_CHANNEL_NAMED = QT_TRANSLATE_NOOP(
    "Problems", "There is no channel named {name} (known: {known})."
)
ORDERS = tuple(o.value for o in Order)


def language_order_problems(language: str, order: str) -> list[Problem]:
    """The checks `channel add` makes of the two settings every kind takes."""
    problems = []
    if language not in LANGUAGES:
        problems.append(
            Problem(
                "language",
                QT_TRANSLATE_NOOP(
                    "Problems", "language must be ar, en or both (got {got})."
                ).format(got=repr(language)),
            )
        )
    if order not in ORDERS:
        problems.append(
            Problem(
                "order",
                QT_TRANSLATE_NOOP(
                    "Problems", "order must be ar-first or en-first (got {got})."
                ).format(got=repr(order)),
            )
        )
    return problems


def as_test_failure(name: str, error: ChannelError) -> ChannelError:
    """A channel test's failure in a test's words: a test is never retried, so no "Will retry";
    say what could not be reached and what to check instead."""
    text = error.cause.rstrip()  # without what an outbox attempt would do next
    if isinstance(error, Transient | Ambiguous):
        stopped = text.endswith((".", "!", "?"))
        failed = tested.FAILED if stopped else tested.FAILED_AFTER_STOP
        return Permanent(failed.format(cause=text, channel=name))
    return error


@dataclass(frozen=True)
class Removed:
    channel: ChannelConfig
    skipped: list[int] = field(default_factory=list)  # deliveries decided `skipped`
    scheduled: list[int] = field(default_factory=list)  # scheduled updates it was taken off
    secrets: list[str] = field(default_factory=list)  # keyring entries deleted


class ChannelAdmin:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def add_channel(self, kind: str, name: str, settings: dict[str, str]) -> ChannelConfig:
        """A new channel. `language` and `order` are settings like any other (ARCHITECTURE §3)."""
        problems: list[Problem] = []
        if kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            raise Rejected(
                [
                    Problem(
                        "kind",
                        QT_TRANSLATE_NOOP(
                            "Problems", "Unknown channel kind {kind}; known: {known}."
                        ).format(kind=repr(kind), known=known),
                    )
                ]
            )
        name = name.strip()
        if not name or any(ch.isspace() or ch in "/,=" for ch in name):
            problems.append(
                Problem(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "Problems", "{name} cannot name a channel: use letters, digits, - or _."
                    ).format(name=repr(name)),
                )
            )
        elif self.ctx.store.channels.channel_by_name(name) is not None:
            problems.append(
                Problem(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "Problems", "There is already a channel named {name}."
                    ).format(name=repr(name)),
                )
            )
        options = dict(settings)
        language, order = options.pop("language", "both"), options.pop("order", "en-first")
        problems += language_order_problems(language, order)  # as `channel edit` checks them
        problems += [
            Problem("settings", message) for message in kind_settings_problems(kind, options)
        ]
        if problems:
            raise Rejected(problems)
        channel_id = self.ctx.store.channels.add_channel(
            kind=kind,
            name=name,
            now=self.ctx.now(),
            language=Language(language),
            order=Order(order),
            settings=options,
        )
        config = self.ctx.store.channels.channel(channel_id)
        assert config is not None
        return config

    def set_channel_secret(self, name: str, key: str, value: str) -> None:
        """Into the keyring; the channel's settings remember only that the secret is set."""
        config = self.ctx.store.channels.channel_by_name(name)
        if config is None:
            raise Rejected(
                [
                    Problem(
                        "channel",
                        QT_TRANSLATE_NOOP("Problems", "There is no channel named {name}.").format(
                            name=repr(name)
                        ),
                    )
                ]
            )
        allowed = kind_secret_names(config.kind)
        if key not in allowed:
            which = ", ".join(allowed) or "none"
            raise Rejected(
                [
                    Problem(
                        "key",
                        QT_TRANSLATE_NOOP(
                            "Problems", "A {kind} channel has no secret {key} (it takes: {which})."
                        ).format(kind=config.kind, key=repr(key), which=which),
                    )
                ]
            )
        if not value:
            raise Rejected(
                [
                    Problem(
                        "value",
                        QT_TRANSLATE_NOOP("Problems", "The secret is empty; nothing was stored."),
                    )
                ]
            )
        self.ctx.secrets.set(name, key, value)
        keys = sorted({*config.settings.get("secret_keys", []), key})
        self.ctx.store.channels.set_channel_settings(
            config.id, {**config.settings, "secret_keys": keys}, self.ctx.now()
        )

    def live_channel(self, name: str) -> ChannelConfig:
        config = self.ctx.store.channels.channel_by_name(name)
        if config is None:
            known = ", ".join(c.name for c in self.ctx.store.channels.channels()) or "none"
            raise Rejected(
                [Problem("channel", NO_CHANNEL_NAMED.format(name=repr(name), known=known))]
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
        config = self.live_channel(name)
        if config.kind not in KINDS:
            raise Rejected(
                [
                    Problem(
                        "channel",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "{name} is of kind {kind}, which this statusdesk does not know; "
                            "upgrade statusdesk to edit it (or remove it).",
                        ).format(name=name, kind=repr(config.kind)),
                    )
                ]
            )
        if not settings and not unset:
            raise Rejected(
                [
                    Problem(
                        "settings",
                        QT_TRANSLATE_NOOP(
                            "Problems", "Nothing to change: give --set KEY=VALUE or --unset KEY."
                        ),
                    )
                ]
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
                    Problem(
                        "settings",
                        QT_TRANSLATE_NOOP(
                            "Problems", "{key} is not set on {name}; nothing to unset."
                        ).format(key=key, name=name),
                    )
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
            raise Rejected(problems)
        if "secret_keys" in config.settings:
            options["secret_keys"] = config.settings["secret_keys"]
        self.ctx.store.channels.edit_channel(
            config.id,
            language=Language(language),
            order=Order(order),
            settings=options,
            changed=[*settings, *unset],
            now=self.ctx.now(),
            actor=self.ctx.who(by),
        )
        changed = self.ctx.store.channels.channel(config.id)
        assert changed is not None
        return changed

    def enable_channel(self, name: str, enabled: bool, by: str = "") -> tuple[ChannelConfig, bool]:
        """(the channel as it is now, whether this changed it)."""
        config = self.live_channel(name)
        if config.enabled == enabled:
            return config, False
        self.ctx.store.channels.set_channel_enabled(
            config.id, enabled, self.ctx.now(), self.ctx.who(by)
        )
        changed = self.ctx.store.channels.channel(config.id)
        assert changed is not None
        return changed, True

    def remove_channel(self, name: str, by: str = "") -> Removed:
        """Remove a channel: its row stays for its past deliveries (still named in the timeline,
        `deliveries --json` and exports); what it had not been sent yet is skipped with a
        reason; scheduled updates stop going to it; its keyring secrets are deleted; the name
        is free again. Refused while one of its deliveries is on the wire."""
        config = self.live_channel(name)
        waiting = self.ctx.store.deliveries.not_out_for_channel(config.id)
        # On the wire (as the store's decide_delivery judges it): its outcome is not known yet.
        busy = [
            d.id
            for d in waiting
            if d.state is DeliveryState.SENDING
            or (d.state is DeliveryState.UNKNOWN and d.owner is not None)
        ]
        if busy:
            which = ", ".join(str(d) for d in busy)
            raise Rejected(
                [
                    Problem(
                        "channel",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "{name} is sending right now (delivery {which}); wait for the "
                            "outcome, then remove it. Nothing was changed.",
                        ).format(name=name, which=which),
                    )
                ]
            )
        # The keyring first: if it cannot be reached, nothing else is changed either.
        deleted = []
        if config.settings.get("secret_keys"):
            names = (
                (*kind_secret_names(config.kind), *kind_kept_secret_names(config.kind))
                if config.kind in KINDS
                else ()
            )
            for key in sorted({*names, *config.settings.get("secret_keys", [])}):
                if self.ctx.secrets.delete(name, key):
                    deleted.append(key)
        who = self.ctx.who(by)
        skipped = []
        for delivery in waiting:
            try:
                self.ctx.store.deliveries.decide_delivery(
                    delivery.id, "skip", who, f"the channel {name} was removed", self.ctx.now()
                )
            except ValueError as exc:  # taken for sending in the meantime
                raise Rejected(
                    [
                        Problem(
                            "channel",
                            QT_TRANSLATE_NOOP(
                                "Problems", "{why} {name} was not removed; try again then."
                            ).format(why=message_of(exc), name=name),
                        )
                    ]
                ) from exc
            self.ctx.dispatcher.notify(delivery.id, DeliveryState.SKIPPED)
            skipped.append(delivery.id)
        scheduled = self.ctx.store.channels.remove_channel(config.id, self.ctx.now(), who)
        removed = self.ctx.store.channels.channel(config.id)
        assert removed is not None
        return Removed(removed, skipped, scheduled, deleted)

    def refuse_removed_channel(self, delivery_id: int) -> None:
        """A delivery of a removed channel is part of the record; it is never sent again."""
        delivery = self.ctx.store.deliveries.delivery(delivery_id)
        channel = self.ctx.store.channels.channel(delivery.channel_id) if delivery else None
        if channel is not None and channel.removed_at is not None:
            raise Rejected(
                [
                    Problem(
                        "delivery",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "Delivery {id} was for the channel {name}, removed at {at}; it is not "
                            "sent again.",
                        ).format(id=delivery_id, name=channel.name, at=channel.removed_at),
                    )
                ]
            )

    def test_channel(self, name: str) -> str:
        """Check a channel's connection and credentials, publishing nothing."""
        config = self.ctx.store.channels.channel_by_name(name)
        if config is None:
            known = ", ".join(c.name for c in self.ctx.store.channels.channels()) or "none"
            raise Rejected(
                [Problem("channel", NO_CHANNEL_NAMED.format(name=repr(name), known=known))]
            )
        channel = self.ctx.channel(config)
        test = getattr(channel, "test", None)
        if test is None:
            return tested.NOTHING_TO_TEST.format(channel=name, kind=config.kind)
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
