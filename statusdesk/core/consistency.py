"""Bilingual consistency: the facts one language states and the other leaves out or changes.

A reader of either language must get the same numbers, times, links and affected components. We
compare what the two bodies *mention*, not what they say: digits in any script compare equal
(١٤:٣٠ is 14:30, ٣٫٥ is 3.5), except in a link, which must be the very same string; a component
named in one language must be named (in either language) in the other.

These are warnings, not errors: a translator may rightly write "2 hours" as ساعتين. Each one is
filed under the field where the thing *appears* (`body_en` for something only the English text
has), at its first occurrence there, so jumping to the warning lands on what to carry over; the
message says which text lacks it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from statusdesk.core.model import BilingualText, Problem, Severity
from statusdesk.core.words import QT_TRANSLATE_NOOP

# One character for one, so a position found in the translated text is a position in the original.
_TO_LATIN = str.maketrans(
    {
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended Arabic-Indic digits
        "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
        "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR
        "\u066a": "%",  # ARABIC PERCENT SIGN
    }
)

# Links first, so the digits of https://x.example/i/42 are part of the link and not a number.
# Bare domains only with a familiar top-level domain or three labels, so that a missing space
# ("down.We") or a file name ("Node.js") is not taken for a link.
_COMMON_TLDS = (
    "com|net|org|io|dev|app|ai|co|cloud|info|biz|me|tech|sa|ae|eg|qa|kw|bh|om|jo|ma|tn|dz|lb|iq"
    "|uk|us|de|fr|eu|gov|edu"
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PATH = r"(?:[/?#][!-~]*)?"
_LINK = re.compile(
    rf"https?://[!-~]+"
    rf"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:{_LABEL}\.)+[A-Za-z]{{2,}}"
    rf"|(?<![\w@.-])(?:(?:{_LABEL}\.)+(?i:{_COMMON_TLDS})|(?:{_LABEL}\.){{2,}}[a-z]{{2,}})"
    rf"(?![A-Za-z0-9-]){_PATH}"
)
_LINK_TAIL = ".,;:!?'\"”’»"

# "1. Restart", "٢) ..." and "3- ..." at the start of a line number a list, not a fact.
_LIST_MARKER = re.compile(r"^[ \t]*\d{1,2}[.)-][ \t]", re.MULTILINE)

# Morning and afternoon words; the one-letter Arabic abbreviations ص and م only after a time
# with minutes ("2:30 م"), where they cannot be a word of their own.
_AM = r"am|a\.m\.?|صباح[\u064b-\u0652]*ا?"
_PM = r"pm|p\.m\.?|(?:مساء|ظهر|عصر)[\u064b-\u0652]*ا?"
_TIME = re.compile(
    rf"(?<![\d:.,])(?P<h>\d{{1,2}})(?:"
    rf":(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    rf"(?:\s*(?:(?P<am>{_AM}|ص)|(?P<pm>{_PM}|م))(?!\w))?"
    rf"|\s*(?:(?P<am_alone>{_AM})|(?P<pm_alone>{_PM}))(?!\w)"
    rf")",
    re.IGNORECASE,
)

# 1st, 22nd, 3rd, 4th: Arabic writes ordinals as words (الأول), so they would never match.
_ORDINAL = re.compile(r"(?<![\d.,])\d+(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)

# A Latin word with a digit in it is an identifier kept as is in both languages: EC2, v2,
# us-east-1, HTTP/2. Compared whole, so its digits are not numbers of their own.
_IDENTIFIER = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-_/.][A-Za-z0-9]+)*")

_PERCENT_WORDS = r"percent|per cent|بالمئة|بالمائة|في المئة|في المائة"
_NUMBER = re.compile(
    rf"(?<![\d.,])(?P<before>%\s?)?(?P<n>\d+(?:[.,]\d+)*)"
    rf"(?P<after>\s?%|\s*(?:{_PERCENT_WORDS})(?!\w))?",
    re.IGNORECASE,
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

# For finding a component's name: harakat and tatweel may sit between letters, the alef, yeh
# and teh marbuta have look-alikes writers swap, and Arabic attaches a conjunction (و ف) and a
# preposition (ب ك ل) to the front of a word ("بالواجهة", and ل + ال = "للواجهة").
_HARAKAT = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
_LOOK_ALIKES = {
    **dict.fromkeys("اأإآٱ", "اأإآٱ"),
    **dict.fromkeys("ىي", "ىي"),
    **dict.fromkeys("ةه", "ةه"),
}
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3]")
_CLITICS = "[وف]?[بكل]?"
_FOLD = str.maketrans(
    {
        **dict.fromkeys(map(chr, [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640])),
        **dict.fromkeys("أإآٱ", "ا"),
        "ى": "ي",
        "ة": "ه",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
_NO_NAMES = BilingualText()
_DIGIT_FORMS = {str(d): f"{d}{chr(0x0660 + d)}{chr(0x06F0 + d)}" for d in range(10)}

NUMBER, TIME, LINK, IDENTIFIER, COMPONENT = "number", "time", "link", "identifier", "component"
# How the warnings name each kind of fact and each text (translated where shown, core/words.py).
_KIND_NAMES = {
    NUMBER: QT_TRANSLATE_NOOP("Problems", "The number"),
    TIME: QT_TRANSLATE_NOOP("Problems", "The time"),
    LINK: QT_TRANSLATE_NOOP("Problems", "The link"),
    IDENTIFIER: QT_TRANSLATE_NOOP("Problems", "The identifier"),
}
_IN_TEXT = {
    "en": QT_TRANSLATE_NOOP("Problems", "the English text"),
    "ar": QT_TRANSLATE_NOOP("Problems", "the Arabic text"),
}
_MAX_LISTED = 3


@dataclass(frozen=True)
class Disagreement(Problem):
    """A warning of this module's: what one language says and the other does not. Its own
    type, so a caller can tell these from other warnings (the CLI refuses them without
    --anyway; the app asks)."""


def disagreements_in(problems: Iterable[Problem]) -> list[Problem]:
    """The disagreements among a check's problems (desk.checks.check_draft lists them as
    warnings)."""
    return [p for p in problems if isinstance(p, Disagreement)]


@dataclass(frozen=True)
class Mention:
    """A fact-bearing piece of one language's text: `shown` as written, at `position`.
    Two mentions of one `kind` agree when their `keys` share one (a time written without
    AM/PM stands for both readings)."""

    kind: str
    shown: str
    position: int
    keys: frozenset[str]


def consistency_warnings(
    body: BilingualText, components: Sequence[BilingualText] = ()
) -> list[Problem]:
    """What one language's text mentions and the other's does not, as warnings.

    `components` are the known components' names; one counts when it has both. Nothing is
    compared while either text is empty: that is validation's "text is empty" rule.
    """
    if body.languages() != ("en", "ar"):
        return []
    facts = {lang: mentions(body.get(lang), components) for lang in ("en", "ar")}
    # A component counts as named when its name is spelled as in the list, and as present in
    # the other language in any case at all.
    named = {lang: component_mentions(body.get(lang), components) for lang in ("en", "ar")}
    present = {
        lang: component_mentions(body.get(lang), components, any_case=True) for lang in ("en", "ar")
    }
    problems: list[Problem] = []
    for lang, other in (("en", "ar"), ("ar", "en")):
        missing = _unmatched(facts[lang] + named[lang], facts[other] + present[other])
        instead = _unmatched(facts[other], facts[lang])
        problems += [_warning(m, lang, other, instead, components) for m in missing]
    problems.sort(key=lambda p: (p.field != "body_en", p.position or 0, p.message))
    return problems


def mentions(text: str, components: Sequence[BilingualText] = ()) -> list[Mention]:
    """Links, times, identifiers and numbers in `text`, in text order. Each character belongs
    to at most one; component names are left out (a "2" inside "Region 2" is the component's)."""
    work = text.translate(_TO_LATIN)
    found: list[Mention] = []
    work = _blank(work, [m for m, _ in _name_hits(work, components, any_case=True)])
    links = list(_LINK.finditer(work))
    for match in links:
        # Compared as written: a link with Arabic-Indic digits in it is not the same link.
        link = text[match.start() : match.start() + len(_trim_link(match.group()))]
        found.append(Mention(LINK, link, match.start(), frozenset([link])))
    work = _blank(work, [*links, *_LIST_MARKER.finditer(work)])
    times = list(_TIME.finditer(work))
    found += [Mention(TIME, _shown(text, m), m.start(), _time_keys(m)) for m in times]
    work = _blank(work, [*times, *_ORDINAL.finditer(work)])
    identifiers = [m for m in _IDENTIFIER.finditer(work) if any(ch.isdigit() for ch in m.group())]
    found += [
        Mention(IDENTIFIER, _shown(text, m), m.start(), frozenset([m.group().lower()]))
        for m in identifiers
    ]
    work = _blank(work, identifiers)
    for match in _NUMBER.finditer(work):
        found += _numbers(text, match)
    found.sort(key=lambda m: m.position)
    return found


def component_mentions(
    text: str, components: Sequence[BilingualText], *, any_case: bool = False
) -> list[Mention]:
    """The first place each component with both names is named in `text`, by either name.
    Spelled as the component list spells it unless `any_case` (so that "we search" does not
    name the component "Search"). Where names overlap the longest wins, so "API Gateway"
    does not also name the component "API"."""
    bilingual = [
        names if names.en.strip() and names.ar.strip() else _NO_NAMES for names in components
    ]
    hits = _name_hits(text, bilingual, any_case=any_case)
    hits.sort(key=lambda hit: (hit[0].start() - hit[0].end(), hit[0].start()))
    taken = bytearray(len(text))
    first: dict[int, re.Match[str]] = {}
    for match, index in hits:
        start, end = match.span()
        if 1 in taken[start:end]:
            continue
        taken[start:end] = b"\x01" * (end - start)
        if index not in first or match.start() < first[index].start():
            first[index] = match
    found = [
        Mention(COMPONENT, match.group(), match.start(), frozenset([str(index)]))
        for index, match in first.items()
    ]
    found.sort(key=lambda m: m.position)
    return found


def _name_hits(
    text: str, components: Sequence[BilingualText], *, any_case: bool
) -> list[tuple[re.Match[str], int]]:
    """Every place a component is named, with the component's index."""
    # A substring test on a folded copy rules most names out at C speed; only names that may
    # be there are searched for with their (slower) patterns.
    folded = _fold(text)
    hits: list[tuple[re.Match[str], int]] = []
    for index, names in enumerate(components):
        for name in (names.en, names.ar):
            pattern = _name_pattern(name, any_case)
            if pattern and _fold(name)[1:] in folded:
                hits += [(match, index) for match in pattern.finditer(text)]
    return hits


def _fold(text: str) -> str:
    """Lower case, no harakat, one alef, Latin digits, single spaces: what a name pattern lets
    vary. The first letter is dropped before comparing, for ل + ال = لل."""
    return " ".join(text.translate(_FOLD).lower().split())


# The check runs again at every pause in typing, with the same component list each time.
@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str, any_case: bool) -> re.Pattern[str] | None:
    name = " ".join(re.sub(_HARAKAT, "", name).split())
    if not name:
        return None
    parts: list[str] = []
    for ch in name:
        if ch == " ":
            parts.append(r"\s+")
        elif _ARABIC_LETTER.match(ch):
            parts.append(f"[{_LOOK_ALIKES.get(ch, ch)}]{_HARAKAT}")
        elif ch.translate(_TO_LATIN) in _DIGIT_FORMS:
            parts.append(f"[{_DIGIT_FORMS[ch.translate(_TO_LATIN)]}]")
        else:
            parts.append(re.escape(ch))
    if not _ARABIC_LETTER.match(name[0]):
        head = r"(?<!\w)" + "".join(parts)
    elif name.startswith("ال"):
        head = rf"(?<!\w)(?:{_CLITICS}{''.join(parts)}|[وف]?ل{''.join(parts[1:])})"
    else:
        head = rf"(?<!\w){_CLITICS}{''.join(parts)}"
    # An English name may take a plural ("APIs"); an Arabic one its suffixes, so no end there.
    tail = "" if _ARABIC_LETTER.match(name[-1]) else r"(?:e?s)?(?!\w)"
    return re.compile(head + tail, re.IGNORECASE if any_case else 0)


def _blank(text: str, matches: Iterable[re.Match[str]]) -> str:
    """`text` with the matches turned into spaces: later patterns skip them, positions stay."""
    chars = list(text)
    for match in matches:
        start, end = match.span()
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _shown(text: str, match: re.Match[str]) -> str:
    return text[match.start() : match.end()].strip()


def _trim_link(link: str) -> str:
    """Sentence punctuation after a link is the sentence's; a ")" is the link's only when the
    link opened one (https://en.wikipedia.org/wiki/Foo_(bar))."""
    while link and (
        link[-1] in _LINK_TAIL or (link[-1] == ")" and link.count(")") > link.count("("))
    ):
        link = link[:-1]
    return link


def _time_keys(match: re.Match[str]) -> frozenset[str]:
    hour = int(match["h"])
    minute = f"{match['m'] or '00'}" + (f":{match['s']}" if match["s"] else "")
    am, pm = match["am"] or match["am_alone"], match["pm"] or match["pm_alone"]
    if (am or pm) and 1 <= hour <= 12:
        hours = [hour % 12 + (12 if pm else 0)]
    elif 1 <= hour <= 12:
        hours = [hour % 12, hour % 12 + 12]  # 2:30 may be read either way; do not guess
    else:
        hours = [hour]
    return frozenset(f"{h:02d}:{minute}" for h in hours)


def _numbers(text: str, match: re.Match[str]) -> list[Mention]:
    """One number, or several written with commas and no spaces ("1,2,3"); "1,000" is one."""
    digits, start = match["n"], match.start("n")
    percent = "%" if match["before"] or match["after"] else ""
    if "," not in digits or _THOUSANDS.fullmatch(digits):
        pieces = [(digits.replace(",", ""), match.start(), match.end())]
    else:
        pieces = []
        for piece in re.finditer(r"[^,]+", digits):
            at = start + piece.start()
            pieces.append((piece.group(), at, start + piece.end()))
        first, last = pieces[0], pieces[-1]
        pieces[0] = (first[0], match.start(), first[2])
        pieces[-1] = (last[0], last[1], match.end())
    return [
        Mention(NUMBER, text[begin:end].strip(), begin, frozenset([_number_key(n) + percent]))
        for n, begin, end in pieces
    ]


def _number_key(digits: str) -> str:
    """Equal values, equal keys: 05 is 5, 1.50 is 1.5. A version-like "1.2.3" is kept as is."""
    try:
        return format(Decimal(digits).normalize(), "f")
    except InvalidOperation:
        return digits


def _unmatched(these: list[Mention], others: list[Mention]) -> list[Mention]:
    """The first mention of each thing in `these` that `others` lacks."""
    keys: dict[str, set[str]] = {}
    for other in others:
        keys.setdefault(other.kind, set()).update(other.keys)
    missing: dict[tuple[str, frozenset[str]], Mention] = {}
    for mention in these:
        if not mention.keys & keys.get(mention.kind, set()):
            missing.setdefault((mention.kind, mention.keys), mention)
    return list(missing.values())


def _warning(
    mention: Mention,
    lang: str,
    other: str,
    instead: list[Mention],
    components: Sequence[BilingualText],
) -> Problem:
    here, there = _IN_TEXT[lang], _IN_TEXT[other]
    if mention.kind == COMPONENT:
        names = components[int(next(iter(mention.keys)))]
        message = QT_TRANSLATE_NOOP(
            "Problems",
            "The component “{name}” is named in {here} but not in {there}; name it there too "
            "(“{other_name}”).",
        ).format(name=names.get(lang), here=here, there=there, other_name=names.get(other))
    else:
        what = _KIND_NAMES.get(mention.kind, mention.kind)
        listed = [f"“{m.shown}”" for m in instead if m.kind == mention.kind][:_MAX_LISTED]
        if listed:
            message = QT_TRANSLATE_NOOP(
                "Problems",
                "{what} “{shown}” is in {here} but not in {there}, which has {listed}; make the "
                "two agree.",
            ).format(
                what=what, shown=mention.shown, here=here, there=there, listed=", ".join(listed)
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Problems",
                "{what} “{shown}” is in {here} but not in {there}; add it to {there} too.",
            ).format(what=what, shown=mention.shown, here=here, there=there)
    return Disagreement(f"body_{lang}", message, Severity.WARNING, mention.position)
