"""Weighted post length by twitter-text config v3 (ARCHITECTURE §6): what X counts against its 280.

The text is NFC-normalised first, as X does. Then each code point weighs by the config's ranges
(Latin, Arabic letters, harakat and Arabic-Indic digits, general punctuation: 1; everything else,
CJK and the bidi controls included: 2), an emoji sequence weighs 2 as a whole, and a URL 23.

Written here rather than taken from a library: the one Python port of twitter-text
(`twitter-text-parser` 3.0.0, 2023) passes the conformance cases but imports `pkg_resources`,
which setuptools no longer ships, so it does not import in a current environment.

Two things twitter-text decides from data lists are decided here from structure instead, so that
nothing has to be kept in step with IANA or the Unicode emoji list:

- URLs have twitter-text's shape (optional http(s)://, domain labels, port, path, query) and its
  rules (what may precede one; a label must encode to IDNA, 63 octets at most). Its list of
  top-level domains is not copied: after `http(s)://` any alphabetic top-level label counts as a
  link (23). A bare domain ("status.example.com", but also "Node.js") counts as the larger of its
  own weight and 23 — an upper bound, so a post measured here never exceeds X's limit.
- Emoji are recognised by the sequences of UTS #51 (flags, keycaps, modifiers, tags, ZWJ chains)
  over pictographic code points, not by a copy of emoji-test.txt.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# -- the configuration ------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightConfig:
    """twitter-text's configuration (config/v3.json), in its own terms."""

    max_weighted_length: int = 280
    scale: int = 100
    default_weight: int = 200
    # (first code point, last code point, weight), inclusive
    ranges: tuple[tuple[int, int, int], ...] = (
        (0, 4351, 100),
        (8192, 8205, 100),
        (8208, 8223, 100),
        (8242, 8247, 100),
    )
    transformed_url_length: int = 23
    emoji_parsing: bool = True

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WeightConfig:
        return cls(
            max_weighted_length=int(data["maxWeightedTweetLength"]),
            scale=int(data["scale"]),
            default_weight=int(data["defaultWeight"]),
            ranges=tuple(
                (int(r["start"]), int(r["end"]), int(r["weight"])) for r in data["ranges"]
            ),
            transformed_url_length=int(data["transformedURLLength"]),
            emoji_parsing=bool(data.get("emojiParsingEnabled", False)),
        )

    def weight(self, ch: str) -> int:
        code = ord(ch)
        for start, end, weight in self.ranges:
            if start <= code <= end:
                return weight
        return self.default_weight


V3 = WeightConfig()
MAX_WEIGHTED_LENGTH = V3.max_weighted_length

# -- character classes (twitter-text's names) ---------------------------------------------------

_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID = "\ufffe\ufeff\uffff"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
INVALID_CHARACTERS = frozenset(_INVALID)

# -- URLs -------------------------------------------------------------------------------------

_DOMAIN_CHAR = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
# A label is at most 63 octets once IDNA-encoded, so never more than 63 characters; bounding it
# keeps the scan linear on long runs of text without spaces (CJK, a pasted blob).
_LABEL = rf"{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR}){{0,61}}{_DOMAIN_CHAR}|{_DOMAIN_CHAR}"
_NAME = rf"{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR}){{0,61}}{_DOMAIN_CHAR}|{_DOMAIN_CHAR}"
# Deeper names than this are not links here (they count as text, which is never too little);
# the bound keeps a scan of "a.a.a.a…" linear.
MAX_SUBDOMAINS = 10
_TLD = r"(?:xn--[-0-9a-z]{1,59}|[^\W\d_]{2,63})(?=[^0-9a-z@+-]|$)"
_LATIN_ACCENTS = (
    r"\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259"
    r"\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF\u0500-\u0527\u2DE0-\u2DFF\uA640-\uA69F"
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|{_PARENS})"
_PATH = rf"(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END}|@{_PATH_CHAR}+/)"
_QUERY = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"


@functools.cache
def _url_pattern() -> re.Pattern[str]:
    # Compiled on first use, not at import: some 10 ms, on the desk's start-up path (issue #16).
    return re.compile(
        # Not glued to a word, a mention, a cashtag or a hashtag.
        r"(?<![A-Za-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF])"
        r"(?P<url>(?P<protocol>https?://)?"
        rf"(?P<domain>(?:(?:{_LABEL})\.){{0,{MAX_SUBDOMAINS}}}(?:{_NAME})\.{_TLD})"
        r"(?::[0-9]+)?"
        rf"(?P<path>/{_PATH}*)?"
        rf"(?:\?{_QUERY}*{_QUERY_END})?)",
        re.IGNORECASE,
    )


_ASCII_DOMAIN = re.compile(rf"(?:[-a-z0-9{_LATIN_ACCENTS}]+\.)+[a-z]{{2,63}}", re.IGNORECASE)
_TCO = re.compile(rf"^https?://t\.co/([a-z0-9]+)(?:\?{_QUERY}*{_QUERY_END})?", re.IGNORECASE)
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40


@dataclass(frozen=True)
class UrlSpan:
    start: int
    end: int
    bare: bool  # no http(s)://: counted as the larger of its own weight and a link's


def _idna(domain: str) -> str | None:
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def url_spans(text: str) -> list[UrlSpan]:
    """Where the links are in (NFC) text, as X would find them."""
    if "." not in text:
        return []
    spans: list[UrlSpan] = []
    for match in _url_pattern().finditer(text):
        url, protocol, domain = match["url"], match["protocol"], match["domain"]
        path = match["path"]
        start, end = match.start("url"), match.end("url")
        encoded = _idna(domain)
        if (
            not encoded
            or len(protocol or "https://") + len(url) - len(domain) + len(encoded) > MAX_URL_LENGTH
        ):
            continue
        if protocol is None:
            # Without a protocol only ASCII domains count, and not right after - _ . /
            before = text[start - 1] if start else ""
            if before and before in "-_./":
                continue
            found = [m.span() for m in _ASCII_DOMAIN.finditer(domain)]
            offset = match.start("domain")
            for n, (a, b) in enumerate(found):
                last = n == len(found) - 1
                spans.append(UrlSpan(offset + a, end if last and path else offset + b, True))
            continue
        tco = _TCO.match(url)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                continue
            end = start + len(tco.group(0))
        spans.append(UrlSpan(start, end, bare=False))
    return spans


# -- emoji ------------------------------------------------------------------------------------


def _pictographic() -> str:
    """A character class of pictographic code points: the emoji blocks whole (so emoji newer
    than this Python's Unicode data count too), and the symbols (category So) of the blocks
    before them that hold emoji. Skin-tone modifiers and regional indicators are left out:
    alone they are no emoji sequence, and they weigh 2 anyway."""
    codes = {0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299}
    codes.update(range(0x2194, 0x219A))
    codes.update((0x21A9, 0x21AA))
    codes.update(c for c in range(0x2300, 0x2C00) if unicodedata.category(chr(c)) == "So")
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    ranges += [(0x1F000, 0x1F1E5), (0x1F200, 0x1F3FA), (0x1F400, 0x1FAFF)]
    return "".join(f"\\U{a:08X}" if a == b else f"\\U{a:08X}-\\U{b:08X}" for a, b in ranges)


@functools.cache
def _emoji_pattern() -> re.Pattern[str]:
    # Built on first use, not at import (issue #16, start-up): the table walks Unicode.
    element = rf"[{_pictographic()}](?:\uFE0F|[\U0001F3FB-\U0001F3FF])?"
    return re.compile(
        r"[\U0001F1E6-\U0001F1FF]{2}"  # a flag: two regional indicators
        r"|[0-9#*]\uFE0F?\u20E3"  # a keycap
        rf"|{element}(?:[\U000E0020-\U000E007E]+\U000E007F|(?:\u200D{element})+)?"
    )


def emoji_spans(text: str) -> dict[int, int]:
    """Start → end of every emoji sequence."""
    return {m.start(): m.end() for m in _emoji_pattern().finditer(text)}


# -- the count --------------------------------------------------------------------------------

_LINE_ENDINGS = re.compile(r"\r\n|\r")


@dataclass(frozen=True)
class Measure:
    """twitter-text's parse result. Ranges are in UTF-16 code units of the text as given."""

    weighted_length: int
    valid: bool  # fits, is not empty, and holds no character X refuses
    permillage: int
    valid_range_end: int  # the last code unit that still fits
    display_range_end: int


def _utf16(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def measure(text: str, config: WeightConfig = V3) -> Measure:
    normalized = _LINE_ENDINGS.sub("\n", unicodedata.normalize("NFC", text))
    links = {span.start: span for span in url_spans(normalized)}
    emoji = emoji_spans(normalized) if config.emoji_parsing else {}
    limit = config.max_weighted_length * config.scale
    weighted = 0
    valid = True
    valid_index = 0
    i = 0
    while i < len(normalized):
        if i in links:
            span = links[i]
            weight = config.transformed_url_length * config.scale
            if span.bare:
                own = sum(config.weight(ch) for ch in normalized[span.start : span.end])
                weight = max(weight, own)
            weighted += weight
            i = span.end - 1
        elif i in emoji:
            weighted += config.default_weight
            i = emoji[i] - 1
        else:
            weighted += config.weight(normalized[i])
        if valid:
            valid = normalized[i] not in INVALID_CHARACTERS
        if valid and weighted <= limit:
            valid_index = i
        i += 1
    length = weighted // config.scale
    original_units = _utf16(text)
    return Measure(
        weighted_length=length,
        valid=valid and 0 < length <= config.max_weighted_length,
        permillage=math.floor(length / config.max_weighted_length * 1000),
        valid_range_end=_utf16(normalized[: valid_index + 1])
        - 1
        + (original_units - _utf16(normalized)),
        display_range_end=max(0, original_units - 1),
    )


def weighted_length(text: str, config: WeightConfig = V3) -> int:
    """What X counts for this text (280 is the most one post may weigh)."""
    return measure(text, config).weighted_length


def fits(text: str, config: WeightConfig = V3) -> bool:
    return measure(text, config).valid
