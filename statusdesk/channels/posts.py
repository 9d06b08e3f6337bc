"""What the channels that post an update as messages share (X, Mastodon, Telegram, webhooks):
which languages an update goes out in and in what order, one language's block of text, the
receipt of a thread of posts, and a channel's secrets read from the keyring with the fix said."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from statusdesk.channels.base import (
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    Secrets,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Order, Update
from statusdesk.core.text.sanitize import normalize


def channel_languages(config: ChannelConfig, update: Update) -> list[str]:
    """The languages `update` goes out in on this channel, in the channel's order: those it
    takes and the update has text in."""
    order = ["ar", "en"] if config.order == Order.AR_FIRST else ["en", "ar"]
    return [
        lang for lang in order if config.language.includes(lang) and update.body.get(lang).strip()
    ]


def language_block(lang: str, update: Update, incident: Incident) -> str:
    """One language's post: "<title> — <state>" and the body."""
    from statusdesk.channels.site.words import STATE

    state = STATE[lang].get(update.state.value, update.state.value)
    heading = " — ".join(part for part in (incident.title.get(lang).strip(), state) if part)
    return normalize(f"{heading}\n{update.body.get(lang).strip()}")


def thread_receipt(rendered: Rendered, done: dict[int, PartRecord]) -> Receipt:
    """A thread's receipt: its first post's id and address, and every post's id."""
    first = done.get(1)
    ids = [done[seq].remote_id for seq in sorted(done) if done[seq].remote_id]
    count = len(rendered.parts)
    return Receipt(
        remote_id=first.remote_id if first else None,
        remote_url=first.remote_url if first else None,
        detail=f"{count} post{'s' if count != 1 else ''}: {', '.join(str(i) for i in ids)}",
    )


class SecretReader:
    """One channel's secrets from the keyring, each failure said with its fix."""

    def __init__(self, channel: str, secrets: Secrets | None) -> None:
        self.channel = channel
        self.secrets = secrets

    def get(self, key: str, *, required: bool = True) -> str | None:
        from statusdesk.secrets import SecretsUnavailable

        if self.secrets is None:
            raise Permanent(f"{self.channel}: this process has no access to the keyring.")
        try:
            value = self.secrets.get(self.channel, key)
        except SecretsUnavailable as exc:
            raise Permanent(f"{self.channel}: cannot read its {key}. {exc}") from exc
        if not value and required:
            raise Permanent(
                f"{self.channel}: its {key} is missing from the keyring. Set it with "
                f"`statusdesk channel secret {self.channel} {key}`."
            )
        return value or None

    def required(self, key: str) -> str:
        value = self.get(key)
        assert value is not None
        return value


@dataclass(frozen=True)
class Budget:
    """How much of one post's room a part takes, counted the way its service counts: X's
    weighted characters, Mastodon's characters with links as 23, Bluesky's graphemes,
    Telegram's UTF-16 code units. The composer shows it beside each post of the preview."""

    used: int
    limit: int
    unit: str  # what is counted, in words: "weighted characters", "graphemes", …

    @property
    def over(self) -> bool:
        return self.used > self.limit


@runtime_checkable
class Budgeted(Protocol):
    """A posting channel that can say how much room each rendered part takes. Counting never
    touches the network: a limit the service announces (Mastodon's) is the last one read, or
    the default."""

    def budget(self, part: RenderedPart) -> Budget: ...
