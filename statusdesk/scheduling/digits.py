"""Which digits Arabic text is written in (`display.digits`: latn | arab), read from the
workspace: the setting, else the site channel's own `digits`, else latn. Templates, exports and
the desk's numbers (app/workspace_settings.py) all read it here; a module of its own, light
enough to read before the desk's first paint."""

from __future__ import annotations

from statusdesk import settings
from statusdesk.store import Store

DIGITS_SETTING = settings.DIGITS


def digits(store: Store) -> str:
    chosen = store.settings.setting(DIGITS_SETTING)
    if chosen is None:
        site = next((c for c in store.channels.channels() if c.kind == "site"), None)
        chosen = str(site.settings.get("digits", "")) if site else ""
    return "arab" if chosen == "arab" else "latn"
