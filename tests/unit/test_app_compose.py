"""Issue #13: what the composer asks of the app layer (statusdesk/app/compose.py), without a
window: a publish attempt is one check (`prepare`) and the commit of what it checked; the
window's reads come back in one go. Probe channels alpha and beta (tests/probe.py); the site is
disabled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.app import read_models
from statusdesk.app.compose import DraftSnapshot
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Impact, IncidentKind, IncidentState
from statusdesk.desk import Desk
from tests.unit.test_schedule_support import FakeClock, probe_desk

TITLE = BilingualText("API outage", "تعطل الواجهة")
BODY = BilingualText("We are investigating failed API requests.", "نحقق في فشل طلبات الواجهة.")


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    with probe_desk(home, monkeypatch, FakeClock()) as opened:
        yield opened


def snapshot(incident_id: int | None = None, **changes: object) -> DraftSnapshot:
    fields: dict[str, object] = {
        "incident_id": incident_id,
        "kind": IncidentKind.INCIDENT,
        "title": TITLE,
        "body": BODY,
        "state": IncidentState.INVESTIGATING,
        "impact": Impact.MINOR,
        "channels": ("alpha", "beta"),
    }
    fields.update(changes)
    return DraftSnapshot(**fields)  # type: ignore[arg-type]


def test_a_new_incident_is_prepared_then_committed_and_shown(desk: Desk) -> None:
    checked = desk.composing.prepare(snapshot())
    assert checked.blocking == [] and checked.title == TITLE
    assert desk.views.incidents() == []  # checking writes nothing
    outcome = desk.composing.commit_and_read(checked)
    incident_id = outcome.published.incident_id
    assert [s.incident.id for s in outcome.view.summaries] == [incident_id]
    assert outcome.view.page is not None and outcome.view.page.incident.id == incident_id
    names = {c.id: c.name for c in desk.views.channels()}
    sent_to = [
        names[d.channel_id] for d in desk.views.deliveries_for_update(outcome.published.update_id)
    ]
    assert sorted(sent_to) == ["alpha", "beta"]


def test_no_channel_ticked_is_refused_before_any_check(desk: Desk) -> None:
    with pytest.raises(Rejected) as refused:
        desk.composing.prepare(snapshot(channels=()))
    assert [p.field for p in refused.value.problems] == ["channels"]


def test_a_channel_left_out_is_a_blocking_reason_to_ask_and_the_reason_lets_it_go(
    desk: Desk,
) -> None:
    checked = desk.composing.prepare(snapshot(channels=("alpha",)))
    assert [p.field for p in checked.blocking] == ["skip_reason"]
    with pytest.raises(Rejected):
        desk.composing.commit_and_read(checked)
    reasoned = desk.composing.prepare(snapshot(channels=("alpha",), skip_reason="beta is down"))
    outcome = desk.composing.commit_and_read(reasoned)
    names = {c.id: c.name for c in desk.views.channels()}
    deliveries = desk.views.deliveries_for_update(outcome.published.update_id)
    skipped = {
        names[d.channel_id]: d.decision_note for d in deliveries if d.state.value == "skipped"
    }
    assert skipped == {"beta": "beta is down"}


def test_the_window_reads_a_delivery_and_what_has_settled(desk: Desk) -> None:
    outcome = desk.composing.publish_and_read(snapshot())
    update_id = outcome.published.update_id
    first = desk.views.deliveries_for_update(update_id)[0]
    facts = read_models.delivery_facts(desk.views, first.id)
    assert facts is not None and facts.incident_id == outcome.published.incident_id
    assert facts.channel in {"alpha", "beta"}
    assert read_models.delivery_facts(desk.views, 999) is None
    done = desk.deliveries.wait_for(update_id, timeout=10)
    settled = read_models.read_settled(desk.views, (update_id,))
    assert [d.id for d in settled[update_id].deliveries] == [d.id for d in done]
