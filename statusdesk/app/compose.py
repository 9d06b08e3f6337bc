"""What the composer asks of the workspace, run on the app's task runner: check a draft as it
stands (while typing), and publish it — in two steps over one check, so the app can ask
"publish anyway?" between them — then read the view that shows it. The composer hands over a
`DraftSnapshot` (immutable, copied on the GUI thread), so the worker never reads a widget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from statusdesk.app.checks import NO_CHANNEL, DraftChecks
from statusdesk.app.context import AppContext
from statusdesk.app.draft_snapshot import DraftSnapshot as DraftSnapshot
from statusdesk.app.publishing import Checked, Publishing
from statusdesk.app.read_models import ViewData, read_view
from statusdesk.app.views import Views
from statusdesk.core.cleaning import clean_text
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    Draft,
    Incident,
    Problem,
    blocking,
)
from statusdesk.core.validation import body_problems, title_problems
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery.outbox import Published

if TYPE_CHECKING:
    from statusdesk.app.review import Reviews
    from statusdesk.store.reviews import Review


@dataclass(frozen=True)
class PublishOutcome:
    """A publish and the view that shows it, read on the same worker thread: the window shows
    the new incident current in the list at once, without a query on the GUI thread."""

    published: Published
    view: ViewData


@dataclass(frozen=True)
class SubmittedOutcome:
    """A draft submitted for review (workspace setting review.required, issue #17): nothing
    was sent; `review` waits, `in_review`, for another person to approve or return it."""

    review: Review


class Composing:
    def __init__(
        self, ctx: AppContext, checks: DraftChecks, publishing: Publishing, views: Views
    ) -> None:
        self.ctx = ctx
        self.checks = checks
        self.publishing = publishing
        self.views = views

    @cached_property
    def reviews(self) -> Reviews:
        from statusdesk.app.review import Reviews
        from statusdesk.app.workspace_settings import WorkspaceSettings

        return Reviews(self.ctx, self.publishing, WorkspaceSettings(self.ctx))

    def check(self, snapshot: DraftSnapshot) -> list[Problem]:
        """Everything that would stop (or should give pause to) publishing this draft, as the
        composer lists it while the user writes.

        An empty draft has no problems to show yet: the "both bodies empty" message is for a
        publish attempt, not for a composer the user has not typed in.
        """
        problems: list[Problem] = []
        if snapshot.is_new_incident:
            if not snapshot.title.en and not snapshot.title.ar and not snapshot.body.languages():
                return []
            problems.extend(title_problems(clean_text(snapshot.title)))
            incident = self.provisional_incident(snapshot)
        else:
            if not snapshot.body.languages():
                return []
            assert snapshot.incident_id is not None
            found = self.views.incident(snapshot.incident_id)
            if found is None:
                return [
                    Problem(
                        "incident",
                        QT_TRANSLATE_NOOP("Problems", "Incident {id} no longer exists.").format(
                            id=snapshot.incident_id
                        ),
                    )
                ]
            incident = found
        draft = snapshot.draft()
        draft = Draft(
            clean_text(draft.body),
            draft.state,
            draft.impact,
            draft.component_status,
            overrides=draft.overrides,
        )
        try:
            # No ticked box means no channel here; the checks read "no names" as "all enabled".
            chosen = snapshot.channels
            channels = self.checks.channel_configs(chosen) if chosen else []
        except Rejected as rejected:
            return problems + rejected.problems
        problems.extend(self.checks.check_draft(draft, channels, incident))
        return problems

    def provisional_incident(self, snapshot: DraftSnapshot) -> Incident:
        """The incident a new-incident draft would create, for the channels' checks."""
        now = self.ctx.now()
        return Incident(
            id=0,
            title=clean_text(snapshot.title),
            kind=snapshot.kind,
            state=snapshot.state,
            impact=snapshot.impact,
            started_at=now,
            created_at=now,
            updated_at=now,
        )

    def prepare(self, snapshot: DraftSnapshot, scheduled_for: datetime | None = None) -> Checked:
        """A publish attempt's one check: what would go out and every problem it has (errors,
        the channels left out without a reason, the disagreements). Raises `Rejected` when the
        draft cannot even be checked (no channel ticked, the incident gone)."""
        if not snapshot.channels:
            # The checks read "no names" as "every enabled channel"; here no ticked box is none.
            problems = blocking(body_problems(clean_text(snapshot.body), []))
            problems.append(Problem("channels", NO_CHANNEL))
            raise Rejected(problems)
        if snapshot.is_new_incident:
            return self.publishing.check_open(
                title=snapshot.title,
                draft=snapshot.draft(),
                kind=snapshot.kind,
                impact=snapshot.impact,
                channel_names=snapshot.channels,
                scheduled_for=scheduled_for,
                skip_reason=snapshot.skip_reason or None,
            )
        assert snapshot.incident_id is not None
        return self.publishing.check_update(
            snapshot.incident_id,
            snapshot.draft(),
            channel_names=snapshot.channels,
            scheduled_for=scheduled_for,
            skip_reason=snapshot.skip_reason or None,
        )

    def commit_and_read(self, checked: Checked) -> PublishOutcome | SubmittedOutcome:
        """Write what `prepare` checked (the person has seen its disagreements) and hand its
        deliveries to the dispatcher — or store it to go out at its time — then read the view.
        With review.required on, submit it for review instead (nothing sent), unless the
        waiver lets a critical update out at once (recorded as waived). Raises `Rejected` (its
        errors, or a channel changed meanwhile), `WorkspaceError` when the workspace cannot be
        written."""
        if self.reviews.required():
            submitted = self.reviews.submit(checked, anyway=True)
            if submitted.published is None:
                return SubmittedOutcome(submitted.review)
            published = submitted.published
        else:
            published = self.publishing.commit(checked, anyway=True)
        return PublishOutcome(published, read_view(self.views, published.incident_id))

    def publish_and_read(
        self, snapshot: DraftSnapshot, scheduled_for: datetime | None = None
    ) -> PublishOutcome | SubmittedOutcome:
        """Both steps at once, disagreements or not (what a test or a script does)."""
        return self.commit_and_read(self.prepare(snapshot, scheduled_for))
