"""What a status-page reader expects besides the updates (issue #14): the page's logo and the
company's site, subscribe links (each language's Atom feed, email), and per incident its impact,
affected components, next-update time, when it began and its postmortem.

Everything here goes into the templates' context (render.site_context, incident_context): a
page shows nothing it was not handed, so what a page depends on is what its context holds (and
the context is the page's fingerprint for incremental builds, fingerprint.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels.site.snapshot import HISTORY_DAYS, Snapshot
from statusdesk.core.model import Component, Incident

READER = {
    "en": {
        "impact": "Impact",
        "affected": "Affected",
        "next_update": "Next update by",
        "began": "Began",
        "postmortem": "Postmortem",
        "postmortem_published": "Published",
        "subscribe": "Subscribe",
        "feed_en": "Atom feed (English)",
        "feed_ar": "Atom feed (Arabic)",
        "email": "Email updates",
        "home": "Company website",
        "times_in": "Times in",
        "history": f"Incident history ({HISTORY_DAYS} days)",
        "history_title": "Incident history",
        "history_none": f"No incidents in the last {HISTORY_DAYS} days.",
        "maintenance": "Maintenance",
    },
    "ar": {
        "impact": "الأثر",
        "affected": "المتأثر",
        "next_update": "التحديث التالي قبل",
        "began": "بدأ",
        "postmortem": "تقرير ما بعد الحادثة",
        "postmortem_published": "نُشر",
        "subscribe": "اشترك",
        "feed_en": "خلاصة Atom (بالإنجليزية)",
        "feed_ar": "خلاصة Atom (بالعربية)",
        "email": "التحديثات بالبريد الإلكتروني",
        "home": "موقع الشركة",
        "times_in": "الأوقات بتوقيت",
        "history": f"سجل الأعطال ({HISTORY_DAYS} يومًا)",
        "history_title": "سجل الأعطال",
        "history_none": f"لا أعطال في آخر {HISTORY_DAYS} يومًا.",
        "maintenance": "صيانة",
    },
}
IMPACT = {
    "en": {"none": "None", "minor": "Minor", "major": "Major", "critical": "Critical"},
    "ar": {"none": "لا أثر", "minor": "طفيف", "major": "كبير", "critical": "حرج"},
}


def incident_facts(
    snap: Snapshot, incident: Incident, lang: str, by_id: dict[int, Component] | None = None
) -> dict[str, Any]:
    """One incident's facts as its block shows them."""
    if by_id is None:
        by_id = {c.id: c for c in snap.components}
    affected: list[Component] = [by_id[i] for i in incident.component_ids if i in by_id]
    return {
        "impact": IMPACT[lang][incident.impact.value],
        "affected": affected,
        # A promise is only shown while the incident is open: a resolved one makes none.
        "next_update": incident.next_update_due if incident.is_active else None,
        "began": incident.started_at,
        "postmortem": snap.postmortems.get(incident.id),
    }


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def page_context(snap: Snapshot, lang: str, root: str) -> dict[str, Any]:
    """The reader's part of every page's context."""
    s = snap.settings
    logo = (s.logo_ar or s.logo_en) if lang == "ar" else s.logo_en
    feeds = [
        {
            "lang": feed_lang,
            "href": f"{root}{'ar/' if feed_lang == 'ar' else ''}history.atom",
            "label": READER[lang][f"feed_{feed_lang}"],
        }
        for feed_lang in ((lang, "ar" if lang == "en" else "en"))
    ]
    return {
        "R": READER[lang],
        "logo": logo,
        "home_url": s.home_url,
        "home_host": _host(s.home_url) if s.home_url else "",
        "subscribe_url": s.subscribe_url,
        "feeds": feeds,
        "zone": s.zone,
    }


def feed_id(snap: Snapshot, lang: str) -> str:
    """The feed's id: with `base_url` its own absolute address (it changes only if the page
    moves host, when readers resubscribe); without, `urn:statusdesk:LANG` as before."""
    base = snap.settings.base_url
    if not base:
        return f"urn:statusdesk:{lang}"
    return f"{base}/{'ar/' if lang == 'ar' else ''}history.atom"


def entry_id(snap: Snapshot, incident: Incident, lang: str) -> str:
    """An entry's id. Ids never change once a reader has seen them (RFC 4287 §4.2.6), so they
    are not links that move with the page's files: with `base_url`, a tag: URI (RFC 4151) minted
    under the page's host on the day the incident was created — unique to this page, whatever
    another statusdesk publishes, and unmoved if the page's files are reorganised; without it,
    `urn:statusdesk:LANG:incident:ID` as before (a local page has no host)."""
    base = snap.settings.base_url
    if not base:
        return f"urn:statusdesk:{lang}:incident:{incident.id}"
    path = urlsplit(base).path.strip("/")
    specific = f"{path}/" if path else ""
    return f"tag:{_host(base)},{incident.created_at[:10]}:{specific}incident/{incident.id}/{lang}"


def entry_updated(snap: Snapshot, incident: Incident) -> str:
    """An entry's <updated>: its latest update, or its postmortem if that came later (a
    postmortem is part of the incident's entry: the same story, told to the end)."""
    return snap.last_news(incident)
