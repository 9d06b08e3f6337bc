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
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of

if TYPE_CHECKING:
    import requests

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0
RETRYABLE_STATUS = {408, 420, 425, 429, 500, 502, 503, 504}
# What the outbox does after a request that may have landed (ARCHITECTURE §5: unknown, reconciled).
MAY_HAVE_ARRIVED = QT_TRANSLATE_NOOP(
    "Delivery", "it may have arrived, so it is checked before being sent again."
)
SNIPPET_CHARS = 200

# What statusdesk says around a server's answer (context "Delivery": the desk reads a stored
# delivery error back into these and says it in its language; the server's words, {reason} and
# {detail}, stay as they came).
ANSWERED = QT_TRANSLATE_NOOP("Delivery", "{channel}: {host} answered {reason}.")
ANSWERED_WAIT = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host} answered {reason}; it asked to wait {seconds} s."
)
_CREDENTIALS = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} refused the credentials ({reason}). Set the right secret with "
    "`statusdesk channel secret {channel} KEY`, then retry this delivery.",
)
_NOT_THERE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {url} does not exist ({reason}). Check the channel's url setting, then retry "
    "this delivery.",
)
_REDIRECTS = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} redirects to {target} ({reason}). Set the channel's url to the final "
    "address, then retry this delivery.",
)
_REJECTED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} rejected the request ({reason}). Fix the channel's settings or the "
    "update, then retry this delivery.",
)
_REJECTED_SAYING = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} rejected the request ({reason}: {detail}). Fix the channel's settings "
    "or the update, then retry this delivery.",
)
_FORBIDDEN = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: nothing was sent: {problem}. Fix the channel's settings."
)
_UNTRUSTED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the TLS certificate of {host} is not trusted ({error}). Fix the server's "
    "certificate, or point REQUESTS_CA_BUNDLE at your company's CA; statusdesk never turns "
    "verification off.",
)
_NO_CONNECTION = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: no connection to {host} within {seconds} s."
)
_NO_ANSWER = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: the request reached {host} but no answer came within {seconds} s"
)
_UNRESOLVED = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: cannot resolve {host}. Check the network and the url setting."
)
_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: cannot connect to {host} (is the receiver up?)."
)
_BROKE = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: the connection to {host} broke during the request ({error})"
)
_BAD_URL = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {url} is not a usable URL. Fix the url setting."
)
_FAILED = QT_TRANSLATE_NOOP("Delivery", "{channel}: the request to {host} failed ({error})")


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
        if wait is None:
            said = ANSWERED.format(channel=channel, host=host, reason=reason)
        else:
            said = ANSWERED_WAIT.format(
                channel=channel, host=host, reason=reason, seconds=f"{wait:.0f}"
            )
        raise Transient(said, wait, then=WILL_RETRY)
    if status in (401, 403):
        raise Permanent(_CREDENTIALS.format(channel=channel, host=host, reason=reason))
    if status == 404:
        raise Permanent(_NOT_THERE.format(channel=channel, url=response.url, reason=reason))
    if 300 <= status < 400:
        target = response.headers.get("Location", "another address")
        raise Permanent(_REDIRECTS.format(channel=channel, host=host, target=target, reason=reason))
    detail = _snippet(response)
    if detail:
        raise Permanent(
            _REJECTED_SAYING.format(channel=channel, host=host, reason=reason, detail=detail)
        )
    raise Permanent(_REJECTED.format(channel=channel, host=host, reason=reason))


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
        return Permanent(_FORBIDDEN.format(channel=channel, problem=message_of(exc)))
    if isinstance(exc, requests.exceptions.SSLError):
        return Permanent(_UNTRUSTED.format(channel=channel, host=host, error=str(exc)))
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        said = _NO_CONNECTION.format(channel=channel, host=host, seconds=f"{CONNECT_TIMEOUT:.0f}")
        return Transient(said, then=WILL_RETRY)
    if isinstance(exc, requests.exceptions.ReadTimeout):
        said = _NO_ANSWER.format(channel=channel, host=host, seconds=f"{READ_TIMEOUT:g}")
        return Ambiguous(said, then=MAY_HAVE_ARRIVED)
    if isinstance(exc, requests.exceptions.ConnectionError):
        if _caused_by(exc, NameResolutionError):
            return Transient(_UNRESOLVED.format(channel=channel, host=host), then=WILL_RETRY)
        if _caused_by(exc, NewConnectionError, ConnectionRefusedError):
            return Transient(_REFUSED.format(channel=channel, host=host), then=WILL_RETRY)
        said = _BROKE.format(channel=channel, host=host, error=str(exc))
        return Ambiguous(said, then=MAY_HAVE_ARRIVED)
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return Permanent(_BAD_URL.format(channel=channel, url=repr(url)))
    said = _FAILED.format(channel=channel, host=host, error=str(exc))
    return Ambiguous(said, then=MAY_HAVE_ARRIVED)


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
