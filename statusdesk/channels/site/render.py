"""HTML pages and Atom feeds of the status page, per language (Jinja2, autoescaped)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2
from markupsafe import Markup, escape

from statusdesk.channels.site import reader
from statusdesk.channels.site.snapshot import Snapshot
from statusdesk.channels.site.words import COMPONENT, INDICATOR, LABELS, STATE, indicator
from statusdesk.core.model import BilingualText, IncidentKind
from statusdesk.core.text.bidi import LANG_DIRECTION, first_strong_direction, ltr_runs
from statusdesk.core.text.sanitize import scrub
from statusdesk.core.timefmt import iso, parse_iso

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@functools.cache
def environment(lang: str, digits: str, zone: str = "UTC") -> jinja2.Environment:
    """One environment per language, digits and zone, its filters bound to them (safe to share
    across threads)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("statusdesk.resources", "site"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(_filters(lang, digits, zone))
    return env


def isolate(text: str, lang: str) -> Markup:
    """Escape text; inside right-to-left text, wrap each Latin run (ids, URLs, times) in <bdi>
    so it keeps its own order."""
    if lang != "ar":
        return escape(text)
    return Markup("").join(
        Markup("<bdi>%s</bdi>") % piece if is_ltr else escape(piece)
        for is_ltr, piece in ltr_runs(text)
    )


def zone_label(moment: datetime) -> str:
    """The zone's abbreviation where it has a real one (UTC, CET, EEST), else its offset
    (Asia/Riyadh's "+03" reads as UTC+03:00)."""
    name = moment.tzname() or "UTC"
    if name.isalpha():
        return name
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_time(stamp: str | None, lang: str, digits: str, zone: str = "UTC") -> Markup:
    """A stored time as the page shows it: in `zone` (an IANA name) with its abbreviation, in
    the language's words and digits (Arabic: Latin or Arabic-Indic as `digits` says; English
    always Latin); the machine-readable UTC instant in <time datetime>."""
    if not stamp:
        return Markup("")
    moment = parse_iso(stamp)
    local = moment.astimezone(_zone(zone))
    label = zone_label(local)
    if lang == "ar":
        from babel.dates import format_datetime

        shown = format_datetime(local, "d MMMM y، HH:mm", tzinfo=None, locale="ar")
        shown += f" {label}"
        if digits == "arab":
            # CLDR's Arabic locales differ on their default digits; the setting decides.
            shown = shown.translate(ARABIC_INDIC)
    else:
        shown = local.strftime("%d %b %Y, %H:%M ") + label
    return Markup('<time datetime="%s">%s</time>') % (iso(moment), shown)


@functools.cache
def _zone(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _filters(lang: str, digits: str, zone: str) -> dict[str, Callable[..., Any]]:
    def pick(text: BilingualText) -> str:
        return text.get(lang) or text.en or text.ar

    def iso_text(text: str) -> Markup:
        direction = first_strong_direction(text)
        if direction is not None and direction != LANG_DIRECTION[lang]:
            # A fallback in the other language keeps its own direction.
            other = "ar" if direction == "rtl" else "en"
            return Markup('<span lang="%s" dir="%s">%s</span>') % (
                other,
                direction,
                isolate(text, other),
            )
        return isolate(text, lang)

    return {
        "pick": pick,
        "iso_text": iso_text,
        "when": lambda stamp: format_time(
            stamp if isinstance(stamp, str) else iso(stamp), lang, digits, zone
        ),
        "html_in_xml": lambda text: Markup(escape(str(escape(text)))),
    }


def context(snap: Snapshot, lang: str, depth: int) -> dict[str, Any]:
    """Template variables for a page `depth` folders below the site root."""
    root = "../" * depth
    other = "en" if lang == "ar" else "ar"
    level = indicator(snap.active(), [c.status for c in snap.components])
    return {
        "lang": lang,
        "dir": LANG_DIRECTION[lang],
        "other_lang": other,
        "other_dir": LANG_DIRECTION[other],
        "root": root,
        "prefix": "ar/" if lang == "ar" else "",
        "site_title": snap.settings.title_ar if lang == "ar" else snap.settings.title_en,
        "L": LABELS[lang],
        "STATE": STATE[lang],
        "COMPONENT": COMPONENT[lang],
        "indicator": level,
        "indicator_text": INDICATOR[lang][level],
        "now": snap.now,
        "components": snap.components,
        "active_incidents": [i for i in snap.active() if i.kind is IncidentKind.INCIDENT],
        "maintenances": [i for i in snap.active() if i.kind is IncidentKind.MAINTENANCE],
        "past": snap.past(),
        "updates": snap.updates,
        **reader.page_context(snap, lang, root),
    }


def render_page(template: str, snap: Snapshot, lang: str, depth: int, **extra: Any) -> str:
    ctx = context(snap, lang, depth)
    if template == "index.html.j2":
        # The component list with groups and 90-day uptime bars (issue #14); it depends on
        # the build's date: the bars move at midnight UTC.
        from statusdesk.channels.site.components_view import index_context

        ctx.update(index_context(snap, lang))
    ctx.update(extra)
    incident = extra.get("incident")
    # An incident's page shows its own facts only (its postmortem, affected components); the
    # index shows every listed incident's.
    ctx["facts"] = (
        {incident.id: reader.incident_facts(snap, incident, lang)}
        if incident is not None
        else reader.all_facts(snap, lang)
    )
    env = environment(lang, snap.settings.digits, snap.settings.zone)
    return env.get_template(template).render(ctx)


def render_atom(snap: Snapshot, lang: str) -> str:
    ctx = context(snap, lang, 0)
    # Without a public base URL, links stay relative to the feed and ids are URNs; with one,
    # links are absolute and ids tag: URIs (reader.feed_ids).
    base = snap.settings.base_url + "/" if snap.settings.base_url else ""
    feed_id, entry_ids = reader.feed_ids(snap, lang)
    ctx.update(
        base=base,
        prefix="" if not base and lang == "ar" else ctx["prefix"],
        feed_id=feed_id,
        entry_ids=entry_ids,
        entry_updated=reader.entry_updated(snap),
        facts=reader.all_facts(snap, lang),
        now_iso=iso(snap.now),
        incidents=snap.incidents,
    )
    env = environment(lang, snap.settings.digits)
    # One control character (a stored \x0b, say) would make the whole feed invalid XML, for
    # every incident in it: whatever slipped past validation is scrubbed here.
    return scrub(env.get_template("history.atom.j2").render(ctx))
