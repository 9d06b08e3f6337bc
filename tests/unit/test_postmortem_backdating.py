"""`statusdesk incident postmortem ID --en-file F --ar-file F` and `incident open --started-at`
(issue #14), through the real CLI: what is kept, what the page and the timeline's metrics show,
and each refusal with its reason and exit code. Also schema V8 (the postmortem table): a
workspace from before it keeps its data."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.desk import Desk
from statusdesk.scheduling.when import WhenError, parse_past
from statusdesk.store import Store
from statusdesk.store.db import open_database
from statusdesk.store.schema import MIGRATIONS, V6, V8
from tests.unit.test_cli_support import Result, add_probes, call, register

EN = "We are investigating failed API requests."
AR = "نحقق في فشل طلبات الواجهة البرمجية."
PM_EN = "Root cause: a failed database node.\n\nFix: automatic failover."
PM_AR = "السبب: تعطل أحد خوادم قاعدة البيانات.\n\nالحل: التحويل التلقائي."


@pytest.fixture
def probes(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    register(monkeypatch)
    monkeypatch.setenv("TZ", "Asia/Riyadh")  # --started-at "14:30" is read in this zone
    add_probes(home, {"alpha": {}}, site=True)
    return home


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def open_incident(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> Result:
    return cli(
        capsys, home, "incident", "open", "--title-en", "API outage", "--title-ar",
        "تعطل الواجهة", "--en", EN, "--ar", AR, *extra,
    )  # fmt: skip


def opened_id(result: Result) -> int:
    assert result.code == 0, result.stderr
    return int(result.lines[0])


def resolve(capsys: pytest.CaptureFixture[str], home: Path, incident: int) -> None:
    done = cli(
        capsys, home, "incident", "update", str(incident), "--state", "resolved",
        "--en", "Fixed.", "--ar", "تم الإصلاح.",
    )  # fmt: skip
    assert done.code == 0, done.stderr


def files(tmp_path: Path, en: str = PM_EN, ar: str = PM_AR) -> tuple[str, str]:
    en_file, ar_file = tmp_path / "pm-en.md", tmp_path / "pm-ar.md"
    en_file.write_text(en, encoding="utf-8")
    ar_file.write_text(ar, encoding="utf-8")
    return str(en_file), str(ar_file)


def postmortem(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return cli(capsys, home, "incident", "postmortem", *argv)


# -- postmortem -------------------------------------------------------------------------------


def test_a_postmortem_is_kept_shown_and_rewritten_keeping_its_first_publication(
    probes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = opened_id(open_incident(capsys, probes))
    resolve(capsys, probes, incident)
    en, ar = files(tmp_path, en=f"  {PM_EN}\n\n", ar="\ufeff" + PM_AR)  # blank edges, a BOM
    first = postmortem(capsys, probes, str(incident), "--en-file", en, "--ar-file", ar, "--json")
    assert first.code == 0, first.stderr
    kept = first.json()
    assert (kept["body_en"], kept["body_ar"]) == (PM_EN, PM_AR)  # cleaned (core/cleaning.py)
    assert kept["replaced"] is False and kept["site"]
    page = (probes / "site" / "incidents" / f"{incident}.html").read_text(encoding="utf-8")
    assert "Root cause: a failed database node." in page

    en2, ar2 = files(tmp_path, en="Revised: " + PM_EN, ar="مُحدَّث: " + PM_AR)
    again = postmortem(capsys, probes, str(incident), "--en-file", en2, "--ar-file", ar2)
    assert again.code == 0, again.stderr
    assert again.lines[0].startswith(f"postmortem of incident {incident} rewritten")
    with Desk(probes) as desk:
        found = desk.postmortems.postmortem(incident)
        assert found is not None and found.body.en.startswith("Revised: ")
        assert found.published_at == kept["published_at"]
        assert found.updated_at >= kept["updated_at"]
        recorded = [
            e for e in desk.store.audit.events(incident) if e["kind"] == "incident.postmortem"
        ]
        assert len(recorded) == 2
    detail = show(capsys, probes, incident)["postmortem"]
    assert isinstance(detail, dict) and detail["body_en"].startswith("Revised: ")
    shown_text = cli(capsys, probes, "incident", "show", str(incident)).stdout
    assert f"postmortem: published {kept['published_at']}" in shown_text
    data = json.loads((probes / "site" / "api" / "v2" / "incidents.json").read_text())
    (shown,) = [i for i in data["incidents"] if i["id"] == str(incident)]
    assert shown["postmortem_body"].startswith("Revised: ")
    assert shown["postmortem_published_at"] == kept["published_at"]


def test_a_postmortem_from_standard_input(
    probes: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    incident = opened_id(open_incident(capsys, probes))
    resolve(capsys, probes, incident)
    en, _ar = files(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PM_AR.encode("utf-8"))))
    result = postmortem(capsys, probes, str(incident), "--en-file", en, "--ar-file", "-", "--json")
    assert result.code == 0, result.stderr
    assert result.json()["body_ar"] == PM_AR


def test_an_open_incident_has_no_postmortem_yet(
    probes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = opened_id(open_incident(capsys, probes))
    en, ar = files(tmp_path)
    refused = postmortem(capsys, probes, str(incident), "--en-file", en, "--ar-file", ar)
    assert refused.code == 3
    assert f"Incident {incident} is still investigating" in refused.stderr
    assert "Resolve it first" in refused.stderr
    with Desk(probes) as desk:
        assert desk.postmortems.postmortem(incident) is None


@pytest.mark.parametrize(
    ("en", "ar", "message"),
    [
        ("", PM_AR, "The English postmortem is empty"),
        (PM_EN, " \n\t\n", "The Arabic postmortem is empty"),
        (PM_EN, "x" * 100_001, "The Arabic postmortem is 100,001 characters long"),
        (PM_EN + "\u202e", PM_AR, "postmortem_en"),  # an unclosed direction override
    ],
)
def test_empty_too_long_or_broken_text_is_refused(
    probes: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    en: str,
    ar: str,
    message: str,
) -> None:
    incident = opened_id(open_incident(capsys, probes))
    resolve(capsys, probes, incident)
    en_file, ar_file = files(tmp_path, en=en, ar=ar)
    refused = postmortem(capsys, probes, str(incident), "--en-file", en_file, "--ar-file", ar_file)
    assert refused.code == 3, refused.stdout
    assert message in refused.stderr
    with Desk(probes) as desk:
        assert desk.postmortems.postmortem(incident) is None


def test_a_file_too_large_to_read_and_other_input_errors(
    probes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = opened_id(open_incident(capsys, probes))
    resolve(capsys, probes, incident)
    en, ar = files(tmp_path)
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"a" * (400_001))
    refused = postmortem(capsys, probes, str(incident), "--en-file", str(huge), "--ar-file", ar)
    assert refused.code == 3 and "more than 400,000 bytes" in refused.stderr
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("café".encode("latin-1"))
    refused = postmortem(capsys, probes, str(incident), "--en-file", str(latin1), "--ar-file", ar)
    assert refused.code == 3 and "is not UTF-8 text" in refused.stderr
    both = postmortem(capsys, probes, str(incident), "--en-file", "-", "--ar-file", "-")
    assert both.code == 2 and "cannot both read standard input" in both.stderr
    missing = postmortem(capsys, probes, "999", "--en-file", en, "--ar-file", ar)
    assert missing.code == 3 and "There is no incident 999" in missing.stderr
    no_ar = postmortem(capsys, probes, str(incident), "--en-file", en)
    assert no_ar.code == 2 and "--ar-file" in no_ar.stderr


# -- backdating -------------------------------------------------------------------------------


def show(capsys: pytest.CaptureFixture[str], home: Path, incident: int) -> dict[str, object]:
    shown = cli(capsys, home, "incident", "show", str(incident), "--json")
    assert shown.code == 0, shown.stderr
    detail = shown.json()
    assert isinstance(detail, dict)
    return detail


def test_started_at_backdates_the_incident_and_its_metrics(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    incident = opened_id(open_incident(capsys, probes, "--started-at", "40m ago"))
    detail = show(capsys, probes, incident)
    began = parse_iso(str(detail["started_at"]))
    first = parse_iso(str(detail["updates"][0]["published_at"]))  # type: ignore[index]
    assert before - timedelta(minutes=40, seconds=5) <= began <= first - timedelta(minutes=39)
    page = (probes / "site" / "incidents" / f"{incident}.html").read_text(encoding="utf-8")
    assert f'Began: <time datetime="{iso(began)}">' in page

    resolve(capsys, probes, incident)
    exported = cli(capsys, probes, "export", str(incident), "--format", "json")
    assert exported.code == 0, exported.stderr
    timeline = exported.json()
    assert timeline["incident"]["started_at"] == iso(began)
    metrics = timeline["metrics"]
    assert metrics["time_to_first_update_seconds"] == (first - began).total_seconds()
    assert metrics["time_to_first_update_seconds"] >= 40 * 60
    assert timeline["incident"]["duration_seconds"] >= 40 * 60


@pytest.mark.parametrize(
    ("given", "expected_utc"),
    [
        ("2026-01-02T10:00:00Z", "2026-01-02T10:00:00Z"),
        ("2026-01-02T10:00+02:00", "2026-01-02T08:00:00Z"),
        ("2026-01-02T10:00", "2026-01-02T07:00:00Z"),  # local: Asia/Riyadh, UTC+3
    ],
)
def test_started_at_reads_iso_times_with_or_without_an_offset(
    given: str, expected_utc: str
) -> None:
    from zoneinfo import ZoneInfo

    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert iso(parse_past(given, now, ZoneInfo("Asia/Riyadh")).at) == expected_utc


def test_started_at_reads_clock_times_as_today_or_yesterday() -> None:
    from zoneinfo import ZoneInfo

    riyadh = ZoneInfo("Asia/Riyadh")
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # 15:00 in Riyadh
    assert iso(parse_past("14:30", now, riyadh).at) == "2026-03-01T11:30:00Z"
    later = parse_past("16:00", now, riyadh)  # still ahead today: yesterday's
    assert (iso(later.at), later.day) == ("2026-02-28T13:00:00Z", "yesterday")
    assert iso(parse_past("yesterday 09:15", now, riyadh).at) == "2026-02-28T06:15:00Z"
    assert iso(parse_past("1h 30m ago", now, riyadh).at) == "2026-03-01T10:30:00Z"
    assert parse_past("now", now, riyadh).at == now


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("in 15m", "not a time statusdesk understands"),
        ("2099-01-01T00:00Z", "cannot have begun in the future"),
        ("2020-01-01T00:00Z", "more than a year ago"),
        ("2026-01-02", "has no time of day"),
        ("25:00", "not a time of day"),
    ],
)
def test_started_at_refuses_what_cannot_be_a_start(given: str, message: str) -> None:
    from zoneinfo import ZoneInfo

    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    with pytest.raises(WhenError, match=message):
        parse_past(given, now, ZoneInfo("UTC"))


def test_a_future_start_is_refused_by_the_cli_and_nothing_is_recorded(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ahead = iso(datetime.now(UTC) + timedelta(hours=2))
    refused = open_incident(capsys, probes, "--started-at", ahead)
    assert refused.code == 3
    assert "--started-at" in refused.stderr and "cannot have begun in the future" in refused.stderr
    assert cli(capsys, probes, "incident", "list", "--json").json() == []


def test_a_start_after_the_first_update_is_refused(desk: Desk) -> None:
    from statusdesk.core.errors import Rejected

    now = desk.clock.now()
    # A first update scheduled for later, the start given after it: refused, whichever way.
    with pytest.raises(Rejected) as refused:
        desk.publishing.open_incident(
            title=BilingualText("API outage", "تعطل الواجهة"),
            draft=Draft(BilingualText(EN, AR), IncidentState.INVESTIGATING),
            scheduled_for=now + timedelta(minutes=30),
            started_at=now + timedelta(minutes=45),
        )
    messages = " ".join(p.message for p in refused.value.problems)
    assert "ahead of now" in messages
    problems = desk.checks.started_problems(
        now - timedelta(minutes=5), now - timedelta(minutes=10), None
    )
    assert [p.field for p in problems] == ["started_at"]
    assert "after the first update" in problems[0].message
    assert desk.views.incidents() == []


def test_a_maintenance_window_is_its_own_start(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = cli(
        capsys, probes, "incident", "open", "--kind", "maintenance", "--title-en", "Upgrade",
        "--title-ar", "ترقية", "--window-start", "tomorrow 01:00", "--window-end",
        "tomorrow 03:00", "--started-at", "10m ago",
    )  # fmt: skip
    assert refused.code == 3 and "begins at its window's start" in refused.stderr


# -- schema V8 --------------------------------------------------------------------------------


def test_v8_keeps_a_v6_workspaces_data_and_adds_postmortems(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    up_to_v6 = MIGRATIONS[: MIGRATIONS.index(V6) + 1]
    conn, _backup = open_database(path, up_to_v6)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    stamp = "2026-03-01T10:00:00Z"
    conn.execute(
        "INSERT INTO incident (title_en, title_ar, kind, state, impact, started_at, created_at, "
        "updated_at, resolved_at) VALUES ('Old', 'قديم', 'incident', 'resolved', 'major', "
        "'2026-03-01T09:00:00Z', ?, ?, ?)",
        (stamp, stamp, stamp),
    )
    conn.execute(
        'INSERT INTO "update" (incident_id, state, body_en, body_ar, created_at, status, '
        "published_at) VALUES (1, 'resolved', 'Fixed.', 'تم الإصلاح.', ?, 'published', ?)",
        (stamp, stamp),
    )
    conn.execute("INSERT INTO setting (key, value) VALUES ('site.title_en', 'Acme status')")
    conn.commit()
    conn.close()
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(path).execute("SELECT * FROM postmortem")

    store = Store.open(path)  # every migration after V6: V7, V8 and those that came later
    try:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(MIGRATIONS) and MIGRATIONS.index(V8) == 7
        incident = store.incidents.incident(1)
        assert incident is not None and incident.title.ar == "قديم"
        assert incident.started_at == "2026-03-01T09:00:00Z"
        (update,) = store.incidents.updates(1)
        assert update.body.ar == "تم الإصلاح."
        assert store.settings.setting("site.title_en") == "Acme status"
        assert store.incidents.postmortem(1) is None
        kept = store.incidents.set_postmortem(
            1, BilingualText(PM_EN, PM_AR), author="amal", now="2026-03-02T08:00:00Z"
        )
        assert kept.published_at == kept.updated_at == "2026-03-02T08:00:00Z"
        assert store.incidents.postmortem(1) == kept
    finally:
        store.close()
