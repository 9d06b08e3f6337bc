"""The public addresses of the status page's files, once the site channel has a `base_url`
(issue #14): what emails, webhook payloads and update templates ({incident_url}) link to."""

from __future__ import annotations

from collections.abc import Callable

from statusdesk.store import Store


def site_base_url(store: Store) -> str:
    """The (first) site channel's public address without its trailing slash; "" for none."""
    site = next((c for c in store.channels.channels() if c.kind == "site"), None)
    return str(site.settings.get("base_url") or "").rstrip("/") if site else ""


def incident_url(base: str, incident_id: int, lang: str) -> str:
    """An incident's page in one language; "" when the page has no public address."""
    if not base:
        return ""
    return f"{base}{'/ar' if lang == 'ar' else ''}/incidents/{incident_id}.html"


def read_base_url(open_store: Callable[[], Store]) -> str:
    """`site_base_url` on a connection of its own (a channel rendering on a worker thread)."""
    store = open_store()
    try:
        return site_base_url(store)
    finally:
        store.close()
