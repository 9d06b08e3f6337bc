"""HTTP for channels: one request, its failure sorted into Transient / Permanent / Ambiguous
(ARCHITECTURE §4) with a message that names the channel, the cause and the fix, and the server's own
wait (`Retry-After`, `x-rate-limit-reset`) carried to the retry policy.

TLS verification is requests' default (certifi, or REQUESTS_CA_BUNDLE) and is never turned off.
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from statusdesk.channels.base import WILL_RETRY, Ambiguous, Permanent, Transient
from statusdesk.channels.targets import ForbiddenTarget

if TYPE_CHECKING:
    import requests

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0
RETRYABLE_STATUS = {408, 420, 425, 429, 500, 502, 503, 504}
# What the outbox does after a request that may have landed (ARCHITECTURE §5: unknown, reconciled).
MAY_HAVE_ARRIVED = "it may have arrived, so it is checked before being sent again."
SNIPPET_CHARS = 200


def retry_after_seconds(headers: Mapping[str, str], now: datetime) -> float | None:
    """The wait a server asked for: `Retry-After` in seconds or as an HTTP date, else X's
    `x-rate-limit-reset` (epoch seconds). None when it named none (or nonsense)."""
    value = headers.get("Retry-After")
    if value:
        value = value.strip()
        if value.isascii() and value.isdigit():  # not "²": isdigit() alone takes it
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return max(0.0, (when - now).total_seconds())
    reset = (headers.get("x-rate-limit-reset") or "").strip()
    if reset.isascii() and reset.isdigit():
        return max(0.0, int(reset) - now.timestamp())
    return None


def host_of(url: str) -> str:
    return urlsplit(url).netloc or url


def _snippet(response: requests.Response) -> str:
    text = " ".join((response.text or "").split())
    return text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else "")


def check_response(channel: str, response: requests.Response, now: datetime) -> None:
    """Raise what a non-2xx answer means; return for a 2xx."""
    status = response.status_code
    if 200 <= status < 300:
        return
    host = host_of(response.url)
    reason = f"{status} {response.reason or ''}".strip()
    if status in RETRYABLE_STATUS:
        wait = retry_after_seconds(response.headers, now)
        told = f"; it asked to wait {wait:.0f} s" if wait is not None else ""
        raise Transient(f"{channel}: {host} answered {reason}{told}.", wait, then=WILL_RETRY)
    if status in (401, 403):
        raise Permanent(
            f"{channel}: {host} refused the credentials ({reason}). Set the right secret with "
            f"`statusdesk channel secret {channel} KEY`, then retry this delivery."
        )
    if status == 404:
        raise Permanent(
            f"{channel}: {response.url} does not exist ({reason}). Check the channel's url "
            "setting, then retry this delivery."
        )
    if 300 <= status < 400:
        target = response.headers.get("Location", "another address")
        raise Permanent(
            f"{channel}: {host} redirects to {target} ({reason}). Set the channel's url to the "
            "final address, then retry this delivery."
        )
    detail = _snippet(response)
    raise Permanent(
        f"{channel}: {host} rejected the request ({reason}{': ' + detail if detail else ''}). "
        "Fix the channel's settings or the update, then retry this delivery."
    )


def _caused_by(exc: BaseException, *kinds: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kinds):
            return True
        for arg in getattr(seen, "args", ()):
            if isinstance(arg, BaseException) and _caused_by(arg, *kinds):
                return True
        seen = seen.__cause__ or seen.__context__
    return False


def translate_error(channel: str, url: str, exc: Exception) -> Exception:
    """What a requests exception means for the delivery: did the request leave or not?"""
    import requests
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    host = host_of(url)
    if isinstance(exc, ForbiddenTarget):
        return Permanent(f"{channel}: nothing was sent: {exc}. Fix the channel's settings.")
    if isinstance(exc, requests.exceptions.SSLError):
        return Permanent(
            f"{channel}: the TLS certificate of {host} is not trusted ({exc}). Fix the server's "
            "certificate, or point REQUESTS_CA_BUNDLE at your company's CA; statusdesk never "
            "turns verification off."
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Transient(
            f"{channel}: no connection to {host} within {CONNECT_TIMEOUT:.0f} s.", then=WILL_RETRY
        )
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return Ambiguous(
            f"{channel}: the request reached {host} but no answer came within {READ_TIMEOUT:g} s",
            then=MAY_HAVE_ARRIVED,
        )
    if isinstance(exc, requests.exceptions.ConnectionError):
        if _caused_by(exc, NameResolutionError):
            return Transient(
                f"{channel}: cannot resolve {host}. Check the network and the url setting.",
                then=WILL_RETRY,
            )
        if _caused_by(exc, NewConnectionError, ConnectionRefusedError):
            return Transient(
                f"{channel}: cannot connect to {host} (is the receiver up?).", then=WILL_RETRY
            )
        return Ambiguous(
            f"{channel}: the connection to {host} broke during the request ({exc})",
            then=MAY_HAVE_ARRIVED,
        )
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return Permanent(f"{channel}: {url!r} is not a usable URL. Fix the url setting.")
    return Ambiguous(f"{channel}: the request to {host} failed ({exc})", then=MAY_HAVE_ARRIVED)


def post(
    channel: str,
    session: requests.Session,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    now: datetime,
) -> requests.Response:
    """One POST; raises Transient / Permanent / Ambiguous for anything but a 2xx."""
    try:
        response = session.post(
            url,
            data=body,
            headers=dict(headers),
            timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
            allow_redirects=False,  # a redirected POST may turn into a GET and be lost
        )
    except Exception as exc:
        raise translate_error(channel, url, exc) from exc
    check_response(channel, response, now)
    return response
