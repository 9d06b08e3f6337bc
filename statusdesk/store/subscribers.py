"""Email subscribers: who the `email` channel mails, and in which language (ARCHITECTURE §3).

Unsubscribing is recorded (`unsubscribed_at`), never a delete: the address stays on file so a
bulk import cannot quietly sign up again someone who asked to stop. Every change is an event in
the audit log, which holds the address and the language but never the unsubscribe token (the
token lets anyone holding it unsubscribe that person).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from statusdesk.core.model import Language
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import SQLiteDatabase, SQLitePart

LANGUAGES = tuple(lang.value for lang in Language)
MAX_ADDRESS_CHARS = 254  # RFC 5321: the longest path a server must accept
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class SubscriberError(ValueError):
    """Input about subscribers that cannot be taken as it is; the message says what and where."""


class InvalidAddress(SubscriberError):
    pass


def normalize_address(text: str) -> str:
    """A bare address (`user@example.com`) as it will be mailed, or InvalidAddress saying why.

    The domain is lower-cased and an internationalised domain is turned into its ASCII (xn--)
    form; the local part must be ASCII, as statusdesk mails without SMTPUTF8.
    """
    value = text.strip()
    shown = value if len(value) <= 80 else value[:79] + "…"
    if not value:
        raise InvalidAddress("an email address is empty")
    if any(ch.isspace() or ord(ch) < 32 or ch in '<>"(),;[]\\' for ch in value):
        raise InvalidAddress(
            f"{shown!r} is not an email address: give the bare address, like name@example.com, "
            "without a display name, spaces, quotes or brackets"
        )
    # The email package's parser loads here, at the first address: opening a workspace does not
    # need it (the store's parts are built at every open).
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=value)
    except (HeaderParseError, IndexError, TypeError, ValueError):
        raise InvalidAddress(
            f"{shown!r} is not an email address (expected name@example.com)"
        ) from None
    local, domain = address.username, address.domain
    if not local or not domain:
        raise InvalidAddress(f"{shown!r} is not an email address (expected name@example.com)")
    if not local.isascii():
        raise InvalidAddress(
            f"{shown!r}: the part before @ must be ASCII (statusdesk does not send SMTPUTF8 mail)"
        )
    try:
        domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise InvalidAddress(f"{shown!r}: {domain!r} is not a valid domain name") from None
    labels = domain.split(".")
    if len(labels) < 2 or any(
        not label
        or len(label) > 63
        or label.startswith("-")
        or label.endswith("-")
        or not all(ch.isalnum() or ch == "-" for ch in label)
        for label in labels
    ):
        raise InvalidAddress(
            f"{shown!r}: {domain!r} is not a domain that can receive mail (expected something "
            "like example.com)"
        )
    normalized = f"{local}@{domain}"
    if len(normalized) > MAX_ADDRESS_CHARS:
        raise InvalidAddress(f"{shown!r} is longer than {MAX_ADDRESS_CHARS} characters")
    return normalized


def parse_language(text: str | None) -> Language:
    value = (text or "").strip().lower() or Language.BOTH.value
    try:
        return Language(value)
    except ValueError:
        raise SubscriberError(f"{text!r} is not a language; use ar, en or both") from None


@dataclass(frozen=True)
class Subscriber:
    id: int
    email: str
    language: Language
    token: str
    created_at: str
    unsubscribed_at: str | None = None

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None

    def to_json(self) -> dict[str, Any]:
        """The CLI's shape; the token stays out (it unsubscribes whoever holds it)."""
        return {
            "id": self.id,
            "email": self.email,
            "language": self.language.value,
            "active": self.active,
            "created_at": self.created_at,
            "unsubscribed_at": self.unsubscribed_at,
        }


def _from_row(row: dict[str, Any]) -> Subscriber:
    return Subscriber(
        id=int(row["id"]),
        email=str(row["email"]),
        language=Language(row["language"]),
        token=str(row["unsubscribe_token"]),
        created_at=str(row["created_at"]),
        unsubscribed_at=row["unsubscribed_at"],
    )


@dataclass(frozen=True)
class LineNote:
    """What happened to one line of an imported file (1-based line numbers)."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportResult:
    added: list[LineNote] = field(default_factory=list)
    skipped: list[LineNote] = field(default_factory=list)  # already on file, or repeated
    invalid: list[LineNote] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "skipped": len(self.skipped),
            "invalid": len(self.invalid),
        }


class ImportRejected(SubscriberError):
    """A file with bad lines: nothing was imported; `result.invalid` lists every bad line."""

    def __init__(self, where: str, result: ImportResult) -> None:
        lines = "; ".join(str(note) for note in result.invalid[:20])
        more = len(result.invalid) - 20
        super().__init__(
            f"{where}: {len(result.invalid)} line(s) cannot be imported, so nothing was: "
            f"{lines}{f'; and {more} more' if more > 0 else ''}. Fix them and import the file "
            "again (addresses already subscribed are skipped)."
        )
        self.result = result


class SQLiteSubscribers(SQLitePart):
    """The subscriber table of one workspace. Callers pass `now`; nothing here reads a clock."""

    def __init__(self, database: SQLiteDatabase, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    # -- reading ------------------------------------------------------------------------------

    def list(self, active_only: bool = True) -> list[Subscriber]:
        """Oldest first: a stable order, so a retry mails the same people in the same order."""
        sql = "SELECT * FROM subscriber"
        if active_only:
            sql += " WHERE unsubscribed_at IS NULL"
        return [_from_row(row) for row in self._rows(sql + " ORDER BY id")]

    def get(self, email: str) -> Subscriber | None:
        rows = self._rows(
            "SELECT * FROM subscriber WHERE email = ? COLLATE NOCASE", (email.strip(),)
        )
        return _from_row(rows[0]) if rows else None

    def by_token(self, token: str) -> Subscriber | None:
        rows = self._rows("SELECT * FROM subscriber WHERE unsubscribe_token = ?", (token.strip(),))
        return _from_row(rows[0]) if rows else None

    def count_active(self) -> int:
        rows = self._rows("SELECT COUNT(*) AS n FROM subscriber WHERE unsubscribed_at IS NULL")
        return int(rows[0]["n"])

    # -- changes ------------------------------------------------------------------------------

    def add(self, email: str, language: Language | str, now: str) -> Subscriber:
        """Subscribe an address. One already subscribed is refused; one that unsubscribed is
        subscribed again (a person asked for it), with a new token."""
        address = normalize_address(email)
        lang = language if isinstance(language, Language) else parse_language(language)
        with self.transaction():
            existing = self.get(address)
            if existing is not None and existing.active:
                raise SubscriberError(
                    f"{existing.email} is already subscribed (since {existing.created_at}, "
                    f"language {existing.language.value}). To change its language, remove it "
                    "and add it again."
                )
            if existing is not None:
                self.conn.execute(
                    "UPDATE subscriber SET language = ?, unsubscribe_token = ?, "
                    "unsubscribed_at = NULL WHERE id = ?",
                    (lang.value, _new_token(), existing.id),
                )
                kind = "subscriber.resubscribed"
            else:
                self._insert(
                    "subscriber",
                    {
                        "email": address,
                        "language": lang.value,
                        "unsubscribe_token": _new_token(),
                        "created_at": now,
                    },
                )
                kind = "subscriber.added"
            self._audit.log_event(kind, now, data={"email": address, "language": lang.value})
            added = self.get(address)
        assert added is not None
        return added

    def remove(self, email: str, now: str) -> Subscriber:
        """Unsubscribe: recorded with its time; the address gets no more mail."""
        with self.transaction():
            existing = self.get(email)
            if existing is None:
                raise SubscriberError(
                    f"{email.strip()!r} is not a subscriber (see `statusdesk subscriber list`)."
                )
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
        self.conn.execute(
            "UPDATE subscriber SET unsubscribed_at = ? WHERE id = ?", (now, subscriber.id)
        )
        self._audit.log_event(
            "subscriber.unsubscribed", now, data={"email": subscriber.email, "how": how}
        )

    # -- import -------------------------------------------------------------------------------

    def import_csv(self, path: str | Path, now: str) -> ImportResult:
        """Subscribe every address of a CSV file (`email,language`; the header row and the
        language column are optional; UTF-8 with or without a byte-order mark).

        All or nothing: a file that cannot be read, or any bad line, raises and imports
        nothing (ImportRejected lists every bad line). Addresses already on file (subscribed
        or unsubscribed) and repeats within the file are skipped, so importing the same file
        twice is harmless.
        """
        where = str(path)
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_IMPORT_BYTES + 1)
        except OSError as exc:
            raise SubscriberError(f"{where}: cannot read it ({exc.strerror or exc}).") from None
        if len(data) > MAX_IMPORT_BYTES:
            raise SubscriberError(f"{where} is larger than {MAX_IMPORT_BYTES:,} bytes.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SubscriberError(
                f"{where} is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line} "
                "cannot be read). Save it as UTF-8 (CSV UTF-8) and import it again; nothing "
                "was imported."
            ) from None
        rows = parse_csv(text, where)
        result = ImportResult()
        seen: dict[str, int] = {}
        valid: list[tuple[int, str, Language, str]] = []
        for line, raw_email, raw_language in rows:
            try:
                address = normalize_address(raw_email)
                lang = parse_language(raw_language)
            except SubscriberError as exc:
                result.invalid.append(LineNote(line, raw_email, str(exc)))
                continue
            key = address.lower()
            if key in seen:
                result.skipped.append(
                    LineNote(line, address, f"{address} repeats line {seen[key]}")
                )
                continue
            seen[key] = line
            valid.append((line, address, lang, raw_email))
        if result.invalid:
            raise ImportRejected(where, result)
        with self.transaction():
            for line, address, lang, _raw in valid:
                existing = self.get(address)
                if existing is not None:
                    why = (
                        "already subscribed"
                        if existing.active
                        else f"unsubscribed on {existing.unsubscribed_at}; not signed up again "
                        "(use `statusdesk subscriber add` if they asked to be)"
                    )
                    result.skipped.append(LineNote(line, address, f"{address}: {why}"))
                    continue
                self._insert(
                    "subscriber",
                    {
                        "email": address,
                        "language": lang.value,
                        "unsubscribe_token": _new_token(),
                        "created_at": now,
                    },
                )
                result.added.append(LineNote(line, address, "added"))
            self._audit.log_event(
                "subscriber.imported",
                now,
                data={"file": Path(path).name, **result.counts()},
            )
        return result


def parse_csv(text: str, where: str) -> list[tuple[int, str, str]]:
    """(line, email, language) of each non-empty row. A first row naming an `email` column is
    a header (its columns may come in any order, others are ignored); without one, the columns
    are email, then language. A `;` separator (spreadsheets in many locales) is accepted."""
    import csv  # at the first import of a list, not at every open of the workspace

    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    email_col, language_col = 0, 1
    rows: list[tuple[int, str, str]] = []
    header_seen = False
    try:
        for record in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in record]
            if not any(cells):
                continue
            if not header_seen and not rows:
                header_seen = True
                names = [cell.lower().lstrip("\ufeff") for cell in cells]
                if "email" in names or "e-mail" in names:
                    email_col = names.index("email" if "email" in names else "e-mail")
                    language_col = names.index("language") if "language" in names else -1
                    continue
            address = cells[email_col] if email_col < len(cells) else ""
            language = cells[language_col] if 0 <= language_col < len(cells) else ""
            rows.append((line, address, language))
    except csv.Error as exc:
        raise SubscriberError(
            f"{where} is not a CSV file this can read (line {reader.line_num}: {exc}); "
            "nothing was imported."
        ) from None
    return rows


def _new_token() -> str:
    import secrets  # at the first subscriber, not at every open of the workspace

    return secrets.token_urlsafe(24)
