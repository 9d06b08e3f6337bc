"""Where a channel may send, and what its settings may hold: checked for every kind when a
channel is added or edited (registry.kind_settings_problems calls `settings_problems`).

- No secret in the settings. The settings are stored in the workspace, shown by `channel list`
  and exported; a secret goes to the keyring with `statusdesk channel secret NAME KEY`. Refused:
  every key a kind reads from the keyring (its `SECRETS`) and any key named like a credential.
- No link-local or cloud-metadata target. 169.254.0.0/16 and fe80::/10 (link-local, where
  every cloud's instance metadata lives: 169.254.169.254, fd00:ec2::254) and the metadata host
  names would hand a channel's request — with its credentials — to the machine's own cloud
  identity service. Checked on every URL and host setting, on the literal address in any form
  a resolver takes (2852039166, 0xa9.0xfe.0xa9.0xfe, ::ffff:169.254.169.254), and on what a
  host name resolves to now, when that answers within a second (a name that does not resolve
  yet is not refused: it may be an internal name this machine cannot see).
- A credential only over TLS. Statuspage (an API key in every request) needs an https://
  base_url, and a webhook URL that carries a login (user:pw@) needs https://, except to this
  machine (127.0.0.0/8, ::1, localhost): a test server or a local relay. X's base_url has its
  own, same rule (channels/x/channel.py); email already refuses a password without TLS
  (channels/email/settings.py). A webhook with a signing secret may use http://: the secret
  never travels, only an HMAC of the body (public text), and the Idempotency-Key makes a
  replayed request a no-op.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from statusdesk.core.words import QT_TRANSLATE_NOOP

# Setting names that hold where a channel connects (a URL, or a host name).
URL_KEYS = ("url", "base_url", "unsubscribe_url", "endpoint", "endpoint_url", "remote")
HOST_KEYS = ("host", "hostname", "server")
# The kinds that send a credential in the request itself, and the URL setting it goes to.
CREDENTIAL_URLS = {"statuspage": ("base_url", "https://api.statuspage.io")}
# A setting that only lists which keyring secrets are set: names, not values.
NAMES_ONLY = frozenset({"secret_keys"})
_SECRET_NAME = re.compile(
    r"(?i)(secret|password|passwd|passphrase|token|api_?key|private_?key|credential|"
    r"app_password|access_key)"
)
METADATA_NAMES = frozenset(
    {
        "metadata.google.internal",
        "metadata.goog",
        "metadata",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.com",
    }
)
METADATA_ADDRESSES = (
    ipaddress.ip_network("169.254.0.0/16"),
    ipaddress.ip_network("fe80::/10"),
    ipaddress.ip_network("fd00:ec2::254/128"),
    ipaddress.ip_network("100.100.100.200/32"),  # Alibaba Cloud's metadata service
)
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
RESOLVE_SECONDS = 1.0


def is_secret_key(key: str, declared: Iterable[str] = ()) -> bool:
    """A setting name that holds a secret: one a kind declares, or one named like a credential."""
    return key not in NAMES_ONLY and (key in set(declared) or bool(_SECRET_NAME.search(key)))


def secret_setting_problems(
    settings: Mapping[str, object], declared: Iterable[str] = ()
) -> list[str]:
    """Keys that hold a secret (the value is never repeated)."""
    known = set(declared)
    problems: list[str] = []
    for key in settings:
        if is_secret_key(key, known):
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{key} is a secret, and secrets are never kept in a channel's settings: store "
                    "it in the keyring with `statusdesk channel secret NAME {key}` (it reads the "
                    "value from stdin)",
                ).format(key=key)
            )
    return problems


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a literal host stands for, in every form a resolver accepts."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])  # fe80::1%eth0
    except ValueError:
        if not re.fullmatch(r"(?i)[0-9a-fx.]+", host) or not any(c.isdigit() for c in host):
            return None
        try:  # 2852039166, 0xa9fea9fe, 169.254.43518: inet_aton's legacy forms
            address = ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _forbidden(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in METADATA_ADDRESSES)


def _normal(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def is_loopback(host: str) -> bool:
    host = _normal(host)
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    address = _address(host)
    return address is not None and address.is_loopback


def _resolved(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """What `host` resolves to now, if that answers within RESOLVE_SECONDS; else nothing."""
    found: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = []

    def look() -> None:
        try:
            infos = socket.getaddrinfo(host, None)
        except (OSError, UnicodeError):
            return
        for info in infos:
            address = _address(str(info[4][0]))
            if address is not None:
                found.append(address)

    worker = threading.Thread(target=look, name="statusdesk-resolve", daemon=True)
    worker.start()
    worker.join(RESOLVE_SECONDS)
    return list(found) if not worker.is_alive() else []


def host_problem(key: str, host: str) -> str | None:
    """Why `host` (from setting `key`) may not be a channel's target, or None."""
    name = _normal(host)
    if not name:
        return None
    why = None
    if name in METADATA_NAMES:
        why = QT_TRANSLATE_NOOP("Problems", "a cloud metadata service")
    else:
        address = _address(name)
        if address is not None:
            if _forbidden(address):
                why = QT_TRANSLATE_NOOP("Problems", "a link-local or cloud metadata address")
        elif not is_loopback(name) and any(_forbidden(a) for a in _resolved(name)):
            why = QT_TRANSLATE_NOOP(
                "Problems", "a name that resolves to a link-local or cloud metadata address"
            )
    if why is None:
        return None
    return QT_TRANSLATE_NOOP(
        "Problems",
        "{key} points at {why} ({name}); a channel never sends there — it would hand the "
        "request and its credentials to this machine's cloud identity service",
    ).format(key=key, why=why, name=name)


def _url_host(value: str) -> tuple[str, str] | None:
    """(scheme, host) of a URL setting, None when it is not a URL."""
    try:
        parts = urlsplit(value.strip())
        host = parts.hostname
    except ValueError:
        return None
    if not parts.scheme or not host:
        return None
    return parts.scheme.lower(), host


# A service's base_url that is not https (the kinds' own checks).
HTTPS_BASE_URL = QT_TRANSLATE_NOOP(
    "Problems",
    "base_url must be an https:// address (got {got}; http:// only for a test server on this "
    "machine); the default is {default}",
)


def settings_problems(kind: str, settings: Mapping[str, object]) -> list[str]:
    """Every target setting's address, and TLS for what carries a credential."""
    problems: list[str] = []
    for key, raw in settings.items():
        if not isinstance(raw, str) or not raw.strip():
            continue
        if key in HOST_KEYS:
            found = host_problem(key, raw)
            if found:
                problems.append(found)
            continue
        if key not in URL_KEYS and "://" not in raw:
            continue
        parsed = _url_host(raw)
        if parsed is None:
            continue
        scheme, host = parsed
        found = host_problem(key, host)
        if found:
            problems.append(found)
            continue
        if scheme == "http" and not is_loopback(host):
            if kind in CREDENTIAL_URLS and key == CREDENTIAL_URLS[kind][0]:
                problems.append(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{key} must be an https:// address: this channel sends its API key with "
                        "every request (http:// only for a test server on this machine); the "
                        "default is {default}",
                    ).format(key=key, default=CREDENTIAL_URLS[kind][1])
                )
            elif "@" in urlsplit(raw.strip()).netloc:
                problems.append(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{key} carries a login (user:password@) and must be an https:// address "
                        "(http:// only to this machine): the login would cross the network "
                        "readable",
                    ).format(key=key)
                )
    return problems


# -- at send time -------------------------------------------------------------------------------

CHECK_AGAIN_SECONDS = 60.0


class ForbiddenTarget(Exception):
    """A request refused before it left: its host is, or now resolves to, a link-local or
    metadata address. channels.http.translate_error makes it a Permanent failure."""


def send_time_problem(url: str) -> str | None:
    """The same check on the URL a request is about to go to: a name may have been pointed at a
    metadata address since the channel was added."""
    parsed = _url_host(url)
    if parsed is None:
        return None
    return host_problem("the target", parsed[1])


def guarded_session() -> Any:
    """A requests.Session that refuses, before connecting, a request whose host is (or now
    resolves to) a link-local or metadata address: ForbiddenTarget, which
    channels.http.translate_error makes a Permanent failure that says why."""
    import requests
    from requests.adapters import HTTPAdapter

    class GuardedAdapter(HTTPAdapter):
        def __init__(self) -> None:
            super().__init__()
            self._checked: dict[str, tuple[float, str | None]] = {}

        def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
            import time

            host = urlsplit(str(request.url)).netloc
            now = time.monotonic()
            seen = self._checked.get(host)
            if seen is None or now - seen[0] > CHECK_AGAIN_SECONDS:
                seen = (now, send_time_problem(str(request.url)))
                self._checked[host] = seen
            if seen[1] is not None:
                raise ForbiddenTarget(seen[1])
            return super().send(request, *args, **kwargs)

    session = requests.Session()
    for prefix in ("http://", "https://"):
        session.mount(prefix, GuardedAdapter())
    return session


class ThreadSessions:
    """One guarded session per worker thread, made on first use: requests' Session is not safe
    to share between threads, and each HTTP channel sends from the dispatcher's workers."""

    def __init__(self) -> None:
        self._local = threading.local()

    def get(self) -> Any:
        session = getattr(self._local, "session", None)
        if session is None:
            session = guarded_session()  # no request to a metadata address (above)
            self._local.session = session
        return session
