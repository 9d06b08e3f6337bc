"""A local Mastodon instance for the Mastodon channel's tests: it speaks Mastodon's routes,
checks the bearer token, requires and honours `Idempotency-Key` (a repeated key answers the
status it made the first time, as Mastodon does for an hour), counts as Mastodon counts
(code points, every http(s) link 23), keeps the account's statuses and misbehaves on cue.

    fake = FakeMastodon(max_characters=500)
    fake.script("POST /api/v1/statuses", passthrough(), status(503))
    ...                                        # point a channel at fake.url
    assert [s.text for s in fake.statuses] == [...]

Routes: GET /api/v2/instance (no token needed), GET /api/v1/accounts/verify_credentials,
GET /api/v1/accounts/:id/statuses (newest first, `limit`), POST /api/v1/statuses (JSON or form;
200 with the status; 422 over the limit or for a bad visibility or language; 404 for a reply
to an unknown status). A status's `content` is HTML, as Mastodon shows it: paragraphs, <br />,
links as anchors whose text is cut by invisible spans.

Faults, per route, in order: `status(...)` answers instead, `rate_limited(reset_in)` is a 429
with `X-RateLimit-Reset` as an ISO time, `hang()` reads the request and never answers (nothing
posted), `land_then_hang()` posts and never answers, `land_then_reset()` posts and resets the
connection, `passthrough()` behaves. The threaded server is tests/httpfake.py's.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from statusdesk.channels.mastodon.api import length
from tests.httpfake import _Handler, _Server

TOKEN = "mtok-Qz7Wx3Ev9Rb2Nc5Ym8Lk4Jh"
ACCOUNT = {"id": "109348765432109876", "username": "acme_status", "acct": "acme_status"}


@dataclass(frozen=True)
class MFault:
    kind: str  # passthrough | answer | hang | land_then_hang | land_then_reset
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    seconds: float = 30.0


def passthrough() -> MFault:
    return MFault("passthrough")


def status(code: int, body: Any = None, headers: Mapping[str, str] | None = None) -> MFault:
    raw = json.dumps(body).encode() if body is not None else b""
    content = {"Content-Type": "application/json"} if body is not None else {}
    return MFault("answer", code, tuple({**content, **(headers or {})}.items()), raw)


def rate_limited(reset_in: float) -> MFault:
    reset = datetime.now(UTC) + timedelta(seconds=reset_in)
    return status(
        429,
        {"error": "Too many requests"},
        {
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        },
    )


def hang(seconds: float = 30.0) -> MFault:
    return MFault("hang", seconds=seconds)


def land_then_hang(seconds: float = 30.0) -> MFault:
    return MFault("land_then_hang", seconds=seconds)


def land_then_reset() -> MFault:
    return MFault("land_then_reset")


@dataclass
class Toot:
    id: str
    text: str
    visibility: str
    language: str | None
    created_at: datetime
    in_reply_to_id: str | None = None

    def shown(self, base: str) -> dict[str, Any]:
        stamp = self.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        return {
            "id": self.id,
            "created_at": stamp,
            "in_reply_to_id": self.in_reply_to_id,
            "visibility": self.visibility,
            "language": self.language,
            "uri": f"{base}/users/acme_status/statuses/{self.id}",
            "url": f"{base}/@acme_status/{self.id}",
            "content": _html(self.text),
            "account": ACCOUNT,
        }


_LINK = re.compile(r"https?://\S+")


def _html(text: str) -> str:
    """Mastodon's rendering: <p> per paragraph, <br /> per line, links cut for display."""

    def link(match: re.Match[str]) -> str:
        url = html.unescape(match.group(0))
        scheme, rest = url.split("://", 1)
        shown, hidden = rest[:30], rest[30:]
        return (
            f'<a href="{html.escape(url)}" rel="nofollow noopener" target="_blank">'
            f'<span class="invisible">{scheme}://</span><span class="ellipsis">'
            f'{html.escape(shown)}</span><span class="invisible">{html.escape(hidden)}</span></a>'
        )

    paragraphs = []
    for paragraph in text.split("\n\n"):
        escaped = html.escape(paragraph, quote=False)
        escaped = _LINK.sub(link, escaped)
        paragraphs.append("<p>" + escaped.replace("\n", "<br />") + "</p>")
    return "".join(paragraphs)


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    fault: str
    answered: int | None
    at: float

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    @property
    def key(self) -> str | None:
        return self.header("Idempotency-Key")

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


_STATUSES = re.compile(r"^/api/v1/accounts/[^/]+/statuses$")


class FakeMastodon:
    def __init__(
        self, *, max_characters: int | None = 500, url_weight: int = 23, token: str = TOKEN
    ) -> None:
        self.max_characters = max_characters  # None: /api/v2/instance does not say
        self.url_weight = url_weight
        self.token = token
        self.toots: list[Toot] = []
        self.keys: dict[str, str] = {}  # Idempotency-Key → the status it made
        self._faults: dict[str, deque[MFault]] = {}
        self._seen: list[Seen] = []
        self._ids = itertools.count(111_222_333_444_555_001)
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self)  # type: ignore[arg-type]
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-mastodon-{self.port}",
        )
        self._thread.start()
        self._closed = False

    def script(self, route: str, *faults: MFault) -> None:
        """Faults for route "POST /api/v1/statuses", "GET /api/v2/instance",
        "GET /api/v1/accounts/verify_credentials" or "GET /api/v1/accounts/:id/statuses"."""
        with self._changed:
            self._faults.setdefault(route, deque()).extend(faults)

    @property
    def requests(self) -> list[Seen]:
        with self._changed:
            return list(self._seen)

    def calls(self, method: str, path: str) -> list[Seen]:
        return [r for r in self.requests if r.method == method and r.path == path]

    @property
    def statuses(self) -> list[Toot]:
        with self._changed:
            return list(self.toots)

    def delete(self, status_id: str) -> None:
        """The account deletes a status: a reply to it is then refused (404), as Mastodon
        refuses one."""
        with self._changed:
            self.toots = [t for t in self.toots if t.id != status_id]

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

    def __enter__(self) -> FakeMastodon:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request --------------------------------------------------------------------------

    def _handle(self, handler: _Handler) -> None:
        at = time.monotonic()
        split = urlsplit(handler.path)
        path, query = split.path, parse_qs(split.query)
        route = f"{handler.command} {_STATUSES.sub('/api/v1/accounts/:id/statuses', path)}"
        body = handler.read_body()
        with self._changed:
            queue = self._faults.get(route)
            fault = queue.popleft() if queue else passthrough()
        answer: tuple[int, dict[str, str], bytes] | None
        if fault.kind == "answer":
            answer = (fault.status, dict(fault.headers), fault.body)
        elif fault.kind == "hang":
            answer = None
        else:
            answer = self._route(route, path, query, handler, body)
        answered = answer[0] if answer and fault.kind in ("answer", "passthrough") else None
        with self._changed:
            self._seen.append(
                Seen(
                    handler.command,
                    path,
                    query,
                    dict(handler.headers.items()),
                    body,
                    fault.kind,
                    answered,
                    at,
                )
            )
            self._changed.notify_all()
        if fault.kind == "land_then_reset":
            handler.reset_connection()
            return
        if answer is None or fault.kind in ("hang", "land_then_hang"):
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        handler.answer(*answer)

    def _route(
        self,
        route: str,
        path: str,
        query: dict[str, list[str]],
        handler: _Handler,
        body: bytes,
    ) -> tuple[int, dict[str, str], bytes]:
        if route == "GET /api/v2/instance":
            statuses: dict[str, Any] = {"characters_reserved_per_url": self.url_weight}
            if self.max_characters is not None:
                statuses["max_characters"] = self.max_characters
            return _json(
                200,
                {"domain": "127.0.0.1", "configuration": {"statuses": statuses}},
            )
        if (handler.headers.get("Authorization") or "") != f"Bearer {self.token}":
            return _json(401, {"error": "The access token is invalid"})
        if route == "GET /api/v1/accounts/verify_credentials":
            return _json(200, ACCOUNT)
        if route == "GET /api/v1/accounts/:id/statuses":
            if path.split("/")[4] != ACCOUNT["id"]:
                return _json(404, {"error": "Record not found"})
            limit = min(40, int((query.get("limit") or ["20"])[0]))
            with self._changed:
                newest = sorted(self.toots, key=lambda t: int(t.id), reverse=True)[:limit]
            return _json(200, [t.shown(self.url) for t in newest])
        if route == "POST /api/v1/statuses":
            return self._create(handler, body)
        return _json(404, {"error": "Record not found"})

    def _create(self, handler: _Handler, body: bytes) -> tuple[int, dict[str, str], bytes]:
        key = handler.headers.get("Idempotency-Key")
        if not key:  # Mastodon does not require it; this fake does, to prove it is sent
            return _json(422, {"error": "Validation failed: Idempotency-Key is missing (fake)"})
        if "json" in (handler.headers.get("Content-Type") or ""):
            payload = json.loads(body.decode("utf-8"))
        else:
            payload = {k: v[0] for k, v in parse_qs(body.decode("utf-8")).items()}
        text = str(payload.get("status") or "")
        visibility = payload.get("visibility", "public")
        language = payload.get("language")
        reply = payload.get("in_reply_to_id")
        with self._changed:
            if key in self.keys:  # Mastodon answers a repeated key with the first status
                made = next(t for t in self.toots if t.id == self.keys[key])
                return _json(200, made.shown(self.url))
            limit = self.max_characters or 500
            if length(text, self.url_weight) > limit:
                return _json(
                    422, {"error": f"Validation failed: Text character limit of {limit} exceeded"}
                )
            if visibility not in ("public", "unlisted", "private", "direct"):
                return _json(422, {"error": "Validation failed: Visibility is not included"})
            if language is not None and language not in ("en", "ar"):
                return _json(422, {"error": "Validation failed: Language is not valid"})
            if reply is not None and all(t.id != reply for t in self.toots):
                return _json(404, {"error": "Record not found"})
            toot = Toot(str(next(self._ids)), text, visibility, language, datetime.now(UTC), reply)
            self.toots.append(toot)
            self.keys[key] = toot.id
        return _json(200, toot.shown(self.url))


def _json(code: int, body: Any) -> tuple[int, dict[str, str], bytes]:
    return code, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()


@pytest.fixture
def fake_mastodon() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        yield server
