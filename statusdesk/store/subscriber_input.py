"""Reading what a person gives about subscribers, backend-neutral: an address, a language, the
components they follow (by English or Arabic name), and the lines of a CSV file."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import NamedTuple

from statusdesk.core.model import Component, Language
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.store.subscriber_records import (
    InvalidAddress,
    SubscriberError,
    UnknownComponent,
)

LANGUAGES = tuple(lang.value for lang in Language)
MAX_ADDRESS_CHARS = 254  # RFC 5321: the longest path a server must accept
MAX_IMPORT_BYTES = 20 * 1024 * 1024
# Between component names: a comma, or the Arabic comma an Arabic keyboard types.
NAME_SEPARATORS = ",،"
_SEPARATOR = re.compile(f"([{NAME_SEPARATORS}])")
_QUOTED = re.compile(r'"[^"]*"')


def normalize_address(text: str) -> str:
    """A bare address (`user@example.com`) as it will be mailed, or InvalidAddress saying why.

    The domain is lower-cased and an internationalised domain is turned into its ASCII (xn--)
    form; the local part must be ASCII, as statusdesk mails without SMTPUTF8.
    """
    value = text.strip()
    shown = value if len(value) <= 80 else value[:79] + "…"
    if not value:
        raise InvalidAddress(QT_TRANSLATE_NOOP("Problems", "an email address is empty"))
    if any(ch.isspace() or ord(ch) < 32 or ch in '<>"(),;[]\\' for ch in value):
        raise InvalidAddress(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{address} is not an email address: give the bare address, like "
                "name@example.com, without a display name, spaces, quotes or brackets",
            ).format(address=repr(shown))
        )
    # The email package's parser loads here, at the first address: opening a workspace does not
    # need it (the store's parts are built at every open).
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=value)
    except (HeaderParseError, IndexError, TypeError, ValueError):
        raise InvalidAddress(_not_an_address(shown)) from None
    local, domain = address.username, address.domain
    if not local or not domain:
        raise InvalidAddress(_not_an_address(shown))
    if not local.isascii():
        raise InvalidAddress(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{address}: the part before @ must be ASCII (statusdesk does not send SMTPUTF8 "
                "mail)",
            ).format(address=repr(shown))
        )
    try:
        domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise InvalidAddress(
            QT_TRANSLATE_NOOP("Problems", "{address}: {domain} is not a valid domain name").format(
                address=repr(shown), domain=repr(domain)
            )
        ) from None
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
            QT_TRANSLATE_NOOP(
                "Problems",
                "{address}: {domain} is not a domain that can receive mail (expected something "
                "like example.com)",
            ).format(address=repr(shown), domain=repr(domain))
        )
    normalized = f"{local}@{domain}"
    if len(normalized) > MAX_ADDRESS_CHARS:
        raise InvalidAddress(
            QT_TRANSLATE_NOOP("Problems", "{address} is longer than {most} characters").format(
                address=repr(shown), most=MAX_ADDRESS_CHARS
            )
        )
    return normalized


def _not_an_address(shown: str) -> str:
    return QT_TRANSLATE_NOOP(
        "Problems", "{address} is not an email address (expected name@example.com)"
    ).format(address=repr(shown))


def parse_language(text: str | None) -> Language:
    value = (text or "").strip().lower() or Language.BOTH.value
    try:
        return Language(value)
    except ValueError:
        raise SubscriberError(
            QT_TRANSLATE_NOOP("Problems", "{text} is not a language; use ar, en or both").format(
                text=repr(text)
            )
        ) from None


def component_names(component: Component) -> str:
    """'API (الواجهة)': how a refusal names a component."""
    return f"{component.name.en} ({component.name.ar})" if component.name.ar else component.name.en


def resolve_components(text: str, components: Sequence[Component]) -> tuple[int, ...]:
    """The ids (ascending) of the components `text` names, separated by commas: each by its
    English name (any case) or its Arabic name. Empty text: () — every component. A name that
    itself holds a comma is found whole. UnknownComponent names what exists otherwise."""
    by_name: dict[str, int] = {}
    for component in components:
        by_name[component.name.en.strip().casefold()] = component.id
        if component.name.ar.strip():
            by_name.setdefault(component.name.ar.strip(), component.id)

    def lookup(name: str) -> int | None:
        return by_name.get(name.casefold(), by_name.get(name))

    parts = _SEPARATOR.split(text)  # names at even places, separators between
    names = parts[0::2]
    ids: set[int] = set()
    unknown: list[str] = []
    start = 0
    while start < len(names):
        if not names[start].strip():
            start += 1
            continue
        # The longest run of pieces that is one name ("Trading, EU" may be one component).
        for end in range(len(names), start, -1):
            found = lookup("".join(parts[2 * start : 2 * end - 1]).strip())
            if found is not None:
                ids.add(found)
                start = end
                break
        else:
            unknown.append(names[start].strip())
            start += 1
    if unknown:
        listed = "; ".join(component_names(c) for c in components)
        which = ", ".join(repr(name) for name in unknown)
        there = (
            QT_TRANSLATE_NOOP("Problems", "the components are: {listed}").format(listed=listed)
            if components
            else QT_TRANSLATE_NOOP(
                "Problems",
                "there are no components yet (add them with `statusdesk component add`)",
            )
        )
        said = (
            QT_TRANSLATE_NOOP(
                "Problems",
                "{which} is not a component; {there}. Name them by their English or Arabic "
                "name, separated by commas.",
            )
            if len(unknown) == 1
            else QT_TRANSLATE_NOOP(
                "Problems",
                "{which} are not components; {there}. Name them by their English or Arabic "
                "name, separated by commas.",
            )
        )
        raise UnknownComponent(said.format(which=which, there=there))
    return tuple(sorted(ids))


class CsvRow(NamedTuple):
    line: int
    email: str
    language: str
    components: str  # names separated by commas; empty: every component


def parse_csv(text: str, where: str) -> list[CsvRow]:
    """Each non-empty row. A first row naming an `email` column is a header (its columns may
    come in any order, others are ignored; `language` and `components` are optional); without
    one, the columns are email, language, components. A `;` separator (spreadsheets in many
    locales) is accepted; the components cell holds names separated by commas, so in a
    comma-separated file it is quoted ("API,Trading"), as spreadsheets write it."""
    import csv  # at the first import of a list, not at every open of the workspace

    first = _QUOTED.sub("", next((line for line in text.splitlines() if line.strip()), ""))
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    email_col, language_col, components_col = 0, 1, 2
    rows: list[CsvRow] = []
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
                    components_col = names.index("components") if "components" in names else -1
                    continue
            address = cells[email_col] if email_col < len(cells) else ""
            language = cells[language_col] if 0 <= language_col < len(cells) else ""
            components = cells[components_col] if 0 <= components_col < len(cells) else ""
            rows.append(CsvRow(line, address, language, components))
    except csv.Error as exc:
        raise SubscriberError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{where} is not a CSV file this can read (line {line}: {error}); nothing was "
                "imported.",
            ).format(where=where, line=reader.line_num, error=exc)
        ) from None
    return rows
