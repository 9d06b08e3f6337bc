"""Issue #12 §1: the audience never narrows by accident.

Every update goes to every enabled channel unless the person leaves some out, and leaving one
out is a decision with a reason: refused without one (Desk: `Rejected` with a `skip_reason`
problem; CLI: exit 3), recorded with one as a `skipped` delivery carrying it — at once, or for
a scheduled update when it falls due — so every view of the incident shows a decision, not a
"missed". Probe channels alpha and beta (tests/probe.py); the site is disabled.
"""

from __future__ import annotations

import getpass
import json
from datetime import timedelta
from pathlib import Path

import pytest

from statusdesk.app.standings import Standing, channel_standings
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, DeliveryState, IncidentState
from statusdesk.desk import Desk
from statusdesk.export.api import export_incident
from statusdesk.gui.wording.rhythm import standing_sentence
from tests.unit.test_cli_support import add_probes, call, register
from tests.unit.test_schedule_support import T0, FakeClock, draft, probe_desk

REASON = "beta's account is suspended; told customers by phone"
TITLE = BilingualText("API outage", "تعطل الواجهة")
EN = "We are investigating failed API requests."
AR = "نحقق في فشل طلبات الواجهة البرمجية."


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Desk:
    with probe_desk(home, monkeypatch, clock) as opened:
        yield opened  # type: ignore[misc]


def states(desk: Desk, update_id: int) -> dict[str, tuple[str, str | None, str | None]]:
    names = {c.id: c.name for c in desk.store.channels.channels()}
    return {
        names[d.channel_id]: (d.state.value, d.decision_note, d.decided_by)
        for d in desk.store.deliveries.deliveries_for_update(update_id)
    }


def skip_events(desk: Desk, update_id: int) -> list[dict[str, object]]:
    return [
        e
        for e in desk.store.audit.events()
        if e["kind"] == "delivery.skip" and e["update_id"] == update_id
    ]


# -- the Desk ---------------------------------------------------------------------------------


def test_leaving_an_enabled_channel_out_without_a_reason_is_refused_and_names_it(
    desk: Desk,
) -> None:
    with pytest.raises(Rejected) as refused:
        desk.publishing.open_incident(
            title=TITLE, draft=draft(), channel_names=["alpha"], dispatch=False
        )
    (problem,) = refused.value.problems
    assert problem.field == "skip_reason" and problem.message.startswith("beta is enabled but")
    assert desk.store.incidents.incidents() == []  # nothing was recorded
    for blank in ("", "  \n"):
        with pytest.raises(Rejected, match="beta is enabled but left out"):
            desk.publishing.open_incident(
                title=TITLE, draft=draft(), channel_names=["alpha"], skip_reason=blank
            )
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    with pytest.raises(Rejected, match="beta is enabled but left out") as refused:
        desk.publishing.post_update(
            opened.incident_id, draft(IncidentState.IDENTIFIED), channel_names=["alpha"]
        )
    assert [p.field for p in refused.value.problems] == ["skip_reason"]
    assert len(desk.store.incidents.updates(opened.incident_id)) == 1
    # A disabled channel is never "left out": nothing goes to it anyway.
    beta = desk.store.channels.channel_by_name("beta")
    assert beta is not None
    desk.store.channels.set_channel_enabled(beta.id, False, desk.now())
    narrowed = desk.publishing.post_update(
        opened.incident_id, draft(), channel_names=["alpha"], dispatch=False
    )
    assert states(desk, narrowed.update_id) == {"alpha": ("pending", None, None)}
    assert skip_events(desk, narrowed.update_id) == []


def test_with_a_reason_each_left_out_channel_is_skipped_in_the_same_publish(desk: Desk) -> None:
    published = desk.publishing.open_incident(
        title=TITLE,
        draft=draft(),
        channel_names=["alpha"],
        skip_reason=f"  {REASON} ",
        dispatch=False,
    )
    assert states(desk, published.update_id) == {
        "alpha": ("pending", None, None),
        "beta": ("skipped", REASON, "test"),  # the draft's author decided
    }
    # Only alpha's goes to the dispatcher; beta's is the decision, never sent.
    (alpha,) = published.delivery_ids
    (beta,) = published.skipped_ids
    assert desk.store.deliveries.delivery(alpha).state is DeliveryState.PENDING  # type: ignore[union-attr]
    (event,) = skip_events(desk, published.update_id)
    assert (event["delivery_id"], event["actor"]) == (beta, "test")
    assert json.loads(str(event["data"]))["reason"] == REASON
    updated = desk.publishing.post_update(
        published.incident_id,
        draft(IncidentState.IDENTIFIED),
        channel_names=["beta"],
        skip_reason="alpha is for openings only",
        dispatch=False,
    )
    assert states(desk, updated.update_id)["alpha"] == (
        "skipped",
        "alpha is for openings only",
        "test",
    )


def test_a_scheduled_update_keeps_its_choice_and_reason_and_skips_when_it_falls_due(
    desk: Desk, clock: FakeClock
) -> None:
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    with pytest.raises(Rejected, match="beta is enabled but left out"):
        desk.publishing.post_update(
            opened.incident_id,
            draft(IncidentState.MONITORING),
            channel_names=["alpha"],
            scheduled_for=T0 + timedelta(minutes=5),
        )
    narrowed = desk.publishing.post_update(
        opened.incident_id,
        draft(IncidentState.MONITORING),
        channel_names=["alpha"],
        scheduled_for=T0 + timedelta(minutes=5),
        skip_reason=REASON,
        dispatch=False,
    )
    every = desk.publishing.post_update(
        opened.incident_id,
        draft(IncidentState.MONITORING, en="Still watching.", ar="ما زلنا نراقب."),
        scheduled_for=T0 + timedelta(minutes=6),
        dispatch=False,
    )
    assert (
        desk.store.deliveries.deliveries_for_update(narrowed.update_id) == []
    )  # nothing until due
    # A channel added and enabled before they fall due.
    desk.channels.add_channel("probe", "gamma", {})
    clock.run(minutes=6)
    report = desk.scheduling.fire_due(dispatch=False)
    assert {f.published.update_id for f in report.fired} == {
        narrowed.update_id,
        every.update_id,
    }
    assert states(desk, narrowed.update_id) == {
        "alpha": ("pending", None, None),
        "beta": ("skipped", REASON, "test"),
        "gamma": ("skipped", REASON, "test"),  # not chosen: left out for the same reason
    }
    assert len(skip_events(desk, narrowed.update_id)) == 2
    # Chose every channel: goes to every channel enabled when it fell due, gamma included.
    assert states(desk, every.update_id) == {
        name: ("pending", None, None) for name in ("alpha", "beta", "gamma")
    }
    # Only the pending ones are dispatched.
    fired = {f.published.update_id: f.published for f in report.fired}
    assert len(fired[narrowed.update_id].delivery_ids) == 1
    assert len(fired[narrowed.update_id].skipped_ids) == 2


def test_a_maintenance_opening_needs_the_reason_and_each_announcement_skips_with_it(
    desk: Desk, clock: FakeClock
) -> None:
    start, end = T0 + timedelta(hours=2), T0 + timedelta(hours=3)
    kwargs = {
        "title": BilingualText("Database upgrade", "ترقية قاعدة البيانات"),
        "window_start": start,
        "window_end": end,
        "channel_names": ["alpha"],
        "author": "amal",
        "dispatch": False,
    }
    with pytest.raises(Rejected, match="beta is enabled but left out"):
        desk.maintenance.open_maintenance(**kwargs)  # type: ignore[arg-type]
    opened = desk.maintenance.open_maintenance(**kwargs, skip_reason=REASON)  # type: ignore[arg-type]
    first = opened.announcements[0][1]
    assert states(desk, first.update_id)["beta"] == ("skipped", REASON, "amal")
    clock.run(hours=2)
    desk.scheduling.fire_due(dispatch=False)
    fired = [
        p
        for _, p in opened.announcements[1:]
        if desk.store.deliveries.deliveries_for_update(p.update_id)
    ]
    assert fired  # the reminder and the start went out
    for published in fired:
        assert states(desk, published.update_id)["beta"] == ("skipped", REASON, "amal")


def test_a_left_out_channel_reads_as_a_decision_in_silence_parity_alarm_and_export(
    desk: Desk, clock: FakeClock
) -> None:
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    updated = desk.publishing.post_update(
        opened.incident_id,
        draft(IncidentState.IDENTIFIED),
        channel_names=["alpha"],
        skip_reason=REASON,
        dispatch=False,
    )
    detail = desk.views.incident_detail(opened.incident_id)
    assert detail is not None
    assert detail["silence"]["beta"]["skipped"] is True
    assert detail["silence"]["beta"]["missed_latest"] is False
    assert detail["parity"]["beta"]["latest_state"] == "skipped"
    (beta,) = [d for d in detail["updates"][-1]["deliveries"] if d["channel"] == "beta"]
    assert (beta["state"], beta["decision_note"], beta["decided_by"]) == (
        "skipped",
        REASON,
        "test",
    )
    # The silence alarm (app/standings.py; its words in gui/wording/rhythm.py): a decision
    # with its reason, not flagged.
    incident_id = opened.incident_id
    standings = {
        s.channel: s
        for s in channel_standings(
            desk.store.incidents.updates(incident_id),
            desk.store.deliveries.deliveries_for_incident(incident_id),
            desk.store.channels.channels(),
        )
    }
    assert standings["beta"].standing is Standing.SKIPPED and not standings["beta"].flagged
    assert REASON in standing_sentence(standings["beta"], clock.now())
    # The timeline export lists it among the skipped deliveries, with its reason and decider.
    exported = json.loads(export_incident(desk.store, incident_id, "json", now=clock.now()))
    (skipped,) = exported["metrics"]["deliveries"]["skipped"]
    assert (skipped["update_id"], skipped["channel"]) == (updated.update_id, "beta")
    assert REASON in " ".join(skipped["reasons"]) and skipped["decided_by"] == "test"
    beta_metrics = next(c for c in exported["metrics"]["channels"] if c["channel"] == "beta")
    assert beta_metrics["skipped_latest"] is True and beta_metrics["missed_latest"] is False
    markdown = export_incident(desk.store, incident_id, "md", now=clock.now()).decode()
    assert REASON in markdown


# -- the CLI ----------------------------------------------------------------------------------


@pytest.fixture
def probes(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "beta": {}})
    return home


def opening(home: Path, *extra: str) -> list[str]:
    return [
        "--home", str(home), "incident", "open", "--title-en", "API outage",
        "--title-ar", "تعطل الواجهة", "--en", EN, "--ar", AR, *extra,
    ]  # fmt: skip


def test_cli_channels_that_leave_enabled_ones_out_need_skip_reason(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = call(capsys, *opening(probes, "--channels", "alpha"))
    assert refused.code == 3 and refused.stdout == ""
    assert "beta is enabled but left out of this update" in refused.stderr
    assert "add --skip-reason TEXT" in refused.stderr
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []

    opened = call(capsys, *opening(probes, "--channels", "alpha", "--skip-reason", REASON))
    assert opened.code == 0, opened.stderr
    incident = opened.lines[0]
    assert opened.lines[1].startswith("alpha: sent ")
    assert opened.lines[2] == f"beta: skipped — {REASON} (decided by {getpass.getuser()})"

    update = [
        "--home", str(probes), "incident", "update", incident, "--state", "identified",
        "--en", "Identified.", "--ar", "حددنا السبب.", "--channels", "beta",
    ]  # fmt: skip
    for extra in ([], ["--at", "in 30m"]):
        refused = call(capsys, *update, *extra)
        assert refused.code == 3, refused.stderr
        assert "alpha is enabled but left out" in refused.stderr
        assert "--skip-reason" in refused.stderr
    updated = call(capsys, *update, "--skip-reason", "alpha is for openings only")
    assert updated.code == 0, updated.stderr
    assert "alpha: skipped — alpha is for openings only" in updated.stdout

    rows = call(capsys, "--home", str(probes), "deliveries", incident, "--json").json()
    assert [(r["channel"], r["state"], r["decision_note"]) for r in rows] == [
        ("alpha", "sent", None),
        ("beta", "skipped", REASON),
        ("alpha", "skipped", "alpha is for openings only"),
        ("beta", "sent", None),
    ]
    shown = call(capsys, "--home", str(probes), "incident", "show", incident, "--json").json()
    assert shown["silence"]["alpha"] == {
        "last_delivered_at": shown["silence"]["alpha"]["last_delivered_at"],
        "missed_latest": False,
        "skipped": True,
    }
    human = call(capsys, "--home", str(probes), "incident", "show", incident).stdout
    assert "alpha: skipped the latest update (a recorded decision)" in human
    assert "MISSED" not in human


def test_cli_a_maintenance_window_that_leaves_channels_out_needs_skip_reason(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = [
        "--kind", "maintenance", "--window-start", "in 2h", "--window-end", "in 3h",
        "--channels", "alpha",
    ]  # fmt: skip
    refused = call(capsys, *opening(probes, *window))
    assert refused.code == 3 and "beta is enabled but left out" in refused.stderr
    opened = call(capsys, *opening(probes, *window, "--skip-reason", REASON))
    assert opened.code == 0, opened.stderr
    assert f"beta: skipped — {REASON}" in opened.stdout
