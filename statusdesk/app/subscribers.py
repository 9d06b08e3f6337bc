"""The email list as a person manages it: who is subscribed in which language and to which
components, added, edited, removed (recorded, never deleted), imported from CSV; an unsubscribe
link's token."""

from __future__ import annotations

from pathlib import Path

from statusdesk.app.context import AppContext
from statusdesk.core.model import Component, Language
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.store.subscriber_input import resolve_components
from statusdesk.store.subscriber_records import ImportResult, Subscriber, SubscriberError

# Inside the class, `list` is the method (the CLI's verb), not the type.
Components = list[Component]


class SubscriberAdmin:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def list(self, active_only: bool = True) -> list[Subscriber]:
        return self.ctx.store.subscribers.list(active_only=active_only)

    def get(self, email: str) -> Subscriber | None:
        return self.ctx.store.subscribers.get(email)

    def by_token(self, token: str) -> Subscriber | None:
        return self.ctx.store.subscribers.by_token(token)

    def count_active(self) -> int:
        return self.ctx.store.subscribers.count_active()

    def components(self) -> Components:
        """What a subscriber can follow, in the status page's order."""
        return self.ctx.store.components.components()

    def component_names(self) -> dict[int, str]:
        """Component id → English name, as lists and JSON name what a subscriber follows."""
        return {c.id: c.name.en for c in self.components()}

    def resolve(self, names: str) -> tuple[int, ...]:
        """The ids of components named in English or Arabic, separated by commas; () for every
        component. UnknownComponent (a SubscriberError) names the components there are."""
        return resolve_components(names, self.components())

    def add(
        self, email: str, language: Language | str, components: str | None = None
    ) -> Subscriber:
        """Raises InvalidAddress (what is wrong with the address), UnknownComponent or
        SubscriberError. No components named: every component."""
        ids = self.resolve(components) if components else ()
        return self.ctx.store.subscribers.add(email, language, self.ctx.now(), ids)

    def edit(
        self,
        email: str,
        *,
        language: Language | str | None = None,
        components: str | None = None,
        all_components: bool = False,
        component_ids: tuple[int, ...] | None = None,
    ) -> Subscriber:
        """Change what an active subscriber gets; what is not given stays. `components` by
        name, or `component_ids`, or `all_components`."""
        ids = component_ids
        if all_components:
            ids = ()
        elif components is not None:
            ids = self.resolve(components)
            if not ids:
                raise SubscriberError(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "no component named; to follow every component, say so (--all-components)",
                    )
                )
        return self.ctx.store.subscribers.edit(
            email, self.ctx.now(), language=language, component_ids=ids
        )

    def remove(self, email: str) -> Subscriber:
        return self.ctx.store.subscribers.remove(email, self.ctx.now())

    def unsubscribe_token(self, token: str) -> Subscriber | None:
        """What an unsubscribe link does; None for a token nobody holds."""
        return self.ctx.store.subscribers.unsubscribe_token(token, self.ctx.now())

    def import_csv(self, path: str | Path) -> ImportResult:
        """All or nothing: ImportRejected lists every line that is refused."""
        return self.ctx.store.subscribers.import_csv(path, self.ctx.now())
