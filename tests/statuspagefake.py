"""A local Atlassian Statuspage (REST API v1) for channel tests: a threaded HTTP/1.1 server on
127.0.0.1 that checks `Authorization: OAuth <key>`, checks the shape of what it is sent the way
Statuspage does (400 for a malformed request, 422 with `{"error": [...]}` for a bad incident),
keeps the incidents it creates in memory so that lookups (`GET .../incidents`, one incident)
find them, and misbehaves on cue:

    page = FakeStatuspage(api_key="k")
    page.script(rate_limited(429, "1"), on="POST")      # the next POST waits a second
    page.script(hang_after(30), on="PATCH")              # applied, then never answered
    ...  # point a channel at page.url (its base_url) and page.page_id

Faults apply to the next request of their method (`on`), or to the next request of any
method. `hang_before` leaves the request unread and undone; `hang_after` does it (the incident
is created or changed, so a lookup finds it) and never answers. Hangs end when `close()` runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
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

from tests import httpfake

REALTIME = ("investigating", "identified", "monitoring", "resolved")
SCHEDULED = ("scheduled", "in_progress", "verifying", "completed")
IMPACTS = ("none", "minor", "major", "critical", "maintenance")
COMPONENT_STATUSES = (
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
)
INCIDENT_FIELDS = {
    "name",
    "status",
    "impact_override",
    "body",
    "components",
    "component_ids",
    "metadata",
    "deliver_notifications",
    "scheduled_for",
    "scheduled_until",
    "scheduled_remind_prior",
    "scheduled_auto_in_progress",
    "scheduled_auto_completed",
    "auto_transition_to_maintenance_state",
    "auto_transition_to_operational_state",
    "auto_transition_deliver_notifications_at_start",
    "auto_transition_deliver_notifications_at_end",
    "backfilled",
    "backfill_date",
}
BOOLEAN_FIELDS = {
    "deliver_notifications",
    "scheduled_remind_prior",
    "scheduled_auto_in_progress",
    "scheduled_auto_completed",
    "auto_transition_to_maintenance_state",
    "auto_transition_to_operational_state",
    "auto_transition_deliver_notifications_at_start",
    "auto_transition_deliver_notifications_at_end",
    "backfilled",
}
REASONS = {420: "Enhance Your Calm"}
EPOCH = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


# -- faults -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    kind: str  # answer | hang_before | hang_after
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    seconds: float = 0.0


def status(code: int, error: object = None, headers: Mapping[str, str] | None = None) -> Fault:
    """Answer with this status and, when given, Statuspage's error shape `{"error": ...}`."""
    body = json.dumps({"error": error}).encode() if error is not None else b""
    merged = {"Content-Type": "application/json", **(headers or {})}
    return Fault("answer", code, tuple(merged.items()), body)


def rate_limited(code: int = 429, retry_after: str | None = "1") -> Fault:
    """420 or 429, as Statuspage limits a key to about a request a second."""
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return status(code, "Rate limit exceeded", headers)


def hang_before(seconds: float = 30) -> Fault:
    """Leave the request unread and undone; close without an answer after `seconds`."""
    return Fault("hang_before", seconds=seconds)


def hang_after(seconds: float = 30) -> Fault:
    """Do the request (it lands), then close without an answer after `seconds`."""
    return Fault("hang_after", seconds=seconds)


# -- what it saw ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    answered: int | None  # None for a hang
    fault: str  # "" when it answered on its own
    at: float  # time.monotonic() when its headers had arrived

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    @property
    def incident(self) -> dict[str, Any]:
        found: dict[str, Any] = self.json()["incident"]
        return found


class _Refused(Exception):
    def __init__(self, code: int, error: object) -> None:
        super().__init__(code, error)
        self.code = code
        self.error = error


# -- the server -------------------------------------------------------------------------------


class FakeStatuspage:
    def __init__(
        self,
        *,
        api_key: str,
        page_id: str = "kctbh9vrtdwd",
        page_name: str = "Acme Exchange",
        subdomain: str = "acme",
        components: Mapping[str, str] | None = None,
        patch_sets_metadata: bool = True,
        echo_authorization: bool = False,
    ) -> None:
        self.api_key = api_key
        self.page_id = page_id
        self.page_name = page_name
        self.subdomain = subdomain
        self.components: dict[str, dict[str, str]] = {
            cid: {"id": cid, "name": name, "status": "operational"}
            for cid, name in (
                components or {"8kbf7d35c070": "Trading", "vtf5tj6z9t4k": "Funding"}
            ).items()
        }
        # Whether a PATCH's metadata replaces what the incident had (per namespace), or the
        # creation's stays; the channel must recognise its own update either way.
        self.patch_sets_metadata = patch_sets_metadata
        # A misbehaving server that quotes the request's credentials in its errors.
        self.echo_authorization = echo_authorization
        self.incidents: list[dict[str, Any]] = []  # oldest first
        self._faults: deque[tuple[str | None, Fault]] = deque()
        self._seen: list[Seen] = []
        self._lock = threading.Condition()
        self._counter = 0
        self._stop = threading.Event()
        self._server = httpfake._Server(("127.0.0.1", 0), self)  # type: ignore[arg-type]
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-statuspage-{self.port}",
        )
        self._thread.start()
        self._closed = False

    # -- scripting and inspection -------------------------------------------------------------

    def script(self, *faults: Fault, on: str | None = None) -> None:
        """The next requests of method `on` (any, when None) meet these faults, in order."""
        with self._lock:
            self._faults.extend((on, fault) for fault in faults)

    @property
    def requests(self) -> list[Seen]:
        with self._lock:
            return list(self._seen)

    def writes(self) -> list[Seen]:
        return [r for r in self.requests if r.method in ("POST", "PATCH")]

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> list[Seen]:
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._seen) >= count, timeout):
                raise AssertionError(f"saw {len(self._seen)} requests, expected {count}")
            return list(self._seen)

    def incident(self, their_id: str) -> dict[str, Any]:
        with self._lock:
            return next(i for i in self.incidents if i["id"] == their_id)

    # -- lifecycle ----------------------------------------------------------------------------

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

    def __enter__(self) -> FakeStatuspage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request (on its handler thread) --------------------------------------------------

    def _next_fault(self, method: str) -> Fault | None:
        with self._lock:
            for index, (on, fault) in enumerate(self._faults):
                if on is None or on == method:
                    del self._faults[index]
                    return fault
        return None

    def _record(
        self, handler: Any, body: bytes, answered: int | None, fault: str, at: float
    ) -> None:
        parts = urlsplit(handler.path)
        with self._lock:
            self._seen.append(
                Seen(
                    method=handler.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers=dict(handler.headers.items()),
                    body=body,
                    answered=answered,
                    fault=fault,
                    at=at,
                )
            )
            self._lock.notify_all()

    def _handle(self, handler: Any) -> None:
        at = time.monotonic()
        fault = self._next_fault(handler.command)
        if fault is not None and fault.kind == "hang_before":
            self._record(handler, b"", None, fault.kind, at)
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        body = handler.read_body()
        if fault is not None and fault.kind == "answer":
            self._record(handler, body, fault.status, "answer", at)
            self._answer(handler, fault.status, dict(fault.headers), fault.body)
            return
        code, answer = self._serve(handler, body)
        if fault is not None:  # hang_after: done, never answered
            self._record(handler, body, None, fault.kind, at)
            self._stop.wait(fault.seconds)
            handler.close_connection = True
            return
        self._record(handler, body, code, "", at)
        payload = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        self._answer(handler, code, {"Content-Type": "application/json"}, payload)

    def _answer(self, handler: Any, code: int, headers: dict[str, str], body: bytes) -> None:
        handler.send_response(code, REASONS.get(code))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    # -- the API ------------------------------------------------------------------------------

    def _serve(self, handler: Any, body: bytes) -> tuple[int, Any]:
        try:
            self._authorize(handler)
            return self._route(handler.command, urlsplit(handler.path).path, body)
        except _Refused as refused:
            error = refused.error
            if self.echo_authorization:
                quoted = f"(request had Authorization: {handler.headers.get('Authorization')})"
                error = [*error, quoted] if isinstance(error, list) else f"{error} {quoted}"
            return refused.code, {"error": error}

    def _authorize(self, handler: Any) -> None:
        given = handler.headers.get("Authorization") or ""
        if given != f"OAuth {self.api_key}":
            raise _Refused(401, "Could not authenticate")

    def _route(self, method: str, path: str, body: bytes) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if parts[:2] != ["v1", "pages"] or len(parts) < 3:
            raise _Refused(404, "Not found")
        if parts[2] != self.page_id:
            raise _Refused(404, "Not found")  # what Statuspage answers for another page
        rest = parts[3:]
        with self._lock:
            if method == "GET" and not rest:
                return 200, self._page()
            if rest == ["incidents"] and method == "GET":
                return 200, self._listing(lambda i: True)
            if rest == ["incidents", "unresolved"] and method == "GET":
                return 200, self._listing(lambda i: i["status"] not in ("resolved", "completed"))
            if rest == ["incidents"] and method == "POST":
                return 201, self._create(self._incident_body(body, creating=True))
            if len(rest) == 2 and rest[0] == "incidents":
                incident = next((i for i in self.incidents if i["id"] == rest[1]), None)
                if incident is None:
                    raise _Refused(404, "Not found")
                if method == "GET":
                    return 200, json.loads(json.dumps(incident))
                if method == "PATCH":
                    fields = self._incident_body(body, creating=False)
                    return 200, self._patch(incident, fields)
        raise _Refused(404, "Not found")

    def _page(self) -> dict[str, Any]:
        return {
            "id": self.page_id,
            "name": self.page_name,
            "subdomain": self.subdomain,
            "url": f"https://{self.subdomain}.statuspage.io",
            "time_zone": "Etc/UTC",
        }

    def _listing(self, keep: Any) -> list[dict[str, Any]]:
        newest_first = [i for i in reversed(self.incidents) if keep(i)]
        return json.loads(json.dumps(newest_first[:100]))  # type: ignore[no-any-return]

    def _incident_body(self, body: bytes, *, creating: bool) -> dict[str, Any]:
        """Statuspage's own checks, as far as a client can run into them."""
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _Refused(400, f"The request body is not JSON ({exc})") from exc
        if not isinstance(data, dict) or set(data) != {"incident"}:
            raise _Refused(400, 'The request body must be {"incident": {...}}')
        fields = data["incident"]
        if not isinstance(fields, dict):
            raise _Refused(400, "incident must be an object")
        unknown = sorted(set(fields) - INCIDENT_FIELDS)
        if unknown:
            raise _Refused(400, f"Unpermitted parameters: {', '.join(unknown)}")
        errors = []
        if creating and not str(fields.get("name") or "").strip():
            errors.append("Name can't be blank")
        state = fields.get("status")
        if state is not None and state not in REALTIME + SCHEDULED:
            errors.append(f"Status is not included in the list ({state!r})")
        if creating and state in SCHEDULED:
            for name, words in (
                ("scheduled_for", "Scheduled for"),
                ("scheduled_until", "Scheduled until"),
            ):
                if not fields.get(name):
                    errors.append(f"{words} can't be blank")
        if creating and state in REALTIME and fields.get("scheduled_for"):
            errors.append("A realtime incident cannot be scheduled")
        impact = fields.get("impact_override")
        if impact is not None and impact not in IMPACTS:
            errors.append(f"Impact override is not included in the list ({impact!r})")
        if "body" in fields and not isinstance(fields["body"], str):
            errors.append("Body must be text")
        components = fields.get("components", {})
        if not isinstance(components, dict):
            raise _Refused(400, "components must be an object of component id → status")
        for cid, value in components.items():
            if cid not in self.components:
                errors.append(f"Component {cid} does not belong to this page")
            elif value not in COMPONENT_STATUSES:
                errors.append(f"Component status {value!r} is not included in the list")
        ids = fields.get("component_ids", [])
        if not isinstance(ids, list) or any(c not in self.components for c in ids):
            errors.append("Component ids must be components of this page")
        metadata = fields.get("metadata", {})
        if not isinstance(metadata, dict) or not all(
            isinstance(v, dict) for v in metadata.values()
        ):
            errors.append("Metadata must be an object of objects")
        for name in BOOLEAN_FIELDS & set(fields):
            if not isinstance(fields[name], bool):
                raise _Refused(400, f"{name} must be true or false")
        if errors:
            raise _Refused(422, errors)
        return fields

    def _stamp(self) -> str:
        self._counter += 1
        return (EPOCH + timedelta(seconds=self._counter)).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def _new_id(self, kind: str) -> str:
        seed = f"{kind}-{self._counter}-{len(self.incidents)}"
        return hashlib.sha1(seed.encode()).hexdigest()[:12]

    def _incident_update(self, incident: dict[str, Any], fields: dict[str, Any]) -> None:
        now = self._stamp()
        affected = [
            {"code": cid, "name": self.components[cid]["name"], "new_status": value}
            for cid, value in (fields.get("components") or {}).items()
        ]
        incident["incident_updates"].insert(
            0,
            {
                "id": self._new_id("update"),
                "incident_id": incident["id"],
                "status": fields.get("status", incident["status"]),
                "body": fields.get("body", ""),
                "created_at": now,
                "display_at": now,
                "updated_at": now,
                "affected_components": affected,
                "deliver_notifications": fields.get("deliver_notifications", True),
            },
        )
        incident["updated_at"] = now

    def _apply_components(self, incident: dict[str, Any], fields: dict[str, Any]) -> None:
        for cid, value in (fields.get("components") or {}).items():
            self.components[cid]["status"] = value
        linked = {c["id"] for c in incident["components"]}
        for cid in [*(fields.get("component_ids") or []), *(fields.get("components") or {})]:
            if cid not in linked:
                linked.add(cid)
                incident["components"].append(self.components[cid])
        incident["components"] = [dict(self.components[c["id"]]) for c in incident["components"]]

    def _create(self, fields: dict[str, Any]) -> dict[str, Any]:
        their_id = self._new_id("incident")
        now = self._stamp()
        incident: dict[str, Any] = {
            "id": their_id,
            "page_id": self.page_id,
            "name": fields["name"],
            "status": fields["status"],
            "impact": fields.get("impact_override") or "none",
            "impact_override": fields.get("impact_override"),
            "shortlink": f"https://stspg.io/{their_id[:5]}",
            "created_at": now,
            "updated_at": now,
            "started_at": now,
            "resolved_at": None,
            "scheduled_for": fields.get("scheduled_for"),
            "scheduled_until": fields.get("scheduled_until"),
            "scheduled_auto_in_progress": fields.get("scheduled_auto_in_progress", False),
            "scheduled_auto_completed": fields.get("scheduled_auto_completed", False),
            "metadata": fields.get("metadata", {}),
            "components": [],
            "incident_updates": [],
        }
        self._apply_components(incident, fields)
        self._incident_update(incident, fields)
        self.incidents.append(incident)
        return json.loads(json.dumps(incident))  # type: ignore[no-any-return]

    def _patch(self, incident: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
        for name in ("name", "status", "impact_override", "scheduled_for", "scheduled_until"):
            if name in fields:
                incident[name] = fields[name]
        if fields.get("impact_override"):
            incident["impact"] = fields["impact_override"]
        if "metadata" in fields and self.patch_sets_metadata:
            incident["metadata"] = {**incident["metadata"], **fields["metadata"]}
        if incident["status"] in ("resolved", "completed") and not incident["resolved_at"]:
            incident["resolved_at"] = self._stamp()
        self._apply_components(incident, fields)
        if "status" in fields or "body" in fields:
            self._incident_update(incident, fields)
        return json.loads(json.dumps(incident))  # type: ignore[no-any-return]


@pytest.fixture
def statuspage() -> Iterator[Any]:
    """A factory: `statuspage(api_key=..., **options)` starts a FakeStatuspage; every one made
    is shut down after the test."""
    made: list[FakeStatuspage] = []

    def make(**options: Any) -> FakeStatuspage:
        page = FakeStatuspage(**options)
        made.append(page)
        return page

    yield make
    for page in made:
        page.close()
