"""Is this post on the account the one we sent? X hands a post's text back changed: links
wrapped as t.co, `&`, `<` and `>` as HTML entities, a reply's leading @mentions. Both sides are
brought to one form before they are compared."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta

from statusdesk.channels.x.api import Post
from statusdesk.core.text.weighted import url_spans
from statusdesk.core.timefmt import parse_iso

_LEADING_MENTIONS = re.compile(r"^(?:@\w+\s+)+")
_SPACE = re.compile(r"\s+")
# Our clock and X's need not agree to the second.
CLOCK_SLACK = timedelta(minutes=10)


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    text = _LEADING_MENTIONS.sub("", text)
    pieces: list[str] = []
    at = 0
    for span in url_spans(text):
        pieces.append(text[at : span.start])
        pieces.append("\x00")  # any link: X shows ours as https://t.co/…
        at = span.end
    pieces.append(text[at:])
    return _SPACE.sub(" ", "".join(pieces)).strip()


def find_post(
    posts: list[Post], text: str, reply_to: str | None, since: datetime
) -> tuple[Post | None, Post | None]:
    """(ours, older): the post with this text made since `since` (replying to `reply_to` when X
    says what it replies to), and else an older post with the same text."""
    wanted = comparable(text)
    older: Post | None = None
    for post in posts:  # newest first
        if comparable(html.unescape(post.text)) != wanted:  # X escapes & < >
            continue
        if reply_to and post.replied_to and post.replied_to != reply_to:
            continue
        made = _parse(post.created_at)
        if made is not None and made < since - CLOCK_SLACK:
            older = older or post
            continue
        return post, None
    return None, older


def _parse(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        return parse_iso(stamp)
    except ValueError:
        return None
