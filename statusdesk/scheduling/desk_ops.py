"""Issue #5's use cases on the Desk: scheduling, templates, maintenance windows, firing due
updates and a person's actions on an update not yet out.

A mixin of `statusdesk.desk.Desk` (kept apart so desk.py stays the composition root it is):
the GUI and the CLI call these as Desk methods. What it needs of the Desk — its store, clock,
dispatcher, channel checks — is declared below and provided by Desk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk.clock import Clock
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
    Update,
    blocking,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.text.sanitize import normalize
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.core.validation import title_problems
from statusdesk.delivery.dispatcher import Dispatcher
from statusdesk.delivery.outbox import (
    LeftOut,
    Published,
    publish_planned,
    publish_update,
    refresh_promise,
    schedule_update,
)
from statusdesk.scheduling import actions
from statusdesk.scheduling.due import GRACE_SETTING, DueReport, fire_due, grace_from
from statusdesk.scheduling.maintenance import (
    Announcement,
    plan_maintenance,
)
from statusdesk.scheduling.promise import (
    DEFAULT_CADENCE_MIN,
    PromiseStatus,
    cadence_problem,
    promise_status,
)
from statusdesk.store import Store

if TYPE_CHECKING:
    from statusdesk.scheduling.templates import Filled, Template


def _rejected(problems: list[Problem]) -> Exception:
    from statusdesk.desk import Rejected  # the Desk's own error; desk.py imports this module

    return Rejected(problems)


def _clean(text: str) -> str:
    return normalize(text).strip()  # as the Desk cleans what people type


def clean_text(text: BilingualText) -> BilingualText:
    return BilingualText(_clean(text.en), _clean(text.ar))


@dataclass(frozen=True)
class MaintenanceOpened:
    """A maintenance and its announcements: the first (published now, or scheduled with
    `announce_at`), then the reminder, the start and the end, each scheduled."""

    incident_id: int
    announcements: list[tuple[Announcement, Published]]
    warnings: list[Problem]


class SchedulingOps:
    """Mixed into Desk; see the module's docstring."""

    # -- provided by Desk -------------------------------------------------------------------------

    clock: Clock
    dispatcher: Dispatcher
    owner: str

    @property
    def store(self) -> Store:
        raise NotImplementedError

    @property
    def home(self) -> Path:
        raise NotImplementedError

    def now(self) -> str:
        raise NotImplementedError

    def channel_configs(self, names: Sequence[str] | None = None) -> list[ChannelConfig]:
        raise NotImplementedError

    def check_draft(
        self, draft: Draft, channels: Sequence[ChannelConfig], incident: Incident
    ) -> list[Problem]:
        raise NotImplementedError

    def _provisional_incident(
        self,
        title: BilingualText,
        kind: IncidentKind,
        *,
        incident_id: int = 0,
        cadence_min: int = DEFAULT_CADENCE_MIN,
        started_at: str | None = None,
        window_start: str | None = None,
        window_end: str | None = None,
    ) -> Incident:
        raise NotImplementedError

    def _overrides(self, draft: Draft, channels: Sequence[ChannelConfig]) -> dict[int, str]:
        raise NotImplementedError

    def _who(self) -> str:
        raise NotImplementedError

    def left_out(
        self, channels: Sequence[ChannelConfig], skip_reason: str | None, by: str
    ) -> tuple[LeftOut, list[Problem]]:
        raise NotImplementedError

    # -- scheduling -------------------------------------------------------------------------------

    def _timing_problems(self, at: datetime | None, cadence_min: int) -> list[Problem]:
        problems = []
        if at is not None and at <= self.clock.now():
            problems.append(
                Problem("at", f"{iso(at)} has passed; give a later time, or publish now.")
            )
        message = cadence_problem(cadence_min)
        if message:
            problems.append(Problem("cadence_min", message[0].upper() + message[1:] + "."))
        return problems

    def setting(self, key: str) -> str | None:
        return self.store.settings.setting(key)

    def set_setting(self, key: str, value: str | None, by: str = "") -> None:
        self.store.settings.set_setting(key, value, self.now(), by or self._who())

    def grace(self) -> timedelta:
        """How late a scheduled update may be and still go out by itself."""
        return grace_from(self.store.settings.setting(GRACE_SETTING))

    def remind_minutes(self) -> int:
        """The default maintenance reminder (minutes before the window starts)."""
        from statusdesk import settings

        return settings.remind_minutes(self.store.settings)

    def templates(self) -> dict[str, Template]:
        """The default templates, with the workspace's own (<home>/templates/*.json) over them."""
        from statusdesk.scheduling.templates import TemplateError, load_templates

        try:
            return load_templates([self.home / "templates"])
        except TemplateError as exc:
            raise _rejected([Problem("template", str(exc))]) from exc

    def compose(
        self,
        template: str,
        incident: Incident,
        *,
        state: IncidentState | None = None,
        at: datetime | None = None,
        eta: datetime | None = None,
        component_names: Sequence[str] = (),
        next_scheduled: datetime | None = None,
    ) -> Filled:
        """A template filled for an update of `incident` going out at `at` (default now): what
        the composer inserts (Ctrl+T). Problems name each placeholder left unfilled."""
        from statusdesk.scheduling.compose import template_context
        from statusdesk.scheduling.templates import Filled, render

        found = self.templates().get(template)
        if found is None:
            known = ", ".join(sorted(self.templates()))
            return Filled(
                BilingualText(),
                [Problem("template", f"There is no template {template!r}; known: {known}.")],
            )
        problems = []
        if found.kind is not incident.kind:
            problems.append(
                Problem(
                    "template",
                    f"The template {template!r} is written for a {found.kind.value}; this is a "
                    f"{incident.kind.value}.",
                )
            )
        context = template_context(
            self.store,
            incident,
            state=state or found.state,
            at=at or self.clock.now(),
            component_names=component_names,
            eta=eta,
            next_scheduled=next_scheduled,
        )
        filled = render(found, context)
        return Filled(filled.body, problems + filled.problems)

    def _templated(
        self,
        template: str,
        draft: Draft,
        incident: Incident,
        at: datetime | None,
        eta: datetime | None,
        *,
        next_scheduled: datetime | None = None,
    ) -> tuple[Draft, list[Problem]]:
        """The draft with the template filling the languages it leaves empty."""
        filled = self.compose(
            template,
            incident,
            state=draft.state,
            at=at,
            eta=eta,
            component_names=list(draft.component_status),
            next_scheduled=next_scheduled,
        )
        written = {lang for lang in ("en", "ar") if draft.body.get(lang)}
        body = BilingualText(draft.body.en or filled.body.en, draft.body.ar or filled.body.ar)
        problems = [p for p in filled.problems if p.field.removeprefix("body_") not in written]
        found = self.templates().get(template)
        if found is not None and found.state is not draft.state:
            problems.append(
                Problem(
                    "template",
                    f"The template {template!r} is written for {found.state.value}; this "
                    f"update's state is {draft.state.value}.",
                    Severity.WARNING,
                )
            )
        return replace(draft, body=body), problems

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
        now = self.clock.now()
        title = clean_text(title)
        components = dict(components or {})
        plan = plan_maintenance(
            now=now,
            window_start=window_start,
            window_end=window_end,
            remind_min=self.remind_minutes() if remind_min is None else remind_min,
            components=components,
            announce_at=announce_at,
        )
        channels = self.channel_configs(channel_names)
        left_out, problems = self.left_out(channels, skip_reason, author)
        problems += title_problems(title) + plan.problems
        problems += self._timing_problems(announce_at, cadence_min)
        incident = self._provisional_incident(
            title,
            IncidentKind.MAINTENANCE,
            incident_id=self.store.incidents.next_incident_id(),
            cadence_min=cadence_min,
            started_at=iso(window_start),
            window_start=iso(window_start),
            window_end=iso(window_end),
        )
        first_draft = Draft(
            body=clean_text(body or BilingualText()),
            state=IncidentState.SCHEDULED,
            impact=impact,
            author=author,
            overrides={k: _clean(v) for k, v in (overrides or {}).items()},
        )
        drafts, found = self._announcements(plan.announcements, incident, first_draft, channels)
        problems += found
        if blocking(problems):
            raise _rejected(blocking(problems))
        if not anyway:
            from statusdesk.desk import refuse_disagreements  # desk.py imports this module

            refuse_disagreements(problems, anyway)
        stamp = iso(now)
        ids = [c.id for c in channels]
        with self.store.transaction():
            incident_id = self.store.incidents.create_incident(
                title=title,
                kind=IncidentKind.MAINTENANCE,
                state=IncidentState.SCHEDULED,
                impact=impact,
                started_at=iso(window_start),
                now=stamp,
                cadence_min=cadence_min,
                window_start=iso(window_start),
                window_end=iso(window_end),
                actor=author,
            )
            if incident_id != incident.id:  # another process took the id: fill {incident_url}
                drafts, _ = self._announcements(
                    plan.announcements, replace(incident, id=incident_id), first_draft, channels
                )
            self.store.components.link_components(
                incident_id,
                [self.store.components.ensure_component(n, stamp).id for n in components],
            )
            done = []
            for announcement, draft in zip(plan.announcements, drafts, strict=True):
                overrides_ids = self._overrides(draft, channels)
                if announcement.at is None:
                    published = publish_update(
                        self.store,
                        incident_id=incident_id,
                        draft=draft,
                        channel_ids=ids,
                        now=stamp,
                        overrides=overrides_ids,
                        left_out=left_out,
                    )
                else:
                    published = schedule_update(
                        self.store,
                        incident_id=incident_id,
                        draft=draft,
                        channel_ids=ids,
                        now=stamp,
                        scheduled_for=iso(announcement.at),
                        overrides=overrides_ids,
                        left_out=left_out,
                    )
                done.append((announcement, published))
            refresh_promise(self.store, incident_id)
        if dispatch:
            self.dispatcher.submit(done[0][1].delivery_ids)
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
            draft, found = self._templated(
                announcement.template,
                base,
                replace(incident, state=announcement.state),
                announcement.at,
                None,
                next_scheduled=later[0] if later else None,
            )
            label = labels.get(announcement.template, announcement.template)
            found += self.check_draft(draft, channels, incident)
            when = iso(announcement.at) if announcement.at else "now"
            problems += [replace(p, message=f"{label} ({when}): {p.message}") for p in found]
            drafts.append(draft)
        return drafts, problems

    def fire_due(self, *, dispatch: bool = True) -> DueReport:
        """Publish the scheduled updates that fell due (within the grace window; later ones
        turn stale) and send their deliveries. Safe to call from any process at any time: each
        update goes out once, whoever calls first. What the runner and the GUI's timer call."""
        report = fire_due(self.store, self.clock.now(), self.grace(), self.owner)
        if dispatch and report.delivery_ids:
            self.dispatcher.submit(report.delivery_ids)
        return report

    def next_due(self) -> datetime | None:
        """When the soonest scheduled update falls due (for a timer; None when none is)."""
        at = self.store.schedule.next_scheduled_for()
        return parse_iso(at) if at else None

    def pending_updates(self, incident_id: int | None = None) -> list[Update]:
        """Scheduled and stale updates, soonest first: what `update list` shows."""
        return self.store.schedule.pending_updates(incident_id)

    def send_update(self, update_id: int, by: str = "", *, dispatch: bool = True) -> Published:
        """Publish a stale (or scheduled) update now, a person's decision."""
        from statusdesk.scheduling.actions import PENDING, explain

        published = publish_planned(
            self.store,
            update_id=update_id,
            now=self.now(),
            from_statuses=PENDING,
            actor=by or self._who(),
            trigger="send",
        )
        if published is None:
            raise _rejected([Problem("update", explain(self.store, update_id, "sent"))])
        if dispatch:
            self.dispatcher.submit(published.delivery_ids)
        return published

    def cancel_update(self, update_id: int, by: str = "") -> Update:
        """A scheduled (or stale) update will not go out."""
        return self._pending_action(
            lambda: actions.cancel(self.store, update_id, self.now(), by or self._who())
        )

    def discard_update(self, update_id: int, by: str = "") -> Update:
        """A stale (or scheduled) update is let go: it never goes out."""
        return self._pending_action(
            lambda: actions.cancel(
                self.store, update_id, self.now(), by or self._who(), discard=True
            )
        )

    def reschedule_update(self, update_id: int, at: datetime, by: str = "") -> Update:
        problems = self._timing_problems(at, DEFAULT_CADENCE_MIN)
        if problems:
            raise _rejected(problems)
        return self._pending_action(
            lambda: actions.reschedule(self.store, update_id, at, self.now(), by or self._who())
        )

    def edit_update(
        self,
        update_id: int,
        *,
        body: BilingualText | None = None,
        state: IncidentState | None = None,
        by: str = "",
        anyway: bool = True,
    ) -> Update:
        """New text (a language left empty in `body` keeps its text) or state for an update
        that has not gone out, checked against its channels as when it was written (and,
        without `anyway`, refused when its two languages then disagree)."""
        plan = self.store.schedule.update_plan(update_id)
        if plan is None:
            raise _rejected([Problem("update", actions.explain(self.store, update_id, "edited"))])
        update = plan.update
        given = clean_text(body or BilingualText())
        new_body = BilingualText(given.en or update.body.en, given.ar or update.body.ar)
        incident = self.store.incidents.incident(update.incident_id)
        assert incident is not None
        channels = [c for c in (self.store.channels.channel(i) for i in plan.channel_ids) if c]
        draft = Draft(body=new_body, state=state or update.state, author=by)
        checked = self.check_draft(draft, channels, incident)
        problems = blocking(checked)
        if problems:
            raise _rejected(problems)
        if not anyway:
            from statusdesk.desk import refuse_disagreements  # desk.py imports this module

            refuse_disagreements(checked, anyway)
        return self._pending_action(
            lambda: actions.edit(
                self.store, update_id, new_body, state, self.now(), by or self._who()
            )
        )

    @staticmethod
    def _pending_action(action: Callable[[], Update]) -> Update:
        try:
            return action()
        except actions.NotPending as exc:
            raise _rejected([Problem("update", str(exc))]) from exc

    def promise(self, incident: Incident) -> PromiseStatus:
        """The countdown to the incident's promised next update: seconds and colour."""
        return promise_status(incident.next_update_due, self.clock.now())
