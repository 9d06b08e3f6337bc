"""Publishing: a new incident with its first update, and a new update on an incident — now,
or stored to go out at a given time.

An attempt has two steps. `check_open` / `check_update` clean the draft, fill its template and
component text and check it once — the blocking problems and the English/Arabic disagreements
come from that one check. `commit` writes what was checked. The app shows the disagreements
between the two steps (publish anyway?) and commits the same `Checked`; the CLI does both at
once (`open_incident`, `post_update`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from statusdesk.app.checks import DraftChecks
from statusdesk.app.context import AppContext
from statusdesk.app.templating import Templating
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.cleaning import clean_draft, clean_text
from statusdesk.core.errors import Rejected, refuse_disagreements
from statusdesk.core.model import (
    BilingualText,
    Draft,
    Impact,
    Incident,
    IncidentKind,
    Problem,
    blocking,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.core.validation import title_problems
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery import outbox
from statusdesk.delivery.outbox import LeftOut, Published


@dataclass(frozen=True)
class Checked:
    """One draft as it would go out, and everything its one check found. `title` is set for a
    new incident (with `kind`, `impact`, the window), None for an update of `incident`."""

    draft: Draft
    channels: tuple[ChannelConfig, ...]
    left_out: LeftOut
    incident: Incident  # the real one, or the provisional one a new incident is checked as
    problems: tuple[Problem, ...]
    scheduled_for: datetime | None = None
    cadence_min: int | None = None  # a new cadence from now on (an update), the cadence (new)
    title: BilingualText | None = None
    kind: IncidentKind = IncidentKind.INCIDENT
    impact: Impact = Impact.NONE
    window_start: str | None = None
    window_end: str | None = None
    templated: bool = False
    started_at: str | None = None  # a new incident begun before now (backdated), else None

    @property
    def blocking(self) -> list[Problem]:
        return blocking(list(self.problems))


class Publishing:
    def __init__(
        self,
        ctx: AppContext,
        checks: DraftChecks,
        templating: Templating,
        settings: WorkspaceSettings,
    ) -> None:
        self.ctx = ctx
        self.checks = checks
        self.templating = templating
        self.settings = settings

    # -- the one-step use cases (the CLI) ---------------------------------------------------------

    def open_incident(
        self,
        *,
        title: BilingualText,
        draft: Draft,
        kind: IncidentKind = IncidentKind.INCIDENT,
        impact: Impact = Impact.NONE,
        channel_names: Sequence[str] | None = None,
        cadence_min: int | None = None,
        window_start: str | None = None,
        window_end: str | None = None,
        dispatch: bool = True,
        scheduled_for: datetime | None = None,
        template: str | None = None,
        eta: datetime | None = None,
        anyway: bool = True,
        skip_reason: str | None = None,
        started_at: datetime | None = None,
    ) -> Published:
        """A new incident with its first update: published now, or (`scheduled_for`) stored to
        go out then. `started_at`: when it really began (backdating), not after now nor after
        its first update. `template` fills the languages the draft leaves empty. `cadence_min`:
        default, the workspace's setting incident.cadence_minutes. Without `anyway`,
        English/Arabic disagreements refuse it. Enabled channels left out of `channel_names`
        need `skip_reason` and get a `skipped` delivery with it."""
        checked = self.check_open(
            title=title,
            draft=draft,
            kind=kind,
            impact=impact,
            channel_names=channel_names,
            cadence_min=cadence_min,
            window_start=window_start,
            window_end=window_end,
            scheduled_for=scheduled_for,
            template=template,
            eta=eta,
            skip_reason=skip_reason,
            started_at=started_at,
        )
        return self.commit(checked, anyway=anyway, dispatch=dispatch)

    def post_update(
        self,
        incident_id: int,
        draft: Draft,
        *,
        channel_names: Sequence[str] | None = None,
        dispatch: bool = True,
        scheduled_for: datetime | None = None,
        template: str | None = None,
        eta: datetime | None = None,
        cadence_min: int | None = None,
        anyway: bool = True,
        skip_reason: str | None = None,
    ) -> Published:
        """A new update on an incident: published now, or (`scheduled_for`) stored to go out
        then. `cadence_min` changes the incident's next-update cadence from now on. Without
        `anyway`, English/Arabic disagreements refuse it. Enabled channels left out of
        `channel_names` need `skip_reason` (see open_incident)."""
        checked = self.check_update(
            incident_id,
            draft,
            channel_names=channel_names,
            scheduled_for=scheduled_for,
            template=template,
            eta=eta,
            cadence_min=cadence_min,
            skip_reason=skip_reason,
        )
        return self.commit(checked, anyway=anyway, dispatch=dispatch)

    # -- step one: check ------------------------------------------------------------------------

    def check_open(
        self,
        *,
        title: BilingualText,
        draft: Draft,
        kind: IncidentKind = IncidentKind.INCIDENT,
        impact: Impact = Impact.NONE,
        channel_names: Sequence[str] | None = None,
        cadence_min: int | None = None,
        window_start: str | None = None,
        window_end: str | None = None,
        scheduled_for: datetime | None = None,
        template: str | None = None,
        eta: datetime | None = None,
        skip_reason: str | None = None,
        started_at: datetime | None = None,
    ) -> Checked:
        """A new incident's first update, cleaned and checked once (see open_incident)."""
        if cadence_min is None:
            cadence_min = self.settings.default_cadence()
        title = clean_text(title)
        began = iso(started_at) if started_at is not None else None
        provisional = self.checks.provisional_incident(
            title,
            kind,
            incident_id=self.ctx.store.incidents.next_incident_id() if template else 0,
            cadence_min=cadence_min,
            started_at=began,
            window_start=window_start,
            window_end=window_end,
        )
        draft, channels, left_out, problems = self._check(
            draft,
            provisional,
            channel_names=channel_names,
            skip_reason=skip_reason,
            scheduled_for=scheduled_for,
            template=template,
            eta=eta,
            first=[
                *title_problems(title),
                *self.checks.started_problems(started_at, scheduled_for, window_start),
            ],
        )
        return Checked(
            draft=draft,
            channels=tuple(channels),
            left_out=left_out,
            incident=provisional,
            problems=tuple(problems),
            scheduled_for=scheduled_for,
            cadence_min=cadence_min,
            title=title,
            kind=kind,
            impact=draft.impact or impact,
            window_start=window_start,
            window_end=window_end,
            templated=bool(template),
            started_at=began,
        )

    def check_update(
        self,
        incident_id: int,
        draft: Draft,
        *,
        channel_names: Sequence[str] | None = None,
        scheduled_for: datetime | None = None,
        template: str | None = None,
        eta: datetime | None = None,
        cadence_min: int | None = None,
        skip_reason: str | None = None,
    ) -> Checked:
        """A new update of an incident, cleaned and checked once (see post_update)."""
        incident = self.ctx.store.incidents.incident(incident_id)
        if incident is None:
            raise Rejected(
                [
                    Problem(
                        "incident",
                        QT_TRANSLATE_NOOP("Problems", "There is no incident {id}.").format(
                            id=incident_id
                        ),
                    )
                ]
            )
        if cadence_min is not None:
            incident = replace(incident, cadence_min=cadence_min)
        draft, channels, left_out, problems = self._check(
            draft,
            incident,
            channel_names=channel_names,
            skip_reason=skip_reason,
            scheduled_for=scheduled_for,
            template=template,
            eta=eta,
        )
        return Checked(
            draft=draft,
            channels=tuple(channels),
            left_out=left_out,
            incident=incident,
            problems=tuple(problems),
            scheduled_for=scheduled_for,
            cadence_min=cadence_min,
        )

    def _check(
        self,
        draft: Draft,
        incident: Incident,
        *,
        channel_names: Sequence[str] | None,
        skip_reason: str | None,
        scheduled_for: datetime | None,
        template: str | None,
        eta: datetime | None,
        first: Sequence[Problem] = (),
    ) -> tuple[Draft, list[ChannelConfig], LeftOut, list[Problem]]:
        """The one check both kinds of update share: the draft cleaned, its channels and who
        they leave out, the template filled, the component text added, and every problem in
        the order they are shown (who is left out, `first`, the timing, the template's, the
        draft's and each channel's)."""
        draft = clean_draft(draft)
        channels = self.checks.channel_configs(channel_names)
        left_out, problems = self.checks.left_out(channels, skip_reason, draft.author)
        problems += [*first, *self.checks.timing_problems(scheduled_for, incident.cadence_min)]
        if template:
            draft, found = self.templating.templated(template, draft, incident, scheduled_for, eta)
            problems += found
        draft = self.checks.with_component_text(draft)
        problems += self.checks.check_ready(draft, channels, incident)
        return draft, channels, left_out, problems

    # -- step two: commit -----------------------------------------------------------------------

    def commit(self, checked: Checked, *, anyway: bool = True, dispatch: bool = True) -> Published:
        """Write what `checked` checked, unless its check found an error (Rejected) or, without
        `anyway`, a disagreement. The channels are read again inside the transaction: one
        edited, disabled or removed since the check makes the whole attempt check again."""
        if checked.blocking:
            raise Rejected(checked.blocking)
        refuse_disagreements(checked.problems, anyway)
        store = self.ctx.store
        with store.transaction():
            if not self._channels_unchanged(checked):
                checked = self._checked_again(checked)
                if checked.blocking:
                    raise Rejected(checked.blocking)
            published = self._open(checked) if checked.title is not None else self._post(checked)
        if dispatch:
            self.ctx.dispatcher.submit(published.delivery_ids)
        return published

    def _channels_unchanged(self, checked: Checked) -> bool:
        # One read of every channel, removed ones too (one removed since is a change): on a
        # team desk each read is a round trip to the server, inside the writers' lock.
        every = {c.id: c for c in self.ctx.store.channels.channels(include_removed=True)}
        now = [every.get(c.id) for c in checked.channels]
        enabled_then = {c.id for c in checked.channels} | set(checked.left_out.channel_ids)
        enabled_now = {c.id for c in every.values() if c.enabled and c.removed_at is None}
        # A channel enabled since the check is left out without a reason: check again, so
        # that it is asked for (never narrowed by accident).
        return now == list(checked.channels) and enabled_now <= enabled_then

    def _checked_again(self, checked: Checked) -> Checked:
        """The same draft checked against the channels as they are now (names kept)."""
        names = [c.name for c in checked.channels]
        reason = checked.left_out.reason or None
        if checked.title is not None:
            again = self.check_open(
                title=checked.title,
                draft=checked.draft,
                kind=checked.kind,
                impact=checked.impact,
                channel_names=names,
                cadence_min=checked.cadence_min,
                window_start=checked.window_start,
                window_end=checked.window_end,
                scheduled_for=checked.scheduled_for,
                skip_reason=reason,
                started_at=parse_iso(checked.started_at) if checked.started_at else None,
            )
            # Still checked as the incident it was going to be ({incident_url} was filled).
            return replace(again, incident=checked.incident, templated=checked.templated)
        return self.check_update(
            checked.incident.id,
            checked.draft,
            channel_names=names,
            scheduled_for=checked.scheduled_for,
            cadence_min=checked.cadence_min,
            skip_reason=reason,
        )

    def _open(self, checked: Checked) -> Published:
        assert checked.title is not None and checked.cadence_min is not None
        store = self.ctx.store
        draft, channels = checked.draft, checked.channels
        published = outbox.open_incident(
            store,
            title=checked.title,
            kind=checked.kind,
            impact=checked.impact,
            draft=draft,
            channel_ids=[c.id for c in channels],
            now=self.ctx.now(),
            started_at=checked.started_at,
            cadence_min=checked.cadence_min,
            window_start=checked.window_start,
            window_end=checked.window_end,
            overrides=self.checks.overrides_by_id(draft, channels),
            scheduled_for=iso(checked.scheduled_for) if checked.scheduled_for else None,
            left_out=checked.left_out,
        )
        if checked.templated and published.incident_id != checked.incident.id:
            # {incident_url} was filled with the id it was going to get; another process
            # took that id in the meantime. Rolled back: nothing is half-done.
            raise Rejected(
                [
                    Problem(
                        "incident",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "Another incident was opened at the same moment; open this one "
                            "again (nothing was recorded).",
                        ),
                    )
                ]
            )
        return published

    def _post(self, checked: Checked) -> Published:
        store = self.ctx.store
        incident_id, draft, channels = checked.incident.id, checked.draft, checked.channels
        now = self.ctx.now()
        overrides = self.checks.overrides_by_id(draft, channels)
        if checked.cadence_min is not None:
            store.schedule.set_cadence(incident_id, checked.cadence_min, now, draft.author)
        # The outbox renews the incident's promise inside this transaction (once).
        if checked.scheduled_for is not None:
            return outbox.schedule_update(
                store,
                incident_id=incident_id,
                draft=draft,
                channel_ids=[c.id for c in channels],
                now=now,
                scheduled_for=iso(checked.scheduled_for),
                overrides=overrides,
                left_out=checked.left_out,
            )
        return outbox.publish_update(
            store,
            incident_id=incident_id,
            draft=draft,
            channel_ids=[c.id for c in channels],
            now=now,
            overrides=overrides,
            left_out=checked.left_out,
        )
