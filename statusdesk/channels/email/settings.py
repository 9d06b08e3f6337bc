"""The email channel's settings, read once and checked in words a user can act on.

`channel add email NAME --set host=smtp.example.com --set from=status@example.com ...`: every
value arrives as text. TLS is the default (STARTTLS on 587); implicit TLS on 465 is
`security=tls`; plaintext (`security=none`) only with `allow_plaintext=yes`, and never with a
username: a password is only ever sent over TLS.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels.tested import NO_ENCRYPTION
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of
from statusdesk.store.subscribers import InvalidAddress, normalize_address

SECRETS = ("password",)
SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
YES = ("yes", "true", "1", "on")
MAX_CONNECTIONS = 8
MAX_RATE = 10_000.0  # messages a second: more than any provider allows


@dataclass(frozen=True)
class EmailSettings:
    host: str
    port: int
    security: str  # starttls | tls | none
    username: str  # empty: no AUTH
    from_header: str  # as it goes in the From header ("Acme Status <status@acme.example>")
    from_address: str  # the bare address: the envelope sender and the Message-ID's domain
    recipients: tuple[str, ...]  # a fixed list; empty: the active subscribers
    unsubscribe_url: str  # https://…, with {token} or a token= parameter appended; may be ""
    digits: str  # latn | arab, for Arabic dates
    connections: int = 1  # SMTP sessions at once (1-8)
    max_per_second: float | None = None  # the provider's sending limit; None: none

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def security_label(self) -> str:
        return {"starttls": "STARTTLS", "tls": "TLS", "none": NO_ENCRYPTION}[self.security]


def _text(settings: Mapping[str, Any], key: str) -> str:
    value = settings.get(key, "")
    return str(value).strip() if value is not None else ""


def _from(settings: Mapping[str, Any]) -> tuple[str, str]:
    """(header, bare address) of the `from` setting; raises InvalidAddress."""
    raw = _text(settings, "from")
    if not raw:
        raise InvalidAddress(
            QT_TRANSLATE_NOOP("Problems", "from is missing; e.g. --set from=status@example.com")
        )
    name, addr = parseaddr(raw)
    if not addr:
        raise InvalidAddress(
            QT_TRANSLATE_NOOP("Problems", "from: {got} is not an email address").format(
                got=repr(raw)
            )
        )
    bare = normalize_address(addr)
    local, _, domain = bare.rpartition("@")
    header = str(Address(display_name=name.strip(), username=local, domain=domain))
    return header, bare


def _recipients(settings: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(addresses, problems) of the optional fixed `recipients` list (comma-separated)."""
    raw = _text(settings, "recipients")
    found: list[str] = []
    problems: list[str] = []
    for piece in raw.replace(";", ",").split(","):
        if not piece.strip():
            continue
        try:
            address = normalize_address(piece)
        except InvalidAddress as exc:
            problems.append(
                QT_TRANSLATE_NOOP("Problems", "recipients: {problem}").format(
                    problem=message_of(exc)
                )
            )
            continue
        if address.lower() not in (a.lower() for a in found):
            found.append(address)
    return found, problems


def _port(settings: Mapping[str, Any], security: str) -> tuple[int, str | None]:
    raw = _text(settings, "port")
    if not raw:
        return DEFAULT_PORTS.get(security, 587), None
    if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) < 65536:
        return 0, QT_TRANSLATE_NOOP(
            "Problems", "port must be a number from 1 to 65535 (got {got}), e.g. --set port=587"
        ).format(got=repr(raw))
    return int(raw), None


def _connections(settings: Mapping[str, Any]) -> tuple[int, str | None]:
    raw = _text(settings, "connections")
    if not raw:
        return 1, None
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_CONNECTIONS:
        return 1, QT_TRANSLATE_NOOP(
            "Problems",
            "connections must be a whole number from 1 to {most} (got {got}): how many SMTP "
            "sessions mail at once, e.g. --set connections=4; check how many your provider "
            "allows",
        ).format(most=MAX_CONNECTIONS, got=repr(raw))
    return int(raw), None


def _max_per_second(settings: Mapping[str, Any]) -> tuple[float | None, str | None]:
    raw = _text(settings, "max_per_second")
    if not raw:
        return None, None
    try:
        rate = float(raw)
    except ValueError:
        rate = -1.0
    if not 0 < rate <= MAX_RATE or not raw.isascii():
        return None, QT_TRANSLATE_NOOP(
            "Problems",
            "max_per_second must be a number of messages a second above 0, at most {most} (got "
            "{got}), e.g. --set max_per_second=14 for a provider that allows 14 a second; leave "
            "it out for no limit",
        ).format(most=f"{MAX_RATE:,.0f}", got=repr(raw))
    return rate, None


def settings_problems(settings: Mapping[str, Any]) -> list[str]:
    """What is wrong with an email channel's settings, each with the fix."""
    problems: list[str] = []
    host = _text(settings, "host")
    if not host or any(ch.isspace() or ch in "/@" for ch in host):
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "host must be the SMTP server's name (got {got}), e.g. --set host=smtp.example.com",
            ).format(got=repr(host))
        )
    security = _text(settings, "security").lower() or "starttls"
    if security not in SECURITY:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "security must be starttls (port 587), tls (port 465) or none (got {got})",
            ).format(got=repr(security))
        )
    port, port_problem = _port(settings, security)
    if port_problem:
        problems.append(port_problem)
    if security == "starttls" and port == 465:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "port 465 speaks TLS from the first byte: use --set security=tls with it (or port "
                "587 with starttls)",
            )
        )
    if security == "tls" and port in (25, 587):
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "port {port} starts in plaintext and upgrades with STARTTLS: use --set "
                "security=starttls with it (or port 465 with tls)",
            ).format(port=port)
        )
    plaintext_allowed = _text(settings, "allow_plaintext").lower() in YES
    if security == "none" and not plaintext_allowed:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "security=none sends every email unencrypted; use starttls or tls, or if this "
                "server is on a network you trust, say so with --set allow_plaintext=yes",
            )
        )
    if security == "none" and _text(settings, "username"):
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "a username needs TLS: statusdesk never sends a password unencrypted. Use "
                "security=starttls or tls, or remove the username for a relay without AUTH",
            )
        )
    try:
        _from(settings)
    except InvalidAddress as exc:
        message = message_of(exc)
        problems.append(
            message
            if message.startswith("from")
            else QT_TRANSLATE_NOOP("Problems", "from: {problem}").format(problem=message)
        )
    problems += _recipients(settings)[1]
    url = _text(settings, "unsubscribe_url")
    if url:
        parts = urlsplit(url)
        if (
            parts.scheme != "https"
            or not parts.netloc
            or any(ch.isspace() or ch in '<>"' for ch in url)
        ):
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "unsubscribe_url must be an https:// address (got {got}), e.g. --set "
                    "unsubscribe_url=https://status.example.com/unsubscribe?token={{token}}",
                ).format(got=repr(url))
            )
    digits = _text(settings, "digits") or "latn"
    if digits not in ("latn", "arab"):
        problems.append(
            QT_TRANSLATE_NOOP("Problems", "digits must be latn or arab (got {got})").format(
                got=repr(digits)
            )
        )
    for problem in (_connections(settings)[1], _max_per_second(settings)[1]):
        if problem:
            problems.append(problem)
    return problems


def read_settings(settings: Mapping[str, Any]) -> EmailSettings:
    """The settings as values; call only when settings_problems found none."""
    security = _text(settings, "security").lower() or "starttls"
    port, _ = _port(settings, security)
    header, bare = _from(settings)
    return EmailSettings(
        host=_text(settings, "host"),
        port=port,
        security=security,
        username=_text(settings, "username"),
        from_header=header,
        from_address=bare,
        recipients=tuple(_recipients(settings)[0]),
        unsubscribe_url=_text(settings, "unsubscribe_url"),
        digits=_text(settings, "digits") or "latn",
        connections=_connections(settings)[0],
        max_per_second=_max_per_second(settings)[0],
    )
