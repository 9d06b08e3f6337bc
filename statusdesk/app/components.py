"""Components as a person manages them (issue #14): names in English and Arabic, a description
in each, and groups — `statusdesk component add|edit|list|remove`, and the page rebuilt when
what it shows changed.

Input a person can fix is refused with `Rejected` (exit 3 in the CLI), every problem at once:
an empty or duplicate name, an unknown component, text with unbalanced direction controls or
characters no channel can show, a name on more than one line.

Removing a component that the history of an incident names (the incident is linked to it, or
one of its updates changed its status) is refused: its pages, feeds, api/v2 JSON and exports
would lose the name, and a reader of a past incident would see a blank where "Payments API"
was. A component no incident names is deleted. A component still to be kept off the page can be
renamed; an "archived" state is future work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from statusdesk.app.context import AppContext
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.cleaning import clean_text
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Component, ComponentGroup, Problem
from statusdesk.core.validation import LANGUAGE_WORDS, text_problems
from statusdesk.store.records import ComponentFollowed, ComponentInUse

MAX_NAME_CHARS = 100
MAX_DESCRIPTION_CHARS = 1000
NO_GROUP = ""  # `--group ""`: out of its group


@dataclass(frozen=True)
class ComponentChange:
    """What a command did, and the page: rebuilt (its folder) or why not."""

    component: Component | None
    group: ComponentGroup | None
    site: Path | None = None
    site_note: str = ""


def component_json(component: Component, groups: dict[int, ComponentGroup]) -> dict[str, Any]:
    group = groups.get(component.group_id) if component.group_id is not None else None
    return {
        "id": component.id,
        "name_en": component.name.en,
        "name_ar": component.name.ar,
        "status": component.status.value,
        "position": component.position,
        "description_en": component.description.en,
        "description_ar": component.description.ar,
        "group_id": group.id if group else None,
        "group_en": group.name.en if group else None,
        "group_ar": group.name.ar if group else None,
        "created_at": component.created_at,
        "updated_at": component.updated_at,
    }


def _name_problems(name: BilingualText, field: str, label: str) -> list[Problem]:
    problems: list[Problem] = []
    for lang in ("en", "ar"):
        text = name.get(lang)
        where = f"{field}_{lang}" if lang == "ar" else field
        problems += text_problems(
            text, where, f"The {LANGUAGE_WORDS[lang]} {label}", MAX_NAME_CHARS
        )
        if "\n" in text:
            problems.append(Problem(where, f"A {label} is one line.", position=text.index("\n")))
    return problems


def _description_problems(description: BilingualText) -> list[Problem]:
    return [
        problem
        for lang in ("en", "ar")
        for problem in text_problems(
            description.get(lang),
            f"description_{lang}",
            f"The {LANGUAGE_WORDS[lang]} description",
            MAX_DESCRIPTION_CHARS,
        )
    ]


class ComponentAdmin:
    def __init__(self, ctx: AppContext, settings: WorkspaceSettings) -> None:
        self.ctx = ctx
        self.settings = settings

    def components(self) -> list[Component]:
        return self.ctx.store.components.components()

    def groups(self) -> list[ComponentGroup]:
        return self.ctx.store.components.groups()

    def listing(self) -> list[dict[str, Any]]:
        """Every component as `component list --json` prints it, in page order."""
        groups = {g.id: g for g in self.groups()}
        return [component_json(c, groups) for c in self.components()]

    def find(self, name: str) -> Component:
        """The component named `name` (English, any case, or Arabic); Rejected naming the
        known ones otherwise."""
        found = self.ctx.store.components.component_by_name(name.strip())
        if found is None:
            known = ", ".join(c.name.en for c in self.components()) or "none yet"
            raise Rejected(
                [
                    Problem(
                        "NAME",
                        f"No component is named {name!r} (known: {known}). "
                        "`statusdesk component list` shows them; `component add` makes one.",
                    )
                ]
            )
        return found

    def add(
        self,
        name: BilingualText,
        *,
        description: BilingualText | None = None,
        group: BilingualText | None = None,
        by: str = "",
    ) -> ComponentChange:
        name, description = clean_text(name), clean_text(description or BilingualText())
        group = clean_text(group) if group is not None else None
        problems = self._problems(name, description, group, exclude=None)
        if not name.en:
            problems.insert(
                0, Problem("NAME", "A component needs an English name; give it as NAME.")
            )
        if problems:
            raise Rejected(problems)
        who, now = self.ctx.who(by), self.ctx.now()
        store = self.ctx.store
        with store.transaction():
            kept_group = store.components.ensure_group(group, now, actor=who) if group else None
            added = store.components.add_component(
                name,
                now,
                description=description,
                group_id=kept_group.id if kept_group else None,
                actor=who,
            )
        return self._rebuilt(added, kept_group)

    def edit(
        self,
        current: str,
        *,
        name_en: str | None = None,
        name_ar: str | None = None,
        description_en: str | None = None,
        description_ar: str | None = None,
        group: BilingualText | None = None,
        by: str = "",
    ) -> ComponentChange:
        """Change what is given; `group` with an empty English name takes the component out
        of its group."""
        component = self.find(current)
        name = clean_text(
            BilingualText(
                component.name.en if name_en is None else name_en,
                component.name.ar if name_ar is None else name_ar,
            )
        )
        description = clean_text(
            BilingualText(
                component.description.en if description_en is None else description_en,
                component.description.ar if description_ar is None else description_ar,
            )
        )
        group = clean_text(group) if group is not None else None
        problems = self._problems(name, description, group or None, exclude=component.id)
        if not name.en:
            problems.insert(0, Problem("name_en", "A component's English name cannot be empty."))
        if problems:
            raise Rejected(problems)
        who, now = self.ctx.who(by), self.ctx.now()
        store = self.ctx.store
        with store.transaction():
            if group is None:
                group_id = component.group_id
                kept_group = None
            elif group.en:
                kept_group = store.components.ensure_group(group, now, actor=who)
                group_id = kept_group.id
            else:
                kept_group, group_id = None, None
            edited = store.components.edit_component(
                component.id, now, name=name, description=description, group_id=group_id, actor=who
            )
        return self._rebuilt(edited, kept_group)

    def remove(self, name: str, by: str = "") -> ComponentChange:
        component = self.find(name)
        try:
            self.ctx.store.components.remove_component(
                component.id, self.ctx.now(), actor=self.ctx.who(by)
            )
        except ComponentInUse as exc:
            ids = ", ".join(f"#{i}" for i in exc.incident_ids)
            raise Rejected(
                [
                    Problem(
                        "NAME",
                        f"{component.name.en!r} is named by the history of incident(s) {ids}: "
                        "removing it would blank its name on their pages, feeds, JSON and "
                        "exports. It stays; rename it with `statusdesk component edit` if it "
                        "has changed.",
                    )
                ]
            ) from None
        except ComponentFollowed as exc:
            n = len(exc.emails)
            shown = ", ".join(exc.emails[:5]) + (f" and {n - 5} more" if n > 5 else "")
            raise Rejected(
                [
                    Problem(
                        "NAME",
                        f"{component.name.en!r} is followed by {n} subscriber(s) ({shown}): "
                        "removing it would change the subscriptions they chose without their "
                        "asking. It stays. "
                        "Move them first with `statusdesk subscriber edit ADDR --components "
                        "NAMES` or `--all-components`, then remove it.",
                    )
                ]
            ) from None
        return self._rebuilt(component, None)

    def _problems(
        self,
        name: BilingualText,
        description: BilingualText,
        group: BilingualText | None,
        *,
        exclude: int | None,
    ) -> list[Problem]:
        problems = _name_problems(name, "name", "component name")
        problems += _description_problems(description)
        if group is not None:
            problems += _name_problems(group, "group", "group name")
        store = self.ctx.store.components
        for lang, field in (("en", "NAME"), ("ar", "name_ar")):
            text = name.get(lang)
            other = store.component_by_name(text) if text else None
            if other is not None and other.id != exclude:
                problems.append(
                    Problem(
                        field,
                        f"A component is already named {text!r} (#{other.id}, "
                        f"{other.name.en!r}); choose another name or edit that one.",
                    )
                )
            if text and store.group_by_name(text) is not None:
                problems.append(
                    Problem(
                        field,
                        f"{text!r} names a group; a component and a group need different "
                        "names (`--component NAME=STATUS` names a component).",
                    )
                )
        if group is not None and group.en and store.component_by_name(group.en) is not None:
            problems.append(
                Problem(
                    "group",
                    f"{group.en!r} names a component; a group needs a name of its own.",
                )
            )
        return problems

    def _rebuilt(
        self, component: Component | None, group: ComponentGroup | None
    ) -> ComponentChange:
        site, note = self.settings.site_rebuilt()
        return ComponentChange(component, group, site, note)
