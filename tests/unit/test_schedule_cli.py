"""Scheduling from the command line (issue #5, ARCHITECTURE §7): `--at` stores and returns at once
with the due time in local time and UTC, `update list|cancel|reschedule|send|discard|edit`,
maintenance windows, templates, `--cadence-min`, and the exit codes (0 done, 2 usage, 3
rejected input). The CLI reads the real clock; times here are relative ("in 15m") or computed
from it, and the local zone is pinned with $TZ."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from statusdesk.scheduling.when import display, parse_when
from tests.unit.test_cli_support import Result, add_probes, call, register, sent_text

EN = "We are investigating failed API requests."
AR = "نحقق في فشل طلبات الواجهة البرمجية."
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def probes(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    register(monkeypatch)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    add_probes(home, {"alpha": {}, "beta": {}})
    return home


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def open_incident(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> Result:
    return cli(
        capsys, home, "incident", "open", "--title-en", "API outage", "--title-ar",
        "تعطل الواجهة", "--en", EN, "--ar", AR, *extra,
    )  # fmt: skip


def show(capsys: pytest.CaptureFixture[str], home: Path, incident: int) -> dict[str, object]:
    shown = cli(capsys, home, "incident", "show", str(incident), "--json")
    assert shown.code == 0, shown.stderr
    detail = shown.json()
    assert isinstance(detail, dict)
    return detail


def test_open_at_stores_and_returns_at_once_with_local_time_and_utc(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = datetime.now(UTC)
    result = open_incident(capsys, probes, "--at", "in 15m")
    assert result.code == 0, result.stderr
    incident = int(result.lines[0])
    detail = show(capsys, probes, incident)
    (update,) = detail["updates"]  # type: ignore[misc]
    assert (update["status"], update["deliveries"]) == ("scheduled", [])
    due = datetime.fromisoformat(update["scheduled_for"].replace("Z", "+00:00"))
    assert timedelta(minutes=14, seconds=58) <= due - before <= timedelta(minutes=15, seconds=2)
    assert result.lines[1:] == [f"update {update['id']} scheduled: goes out {display(due, BERLIN)}"]
    assert " CET (UTC+01:00) · " in result.lines[1] or " CEST (UTC+02:00) · " in result.lines[1]
    assert not (probes / "probe").exists()  # no channel got anything


def test_update_at_a_clock_time_says_today_or_tomorrow(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = int(open_incident(capsys, probes).lines[0])
    now = datetime.now(UTC)
    expected = parse_when("14:30", now, BERLIN)
    result = cli(
        capsys, probes, "incident", "update", str(incident), "--state", "identified",
        "--en", "Found it.", "--ar", "وجدنا السبب.", "--at", "14:30",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.lines[1] == (
        f"update {result.lines[0]} scheduled: goes out {display(expected.at, BERLIN)} "
        f"({expected.day})"
    )


def test_a_dst_oddity_is_resolved_and_said(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = int(open_incident(capsys, probes).lines[0])
    day = date.today() + timedelta(days=1)
    while True:  # the next spring-forward day in Berlin, within the year --at accepts
        wall = datetime.combine(day, time(2, 30))
        if wall.replace(tzinfo=BERLIN).astimezone(UTC).astimezone(BERLIN).hour != 2:
            break
        day += timedelta(days=1)
    result = cli(
        capsys, probes, "incident", "update", str(incident), "--state", "identified",
        "--en", "x", "--ar", "س", "--at", f"{day.isoformat()}T02:30",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "03:30 CEST (UTC+02:00)" in result.lines[1]
    assert result.lines[2].startswith("note: 02:30 does not exist on ")


def test_update_list_cancel_reschedule_send_and_their_refusals(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = int(open_incident(capsys, probes).lines[0])
    scheduled = []
    for minutes in (30, 20):
        result = cli(
            capsys, probes, "incident", "update", str(incident), "--state", "monitoring",
            "--en", f"In {minutes}.", "--ar", "لاحقًا.", "--at", f"in {minutes}m",
            "--channels", "alpha", "--anyway", "--skip-reason", "beta only carries openings",
        )  # fmt: skip
        assert result.code == 0, result.stderr
        scheduled.append(int(result.lines[0]))
    late, soon = scheduled

    listed = cli(capsys, probes, "update", "list", "--json")
    assert [u["id"] for u in listed.json()] == [soon, late]  # soonest first
    assert listed.json()[0]["channels"] == ["alpha"]
    assert listed.json()[0]["incident_title_ar"] == "تعطل الواجهة"
    human = cli(capsys, probes, "update", "list")
    assert human.lines[0].split()[:5] == ["UPDATE", "INCIDENT", "STATUS", "STATE", "DUE"]
    assert human.lines[1].startswith(f"{soon}  ") and "alpha · In 20." in human.lines[1]

    cancelled = cli(capsys, probes, "update", "cancel", str(late))
    assert cancelled.code == 0 and cancelled.lines[0].startswith(f"update {late} cancelled")
    again = cli(capsys, probes, "update", "cancel", str(late))
    assert again.code == 3 and "already cancelled" in again.stderr

    moved = cli(capsys, probes, "update", "reschedule", str(soon), "--at", "in 1h")
    assert moved.code == 0 and moved.lines[0].startswith(f"update {soon} rescheduled: goes out ")
    bad = cli(capsys, probes, "update", "reschedule", str(soon), "--at", "whenever")
    assert bad.code == 3 and "--at 'whenever'" in bad.stderr and "in 15m" in bad.stderr
    past = cli(capsys, probes, "update", "reschedule", str(soon), "--at", "2020-01-01T10:00")
    assert past.code == 3 and "in the past" in past.stderr

    edited = cli(capsys, probes, "update", "edit", str(soon), "--en", "Watching it.")
    assert edited.code == 0, edited.stderr
    nothing = cli(capsys, probes, "update", "edit", str(soon))
    assert nothing.code == 2

    sent = cli(capsys, probes, "update", "send", str(soon))
    assert sent.code == 0, sent.stderr
    assert sent.lines[0].startswith(f"update {soon} published now (it was due ")
    assert sent.lines[1].startswith("alpha: sent ")
    assert sent.lines[2].startswith("beta: skipped — beta only carries openings")
    assert sent_text(probes, "alpha", soon) == "Watching it.\nلاحقًا."
    twice = cli(capsys, probes, "update", "send", str(soon))
    assert twice.code == 3 and "already went out" in twice.stderr
    unknown = cli(capsys, probes, "update", "discard", "999")
    assert unknown.code == 3 and "There is no update 999" in unknown.stderr
    assert cli(capsys, probes, "update", "list").lines == ["No scheduled or stale updates."]

    events = cli(capsys, probes, "incident", "show", str(incident))
    assert f"update {late} · monitoring · cancelled · due " in events.stdout


def test_a_maintenance_window_announces_itself(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = cli(
        capsys, probes, "incident", "open", "--kind", "maintenance",
        "--title-en", "Database upgrade", "--title-ar", "ترقية قاعدة البيانات",
        "--component", "Database=under_maintenance",
        "--window-start", "in 2h", "--window-end", "in 4h", "--remind-min", "30",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    incident = int(result.lines[0])
    assert [line.split(":")[0] for line in result.lines[1:3]] == ["alpha", "beta"]
    labels = [line.split(": goes out")[0].split(" ", 2)[2] for line in result.lines[3:]]
    assert labels == ["reminder (scheduled)", "start (in_progress)", "end (completed)"]
    detail = show(capsys, probes, incident)
    updates = detail["updates"]
    assert [u["status"] for u in updates] == ["published"] + ["scheduled"] * 3  # type: ignore[union-attr]
    assert sent_text(probes, "alpha", updates[0]["id"]).startswith(  # type: ignore[index]
        "Scheduled maintenance: Database upgrade, from "
    )
    assert detail["next_update_due"] == updates[1]["scheduled_for"]  # type: ignore[index]

    for argv, message in (
        (["--window-start", "in 2h"], "go together"),
        (["--kind", "incident", "--window-start", "in 2h", "--window-end", "in 3h"],
         "--kind maintenance"),
        (["--window-start", "in 2h", "--window-end", "in 1h"], "ends before it starts"),
    ):  # fmt: skip
        refused = cli(
            capsys, probes, "incident", "open", "--title-en", "x",
            *(["--kind", "maintenance"] if "--kind" not in argv else []), *argv,
        )  # fmt: skip
        assert refused.code == 3, (argv, refused.stderr)
        assert message in refused.stderr


def test_templates_and_cadence_from_the_command_line(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = cli(
        capsys, probes, "incident", "open", "--title-en", "Login failures",
        "--title-ar", "تعذر تسجيل الدخول", "--template", "investigating", "--cadence-min", "20",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    incident = int(opened.lines[0])
    detail = show(capsys, probes, incident)
    first = detail["updates"][0]  # type: ignore[index]
    assert first["body_en"].startswith("We are investigating an issue: Login failures. We will")
    assert "تعذر تسجيل الدخول" in first["body_ar"]
    assert detail["cadence_min"] == 20
    published = datetime.fromisoformat(first["published_at"].replace("Z", "+00:00"))
    due = datetime.fromisoformat(str(detail["next_update_due"]).replace("Z", "+00:00"))
    assert due - published == timedelta(minutes=20)
    parity = detail["parity"]
    assert {name: p["latest_state"] for name, p in parity.items()} == {  # type: ignore[attr-defined]
        "alpha": "sent",
        "beta": "sent",
    }

    updated = cli(capsys, probes, "incident", "update", str(incident), "--template", "resolved")
    assert updated.code == 0, updated.stderr
    assert show(capsys, probes, incident)["state"] == "resolved"
    unknown = cli(capsys, probes, "incident", "update", str(incident), "--template", "nope")
    assert unknown.code == 3 and "There is no template 'nope'" in unknown.stderr
    wrong = cli(capsys, probes, "incident", "update", str(incident), "--template", "completed")
    assert wrong.code == 3 and "written for a maintenance" in wrong.stderr
    assert (
        cli(capsys, probes, "incident", "update", "1", "--template", "x", "--cadence-min", "0").code
        == 2
    )


def test_update_list_says_when_a_due_update_has_nothing_to_send_it(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from statusdesk.core.model import BilingualText, IncidentState
    from statusdesk.core.timefmt import iso
    from statusdesk.desk import Desk

    incident = int(open_incident(capsys, probes).lines[0])
    # As if scheduled earlier, and nothing ran since it fell due.
    with Desk(probes) as desk, desk.store.transaction():
        update_id = desk.store.schedule.add_scheduled_update(
            incident_id=incident,
            state=IncidentState.IDENTIFIED,
            body=BilingualText("Late.", "متأخر."),
            author="t",
            now=desk.now(),
            scheduled_for=iso(datetime.now(UTC) - timedelta(minutes=1)),
            channel_ids=[],
        )
    listed = cli(capsys, probes, "update", "list")
    assert listed.lines[1].startswith(f"{update_id}  ") and "scheduled (overdue)" in listed.lines[1]
    assert listed.lines[-1].startswith("overdue: due, but nothing has sent it yet")
    assert cli(capsys, probes, "update", "list", "--json").json()[0]["overdue"] is True
