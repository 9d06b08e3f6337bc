"""Channel kinds by name: what `channel add KIND NAME` accepts.

Kinds are named by import path and loaded on first use, so starting the app or the CLI does
not pay for every channel's libraries (HTML templates, HTTP clients, SMTP).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.core.model import Channel as ChannelConfig

Factory = Callable[[ChannelConfig, ChannelContext], Channel]

KINDS: dict[str, str | Factory] = {
    "site": "statusdesk.channels.site.channel:SiteChannel",
    "webhook": "statusdesk.channels.webhook:WebhookChannel",
    "x": "statusdesk.channels.x.channel:XChannel",
    "email": "statusdesk.channels.email.channel:EmailChannel",
    "statuspage": "statusdesk.channels.statuspage.channel:StatuspageChannel",
}


class UnknownChannelKind(ValueError):
    pass


def factory_for(kind: str) -> Factory:
    entry = KINDS[kind]
    if isinstance(entry, str):
        module, _, name = entry.partition(":")
        loaded: Factory = getattr(importlib.import_module(module), name)
        KINDS[kind] = loaded
        return loaded
    return entry


def build_channel(config: ChannelConfig, context: ChannelContext) -> Channel:
    if config.kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise UnknownChannelKind(
            f"Channel {config.name!r} is of kind {config.kind!r}, which this statusdesk does not "
            f"know (it knows: {known}). Upgrade statusdesk or disable the channel."
        )
    return factory_for(config.kind)(config, context)


def kind_settings_problems(kind: str, settings: Mapping[str, object]) -> list[str]:
    """A kind's own check of its settings (a module-level `settings_problems`), if it has one,
    after the checks every kind gets (channels/targets.py): no secret among the settings, no
    link-local or metadata target, TLS for a credential."""
    from statusdesk.channels import targets

    declared = {name for other in KINDS for name in kind_secret_names(other)}
    problems = targets.secret_setting_problems(settings, declared)
    problems += targets.settings_problems(kind, settings)
    module = importlib.import_module(factory_for(kind).__module__)
    check = getattr(module, "settings_problems", None)
    return problems + (list(check(settings)) if check is not None else [])


def kind_secret_names(kind: str) -> tuple[str, ...]:
    """The secrets a kind reads from the keyring (a module-level `SECRETS`)."""
    module = importlib.import_module(factory_for(kind).__module__)
    return tuple(getattr(module, "SECRETS", ()))
