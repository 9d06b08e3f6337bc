"""HTML pages and Atom feeds of the status page, per language (Jinja2, autoescaped)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from markupsafe import Markup, escape

from statusdesk.channels.site.snapshot import Snapshot
from statusdesk.channels.site.words import COMPONENT, INDICATOR, LABELS, STATE, indicator
from statusdesk.core.model import BilingualText, Incident, IncidentKind
from statusdesk.core.text.bidi import LANG_DIRECTION, first_strong_direction, ltr_runs
from statusdesk.core.timefmt import iso, parse_iso

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@functools.cache
def environment(lang: str, digits: str) -> jinja2.Environment:
    """One environment per language, its filters bound to it (safe to share across threads)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("statusdesk.resources", "site"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(_filters(lang, digits))
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


def format_time(stamp: str | None, lang: str, digits: str) -> Markup:
    if not stamp:
        return Markup("")
    moment = parse_iso(stamp)
    if lang == "ar":
        from babel.dates import format_datetime

        shown = format_datetime(moment, "d MMMM y، HH:mm", tzinfo=None, locale="ar")
        if digits == "arab":
            # CLDR's Arabic locales differ on their default digits; the setting decides.
            shown = shown.translate(ARABIC_INDIC)
        shown += " UTC"
    else:
        shown = moment.strftime("%d %b %Y, %H:%M UTC")
    return Markup('<time datetime="%s">%s</time>') % (iso(moment), shown)


def _filters(lang: str, digits: str) -> dict[str, Callable[..., Any]]:
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
            stamp if isinstance(stamp, str) else iso(stamp), lang, digits
        ),
        "html_in_xml": lambda text: Markup(escape(str(escape(text)))),
    }


def site_context(snap: Snapshot, lang: str, depth: int) -> dict[str, Any]:
    """What every page of the site shows, for a page `depth` folders below the site root.

    Each page's context is this plus only what that page shows (incident_context,
    index_context): the context is also the page's fingerprint (fingerprint.py), so whatever is
    in it and changes makes the page render again, and whatever a template uses must be in it."""
    other = "en" if lang == "ar" else "ar"
    return {
        "lang": lang,
        "dir": LANG_DIRECTION[lang],
        "other_lang": other,
        "other_dir": LANG_DIRECTION[other],
        "root": "../" * depth,
        "prefix": "ar/" if lang == "ar" else "",
        "site_title": snap.settings.title_ar if lang == "ar" else snap.settings.title_en,
        "L": LABELS[lang],
        "STATE": STATE[lang],
        "COMPONENT": COMPONENT[lang],
    }


def incident_context(snap: Snapshot, incident: Incident, lang: str, depth: int) -> dict[str, Any]:
    """One incident as its own page, or its block on the index: the incident, its updates, the
    components it names — and not the time of the build, so an incident that did not change is
    not rendered again (its page's "last updated" is the incident's own)."""
    updates = snap.updates.get(incident.id, [])
    stamps = [incident.updated_at] + [u.published_at for u in updates if u.published_at]
    ctx = site_context(snap, lang, depth)
    ctx.update(
        incident=incident,
        updates={incident.id: updates},
        components=[c for c in snap.components if c.id in incident.component_ids],
        updated=max(stamps),
    )
    return ctx


def index_context(
    snap: Snapshot, lang: str, depth: int, blocks: dict[int, Markup]
) -> dict[str, Any]:
    """The front page: everything in the window; `blocks` holds each incident's block, rendered
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
        past=snap.past(),
        updates=snap.updates,
        blocks=blocks,
    )
    return ctx


def render(template: str, lang: str, digits: str, ctx: dict[str, Any]) -> str:
    return environment(lang, digits).get_template(template).render(ctx)


def feed_context(snap: Snapshot, lang: str) -> dict[str, Any]:
    """What the Atom feed and each of its entries share: without a public base URL, links stay
    relative to the feed and ids are URNs."""
    ctx = site_context(snap, lang, 0)
    base = snap.settings.base_url + "/" if snap.settings.base_url else ""
    ctx.update(
        base=base,
        prefix="" if not base and lang == "ar" else ctx["prefix"],
        feed_id=f"urn:statusdesk:{lang}",
    )
    return ctx


def entry_context(snap: Snapshot, incident: Incident, lang: str) -> dict[str, Any]:
    """One incident's entry in the feed (reused by build.py while the incident is unchanged)."""
    ctx = incident_context(snap, incident, lang, 0)
    feed = feed_context(snap, lang)
    ctx.update(base=feed["base"], prefix=feed["prefix"], feed_id=feed["feed_id"])
    return ctx


def pieces(template: str, lang: str, digits: str, ctx: dict[str, Any]) -> Iterator[str]:
    """The same text as `render`, in pieces: a page of megabytes (the index of a long history)
    is written as it is made instead of being held whole, twice (text and bytes)."""
    return environment(lang, digits).get_template(template).generate(ctx)


def atom_context(snap: Snapshot, lang: str, entries: dict[int, Markup]) -> dict[str, Any]:
    """The Atom feed of `lang`; `entries` holds each incident's entry (entry_context). Its
    text goes through `scrub`: one control character (a stored \\x0b, say) would make the
    whole feed invalid XML, for every incident in it."""
    ctx = feed_context(snap, lang)
    ctx.update(now=snap.now, now_iso=iso(snap.now), incidents=snap.incidents, entries=entries)
    return ctx
