"""Bilingual update templates with placeholders, rendered per language (pure).

The defaults ship in resources/templates/default.json; a workspace may add or replace templates
by name in `<workspace>/templates/*.json` (same shape). Rendering fills each placeholder in each
language — times in that language (Arabic month names through babel, Arabic-Indic digits when
the workspace asks for them) and in the display zone — and reports every placeholder it could
not fill as a Problem naming it, with its position: a template never publishes "{eta}".
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from importlib import resources
from pathlib import Path
from typing import Any

from statusdesk.core.model import BilingualText, IncidentKind, IncidentState, Problem
from statusdesk.core.placeholders import MISSING
from statusdesk.core.placeholders import PLACEHOLDERS as PLACEHOLDERS  # re-exported
from statusdesk.core.text.digits import with_digits
from statusdesk.core.text.sanitize import normalize
from statusdesk.core.timefmt import iso
from statusdesk.core.validation import LANGUAGE_NAMES

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\{|\}")
_AR_PATTERN = "d MMMM y، HH:mm"  # the status page's (channels/site/render.py)
_JOIN = {"en": ", ", "ar": "، "}


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Template:
    name: str
    kind: IncidentKind
    state: IncidentState
    text: BilingualText


@dataclass(frozen=True)
class TemplateContext:
    """What the placeholders are filled from. Times are aware datetimes (UTC or not)."""

    title: BilingualText
    components: tuple[BilingualText, ...] = ()
    started_at: datetime | None = None
    window_start: datetime | None = None
    window_end: datetime | None = None
    next_update: datetime | None = None
    eta: datetime | None = None
    incident_url: BilingualText | None = None
    zone: tzinfo = UTC
    digits: str = "latn"  # latn | arab, for Arabic


@dataclass(frozen=True)
class Filled:
    body: BilingualText
    problems: list[Problem]


def parse_templates(document: Mapping[str, Any], source: str) -> dict[str, Template]:
    entries = document.get("templates")
    if not isinstance(entries, dict):
        raise TemplateError(f'{source}: no "templates" object')
    found = {}
    for name, entry in entries.items():
        try:
            kind = IncidentKind(entry["kind"])
            state = IncidentState(entry["state"])
            # Normalised as typed text is (a hand-edited file's \x0b becomes a newline);
            # any other control in it is refused when the template is used.
            text = BilingualText(
                normalize(str(entry.get("en", ""))), normalize(str(entry.get("ar", "")))
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise TemplateError(
                f"{source}: template {name!r} needs a kind (incident|maintenance), a state of "
                f"that kind and en/ar texts ({exc})"
            ) from None
        found[str(name)] = Template(str(name), kind, state, text)
    return found


@functools.cache
def _defaults() -> dict[str, Template]:
    raw = (
        resources.files("statusdesk.resources")
        .joinpath("templates/default.json")
        .read_text(encoding="utf-8")
    )
    return parse_templates(json.loads(raw), "default templates")


def default_templates() -> dict[str, Template]:
    return dict(_defaults())  # read once; a copy, so callers may add to it


def load_templates(folders: Iterable[Path] = ()) -> dict[str, Template]:
    """The defaults, then each folder's *.json over them (a name given again replaces it)."""
    templates = default_templates()
    for folder in folders:
        for path in sorted(Path(folder).glob("*.json")):
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise TemplateError(f"{path}: not a readable JSON template file ({exc})") from None
            templates.update(parse_templates(document, str(path)))
    return templates


def format_moment(moment: datetime, lang: str, digits: str = "latn", zone: tzinfo = UTC) -> str:
    """A time as the status page writes it in `lang` ("29 Mar 2026, 14:30 UTC", "29 مارس
    2026، 14:30 UTC"), in `zone` when that is not UTC (its abbreviation instead of UTC)."""
    # Here, not at the top: the status page's renderer loads jinja2 (some 8 MB and 40 ms),
    # which reading the templates — the desk does it at start, for the palette — needs not.
    from statusdesk.channels.site.render import format_time

    local = moment.astimezone(zone)
    if local.utcoffset() == UTC.utcoffset(None) and local.tzname() in ("UTC", "Z", None):
        return str(format_time(iso(moment), lang, digits).striptags())
    if lang == "ar":
        from babel.dates import format_datetime

        shown = format_datetime(moment, _AR_PATTERN, tzinfo=zone, locale="ar")
        shown = with_digits(shown, digits)
    else:
        shown = local.strftime("%d %b %Y, %H:%M")
    return f"{shown} {local.tzname()}"


def values(context: TemplateContext, lang: str) -> dict[str, str]:
    """Each placeholder's text in `lang`; a placeholder without a value is left out."""

    def pick(text: BilingualText) -> str:
        return (text.get(lang) or text.en or text.ar).strip()

    def when(moment: datetime | None) -> str:
        return format_moment(moment, lang, context.digits, context.zone) if moment else ""

    found = {
        "service": pick(context.title),
        "components": _JOIN[lang].join(n for n in (pick(c) for c in context.components) if n),
        "eta": when(context.eta),
        "next_update": when(context.next_update),
        "incident_url": pick(context.incident_url) if context.incident_url else "",
        "started_at": when(context.started_at),
        "window_start": when(context.window_start),
        "window_end": when(context.window_end),
    }
    return {name: text for name, text in found.items() if text}


def fill(text: str, filled: Mapping[str, str], field: str, label: str) -> tuple[str, list[Problem]]:
    """Replace the placeholders of one text; every one that cannot be filled stays as it is
    and becomes a Problem at its position."""
    out: list[str] = []
    problems: list[Problem] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        out.append(text[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            out.append(token[0])
            continue
        out.append(token)
        name = (match.group(1) or "").strip()
        if match.group(1) is None:
            message = f"{label} has a lone {token!r}; write {token * 2} for a literal brace"
        elif name not in PLACEHOLDERS:
            message = f"{label} has an unknown placeholder {token}; known: " + ", ".join(
                f"{{{p}}}" for p in PLACEHOLDERS
            )
        elif name not in filled:
            message = f"{label} leaves {{{name}}} unfilled: {MISSING[name]}"
        else:
            out[-1] = filled[name]
            continue
        problems.append(Problem(field, message, position=match.start()))
    out.append(text[pos:])
    return "".join(out), problems


def render(template: Template | BilingualText, context: TemplateContext) -> Filled:
    """Both languages of a template, filled; the problems name each unfilled placeholder."""
    text = template.text if isinstance(template, Template) else template
    name = f"The template {template.name!r}" if isinstance(template, Template) else "The text"
    bodies: dict[str, str] = {}
    problems: list[Problem] = []
    for lang in ("en", "ar"):
        label = f"{name} ({LANGUAGE_NAMES[lang]})"
        bodies[lang], found = fill(text.get(lang), values(context, lang), f"body_{lang}", label)
        problems += found
    return Filled(BilingualText(bodies["en"], bodies["ar"]), problems)
