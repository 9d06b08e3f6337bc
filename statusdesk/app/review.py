"""A second pair of eyes before publishing (issue #17).

With the workspace setting `review.required` on, a checked draft (publishing.py's `Checked`) is
not committed: `submit` stores everything needed to publish exactly that, as a review
`in_review`. Another person approves it — in one transaction the review is claimed (of two
reviewers racing, one wins) and the update is committed as submitted — or returns it with a
comment. The author cannot approve their own. With `review.waive` = critical, a critical update
goes out at once and is recorded as `waived`.

A draft is checked when it is submitted, exactly as publishing would check it: one with errors,
or with English/Arabic disagreements not accepted (`anyway`), is refused then, not at approval.
At approval it is checked again against the workspace as it is then (a channel removed in the
meantime refuses it, nothing changed), with the text as submitted.

An update submitted with a time (`--at`, the app's schedule key) keeps it: approving schedules
it for then — or, when that time has passed while it waited, publishes it at once (`fired_late`
says so). An update scheduled before review was turned on stays as it was: scheduling it was
already the decision to publish it (docs/TEAM.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from statusdesk.app.context import AppContext
from statusdesk.app.maintenance import Maintenance, MaintenanceOpened, MaintenanceRequest
from statusdesk.app.publishing import Checked, Publishing
from statusdesk.app.review_maintenance import (
    maintenance_request,
    maintenance_submission,
    refuse_if_rewritten,
)
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.errors import Rejected, refuse_disagreements
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
    Problem,
)
from statusdesk.core.model import blocking as blocking_of
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery.outbox import Published
from statusdesk.store.reviews import APPROVED, IN_REVIEW, RETURNED, WAIVED, Review


@dataclass(frozen=True)
class Submitted:
    """What submitting did: a review waiting (`published` None), or — review waived for a
    critical update — the review recorded as waived and the update `published`."""

    review: Review
    published: Published | None = None
    opened: MaintenanceOpened | None = None  # a maintenance window's, when waived


def _problem(field: str, message: str) -> Rejected:
    return Rejected([Problem(field, message)])


def _same_person(one: str, other: str) -> bool:
    return one.strip().casefold() == other.strip().casefold()


def submission(checked: Checked, *, anyway: bool) -> dict[str, Any]:
    """Everything needed to publish `checked` again exactly as it was submitted (JSON)."""
    draft = checked.draft
    return {
        "kind": "open" if checked.title is not None else "update",
        "incident_id": None if checked.title is not None else checked.incident.id,
        "title": None
        if checked.title is None
        else {"en": checked.title.en, "ar": checked.title.ar},
        "incident_kind": checked.kind.value,
        "impact": checked.impact.value,
        "cadence_min": checked.cadence_min,
        "window_start": checked.window_start,
        "window_end": checked.window_end,
        "started_at": checked.started_at,
        "scheduled_for": iso(checked.scheduled_for) if checked.scheduled_for else None,
        "draft": {
            "body": {"en": draft.body.en, "ar": draft.body.ar},
            "state": draft.state.value,
            "impact": draft.impact.value if draft.impact else None,
            "component_status": {k: v.value for k, v in draft.component_status.items()},
            "author": draft.author,
            "overrides": dict(draft.overrides),
        },
        "channels": [c.name for c in checked.channels],
        "skip_reason": checked.left_out.reason or None,
        "anyway": anyway,
        # A template filled {incident_url} with the id a new incident was going to get.
        "templated": checked.templated,
        "provisional_id": checked.incident.id if checked.title is not None else None,
    }


def fired_late(review: Review, published: Published) -> bool:
    """Whether an approved update submitted for a time went out at once, its time having passed
    while it waited for review."""
    return bool(review.submission.get("scheduled_for")) and published.scheduled_for is None


def _draft(data: dict[str, Any]) -> Draft:
    return Draft(
        body=BilingualText(data["body"]["en"], data["body"]["ar"]),
        state=IncidentState(data["state"]),
        impact=Impact(data["impact"]) if data.get("impact") else None,
        component_status={k: ComponentStatus(v) for k, v in data["component_status"].items()},
        author=str(data.get("author", "")),
        overrides=dict(data.get("overrides", {})),
    )


class Reviews:
    def __init__(
        self, ctx: AppContext, publishing: Publishing, settings: WorkspaceSettings
    ) -> None:
        self.ctx = ctx
        self.publishing = publishing
        self.settings = settings

    def required(self) -> bool:
        """Whether updates wait for review in this workspace (`review.required`)."""
        return self.settings.review_required()

    def who(self) -> str:
        """Who this desk decides as: the person at the keyboard (app/context.py)."""
        return self.ctx.who()

    @staticmethod
    def own(review: Review, reviewer: str) -> bool:
        """Whether `reviewer` wrote `review` (names compared whatever their case): their own
        approval is refused."""
        return _same_person(review.author, reviewer)

    def pending(self) -> list[Review]:
        """The updates waiting for review, oldest first."""
        return self.ctx.store.reviews.reviews((IN_REVIEW,))

    def every_review(self) -> list[Review]:
        """Every review, oldest first: waiting, approved, returned (with its comment), waived."""
        return self.ctx.store.reviews.reviews((IN_REVIEW, APPROVED, RETURNED, WAIVED))

    def review(self, review_id: int) -> Review | None:
        return self.ctx.store.reviews.review(review_id)

    def of_incident(self, incident_id: int) -> list[Review]:
        return self.ctx.store.reviews.reviews_of(incident_id)

    # -- submit ---------------------------------------------------------------------------------

    def submit(self, checked: Checked, *, anyway: bool, dispatch: bool = True) -> Submitted:
        """Submit a checked draft for review; refused (Rejected) as a publish would be. A
        critical one goes out at once when the waiver says so (recorded as waived)."""
        if checked.blocking:
            raise Rejected(checked.blocking)
        refuse_disagreements(checked.problems, anyway)
        store, now = self.ctx.store, self.ctx.now()
        kept = submission(checked, anyway=anyway)
        author = checked.draft.author
        if self._waived(checked):
            with store.transaction():
                published = self.publishing.commit(checked, anyway=anyway, dispatch=False)
                review_id = store.reviews.submit_review(
                    incident_id=published.incident_id,
                    submission=kept,
                    author=author,
                    now=now,
                    state=WAIVED,
                    update_id=published.update_id,
                )
            if dispatch:
                self.ctx.dispatcher.submit(published.delivery_ids)
            return Submitted(self._kept(review_id), published)
        review_id = store.reviews.submit_review(
            incident_id=kept["incident_id"], submission=kept, author=author, now=now
        )
        return Submitted(self._kept(review_id))

    @cached_property
    def _maintenance(self) -> Maintenance:
        publishing = self.publishing
        return Maintenance(self.ctx, publishing.checks, publishing.templating, self.settings)

    def submit_maintenance(
        self, request: MaintenanceRequest, *, anyway: bool, dispatch: bool = True
    ) -> Submitted:
        """Submit a maintenance window for review, checked as opening it would be (its
        announcements written from the templates and kept as written); refused as opening it
        would be. A critical one opens at once when the waiver says so (recorded as waived)."""
        checked = self._maintenance.check_maintenance(request)
        problems = list(checked.problems)
        if blocking_of(problems):
            raise Rejected(blocking_of(problems))
        refuse_disagreements(problems, anyway)
        store, now = self.ctx.store, self.ctx.now()
        kept = maintenance_submission(checked, anyway=anyway)
        critical = request.impact is Impact.CRITICAL
        if critical and self.settings.review_waived_for_critical():
            with store.transaction():
                opened = self._maintenance.commit_maintenance(checked, dispatch=False)
                first = opened.announcements[0][1]
                review_id = store.reviews.submit_review(
                    incident_id=opened.incident_id,
                    submission=kept,
                    author=request.author,
                    now=now,
                    state=WAIVED,
                    update_id=first.update_id,
                )
            if dispatch:
                self.ctx.dispatcher.submit(first.delivery_ids)
            return Submitted(self._kept(review_id), first, opened)
        review_id = store.reviews.submit_review(
            incident_id=None, submission=kept, author=request.author, now=now
        )
        return Submitted(self._kept(review_id))

    def _approve_maintenance(self, review: Review, reviewer: str, dispatch: bool) -> Published:
        """A maintenance window approved: opened as submitted (see review_maintenance.py);
        the first announcement's update is returned."""
        data = review.submission
        announce = data.get("scheduled_for")
        passed = bool(announce) and parse_iso(str(announce)) <= self.ctx.clock.now()
        checked = self._maintenance.check_maintenance(maintenance_request(data, passed))
        if blocking_of(list(checked.problems)):
            raise Rejected(blocking_of(list(checked.problems)))
        refuse_if_rewritten(data, checked)
        store = self.ctx.store
        with store.transaction():
            if not store.reviews.decide_review(
                review.id, state=APPROVED, reviewer=reviewer, now=self.ctx.now()
            ):
                raise self._decided_already(review.id)
            opened = self._maintenance.commit_maintenance(checked, dispatch=False)
            first = opened.announcements[0][1]
            store.reviews.link_review(
                review.id, incident_id=opened.incident_id, update_id=first.update_id
            )
        if dispatch:
            self.ctx.dispatcher.submit(first.delivery_ids)
        return first

    def _waived(self, checked: Checked) -> bool:
        impact = checked.impact if checked.title is not None else None
        impact = checked.draft.impact or impact or checked.incident.impact
        return impact is Impact.CRITICAL and self.settings.review_waived_for_critical()

    def _kept(self, review_id: int) -> Review:
        review = self.ctx.store.reviews.review(review_id)
        assert review is not None
        return review

    # -- decide ---------------------------------------------------------------------------------

    def approve(self, review_id: int, reviewer: str, *, dispatch: bool = True) -> Published:
        """Publish the update as submitted, approved by `reviewer` (not its author). Of two
        reviewers approving at once, one publishes it; the other is told it is done."""
        review = self._deciding(review_id, reviewer)
        if _same_person(review.author, reviewer):
            raise _problem(
                "reviewer",
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{reviewer} wrote update {id} for review and cannot approve it too: "
                    "another person must approve it (or return it).",
                ).format(reviewer=reviewer, id=review_id),
            )
        if review.submission.get("kind") == "maintenance":
            return self._approve_maintenance(review, reviewer, dispatch)
        checked = self._checked(review)
        store = self.ctx.store
        if checked.title is not None and review.submission.get("templated"):
            checked = self._as_templated(checked, int(review.submission["provisional_id"]))
        with store.transaction():
            if not store.reviews.decide_review(
                review_id, state=APPROVED, reviewer=reviewer, now=self.ctx.now()
            ):
                raise self._decided_already(review_id)
            published = self.publishing.commit(checked, anyway=True, dispatch=False)
            store.reviews.link_review(
                review_id, incident_id=published.incident_id, update_id=published.update_id
            )
        if dispatch:
            self.ctx.dispatcher.submit(published.delivery_ids)
        return published

    def return_(self, review_id: int, reviewer: str, comment: str) -> Review:
        """Send the update back to its author with `comment`; nothing is published. Its author
        may return it too (withdrawing it)."""
        self._deciding(review_id, reviewer)
        if not comment.strip():
            raise _problem(
                "comment",
                QT_TRANSLATE_NOOP(
                    "Problems", "Say why the update goes back to its author: the comment is empty."
                ),
            )
        decided = self.ctx.store.reviews.decide_review(
            review_id, state=RETURNED, reviewer=reviewer, now=self.ctx.now(), comment=comment
        )
        if not decided:
            raise self._decided_already(review_id)
        return self._kept(review_id)

    def _deciding(self, review_id: int, reviewer: str) -> Review:
        review = self.ctx.store.reviews.review(review_id)
        if review is None:
            raise _problem(
                "review",
                QT_TRANSLATE_NOOP("Problems", "There is no update {id} for review.").format(
                    id=review_id
                ),
            )
        if not reviewer.strip():
            raise _problem(
                "reviewer",
                QT_TRANSLATE_NOOP("Problems", "Say who decides on the update (its reviewer)."),
            )
        if review.state != IN_REVIEW:
            raise self._decided_already(review_id)
        return review

    def _decided_already(self, review_id: int) -> Rejected:
        review = self._kept(review_id)
        return _problem(
            "review",
            QT_TRANSLATE_NOOP(
                "Problems", "Update {id} for review is {state} already (by {reviewer})."
            ).format(id=review_id, state=review.state, reviewer=review.reviewer or "-"),
        )

    def _as_templated(self, checked: Checked, provisional_id: int) -> Checked:
        """A new incident whose text gives its own address: approved only while that number
        is still the next one (publishing's commit checks it again in its transaction)."""
        if self.ctx.store.incidents.next_incident_id() != provisional_id:
            raise _problem(
                "review",
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "Its text gives the new incident's address as incident {id}, and that "
                    "number has been taken since: return it, so that its author writes it "
                    "again.",
                ).format(id=provisional_id),
            )
        return replace(
            checked, incident=replace(checked.incident, id=provisional_id), templated=True
        )

    def _checked(self, review: Review) -> Checked:
        """The submission checked again, its text as submitted (a template was filled then)."""
        data = review.submission
        draft = _draft(data["draft"])
        scheduled = parse_iso(data["scheduled_for"]) if data.get("scheduled_for") else None
        if scheduled is not None and scheduled <= self.ctx.clock.now():
            scheduled = None  # its time passed while it waited: it goes out now (fired_late)
        if data["kind"] == "open":
            title = data["title"]
            return self.publishing.check_open(
                title=BilingualText(title["en"], title["ar"]),
                draft=draft,
                kind=IncidentKind(data["incident_kind"]),
                impact=Impact(data["impact"]),
                channel_names=data["channels"],
                cadence_min=data["cadence_min"],
                window_start=data["window_start"],
                window_end=data["window_end"],
                scheduled_for=scheduled,
                skip_reason=data["skip_reason"],
                started_at=parse_iso(data["started_at"]) if data.get("started_at") else None,
            )
        return self.publishing.check_update(
            int(data["incident_id"]),
            draft,
            channel_names=data["channels"],
            scheduled_for=scheduled,
            cadence_min=data["cadence_min"],
            skip_reason=data["skip_reason"],
        )
