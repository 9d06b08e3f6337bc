"""Mastodon's REST API over HTTP: one request at a time, each failure said with its fix.

What a failure means for the delivery (ARCHITECTURE §4):

- 401/403: Permanent — the access token is wrong, revoked or lacks `write:statuses`;
- 422: Permanent with Mastodon's own `error` (redacted);
- 429: Transient, waiting until `X-RateLimit-Reset` (an ISO time) or `Retry-After`;
- 5xx, a refused connection: Transient;
- a timeout after the request left, a reset mid-answer: Ambiguous (channels.http) — a GET is
  only asked again (Transient).

Text is counted as Mastodon counts it: Unicode code points, every http(s) link as
`characters_reserved_per_url` (23) whatever its length.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels import http
from statusdesk.channels.base import WILL_RETRY, Ambiguous, Permanent, Transient
from statusdesk.channels.threads import ReplyGone
from statusdesk.core.text.weighted import url_spans
from statusdesk.core.timefmt import parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.redact import redact

DEFAULT_LIMIT = 500
DEFAULT_URL_WEIGHT = 23
RECENT_STATUSES = 40  # how far back reconciliation looks (Mastodon's largest page)
INSTANCE_TIMEOUT = (3.0, 5.0)


@dataclass(frozen=True)
class Limits:
    max_characters: int = DEFAULT_LIMIT
    url_weight: int = DEFAULT_URL_WEIGHT


def length(text: str, url_weight: int = DEFAULT_URL_WEIGHT) -> int:
    """Mastodon's count: code points, each link with its scheme counted as `url_weight`."""
    total = len(text)
    for span in url_spans(text):
        if not span.bare:
            total += url_weight - (span.end - span.start)
    return total


@dataclass(frozen=True)
class Status:
    id: str
    url: str | None
    content: str = ""  # HTML, as Mastodon shows it
    created_at: str | None = None
    in_reply_to_id: str | None = None


@dataclass(frozen=True)
class Account:
    id: str
    acct: str


# (home, channel, base_url) → the limits, and until when (monotonic; None: for the process).
_LIMITS: dict[tuple[str, str, str], tuple[Limits, float | None]] = {}
_LIMITS_LOCK = threading.Lock()

# What statusdesk says around an instance's answer (context "Delivery": the desk reads a stored
# delivery error back into these, delivery/failures.py, and says it in its language; the
# instance's status line and words, {reason}, stay as they came).
_THE_POST = QT_TRANSLATE_NOOP("Delivery", "the post")
_THE_SIGN_IN = QT_TRANSLATE_NOOP("Delivery", "the sign-in")
_THE_LOOKUP = QT_TRANSLATE_NOOP("Delivery", "the lookup of recent posts")
_NO_STATUS_ID = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} accepted the post but its answer names no status id; the account's "
    "recent posts are checked before anything is sent again.",
)
_NO_ACCOUNT = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host}'s answer to verify_credentials names no account."
)
_NO_ANSWER_TO = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: no answer from {host} to {path} ({error})."
)
_TRY_AGAIN = QT_TRANSLATE_NOOP("Delivery", "Will try again.")
_REPLY_REFUSED = QT_TRANSLATE_NOOP("Delivery", "{channel}: {host} refused the reply ({reason}).")
_TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} refused the access token ({reason}): it is wrong, revoked or lacks the "
    "write:statuses scope — store a valid one with `statusdesk channel secret {channel} "
    "access_token`, then retry this delivery.",
)
_REJECTED_FIX = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} rejected {action} ({reason}). Fix the update or the channel's settings, "
    "then retry this delivery.",
)
_REJECTED = QT_TRANSLATE_NOOP("Delivery", "{channel}: {host} rejected {action} ({reason}).")
UNREACHABLE_SECONDS = 60.0  # an instance that did not answer is asked again after this


def cached_limits(key: tuple[str, str, str]) -> Limits | None:
    with _LIMITS_LOCK:
        found = _LIMITS.get(key)
    if found is None or (found[1] is not None and time.monotonic() > found[1]):
        return None
    return found[0]


def remember_limits(key: tuple[str, str, str], limits: Limits | None) -> Limits:
    """Keep what the instance said for the process; the defaults, for a minute, when it did not
    answer."""
    until = None if limits is not None else time.monotonic() + UNREACHABLE_SECONDS
    kept = limits or Limits()
    with _LIMITS_LOCK:
        _LIMITS[key] = (kept, until)
    return kept


def forget_limits() -> None:
    """Tests: every channel reads its instance's limits afresh."""
    with _LIMITS_LOCK:
        _LIMITS.clear()


def error_text(response: Any) -> str:
    """Mastodon's own words (`{"error": …}`), or the start of the body; redacted."""
    try:
        body = response.json()
    except ValueError:
        body = None
    said = ""
    if isinstance(body, dict):
        for key in ("error_description", "error"):
            if isinstance(body.get(key), str) and body[key]:
                said = body[key]
                break
    if not said:
        said = " ".join((response.text or "").split())
    return redact(said[: 2 * http.SNIPPET_CHARS])


def rate_limit_wait(headers: Mapping[str, str], now: datetime) -> float | None:
    """`X-RateLimit-Reset` (an ISO time, Mastodon's) else `Retry-After`."""
    reset = (headers.get("X-RateLimit-Reset") or "").strip()
    if reset:
        try:
            return max(0.0, (parse_iso(reset) - now).total_seconds())
        except ValueError:
            pass
    if headers.get("Retry-After"):
        return http.retry_after_seconds({"Retry-After": headers["Retry-After"]}, now)
    return None


class MastodonApi:
    def __init__(
        self,
        channel: str,
        base_url: str,
        session: Any,
        token: Callable[[], str],
        now: Callable[[], datetime],
    ) -> None:
        self.channel = channel
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc
        self.session = session
        self.token = token
        self.now = now

    # -- endpoints ------------------------------------------------------------------------------

    def limits(self) -> Limits | None:
        """GET /api/v2/instance: the instance's limit and link weight (500 and 23 where it does
        not say); None when it does not answer (then the caller uses the defaults for now)."""
        try:
            response = self.session.get(
                self.base_url + "/api/v2/instance",
                headers={"User-Agent": "statusdesk", "Accept": "application/json"},
                timeout=INSTANCE_TIMEOUT,
                allow_redirects=False,
            )
            if response.status_code != 200:
                return None
            body = response.json()
        except Exception:
            return None
        configuration = body.get("configuration") if isinstance(body, dict) else None
        statuses = configuration.get("statuses") if isinstance(configuration, dict) else None
        if not isinstance(statuses, dict):
            return Limits()
        most, url = statuses.get("max_characters"), statuses.get("characters_reserved_per_url")
        return Limits(
            most if isinstance(most, int) and most > 0 else DEFAULT_LIMIT,
            url if isinstance(url, int) and url > 0 else DEFAULT_URL_WEIGHT,
        )

    def post_status(
        self,
        text: str,
        *,
        idempotency_key: str,
        visibility: str,
        language: str,
        in_reply_to_id: str | None,
    ) -> Status:
        """POST /api/v1/statuses."""
        payload: dict[str, Any] = {"status": text, "visibility": visibility, "language": language}
        if in_reply_to_id:
            payload["in_reply_to_id"] = in_reply_to_id
        data = self._call(
            "POST",
            "/api/v1/statuses",
            body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            headers={"Idempotency-Key": idempotency_key},
            action=_THE_POST,
            replying=bool(in_reply_to_id),
        )
        status = _status(data)
        if status is None:
            raise Ambiguous(_NO_STATUS_ID.format(channel=self.channel, host=self.host))
        return status

    def me(self) -> Account:
        """GET /api/v1/accounts/verify_credentials: whose token this is."""
        data = self._call("GET", "/api/v1/accounts/verify_credentials", action=_THE_SIGN_IN)
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise Transient(
                _NO_ACCOUNT.format(channel=self.channel, host=self.host), then=WILL_RETRY
            )
        return Account(data["id"], str(data.get("acct") or data.get("username") or ""))

    def recent(self, account_id: str, count: int = RECENT_STATUSES) -> list[Status]:
        """GET /api/v1/accounts/:id/statuses, newest first."""
        data = self._call(
            "GET",
            f"/api/v1/accounts/{account_id}/statuses",
            params={"limit": str(count)},
            action=_THE_LOOKUP,
        )
        found = [_status(item) for item in data] if isinstance(data, list) else []
        return [s for s in found if s is not None]

    # -- one request ----------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        action: str,
        replying: bool = False,
    ) -> Any:
        url = self.base_url + path
        sent = {"User-Agent": "statusdesk", "Accept": "application/json", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/json; charset=utf-8"
        sent["Authorization"] = f"Bearer {self.token()}"  # outside the try: says what is missing
        try:
            response = self.session.request(
                method,
                url,
                data=body,
                params=dict(params or {}),
                headers=sent,
                timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT),
                allow_redirects=False,
            )
        except Exception as exc:
            error = http.translate_error(self.channel, url, exc)
            if method == "GET" and isinstance(error, Ambiguous):
                said = _NO_ANSWER_TO.format(
                    channel=self.channel, host=self.host, path=path, error=type(exc).__name__
                )
                error = Transient(said, then=_TRY_AGAIN)
            raise error from exc
        self._check(response, action, replying)
        try:
            return response.json()
        except ValueError:
            return None

    def _check(self, response: Any, action: str, replying: bool = False) -> None:
        status = int(response.status_code)
        if 200 <= status < 300:
            return
        detail = error_text(response)
        # The instance's own words: its status line, and what it said about it.
        reason = f"{status} {response.reason or ''}".strip() + (f": {detail}" if detail else "")
        who = {"channel": self.channel, "host": self.host, "reason": reason}
        if replying and (status == 404 or (status == 422 and "repl" in detail.lower())):
            # The status replied to was deleted, or may not be seen (404 "Record not found",
            # or a 422 about the reply): the thread's earlier post is gone.
            raise ReplyGone(_REPLY_REFUSED.format(**who))
        if status in http.RETRYABLE_STATUS or status >= 500:
            wait = rate_limit_wait(response.headers, self.now())
            if wait is None:
                raise Transient(http.ANSWERED.format(**who), wait, then=WILL_RETRY)
            said = http.ANSWERED_WAIT.format(**who, seconds=f"{wait:.0f}")
            raise Transient(said, wait, then=WILL_RETRY)
        if status in (401, 403):
            raise Permanent(_TOKEN_REFUSED.format(**who))
        if status == 422:
            raise Permanent(_REJECTED_FIX.format(**who, action=action))
        http.check_response(self.channel, response, self.now())
        raise Permanent(_REJECTED.format(**who, action=action))


def _status(item: Any) -> Status | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
        return None
    url = item.get("url") or item.get("uri")
    reply = item.get("in_reply_to_id")
    return Status(
        item["id"],
        url if isinstance(url, str) else None,
        str(item.get("content") or ""),
        item.get("created_at") if isinstance(item.get("created_at"), str) else None,
        reply if isinstance(reply, str) else None,
    )
