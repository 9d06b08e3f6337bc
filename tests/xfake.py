"""A local X API v2 for the X channel's tests: it speaks X's routes, checks credentials as X
does, answers in X's real shapes, keeps the account's posts, and misbehaves on cue.

    fake = FakeX()                               # on 127.0.0.1, a free port
    fake.script("POST /2/tweets", passthrough(), status(503))
    ...                                          # point a channel at fake.url
    assert [p.text for p in fake.posts] == [...]

- OAuth 1.0a: every request's HMAC-SHA1 signature is verified with oauthlib's own server side
  (`SignatureOnlyEndpoint`) against the consumer and token secrets in `fake.oauth1`; a request
  signed with anything else gets X's 401.
- OAuth 2: `POST /2/oauth2/token` (grant_type=refresh_token) checks the client (client_id in the
  body for a public client, HTTP Basic for a confidential one) and the current refresh token,
  then rotates it: the old one stops working at once, as on X. Other routes take
  `Authorization: Bearer` with a token it issued.
- Routes: POST /2/tweets (201 `{"data": {"id", "text", "edit_history_tweet_ids"}}`; 403 for
  duplicate content and for text over 280 weighted; 400 for a reply to an unknown post),
  GET /2/users/me, GET /2/users/:id/tweets (newest first, `max_results`, `tweet.fields`; text as
  X shows it: links wrapped as t.co, `&<>` as HTML entities).
- Faults, per route, in order: `status(...)` answers instead of X, `rate_limited(...)` is X's 429
  with its x-rate-limit-* headers, `echo_credentials()` is an error reply that quotes the
  request's credentials and every secret the fake knows, `hang()` reads the request and never
  answers (nothing posted), `land_then_hang()` posts it and then never answers, `passthrough()`
  behaves.

The threaded server and its handler are tests/httpfake.py's.
"""

from __future__ import annotations

import base64
import html
import itertools
import json
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from oauthlib.oauth1 import RequestValidator, SignatureOnlyEndpoint

from statusdesk.core.text.weighted import weighted_length
from tests.httpfake import _Handler, _Server

USER = {"id": "1456789012345678901", "name": "Acme Status", "username": "acme_status"}
PROBLEM_JSON = "application/problem+json"


# -- credentials ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OAuth1Keys:
    consumer_key: str = "ck-Tz4qP8mW2xLr9vBn3KcYs"
    consumer_secret: str = "cs-9fQwE2rT7yUi4oPa1sDfGhJkL6zXcV"
    access_token: str = "1456789012345678901-at8Hn2Bq5Wm"
    access_token_secret: str = "ats-Lk3Jh7Gf2Ds9Az4Xc1Vb6Nm8Qw"

    def secrets(self) -> dict[str, str]:
        return {
            "consumer_key": self.consumer_key,
            "consumer_secret": self.consumer_secret,
            "access_token": self.access_token,
            "access_token_secret": self.access_token_secret,
        }


@dataclass
class OAuth2Client:
    client_id: str = "cid-T2xVbN5mQ8wE3rYu"
    client_secret: str | None = None  # set: a confidential client (HTTP Basic)
    refresh_token: str = "rt-0-initial-Yh6Tg3Rf9Ed2Ws"
    access_tokens: set[str] = field(default_factory=set)
    issued: list[str] = field(default_factory=list)  # every refresh token it ever handed out


class _Validator(RequestValidator):  # type: ignore[misc]
    """oauthlib's server-side checks against one app's consumer and one user's token."""

    def __init__(self, keys: OAuth1Keys) -> None:
        super().__init__()
        self.keys = keys
        self._seen: set[tuple[str, str, str]] = set()
        self._lock = threading.Lock()

    enforce_ssl = False  # the fake speaks plain HTTP on 127.0.0.1
    allowed_signature_methods = ("HMAC-SHA1",)
    dummy_client = "dummy-client"
    dummy_access_token = "dummy-token"

    def check_client_key(self, client_key: str) -> bool:
        return bool(client_key)

    def check_access_token(self, token: str) -> bool:
        return bool(token)

    def check_nonce(self, nonce: str) -> bool:
        return bool(nonce)

    def validate_timestamp_and_nonce(
        self, client_key: str, timestamp: str, nonce: str, request: Any, **_: Any
    ) -> bool:
        with self._lock:  # a replayed request is refused
            seen = (client_key, timestamp, nonce)
            if seen in self._seen:
                return False
            self._seen.add(seen)
            return True

    def validate_client_key(self, client_key: str, request: Any) -> bool:
        return client_key == self.keys.consumer_key

    def get_client_secret(self, client_key: str, request: Any) -> str:
        return self.keys.consumer_secret if client_key == self.keys.consumer_key else "dummy"

    def get_access_token_secret(self, client_key: str, token: str, request: Any) -> str:
        return self.keys.access_token_secret if token == self.keys.access_token else "dummy"


# -- faults -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class XFault:
    kind: str  # passthrough | answer | echo | hang | land_then_hang
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    seconds: float = 30.0


def passthrough() -> XFault:
    return XFault("passthrough")


def status(code: int, body: Any = None, headers: Mapping[str, str] | None = None) -> XFault:
    """Answer with this status and (JSON) body instead of doing the work."""
    raw = json.dumps(body).encode() if body is not None else b""
    content = {"Content-Type": PROBLEM_JSON} if body is not None else {}
    return XFault("answer", code, tuple({**content, **(headers or {})}.items()), raw)


def rate_limited(reset_in: float) -> XFault:
    """X's 429: problem+json and the window's x-rate-limit-* headers."""
    reset = int(time.time() + reset_in)
    return status(
        429,
        {
            "title": "Too Many Requests",
            "detail": "Too Many Requests",
            "type": "about:blank",
            "status": 429,
        },
        {
            "x-rate-limit-limit": "200",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": str(reset),
        },
    )


def echo_credentials(code: int = 400) -> XFault:
    """Answer `code` with an error that echoes the request back, the way some gateways and
    debug builds do: its Authorization header, its body, and every credential the fake knows
    for the request's scheme (OAuth 1.0a: consumer key and secret, access token and secret;
    OAuth 2: client id and secret, every refresh and access token it issued), raw, as a
    careless server's message would quote them. Built when the request comes in, so it quotes
    the tokens of that moment."""
    return XFault("echo", code)


def hang(seconds: float = 30.0) -> XFault:
    """Read the request, post nothing, never answer."""
    return XFault("hang", seconds=seconds)


def land_then_hang(seconds: float = 30.0) -> XFault:
    """Do the work (the post is made), then never answer."""
    return XFault("land_then_hang", seconds=seconds)


# -- what it keeps and saw --------------------------------------------------------------------


@dataclass
class Tweet:
    id: str
    text: str
    author_id: str
    created_at: datetime
    in_reply_to: str | None = None

    def shown(self, fields: set[str]) -> dict[str, Any]:
        """As X's API shows it: links wrapped as t.co, &<> escaped."""
        shown = _TCO.sub(lambda m: "https://t.co/" + _slug(m.group(0)), self.text)
        item: dict[str, Any] = {
            "id": self.id,
            "text": html.escape(shown, quote=False),
            "edit_history_tweet_ids": [self.id],
        }
        if "created_at" in fields:
            stamp = self.created_at.astimezone(UTC)
            item["created_at"] = stamp.strftime("%Y-%m-%dT%H:%M:%S.") + "000Z"
        if "referenced_tweets" in fields and self.in_reply_to:
            item["referenced_tweets"] = [{"type": "replied_to", "id": self.in_reply_to}]
        return item


_TCO = re.compile(r"https?://\S+")
_TIMELINE = re.compile(r"^/2/users/\d+/tweets$")


def _slug(url: str) -> str:
    import hashlib

    return hashlib.sha1(url.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Seen:
    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    auth: str | None  # "oauth1" | "bearer" | "basic" | None
    auth_valid: bool
    fault: str
    answered: int | None
    at: float

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8")).items()}


# -- the server -------------------------------------------------------------------------------


class FakeX:
    def __init__(
        self, *, oauth1: OAuth1Keys | None = None, oauth2: OAuth2Client | None = None
    ) -> None:
        self.oauth1 = oauth1 or OAuth1Keys()
        self.oauth2 = oauth2 or OAuth2Client()
        self._endpoint = SignatureOnlyEndpoint(_Validator(self.oauth1))
        self._faults: dict[str, deque[XFault]] = {}
        self._seen: list[Seen] = []
        self.tweets: list[Tweet] = []
        self.deleted: set[str] = set()
        self._ids = itertools.count(1_860_000_000_000_000_001)
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self)  # type: ignore[arg-type]
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-x-{self.port}",
        )
        self._thread.start()
        self._closed = False

    # -- scripting and seeding ----------------------------------------------------------------

    def script(self, route: str, *faults: XFault) -> None:
        """Answer the next requests on `route` ("POST /2/tweets", "GET /2/users/me",
        "GET /2/users/:id/tweets", "POST /2/oauth2/token") with these faults, in order."""
        with self._changed:
            self._faults.setdefault(route, deque()).extend(faults)

    def seed(self, text: str, *, age: timedelta = timedelta(0)) -> Tweet:
        """A post already on the account (made `age` ago)."""
        with self._changed:
            tweet = Tweet(str(next(self._ids)), text, USER["id"], datetime.now(UTC) - age)
            self.tweets.append(tweet)
            return tweet

    def delete(self, tweet_id: str) -> None:
        """The account deletes a post: it leaves the timeline, and a reply to it is refused
        as X refuses one (403, "deleted or not visible")."""
        with self._changed:
            self.tweets = [t for t in self.tweets if t.id != tweet_id]
            self.deleted.add(tweet_id)

    def revoke_access_tokens(self) -> None:
        """Every OAuth 2 access token stops working before its time (the refresh token
        does not)."""
        with self._changed:
            self.oauth2.access_tokens.clear()

    # -- what it saw --------------------------------------------------------------------------

    @property
    def requests(self) -> list[Seen]:
        with self._changed:
            return list(self._seen)

    def calls(self, method: str, path: str) -> list[Seen]:
        return [r for r in self.requests if r.method == method and r.path == path]

    @property
    def posts(self) -> list[Tweet]:
        with self._changed:
            return list(self.tweets)

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self._server.shutdown()
        with self._server.connections_lock:
            connections = list(self._server.open_connections)
        import contextlib
        import socket

        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeX:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request (on its handler thread) --------------------------------------------------

    def _handle(self, handler: _Handler) -> None:
        at = time.monotonic()
        split = urlsplit(handler.path)
        path, query = split.path, parse_qs(split.query)
        route = f"{handler.command} {_TIMELINE.sub('/2/users/:id/tweets', path)}"
        body = handler.read_body()
        auth, auth_valid = self._authenticate(handler, body, route)
        with self._changed:
            queue = self._faults.get(route)
            fault = queue.popleft() if queue else passthrough()
        answer: tuple[int, dict[str, str], bytes] | None = None
        if fault.kind == "answer":
            answer = (fault.status, dict(fault.headers), fault.body)
        elif fault.kind == "echo":
            answer = self._echo(fault.status, handler, body)
        elif fault.kind in ("passthrough", "land_then_hang"):
            if not auth_valid:
                answer = _problem(401, "Unauthorized", "Unauthorized")
            else:
                answer = self._route(route, path, query, body)
        self._record(handler, path, query, body, auth, auth_valid, fault, answer, at)
        if fault.kind in ("hang", "land_then_hang") or answer is None:
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        code, headers, raw = answer
        headers = {**_rate_headers(), **headers}
        handler.answer(code, headers, raw)

    def _record(
        self,
        handler: _Handler,
        path: str,
        query: dict[str, list[str]],
        body: bytes,
        auth: str | None,
        auth_valid: bool,
        fault: XFault,
        answer: tuple[int, dict[str, str], bytes] | None,
        at: float,
    ) -> None:
        answered = None if fault.kind in ("hang", "land_then_hang") else answer and answer[0]
        with self._changed:
            self._seen.append(
                Seen(
                    handler.command,
                    path,
                    query,
                    dict(handler.headers.items()),
                    body,
                    auth,
                    auth_valid,
                    fault.kind,
                    answered,
                    at,
                )
            )
            self._changed.notify_all()

    def _authenticate(self, handler: _Handler, body: bytes, route: str) -> tuple[str | None, bool]:
        header = handler.headers.get("Authorization") or ""
        if route == "POST /2/oauth2/token":
            return self._client_auth(header, body)
        if header.startswith("OAuth "):
            uri = f"http://127.0.0.1:{self.port}{handler.path}"
            content_type = handler.headers.get("Content-Type") or ""
            signed_body = body.decode() if "x-www-form-urlencoded" in content_type else None
            valid, _ = self._endpoint.validate_request(
                uri, handler.command, signed_body, dict(handler.headers.items())
            )
            return "oauth1", bool(valid)
        if header.startswith("Bearer "):
            with self._changed:
                return "bearer", header[len("Bearer ") :] in self.oauth2.access_tokens
        return None, False

    def _client_auth(self, header: str, body: bytes) -> tuple[str | None, bool]:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        client = self.oauth2
        if client.client_secret is not None:  # confidential: HTTP Basic, id and secret
            if not header.startswith("Basic "):
                return None, False
            expected = f"{client.client_id}:{client.client_secret}".encode()
            return "basic", base64.b64decode(header[len("Basic ") :]) == expected
        return None, form.get("client_id") == client.client_id and not header

    def _echo(self, code: int, handler: _Handler, body: bytes) -> tuple[int, dict[str, str], bytes]:
        header = handler.headers.get("Authorization") or ""
        # The credentials of the scheme the request used: an OAuth 1.0a request is answered
        # with the OAuth 1.0a keys, an OAuth 2 one with the client's and every token issued to
        # it. Never another scheme's: a token issued a moment ago to another channel may not
        # have reached its client yet, and no desk can redact what it has not been given.
        with self._changed:
            client = self.oauth2
            if header.startswith("OAuth "):
                known = list(self.oauth1.secrets().values())
            else:
                known = [
                    client.client_id,
                    client.client_secret or "",
                    client.refresh_token,
                    *client.issued,
                    *sorted(client.access_tokens),
                ]
        quoted = " ".join(k for k in known if k)
        detail = f"Invalid request {quoted} (you sent {header} {body.decode('utf-8', 'replace')})"
        problem = {
            "title": "Invalid Request",
            "detail": detail,
            "errors": [{"message": f"credentials: {quoted}"}],
            "type": "about:blank",
            "status": code,
        }
        return code, {"Content-Type": PROBLEM_JSON}, json.dumps(problem).encode()

    # -- X's routes ---------------------------------------------------------------------------

    def _route(
        self, route: str, path: str, query: dict[str, list[str]], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        if route == "POST /2/tweets":
            return self._create(body)
        if route == "GET /2/users/me":
            return _json(200, {"data": USER})
        if route == "GET /2/users/:id/tweets":
            return self._timeline(path, query)
        if route == "POST /2/oauth2/token":
            return self._token(body)
        return _json(404, {"errors": [{"message": "Sorry, that page does not exist", "code": 34}]})

    def _create(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        payload = json.loads(body.decode("utf-8"))
        text = payload.get("text") or ""
        reply_to = (payload.get("reply") or {}).get("in_reply_to_tweet_id")
        with self._changed:
            if weighted_length(text) > 280:
                return _problem(
                    403,
                    "Forbidden",
                    "Your Tweet text is too long. For more information on how Twitter "
                    "determines text length see https://github.com/twitter/twitter-text.",
                )
            if any(t.text.strip() == text.strip() for t in self.tweets):
                return _problem(
                    403,
                    "Forbidden",
                    "You are not allowed to create a Tweet with duplicate content.",
                )
            if reply_to is not None and reply_to in self.deleted:
                return _problem(
                    403,
                    "Forbidden",
                    "You attempted to reply to a Tweet that is deleted or not visible to you.",
                )
            if reply_to is not None and all(t.id != reply_to for t in self.tweets):
                return _json(
                    400,
                    {
                        "errors": [
                            {
                                "parameters": {"reply.in_reply_to_tweet_id": [reply_to]},
                                "message": f"The `reply.in_reply_to_tweet_id` query parameter "
                                f"value [{reply_to}] is not valid",
                            }
                        ],
                        "title": "Invalid Request",
                        "detail": "One or more parameters to your request was invalid.",
                        "type": "https://api.twitter.com/2/problems/invalid-request",
                    },
                )
            tweet = Tweet(str(next(self._ids)), text, USER["id"], datetime.now(UTC), reply_to)
            self.tweets.append(tweet)
        return _json(201, {"data": tweet.shown(set())})

    def _timeline(
        self, path: str, query: dict[str, list[str]]
    ) -> tuple[int, dict[str, str], bytes]:
        if path.split("/")[3] != USER["id"]:
            return _problem(403, "Forbidden", "You are not permitted to see this user's posts.")
        count = int((query.get("max_results") or ["10"])[0])
        if not 5 <= count <= 100:
            return _json(400, {"title": "Invalid Request", "detail": "max_results: 5 to 100"})
        fields = set(",".join(query.get("tweet.fields") or []).split(","))
        with self._changed:
            newest = sorted(self.tweets, key=lambda t: int(t.id), reverse=True)[:count]
        if not newest:
            return _json(200, {"meta": {"result_count": 0}})
        return _json(
            200,
            {
                "data": [t.shown(fields) for t in newest],
                "meta": {
                    "result_count": len(newest),
                    "newest_id": newest[0].id,
                    "oldest_id": newest[-1].id,
                },
            },
        )

    def _token(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "refresh_token":
            return _json(400, {"error": "invalid_request", "error_description": "grant_type"})
        with self._changed:
            client = self.oauth2
            if form.get("refresh_token") != client.refresh_token:
                return _json(
                    400,
                    {
                        "error": "invalid_request",
                        "error_description": "Value passed for the token was invalid.",
                    },
                )
            access = f"at-{secrets.token_hex(12)}"
            client.refresh_token = f"rt-{len(client.issued) + 1}-{secrets.token_hex(12)}"
            client.issued.append(client.refresh_token)
            client.access_tokens.add(access)
            refresh = client.refresh_token
        return _json(
            200,
            {
                "token_type": "bearer",
                "expires_in": 7200,
                "access_token": access,
                "scope": "tweet.write users.read tweet.read offline.access",
                "refresh_token": refresh,
            },
        )


def _json(code: int, body: Any) -> tuple[int, dict[str, str], bytes]:
    return code, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()


def _problem(code: int, title: str, detail: str) -> tuple[int, dict[str, str], bytes]:
    body = {"title": title, "type": "about:blank", "status": code, "detail": detail}
    return code, {"Content-Type": PROBLEM_JSON}, json.dumps(body).encode()


def _rate_headers() -> dict[str, str]:
    return {
        "x-rate-limit-limit": "200",
        "x-rate-limit-remaining": "199",
        "x-rate-limit-reset": str(int(time.time()) + 900),
    }


# -- pytest -----------------------------------------------------------------------------------


@pytest.fixture
def fake_x() -> Iterator[FakeX]:
    with FakeX() as server:
        yield server
