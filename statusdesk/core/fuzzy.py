"""Fuzzy matching for the command palette, in English and Arabic.

People type fast and loosely: "ni" should find "New incident", and "اخطاء" should find
"أخطاء" whether or not either side carries diacritics. Both query and candidate are normalised
(`normalise`), then the query's characters must appear in the candidate in order; where they
land decides the score (word starts, runs and a prefix count for, gaps against).

Speed matters more than elegance here: the palette ranks every candidate on every keystroke.
Candidates are normalised once (`FuzzyIndex`), a compiled regular expression with possessive
quantifiers rejects non-matches in C, and only the survivors are scored in Python.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from statusdesk.core.text.sanitize import BIDI_CONTROLS

T = TypeVar("T")

_ARABIC_DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
# Combining maddah and hamza above/below: left over when a decomposed hamza cannot compose.
_COMBINING_HAMZA = ["\u0653", "\u0654", "\u0655"]
_TATWEEL = "\u0640"
# Invisible: direction controls and marks (a label may carry isolates around its Latin runs)
# and zero-width joiners and spaces. Nobody types them into a search box.
_INVISIBLE = [*sorted(BIDI_CONTROLS), "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d"]

_FOLD = str.maketrans(
    {
        **dict.fromkeys([*_ARABIC_DIACRITICS, *_COMBINING_HAMZA, _TATWEEL, *_INVISIBLE], None),
        # Alef forms are written interchangeably in everyday typing; so are these pairs.
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # What Persian keyboard layouts type for yeh and kaf.
        "ی": "ي",
        "ک": "ك",
        # Arabic-Indic and Extended Arabic-Indic digits: "٣" finds "3" and back.
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """The form both sides are compared in: NFKC (which also turns Arabic presentation forms
    and ligatures into plain letters), casefolded, Arabic letter variants unified, diacritics,
    tatweel and invisible controls dropped, digits Latin, runs of whitespace one space."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _SPACE.sub(" ", folded.translate(_FOLD)).strip()


def query_form(query: str) -> str:
    """The query as matched: normalised, without spaces. A space the user types marks a word
    break, which the word-start bonus already rewards; matching it literally would make
    "new  inc" (two spaces) or "newinc" miss "New incident"."""
    return normalise(query).replace(" ", "")


# Scores are small integers so they compare exactly; only their order means anything.
MATCH = 16  # every matched character
WORD_START = 10  # matched at the start of a word
FIRST_AT_WORD_START = 10  # extra when the query's first character starts a word
CONSECUTIVE = 8  # matched right after the previous match
PREFIX = 12  # the match starts the text
GAP_OPEN = 3  # a gap between two matched characters...
GAP_EXTEND = 1  # ...and each character it skips
GAP_EXTEND_MAX = 10
LEADING_MAX = 6  # characters before the first match, 1 each, at most this


_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
_AFTER_ARTICLE = re.compile(r"(?<![^\W_])ال(?=[^\W_])")


def _word_starts(text: str) -> bytes:
    """1 where a word starts: a letter or digit at the start or after anything else, and the
    letter after a word's Arabic definite article (written joined: "خدمة" finds "الخدمة").
    Regular expressions, not a loop: thousands of texts are prepared when the palette opens."""
    marks = bytearray(len(text))
    for m in _WORD_START.finditer(text):
        marks[m.start()] = 1
    for m in _AFTER_ARTICLE.finditer(text):
        marks[m.end()] = 1
    return bytes(marks)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A candidate text, normalised, with what scoring asks of it again and again."""

    text: str
    starts: bytes  # word-start marks, one per character
    initials: str  # the characters at word starts...
    initial_at: tuple[int, ...]  # ...and where they are


@lru_cache(maxsize=16384)
def prepare(text: str) -> Prepared:
    norm = normalise(text)
    starts = _word_starts(norm)
    at = tuple(i for i, mark in enumerate(starts) if mark)
    return Prepared(norm, starts, "".join(norm[i] for i in at), at)


def _subsequence_pattern(chars: str) -> re.Pattern[str]:
    # "[^a]*+a[^b]*+b…": possessive, so a failed match never backtracks (linear time), and
    # the earliest occurrence of each character is as good as any for "does it fit".
    return re.compile("".join(f"[^{re.escape(c)}]*+{re.escape(c)}" for c in chars), re.DOTALL)


class Query:
    """A query compiled once per keystroke and matched against many candidates."""

    __slots__ = ("_rest", "text")

    def __init__(self, query: str) -> None:
        self.text = query_form(query)
        # _rest[k] answers "does query[k:] fit in a text from this position on?"; compiled
        # when first asked, as most are never needed and a long query would pay for all.
        self._rest: list[re.Pattern[str] | None] = [None] * len(self.text)

    def _pattern(self, k: int) -> re.Pattern[str]:
        pattern = self._rest[k]
        if pattern is None:
            pattern = self._rest[k] = _subsequence_pattern(self.text[k:])
        return pattern

    def _fits_from(self, k: int, text: str, pos: int = 0) -> bool:
        return self._pattern(k).match(text, pos) is not None

    def fits(self, text: str) -> bool:
        """Could any part of `text` (normalised) match? A quick reject before scoring."""
        return not self.text or self._fits_from(0, text)

    def score(self, cand: Prepared) -> int | None:
        """How well the query matches; None when its characters are not all in `cand`, in
        order. The empty query matches everything with 0."""
        q = self.text
        if not q:
            return 0
        if len(q) == 1:
            return self._score_one(q, cand)
        if not self._fits_from(0, cand.text):
            return None
        return self._score_fitting(cand)

    def _score_fitting(self, cand: Prepared) -> int:
        """The score of a query of two or more characters known to fit in `cand`."""
        if cand.text.startswith(self.text):
            # Spreading places each character at its earliest, so here it finds this same
            # prefix run: score it once (typing the start of a name is the common case).
            return self._run_at(cand, 0)
        spread = self._score_spread(cand)
        run = self._score_run(cand)
        return spread if run is None or spread > run else run

    def _score_one(self, c: str, cand: Prepared) -> int | None:
        """A one-character query: its first place at a word start, else its first place."""
        p = cand.text.find(c)
        if p < 0:
            return None
        if not cand.starts[p]:
            j = cand.initials.find(c)
            p = p if j < 0 else cand.initial_at[j]
        score = MATCH + (WORD_START + FIRST_AT_WORD_START if cand.starts[p] else 0)
        return score + (PREFIX if p == 0 else -min(p, LEADING_MAX))

    def _score_run(self, cand: Prepared) -> int | None:
        """The query as one unbroken run, preferably starting a word."""
        q, t, starts = self.text, cand.text, cand.starts
        first = p = t.find(q)
        if p < 0:
            return None
        while p >= 0 and not starts[p]:
            p = t.find(q, p + 1)
        return self._run_at(cand, first if p < 0 else p)

    def _run_at(self, cand: Prepared, p: int) -> int:
        m, starts = len(self.text), cand.starts
        score = m * MATCH + (m - 1) * CONSECUTIVE + starts.count(1, p, p + m) * WORD_START
        if starts[p]:
            score += FIRST_AT_WORD_START
        return score + (PREFIX if p == 0 else -min(p, LEADING_MAX))

    def _score_spread(self, cand: Prepared) -> int:
        """The query spread over the text: each character at its earliest place, except that
        one not continuing a run jumps ahead to a word start when the rest still fits after
        it. Called only once the whole query is known to fit."""
        q, t, starts = self.text, cand.text, cand.starts
        initials, at, find = cand.initials, cand.initial_at, t.find
        score, prev, last = 0, -1, len(q) - 1
        for k, c in enumerate(q):
            p = find(c, prev + 1)
            if k and p == prev + 1:  # the run goes on: the usual case, kept cheap
                score += MATCH + CONSECUTIVE + (WORD_START if starts[p] else 0)
                prev = p
                continue
            if not starts[p]:
                j = initials.find(c, bisect_left(at, p))
                if j >= 0 and (k == last or self._fits_from(k + 1, t, at[j] + 1)):
                    p = at[j]
            score += MATCH + (WORD_START if starts[p] else 0)
            if k == 0:
                score += FIRST_AT_WORD_START if starts[p] else 0
                score += PREFIX if p == 0 else -min(p, LEADING_MAX)
            else:
                score -= GAP_OPEN + min(p - prev - 1, GAP_EXTEND_MAX) * GAP_EXTEND
            prev = p
        return score


def score(query: str, text: str) -> int | None:
    """One query against one text: higher is better, None when it does not match."""
    return Query(query).score(prepare(text))


class FuzzyIndex(Generic[T]):
    """Candidates normalised once, ranked against each new query.

    `text_of` gives an item's texts (say its English and Arabic names and a hint); an item's
    score is that of its best text. `key_of` gives the stable key that `recent` speaks of
    (the item itself by default).
    """

    def __init__(
        self,
        items: Iterable[T],
        text_of: Callable[[T], Iterable[str]],
        key_of: Callable[[T], Hashable] | None = None,
    ) -> None:
        self.items: list[T] = list(items)
        self._keys: list[Hashable] = [key_of(i) if key_of else i for i in self.items]
        self._texts = [tuple(prepare(t) for t in text_of(i) if t) for i in self.items]
        # All of an item's texts in one string: the query cannot fit in any one of them if it
        # does not fit in this, so one regex call rejects most items.
        self._joined = ["\0".join(p.text for p in texts) for texts in self._texts]
        # The last query and the items it matched: a query typed on from it can only match
        # among those (a subsequence of the longer query is one of the shorter), so each
        # keystroke looks at fewer items than the last.
        self._last: tuple[str, list[int]] | None = None

    def rank(self, query: str, recent: Sequence[Hashable] = ()) -> list[T]:
        """Matching items, best first. Ties go to the more recently used (`recent`: keys,
        most recent first), then to the original order. The empty query gives the recent
        items first, then all the others in their original order."""
        recency = {key: n for n, key in reversed(list(enumerate(recent)))}
        never = len(recency)
        compiled = Query(query)
        if not compiled.text:
            order = sorted(
                range(len(self.items)), key=lambda i: (recency.get(self._keys[i], never), i)
            )
            return [self.items[i] for i in order]
        pool: Iterable[int] = range(len(self.items))
        if self._last is not None and compiled.text.startswith(self._last[0]):
            pool = self._last[1]
        scored: list[tuple[int, int, int]] = []
        q, texts, joined, keys = compiled.text, self._texts, self._joined, self._keys
        # The hot loop of every keystroke: the per-text checks are inlined C calls (`in`, a
        # compiled match) so that only texts that do match cost a Python-level score.
        if len(q) == 1:
            one = compiled._score_one
            for i in pool:
                if q in joined[i]:
                    singles = [s for c in texts[i] if (s := one(q, c)) is not None]
                    if singles:
                        scored.append((-max(singles), recency.get(keys[i], never), i))
        else:
            fit, fitting = compiled._pattern(0).match, compiled._score_fitting
            for i in pool:
                if fit(joined[i]) is None:
                    continue
                scores = [fitting(c) for c in texts[i] if fit(c.text) is not None]
                if scores:
                    scored.append((-max(scores), recency.get(keys[i], never), i))
        self._last = (compiled.text, [i for _, _, i in scored])
        scored.sort()
        return [self.items[i] for _, _, i in scored]


def rank(
    query: str,
    items: Iterable[T],
    text_of: Callable[[T], Iterable[str]],
    *,
    recent: Sequence[Hashable] = (),
    key_of: Callable[[T], Hashable] | None = None,
) -> list[T]:
    """Rank `items` once; for many queries over the same items build a `FuzzyIndex`."""
    return FuzzyIndex(items, text_of, key_of).rank(query, recent)
