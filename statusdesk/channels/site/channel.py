"""The static status page: the embedded default channel, behind the same protocol as X, email
or a hosted status page. It builds the page into `<workspace>/site/`; with a `publish` setting
it then publishes that build to real hosting (publish/: git, sftp, s3), so that several site
channels may put the same page on several hosts (a mirror on another provider).

    statusdesk channel add site public --set publish=s3 --set bucket=status \
        --set endpoint=https://ACCOUNT.r2.cloudflarestorage.com --set region=auto
    statusdesk channel secret public access_key_id
"""

from __future__ import annotations

import fcntl
import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk import private
from statusdesk.channels.base import (
    Ambiguous,
    ChannelContext,
    ChannelError,
    PartLedger,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    Transient,
)
from statusdesk.channels.site import said
from statusdesk.channels.site.publish import targets as publish_targets
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update

if TYPE_CHECKING:
    from statusdesk.channels.site.publish.base import PublishReceipt, PublishTarget, SiteFile

# One build at a time in this process; the file lock covers other processes on the workspace.
_BUILD_LOCK = threading.Lock()
# One publish at a time to each target (by its location), in this process and across processes.
_PUBLISH_LOCKS: dict[str, threading.Lock] = {}
_PUBLISH_LOCKS_GUARD = threading.Lock()

# The keyring secrets a site channel may hold: those of every publish target (`channel secret`
# takes these; registry.kind_secret_names reads them).
SECRETS = publish_targets.all_secrets()


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    """A site channel's own check (registry.kind_settings_problems calls it): without `publish`
    no target setting; with it, a known kind, only that kind's settings, and its own check."""
    publish = settings.get("publish")
    kind = publish.strip() if isinstance(publish, str) else ""
    given = [key for key in publish_targets.all_settings() if key in settings]
    if not kind:
        if publish is not None:
            return [f"publish must be one of {publish_targets.kinds_text()} (it is empty)"]
        return [
            f"{key} is a setting of a publish target: add --set publish=KIND "
            f"({publish_targets.kinds_text()}), or take it out (--unset {key})"
            for key in given
        ]
    if kind not in publish_targets.PUBLISH_KINDS:
        return [f"publish must be one of {publish_targets.kinds_text()} (got {kind!r})"]
    own = publish_targets.KIND_SETTINGS[kind]
    problems = [
        f"{key} is not a setting of publish={kind}; it takes: {', '.join(own)} (and base_url); "
        f"take it out with --unset {key}"
        for key in given
        if key not in own
    ]
    return problems + publish_targets.settings_problems(kind, settings)


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

    @property
    def publish_kind(self) -> str | None:
        """The publish target's kind (git, sftp, s3), None for a page kept on this disk."""
        value = self.config.settings.get("publish")
        return value.strip() or None if isinstance(value, str) else None

    def _build(self) -> tuple[Path, dict[str, SiteFile]]:
        """Build the page; for a channel that publishes, also read the build back (under the
        same lock: another build cannot swap the folder in between)."""
        from statusdesk.channels.site.build import build_site
        from statusdesk.channels.site.publish.base import read_site

        # Held across read and write, so the build that runs last read the newest data.
        with site_build_lock(self.context.home):
            store = self.context.open_store()
            try:
                site = build_site(store, self.site_dir, self.context.now())
            finally:
                store.close()
            return site, (read_site(site) if self.publish_kind is not None else {})

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        if self.publish_kind is None:
            site, _ = self._build()
            page = site / "incidents" / f"{rendered.incident_id}.html"
            return Receipt(remote_id=str(rendered.incident_id), remote_url=page.absolute().as_uri())
        return self._publish(rendered.incident_id, rendered.update_id, ledger)

    # -- publishing to a target -----------------------------------------------------------------

    def _publish(self, incident_id: int, update_id: int, ledger: PartLedger) -> Receipt:
        # Each file that lands is said live (the chip's "sending 12/40") and keeps the
        # delivery's claim alive through a long upload.
        done = self._publish_build(
            lambda n, total, path: ledger.progress(n, total, path),
            message=f"Status page: incident #{incident_id}, update {update_id}",
        )
        base_url = self.config.settings.get("base_url")
        if isinstance(base_url, str) and base_url.strip():
            url = f"{base_url.strip().rstrip('/')}/incidents/{incident_id}.html"
        else:
            url = done.location
        # What the publish did, read back from the target, is what identifies it there (the
        # delivery keeps remote_id; `deliveries --json` shows it).
        return Receipt(remote_id=done.detail(), remote_url=url, detail=done.detail())

    def publish_page(self) -> str:
        """Publish the page as the workspace has it now, outside any update: what a settings,
        component or postmortem change does (and `statusdesk site publish`). What was done, in
        one line; raises ChannelError (named) as a delivery's attempt would."""
        if self.publish_kind is None:
            raise Permanent(said.NOWHERE.format(channel=self.config.name))
        done = self._publish_build(
            lambda n, total, path: None, message="Status page refreshed from the workspace"
        )
        return done.detail()

    def _publish_build(
        self, progress: Callable[[int, int, str], None], *, message: str
    ) -> PublishReceipt:
        with self._named_errors():
            target = self._target()
            # Built and read inside the target's lock: the publish that runs last publishes the
            # newest build, never an older one over a newer.
            with publish_lock(self.context.home, target.location()):
                _, files = self._build()
                return target.publish(files, progress, message=message)

    def _target(self) -> PublishTarget:
        kind = self.publish_kind
        assert kind is not None
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(said.SETTINGS.format(problem=problems[0]))
        settings = {k: v for k, v in self.config.settings.items() if isinstance(v, str)}
        try:
            return publish_targets.build_target(kind, settings, self._secret, self.context.home)
        except publish_targets.TargetUnavailable as exc:
            raise Permanent(f"{exc}.") from exc

    def _secret(self, key: str) -> str | None:
        """A secret of this channel from the keyring; None when it was never set."""
        from statusdesk.secrets import SecretsUnavailable

        if key not in self.config.settings.get("secret_keys", []):
            return None
        if self.context.secrets is None:
            raise Permanent("this process has no access to the keyring.")
        try:
            return self.context.secrets.get(self.config.name, key) or None
        except SecretsUnavailable as exc:
            raise Permanent(f"cannot read its {key}. {exc}") from exc

    @contextmanager
    def _named_errors(self) -> Iterator[None]:
        """A target's error with this channel's name in it: said first, and for the NAME in the
        commands the target's message gives."""
        try:
            yield
        except ChannelError as exc:
            raise _named(exc, self.config.name) from exc.__cause__

    @property
    def test(self) -> Callable[[], str] | None:
        """`statusdesk channel test NAME`: a channel that publishes checks its target's
        credentials and write access; a page kept on this disk has nothing to test (None)."""
        return None if self.publish_kind is None else self._test

    def _test(self) -> str:
        with self._named_errors():
            return f"{self.config.name}: {self._target().test()}"

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        # A rebuild writes the whole site from the workspace, so doing it again is harmless:
        # "not known to have landed" is always safe to resend.
        return None


def _named(error: ChannelError, name: str) -> ChannelError:
    cause = error.cause.replace("channel secret NAME", f"channel secret {name}")
    cause = cause.replace("channel edit NAME", f"channel edit {name}")
    if not cause.startswith(f"{name}:"):
        cause = said.NAMED.format(channel=name, problem=cause)
    if isinstance(error, Transient):
        return Transient(cause, error.retry_after, then=error.then)
    if isinstance(error, Ambiguous):
        return Ambiguous(cause, then=error.then)
    return Permanent(cause, then=error.then)


@contextmanager
def publish_lock(home: Path, location: str) -> Iterator[None]:
    """One publish at a time to a target: two interleaved publishes could leave a manifest that
    names one build's bytes and objects that hold the other's."""
    with _PUBLISH_LOCKS_GUARD:
        lock = _PUBLISH_LOCKS.setdefault(location, threading.Lock())
    name = hashlib.sha256(location.encode()).hexdigest()[:16]
    with lock, open(home / f".publish-{name}.lock", "a", opener=private.opener) as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        yield


@contextmanager
def site_build_lock(home: Path) -> Iterator[None]:
    """The one lock every build of the page holds from its read to its swap: this process's,
    and the workspace's file lock for the others (SiteChannel.send, `site build`, a settings
    change). The lock file is private like every other file of the workspace."""
    with _BUILD_LOCK, open(home / ".site.lock", "a", opener=private.opener) as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        yield
