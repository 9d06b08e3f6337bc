"""HTML pages and Atom feeds of the status page, per language (Jinja2, autoescaped)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2
from markupsafe import Markup, escape

from statusdesk.channels.site import reader
from statusdesk.channels.site.fingerprint import Layered
from statusdesk.channels.site.snapshot import Snapshot
from statusdesk.channels.site.words import COMPONENT, INDICATOR, LABELS, STATE, indicator
from statusdesk.core.model import BilingualText, Incident, IncidentKind
from statusdesk.core.text.bidi import LANG_DIRECTION, first_strong_direction, ltr_runs
from statusdesk.core.text.digits import ARABIC_INDIC
from statusdesk.core.timefmt import iso, parse_iso


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


def format_day(
    stamp: str | None, lang: str, digits: str, zone: str = "UTC", *, month: bool = False
) -> Markup:
    """A stored time's day (or, with `month`, its month and year) in `zone`, in the language's
    words and digits, as the history page lists them; the UTC instant in <time datetime>."""
    if not stamp:
        return Markup("")
    moment = parse_iso(stamp)
    local = moment.astimezone(_zone(zone))
    if lang == "ar":
        from babel.dates import format_datetime

        shown = format_datetime(local, "MMMM y" if month else "d MMMM y", tzinfo=None, locale="ar")
        if digits == "arab":
            shown = shown.translate(ARABIC_INDIC)
    else:
        shown = local.strftime("%B %Y" if month else "%d %b %Y")
    return Markup('<time datetime="%s">%s</time>') % (iso(moment), shown)


def month_of(stamp: str, zone: str) -> str:
    """The month (YYYY-MM) a stored time falls in, in `zone`."""
    return parse_iso(stamp).astimezone(_zone(zone)).strftime("%Y-%m")


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
        "day": lambda stamp: format_day(stamp, lang, digits, zone),
        "month": lambda stamp: format_day(stamp, lang, digits, zone, month=True),
        "html_in_xml": lambda text: Markup(escape(str(escape(text)))),
    }


def site_context(snap: Snapshot, lang: str, depth: int) -> dict[str, Any]:
    """What every page of the site shows, for a page `depth` folders below the site root.

    Each page's context is this plus only what that page shows (incident_context,
    index_context): the context is also the page's fingerprint (fingerprint.py), so whatever is
    in it and changes makes the page render again, and whatever a template uses must be in it."""
    other = "en" if lang == "ar" else "ar"
    root = "../" * depth
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
        # The page's logo, company link, subscribe links and zone (reader.py).
        **reader.page_context(snap, lang, root),
    }


def incident_part(snap: Snapshot, incident: Incident, lang: str) -> dict[str, Any]:
    """What one incident's page, its block on the index and its feed entry show of it: the
    incident, its updates, the components it names, its facts (impact, affected components,
    next-update time, postmortem: reader.py) — and not the time of the build, so an incident
    that did not change is not rendered again (its page's "last updated" is the incident's
    own). build.py makes it once per incident and language and shares it between the three:
    its objects are then fingerprinted once (fingerprint.Canonical memoizes by identity)."""
    updates = snap.updates.get(incident.id, [])
    newest = snap.first_published(incident.id)  # the updates come newest first
    stamps = [incident.updated_at] + ([newest] if newest else [])
    postmortem = snap.postmortems.get(incident.id)
    if postmortem is not None:
        stamps.append(postmortem.updated_at)
    return {
        "incident": incident,
        "updates": {incident.id: updates},
        "components": [c for c in snap.components if c.id in incident.component_ids],
        "updated": max(stamps),
        "facts": {incident.id: reader.incident_facts(snap, incident, lang)},
    }


def incident_context(
    snap: Snapshot,
    incident: Incident,
    lang: str,
    depth: int,
    *,
    site: dict[str, Any] | None = None,
    part: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One incident as its own page, or its block on the index: site_context for `depth`
    (`site`, when the caller made it already) and the incident's part (`part`, likewise)."""
    return Layered(
        site if site is not None else site_context(snap, lang, depth),
        part if part is not None else incident_part(snap, incident, lang),
    )


def index_context(
    snap: Snapshot, lang: str, depth: int, blocks: dict[int, Markup]
) -> dict[str, Any]:
    """The front page: what is open, the components, and the past PAST_DAYS (snapshot.py) in
    full, then a link to the history page; `blocks` holds each shown incident's block, rendered
    from incident_context (build.py reuses the ones whose incident did not change)."""
    active = snap.active()
    level = indicator(active, [c.status for c in snap.components])
    ctx = site_context(snap, lang, depth)
    ctx.update(
        indicator=level,
        indicator_text=INDICATOR[lang][level],
        now=snap.now,
        updated=snap.now,
        components=snap.components,
        active_incidents=[i for i in active if i.kind is IncidentKind.INCIDENT],
        maintenances=[i for i in active if i.kind is IncidentKind.MAINTENANCE],
        past=snap.recent_past(),
        blocks=blocks,
    )
    # The component list with groups and 90-day uptime bars (components_view.py): it depends on
    # the build's date (the bars move at midnight UTC), as the index does anyway.
    from statusdesk.channels.site.components_view import index_context as components_context

    ctx.update(components_context(snap, lang))
    return ctx


def index_incidents(snap: Snapshot) -> list[Incident]:
    """The incidents whose block the front page shows."""
    return snap.active() + snap.recent_past()


def history_line_context(
    snap: Snapshot, incident: Incident, lang: str, site: dict[str, Any]
) -> dict[str, Any]:
    """One incident's line on the history page (`site`: site_context at the page's depth);
    build.py reuses the line while the incident does not change."""
    return Layered(site, {"incident": incident, "IMPACT": reader.IMPACT[lang]})


def history_context(
    snap: Snapshot, lang: str, depth: int, lines: dict[int, Markup]
) -> dict[str, Any]:
    """The history page: every incident of the 90-day window in one line (`lines`, rendered from
    history_line_context), newest first (by its start, or a maintenance's window), by month (in
    the page's zone). Without the time of the build: its "last updated" is the newest news of
    its incidents, so the page is reused while no incident changes."""

    def start(incident: Incident) -> str:  # what its line shows: a maintenance's window
        return incident.window_start or incident.started_at

    newest_first = sorted(snap.incidents, key=lambda i: (start(i), i.id), reverse=True)
    months: list[dict[str, Any]] = []
    for incident in newest_first:
        key = month_of(start(incident), snap.settings.zone)
        if not months or months[-1]["key"] != key:
            months.append({"key": key, "first": start(incident), "incidents": []})
        months[-1]["incidents"].append(incident)
    ctx = site_context(snap, lang, depth)
    ctx.update(
        months=months,
        updated=max((snap.last_news(i) for i in snap.incidents), default=""),
        lines=lines,
    )
    return ctx


def render(template: str, lang: str, digits: str, zone: str, ctx: dict[str, Any]) -> str:
    return environment(lang, digits, zone).get_template(template).render(ctx)


def feed_context(snap: Snapshot, lang: str) -> dict[str, Any]:
    """What the Atom feed and each of its entries share: without a public base URL, links stay
    relative to the feed and ids are URNs; with one, links are absolute and ids tag: URIs
    (reader.feed_id, reader.entry_id)."""
    ctx = site_context(snap, lang, 0)
    base = snap.settings.base_url + "/" if snap.settings.base_url else ""
    ctx.update(
        base=base,
        prefix="" if not base and lang == "ar" else ctx["prefix"],
        feed_id=reader.feed_id(snap, lang),
    )
    return ctx


def entry_context(
    snap: Snapshot,
    incident: Incident,
    lang: str,
    *,
    feed: dict[str, Any] | None = None,
    part: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One incident's entry in the feed (reused by build.py while the incident is unchanged):
    the feed's context (`feed`, when the caller made it already), the incident's part, its id
    and its <updated> (its latest update, or its postmortem if that came later)."""
    ctx = Layered(
        feed if feed is not None else feed_context(snap, lang),
        part if part is not None else incident_part(snap, incident, lang),
    )
    ctx.update(
        entry_id=reader.entry_id(snap, incident, lang),
        entry_updated=reader.entry_updated(snap, incident),
    )
    return ctx


def pieces(template: str, lang: str, digits: str, zone: str, ctx: dict[str, Any]) -> Iterator[str]:
    """The same text as `render`, in pieces: a page of megabytes (the index of a long history)
    is written as it is made instead of being held whole, twice (text and bytes)."""
    return environment(lang, digits, zone).get_template(template).generate(ctx)


def atom_context(snap: Snapshot, lang: str, entries: dict[int, Markup]) -> dict[str, Any]:
    """The Atom feed of `lang`: the RECENT_INCIDENTS incidents heard of most recently
    (Snapshot.recent; feed readers poll, and a feed of the whole 90 days is megabytes fetched at
    every poll); `entries` holds each one's entry (entry_context). Its
    text goes through `scrub`: one control character (a stored \\x0b, say) would make the
    whole feed invalid XML, for every incident in it."""
    ctx = feed_context(snap, lang)
    ctx.update(now=snap.now, now_iso=iso(snap.now), incidents=snap.recent(), entries=entries)
    return ctx
