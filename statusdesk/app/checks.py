"""Everything that stands between a draft and publishing, for every use case that publishes:
which channels it goes to and which it leaves out, the draft's own problems, each channel's
checks, the timing of a scheduled update."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from statusdesk.app.context import AppContext
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    Draft,
    Impact,
    Incident,
    IncidentKind,
    Problem,
    Update,
    UpdateStatus,
    blocking,
    states_for,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.placeholders import leftover_placeholders
from statusdesk.core.promise import DEFAULT_CADENCE_MIN, cadence_problem
from statusdesk.core.timefmt import iso
from statusdesk.core.validation import body_problems, draft_text_problems, override_warnings
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery.audience import audience
from statusdesk.delivery.outbox import LeftOut

NO_CHANNEL = QT_TRANSLATE_NOOP("Problems", "No channel is chosen; tick at least one channel.")
KIND_WORDS = {
    IncidentKind.INCIDENT: QT_TRANSLATE_NOOP("Problems", "incident"),
    IncidentKind.MAINTENANCE: QT_TRANSLATE_NOOP("Problems", "maintenance"),
}


class DraftChecks:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def channel_configs(self, names: Sequence[str] | None = None) -> list[ChannelConfig]:
        """The channels an update goes to: the named ones, or every enabled one."""
        store = self.ctx.store
        if not names:
            return store.channels.channels(enabled_only=True)
        chosen = []
        for name in names:
            config = store.channels.channel_by_name(name)
            if config is None:
                known = ", ".join(c.name for c in store.channels.channels()) or "none"
                raise Rejected(
                    [
                        Problem(
                            "channels",
                            QT_TRANSLATE_NOOP(
                                "Problems", "There is no channel named {name} (known: {known})."
                            ).format(name=repr(name), known=known),
                        )
                    ]
                )
            chosen.append(config)
        return chosen

    def left_out(
        self, channels: Sequence[ChannelConfig], skip_reason: str | None, by: str
    ) -> tuple[LeftOut, list[Problem]]:
        """The enabled channels `channels` leave out, with the reason; a `skip_reason` problem
        when some are left out with none (issue #12 §1: never narrowed by accident)."""
        enabled = self.ctx.store.channels.channels(enabled_only=True)
        return audience(channels, enabled, skip_reason, self.ctx.who(by))

    def check_draft(
        self, draft: Draft, channels: Sequence[ChannelConfig], incident: Incident
    ) -> list[Problem]:
        """Everything that stands between this draft and publishing, errors and warnings
        (the English/Arabic disagreements among them, see `disagreements`)."""
        return self.check_ready(self.with_component_text(draft), channels, incident)

    def check_ready(
        self, draft: Draft, channels: Sequence[ChannelConfig], incident: Incident
    ) -> list[Problem]:
        """`check_draft` of a draft that already carries its component text (what a use case
        publishes), so that the text is not generated twice."""
        problems = body_problems(draft.body, [c.language for c in channels])
        problems += draft_text_problems(draft)
        problems += leftover_placeholders(draft.body)
        problems += override_warnings(draft.body)
        problems += self.disagreements(draft.body)
        if draft.state not in states_for(incident.kind):
            allowed = ", ".join(s.value for s in states_for(incident.kind))
            problems.append(
                Problem(
                    "state",
                    QT_TRANSLATE_NOOP(
                        "Problems", "{state} is not a state of a {kind}; use one of {allowed}."
                    ).format(
                        state=repr(draft.state.value),
                        kind=KIND_WORDS[incident.kind],
                        allowed=allowed,
                    ),
                )
            )
        if not channels:
            problems.append(Problem("channels", NO_CHANNEL))
        chosen = {c.name for c in channels}
        for name in sorted(set(draft.overrides) - chosen):
            problems.append(
                Problem(
                    "overrides",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "There is a custom text for {name}, but that channel is not chosen; "
                        "choose it or drop the text.",
                    ).format(name=repr(name)),
                )
            )
        if blocking(problems):
            return problems
        preview = Update(
            id=0,
            incident_id=incident.id,
            state=draft.state,
            body=draft.body,
            author=draft.author,
            created_at=self.ctx.now(),
            status=UpdateStatus.PUBLISHED,
        )
        for config in channels:
            problems.extend(self.ctx.channel(config).check(preview, incident))
        return problems

    def with_component_text(self, draft: Draft) -> Draft:
        """A draft without text that changes components says so in a generated sentence
        (issue #12 §2); any other draft as it is."""
        from statusdesk.delivery.component_text import with_component_text

        return with_component_text(self.ctx.store, draft)

    def disagreements(self, body: BilingualText) -> list[Problem]:
        """What one language says and the other does not (numbers, times, links, component
        names): warnings to read before publishing, never a block."""
        # Imported at the first check: its number and time rules are not needed to start.
        from statusdesk.core.consistency import consistency_warnings

        return consistency_warnings(body, [c.name for c in self.ctx.store.components.components()])

    def provisional_incident(
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
        """The incident a draft is checked against before it exists."""
        now = self.ctx.now()
        return Incident(
            id=incident_id,
            title=title,
            kind=kind,
            state=states_for(kind)[0],
            impact=Impact.NONE,
            started_at=started_at or now,
            created_at=now,
            updated_at=now,
            cadence_min=cadence_min,
            window_start=window_start,
            window_end=window_end,
        )

    def started_problems(
        self, started: datetime | None, first_update: datetime | None, window_start: str | None
    ) -> list[Problem]:
        """A backdated start (`--started-at`) that is ahead of now or of the first update, or
        given to a maintenance whose window says when it starts."""
        if started is None:
            return []
        if window_start is not None:
            return [
                Problem(
                    "started_at",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "A maintenance with a window begins at its window's start; leave out the "
                        "start time (or change --window-start).",
                    ),
                )
            ]
        now = self.ctx.clock.now()
        if started > now:
            return [
                Problem(
                    "started_at",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "The start time {started} is ahead of now ({now}): an incident cannot "
                        "have begun in the future. Give the time it began, or leave it out.",
                    ).format(started=iso(started), now=iso(now)),
                )
            ]
        if first_update is not None and started > first_update:
            return [
                Problem(
                    "started_at",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "The start time {started} is after the first update ({first}): an "
                        "incident begins before anything is said about it.",
                    ).format(started=iso(started), first=iso(first_update)),
                )
            ]
        return []

    def timing_problems(self, at: datetime | None, cadence_min: int) -> list[Problem]:
        """A scheduled time that has passed, a cadence out of bounds."""
        problems = []
        if at is not None and at <= self.ctx.clock.now():
            problems.append(
                Problem(
                    "at",
                    QT_TRANSLATE_NOOP(
                        "Problems", "{at} has passed; give a later time, or publish now."
                    ).format(at=iso(at)),
                )
            )
        message = cadence_problem(cadence_min)
        if message:
            problems.append(Problem("cadence_min", message))
        return problems

    @staticmethod
    def overrides_by_id(draft: Draft, channels: Sequence[ChannelConfig]) -> dict[int, str]:
        """The draft's custom texts keyed by channel id, as the outbox stores them."""
        by_name = {c.name: c.id for c in channels}
        return {by_name[name]: text for name, text in draft.overrides.items() if text}
