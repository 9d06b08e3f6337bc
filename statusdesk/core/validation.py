"""Checks on what a person typed, before anything is stored or sent.

Every check returns `Problem`s instead of raising, so the GUI can show them inline as the user
types and the CLI can print them all at once (exit 3).
"""

from __future__ import annotations

from collections.abc import Iterable

from statusdesk.core.model import BilingualText, Draft, Language, Problem, Severity
from statusdesk.core.text.sanitize import OVERRIDES, bidi_problems, suspicious_controls
from statusdesk.core.words import QT_TRANSLATE_NOOP, Words

# An update is read on a phone during an outage. Hosted status pages cap bodies at a few thousand
# characters; 20,000 leaves room for a long postmortem-style update and still keeps every page,
# post and email sane.
MAX_BODY_CHARS = 20_000
MAX_TITLE_CHARS = 200
# The languages' names, as the problems say them (English str; translated where shown, core/words).
LANGUAGE_WORDS = {
    "en": QT_TRANSLATE_NOOP("Problems", "English"),
    "ar": QT_TRANSLATE_NOOP("Problems", "Arabic"),
}
TEXT_NAMES = {
    "en": QT_TRANSLATE_NOOP("Problems", "The English text"),
    "ar": QT_TRANSLATE_NOOP("Problems", "The Arabic text"),
}
TITLE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Problems", "The English title"),
    "ar": QT_TRANSLATE_NOOP("Problems", "The Arabic title"),
}


def text_problems(text: str, field: str, label: str, limit: int) -> list[Problem]:
    """Too long, or with broken direction controls; `label` names the text ("The English
    text"), best as Words so that the Arabic interface says it in Arabic too."""
    problems: list[Problem] = []
    if len(text) > limit:
        problems.append(
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{label} is {length:,} characters long; the limit is {limit:,}. "
                    "Shorten it or link to a longer write-up.",
                ).format(label=label, length=len(text), limit=limit),
            )
        )
    problems.extend(bidi_problems(text, field))
    return problems


def body_problems(body: BilingualText, channel_languages: Iterable[Language]) -> list[Problem]:
    """Problems with an update's two bodies for the channels it will go to.

    One language may stay empty only when no chosen channel wants it.
    """
    problems: list[Problem] = []
    present = set(body.languages())
    if not present:
        return [
            Problem(
                "body",
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "Both the English and the Arabic text are empty; write the update in at "
                    "least one language.",
                ),
            )
        ]
    wanted = {
        lang for language in channel_languages for lang in ("en", "ar") if language.includes(lang)
    }
    for lang in sorted(wanted - present):
        problems.append(
            Problem(
                f"body_{lang}",
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{text} is empty, but a chosen channel publishes {language}; write it, or "
                    "untick the channels that need it.",
                ).format(text=TEXT_NAMES[lang], language=LANGUAGE_WORDS[lang]),
            )
        )
    for lang in ("en", "ar"):
        problems.extend(
            text_problems(body.get(lang), f"body_{lang}", TEXT_NAMES[lang], MAX_BODY_CHARS)
        )
    return problems


def title_problems(title: BilingualText) -> list[Problem]:
    problems: list[Problem] = []
    if not title.languages():
        problems.append(
            Problem(
                "title",
                QT_TRANSLATE_NOOP(
                    "Problems", "The incident needs a title in English or Arabic (or both)."
                ),
            )
        )
    for lang in ("en", "ar"):
        problems.extend(
            text_problems(
                title.get(lang),
                f"title_{lang}",
                TITLE_NAMES[lang],
                MAX_TITLE_CHARS,
            )
        )
        if "\n" in title.get(lang):
            problems.append(
                Problem(
                    f"title_{lang}",
                    QT_TRANSLATE_NOOP(
                        "Problems", "A title is one line; move the rest into the update."
                    ),
                    Severity.ERROR,
                    title.get(lang).index("\n"),
                )
            )
    return problems


def override_warnings(body: BilingualText) -> list[Problem]:
    """A direction override (LRO/RLO) that is closed properly is no error, but it shows the
    text after it reversed — what a reader sees is not what was written. Said as a warning
    (the unclosed ones are errors already, from bidi_problems)."""
    warnings = []
    for lang in ("en", "ar"):
        text = body.get(lang)
        field = f"body_{lang}"
        errors = {p.position for p in bidi_problems(text, field)}
        for found in suspicious_controls(text):
            if text[found.start] in OVERRIDES and found.start not in errors:
                warnings.append(Problem(field, found.reason, Severity.WARNING, found.start))
    return warnings


def draft_text_problems(draft: Draft) -> list[Problem]:
    """Control characters and broken direction controls in what a draft carries besides its
    bodies: the author, the names of the components it sets and each channel's own text
    (issue #12 §3: nothing reaches a channel raw). Bodies and titles have their own checks."""
    problems = bidi_problems(draft.author, "author") + _one_line(
        draft.author, "author", QT_TRANSLATE_NOOP("Problems", "The author")
    )
    for name in draft.component_status:
        problems += [
            Problem(
                "component",
                QT_TRANSLATE_NOOP("Problems", "Component {name}: {problem}").format(
                    name=repr(name), problem=p.message
                ),
                p.severity,
                p.position,
            )
            for p in bidi_problems(name, "component")
            + _one_line(name, "component", QT_TRANSLATE_NOOP("Problems", "A component name"))
        ]
    for channel, text in draft.overrides.items():
        problems += [
            Problem(
                f"overrides.{channel}",
                QT_TRANSLATE_NOOP("Problems", "The custom text for {channel}: {problem}").format(
                    channel=repr(channel), problem=p.message
                ),
                p.severity,
                p.position,
            )
            for p in bidi_problems(text, f"overrides.{channel}")
        ]
    return problems


def _one_line(text: str, field: str, label: Words) -> list[Problem]:
    if "\n" not in text:
        return []
    return [
        Problem(
            field,
            QT_TRANSLATE_NOOP("Problems", "{label} is one line.").format(label=label),
            Severity.ERROR,
            text.index("\n"),
        )
    ]
