"""Scheduled updates: firing the ones that fell due (whoever calls first; each goes out
once), and a person's actions on an update not yet out — send now, cancel, discard,
reschedule, edit — with the countdown to an incident's promised next update."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from statusdesk.app.checks import DraftChecks
from statusdesk.app.context import AppContext
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.cleaning import clean_text
from statusdesk.core.errors import Rejected, refuse_disagreements
from statusdesk.core.model import (
    BilingualText,
    Draft,
    Incident,
    IncidentState,
    Problem,
    Update,
    blocking,
)
from statusdesk.core.promise import DEFAULT_CADENCE_MIN, PromiseStatus, promise_status
from statusdesk.core.timefmt import parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of
from statusdesk.delivery.outbox import Published, publish_planned
from statusdesk.scheduling import actions
from statusdesk.scheduling.due import DueReport, fire_due


class Scheduling:
    def __init__(self, ctx: AppContext, checks: DraftChecks, settings: WorkspaceSettings) -> None:
        self.ctx = ctx
        self.checks = checks
        self.settings = settings
        # What the last fire_due saw: the workspace's data_version before it read, and when
        # the soonest update still scheduled falls due (fire_due_wanted).
        self._looked: tuple[int, datetime | None] | None = None

    def fire_due(self, *, dispatch: bool = True) -> DueReport:
        """Publish the scheduled updates that fell due (within the grace window; later ones
        turn stale) and send their deliveries. Safe to call from any process at any time: each
        update goes out once, whoever calls first. What the runner and the GUI's timer call."""
        version = self.ctx.changes.version()  # before reading: a write meanwhile counts next time
        report = fire_due(
            self.ctx.store, self.ctx.clock.now(), self.settings.grace(), self.ctx.owner
        )
        if dispatch and report.delivery_ids:
            self.ctx.dispatcher.submit(report.delivery_ids)
        self._looked = (version, self.next_due())
        return report

    def fire_due_wanted(self) -> bool:
        """Whether fire_due could find anything now: it never ran, someone wrote to the
        workspace since it last read (another process, a thread of this one, fire_due itself),
        or the soonest update scheduled then has fallen due. No query: the GUI's once-a-second
        timer asks this first, so an idle desk reads nothing (issue #16)."""
        looked = self._looked
        if looked is None:
            return True
        version, soonest = looked
        if self.ctx.changes.version() != version:
            return True
        return soonest is not None and self.ctx.clock.now() >= soonest

    def next_due(self) -> datetime | None:
        """When the soonest scheduled update falls due (for a timer; None when none is)."""
        at = self.ctx.store.schedule.next_scheduled_for()
        return parse_iso(at) if at else None

    def pending_updates(self, incident_id: int | None = None) -> list[Update]:
        """Scheduled and stale updates, soonest first: what `update list` shows."""
        return self.ctx.store.schedule.pending_updates(incident_id)

    def send_update(self, update_id: int, by: str = "", *, dispatch: bool = True) -> Published:
        """Publish a stale (or scheduled) update now, a person's decision."""
        published = publish_planned(
            self.ctx.store,
            update_id=update_id,
            now=self.ctx.now(),
            from_statuses=actions.PENDING,
            actor=self.ctx.who(by),
            trigger="send",
        )
        if published is None:
            raise Rejected([Problem("update", actions.explain(self.ctx.store, update_id, "sent"))])
        if dispatch:
            self.ctx.dispatcher.submit(published.delivery_ids)
        return published

    def cancel_update(self, update_id: int, by: str = "") -> Update:
        """A scheduled (or stale) update will not go out."""
        return self._pending_action(
            lambda: actions.cancel(self.ctx.store, update_id, self.ctx.now(), self.ctx.who(by))
        )

    def discard_update(self, update_id: int, by: str = "") -> Update:
        """A stale (or scheduled) update is let go: it never goes out."""
        return self._pending_action(
            lambda: actions.cancel(
                self.ctx.store, update_id, self.ctx.now(), self.ctx.who(by), discard=True
            )
        )

    def reschedule_update(self, update_id: int, at: datetime, by: str = "") -> Update:
        problems = self.checks.timing_problems(at, DEFAULT_CADENCE_MIN)
        if problems:
            raise Rejected(problems)
        return self._pending_action(
            lambda: actions.reschedule(
                self.ctx.store, update_id, at, self.ctx.now(), self.ctx.who(by)
            )
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
        without `anyway`, refused when its two languages then disagree). Refused while
        `review.required` is on: new words go out only once another person approves them
        (issue #17; moving, sending or cancelling it is still anyone's)."""
        if self.settings.review_required():
            raise Rejected(
                [
                    Problem(
                        "review",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "Review is on in this workspace (setting review.required): an "
                            "update not yet out cannot be given new words without another "
                            "person's approval. Cancel it and submit the new text for review; "
                            "nothing was changed.",
                        ),
                    )
                ]
            )
        plan = self.ctx.store.schedule.update_plan(update_id)
        if plan is None:
            raise Rejected(
                [Problem("update", actions.explain(self.ctx.store, update_id, "edited"))]
            )
        update = plan.update
        given = clean_text(body or BilingualText())
        new_body = BilingualText(given.en or update.body.en, given.ar or update.body.ar)
        incident = self.ctx.store.incidents.incident(update.incident_id)
        assert incident is not None
        channels = [c for c in (self.ctx.store.channels.channel(i) for i in plan.channel_ids) if c]
        draft = Draft(body=new_body, state=state or update.state, author=by)
        checked = self.checks.check_draft(draft, channels, incident)
        problems = blocking(checked)
        if problems:
            raise Rejected(problems)
        if not anyway:
            refuse_disagreements(checked, anyway)
        return self._pending_action(
            lambda: actions.edit(
                self.ctx.store, update_id, new_body, state, self.ctx.now(), self.ctx.who(by)
            )
        )

    @staticmethod
    def _pending_action(action: Callable[[], Update]) -> Update:
        try:
            return action()
        except actions.NotPending as exc:
            raise Rejected([Problem("update", message_of(exc))]) from exc

    def promise(self, incident: Incident) -> PromiseStatus:
        """The countdown to the incident's promised next update: seconds and colour."""
        return promise_status(incident.next_update_due, self.ctx.clock.now())
