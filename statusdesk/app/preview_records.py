"""What a channel preview shows, as plain records: a post and how much of its service's room it
takes, an email's variants, a channel's render or its error. Kept apart from the previews' use
case (previews.py), which loads the checks and the channels: the composer's preview column is
built from these at the desk's first paint without loading them (issue #16)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """The colour of a post's counter."""

    OK = "ok"  # green: under about 93 % of the limit
    NEAR = "near"  # amber: from there to the limit (260 to 280 on X)
    OVER = "over"  # red: past the limit — the service would refuse it


# X's limit (statusdesk.core.text.weighted.MAX_WEIGHTED_LENGTH, a test checks they agree):
# kept here so the GUI does not compile the counter's patterns at start-up.
MAX_POST_WEIGHT = 280
X_UNIT = "weighted characters"


def near_limit(limit: int) -> int:
    """Where a counter turns amber: 13/14 of the limit (about 93 %), 260 of X's 280."""
    return limit * 13 // 14


NEAR_LIMIT = near_limit(MAX_POST_WEIGHT)  # 260


def level(used: int, limit: int = MAX_POST_WEIGHT) -> Level:
    if used > limit:
        return Level.OVER
    if used >= near_limit(limit):
        return Level.NEAR
    return Level.OK


@dataclass(frozen=True)
class Post:
    """One post as it goes out, and how much of its service's room it takes (the channel's
    own count: `channels.posts.Budget`)."""

    text: str
    language: str  # en | ar | both
    used: int
    limit: int = MAX_POST_WEIGHT
    unit: str = X_UNIT

    @property
    def weight(self) -> int:
        """X's name for it: the twitter-text weighted length."""
        return self.used

    @property
    def level(self) -> Level:
        return level(self.used, self.limit)


@dataclass(frozen=True)
class Mail:
    """One variant of an email (English, Arabic or both, as subscribers chose)."""

    variant: str
    subject: str
    html: str


@dataclass(frozen=True)
class ChannelPreview:
    name: str
    kind: str
    error: str = ""  # the channel's own message when it cannot render this draft
    note: str = ""  # nothing to render yet, and why
    posts: tuple[Post, ...] = ()  # x, and every channel that counts its posts (Budgeted)
    custom: bool = False  # x: the posts come from the custom post text
    custom_weight: int | None = None  # x: that text's own weight
    mails: tuple[Mail, ...] = ()  # email
    recipients: int | None = None  # email: how many addresses the render lists
    text: str = ""  # statuspage body, a webhook's JSON (indented), any other plain part
    html: tuple[tuple[str, str], ...] = ()  # (language, fragment): the status page
