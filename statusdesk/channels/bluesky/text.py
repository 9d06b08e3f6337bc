"""Bluesky's text rules, as pure functions (no I/O): how long a post is, where its links are,
and the record key a delivery's post gets.

- Length: a post's `text` may hold 300 graphemes (extended grapheme clusters, UAX #29: a letter
  with its harakat, a flag, a family emoji joined by ZWJs, a keycap each count 1) and 3,000
  bytes of UTF-8 (the lexicon's `maxLength`). Graphemes are found by the `regex` module's `\\X`,
  whose Unicode tables follow the current standard (the standard library's `re` has no `\\X`).
- Links: every http(s) link in the text becomes an `app.bsky.richtext.facet` whose
  `byteStart`/`byteEnd` are offsets in the UTF-8 bytes of the text (not characters: an Arabic
  letter is two bytes, an emoji four). The links are found as X and Mastodon find them
  (core/text/weighted.url_spans), so a full stop after a link is not part of it.
- Record key: the post lexicon's key type is `tid` (13 characters of base32-sortable, a
  53-bit microsecond timestamp then a 10-bit clock id). Each part's key is derived from the
  delivery's idempotency key, its time and the part's number, the same on every attempt, so a
  repeated createRecord meets the record made the first time instead of posting it twice.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from statusdesk.core.text.weighted import url_spans

if TYPE_CHECKING:
    import regex

MAX_GRAPHEMES = 300
MAX_BYTES = 3000
BYTES_PER_GRAPHEME = MAX_BYTES // MAX_GRAPHEMES  # the byte limit, in the grapheme budget's terms
LINK_FACET = "app.bsky.richtext.facet#link"
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_LENGTH = 13
MAX_PARTS_PER_SECOND = 100  # parts numbered within one key's slot of microseconds (see record_key)


@cache
def _cluster() -> regex.Pattern[str]:
    import regex

    return regex.compile(r"\X")


def graphemes(text: str) -> int:
    """Extended grapheme clusters, as Bluesky counts a post's length."""
    return len(_cluster().findall(text))


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


def post_length(text: str) -> int:
    """One number for both of Bluesky's limits, in graphemes: the graphemes, or the bytes
    divided by ten (rounded up) where those are more, so `post_length(t) <= 300` holds exactly
    when `t` fits in 300 graphemes and 3,000 bytes. Digits, the slash and a space count 1 each
    (x/thread.py's numbering relies on it)."""
    return max(graphemes(text), -(-utf8_length(text) // BYTES_PER_GRAPHEME))


def fits(text: str) -> bool:
    return post_length(text) <= MAX_GRAPHEMES


def link_facets(text: str) -> list[dict[str, Any]]:
    """A link facet for every http(s) link of `text`, its range in UTF-8 byte offsets."""
    facets: list[dict[str, Any]] = []
    for span in url_spans(text):
        if span.bare:
            continue  # "example.com" without a scheme stays text, as it does on X and Mastodon
        start = utf8_length(text[: span.start])
        uri = text[span.start : span.end]
        facets.append(
            {
                "$type": "app.bsky.richtext.facet",
                "index": {"byteStart": start, "byteEnd": start + utf8_length(uri)},
                "features": [{"$type": LINK_FACET, "uri": uri}],
            }
        )
    return facets


# -- record keys --------------------------------------------------------------------------------


def tid(micros: int, clock_id: int) -> str:
    """A TID: the microseconds since 1970 (53 bits, so the top bit of 64 stays 0) and a clock id
    (10 bits), in base32-sortable, 13 characters."""
    if not 0 <= micros < 2**53 or not 0 <= clock_id < 2**10:
        raise ValueError(f"no TID for {micros} µs, clock id {clock_id}")
    value = (micros << 10) | clock_id
    return "".join(TID_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(TID_LENGTH)))


def is_tid(text: str) -> bool:
    """The syntax atproto requires of a `tid` record key."""
    return (
        len(text) == TID_LENGTH
        and all(ch in TID_ALPHABET for ch in text)
        and text[0] in TID_ALPHABET[:16]  # the top bit of the 64 is 0
    )


def tid_micros(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 32 + TID_ALPHABET.index(ch)
    return value >> 10


def _number(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def record_key(key: str, seq: int, made: datetime) -> str:
    """The record key of part `seq` of the delivery `key` made at `made`: a TID whose time is
    the delivery's second, a microsecond slot within it chosen by the key (10,000 slots), the
    part's number within the slot (so a thread's keys sort in its order), and a clock id from
    the key and the part. The same arguments give the same key on every attempt, in any
    process."""
    if not 1 <= seq < MAX_PARTS_PER_SECOND:
        raise ValueError(f"part {seq} has no record key (1–{MAX_PARTS_PER_SECOND - 1})")
    second = int(made.astimezone(UTC).timestamp())
    slot = _number(key) % 10_000
    micros = second * 1_000_000 + slot * MAX_PARTS_PER_SECOND + seq
    return tid(micros, _number(key, str(seq)) % 1024)
