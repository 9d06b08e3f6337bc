"""What goes out on X for one update: one post, or a thread (pure text work, no I/O).

A text that does not fit in one post is split at sentence ends (and line breaks) where it can,
at spaces where a sentence alone is too long, and between characters (never inside an emoji,
a letter with its harakat, or a keycap) where a single word is. Each post of such a thread
starts with "1/3 ", and that numbering is counted in its weight.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from statusdesk.core.text.weighted import MAX_WEIGHTED_LENGTH, weighted_length
from statusdesk.core.words import QT_TRANSLATE_NOOP

# A status update is read on a phone during an outage; past this it is an essay, not a thread.
MAX_THREAD_POSTS = 25

_SENTENCES = re.compile(r"((?<=[.!?؟…。])\s+|\s*\n\s*)")
_WORDS = re.compile(r"(\s+)")


class TooLong(ValueError):
    """The text cannot go out as a thread of at most MAX_THREAD_POSTS posts."""


def _glued(previous: str, ch: str) -> bool:
    """Whether `ch` belongs to the character before it (harakat and other marks, emoji joiners,
    variation selectors, skin tones, tags, keycaps)."""
    code = ord(ch)
    return (
        unicodedata.category(ch).startswith("M")
        or ch in "\u200d\ufe0e\ufe0f\u20e3"
        or previous == "\u200d"
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def _clusters(text: str) -> Iterator[str]:
    cluster = ""
    for ch in text:
        if cluster and not _glued(cluster[-1], ch):
            yield cluster
            cluster = ""
        cluster += ch
    if cluster:
        yield cluster


def _units(text: str, fits: Callable[[str], bool]) -> Iterator[str]:
    """Pieces of `text` (each with the space that follows it), each fitting in a post alone:
    sentences, else words, else characters."""
    for sentence in _pieces(_SENTENCES, text):
        if fits(sentence.strip()):
            yield sentence
            continue
        for word in _pieces(_WORDS, sentence):
            if fits(word.strip()):
                yield word
            else:
                yield from _clusters(word)


def _pieces(pattern: re.Pattern[str], text: str) -> Iterator[str]:
    parts = pattern.split(text)
    for i in range(0, len(parts), 2):
        piece = parts[i] + (parts[i + 1] if i + 1 < len(parts) else "")
        if piece:
            yield piece


def _pack(text: str, fits: Callable[[str], bool]) -> list[str]:
    chunks: list[str] = []
    current = ""
    for unit in _units(text, fits):
        candidate = current + unit
        if not current.strip() or fits(candidate.strip()):
            current = candidate
            continue
        chunks.append(current.strip())
        current = unit.lstrip()
    if current.strip():
        chunks.append(current.strip())
    return chunks


def split_post(
    text: str,
    limit: int = MAX_WEIGHTED_LENGTH,
    *,
    split: bool = True,
    measure: Callable[[str], int] = weighted_length,
) -> list[str]:
    """The posts for `text`: itself when it fits, else a numbered thread ("1/3 …") whose every
    post, numbering included, weighs at most `limit`. Raises TooLong when splitting is off and
    the text does not fit, or when it would take more than MAX_THREAD_POSTS posts. `measure` is
    the service's own count (X's weighted length by default; Mastodon's counts code points and
    every link as 23): digits, the slash and the space must count 1 each in it."""
    text = text.strip()
    if measure(text) <= limit:
        return [text]
    if not split:
        raise TooLong(
            QT_TRANSLATE_NOOP(
                "Problems",
                "weighs {weight} of the {limit} one post may, and splitting into a thread is off "
                "for this channel",
            ).format(weight=measure(text), limit=limit)
        )
    for digits in (1, 2):
        # Room for the widest number of this many digits ("9/9 ", "99/99 "): every digit,
        # the slash and the space weigh 1, so any real number of as many digits fits too.
        widest = f"{'9' * digits}/{'9' * digits} "

        def fits(candidate: str, widest: str = widest) -> bool:
            return measure(widest + candidate) <= limit

        chunks = _pack(text, fits)
        if len(chunks) < 10**digits:
            break
    if len(chunks) > MAX_THREAD_POSTS:
        raise TooLong(
            QT_TRANSLATE_NOOP(
                "Problems",
                "would take a thread of {count} posts; at most {most} go out as one update",
            ).format(count=len(chunks), most=MAX_THREAD_POSTS)
        )
    return [f"{i}/{len(chunks)} {chunk}" for i, chunk in enumerate(chunks, 1)]
