"""The placeholders of bilingual templates, and the check that none reaches the public.

A template is filled when it is inserted (scheduling/templates.py); whatever could not be filled
stays in the text as `{eta}`, visible to the person writing. Publishing checks the final text
again, so a placeholder that was never filled — or typed by hand — blocks the update with a
message that names it and says how to give it a value, instead of going out as "{eta}".
"""

from __future__ import annotations

import re

from statusdesk.core.model import BilingualText, Problem
from statusdesk.core.validation import TEXT_NAMES
from statusdesk.core.words import QT_TRANSLATE_NOOP

PLACEHOLDERS = (
    "service",
    "components",
    "eta",
    "next_update",
    "incident_url",
    "started_at",
    "window_start",
    "window_end",
)
# Why a placeholder may have no value, and how to give it one.
MISSING = {
    "service": QT_TRANSLATE_NOOP("Problems", "the incident has no title"),
    "components": QT_TRANSLATE_NOOP(
        "Problems", "the incident affects no component (add one: --component NAME=STATUS)"
    ),
    "eta": QT_TRANSLATE_NOOP("Problems", "no ETA was given (--eta WHEN)"),
    "next_update": QT_TRANSLATE_NOOP(
        "Problems", "the incident promises no next update (it is closed, or nothing is planned)"
    ),
    "incident_url": QT_TRANSLATE_NOOP(
        "Problems", "the status page has no public address (set base_url on the site channel)"
    ),
    "started_at": QT_TRANSLATE_NOOP("Problems", "the incident has no start time"),
    "window_start": QT_TRANSLATE_NOOP(
        "Problems", "the incident has no maintenance window (--window-start, --window-end)"
    ),
    "window_end": QT_TRANSLATE_NOOP(
        "Problems", "the incident has no maintenance window (--window-start, --window-end)"
    ),
}
# Only the known names: a brace in ordinary prose ("{beta}") is not a placeholder.
_LEFT = re.compile(r"\{\s*(" + "|".join(PLACEHOLDERS) + r")\s*\}")


def leftover_placeholders(body: BilingualText) -> list[Problem]:
    """One blocking problem per placeholder still in the text, at its position."""
    problems = []
    for lang in ("en", "ar"):
        for match in _LEFT.finditer(body.get(lang)):
            name = match.group(1)
            problems.append(
                Problem(
                    f"body_{lang}",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{text} still has the placeholder {placeholder}: write the value in its "
                        "place, or remove it.",
                    ).format(text=TEXT_NAMES[lang], placeholder=f"{{{name}}}"),
                    position=match.start(),
                )
            )
    return problems
