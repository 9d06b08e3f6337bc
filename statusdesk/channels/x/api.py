"""X API v2 over HTTP: one request at a time, each failure said in X's own words.

X answers errors as problem+json (`{"title", "detail", "type", "status"}`, with `errors` for a
400). What a failure means for the delivery (ARCHITECTURE §4):

- 429 (and 5xx): Transient, waiting for `x-rate-limit-reset` (or the 24-hour user cap's reset);
- 401: Permanent — the credentials expired or were revoked;
- 403 "duplicate content": `Duplicate`, an Ambiguous — the post may be ours from an attempt
  whose answer was lost, so the account's recent posts are checked before anything is resent;
- other 4xx: Permanent with X's `detail`;
- a timeout after the request left, a broken connection: Ambiguous (from channels.http).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from statusdesk.channels import http
from statusdesk.channels.base import WILL_RETRY, Ambiguous, Permanent, Transient
from statusdesk.channels.threads import ReplyGone
from statusdesk.core.words import QT_TRANSLATE_NOOP

DEFAULT_BASE_URL = "https://api.x.com"
STATUS_URL = "https://x.com/i/web/status/{}"
RECENT_POSTS = 20  # how far back reconciliation looks

# What statusdesk says around X's answer (context "Delivery": the desk reads a stored delivery
# error back into these, delivery/failures.py, and says it in its language; X's own status
# line and words, {reason}, stay as they came).
_THE_POST = QT_TRANSLATE_NOOP("Delivery", "the post")
_THE_ACCOUNT = QT_TRANSLATE_NOOP("Delivery", "the account lookup")
_THE_LOOKUP = QT_TRANSLATE_NOOP("Delivery", "the lookup of recent posts")
_NO_POST_ID = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: X accepted the post but its answer names no post id; it is checked against the "
    "account's recent posts before anything is sent again.",
)
_NO_USER = QT_TRANSLATE_NOOP("Delivery", "{channel}: X's answer to /2/users/me has no user.")
_NO_ANSWER_TO = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: no answer from {host} to {path} ({error})."
)
_TRY_AGAIN = QT_TRANSLATE_NOOP("Delivery", "Will try again.")
_DUPLICATE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: X refused the post as a duplicate ({reason}); it may be ours from an attempt "
    "whose answer was lost, so the account's recent posts are checked before anything is sent "
    "again.",
)
_REPLY_REFUSED = QT_TRANSLATE_NOOP("Delivery", "{channel}: X refused the reply ({reason}).")
_ANSWERED = QT_TRANSLATE_NOOP("Delivery", "{channel}: X answered {reason}.")
_ANSWERED_WAIT = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: X answered {reason}; it asked to wait {seconds} s."
)
_CREDENTIALS = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: X refused the credentials ({reason}): credentials expired or revoked — {fix}, "
    "then retry this delivery.",
)
_FORBIDDEN = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: X refused {action} ({reason}). Check that the app has Read and Write permission "
    "in the X developer portal and that the account may post, then retry this delivery.",
)
_REJECTED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: X rejected {action} ({reason}). Fix the update or the channel's settings, then "
    "retry this delivery.",
)


def status_url(post_id: str) -> str:
    return STATUS_URL.format(post_id)


class Duplicate(Ambiguous):
    """X refused a post as a duplicate of one already on the account."""


@dataclass(frozen=True)
class Post:
    id: str
    text: str
    created_at: str | None = None
    replied_to: str | None = None


@dataclass(frozen=True)
class Account:
    id: str
    username: str
    name: str


class Authorizer(Protocol):
    """Signs or authorises one request (OAuth 1.0a or an OAuth 2 bearer token)."""

    def auth(self) -> Any: ...

    def refused(self) -> bool:
        """After a 401: True when a fresh credential may help, so the request is tried once
        more (an OAuth 2 access token revoked before its time)."""
        ...

    def fix(self) -> str:
        """What to do when X refuses the credentials."""
        ...


def problem_detail(response: Any) -> str:
    """X's own explanation of an error: its problem+json `detail` (and each `errors` message),
    or the start of the body."""
    try:
        body = response.json()
    except ValueError:
        body = None
    parts: list[str] = []
    if isinstance(body, dict):
        for key in ("detail", "error_description", "title", "error"):
            value = body.get(key)
            if isinstance(value, str) and value:
                parts.append(value)
                break
        for error in body.get("errors") or []:
            message = error.get("message") if isinstance(error, dict) else None
            if isinstance(message, str) and message and message not in parts:
                parts.append(message)
    if not parts:
        text = " ".join((response.text or "").split())
        if text:
            parts.append(text[: http.SNIPPET_CHARS])
    return "; ".join(parts)[: 2 * http.SNIPPET_CHARS]


def rate_limit_wait(status: int, headers: Mapping[str, str], now: datetime) -> float | None:
    """The wait X names. X sends its x-rate-limit-* headers on every answer, so their reset
    is the wait only for a 429 (or a window it says is spent): then the 24-hour user cap's
    reset when that cap is spent, else the 15-minute window's. Otherwise only `Retry-After`."""
    if (headers.get("x-user-limit-24hour-remaining") or "").strip() == "0":
        reset = (headers.get("x-user-limit-24hour-reset") or "").strip()
        if reset.isascii() and reset.isdigit():
            return max(0.0, int(reset) - now.timestamp())
    spent = (headers.get("x-rate-limit-remaining") or "").strip() == "0"
    if status == 429 or spent:
        return http.retry_after_seconds(headers, now)
    if headers.get("Retry-After"):
        return http.retry_after_seconds({"Retry-After": headers["Retry-After"]}, now)
    return None


class XApi:
    def __init__(
        self,
        channel: str,
        base_url: str,
        session: Any,
        authorizer: Authorizer,
        now: Callable[[], datetime],
    ) -> None:
        self.channel = channel
        self.base_url = base_url.rstrip("/")
        self.session = session
        self.authorizer = authorizer
        self.now = now

    # -- endpoints ------------------------------------------------------------------------------

    def create_post(self, text: str, reply_to: str | None = None) -> Post:
        """POST /2/tweets; the new post's id."""
        payload: dict[str, Any] = {"text": text}
        if reply_to:
            payload["reply"] = {"in_reply_to_tweet_id": reply_to}
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        data = self._call("POST", "/2/tweets", body=body, action=_THE_POST)
        post = data.get("data") if isinstance(data, dict) else None
        post_id = post.get("id") if isinstance(post, dict) else None
        if not isinstance(post_id, str) or not post_id:
            raise Ambiguous(_NO_POST_ID.format(channel=self.channel))
        return Post(post_id, str(post.get("text", text)) if isinstance(post, dict) else text)

    def me(self) -> Account:
        """GET /2/users/me: whose credentials these are."""
        data = self._call("GET", "/2/users/me", action=_THE_ACCOUNT)
        user = data.get("data") if isinstance(data, dict) else None
        if not isinstance(user, dict) or not isinstance(user.get("id"), str):
            raise Transient(_NO_USER.format(channel=self.channel), then=WILL_RETRY)
        return Account(str(user["id"]), str(user.get("username", "")), str(user.get("name", "")))

    def recent_posts(self, user_id: str, count: int = RECENT_POSTS) -> list[Post]:
        """GET /2/users/:id/tweets, newest first."""
        data = self._call(
            "GET",
            f"/2/users/{user_id}/tweets",
            params={
                "max_results": str(max(5, min(100, count))),
                "tweet.fields": "created_at,referenced_tweets",
            },
            action=_THE_LOOKUP,
        )
        found = data.get("data") if isinstance(data, dict) else None
        posts: list[Post] = []
        for item in found if isinstance(found, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            replied_to = next(
                (
                    str(ref.get("id"))
                    for ref in item.get("referenced_tweets") or []
                    if isinstance(ref, dict) and ref.get("type") == "replied_to"
                ),
                None,
            )
            posts.append(
                Post(item["id"], str(item.get("text", "")), item.get("created_at"), replied_to)
            )
        return posts

    # -- one request ----------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: Mapping[str, str] | None = None,
        action: str,
    ) -> Any:
        response = self._send(method, path, body, params)
        if response.status_code == 401 and self.authorizer.refused():
            response = self._send(method, path, body, params)  # with a renewed credential
        self._check(response, action)
        try:
            return response.json()
        except ValueError:
            return None

    def _send(
        self, method: str, path: str, body: bytes | None, params: Mapping[str, str] | None
    ) -> Any:
        url = self.base_url + path
        headers = {"User-Agent": "statusdesk"}
        if body is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
        # Outside the try: a missing secret or a refused renewal already says what it is.
        auth = self.authorizer.auth()
        try:
            return self.session.request(
                method,
                url,
                data=body,
                params=dict(params or {}),
                headers=headers,
                auth=auth,
                timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT),
                allow_redirects=False,  # a redirected POST may turn into a lost GET
            )
        except Exception as exc:
            error = http.translate_error(self.channel, url, exc)
            if method == "GET" and isinstance(error, Ambiguous):
                # A lookup changes nothing: not knowing its answer is only a reason to ask again.
                said = _NO_ANSWER_TO.format(
                    channel=self.channel,
                    host=http.host_of(url),
                    path=path,
                    error=type(exc).__name__,
                )
                error = Transient(said, then=_TRY_AGAIN)
            raise error from exc

    def _check(self, response: Any, action: str) -> None:
        status = int(response.status_code)
        if 200 <= status < 300:
            return
        detail = problem_detail(response)
        # X's own words: its status line, and what it said about it.
        reason = f"{status} {response.reason or ''}".strip() + (f": {detail}" if detail else "")
        who = {"channel": self.channel, "reason": reason}
        if status == 403 and "duplicate content" in detail.lower():
            raise Duplicate(_DUPLICATE.format(**who))
        lowered = detail.lower()
        if (status == 403 and "deleted or not visible" in lowered) or (
            status == 400 and "in_reply_to_tweet_id" in lowered
        ):
            # "You attempted to reply to a Tweet that is deleted or not visible to you." (403),
            # or a reply id X does not know (400): the thread's earlier post is gone.
            raise ReplyGone(_REPLY_REFUSED.format(**who))
        if status in http.RETRYABLE_STATUS or status >= 500:
            wait = rate_limit_wait(status, response.headers, self.now())
            if wait is None:
                raise Transient(_ANSWERED.format(**who), wait, then=WILL_RETRY)
            said = _ANSWERED_WAIT.format(**who, seconds=f"{wait:.0f}")
            raise Transient(said, wait, then=WILL_RETRY)
        if status == 401:
            raise Permanent(_CREDENTIALS.format(**who, fix=self.authorizer.fix()))
        if status == 403:
            raise Permanent(_FORBIDDEN.format(**who, action=action))
        if 300 <= status < 400 or status == 404:
            http.check_response(self.channel, response, self.now())
        raise Permanent(_REJECTED.format(**who, action=action))
