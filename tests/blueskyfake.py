"""A local Bluesky PDS for the Bluesky channel's tests: it speaks XRPC as the reference PDS
(bluesky-social/atproto, packages/pds) does, checks what it checks and keeps the account's
posts.

    fake = FakePds()
    fake.script("com.atproto.repo.createRecord", land_then_reset())
    ...                                          # point a channel at fake.url
    assert [p.text for p in fake.posts] == [...]

Sessions: `createSession` takes the account's handle (or DID) and APP_PASSWORD and answers a
JWT-shaped access token (`exp` in its claims) and refresh token; `refreshSession` takes the
refresh token as a Bearer, spends it (a second use is 400 ExpiredToken) and answers a new pair.
Every other route needs a live access token: an unknown one is 401 InvalidToken, one the test
has expired (`expire_access_tokens()`, or `access_seconds` after it was made) is 400
ExpiredToken, a refresh token used for access is 400 InvalidToken.

Records (`com.atproto.repo.createRecord`, collection app.bsky.feed.post) are validated like the
lexicon does: `$type`, `text` within 300 graphemes and 3,000 UTF-8 bytes, `createdAt` an RFC 3339
datetime, `langs` language tags (at most 3), every facet's byte range inside the text and — this
fake's own check — a link facet's bytes being exactly its uri, `reply.root`/`reply.parent`
strong refs to records that exist with those cids, and the record key a valid TID. A record key
that is taken is refused as the reference PDS refuses it: its MST throws ("There is already a
value at key"), which the XRPC server answers as 500 InternalServerError.
`com.atproto.repo.getRecord` answers the record or 400 RecordNotFound;
`com.atproto.repo.describeRepo` the account.

Faults, per route (its NSID), in order: `status(...)` answers instead, `rate_limited(reset_in)` is
a 429 with `ratelimit-reset` (epoch seconds), `hang()` reads the request and never answers
(nothing made), `reset()` resets the connection (nothing made), `land_then_hang()` makes the
record and never answers, `land_then_reset()` makes it and resets the connection,
`land_then_status(502)` makes it and answers an error (a proxy in front of the PDS),
`passthrough()` behaves. The threaded server is tests/httpfake.py's.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import itertools
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import regex

from tests.httpfake import _Handler, _Server

HANDLE = "acme.bsky.social"
DID = "did:plc:z72i7hdynmk6r22z27h6tvur"
APP_PASSWORD = "abcd-efgh-ijkl-mnop"
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
POST = "app.bsky.feed.post"


@dataclass(frozen=True)
class PFault:
    # passthrough | answer | hang | reset | land_then_hang | land_then_reset | land_then_answer
    kind: str
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    seconds: float = 30.0


def passthrough() -> PFault:
    return PFault("passthrough")


def status(code: int, body: Any = None, headers: Mapping[str, str] | None = None) -> PFault:
    raw = json.dumps(body).encode() if body is not None else b""
    content = {"Content-Type": "application/json"} if body is not None else {}
    return PFault("answer", code, tuple({**content, **(headers or {})}.items()), raw)


def rate_limited(reset_in: float) -> PFault:
    return status(
        429,
        {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
        {
            "ratelimit-limit": "5000",
            "ratelimit-remaining": "0",
            "ratelimit-reset": str(int(time.time() + reset_in)),
            "ratelimit-policy": "5000;w=3600",
        },
    )


def unauthorized() -> PFault:
    return status(
        401, {"error": "AuthenticationRequired", "message": "Invalid identifier or password"}
    )


def hang(seconds: float = 30.0) -> PFault:
    return PFault("hang", seconds=seconds)


def reset() -> PFault:
    """Read the request, make nothing, reset the connection."""
    return PFault("reset")


def land_then_hang(seconds: float = 30.0) -> PFault:
    return PFault("land_then_hang", seconds=seconds)


def land_then_reset() -> PFault:
    return PFault("land_then_reset")


def land_then_status(code: int) -> PFault:
    return PFault(
        "land_then_answer", code, (("Content-Type", "text/html"),), b"<h1>Bad gateway</h1>"
    )


@dataclass
class Post:
    rkey: str
    cid: str
    value: dict[str, Any]

    @property
    def uri(self) -> str:
        return f"at://{DID}/{POST}/{self.rkey}"

    @property
    def text(self) -> str:
        return str(self.value["text"])

    @property
    def reply(self) -> dict[str, Any] | None:
        return self.value.get("reply")


@dataclass(frozen=True)
class Seen:
    method: str
    nsid: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    fault: str
    answered: int | None
    at: float

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class _Token:
    kind: str  # access | refresh
    made: float
    spent: bool = False
    expired: bool = False


@dataclass
class Issued:
    """Every token the fake gave, so a test can look for them where they must not be."""

    values: list[str] = field(default_factory=list)


def graphemes(text: str) -> int:
    return len(regex.findall(r"\X", text))


def _jwt(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    head = part({"typ": "at+jwt", "alg": "HS256"})
    body = part(claims)
    signature = base64.urlsafe_b64encode(hashlib.sha256(f"{head}.{body}".encode()).digest())
    return f"{head}.{body}.{signature.rstrip(b'=').decode()}"


class FakePds:
    def __init__(self, *, access_seconds: float = 7200.0) -> None:
        self.access_seconds = access_seconds
        self.posts_made: list[Post] = []
        self.issued = Issued()
        self.sessions_created = 0
        self.refreshes = 0
        self._tokens: dict[str, _Token] = {}
        self._faults: dict[str, deque[PFault]] = {}
        self._seen: list[Seen] = []
        self._jti = itertools.count(1)
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self)  # type: ignore[arg-type]
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-pds-{self.port}",
        )
        self._thread.start()
        self._closed = False

    # -- for tests ------------------------------------------------------------------------------

    def script(self, nsid: str, *faults: PFault) -> None:
        with self._changed:
            self._faults.setdefault(nsid, deque()).extend(faults)

    def expire_access_tokens(self) -> None:
        """Every access token given so far is past its `exp` as the PDS sees it."""
        with self._changed:
            for token in self._tokens.values():
                if token.kind == "access":
                    token.expired = True

    def revoke_refresh_tokens(self) -> None:
        with self._changed:
            for token in self._tokens.values():
                if token.kind == "refresh":
                    token.spent = True

    @property
    def requests(self) -> list[Seen]:
        with self._changed:
            return list(self._seen)

    def calls(self, nsid: str) -> list[Seen]:
        return [r for r in self.requests if r.nsid == nsid]

    @property
    def posts(self) -> list[Post]:
        with self._changed:
            return list(self.posts_made)

    def delete(self, uri: str) -> None:
        """The account deletes a post (deleteRecord): it is gone from getRecord."""
        with self._changed:
            self.posts_made = [p for p in self.posts_made if p.uri != uri]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self._server.shutdown()
        with self._server.connections_lock:
            connections = list(self._server.open_connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> FakePds:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request ----------------------------------------------------------------------------

    def _handle(self, handler: _Handler) -> None:
        at = time.monotonic()
        split = urlsplit(handler.path)
        nsid = split.path.removeprefix("/xrpc/")
        query = parse_qs(split.query)
        body = handler.read_body()
        with self._changed:
            queue = self._faults.get(nsid)
            fault = queue.popleft() if queue else passthrough()
        answer: tuple[int, dict[str, str], bytes] | None
        if fault.kind == "answer":
            answer = (fault.status, dict(fault.headers), fault.body)
        elif fault.kind in ("hang", "reset"):
            answer = None
        else:
            answer = self._route(handler.command, nsid, query, handler, body)
        answered = answer[0] if answer and fault.kind in ("answer", "passthrough") else None
        if fault.kind == "land_then_answer":
            answer, answered = (fault.status, dict(fault.headers), fault.body), fault.status
        with self._changed:
            self._seen.append(
                Seen(
                    handler.command,
                    nsid,
                    query,
                    dict(handler.headers.items()),
                    body,
                    fault.kind,
                    answered,
                    at,
                )
            )
            self._changed.notify_all()
        if fault.kind in ("land_then_reset", "reset"):
            handler.reset_connection()
            return
        if answer is None or fault.kind in ("hang", "land_then_hang"):
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        handler.answer(*answer)

    def _route(
        self,
        method: str,
        nsid: str,
        query: dict[str, list[str]],
        handler: _Handler,
        body: bytes,
    ) -> tuple[int, dict[str, str], bytes]:
        bearer = (handler.headers.get("Authorization") or "").removeprefix("Bearer ")
        if method == "POST" and nsid == "com.atproto.server.createSession":
            return self._create_session(body)
        if method == "POST" and nsid == "com.atproto.server.refreshSession":
            return self._refresh(bearer)
        refused = self._check_access(bearer)
        if refused is not None:
            return refused
        if method == "POST" and nsid == "com.atproto.repo.createRecord":
            return self._create_record(json.loads(body.decode("utf-8")))
        if method == "GET" and nsid == "com.atproto.repo.getRecord":
            return self._get_record(query)
        if method == "GET" and nsid == "com.atproto.repo.describeRepo":
            if (query.get("repo") or [""])[0] not in (DID, HANDLE):
                return _error(400, "RepoNotFound", "Could not find repo")
            return _json(
                200,
                {"handle": HANDLE, "did": DID, "collections": [POST], "handleIsCorrect": True},
            )
        return _error(501, "MethodNotImplemented", "Method Not Implemented")

    # -- sessions -------------------------------------------------------------------------------

    def _issue(self) -> dict[str, Any]:
        now = time.time()
        jti = next(self._jti)
        access = _jwt(
            {
                "scope": "com.atproto.appPass",
                "sub": DID,
                "iat": int(now),
                "exp": int(now + self.access_seconds),
                "aud": "did:web:127.0.0.1",
                "n": jti,
            }
        )
        refresh = _jwt(
            {"scope": "com.atproto.refresh", "sub": DID, "iat": int(now), "jti": f"r{jti}"}
        )
        self._tokens[access] = _Token("access", now)
        self._tokens[refresh] = _Token("refresh", now)
        self.issued.values += [access, refresh]
        return {
            "did": DID,
            "handle": HANDLE,
            "accessJwt": access,
            "refreshJwt": refresh,
            "active": True,
        }

    def _create_session(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        try:
            given = json.loads(body.decode("utf-8"))
        except ValueError:
            return _error(400, "InvalidRequest", "Request body must be JSON")
        if given.get("identifier") not in (HANDLE, DID) or given.get("password") != APP_PASSWORD:
            return _error(401, "AuthenticationRequired", "Invalid identifier or password")
        with self._changed:
            self.sessions_created += 1
            return _json(200, self._issue())

    def _refresh(self, bearer: str) -> tuple[int, dict[str, str], bytes]:
        with self._changed:
            token = self._tokens.get(bearer)
            if token is None:
                return _error(401, "InvalidToken", "Token could not be verified")
            if token.kind != "refresh":
                return _error(400, "InvalidToken", "Invalid token type")
            if token.spent:
                return _error(400, "ExpiredToken", "Token has been revoked")
            token.spent = True
            self.refreshes += 1
            return _json(200, self._issue())

    def _check_access(self, bearer: str) -> tuple[int, dict[str, str], bytes] | None:
        with self._changed:
            token = self._tokens.get(bearer)
            if token is None:
                return _error(401, "AuthenticationRequired", "Authentication Required")
            if token.kind != "access":
                return _error(400, "InvalidToken", "Bad token scope")
            if token.expired or time.time() > token.made + self.access_seconds:
                return _error(400, "ExpiredToken", "Token has expired")
        return None

    # -- records --------------------------------------------------------------------------------

    def _create_record(self, given: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        if given.get("repo") not in (DID, HANDLE):
            return _error(400, "InvalidRequest", f"Could not find repo: {given.get('repo')}")
        if given.get("collection") != POST:
            return _error(400, "InvalidRequest", "This fake takes posts only")
        rkey = str(given.get("rkey") or "")
        if not TID.match(rkey):
            return _error(400, "InvalidRequest", f"Invalid record key for {POST}: {rkey}")
        record = given.get("record")
        with self._changed:
            problem = self._invalid(record)
            if problem:
                return _error(400, "InvalidRequest", f"Invalid {POST} record: {problem}")
            if any(p.rkey == rkey for p in self.posts_made):
                # The reference PDS's MST throws "There is already a value at key"; its XRPC
                # server answers an error it does not know as a 500.
                return _error(500, "InternalServerError", "Internal Server Error")
            raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode()
            cid = "bafyrei" + base64.b32encode(hashlib.sha256(raw).digest()).decode().lower()[:52]
            post = Post(rkey, cid, record)
            self.posts_made.append(post)
        return _json(
            200,
            {
                "uri": post.uri,
                "cid": post.cid,
                "commit": {"cid": "bafyreicommit", "rev": rkey},
                "validationStatus": "valid",
            },
        )

    def _invalid(self, record: Any) -> str | None:
        if not isinstance(record, dict) or record.get("$type") != POST:
            return "Record/$type must be app.bsky.feed.post"
        text = record.get("text")
        if not isinstance(text, str):
            return 'Record must have the property "text"'
        if graphemes(text) > 300:
            return "Record/text must not be longer than 300 graphemes"
        if len(text.encode("utf-8")) > 3000:
            return "Record/text must not be longer than 3000 characters"
        stamp = record.get("createdAt")
        if not isinstance(stamp, str) or not DATETIME.match(stamp):
            return "Record/createdAt must be an valid atproto datetime"
        try:
            datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            return "Record/createdAt must be an valid atproto datetime"
        langs = record.get("langs", [])
        if not isinstance(langs, list) or len(langs) > 3:
            return "Record/langs must not have more than 3 elements"
        if not all(isinstance(t, str) and LANGUAGE_TAG.match(t) for t in langs):
            return "Record/langs must be valid language tags"
        data = text.encode("utf-8")
        for facet in record.get("facets", []):
            index = facet.get("index") or {}
            start, end = index.get("byteStart"), index.get("byteEnd")
            if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
                return "Record/facets/index must have byteStart < byteEnd"
            if end > len(data):
                return "Record/facets/index is outside the text"
            for feature in facet.get("features", []):
                link = feature.get("$type") == "app.bsky.richtext.facet#link"
                if link and data[start:end] != str(feature.get("uri")).encode("utf-8"):
                    return "(fake) a link facet's bytes are not its uri"
        reply = record.get("reply")
        if reply is not None:
            for which in ("root", "parent"):
                ref = reply.get(which) if isinstance(reply, dict) else None
                if not isinstance(ref, dict) or not self._exists(ref):
                    return f"Record/reply/{which} must be a strong ref to a record that exists"
        return None

    def _exists(self, ref: dict[str, Any]) -> bool:
        return any(p.uri == ref.get("uri") and p.cid == ref.get("cid") for p in self.posts_made)

    def _get_record(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        repo = (query.get("repo") or [""])[0]
        collection = (query.get("collection") or [""])[0]
        rkey = (query.get("rkey") or [""])[0]
        uri = f"at://{repo}/{collection}/{rkey}"
        with self._changed:
            found = next(
                (p for p in self.posts_made if p.rkey == rkey and collection == POST), None
            )
        if repo not in (DID, HANDLE) or found is None:
            return _error(400, "RecordNotFound", f"Could not locate record: {uri}")
        return _json(200, {"uri": found.uri, "cid": found.cid, "value": found.value})


def _json(code: int, body: Any) -> tuple[int, dict[str, str], bytes]:
    return code, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()


def _error(code: int, error: str, message: str) -> tuple[int, dict[str, str], bytes]:
    return _json(code, {"error": error, "message": message})


@pytest.fixture
def fake_pds() -> Iterator[FakePds]:
    with FakePds() as server:
        yield server
