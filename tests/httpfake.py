"""A local HTTP/1.1 receiver for channel tests: it records every request it gets and answers
each one from a script of faults (a hang, a reset, a 5xx, a 429 with its wait, a slow answer),
200 with a small JSON body when the script is empty.

    def test_x(receiver):
        hook = receiver(status(503), too_many("0"), secret="s3cr3t")
        ...  # point a channel at hook.url
        assert len(hook.requests) == 3 and len(hook.unique_keys()) == 1

A test module takes the fixtures by naming them (`receiver = httpfake.receiver`): `receiver`
makes servers and shuts every one down after the test; or build a `FakeReceiver` by hand
(it is a context manager).

Hangs wait on an event that `close()` sets, so shutting down never waits out a hang; the
client side gives up first when the test shortens `statusdesk.channels.http.READ_TIMEOUT`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.server
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest

SIGNATURE_HEADER = "X-Statusdesk-Signature"


# -- faults: what the receiver does with one request ------------------------------------------


@dataclass(frozen=True)
class Fault:
    kind: str  # answer | hang_before_body | hang_after_body | reset
    seconds: float = 0.0  # how long to hang, or to wait before answering
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""


def hang_before_body(seconds: float) -> Fault:
    """Accept the request, leave its body unread, wait, then close without an answer."""
    return Fault("hang_before_body", seconds)


def hang_after_body(seconds: float) -> Fault:
    """Read and record the body (the request landed), wait, then close without an answer."""
    return Fault("hang_after_body", seconds)


def reset() -> Fault:
    """Read the body, then reset the connection (SO_LINGER 0): the client sees ECONNRESET."""
    return Fault("reset")


def status(code: int, headers: Mapping[str, str] | None = None, body: bytes = b"") -> Fault:
    """Answer with this status (500, 502, 503, 401, 422, 404 …), headers and body."""
    return Fault("answer", status=code, headers=tuple((headers or {}).items()), body=body)


def too_many(retry_after: str | None = "1", *, rate_limit_reset: int | None = None) -> Fault:
    """429 with `Retry-After` (seconds or an HTTP date) and/or X's `x-rate-limit-reset`
    (epoch seconds)."""
    headers = {}
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    if rate_limit_reset is not None:
        headers["x-rate-limit-reset"] = str(rate_limit_reset)
    return status(429, headers, b'{"error": "rate limited"}')


def slow(seconds: float) -> Fault:
    """Read the body, wait, then answer 200."""
    return Fault("answer", seconds)


# -- what the receiver saw --------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]  # as sent; look names up with `header()`, which ignores case
    body: bytes  # raw bytes as they arrived (b"" when the body was not read)
    body_read: bool
    signature_valid: bool | None  # None when the receiver checks no signature
    fault: str
    answered: int | None  # the status it was answered with; None for a hang or a reset
    at: float  # time.monotonic() when its headers had arrived

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    @property
    def key(self) -> str | None:
        return self.header("Idempotency-Key")

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


# -- the server -------------------------------------------------------------------------------


class _Server(http.server.ThreadingHTTPServer):
    # Handler threads are joined on close (after their sockets are shut), so a test never
    # leaves one running behind it.
    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], receiver: FakeReceiver) -> None:
        self.receiver = receiver
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        # Registered on the accepting thread, so close() sees every connection it must shut.
        with self.connections_lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_POST(self) -> None:
        self.server.receiver._handle(self)

    do_PUT = do_PATCH = do_DELETE = do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def answer(self, code: int, headers: Mapping[str, str], body: bytes) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reset_connection(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.rfile.close()  # the makefile() holds a reference; both must go for the RST
        self.connection.close()


class FakeReceiver:
    """A threaded HTTP/1.1 server on 127.0.0.1 that answers from a script of faults."""

    def __init__(
        self,
        *faults: Fault,
        secret: str | None = None,
        port: int = 0,
        path: str = "/hook",
        signature_header: str = SIGNATURE_HEADER,
    ) -> None:
        self.secret = secret
        self.signature_header = signature_header
        self._faults: deque[Fault] = deque(faults)
        self._received: list[Received] = []
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", port), self)
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{path}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-receiver-{self.port}",
        )
        self._thread.start()
        self._closed = False

    # -- scripting ----------------------------------------------------------------------------

    def script(self, *faults: Fault) -> None:
        """Answer the next requests with these faults, in order (after any still queued)."""
        with self._changed:
            self._faults.extend(faults)

    # -- what it saw --------------------------------------------------------------------------

    @property
    def requests(self) -> list[Received]:
        with self._changed:
            return list(self._received)

    def unique_keys(self) -> list[str | None]:
        """The distinct Idempotency-Keys received, in order of first arrival: a receiver that
        honours the key posts once per entry here, however often a request was repeated."""
        return list(dict.fromkeys(r.key for r in self.requests))

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Block until `count` requests have arrived (their headers, at least)."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._received) >= count, timeout):
                raise AssertionError(
                    f"the receiver saw {len(self._received)} requests within {timeout} s, "
                    f"expected {count}"
                )
            return list(self._received)

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop.set()  # ends any hang at once
        self._server.shutdown()  # no more accepts
        with self._server.connections_lock:
            connections = list(self._server.open_connections)
        for connection in connections:  # wakes handlers blocked reading a kept-alive socket
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()  # joins the handler threads
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeReceiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request (on its handler thread) --------------------------------------------------

    def _next_fault(self) -> Fault:
        with self._changed:
            return self._faults.popleft() if self._faults else Fault("answer")

    def _record(self, handler: _Handler, fault: Fault, body: bytes | None, at: float) -> int:
        signature_valid = None
        if self.secret is not None and body is not None:
            expected = hmac.new(self.secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            given = handler.headers.get(self.signature_header) or ""
            signature_valid = hmac.compare_digest(given.encode(), f"sha256={expected}".encode())
        answered = fault.status if fault.kind == "answer" else None
        with self._changed:
            self._received.append(
                Received(
                    method=handler.command,
                    path=handler.path,
                    headers=dict(handler.headers.items()),
                    body=body or b"",
                    body_read=body is not None,
                    signature_valid=signature_valid,
                    fault=fault.kind,
                    answered=answered,
                    at=at,
                )
            )
            self._changed.notify_all()
            return len(self._received)

    def _handle(self, handler: _Handler) -> None:
        at = time.monotonic()
        fault = self._next_fault()
        if fault.kind == "hang_before_body":
            self._record(handler, fault, None, at)
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        body = handler.read_body()
        number = self._record(handler, fault, body, at)
        if fault.kind == "hang_after_body":
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        if fault.kind == "reset":
            handler.reset_connection()
            return
        if fault.seconds and self._stop.wait(fault.seconds):
            handler.close_connection = True
            return
        if fault.status == 200 and not fault.body and not fault.headers:
            handler.answer(
                200,
                {"Content-Type": "application/json", "X-Request-Id": f"req-{number}"},
                json.dumps({"ok": True, "request": number}).encode(),
            )
            return
        handler.answer(fault.status, dict(fault.headers), fault.body)


# -- pytest -----------------------------------------------------------------------------------


@pytest.fixture
def receiver() -> Iterator[Callable[..., FakeReceiver]]:
    """A factory: `receiver(*faults, secret=None, port=0)` starts a FakeReceiver; every one
    made is shut down after the test."""
    made: list[FakeReceiver] = []

    def make(*faults: Fault, **options: Any) -> FakeReceiver:
        server = FakeReceiver(*faults, **options)
        made.append(server)
        return server

    yield make
    for server in made:
        server.close()


@pytest.fixture
def short_http_timeouts(monkeypatch: pytest.MonkeyPatch) -> float:
    """Client timeouts of a second (instead of 5 s / 20 s) so hang faults are quick."""
    from statusdesk.channels import http as channel_http

    monkeypatch.setattr(channel_http, "CONNECT_TIMEOUT", 1.0)
    monkeypatch.setattr(channel_http, "READ_TIMEOUT", 1.0)
    return 1.0
