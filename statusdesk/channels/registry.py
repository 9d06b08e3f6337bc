"""Channel kinds by name: what `channel add KIND NAME` accepts."""

from __future__ import annotations

from collections.abc import Callable

from statusdesk.channels.base import Channel, ChannelContext
from statusdesk.channels.site.channel import SiteChannel
from statusdesk.core.model import Channel as ChannelConfig

Factory = Callable[[ChannelConfig, ChannelContext], Channel]

KINDS: dict[str, Factory] = {
    "site": SiteChannel,
}


class UnknownChannelKind(ValueError):
    pass


def build_channel(config: ChannelConfig, context: ChannelContext) -> Channel:
    try:
        factory = KINDS[config.kind]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise UnknownChannelKind(
            f"Channel {config.name!r} is of kind {config.kind!r}, which this statusdesk does not "
            f"know (it knows: {known}). Upgrade statusdesk or disable the channel."
        ) from None
    return factory(config, context)
