"""The local static status page: the embedded default channel, behind the same protocol as X,
email or a hosted status page."""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from statusdesk import private
from statusdesk.channels.base import ChannelContext, PartLedger, Receipt, Rendered, RenderedPart
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update

# One build at a time in this process; the file lock covers other processes on the workspace.
_BUILD_LOCK = threading.Lock()


class SiteChannel:
    kind = "site"
    min_interval = 0.0

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context

    @property
    def site_dir(self) -> Path:
        return self.context.home / "site"

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        # The common checks (empty text, languages, length, direction controls) already ran;
        # a static page has no limit of its own.
        return []

    def render(self, update: Update, incident: Incident) -> Rendered:
        from statusdesk.channels.site.render import isolate

        parts = tuple(
            RenderedPart(
                lang,
                f'<p lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">'
                f"{isolate(update.body.get(lang), lang)}</p>",
                "text/html",
            )
            for lang in ("en", "ar")
            if self.config.language.includes(lang) and update.body.get(lang)
        )
        return Rendered(update.id, incident.id, parts)

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        from statusdesk.channels.site.build import build_site

        # Held across read and write, so the build that runs last read the newest data.
        with site_build_lock(self.context.home):
            store = self.context.open_store()
            try:
                site = build_site(store, self.site_dir, self.context.now())
            finally:
                store.close()
        page = site / "incidents" / f"{rendered.incident_id}.html"
        return Receipt(remote_id=str(rendered.incident_id), remote_url=page.absolute().as_uri())

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        # A rebuild writes the whole site from the workspace, so doing it again is harmless:
        # "not known to have landed" is always safe to resend.
        return None


@contextmanager
def site_build_lock(home: Path) -> Iterator[None]:
    """The one lock every build of the page holds from its read to its swap: this process's,
    and the workspace's file lock for the others (SiteChannel.send, `site build`, a settings
    change). The lock file is private like every other file of the workspace."""
    with _BUILD_LOCK, open(home / ".site.lock", "a", opener=private.opener) as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        yield
