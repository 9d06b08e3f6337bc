"""A maintenance window that announces itself: the first announcement now (or at a time),
a reminder before the start, the start and the end — each from its template, each checked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from statusdesk.app.checks import DraftChecks
from statusdesk.app.context import AppContext
from statusdesk.app.templating import Templating
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.cleaning import clean_text
from statusdesk.core.errors import Rejected, refuse_disagreements
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Problem,
    Severity,
    blocking,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.promise import DEFAULT_CADENCE_MIN
from statusdesk.core.text.sanitize import clean
from statusdesk.core.timefmt import iso
from statusdesk.core.validation import title_problems
from statusdesk.delivery.outbox import LeftOut, Published, publish_update, schedule_update
from statusdesk.scheduling.maintenance import Announcement, plan_maintenance


@dataclass(frozen=True)
class MaintenanceRequest:
    """What a maintenance with a window is opened from (kept as it is by a review, issue #17:
    review_maintenance.py)."""

    title: BilingualText
    window_start: datetime
    window_end: datetime
    channel_names: tuple[str, ...] | None
    components: dict[str, ComponentStatus]
    impact: Impact
    remind_min: int
    cadence_min: int
    author: str
    body: BilingualText
    overrides: dict[str, str]
    announce_at: datetime | None
    skip_reason: str | None


@dataclass(frozen=True)
class MaintenanceChecked:
    """A maintenance's announcements, written and checked once (check_maintenance)."""

    request: MaintenanceRequest
    announcements: tuple[Announcement, ...]
    drafts: tuple[Draft, ...]
    first_draft: Draft
    channels: tuple[ChannelConfig, ...]
    left_out: LeftOut
    incident: Incident
    problems: tuple[Problem, ...]
    now: datetime


@dataclass(frozen=True)
class MaintenanceOpened:
    """A maintenance and its announcements: the first (published now, or scheduled with
    `announce_at`), then the reminder, the start and the end, each scheduled."""

    incident_id: int
    announcements: list[tuple[Announcement, Published]]
    warnings: list[Problem]


class Maintenance:
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

    def open_maintenance(
        self,
        *,
        title: BilingualText,
        window_start: datetime,
        window_end: datetime,
        channel_names: Sequence[str] | None = None,
        components: Mapping[str, ComponentStatus] | None = None,
        impact: Impact = Impact.NONE,
        remind_min: int | None = None,
        cadence_min: int = DEFAULT_CADENCE_MIN,
        author: str = "",
        body: BilingualText | None = None,
        overrides: Mapping[str, str] | None = None,
        announce_at: datetime | None = None,
        dispatch: bool = True,
        anyway: bool = True,
        skip_reason: str | None = None,
    ) -> MaintenanceOpened:
        """A maintenance with a window that announces itself from the templates: now (or at
        `announce_at`), a reminder `remind_min` before the start, at the start and at the end.
        `body` replaces the first announcement's text per language given. Enabled channels
        left out of `channel_names` need `skip_reason`: each announcement skips them with it."""
        request = MaintenanceRequest(
            title=title,
            window_start=window_start,
            window_end=window_end,
            channel_names=tuple(channel_names) if channel_names is not None else None,
            components=dict(components or {}),
            impact=impact,
            remind_min=self.settings.remind_minutes() if remind_min is None else remind_min,
            cadence_min=cadence_min,
            author=author,
            body=body or BilingualText(),
            overrides=dict(overrides or {}),
            announce_at=announce_at,
            skip_reason=skip_reason,
        )
        checked = self.check_maintenance(request)
        return self.commit_maintenance(checked, anyway=anyway, dispatch=dispatch)

    def check_maintenance(self, request: MaintenanceRequest) -> MaintenanceChecked:
        """Every announcement of `request` written from its template and checked once, against
        the workspace and the clock as they are now; nothing is written."""
        now = self.ctx.clock.now()
        title = clean_text(request.title)
        components = dict(request.components)
        plan = plan_maintenance(
            now=now,
            window_start=request.window_start,
            window_end=request.window_end,
            remind_min=request.remind_min,
            components=components,
            announce_at=request.announce_at,
        )
        channels = self.checks.channel_configs(request.channel_names)
        left_out, problems = self.checks.left_out(channels, request.skip_reason, request.author)
        problems += title_problems(title) + plan.problems
        problems += self.checks.timing_problems(request.announce_at, request.cadence_min)
        incident = self.checks.provisional_incident(
            title,
            IncidentKind.MAINTENANCE,
            incident_id=self.ctx.store.incidents.next_incident_id(),
            cadence_min=request.cadence_min,
            started_at=iso(request.window_start),
            window_start=iso(request.window_start),
            window_end=iso(request.window_end),
        )
        first_draft = Draft(
            body=clean_text(request.body),
            state=IncidentState.SCHEDULED,
            impact=request.impact,
            author=request.author,
            overrides={k: clean(v) for k, v in request.overrides.items()},
        )
        drafts, found = self._announcements(plan.announcements, incident, first_draft, channels)
        return MaintenanceChecked(
            request=replace(request, title=title),
            announcements=tuple(plan.announcements),
            drafts=tuple(drafts),
            first_draft=first_draft,
            channels=tuple(channels),
            left_out=left_out,
            incident=incident,
            problems=tuple(problems + found),
            now=now,
        )

    def commit_maintenance(
        self, checked: MaintenanceChecked, *, anyway: bool = True, dispatch: bool = True
    ) -> MaintenanceOpened:
        """Write what `check_maintenance` checked, unless it found an error (Rejected) or,
        without `anyway`, a disagreement."""
        problems = list(checked.problems)
        if blocking(problems):
            raise Rejected(blocking(problems))
        if not anyway:
            refuse_disagreements(problems, anyway)
        request, channels, left_out = checked.request, checked.channels, checked.left_out
        announcements, drafts = list(checked.announcements), list(checked.drafts)
        stamp = iso(checked.now)
        ids = [c.id for c in channels]
        store = self.ctx.store
        with store.transaction():
            incident_id = store.incidents.create_incident(
                title=request.title,
                kind=IncidentKind.MAINTENANCE,
                state=IncidentState.SCHEDULED,
                impact=request.impact,
                started_at=iso(request.window_start),
                now=stamp,
                cadence_min=request.cadence_min,
                window_start=iso(request.window_start),
                window_end=iso(request.window_end),
                actor=request.author,
            )
            if incident_id != checked.incident.id:  # another took the id: fill {incident_url}
                drafts, _ = self._announcements(
                    announcements,
                    replace(checked.incident, id=incident_id),
                    checked.first_draft,
                    channels,
                )
            store.components.link_components(
                incident_id,
                [store.components.ensure_component(n, stamp).id for n in request.components],
            )
            done = []
            for announcement, draft in zip(announcements, drafts, strict=True):
                overrides_ids = self.checks.overrides_by_id(draft, channels)
                if announcement.at is None:
                    published = publish_update(
                        store,
                        incident_id=incident_id,
                        draft=draft,
                        channel_ids=ids,
                        now=stamp,
                        overrides=overrides_ids,
                        left_out=left_out,
                    )
                else:
                    published = schedule_update(
                        store,
                        incident_id=incident_id,
                        draft=draft,
                        channel_ids=ids,
                        now=stamp,
                        scheduled_for=iso(announcement.at),
                        overrides=overrides_ids,
                        left_out=left_out,
                    )
                done.append((announcement, published))
        if dispatch:
            self.ctx.dispatcher.submit(done[0][1].delivery_ids)
        warnings = [p for p in problems if p.severity is Severity.WARNING]
        return MaintenanceOpened(incident_id, done, warnings)

    def _announcements(
        self,
        announcements: Sequence[Announcement],
        incident: Incident,
        first: Draft,
        channels: Sequence[ChannelConfig],
    ) -> tuple[list[Draft], list[Problem]]:
        """Each announcement's draft from its template (the first one's languages given in
        `first` win), and every problem, each saying which announcement it is about."""
        labels = {
            "scheduled": "announcement",
            "reminder": "reminder",
            "in_progress": "start",
            "completed": "end",
        }
        drafts: list[Draft] = []
        problems: list[Problem] = []
        for index, announcement in enumerate(announcements):
            later = [a.at for a in announcements[index + 1 :] if a.at is not None]
            base = (
                first
                if index == 0
                else Draft(
                    body=BilingualText(),
                    state=announcement.state,
                    author=first.author,
                    component_status=announcement.component_status,
                )
            )
            draft, found = self.templating.templated(
                announcement.template,
                base,
                replace(incident, state=announcement.state),
                announcement.at,
                None,
                next_scheduled=later[0] if later else None,
            )
            label = labels.get(announcement.template, announcement.template)
            found += self.checks.check_draft(draft, channels, incident)
            when = iso(announcement.at) if announcement.at else "now"
            problems += [replace(p, message=f"{label} ({when}): {p.message}") for p in found]
            drafts.append(draft)
        return drafts, problems
