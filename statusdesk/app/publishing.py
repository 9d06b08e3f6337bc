"""Publishing: a new incident with its first update, and a new update on an incident — now,
or stored to go out at a given time. Each attempt cleans the draft, checks it once and
reuses that result for both the blocking problems and the disagreements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from statusdesk.app.checks import DraftChecks
from statusdesk.app.context import AppContext
from statusdesk.app.templating import Templating
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.cleaning import clean_draft, clean_text
from statusdesk.core.errors import Rejected, refuse_disagreements
from statusdesk.core.model import BilingualText, Draft, Impact, IncidentKind, Problem, blocking
from statusdesk.core.timefmt import iso
from statusdesk.core.validation import title_problems
from statusdesk.delivery import outbox
from statusdesk.delivery.outbox import Published


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
    ) -> Published:
        """A new incident with its first update: published now, or (`scheduled_for`) stored to
        go out then. `template` fills the languages the draft leaves empty. `cadence_min`:
        default, the workspace's setting incident.cadence_minutes. Without `anyway`,
        English/Arabic disagreements refuse it. Enabled channels left out of `channel_names`
        need `skip_reason` and get a `skipped` delivery with it."""
        store = self.ctx.store
        if cadence_min is None:
            cadence_min = self.settings.default_cadence()
        title = clean_text(title)
        draft = clean_draft(draft)
        channels = self.checks.channel_configs(channel_names)
        left_out, problems = self.checks.left_out(channels, skip_reason, draft.author)
        problems += title_problems(title) + self.checks.timing_problems(scheduled_for, cadence_min)
        provisional = self.checks.provisional_incident(
            title,
            kind,
            incident_id=store.next_incident_id() if template else 0,
            cadence_min=cadence_min,
            window_start=window_start,
            window_end=window_end,
        )
        if template:
            draft, found = self.templating.templated(
                template, draft, provisional, scheduled_for, eta
            )
            problems += found
        draft = self.checks.with_component_text(draft)
        problems += self.checks.check_ready(draft, channels, provisional)
        if blocking(problems):
            raise Rejected(blocking(problems))
        refuse_disagreements(problems, anyway)
        with store.transaction():
            published = outbox.open_incident(
                store,
                title=title,
                kind=kind,
                impact=draft.impact or impact,
                draft=draft,
                channel_ids=[c.id for c in channels],
                now=self.ctx.now(),
                cadence_min=cadence_min,
                window_start=window_start,
                window_end=window_end,
                overrides=self.checks.overrides_by_id(draft, channels),
                scheduled_for=iso(scheduled_for) if scheduled_for else None,
                left_out=left_out,
            )
            if template and published.incident_id != provisional.id:
                # {incident_url} was filled with the id it was going to get; another process
                # took that id in the meantime. Rolled back: nothing is half-done.
                raise Rejected(
                    [
                        Problem(
                            "incident",
                            "Another incident was opened at the same moment; open this one "
                            "again (nothing was recorded).",
                        )
                    ]
                )
        if dispatch:
            self.ctx.dispatcher.submit(published.delivery_ids)
        return published

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
        store = self.ctx.store
        incident = store.incident(incident_id)
        if incident is None:
            raise Rejected([Problem("incident", f"There is no incident {incident_id}.")])
        if cadence_min is not None:
            incident = replace(incident, cadence_min=cadence_min)
        draft = clean_draft(draft)
        channels = self.checks.channel_configs(channel_names)
        left_out, problems = self.checks.left_out(channels, skip_reason, draft.author)
        problems += self.checks.timing_problems(scheduled_for, incident.cadence_min)
        if template:
            draft, found = self.templating.templated(template, draft, incident, scheduled_for, eta)
            problems += found
        draft = self.checks.with_component_text(draft)
        checked = problems + self.checks.check_ready(draft, channels, incident)
        if blocking(checked):
            raise Rejected(blocking(checked))
        refuse_disagreements(checked, anyway)
        now = self.ctx.now()
        overrides = self.checks.overrides_by_id(draft, channels)
        # The outbox renews the incident's promise inside the same transaction (once).
        with store.transaction():
            if cadence_min is not None:
                store.set_cadence(incident_id, cadence_min, now, draft.author)
            if scheduled_for is not None:
                published = outbox.schedule_update(
                    store,
                    incident_id=incident_id,
                    draft=draft,
                    channel_ids=[c.id for c in channels],
                    now=now,
                    scheduled_for=iso(scheduled_for),
                    overrides=overrides,
                    left_out=left_out,
                )
            else:
                published = outbox.publish_update(
                    store,
                    incident_id=incident_id,
                    draft=draft,
                    channel_ids=[c.id for c in channels],
                    now=now,
                    overrides=overrides,
                    left_out=left_out,
                )
        if dispatch:
            self.ctx.dispatcher.submit(published.delivery_ids)
        return published
