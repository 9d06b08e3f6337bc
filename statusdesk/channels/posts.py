"""What the channels that post an update as messages share (X, Mastodon, Bluesky, Telegram,
webhooks): which languages an update goes out in and in what order, one language's block of
text, the posts an update makes on a service with a length limit, the receipt of a thread of
posts, each post's budget, and a channel's secrets read from the keyring with the fix said."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from statusdesk.channels.x.thread import MAX_THREAD_POSTS, TooLong, split_post
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Order, Update
from statusdesk.core.text.sanitize import normalize
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of

# A channel's secret that cannot be read (context "Delivery": the desk reads a stored delivery
# error back into these, delivery/failures.py, and says it in its language).
NO_KEYRING = QT_TRANSLATE_NOOP("Delivery", "{channel}: this process has no access to the keyring.")
_UNREADABLE = QT_TRANSLATE_NOOP("Delivery", "{channel}: cannot read its {key}. {error}")
_MISSING = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: its {key} is missing from the keyring. Set it with `statusdesk channel secret "
    "{channel} {key}`.",
)

SHORTEN = QT_TRANSLATE_NOOP("Problems", "Shorten it, or link to a longer write-up.")


# "the English post is …": what a post is called in the problems.
POST_NAMES = {
    "en": QT_TRANSLATE_NOOP("Problems", "English post"),
    "ar": QT_TRANSLATE_NOOP("Problems", "Arabic post"),
}


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


class Unfit(ValueError):
    """The update cannot go out on this channel as it is; `field` is what the composer points
    at ("body", "body_ar", "custom")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def split_part(
    name: str,
    field: str,
    language: str,
    text: str,
    *,
    limit: int,
    measure: Callable[[str], int],
    split: bool = True,
    what: str = "",
) -> list[RenderedPart]:
    """One language's text as the posts it takes: itself, or a numbered thread (x/thread.py,
    counted the service's way). Raises Unfit saying what to do."""
    try:
        posts = split_post(text, limit, split=split, measure=measure)
    except TooLong as exc:
        fix = (
            SHORTEN
            if split
            else QT_TRANSLATE_NOOP(
                "Problems", "Shorten it, or turn splitting on (`--set split=on`)."
            )
        )
        said = what or POST_NAMES[language]
        raise Unfit(
            field,
            QT_TRANSLATE_NOOP("Problems", "{name}: the {what} {why}. {fix}").format(
                name=name, what=said, why=message_of(exc), fix=fix
            ),
        ) from exc
    return [RenderedPart(language, post) for post in posts]


def as_posts(
    name: str,
    blocks: Mapping[str, str],
    *,
    limit: int,
    measure: Callable[[str], int],
    split: bool = True,
) -> list[RenderedPart]:
    """An update's posts on a service whose posts hold `limit` (by `measure`): both languages
    as one post when they fit, else each its own, the first (the channel's order) first, a
    longer one as a numbered thread. `blocks` are the languages' texts in that order. Raises
    Unfit."""
    if not blocks:
        raise Unfit(
            "body",
            QT_TRANSLATE_NOOP("Problems", "{name}: the update has no text to post.").format(
                name=name
            ),
        )
    if len(blocks) == 2:
        combined = "\n\n".join(blocks.values())
        if measure(combined) <= limit:
            return [RenderedPart("both", combined)]
    parts: list[RenderedPart] = []
    for lang, block in blocks.items():
        parts += split_part(
            name, f"body_{lang}", lang, block, limit=limit, measure=measure, split=split
        )
    if len(parts) > MAX_THREAD_POSTS:
        raise Unfit(
            "body",
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name}: the update would take a thread of {count} posts; at most {most} go out "
                "as one update. {fix}",
            ).format(name=name, count=len(parts), most=MAX_THREAD_POSTS, fix=SHORTEN),
        )
    return parts


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
            raise Permanent(NO_KEYRING.format(channel=self.channel))
        try:
            value = self.secrets.get(self.channel, key)
        except SecretsUnavailable as exc:
            said = _UNREADABLE.format(channel=self.channel, key=key, error=str(exc))
            raise Permanent(said) from exc
        if not value and required:
            raise Permanent(_MISSING.format(channel=self.channel, key=key))
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
