"""The Atlassian Statuspage channel end to end: a Desk publishes to a local Statuspage
(tests/statuspagefake.py) that checks the OAuth header and the request's shape, keeps the
incidents it creates, and misbehaves on cue. The first update creates their incident and every
later one PATCHes the same one; nothing is ever created twice, whatever fails on the way."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels.base import Ambiguous, PartOutcome, PartRecord, Permanent, Receipt
from statusdesk.channels.statuspage import channel as statuspage_channel
from statusdesk.channels.statuspage.channel import StatuspageChannel
from statusdesk.channels.statuspage.render import PDI, RLI
from statusdesk.channels.statuspage.settings import parse_components
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
    Severity,
)
from statusdesk.core.timefmt import iso
from statusdesk.delivery import retry
from statusdesk.delivery.ledger import StoreLedger
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests import httpfake, memkeyring, statuspagefake
from tests.statuspagefake import FakeStatuspage, hang_after, hang_before, rate_limited, status

short_http_timeouts = httpfake.short_http_timeouts
statuspage = statuspagefake.statuspage

KEY = "0f9c2d7e1b3a45d6c8e2a9b7f1d3c5e7"
TITLE = BilingualText("API outage", "انقطاع الواجهة البرمجية")
EN = "We are investigating errors on the API."
AR = "نحقق في أخطاء الواجهة البرمجية API v2."
SENT, FAILED = DeliveryState.SENT, DeliveryState.FAILED
TRADING, FUNDING = "8kbf7d35c070", "vtf5tj6z9t4k"
MAPPING = f"Trading:{TRADING},Funding:{FUNDING}"
MIN_INTERVAL = StatuspageChannel.min_interval  # as shipped, before a fixture shortens it


# -- fixtures and helpers ---------------------------------------------------------------------


MemoryKeyring = memkeyring.MemoryKeyring
memory_keyring = memkeyring.memory_keyring


class StateLog:
    def __init__(self) -> None:
        self.changes: list[tuple[int, DeliveryState]] = []
        self._changed = threading.Condition()

    def __call__(self, delivery_id: int, state: DeliveryState) -> None:
        with self._changed:
            self.changes.append((delivery_id, state))
            self._changed.notify_all()

    def wait_for(self, delivery_id: int, state: DeliveryState, timeout: float = 10) -> None:
        with self._changed:
            seen = self._changed.wait_for(lambda: (delivery_id, state) in self.changes, timeout)
        assert seen, f"delivery {delivery_id} never became {state}: {self.changes}"


@pytest.fixture
def state_log() -> StateLog:
    return StateLog()


@pytest.fixture
def sp_desk(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    short_http_timeouts: float,
    memory_keyring: MemoryKeyring,
    state_log: StateLog,
) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)  # our own backoff: 50 ms, 100 ms, …
    # Statuspage's one request a second, shortened; test_requests_are_spaced keeps it.
    monkeypatch.setattr(StatuspageChannel, "min_interval", 0.0)
    with Desk(home, on_delivery_change=state_log) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield desk


@pytest.fixture
def page(statuspage: Any) -> FakeStatuspage:
    made: FakeStatuspage = statuspage(api_key=KEY)
    return made


def add_statuspage(
    desk: Desk,
    page: FakeStatuspage,
    name: str = "status",
    *,
    key: str | None = KEY,
    **settings: str,
) -> None:
    options = {"base_url": page.url, "page_id": page.page_id, "components": MAPPING, **settings}
    desk.channels.add_channel("statuspage", name, options)
    if key is not None:
        desk.channels.set_channel_secret(name, "api_key", key)


def open_incident(
    desk: Desk,
    *,
    en: str = EN,
    ar: str = AR,
    state: IncidentState = IncidentState.INVESTIGATING,
    components: dict[str, ComponentStatus] | None = None,
    impact: Impact | None = None,
    kind: IncidentKind = IncidentKind.INCIDENT,
    window: tuple[str, str] | None = None,
    dispatch: bool = True,
) -> Published:
    draft = Draft(BilingualText(en, ar), state, impact, components or {}, author="amal")
    return desk.publishing.open_incident(
        title=TITLE,
        draft=draft,
        kind=kind,
        channel_names=["status"],
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        dispatch=dispatch,
    )


def post_update(
    desk: Desk,
    incident_id: int,
    state: IncidentState,
    en: str = "Fixed.",
    ar: str = "تم الإصلاح.",
    components: dict[str, ComponentStatus] | None = None,
) -> Published:
    draft = Draft(BilingualText(en, ar), state, None, components or {}, author="amal")
    return desk.publishing.post_update(incident_id, draft, channel_names=["status"])


def outcome(desk: Desk, published: Published, timeout: float = 15) -> Delivery:
    (delivery,) = desk.deliveries.wait_for(published.update_id, timeout=timeout)
    return delivery


def kinds(desk: Desk, delivery_id: int) -> list[str]:
    return [e["kind"] for e in desk.store.audit.events() if e["delivery_id"] == delivery_id]


def errors(desk: Desk, delivery_id: int) -> list[str]:
    found = []
    for event in desk.store.audit.events():
        if event["delivery_id"] == delivery_id:
            error = json.loads(event["data"]).get("error")
            if error:
                found.append(error)
    return found


def bilingual(en: str, ar: str) -> str:
    return f"{en}\n\n{RLI}{ar}{PDI}"


# -- create, then PATCH -----------------------------------------------------------------------


def test_resolving_sends_the_affected_components_back_as_operational(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    """Issue #12 §2: today Statuspage got `resolved` with `major_outage`."""
    add_statuspage(sp_desk, page)
    opened = open_incident(
        sp_desk,
        components={
            "Trading": ComponentStatus.MAJOR_OUTAGE,
            "Funding": ComponentStatus.PARTIAL_OUTAGE,
        },
    )
    assert outcome(sp_desk, opened).state is SENT
    resolved = post_update(sp_desk, opened.incident_id, IncidentState.RESOLVED)
    assert outcome(sp_desk, resolved).state is SENT, outcome(sp_desk, resolved).last_error
    patched = page.requests[-1]
    assert patched.method == "PATCH"
    assert patched.incident["status"] == "resolved"
    assert patched.incident["components"] == {TRADING: "operational", FUNDING: "operational"}
    (incident,) = page.incidents
    assert {c["id"]: c["status"] for c in incident["components"]} == {
        TRADING: "operational",
        FUNDING: "operational",
    }


def test_the_first_update_creates_the_incident_and_later_ones_patch_it(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page)
    opened = open_incident(
        sp_desk,
        components={"Trading": ComponentStatus.PARTIAL_OUTAGE},
        impact=Impact.MAJOR,
    )
    first = outcome(sp_desk, opened)
    assert first.state is SENT, first.last_error
    identified = post_update(
        sp_desk,
        opened.incident_id,
        IncidentState.IDENTIFIED,
        "Found it.",
        "وجدنا السبب.",
        {"Funding": ComponentStatus.DEGRADED_PERFORMANCE},
    )
    second = outcome(sp_desk, identified)
    resolved = post_update(
        sp_desk,
        opened.incident_id,
        IncidentState.RESOLVED,
        components={
            "Trading": ComponentStatus.OPERATIONAL,
            "Funding": ComponentStatus.OPERATIONAL,
        },
    )
    third = outcome(sp_desk, resolved)

    assert [r.method for r in page.requests] == ["POST", "PATCH", "PATCH"]
    (incident,) = page.incidents
    their_id = incident["id"]
    assert first.remote_id == second.remote_id == third.remote_id == their_id
    assert first.remote_url == incident["shortlink"]
    assert [r.path for r in page.requests] == [
        f"/v1/pages/{page.page_id}/incidents",
        f"/v1/pages/{page.page_id}/incidents/{their_id}",
        f"/v1/pages/{page.page_id}/incidents/{their_id}",
    ]
    for request in page.requests:
        assert request.header("Authorization") == f"OAuth {KEY}"
        assert request.header("Content-Type") == "application/json; charset=utf-8"
    assert AR.encode("utf-8") in page.requests[0].body  # UTF-8, not \u escapes

    created = page.requests[0].incident
    assert created == {
        "name": "API outage | انقطاع الواجهة البرمجية",
        "status": "investigating",
        "impact_override": "major",
        "body": bilingual(EN, AR),
        "components": {TRADING: "partial_outage"},
        "component_ids": [TRADING],
        "metadata": {
            "statusdesk": {"incident": str(opened.incident_id), "key": first.idempotency_key}
        },
        "deliver_notifications": True,
    }
    patched = page.requests[1].incident
    assert patched["status"] == "identified"
    assert patched["body"] == bilingual("Found it.", "وجدنا السبب.")
    # Trading keeps the status the first update gave it; Funding is the one that changed.
    assert patched["components"] == {TRADING: "partial_outage", FUNDING: "degraded_performance"}
    assert patched["metadata"]["statusdesk"]["key"] == second.idempotency_key
    assert "name" not in patched
    assert page.requests[2].incident["components"] == {
        TRADING: "operational",
        FUNDING: "operational",
    }

    assert incident["status"] == "resolved"
    assert [u["status"] for u in incident["incident_updates"]] == [
        "resolved",
        "identified",
        "investigating",
    ]
    assert {c["id"]: c["status"] for c in incident["components"]} == {
        TRADING: "operational",
        FUNDING: "operational",
    }
    # The receipt travels in the ledger too: what reconcile would read after a crash.
    for delivery in (first, second, third):
        (part,) = sp_desk.store.ledger.delivery_parts(delivery.id)
        assert part["state"] == "sent" and part["remote_id"] == their_id


def test_two_incidents_make_two_of_theirs(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    one = outcome(sp_desk, open_incident(sp_desk))
    two = outcome(sp_desk, open_incident(sp_desk, en="Another.", ar="أخرى."))
    assert one.state is two.state is SENT
    assert [r.method for r in page.requests] == ["POST", "POST"]
    assert one.remote_id != two.remote_id
    assert {i["id"] for i in page.incidents} == {one.remote_id, two.remote_id}


@pytest.mark.parametrize(
    ("language", "order", "body", "name"),
    [
        ("both", "en-first", bilingual(EN, AR), f"{TITLE.en} | {TITLE.ar}"),
        ("both", "ar-first", f"{RLI}{AR}{PDI}\n\n{EN}", f"{TITLE.ar} | {TITLE.en}"),
        ("en", "ar-first", EN, TITLE.en),
        ("ar", "en-first", f"{RLI}{AR}{PDI}", TITLE.ar),
    ],
)
def test_the_body_holds_the_channel_languages_in_its_order(
    sp_desk: Desk, page: FakeStatuspage, language: str, order: str, body: str, name: str
) -> None:
    add_statuspage(sp_desk, page, language=language, order=order)
    assert outcome(sp_desk, open_incident(sp_desk)).state is SENT
    (request,) = page.requests
    assert request.incident["body"] == body
    assert request.incident["name"] == name


def test_each_arabic_line_reads_right_to_left(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page, language="ar")
    ar = "السطر الأول.\n\nالسطر الثاني 14:30 UTC."
    assert outcome(sp_desk, open_incident(sp_desk, ar=ar)).state is SENT
    body = page.requests[0].incident["body"]
    assert body == f"{RLI}السطر الأول.{PDI}\n\n{RLI}السطر الثاني 14:30 UTC.{PDI}"
    assert body.count(RLI) == body.count(PDI) == 2


def test_the_preview_is_what_is_sent(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk, components={"Trading": ComponentStatus.MAJOR_OUTAGE})
    delivery = outcome(sp_desk, opened)
    kept = sp_desk.store.ledger.rendered_of(delivery.id)
    assert kept is not None
    parts = json.loads(kept)["parts"]
    assert [p["content_type"] for p in parts] == ["text/plain", "application/json"]
    assert parts[0]["text"] == page.requests[0].incident["body"]
    fields = json.loads(parts[1]["text"])
    assert fields["components"] == {TRADING: "major_outage"}
    assert fields["name"] == page.requests[0].incident["name"]


def test_a_maintenance_carries_its_window(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    window = ("2026-03-02T01:00:00Z", "2026-03-02T03:00:00Z")
    opened = open_incident(
        sp_desk,
        kind=IncidentKind.MAINTENANCE,
        state=IncidentState.SCHEDULED,
        window=window,
        components={"Funding": ComponentStatus.UNDER_MAINTENANCE},
        en="Planned database upgrade.",
        ar="ترقية مخطط لها لقاعدة البيانات.",
    )
    assert outcome(sp_desk, opened).state is SENT
    started = post_update(sp_desk, opened.incident_id, IncidentState.IN_PROGRESS, "Started.")
    assert outcome(sp_desk, started).state is SENT
    created, patched = (r.incident for r in page.requests)
    assert created["status"] == "scheduled"
    assert created["scheduled_for"] == window[0]
    assert created["scheduled_until"] == window[1]
    assert created["components"] == {FUNDING: "under_maintenance"}
    # Each transition is published by us: Statuspage must not make its own as well.
    assert created["scheduled_auto_in_progress"] is False
    assert created["scheduled_auto_completed"] is False
    assert patched["status"] == "in_progress"
    assert "scheduled_for" not in patched
    assert page.incidents[0]["status"] == "in_progress"


def test_an_update_waits_for_the_one_that_creates_the_incident(
    sp_desk: Desk, page: FakeStatuspage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second update is published while the first is still retrying its POST: it must
    PATCH the incident the first one creates, not open a second one."""
    monkeypatch.setattr(statuspage_channel, "WAIT_FOR_EARLIER_SECONDS", 0.2)
    monkeypatch.setattr(statuspage_channel, "EARLIER_MARGIN_SECONDS", 0.2)
    add_statuspage(sp_desk, page)
    page.script(status(503, "Service unavailable", {"Retry-After": "1"}), on="POST")
    opened = open_incident(sp_desk)
    page.wait_for_requests(1)
    update = post_update(sp_desk, opened.incident_id, IncidentState.IDENTIFIED)
    second = outcome(sp_desk, update)
    first = outcome(sp_desk, opened)
    assert first.state is second.state is SENT, (first.last_error, second.last_error)
    assert [(r.method, r.answered) for r in page.requests] == [
        ("POST", 503),
        ("POST", 201),
        ("PATCH", 200),
    ]
    assert len(page.incidents) == 1
    assert second.remote_id == first.remote_id
    waited = errors(sp_desk, second.id)
    assert waited and all("to create the incident on Statuspage" in e for e in waited)


# -- the server's limits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "reason"), [(429, "429 Too Many Requests"), (420, "420 Enhance Your Calm")]
)
def test_rate_limits_wait_as_long_as_retry_after_says(
    sp_desk: Desk, page: FakeStatuspage, code: int, reason: str
) -> None:
    add_statuspage(sp_desk, page)
    page.script(rate_limited(code, "1"), on="POST")
    delivery = outcome(sp_desk, open_incident(sp_desk))
    assert delivery.state is SENT, delivery.last_error
    refused, created = page.requests
    assert (refused.answered, created.answered) == (code, 201)
    assert created.at - refused.at >= 0.9
    assert refused.body == created.body  # the kept render, the same key in its metadata
    assert len(page.incidents) == 1
    (error,) = errors(sp_desk, delivery.id)
    assert error.startswith("status: ")
    assert f"answered {reason}; it asked to wait 1 s. Will retry." in error


def test_a_server_error_is_retried(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    page.script(status(500, "Internal server error"), on="POST")
    delivery = outcome(sp_desk, open_incident(sp_desk))
    assert delivery.state is SENT
    assert [r.answered for r in page.requests] == [500, 201]
    assert kinds(sp_desk, delivery.id) == [
        "delivery.sending",
        "delivery.retry_wait",
        "delivery.sending",
        "delivery.sent",
    ]


def test_requests_are_spaced_a_second_apart(
    sp_desk: Desk, page: FakeStatuspage, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MIN_INTERVAL == 1.0  # Statuspage: about one request a second per key
    monkeypatch.setattr(StatuspageChannel, "min_interval", MIN_INTERVAL)
    add_statuspage(sp_desk, page)
    one = open_incident(sp_desk, dispatch=False)
    two = open_incident(sp_desk, en="Second.", ar="الثاني.", dispatch=False)
    sp_desk.dispatcher.submit([*one.delivery_ids, *two.delivery_ids])
    assert outcome(sp_desk, one).state is outcome(sp_desk, two).state is SENT
    first, second = page.requests
    assert second.at - first.at >= 0.95
    assert len(page.incidents) == 2


# -- after an attempt that may have landed ----------------------------------------------------


def test_a_create_that_landed_is_found_by_its_metadata_not_posted_again(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page)
    page.script(hang_after(), on="POST")
    delivery = outcome(sp_desk, open_incident(sp_desk))
    assert delivery.state is SENT, delivery.last_error
    assert [(r.method, r.answered) for r in page.requests] == [("POST", None), ("GET", 200)]
    lookup = page.requests[1]
    assert lookup.path == f"/v1/pages/{page.page_id}/incidents"
    assert lookup.header("Authorization") == f"OAuth {KEY}"
    (incident,) = page.incidents
    assert delivery.remote_id == incident["id"]
    assert delivery.remote_url == incident["shortlink"]
    assert kinds(sp_desk, delivery.id) == ["delivery.sending", "delivery.unknown", "delivery.sent"]
    (first_error,) = errors(sp_desk, delivery.id)
    assert "status: " in first_error and "it may have arrived" in first_error


def test_a_create_that_did_not_land_is_sent_once_more(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    page.script(hang_before(), on="POST")
    delivery = outcome(sp_desk, open_incident(sp_desk))
    assert delivery.state is SENT, delivery.last_error
    assert [(r.method, r.answered) for r in page.requests] == [
        ("POST", None),
        ("GET", 200),
        ("POST", 201),
    ]
    (incident,) = page.incidents
    assert delivery.remote_id == incident["id"]
    assert incident["metadata"]["statusdesk"]["key"] == delivery.idempotency_key
    assert kinds(sp_desk, delivery.id) == [
        "delivery.sending",
        "delivery.unknown",
        "delivery.retry_wait",
        "delivery.sending",
        "delivery.sent",
    ]


@pytest.mark.parametrize("patch_sets_metadata", [True, False], ids=["by-metadata", "by-body"])
def test_a_patch_that_landed_is_recognised(
    sp_desk: Desk, statuspage: Any, patch_sets_metadata: bool
) -> None:
    page = statuspage(api_key=KEY, patch_sets_metadata=patch_sets_metadata)
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk)
    assert outcome(sp_desk, opened).state is SENT
    page.script(hang_after(), on="PATCH")
    delivery = outcome(sp_desk, post_update(sp_desk, opened.incident_id, IncidentState.MONITORING))
    assert delivery.state is SENT, delivery.last_error
    (incident,) = page.incidents
    assert [(r.method, r.path) for r in page.requests[1:]] == [
        ("PATCH", f"/v1/pages/{page.page_id}/incidents/{incident['id']}"),
        ("GET", f"/v1/pages/{page.page_id}/incidents/{incident['id']}"),
    ]
    assert [u["status"] for u in incident["incident_updates"]] == ["monitoring", "investigating"]
    assert delivery.remote_id == incident["id"]


def test_a_patch_that_did_not_land_is_sent_once_more(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk)
    assert outcome(sp_desk, opened).state is SENT
    page.script(hang_before(), on="PATCH")
    delivery = outcome(sp_desk, post_update(sp_desk, opened.incident_id, IncidentState.MONITORING))
    assert delivery.state is SENT, delivery.last_error
    assert [r.method for r in page.requests] == ["POST", "PATCH", "GET", "PATCH"]
    (incident,) = page.incidents
    assert [u["status"] for u in incident["incident_updates"]] == ["monitoring", "investigating"]


def test_a_lookup_that_fails_leaves_it_to_a_person_and_a_later_update_finds_the_incident(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    """The create may have landed and the lookup is refused: a person decides. A later
    update must not open a second incident meanwhile: it asks Statuspage for ours first."""
    add_statuspage(sp_desk, page)
    page.script(hang_after(), on="POST")
    page.script(status(403, "Forbidden"), on="GET")
    opened = open_incident(sp_desk)
    first = outcome(sp_desk, opened)
    assert first.state is DeliveryState.NEEDS_DECISION
    assert first.last_error is not None
    assert "refused the API key" in first.last_error
    assert "Check status by hand" in first.last_error

    # Another workspace publishes to the same page: its incident 1 is not ours.
    with page._lock:
        (ours,) = page.incidents
        foreign = json.loads(json.dumps(ours))
        foreign.update(id="f0re1gn00000", name="Someone else's")
        foreign["metadata"] = {"statusdesk": {"incident": str(opened.incident_id), "key": "sd-x"}}
        page.incidents.append(foreign)  # the newest

    later = outcome(sp_desk, post_update(sp_desk, opened.incident_id, IncidentState.IDENTIFIED))
    assert later.state is SENT, later.last_error
    assert [r.method for r in page.requests] == ["POST", "GET", "GET", "PATCH"]
    assert later.remote_id == ours["id"]
    assert page.incident(ours["id"])["status"] == "identified"
    assert page.incident("f0re1gn00000")["status"] == "investigating"
    assert len(page.incidents) == 2


def test_a_patch_whose_incident_vanished_meanwhile_goes_to_a_person(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk)
    assert outcome(sp_desk, opened).state is SENT
    page.script(hang_after(), on="PATCH")
    update = post_update(sp_desk, opened.incident_id, IncidentState.MONITORING)
    page.wait_for_requests(2)
    with page._lock:
        page.incidents.clear()  # deleted on their side while our PATCH hung
    delivery = outcome(sp_desk, update)
    assert delivery.state is DeliveryState.NEEDS_DECISION
    assert delivery.last_error is not None
    assert "is not on Statuspage page" in delivery.last_error
    assert [r.method for r in page.requests] == ["POST", "PATCH", "GET"]


def dead_owner() -> str:
    """The owner name of a process that ran on this host and has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}:dead"


def patch_then_die(desk: Desk, published: Published) -> Delivery:
    """What a runner killed mid-PATCH leaves: the delivery claimed by a process that is gone,
    its ledger saying a PATCH left, and no outcome. The PATCH is really sent (the page is
    scripted to answer it or not), exactly as the dispatcher sends it."""
    (delivery_id,) = published.delivery_ids
    owner, now = dead_owner(), desk.clock.now()
    assert desk.store.ledger.claim_delivery(
        delivery_id, owner, iso(now + timedelta(hours=1)), iso(now)
    )
    delivery = desk.store.deliveries.delivery(delivery_id)
    config = desk.store.channels.channel_by_name("status")
    update = desk.store.incidents.update(published.update_id)
    incident = desk.store.incidents.incident(published.incident_id)
    assert delivery and config and update and incident
    channel = desk.channel(config)
    rendered = channel.render(update, incident)
    desk.store.ledger.keep_rendered(delivery_id, rendered.to_json(), owner)
    ledger = StoreLedger(desk.store, delivery_id, desk.clock.now, owner=owner)
    with pytest.raises(Ambiguous):
        channel.send(rendered, delivery.idempotency_key, ledger)
    (part,) = desk.store.ledger.delivery_parts(delivery_id)
    assert (json.loads(part["target"])["op"], part["state"]) == ("patch", "sending")
    return delivery


def test_a_patch_that_landed_before_later_updates_is_found_among_all_of_theirs(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    """Issue 12 §4: a runner killed mid-PATCH; later updates go out before it is reconciled.
    Its PATCH is found among all of the incident's updates, not PATCHed a second time."""
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk)
    assert outcome(sp_desk, opened).state is SENT
    texts = [
        (IncidentState.IDENTIFIED, "Cause found: a bad deploy.", "السبب: نشر خاطئ."),
        (IncidentState.MONITORING, "Rolled back; watching.", "تم التراجع؛ نراقب."),
        (IncidentState.MONITORING, "Error rates are normal.", "معدلات الأخطاء طبيعية."),
        (IncidentState.RESOLVED, "Resolved.", "تم الحل."),
    ]
    second = sp_desk.publishing.post_update(
        opened.incident_id,
        Draft(BilingualText(texts[0][1], texts[0][2]), texts[0][0], author="amal"),
        channel_names=["status"],
        dispatch=False,
    )
    page.script(hang_after(), on="PATCH")
    patch_then_die(sp_desk, second)
    for state, en, ar in texts[1:]:
        assert (
            outcome(sp_desk, post_update(sp_desk, opened.incident_id, state, en, ar)).state is SENT
        )

    assert sp_desk.deliveries.recover().abandoned == 1
    delivery = outcome(sp_desk, second)
    assert delivery.state is SENT, delivery.last_error
    (incident,) = page.incidents
    assert delivery.remote_id == incident["id"]
    assert [r.method for r in page.writes()] == ["POST", "PATCH", "PATCH", "PATCH", "PATCH"]
    assert [u["body"] for u in incident["incident_updates"][::-1]] == [
        bilingual(en, ar) for en, ar in [(EN, AR)] + [(en, ar) for _, en, ar in texts]
    ]
    assert kinds(sp_desk, delivery.id) == [
        "delivery.sending",
        "delivery.abandoned",
        "delivery.sent",
    ]


def test_a_repeated_text_that_did_not_land_is_still_sent(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    """The same status and text twice (a repeated "still investigating"): the first landed, the
    second's PATCH did not. Finding the first must not pass for the second."""
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk)
    assert outcome(sp_desk, opened).state is SENT
    again = ("Still investigating.", "ما زلنا نحقق.")
    assert (
        outcome(
            sp_desk, post_update(sp_desk, opened.incident_id, IncidentState.IDENTIFIED, *again)
        ).state
        is SENT
    )
    repeated = sp_desk.publishing.post_update(
        opened.incident_id,
        Draft(BilingualText(*again), IncidentState.IDENTIFIED, author="amal"),
        channel_names=["status"],
        dispatch=False,
    )
    page.script(hang_before(), on="PATCH")
    patch_then_die(sp_desk, repeated)

    assert sp_desk.deliveries.recover().abandoned == 1
    delivery = outcome(sp_desk, repeated)
    assert delivery.state is SENT, delivery.last_error
    (incident,) = page.incidents
    assert [u["body"] for u in incident["incident_updates"]].count(bilingual(*again)) == 2


class ListLedger:
    def __init__(self, *records: PartRecord) -> None:
        self.records = {r.seq: r for r in records}

    def parts(self) -> dict[int, PartRecord]:
        return dict(self.records)

    def progress(self, done: int, total: int, what: str) -> None:
        return None

    def sending(self, seq: int, target: str = "") -> None:
        self.records[seq] = PartRecord(seq, target, "sending")

    def sent(self, seq: int, receipt: Receipt) -> None:
        old = self.records[seq]
        self.records[seq] = PartRecord(seq, old.target, "sent", receipt.remote_id)

    def failed(self, seq: int, error: str) -> None:
        old = self.records[seq]
        self.records[seq] = PartRecord(seq, old.target, "failed", error=error)

    def sending_many(self, parts: Sequence[tuple[int, str]]) -> None:
        for seq, target in parts:
            self.sending(seq, target)

    def finished_many(self, outcomes: Sequence[PartOutcome]) -> None:
        for outcome in outcomes:
            if outcome.receipt is not None:
                self.sent(outcome.seq, outcome.receipt)
            else:
                self.failed(outcome.seq, outcome.error or "")


@pytest.mark.parametrize(
    ("ledger", "expected"),
    [
        (ListLedger(), None),  # no request ever left
        (ListLedger(PartRecord(0, '{"op": "create"}', "failed", error="422")), None),
        (ListLedger(PartRecord(0, '{"op": "create"}', "sent", "abc123", "u")), "abc123"),
    ],
    ids=["nothing-written", "refused", "noted-as-sent"],
)
def test_reconcile_reads_the_ledger_before_asking(
    sp_desk: Desk, page: FakeStatuspage, ledger: ListLedger, expected: str | None
) -> None:
    add_statuspage(sp_desk, page)
    config = sp_desk.store.channels.channel_by_name("status")
    assert config is not None
    receipt = sp_desk.channel(config).reconcile("sd-some-key", ledger)
    assert (receipt.remote_id if receipt else None) == expected
    assert page.requests == []


# -- refusals ---------------------------------------------------------------------------------


def test_a_wrong_api_key_fails_and_says_how_to_fix_it(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page, key="not-the-key")
    delivery = outcome(sp_desk, open_incident(sp_desk))
    assert delivery.state is FAILED
    assert delivery.last_error == (
        "status: Statuspage refused the API key (401 Unauthorized). Set a key that may write "
        f"to page {page.page_id} with `statusdesk channel secret status api_key`, then retry "
        "this delivery."
    )
    assert sp_desk.dispatcher.wait_idle(5)
    assert [r.answered for r in page.requests] == [401]
    assert page.incidents == []


def test_their_validation_error_is_shown_in_their_words(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page)
    # A maintenance without a window: Statuspage needs one.
    opened = open_incident(sp_desk, kind=IncidentKind.MAINTENANCE, state=IncidentState.SCHEDULED)
    delivery = outcome(sp_desk, opened)
    assert delivery.state is FAILED
    assert delivery.last_error == (
        "status: Statuspage rejected the new incident (422 Unprocessable Entity: Scheduled "
        "for can't be blank; Scheduled until can't be blank). Fix the update or the "
        "channel's settings, then retry this delivery."
    )
    assert page.incidents == []


def test_an_unknown_page_fails_and_points_at_page_id(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page, page_id="nosuchpage00")
    delivery = outcome(sp_desk, open_incident(sp_desk))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert "Statuspage has no page 'nosuchpage00' for this API key (404 Not Found)" in (
        delivery.last_error
    )
    assert "Check page_id" in delivery.last_error


def test_an_incident_deleted_on_their_side_fails_the_patch(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk)
    assert outcome(sp_desk, opened).state is SENT
    page.incidents.clear()
    delivery = outcome(sp_desk, post_update(sp_desk, opened.incident_id, IncidentState.RESOLVED))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert "it was deleted there, or page_id changed" in delivery.last_error


# -- before publishing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"page_id": ""}, "page_id is missing"),
        ({"page_id": "a/b"}, "page_id 'a/b' is not a Statuspage page id"),
        ({"base_url": "ftp://api.example"}, "base_url must be an http:// or https:// address"),
        ({"components": "Trading=8kbf7d35c070"}, "has no ':'; write OurName:their-id"),
        ({"components": "Trading:8kbf 7d35"}, "'8kbf 7d35' (for 'Trading') is not a Statuspage"),
        ({"components": "Trading:a1,trading:b2"}, "components names 'trading' twice"),
    ],
)
def test_bad_settings_are_refused_when_the_channel_is_added(
    sp_desk: Desk, page: FakeStatuspage, settings: dict[str, str], says: str
) -> None:
    options = {"base_url": page.url, "page_id": page.page_id, **settings}
    with pytest.raises(Rejected) as refused:
        sp_desk.channels.add_channel("statuspage", "status", options)
    assert [p.field for p in refused.value.problems] == ["settings"]
    assert says in refused.value.problems[0].message
    assert sp_desk.store.channels.channel_by_name("status") is None


def test_the_components_setting_reads_pairs_or_a_mapping() -> None:
    assert parse_components("Trading:8kbf7d35c070, Funding : vtf5tj6z9t4k,") == {
        "Trading": TRADING,
        "Funding": FUNDING,
    }
    assert parse_components("EU: Trading:8kbf7d35c070") == {"EU: Trading": TRADING}
    assert parse_components({"Trading": TRADING}) == {"Trading": TRADING}
    assert parse_components(None) == parse_components("") == {}


def test_settings_default_to_the_real_api(sp_desk: Desk) -> None:
    config = sp_desk.channels.add_channel("statuspage", "status", {"page_id": "kctbh9vrtdwd"})
    channel = sp_desk.channel(config)
    assert isinstance(channel, StatuspageChannel)
    assert channel.client.page_url() == "https://api.statuspage.io/v1/pages/kctbh9vrtdwd"


def test_a_missing_api_key_stops_publishing_before_anything_is_sent(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page, key=None)
    with pytest.raises(Rejected) as refused:
        open_incident(sp_desk)
    assert [p.message for p in refused.value.problems] == [
        "status: no Statuspage API key is set. Set it with "
        "`statusdesk channel secret status api_key`."
    ]
    assert sp_desk.store.incidents.incidents() == []
    assert page.requests == []


def test_a_key_lost_from_the_keyring_is_a_problem_too(sp_desk: Desk, page: FakeStatuspage) -> None:
    add_statuspage(sp_desk, page)
    assert sp_desk.secrets.delete("status", "api_key")
    with pytest.raises(Rejected) as refused:
        open_incident(sp_desk)
    assert "its Statuspage API key is missing from the keyring" in str(refused.value.problems[0])


@pytest.mark.parametrize("pasted", [f"{KEY} ", f"{KEY}\n", f"مفتاح{KEY}"])
def test_a_key_that_cannot_be_one_is_a_problem(
    sp_desk: Desk, page: FakeStatuspage, pasted: str
) -> None:
    add_statuspage(sp_desk, page, key=pasted)
    with pytest.raises(Rejected) as refused:
        open_incident(sp_desk)
    assert [p.message for p in refused.value.problems] == [
        "status: its Statuspage API key holds a space or a character no API key has (was "
        "more than the key pasted?). Set it with `statusdesk channel secret status api_key`."
    ]
    assert page.requests == []


def test_a_component_without_a_mapping_is_a_warning_and_the_update_still_goes(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page, components=f"Trading:{TRADING}")
    opened = open_incident(
        sp_desk,
        components={
            "Trading": ComponentStatus.MAJOR_OUTAGE,
            "Settlement": ComponentStatus.PARTIAL_OUTAGE,
        },
    )
    assert outcome(sp_desk, opened).state is SENT
    assert page.requests[0].incident["components"] == {TRADING: "major_outage"}

    incident = sp_desk.store.incidents.incident(opened.incident_id)
    assert incident is not None
    draft = Draft(BilingualText("Still down.", "ما زال متوقفا."), IncidentState.IDENTIFIED)
    config = sp_desk.store.channels.channel_by_name("status")
    assert config is not None
    problems = sp_desk.checks.check_draft(draft, [config], incident)
    (problem,) = problems
    assert problem.severity is Severity.WARNING
    assert "our component 'Settlement' has no Statuspage component" in problem.message
    assert "Add Settlement:THEIR-COMPONENT-ID to the setting" in problem.message
    update = post_update(sp_desk, opened.incident_id, IncidentState.IDENTIFIED)
    assert outcome(sp_desk, update).state is SENT


# -- channel test -----------------------------------------------------------------------------


def test_channel_test_reads_the_page_and_publishes_nothing(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page)
    said = sp_desk.channels.test_channel("status")
    assert said == (
        "status: page Acme Exchange (acme) reachable with the API key; nothing was published"
    )
    (request,) = page.requests
    assert (request.method, request.path) == ("GET", f"/v1/pages/{page.page_id}")
    assert request.header("Authorization") == f"OAuth {KEY}"
    assert page.incidents == []


def test_channel_test_with_a_wrong_key_says_which_secret_to_set(
    sp_desk: Desk, page: FakeStatuspage
) -> None:
    add_statuspage(sp_desk, page, key="stale")
    with pytest.raises(Permanent) as refused:
        sp_desk.channels.test_channel("status")
    assert "`statusdesk channel secret status api_key`" in str(refused.value)


# -- secrets ----------------------------------------------------------------------------------


def test_the_api_key_never_reaches_errors_events_or_the_workspace(
    sp_desk: Desk, statuspage: Any, memory_keyring: MemoryKeyring
) -> None:
    """Even from a server that quotes the credentials it was sent in its error text."""
    page = statuspage(api_key=KEY, echo_authorization=True)
    add_statuspage(sp_desk, page)
    opened = open_incident(sp_desk, kind=IncidentKind.MAINTENANCE, state=IncidentState.SCHEDULED)
    delivery = outcome(sp_desk, opened)
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert "Scheduled for can't be blank" in delivery.last_error
    assert "Authorization: OAuth [API key]" in delivery.last_error  # quoted, and blanked
    (part,) = sp_desk.store.ledger.delivery_parts(delivery.id)
    assert part["state"] == "failed" and part["last_error"] == delivery.last_error
    assert memory_keyring.passwords == {("statusdesk", "status/api_key"): KEY}
    for event in sp_desk.store.audit.events():
        assert KEY not in json.dumps(event, ensure_ascii=False)
    sp_desk.store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    for path in sp_desk.paths.home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert KEY.encode("utf-8") not in data, path
