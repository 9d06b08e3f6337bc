"""What the Subscribers window runs on the TaskRunner, and the rows it shows.

Everything here runs off the GUI thread and touches no widget: it reads or changes the
workspace through `Store.subscribers` (the same calls as `statusdesk subscriber
add | edit | remove | list | import`) and hands back plain values. The rows are built here, display
text included, so the GUI thread only swaps them in, even for 10,000 subscribers.

Unsubscribe tokens never leave this module: a `SubscriberRow` has no field for one, so no
model, tooltip or message can show it (whoever holds a token can unsubscribe that person).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from statusdesk.core.model import Component, Language
from statusdesk.core.timefmt import parse_iso
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, localised, translate
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.reading import counts_in_digits, grouped
from statusdesk.store.subscribers import ImportResult, Subscriber

if TYPE_CHECKING:
    from statusdesk.desk import Desk

# Worded here, off the GUI thread: QCoreApplication.translate is thread-safe.
CONTEXT = "SubscriberRows"
NOT_UNSUBSCRIBED = QT_TRANSLATE_NOOP("SubscriberRows", "no")
ALL_COMPONENTS = QT_TRANSLATE_NOOP("SubscriberRows", "All components")

LANGUAGES = (Language.AR, Language.EN, Language.BOTH)  # the count line's order


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True, slots=True)
class SubscriberRow:
    email: str
    language: str  # ar | en | both
    active: bool
    # address, language, subscribed since, unsubscribed, components
    cells: tuple[str, str, str, str, str]
    key: str  # the address case-folded, for the filter
    unsubscribed_at: str | None = None
    component_ids: tuple[int, ...] = ()  # none: every component


@dataclass(frozen=True, slots=True)
class ComponentChoice:
    """One component a subscriber can follow, as the components editor lists it."""

    id: int
    label: str  # 'API — الواجهة'


@dataclass(frozen=True)
class SubscriberList:
    """Every subscriber, active first, then by address; with the counts the window shows."""

    rows: tuple[SubscriberRow, ...] = ()
    components: tuple[ComponentChoice, ...] = ()  # what there is to follow, in page order
    languages: dict[str, int] = field(default_factory=dict)  # active ones, by language
    unsubscribed: int = 0
    where: dict[str, int] = field(default_factory=dict)  # case-folded address → row

    @property
    def active(self) -> int:
        return sum(self.languages.values())

    def row_of(self, email: str) -> int | None:
        return self.where.get(email.strip().casefold())

    def count_line(self) -> str:
        """How many are active ("124 active subscribers: 80 ar, 30 en, 14 both"), and how many
        unsubscribed."""
        if not self.rows:
            return translate(
                "SubscriberRows", "No subscribers yet: add one below, or import a CSV file."
            )
        counts = [grouped(self.languages.get(lang.value, 0)) for lang in LANGUAGES]
        by_language = translate("SubscriberRows", "{ar} ar, {en} en, {both} both").format(
            ar=counts[0], en=counts[1], both=counts[2]
        )
        active, unsubscribed = self.active, self.unsubscribed  # lupdate reads a name as n
        line = counted(
            QCoreApplication.translate(
                "SubscriberRows", "{count} active subscriber(s): {languages}", "", active
            ),
            active,
        ).format(count=grouped(active), languages=by_language)
        if unsubscribed:
            line += QCoreApplication.translate(
                "SubscriberRows",
                "; {count} unsubscribed (kept on record, sent nothing)",
                "",
                unsubscribed,
            ).format(count=grouped(unsubscribed))
        return line


def when(stamp: str, now: datetime) -> str:
    """'24 Nov 2025 14:05 (11:05 UTC)': local time and UTC side by side (ARCHITECTURE §3), with the
    year, as subscriptions are often older than this one."""
    try:
        moment = parse_iso(stamp)
    except ValueError:
        return stamp  # shown as stored rather than not at all
    local = moment.astimezone()
    year = "" if local.year == now.astimezone(local.tzinfo).year else " %Y"
    return f"{local.strftime(f'%d %b{year} %H:%M')} ({moment:%H:%M} UTC)"


def following(component_ids: tuple[int, ...], names: Mapping[int, str]) -> str:
    """'All components', or the chosen ones' names: 'API, Trading'."""
    if not component_ids:
        return _tr(ALL_COMPONENTS)
    return translate("SubscriberRows", ", ").join(names.get(i, f"#{i}") for i in component_ids)


def to_row(
    subscriber: Subscriber, at: Callable[[str], str], names: Mapping[int, str] | None = None
) -> SubscriberRow:
    unsubscribed = (
        _tr(NOT_UNSUBSCRIBED)
        if subscriber.unsubscribed_at is None
        else at(subscriber.unsubscribed_at)
    )
    return SubscriberRow(
        email=subscriber.email,
        language=subscriber.language.value,
        active=subscriber.active,
        cells=(
            subscriber.email,
            subscriber.language.value,
            at(subscriber.created_at),
            unsubscribed,
            following(subscriber.component_ids, names or {}),
        ),
        key=subscriber.email.casefold(),
        unsubscribed_at=subscriber.unsubscribed_at,
        component_ids=subscriber.component_ids,
    )


def choice(component: Component) -> ComponentChoice:
    name = component.name
    return ComponentChoice(component.id, f"{name.en} — {name.ar}" if name.ar else name.en)


def read_subscribers(desk: Desk) -> SubscriberList:
    now = desk.clock.now()
    said: dict[str, str] = {}  # an import gives thousands the same time: word it once

    def at(stamp: str) -> str:
        text = said.get(stamp)
        if text is None:
            text = said[stamp] = when(stamp, now)
        return text

    components = desk.subscribers.components()
    names = {c.id: c.name.en for c in components}
    listed = desk.subscribers.list(active_only=False)
    listed.sort(key=lambda s: (not s.active, s.email.casefold()))
    rows = tuple(to_row(s, at, names) for s in listed)
    languages = Counter(r.language for r in rows if r.active)
    return SubscriberList(
        rows=rows,
        components=tuple(choice(c) for c in components),
        languages=dict(languages),
        unsubscribed=sum(1 for r in rows if not r.active),
        where={r.key: n for n, r in enumerate(rows)},
    )


# -- changes, each worded as the CLI words it ----------------------------------------------------


@dataclass(frozen=True)
class Changed:
    email: str  # the address as stored, to select it afterwards
    message: str


def add_subscriber(desk: Desk, email: str, language: str) -> Changed:
    """Raises SubscriberError (a bad address, one already subscribed) with the store's words."""
    subscribers = desk.subscribers
    before = subscribers.get(email)
    added = subscribers.add(email, language)
    if before is not None and not before.active:
        now = desk.clock.now()
        since = when(before.unsubscribed_at or "", now)
        message = translate(
            "SubscriberRows",
            "Subscribed {email} again ({language}); they had unsubscribed on {since}.",
        ).format(email=added.email, language=added.language.value, since=since)
    else:
        message = translate("SubscriberRows", "Subscribed {email} ({language}).").format(
            email=added.email, language=added.language.value
        )
    return Changed(added.email, message)


def remove_subscriber(desk: Desk, email: str) -> Changed:
    """An unsubscription, recorded with its time; the address stays on file."""
    subscribers = desk.subscribers
    before = subscribers.get(email)
    removed = subscribers.remove(email)
    if before is not None and not before.active:
        since = when(removed.unsubscribed_at or "", desk.clock.now())
        message = translate(
            "SubscriberRows", "{email} had already unsubscribed on {since}; no change."
        ).format(email=removed.email, since=since)
    else:
        message = translate(
            "SubscriberRows", "Unsubscribed {email}: no more email; kept on record as unsubscribed."
        ).format(email=removed.email)
    return Changed(removed.email, message)


def change_components(desk: Desk, email: str, component_ids: tuple[int, ...]) -> Changed:
    """What `subscriber edit ADDR --components …|--all-components` does. Raises
    SubscriberError (unsubscribed meanwhile, a component removed meanwhile)."""
    subscribers = desk.subscribers
    edited = subscribers.edit(email, component_ids=component_ids)
    said = following(edited.component_ids, subscribers.component_names())
    message = translate("SubscriberRows", "{email} now gets updates about: {components}.")
    return Changed(edited.email, message.format(email=edited.email, components=said))


@dataclass(frozen=True)
class Imported:
    name: str  # the file's name, as the summary says it
    result: ImportResult

    def summary(self) -> str:
        counts = self.result.counts()
        return translate("SubscriberRows", "{name}: {added} added, {skipped} skipped.").format(
            name=self.name, added=grouped(counts["added"]), skipped=grouped(counts["skipped"])
        )

    def details(self) -> list[str]:
        """Each skipped line and why, the store's reason in the interface's language and the
        line numbers (the line's own and the one it repeats) in the interface's digits."""
        return [
            translate("SubscriberRows", "skipped line {line}: {reason}").format(
                line=grouped(note.line), reason=localised(counts_in_digits(note.reason))
            )
            for note in self.result.skipped
        ]


def import_subscribers(desk: Desk, path: str) -> Imported:
    """All or nothing: raises ImportRejected (every bad line in `result.invalid`) or
    SubscriberError (unreadable, not UTF-8, not CSV), and then nothing was imported."""
    result = desk.subscribers.import_csv(path)
    return Imported(Path(path).name, result)
