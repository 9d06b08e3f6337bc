"""The status page published outside any update: after a change that shows on the page (a
setting, a component, a postmortem) and on request (`statusdesk site publish`). Each enabled
site channel with a publish target gets the page as the workspace has it now; an update's own
deliveries do the same through the delivery engine, so a target that fails here is brought up
to date by the next update at the latest. What went wrong is said per channel, redacted (a
server's answer may quote a credential), with the command that tries again.

This talks to the network (git, sftp, s3): the app calls it on its task runner, never on the
GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from statusdesk.app.context import AppContext
from statusdesk.channels.base import ChannelError
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Channel, Problem
from statusdesk.redact import redact


@dataclass(frozen=True)
class PagePublished:
    channel: str
    detail: str = ""  # what was done, read back from the target
    error: str = ""  # why not, redacted

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        if self.ok:
            return f"{self.channel}: published — {self.detail}"
        return (
            f"{self.channel}: not published — {self.error} The next update publishes it, or "
            f"`statusdesk site publish {self.channel}` tries now."
        )


def publishing_sites(ctx: AppContext) -> list[Channel]:
    """The enabled site channels that publish the page somewhere."""
    return [
        c
        for c in ctx.store.channels.channels(enabled_only=True)
        if c.kind == "site" and str(c.settings.get("publish", "")).strip()
    ]


def publish_pages(ctx: AppContext, names: Sequence[str] = ()) -> list[PagePublished]:
    """Publish the page to the named site channels (all that publish, when none is named)."""
    every = publishing_sites(ctx)
    if names:
        chosen = []
        for name in names:
            config = ctx.store.channels.channel_by_name(name)
            if config is None or config.kind != "site":
                known = ", ".join(c.name for c in every) or "none"
                raise Rejected(
                    [
                        Problem(
                            "channel",
                            f"{name!r} is not a site channel that publishes the page "
                            f"(those that do: {known}).",
                        )
                    ]
                )
            if not str(config.settings.get("publish", "")).strip():
                raise Rejected(
                    [
                        Problem(
                            "channel",
                            f"{name} keeps its page on this disk (no `publish` "
                            f"setting): `statusdesk site build` rebuilds it.",
                        )
                    ]
                )
            chosen.append(config)
    else:
        chosen = every
    return [_publish_one(ctx, config) for config in chosen]


def _publish_one(ctx: AppContext, config: Channel) -> PagePublished:
    channel = ctx.channel(config)
    publish = getattr(channel, "publish_page", None)
    if publish is None:  # a kind registered under "site" by a test or a plug-in
        return PagePublished(config.name, error="this channel cannot publish the page.")
    try:
        return PagePublished(config.name, detail=redact(str(publish())))
    except ChannelError as exc:
        said = (exc.cause or str(exc)).removeprefix(f"{config.name}: ")  # the line names it
        return PagePublished(config.name, error=redact(_sentence(said)))
    except OSError as exc:
        return PagePublished(config.name, error=redact(_sentence(exc.strerror or str(exc))))


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."
