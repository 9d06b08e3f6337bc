"""Templates as the composer and the CLI use them: the defaults with the workspace's own over
them, filled for an update of an incident at a given time (Ctrl+T, `--template`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from statusdesk.app.context import AppContext
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    Draft,
    Incident,
    IncidentKind,
    IncidentState,
    Problem,
    Severity,
)
from statusdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # Imported when a template is first used: its parsing and babel's Arabic dates are not
    # needed to start the app.
    from statusdesk.scheduling.templates import Filled, Template


# The kinds, as the template problems name them.
KIND_NAMES = {
    IncidentKind.INCIDENT: QT_TRANSLATE_NOOP("Problems", "an incident"),
    IncidentKind.MAINTENANCE: QT_TRANSLATE_NOOP("Problems", "a maintenance"),
}


class Templating:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def templates(self) -> dict[str, Template]:
        """The default templates, with the workspace's own (<home>/templates/*.json) over them."""
        from statusdesk.scheduling.templates import TemplateError, load_templates

        try:
            return load_templates([self.ctx.paths.home / "templates"])
        except TemplateError as exc:
            raise Rejected([Problem("template", str(exc))]) from exc

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

        templates = self.templates()
        found = templates.get(template)
        if found is None:
            known = ", ".join(sorted(templates))
            return Filled(
                BilingualText(),
                [
                    Problem(
                        "template",
                        QT_TRANSLATE_NOOP(
                            "Problems", "There is no template {name}; known: {known}."
                        ).format(name=repr(template), known=known),
                    )
                ],
            )
        problems = []
        if found.kind is not incident.kind:
            problems.append(
                Problem(
                    "template",
                    QT_TRANSLATE_NOOP(
                        "Problems", "The template {name} is written for {written}; this is {kind}."
                    ).format(
                        name=repr(template),
                        written=KIND_NAMES[found.kind],
                        kind=KIND_NAMES[incident.kind],
                    ),
                )
            )
        context = template_context(
            self.ctx.store,
            incident,
            state=state or found.state,
            at=at or self.ctx.clock.now(),
            component_names=component_names,
            eta=eta,
            next_scheduled=next_scheduled,
        )
        filled = render(found, context)
        return Filled(filled.body, problems + filled.problems)

    def templated(
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
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "The template {name} is written for {written}; this update's state is "
                        "{state}.",
                    ).format(
                        name=repr(template), written=found.state.value, state=draft.state.value
                    ),
                    Severity.WARNING,
                )
            )
        return replace(draft, body=body), problems
