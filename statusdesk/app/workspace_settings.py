"""The workspace's settings (statusdesk/settings.py is their registry) read and changed, and
the status page rebuilt when a change shows on it, then published to the site channels'
targets (page_publishing.py). A change may write files and talk to the network, so the app
calls these on its task runner."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statusdesk import settings as registry
from statusdesk.app.context import AppContext, keep_desk_name
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Problem
from statusdesk.scheduling.due import GRACE_SETTING, grace_from
from statusdesk.store import Store

if TYPE_CHECKING:
    from statusdesk.app.page_publishing import PagePublished


@dataclass(frozen=True)
class SettingChange:
    key: str
    value: str
    changed: bool
    site: Path | None = None  # the status page, when it was rebuilt
    # Why it was not rebuilt (when it affects the page but was not); or, when it was, how its
    # publishing to each target went (one line each, page_publishing.PagePublished.line).
    site_note: str = ""


class _ThisMachineFirst:
    """The settings as a team desk reads them: those kept on this machine (`store.url`,
    `ui.language`, settings.py's `on_this_machine`) from the folder's own file, every other
    from the shared records. On a folder's own workspace both are the same file."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def setting(self, key: str) -> str | None:
        if _kept_here(self.ctx, key):
            from statusdesk.workspace import peek_local_setting

            return peek_local_setting(self.ctx.paths.db, key)
        return self.ctx.store.settings.setting(key)


def _kept_here(ctx: AppContext, key: str) -> bool:
    """Whether `key` lives in the folder's file while the records are on a team's server."""
    found = registry.BY_KEY.get(key)
    return found is not None and found.on_this_machine and ctx.store.dialect != "sqlite"


class WorkspaceSettings:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._settings = _ThisMachineFirst(ctx)

    # -- the registry's settings ------------------------------------------------------------------

    def workspace_settings(self) -> list[dict[str, Any]]:
        return registry.describe(self._settings)

    def workspace_setting(self, key: str) -> str:
        try:
            return registry.value(self._settings, registry.setting(key).key)
        except registry.SettingError as exc:
            raise Rejected([Problem("key", str(exc))]) from None

    def display_digits(self) -> str:
        """latn | arab: `display.digits`, else the site channel's own `digits` (as templates and
        the status page read it)."""
        from statusdesk.scheduling.digits import digits

        return digits(self.ctx.store)

    def default_cadence(self) -> int:
        return registry.cadence_minutes(self.ctx.store.settings)

    def review_required(self) -> bool:
        """Whether an update waits for another person's approval (issue #17)."""
        return registry.review_required(self.ctx.store.settings)

    def review_waived_for_critical(self) -> bool:
        """Whether a critical update skips review (recorded as waived)."""
        return registry.review_waived_for_critical(self.ctx.store.settings)

    def remind_minutes(self) -> int:
        """The default maintenance reminder (minutes before the window starts)."""
        return registry.remind_minutes(self.ctx.store.settings)

    def grace(self) -> timedelta:
        """How late a scheduled update may be and still go out by itself."""
        return grace_from(self.ctx.store.settings.setting(GRACE_SETTING))

    def check_workspace_setting(self, key: str, value: str) -> str:
        """The value as it would be kept; Rejected naming the allowed values otherwise."""
        try:
            return registry.setting(key).check(value)
        except registry.SettingError as exc:
            field_name = "key" if exc.key == key and key not in registry.BY_KEY else "value"
            raise Rejected([Problem(field_name, str(exc))]) from None

    def set_workspace_setting(self, key: str, value: str, by: str = "") -> SettingChange:
        """Keep a setting (recorded as an event); when the status page shows it, rebuild the
        page under the site lock, as the site channel does. The default is kept as itself
        (no row), so a later change of the default reaches a workspace that never chose."""
        kept = self.check_workspace_setting(key, value)
        before = registry.value(self._settings, key)
        self._keep(key, kept, self.ctx.who(by))
        changed = kept != before
        if not (registry.BY_KEY[key].affects_site and changed):
            return SettingChange(key, kept, changed)
        site, note = self._site_rebuilt()
        return SettingChange(key, kept, changed, site=site, site_note=note)

    def set_workspace_settings(
        self, values: Mapping[str, str], by: str = ""
    ) -> list[SettingChange]:
        """Several settings at once (the app's Save): every value is checked first and none is
        kept unless all pass (Rejected lists each refusal, its field the key); the status page
        is rebuilt once at the end if any of them shows on it."""
        problems: list[Problem] = []
        kept: dict[str, str] = {}
        for key, value in values.items():
            try:
                kept[key] = self.check_workspace_setting(key, value)
            except Rejected as exc:
                problems += [Problem(key, p.message) for p in exc.problems]
        if problems:
            raise Rejected(problems)
        who = self.ctx.who(by)
        changes = []
        for key, value in kept.items():
            before = registry.value(self._settings, key)
            self._keep(key, value, who)
            changes.append(SettingChange(key, value, value != before))
        if any(c.changed and registry.BY_KEY[c.key].affects_site for c in changes):
            site = self._site_rebuilt()
            changes = [
                SettingChange(c.key, c.value, c.changed, site[0], site[1])
                if registry.BY_KEY[c.key].affects_site and c.changed
                else c
                for c in changes
            ]
        return changes

    def _keep(self, key: str, value: str, who: str) -> None:
        """The default is kept as no row at all."""
        keep: str | None = None if value == registry.BY_KEY[key].default else value
        if key == registry.DESK_AUTHOR:
            keep_desk_name(keep)  # from now on, not only from the next opening
        if keep == self._settings.setting(key):
            return
        if not _kept_here(self.ctx, key):
            self.ctx.store.settings.set_setting(key, keep, self.ctx.now(), who)
            return
        # The folder's own file, made (with its schema) if this machine never had one.
        here = Store.open(self.ctx.paths.db)
        try:
            here.settings.set_setting(key, keep, self.ctx.now(), who)
        finally:
            here.close()

    # -- raw settings (kept by other features: the runner's grace, the palette's recents) ---------

    def setting(self, key: str) -> str | None:
        return self.ctx.store.settings.setting(key)

    def set_setting(self, key: str, value: str | None, by: str = "") -> None:
        self.ctx.store.settings.set_setting(key, value, self.ctx.now(), self.ctx.who(by))

    # -- the local status page --------------------------------------------------------------------

    def build_site(self, *, full: bool = False) -> Path:
        """Rebuild the local status page from the workspace now (also what `site build` does);
        `full` renders every page instead of reusing unchanged ones (`site build --full`)."""
        # Imported here: Jinja2 and the page's renderer are not needed to start the app.
        from statusdesk.channels.site.build import build_site
        from statusdesk.channels.site.channel import site_build_lock

        # The site channel's lock (site_build_lock), held from the read to the swap: a rebuild
        # that read the workspace before a publish must not swap its older page in after it.
        with site_build_lock(self.ctx.paths.home):
            return build_site(self.ctx.store, self.ctx.paths.site, self.ctx.clock.now(), full=full)

    def publish_pages(self, names: Sequence[str] = ()) -> list[PagePublished]:
        """The page published to the named site channels' targets (all that publish when none
        is named), each built from the workspace as it is now (`statusdesk site publish`)."""
        from statusdesk.app.page_publishing import publish_pages

        return publish_pages(self.ctx, names)

    def site_rebuilt(self) -> tuple[Path | None, str]:
        """The page rebuilt when an enabled site channel publishes it, and published to every
        target; else why not (what a settings change, a component change or a postmortem
        does)."""
        return self._site_rebuilt()

    def _site_rebuilt(self) -> tuple[Path | None, str]:
        sites = (c for c in self.ctx.store.channels.channels(enabled_only=True) if c.kind == "site")
        if next(sites, None) is None:
            return None, (
                "no enabled site channel: the status page was not rebuilt "
                "(`statusdesk site build` rebuilds it)"
            )
        from statusdesk.app.page_publishing import publish_pages

        site = self.build_site()
        return site, "\n".join(p.line() for p in publish_pages(self.ctx))
