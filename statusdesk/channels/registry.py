"""Channel kinds by name: what `channel add KIND NAME` accepts.

Kinds are named by import path and loaded on first use, so starting the app or the CLI does
not pay for every channel's libraries (HTML templates, HTTP clients, SMTP).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.words import QT_TRANSLATE_NOOP

Factory = Callable[[ChannelConfig, ChannelContext], Channel]

KINDS: dict[str, str | Factory] = {
    "site": "statusdesk.channels.site.channel:SiteChannel",
    "webhook": "statusdesk.channels.webhook:WebhookChannel",
    "x": "statusdesk.channels.x.channel:XChannel",
    "email": "statusdesk.channels.email.channel:EmailChannel",
    "statuspage": "statusdesk.channels.statuspage.channel:StatuspageChannel",
    "mastodon": "statusdesk.channels.mastodon.channel:MastodonChannel",
    "telegram": "statusdesk.channels.telegram:TelegramChannel",
    "bluesky": "statusdesk.channels.bluesky.channel:BlueskyChannel",
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
            QT_TRANSLATE_NOOP(
                "Problems",
                "Channel {name} is of kind {kind}, which this statusdesk does not know (it knows: "
                "{known}). Upgrade statusdesk or disable the channel.",
            ).format(name=repr(config.name), kind=repr(config.kind), known=known)
        )
    return factory_for(config.kind)(config, context)


# The settings each kind takes besides `language` and `order` (which every kind takes): `channel
# add` and `channel edit` refuse any other key, so a typo (`formt=slack`) is never kept unread.
# Secrets are never settings (`statusdesk channel secret`).
SETTING_KEYS: dict[str, tuple[str, ...]] = {
    # `publish` (git, sftp or s3) and each target's settings (channels/site/publish/targets.py);
    # the site channel's settings_problems refuses those of another kind than `publish`.
    "site": (
        "base_url",
        "publish",
        *("endpoint", "bucket", "prefix", "region"),  # s3
        *("host", "port", "user", "path"),  # sftp
        *("remote", "branch", "git_author"),  # git
    ),
    "webhook": ("url", "format"),
    "x": ("auth", "base_url", "split", "thread"),
    "email": (
        "host",
        "port",
        "security",
        "username",
        "from",
        "recipients",
        "unsubscribe_url",
        "allow_plaintext",
        "digits",
        "connections",
        "max_per_second",
    ),
    "statuspage": ("page_id", "base_url", "components"),
    "mastodon": ("base_url", "visibility", "thread"),
    "telegram": ("chat_id", "base_url", "thread"),
    "bluesky": ("handle", "pds", "thread"),
}
COMMON_KEYS = ("language", "order")
# Keys that moved from the site channel to the workspace's settings (statusdesk/settings.py).
_MOVED = {"title_en": "site.title_en", "title_ar": "site.title_ar", "digits": "display.digits"}


def kind_setting_keys(kind: str) -> tuple[str, ...] | None:
    """Every key `--set` takes for a kind (None: a kind that does not say)."""
    keys = SETTING_KEYS.get(kind)
    return None if keys is None else (*keys, *COMMON_KEYS)


def unknown_setting_problems(kind: str, settings: Mapping[str, object]) -> list[str]:
    keys = kind_setting_keys(kind)
    if keys is None:
        return []
    problems: list[str] = []
    for key in sorted(set(settings) - set(keys)):
        moved = _MOVED.get(key) if kind == "site" else None
        if moved:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{key} is not a setting of a site channel any more: it is the workspace "
                    "setting {moved} (`statusdesk setting set {moved} VALUE`)",
                ).format(key=key, moved=moved)
            )
        else:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{key} is not a setting of a {kind} channel; it takes: {keys} (secrets go to "
                    "the keyring with `statusdesk channel secret NAME KEY`)",
                ).format(key=key, kind=kind, keys=", ".join(keys))
            )
    return problems


def kind_settings_problems(kind: str, settings: Mapping[str, object]) -> list[str]:
    """A kind's own check of its settings (a module-level `settings_problems`), if it has one,
    after the checks every kind gets (channels/targets.py: no secret among the settings, no
    link-local or metadata target, TLS for a credential), and any key the kind does not take.
    `channel add` and `channel edit` both call this."""
    from statusdesk.channels import targets

    declared = {name for other in KINDS for name in kind_secret_names(other)}
    problems = targets.secret_setting_problems(settings, declared)
    problems += targets.settings_problems(kind, settings)
    # A secret is said once, as a secret, not again as an unknown key.
    problems += unknown_setting_problems(
        kind, {k: v for k, v in settings.items() if not targets.is_secret_key(k, declared)}
    )
    module = importlib.import_module(factory_for(kind).__module__)
    check = getattr(module, "settings_problems", None)
    return problems + (list(check(settings)) if check is not None else [])


def kind_secret_names(kind: str) -> tuple[str, ...]:
    """The secrets a kind reads from the keyring (a module-level `SECRETS`)."""
    module = importlib.import_module(factory_for(kind).__module__)
    return tuple(getattr(module, "SECRETS", ()))


def kind_kept_secret_names(kind: str) -> tuple[str, ...]:
    """What a kind writes to the keyring itself (a module-level `KEPT_SECRETS`: Bluesky's
    session): never asked of a user, deleted with the channel."""
    module = importlib.import_module(factory_for(kind).__module__)
    return tuple(getattr(module, "KEPT_SECRETS", ()))
