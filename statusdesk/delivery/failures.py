"""A delivery's stored error read back into the sentences statusdesk framed it with (issue #16).

A failed delivery's error is stored as text (`delivery.last_error`, read by the CLI, the
exports and any desk, whichever process made it): "hook: hooks.example.com answered 503
Service Unavailable. Will retry." The sentence around the server's answer is statusdesk's
own, marked with `QT_TRANSLATE_NOOP("Delivery", …)` as a module-level constant where it is
said (`_framing_modules`: the shared HTTP and thread code, each posting channel's API, email's
SMTP session and outcome, the outbox's own). `reread` finds the one that fits a stored text
whole and gives it back as `Words` with the parts it framed as its parameters, so the desk says
the frame in its language (`gui.i18n.localised`) while the server's own words — a status line,
a reply, an address — stay as they came (they were redacted before they were stored). A
parameter that is itself a framed sentence (the cause before "Will retry.", the error a person
must check by hand) is read back in turn. A text no frame fits is given back as it is.
"""

from __future__ import annotations

import re
import time
from functools import lru_cache
from string import Formatter
from types import ModuleType
from typing import TYPE_CHECKING

from statusdesk.core.words import Words

if TYPE_CHECKING:
    import regex

CONTEXT = "Delivery"
# The parameters that may hold statusdesk's own sentences (what comes next, a cause, a fix, the
# name of a step): these are read back in turn. The others — a server's status line and words,
# a host, an address, a name — stay as they came, even when they happen to read like a frame.
READ_BACK = frozenset(
    {"cause", "then", "error", "others", "fix", "action", "what", "step", "security", "names"}
    | {"reasons", "problem"}
)
LONGEST = 8_000  # characters: a longer text is shown as it is (no frame is tried on it)
# Seconds one text may take to read back, on the GUI thread. A frame's fields are lazy groups
# between its words: a text made of the frame's words said over and over (a server's reply can
# say anything) takes the matcher time cubic in its length, 24 s for 8,000 characters of
# ": X answered ". Past the budget the text is shown as it came, in English. A real one reads
# back in about a millisecond; the budget is wide so that a loaded machine, which may pause the
# thread mid-way, does not turn a translatable text English (the clock is the wall's).
BUDGET = 0.25


def _framing_modules() -> tuple[ModuleType, ...]:
    # Loaded at the first text read back, not before (some 70 ms once the desk is up).
    from statusdesk.channels import base, http, posts, telegram, tested, threads, webhook
    from statusdesk.channels.bluesky import account as bluesky_account
    from statusdesk.channels.bluesky import api as bluesky
    from statusdesk.channels.email import said as email
    from statusdesk.channels.mastodon import api as mastodon
    from statusdesk.channels.site import said as site
    from statusdesk.channels.statuspage import channel as statuspage
    from statusdesk.channels.statuspage import client as statuspage_client
    from statusdesk.channels.statuspage import reconcile as statuspage_reconcile
    from statusdesk.channels.x import api as x
    from statusdesk.channels.x import auth as x_auth
    from statusdesk.delivery import dispatcher

    return (
        base,
        http,
        posts,
        webhook,
        tested,
        site,
        email,
        telegram,
        threads,
        mastodon,
        x,
        x_auth,
        bluesky,
        bluesky_account,
        statuspage,
        statuspage_client,
        statuspage_reconcile,
        dispatcher,
    )


def frames() -> list[Words]:
    """Every frame, once each: the modules' constants marked in the "Delivery" context."""
    found: dict[str, Words] = {}
    for module in _framing_modules():
        for value in vars(module).values():
            if isinstance(value, Words) and value.context == CONTEXT:
                found.setdefault(value.template, value)
    return list(found.values())


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in Formatter().parse(template) if name is not None]


def _pattern(template: str, then: str) -> regex.Pattern[str]:
    """The template as a regular expression: its words literally, each field any text (`then`,
    what the outbox does next, only one of those sentences), a field said twice the same."""
    parts: list[str] = []
    seen: set[str] = set()
    for literal, name, _, _ in Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in seen:
            parts.append(f"(?P={name})")
        elif name == "then":
            parts.append(f"(?P<then>{then})")
        else:
            parts.append(f"(?P<{name}>.+?)")
        seen.add(name)
    import regex  # for its timeout: `re` cannot be stopped once it has started

    return regex.compile("".join(parts), regex.DOTALL)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[regex.Pattern[str], Words], ...]:
    every = frames()
    # What the outbox does next: a whole sentence of statusdesk's, without parameters.
    thens = [w.template for w in every if not _fields(w.template) and w.template.endswith(".")]
    then = "|".join(re.escape(t) for t in sorted(thens, key=len, reverse=True))

    def specific(words: Words) -> int:
        # Every frame is tried (reread keeps the one that reads most of the text as ours); of
        # two that read as much, the one with more words of its own, tried first, stays.
        return -sum(len(part) for part, *_ in Formatter().parse(words.template))

    ordered = sorted((w for w in every if _fields(w.template)), key=specific)
    import regex

    return tuple((_pattern(w.template, then), w) for w in ordered) + tuple(
        (regex.compile(re.escape(w.template)), w) for w in every if not _fields(w.template)
    )


@lru_cache(maxsize=2048)
def reread(text: str) -> str:
    """`text` as Words when one of statusdesk's frames fits it whole (its parameters the parts
    it framed, each read back in turn), else `text` itself. The Words' English is `text`. Within
    BUDGET, or `text` itself."""
    patterns = _patterns()  # the first time, loaded and compiled before the clock starts
    try:
        return _reread(text, patterns, time.monotonic() + BUDGET)
    except TimeoutError:
        return text


def _reread(
    text: str, patterns: tuple[tuple[regex.Pattern[str], Words], ...], deadline: float
) -> str:
    if not text or len(text) > LONGEST:
        return text
    best: Words | None = None
    for pattern, frame in patterns:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        found = pattern.fullmatch(text, timeout=left)
        if found is None:
            continue
        params = {
            name: _reread(value, patterns, deadline) if name in READ_BACK else value
            for name, value in found.groupdict().items()
        }
        said = Words(text, frame.context, frame.template, params)
        # Two frames may fit ("…answered 503. Will retry." is "{cause} {then}" and also
        # "{cause}. {then}"): the one that reads more of the text as statusdesk's own wins.
        if best is None or _own(said) > _own(best):
            best = said
    return text if best is None else best


def _own(words: Words) -> int:
    """How many characters of `words` are statusdesk's own: its frame's, its framed parts'."""
    literal = sum(len(part) for part, *_ in Formatter().parse(words.template))
    return literal + sum(_own(v) for v in words.params.values() if isinstance(v, Words))
