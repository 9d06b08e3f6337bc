"""Email subscribers: who the `email` channel mails, in which language, about which components
(ARCHITECTURE §3). This is the SQLite part; the values and errors it speaks are backend-neutral
(subscriber_records.py, subscriber_input.py) and are re-exported here.

Unsubscribing is recorded (`unsubscribed_at`), never a delete: the address stays on file so a
bulk import cannot quietly sign up again someone who asked to stop. Every change is an event in
the audit log, which holds the address and the language but never the unsubscribe token (the
token lets anyone holding it unsubscribe that person).

The components a subscriber follows are rows of `subscriber_component`, by component id (a
renamed component keeps its followers); none means every component.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from statusdesk.core.model import Component, Language
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.rows import component_from_row
from statusdesk.store.subscriber_input import (
    LANGUAGES,
    MAX_ADDRESS_CHARS,
    MAX_IMPORT_BYTES,
    CsvRow,
    normalize_address,
    parse_csv,
    parse_language,
    resolve_components,
)
from statusdesk.store.subscriber_records import (
    ImportRejected,
    ImportResult,
    InvalidAddress,
    LineNote,
    Subscriber,
    SubscriberError,
    UnknownComponent,
)

__all__ = [
    "LANGUAGES",
    "MAX_ADDRESS_CHARS",
    "MAX_IMPORT_BYTES",
    "CsvRow",
    "ImportRejected",
    "ImportResult",
    "InvalidAddress",
    "LineNote",
    "SQLiteSubscribers",
    "Subscriber",
    "SubscriberError",
    "UnknownComponent",
    "normalize_address",
    "parse_csv",
    "parse_language",
    "resolve_components",
]

# Who an update about these components (a JSON array of ids) goes to: every active subscriber
# who follows one of them, or who follows every component (has no rows).
_AUDIENCE = """
    SELECT s.* FROM subscriber s
    WHERE s.unsubscribed_at IS NULL AND (
        NOT EXISTS (SELECT 1 FROM subscriber_component sc WHERE sc.subscriber_id = s.id)
        OR EXISTS (
            SELECT 1 FROM subscriber_component sc
            WHERE sc.subscriber_id = s.id
            AND sc.component_id IN ({ids})
        )
    )
    ORDER BY s.id
"""
# The component ids, given as one JSON array (one parameter, however many ids).
_IDS = {
    "sqlite": "SELECT value FROM json_each(:ids)",
    "postgres": "SELECT value::bigint FROM jsonb_array_elements_text(CAST(:ids AS jsonb))",
}


# Aliases: inside the class, `list` is the method (the store's verb), not the type.
Rows = list[dict[str, Any]]
Subscribers = list[Subscriber]
Components = list[Component]


def _from_row(row: dict[str, Any], component_ids: tuple[int, ...] = ()) -> Subscriber:
    return Subscriber(
        id=int(row["id"]),
        email=str(row["email"]),
        language=Language(row["language"]),
        token=str(row["unsubscribe_token"]),
        created_at=str(row["created_at"]),
        unsubscribed_at=row["unsubscribed_at"],
        component_ids=component_ids,
    )


class SQLiteSubscribers(SQLitePart):
    """The subscriber table of one workspace. Callers pass `now`; nothing here reads a clock."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    # -- reading ------------------------------------------------------------------------------

    def list(self, active_only: bool = True) -> Subscribers:
        """Oldest first: a stable order, so a retry mails the same people in the same order."""
        sql = "SELECT * FROM subscriber"
        if active_only:
            sql += " WHERE unsubscribed_at IS NULL"
        return self._with_components(self._rows(sql + " ORDER BY id"))

    def get(self, email: str) -> Subscriber | None:
        rows = self._rows(
            f"SELECT * FROM subscriber WHERE {self._same_nocase('email')}", (email.strip(),)
        )
        return self._with_components(rows)[0] if rows else None

    def by_token(self, token: str) -> Subscriber | None:
        rows = self._rows("SELECT * FROM subscriber WHERE unsubscribe_token = ?", (token.strip(),))
        return self._with_components(rows)[0] if rows else None

    def count_active(self) -> int:
        rows = self._rows("SELECT COUNT(*) AS n FROM subscriber WHERE unsubscribed_at IS NULL")
        return int(rows[0]["n"])

    def audience(self, component_ids: Collection[int]) -> Subscribers:
        """The active subscribers an update about these components mails, oldest first: those
        following one of them or following every component. No components: everyone active
        (an update that names no component concerns every subscriber)."""
        if not component_ids:
            return self.list(active_only=True)
        rows = self._rows(
            _AUDIENCE.format(ids=_IDS[self._dialect]),
            {"ids": json.dumps(sorted(set(component_ids)))},
        )
        return self._with_components(rows)

    def followers(self, component_id: int) -> Subscribers:
        """The active subscribers who chose this component (not those following every one)."""
        rows = self._rows(
            "SELECT s.* FROM subscriber s JOIN subscriber_component sc "
            "ON sc.subscriber_id = s.id WHERE sc.component_id = ? "
            "AND s.unsubscribed_at IS NULL ORDER BY s.id",
            (component_id,),
        )
        return self._with_components(rows)

    def _with_components(self, rows: Rows) -> Subscribers:
        if not rows:
            return []
        followed: dict[int, list[int]] = {}
        if len(rows) == 1:
            links = self._execute(
                "SELECT subscriber_id, component_id FROM subscriber_component "
                "WHERE subscriber_id = ? ORDER BY component_id",
                (rows[0]["id"],),
            )
        else:  # one read for the whole list (10,000 subscribers are one query, not 10,000)
            links = self._execute(
                "SELECT subscriber_id, component_id FROM subscriber_component "
                "ORDER BY subscriber_id, component_id"
            )
        for subscriber_id, component_id in links:
            followed.setdefault(subscriber_id, []).append(component_id)
        return [_from_row(row, tuple(followed.get(int(row["id"]), ()))) for row in rows]

    def _components(self) -> Components:
        rows = self._rows(f"SELECT * FROM component ORDER BY position, {self._nocase('name_en')}")
        return [component_from_row(r) for r in rows]

    def _check_components(self, component_ids: Collection[int]) -> tuple[int, ...]:
        wanted = tuple(sorted(set(component_ids)))
        known = {c.id for c in self._components()}
        missing = [i for i in wanted if i not in known]
        if missing:
            raise UnknownComponent(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "component id(s) {missing} do not exist (see `statusdesk component list`)",
                ).format(missing=missing)
            )
        return wanted

    def _set_components(self, subscriber_id: int, component_ids: tuple[int, ...]) -> None:
        self._execute("DELETE FROM subscriber_component WHERE subscriber_id = ?", (subscriber_id,))
        self._executemany(
            "INSERT INTO subscriber_component (subscriber_id, component_id) VALUES (?, ?)",
            [(subscriber_id, cid) for cid in component_ids],
        )

    # -- changes ------------------------------------------------------------------------------

    def add(
        self,
        email: str,
        language: Language | str,
        now: str,
        component_ids: Collection[int] = (),
    ) -> Subscriber:
        """Subscribe an address, to these components (none: every component). One already
        subscribed is refused; one that unsubscribed is subscribed again (a person asked for
        it), with a new token and the components given now."""
        address = normalize_address(email)
        lang = language if isinstance(language, Language) else parse_language(language)
        with self.transaction():
            components = self._check_components(component_ids)
            existing = self.get(address)
            if existing is not None and existing.active:
                raise SubscriberError(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{email} is already subscribed (since {since}, language {language}). To "
                        "change its language or components, use `statusdesk subscriber edit`.",
                    ).format(
                        email=existing.email,
                        since=existing.created_at,
                        language=existing.language.value,
                    )
                )
            if existing is not None:
                self._execute(
                    "UPDATE subscriber SET language = ?, unsubscribe_token = ?, "
                    "unsubscribed_at = NULL WHERE id = ?",
                    (lang.value, _new_token(), existing.id),
                )
                subscriber_id = existing.id
                kind = "subscriber.resubscribed"
            else:
                subscriber_id = self._insert(
                    "subscriber",
                    {
                        "email": address,
                        "language": lang.value,
                        "unsubscribe_token": _new_token(),
                        "created_at": now,
                    },
                )
                kind = "subscriber.added"
            self._set_components(subscriber_id, components)
            self._audit.log_event(
                kind,
                now,
                data={"email": address, "language": lang.value, "component_ids": list(components)},
            )
            added = self.get(address)
        assert added is not None
        return added

    def edit(
        self,
        email: str,
        now: str,
        *,
        language: Language | str | None = None,
        component_ids: Collection[int] | None = None,
    ) -> Subscriber:
        """Change an active subscriber's language and/or components (None: unchanged; empty
        components: every component). The token stays: their unsubscribe link still works."""
        lang = (
            None
            if language is None
            else language
            if isinstance(language, Language)
            else parse_language(language)
        )
        with self.transaction():
            existing = self.get(email)
            if existing is None:
                raise SubscriberError(_not_a_subscriber(email))
            if not existing.active:
                raise SubscriberError(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{email} unsubscribed on {when}; subscribe them again with `statusdesk "
                        "subscriber add` if they asked to be.",
                    ).format(email=existing.email, when=existing.unsubscribed_at)
                )
            components = (
                existing.component_ids
                if component_ids is None
                else self._check_components(component_ids)
            )
            new_lang = lang or existing.language
            if new_lang is not existing.language:
                self._execute(
                    "UPDATE subscriber SET language = ? WHERE id = ?", (new_lang.value, existing.id)
                )
            if components != existing.component_ids:
                self._set_components(existing.id, components)
            if new_lang is not existing.language or components != existing.component_ids:
                self._audit.log_event(
                    "subscriber.edited",
                    now,
                    data={
                        "email": existing.email,
                        "language": new_lang.value,
                        "component_ids": list(components),
                    },
                )
            edited = self.get(existing.email)
        assert edited is not None
        return edited

    def remove(self, email: str, now: str) -> Subscriber:
        """Unsubscribe: recorded with its time; the address gets no more mail."""
        with self.transaction():
            existing = self.get(email)
            if existing is None:
                raise SubscriberError(_not_a_subscriber(email))
            if existing.active:
                self._unsubscribe(existing, now, how="removed")
            found = self.get(existing.email)
        assert found is not None
        return found

    def unsubscribe_token(self, token: str, now: str) -> Subscriber | None:
        """The subscriber's own unsubscribe (the token from their List-Unsubscribe link); None
        for a token nobody holds."""
        with self.transaction():
            existing = self.by_token(token)
            if existing is None:
                return None
            if existing.active:
                self._unsubscribe(existing, now, how="token")
            return self.get(existing.email)

    def _unsubscribe(self, subscriber: Subscriber, now: str, how: str) -> None:
        self._execute(
            "UPDATE subscriber SET unsubscribed_at = ? WHERE id = ?", (now, subscriber.id)
        )
        self._audit.log_event(
            "subscriber.unsubscribed", now, data={"email": subscriber.email, "how": how}
        )

    # -- import -------------------------------------------------------------------------------

    def import_csv(self, path: str | Path, now: str) -> ImportResult:
        """Subscribe every address of a CSV file (`email,language,components`; the header row,
        the language column and the components column are optional; UTF-8 with or without a
        byte-order mark). Components are named in English or Arabic, separated by commas
        inside the cell; an empty cell: every component.

        All or nothing: a file that cannot be read, or any bad line (an address, a language, a
        component that does not exist), raises and imports nothing (ImportRejected lists every
        bad line). Addresses already on file (subscribed or unsubscribed) and repeats within
        the file are skipped, so importing the same file twice is harmless.
        """
        where = str(path)
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_IMPORT_BYTES + 1)
        except OSError as exc:
            raise SubscriberError(
                QT_TRANSLATE_NOOP("Problems", "{where}: cannot read it ({error}).").format(
                    where=where, error=exc.strerror or exc
                )
            ) from None
        if len(data) > MAX_IMPORT_BYTES:
            raise SubscriberError(
                QT_TRANSLATE_NOOP("Problems", "{where} is larger than {most} bytes.").format(
                    where=where, most=f"{MAX_IMPORT_BYTES:,}"
                )
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SubscriberError(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{where} is not UTF-8 text (byte {byte} on line {line} cannot be read). Save "
                    "it as UTF-8 (CSV UTF-8) and import it again; nothing was imported.",
                ).format(where=where, byte=f"0x{data[exc.start]:02x}", line=line)
            ) from None
        rows = parse_csv(text, where)
        result = ImportResult()
        seen: dict[str, int] = {}
        components = self._components() if any(row.components for row in rows) else []
        valid: list[tuple[int, str, Language, tuple[int, ...]]] = []
        for row in rows:
            try:
                address = normalize_address(row.email)
                lang = parse_language(row.language)
                followed = resolve_components(row.components, components)
            except SubscriberError as exc:
                result.invalid.append(LineNote(row.line, row.email, message_of(exc)))
                continue
            key = address.lower()
            if key in seen:
                repeats = QT_TRANSLATE_NOOP("Problems", "{address} repeats line {line}")
                result.skipped.append(
                    LineNote(row.line, address, repeats.format(address=address, line=seen[key]))
                )
                continue
            seen[key] = row.line
            valid.append((row.line, address, lang, followed))
        if result.invalid:
            raise ImportRejected(where, result)
        with self.transaction():
            for line, address, lang, followed in valid:
                existing = self.get(address)
                if existing is not None:
                    why = (
                        QT_TRANSLATE_NOOP("Problems", "already subscribed")
                        if existing.active
                        else QT_TRANSLATE_NOOP(
                            "Problems",
                            "unsubscribed on {when}; not signed up again (use `statusdesk "
                            "subscriber add` if they asked to be)",
                        ).format(when=existing.unsubscribed_at)
                    )
                    said = QT_TRANSLATE_NOOP("Problems", "{address}: {why}")
                    result.skipped.append(
                        LineNote(line, address, said.format(address=address, why=why))
                    )
                    continue
                subscriber_id = self._insert(
                    "subscriber",
                    {
                        "email": address,
                        "language": lang.value,
                        "unsubscribe_token": _new_token(),
                        "created_at": now,
                    },
                )
                self._set_components(subscriber_id, followed)
                result.added.append(LineNote(line, address, QT_TRANSLATE_NOOP("Problems", "added")))
            self._audit.log_event(
                "subscriber.imported",
                now,
                data={"file": Path(path).name, **result.counts()},
            )
        return result


def _new_token() -> str:
    """A subscriber's unsubscribe token: 32 URL-safe characters, never starting with "-" — a
    token is also what `statusdesk subscriber remove TOKEN` takes, and the command line would
    read one starting with "-" as an option (one token in 64 did)."""
    import secrets  # at the first subscriber, not at every open of the workspace

    while True:
        token = secrets.token_urlsafe(24)
        if not token.startswith("-"):
            return token


def _not_a_subscriber(email: str) -> str:
    return QT_TRANSLATE_NOOP(
        "Problems", "{email} is not a subscriber (see `statusdesk subscriber list`)."
    ).format(email=repr(email.strip()))
