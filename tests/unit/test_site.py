"""The local status page: both languages, escaping, isolation, Atom, Statuspage JSON, atomic
rebuilds. Data is created through the real Desk."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest

from statusdesk.channels.base import Permanent
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.desk import Desk
from tests.conftest import need, read_only

SCRIPT = "<script>alert(1)</script>"


def publish(
    desk: Desk,
    en: str,
    ar: str,
    state: IncidentState,
    incident: int | None = None,
    title: BilingualText | None = None,
    kind: IncidentKind = IncidentKind.INCIDENT,
) -> int:
    draft = Draft(BilingualText(en, ar), state, Impact.MAJOR, {"API": ComponentStatus.MAJOR_OUTAGE})
    if incident is None:
        published = desk.publishing.open_incident(
            title=title or BilingualText("API outage", "تعطل الواجهة البرمجية"),
            draft=draft,
            kind=kind,
        )
    else:
        published = desk.publishing.post_update(incident, draft)
    (delivery,) = desk.deliveries.wait_for(published.update_id, timeout=30)
    assert delivery.state == "sent", delivery.last_error
    return published.incident_id


@pytest.fixture
def site(desk: Desk) -> Path:
    first = publish(desk, "We are investigating.", "نحقق في المشكلة.", IncidentState.INVESTIGATING)
    publish(
        desk,
        "Cause identified at 14:30 UTC.",
        "تم تحديد السبب عند 14:30 UTC في API v2.",
        IncidentState.IDENTIFIED,
        incident=first,
    )
    publish(
        desk,
        f"Body {SCRIPT}",
        f"نص {SCRIPT}",
        IncidentState.INVESTIGATING,
        title=BilingualText(f"Title {SCRIPT}", f"عنوان {SCRIPT}"),
    )
    return desk.paths.site


def test_pages_in_both_languages_with_lang_and_dir(site: Path) -> None:
    en = (site / "index.html").read_text(encoding="utf-8")
    ar = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in en and '<html lang="ar" dir="rtl">' in ar
    assert 'href="ar/index.html"' in en and 'href="../index.html"' in ar
    assert "We are investigating." in en and "نحقق في المشكلة." in ar
    assert (site / "incidents" / "1.html").exists() and (
        site / "ar" / "incidents" / "1.html"
    ).exists()
    assert (site / "favicon.ico").exists() and 'rel="icon"' in en
    assert "http://" not in en.replace('xmlns="http://', "") and "https://" not in en


def test_updates_newest_first(site: Path) -> None:
    page = (site / "incidents" / "1.html").read_text(encoding="utf-8")
    assert page.index("Cause identified") < page.index("We are investigating.")


def test_user_text_is_escaped_everywhere(site: Path) -> None:
    for path in [
        site / "index.html",
        site / "ar" / "index.html",
        site / "incidents" / "2.html",
        site / "history.atom",
        site / "ar" / "history.atom",
    ]:
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text, path  # the site ships no script; any would be injected
        assert "&lt;" in text, path
    summary = json.loads((site / "api" / "v2" / "summary.json").read_text(encoding="utf-8"))
    assert any(i["name"] == f"Title {SCRIPT}" for i in summary["incidents"])  # JSON keeps data


def test_latin_runs_in_arabic_are_isolated(site: Path) -> None:
    ar = (site / "ar" / "incidents" / "1.html").read_text(encoding="utf-8")
    assert "<bdi>14:30 UTC</bdi>" in ar and "<bdi>API v2</bdi>" in ar


def test_atom_feeds_parse(site: Path) -> None:
    for feed_path, title in [
        (site / "history.atom", "API outage"),
        (site / "ar" / "history.atom", "تعطل الواجهة البرمجية"),
    ]:
        feed = feedparser.parse(feed_path.read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) == 2
        assert title in [e.title for e in feed.entries]
    ar = feedparser.parse((site / "ar" / "history.atom").read_bytes())
    assert "نحقق في المشكلة." in ar.entries[-1].content[0].value


# Keys of Atlassian Statuspage's public status API (api/v2), as documented.
PAGE_KEYS = {"id", "name", "url", "time_zone", "updated_at"}
COMPONENT_KEYS = {
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "position",
    "description",
    "showcase",
    "start_date",
    "group_id",
    "page_id",
    "group",
    "only_show_if_degraded",
}
INCIDENT_KEYS = {
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "monitoring_at",
    "resolved_at",
    "impact",
    "shortlink",
    "started_at",
    "page_id",
    "incident_updates",
    "components",
}
UPDATE_KEYS = {
    "id",
    "status",
    "body",
    "incident_id",
    "created_at",
    "updated_at",
    "display_at",
    "affected_components",
    "deliver_notifications",
    "custom_tweet",
    "tweet_id",
}
INDICATORS = {"none", "minor", "major", "critical", "maintenance"}
COMPONENT_STATUSES = {s.value for s in ComponentStatus}
INCIDENT_STATUSES = {"investigating", "identified", "monitoring", "resolved", "postmortem"}


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_statuspage_json_has_the_documented_keys(site: Path, prefix: str) -> None:
    api = site / prefix / "api" / "v2"

    def load(name: str) -> dict[str, object]:
        return json.loads((api / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    summary = load("summary.json")
    assert set(summary) == {"page", "components", "incidents", "scheduled_maintenances", "status"}
    assert set(summary["page"]) >= PAGE_KEYS  # type: ignore[arg-type]
    assert summary["status"]["indicator"] in INDICATORS  # type: ignore[index]
    assert set(load("status.json")) == {"page", "status"}
    for component in load("components.json")["components"]:  # type: ignore[attr-defined]
        assert set(component) >= COMPONENT_KEYS and component["status"] in COMPONENT_STATUSES
    incidents = load("incidents.json")["incidents"]
    assert len(incidents) == 2  # type: ignore[arg-type]
    for incident in incidents:  # type: ignore[attr-defined]
        assert set(incident) >= INCIDENT_KEYS and incident["status"] in INCIDENT_STATUSES
        assert incident["impact"] in {"none", "minor", "major", "critical"}
        assert incident["components"] and set(incident["components"][0]) >= COMPONENT_KEYS
        for update in incident["incident_updates"]:
            assert set(update) >= UPDATE_KEYS and isinstance(update["id"], str)
    assert len(load("incidents/unresolved.json")["incidents"]) == 2  # type: ignore[arg-type]
    assert "scheduled_maintenances" in load("scheduled-maintenances.json")
    if prefix:
        assert incidents[-1]["name"] == "تعطل الواجهة البرمجية"  # type: ignore[index]


def test_old_resolved_incidents_leave_the_page(desk: Desk) -> None:
    incident = publish(desk, "Resolved long ago.", "حُلت منذ زمن.", IncidentState.RESOLVED)
    old = "2020-01-01T00:00:00Z"
    with desk.store.transaction():
        desk.store.conn.execute(
            "UPDATE incident SET resolved_at = ?, started_at = ? WHERE id = ?", (old, old, incident)
        )
    publish(desk, "Fresh.", "جديد.", IncidentState.INVESTIGATING)
    index = (desk.paths.site / "index.html").read_text(encoding="utf-8")
    assert "Fresh." in index and "Resolved long ago." not in index
    history = (desk.paths.site / "history.html").read_text(encoding="utf-8")
    assert f"incidents/{incident}.html" not in history


def test_the_front_page_holds_15_days_the_feeds_and_json_the_50_latest() -> None:
    """Issue #14: the front page shows past incidents of the last 15 days in full and links to
    the history page, which lists the 90 days one line each, newest first, by month; the feeds
    and api/v2/incidents.json hold the 50 incidents heard of most recently (open ones always)."""
    from datetime import timedelta

    from statusdesk.channels.site import jsonapi
    from statusdesk.channels.site.render import (
        atom_context,
        history_context,
        index_context,
        index_incidents,
    )
    from statusdesk.channels.site.snapshot import Settings, Snapshot
    from statusdesk.core.model import Incident, Update, UpdateStatus
    from statusdesk.core.timefmt import iso

    now = datetime(2026, 11, 30, 12, tzinfo=UTC)

    def incident(n: int, days_ago: float, open_: bool = False) -> Incident:
        at = iso(now - timedelta(days=days_ago))
        return Incident(
            id=n,
            title=BilingualText(f"Incident {n}", f"عطل {n}"),
            kind=IncidentKind.INCIDENT,
            state=IncidentState.INVESTIGATING if open_ else IncidentState.RESOLVED,
            impact=Impact.MAJOR,
            started_at=at,
            created_at=at,
            updated_at=at,
            resolved_at=None if open_ else at,
        )

    # Two open incidents that began long ago, then one resolved incident a day for 80 days.
    incidents = [incident(1, 70, open_=True), incident(2, 75, open_=True)]
    incidents += [incident(100 + d, d) for d in range(80)]
    updates = {
        i.id: [
            Update(
                i.id,
                i.id,
                i.state,
                BilingualText("x", "س"),
                "a",
                i.updated_at,
                UpdateStatus.PUBLISHED,
                published_at=i.updated_at,
            )
        ]
        for i in incidents
    }
    # The 79-day-old incident was heard of again yesterday (a late update).
    updates[179].insert(0, replace(updates[179][0], id=9999, published_at=iso(now)))
    snap = Snapshot(now, Settings(), [], incidents, updates, {})

    past = index_context(snap, "en", 0, {})["past"]
    assert [i.id for i in past] == [100 + d for d in range(16)]  # resolved within 15 days
    assert {i.id for i in index_incidents(snap)} == {1, 2} | {i.id for i in past}

    history = history_context(snap, "en", 0, {})
    listed = [i.id for month in history["months"] for i in month["incidents"]]
    assert sorted(listed) == sorted(i.id for i in incidents)
    assert listed[:3] == [100, 101, 102] and listed[-1] == 179  # newest first
    assert [m["key"] for m in history["months"]] == ["2026-11", "2026-10", "2026-09"]
    assert "now" not in history  # reused by incremental builds while nothing changes
    assert history["updated"] == iso(now)

    feed = [i.id for i in atom_context(snap, "en", {})["incidents"]]
    assert len(feed) == 50
    assert {1, 2, 179} <= set(feed)  # open (always), and heard of yesterday
    assert set(feed) - {1, 2, 179} == {100 + d for d in range(47)}

    documents = jsonapi.documents(snap, "en")
    listed_json = [i["id"] for i in documents["incidents.json"]["incidents"]]
    assert len(listed_json) == 50 and listed_json[:2] == ["1", "2"]
    unresolved = documents["incidents/unresolved.json"]["incidents"]
    assert len(unresolved) == 2 and documents["summary.json"]["incidents"] == unresolved


def test_an_incident_whose_first_update_is_scheduled_is_not_public_yet(desk: Desk) -> None:
    from datetime import timedelta

    draft = Draft(BilingualText("Planned work tonight.", "أعمال مجدولة الليلة."),
                  IncidentState.INVESTIGATING)  # fmt: skip
    later = desk.publishing.open_incident(
        title=BilingualText("Quiet secret", "سر"),
        draft=draft,
        scheduled_for=desk.clock.now() + timedelta(hours=2),
    )
    publish(desk, "Fresh.", "جديد.", IncidentState.INVESTIGATING)
    pages = ("index.html", "ar/index.html", "api/v2/summary.json", "api/v2/incidents.json")
    for page in (*pages, "history.html", "ar/history.html", "history.atom"):
        text = (desk.paths.site / page).read_text(encoding="utf-8")
        assert "Fresh." in text or "جديد." in text or "incidents" in text
        assert "Quiet secret" not in text and "Planned work tonight." not in text
    assert not (desk.paths.site / "incidents" / f"{later.incident_id}.html").exists()


def test_the_page_finds_its_incidents_by_each_incidents_own_updates(desk: Desk) -> None:
    """Issue #14: which incidents are public is read through `update_incident`, never by
    scanning every published update of the workspace once per incident (the `update_status`
    index): that made one publish on 5,000 incidents take 7 s more (bench/site_publish.py)."""
    from statusdesk.channels.site.snapshot import PUBLIC_INCIDENTS

    plan = desk.store.conn.execute(
        f"EXPLAIN QUERY PLAN {PUBLIC_INCIDENTS.format(unindexed='+')}",
        ("2026-01-01T00:00:00Z", "published"),
    ).fetchall()
    steps = [str(row[-1]) for row in plan]
    assert any("USING INDEX update_incident" in step for step in steps), steps
    assert not any("update_status" in step for step in steps), steps


def test_rebuilds_are_atomic_for_readers(desk: Desk) -> None:
    publish(desk, "First.", "الأول.", IncidentState.INVESTIGATING)
    stop = threading.Event()
    seen: list[str] = []

    def read() -> None:
        while not stop.is_set():
            index = (desk.paths.site / "index.html").read_text(encoding="utf-8")
            ar = (desk.paths.site / "ar" / "api" / "v2" / "summary.json").read_text(
                encoding="utf-8"
            )
            json.loads(ar)  # a partial file would not parse
            seen.append(index[-20:])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(15):
            desk.settings.build_site()
    finally:
        stop.set()
        reader.join()
    assert seen and all(tail.rstrip().endswith("</html>") for tail in seen)
    kept = list((desk.paths.home / ".site-versions").iterdir())
    versions = [p for p in kept if p.is_dir()]
    records = [p for p in kept if p.name.endswith(".build")]  # fingerprints (#14)
    assert len(versions) <= 2 and len(records) <= len(versions)
    assert len(kept) == len(versions) + len(records)


def _waits_for_flock(pid: int, path: Path) -> bool:
    """Whether process `pid` is blocked waiting for a flock(2) on `path` (Linux /proc/locks:
    a waiter's line carries "->")."""
    inode = str(path.stat().st_ino)
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if (
            len(fields) > 6
            and fields[1] == "->"
            and fields[5] == str(pid)
            and fields[6].rsplit(":", 1)[-1] == inode
        ):
            return True
    return False


def test_a_rebuild_that_read_before_a_publish_never_removes_it(desk: Desk, home: Path) -> None:
    """`site build` (here desk.settings.build_site, as the app's Ctrl+Shift+B) reads the
    workspace; while
    it is still reading, another process (the CLI, as `statusdesk run` would) publishes a newer
    update to the site. The rebuild must not swap its older page in after that publish."""
    from statusdesk.channels.site.snapshot import WINDOW_UPDATES

    need(Path("/proc/locks").exists(), "needs Linux /proc/locks to see a process wait")
    first = publish(desk, "First.", "الأول.", IncidentState.INVESTIGATING)
    statement = [""]
    reading, resume = threading.Event(), threading.Event()

    def pause_while_reading_updates() -> int:
        # Inside the snapshot's read of the updates: what it sees is fixed by now.
        if (
            statement[0].startswith(WINDOW_UPDATES.format(unindexed="+").split("?")[0])
            and not reading.is_set()
        ):
            reading.set()
            resume.wait(60)
        return 0

    built: list[Path] = []

    def rebuild_site() -> None:
        conn = desk.store.conn  # this thread's own connection
        conn.set_trace_callback(lambda sql: statement.__setitem__(0, sql))
        conn.set_progress_handler(pause_while_reading_updates, 1)
        try:
            built.append(desk.settings.build_site())
        finally:
            conn.set_progress_handler(None, 1)
            conn.set_trace_callback(None)

    rebuild = threading.Thread(target=rebuild_site)
    rebuild.start()
    try:
        assert reading.wait(30)
        publisher = subprocess.Popen(
            [
                *(sys.executable, "-m", "statusdesk", "--home", str(home), "incident", "update"),
                *(str(first), "--state", "identified", "--en", "Newest.", "--ar", "الأحدث."),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        lock = home / ".site.lock"
        while publisher.poll() is None and not _waits_for_flock(publisher.pid, lock):
            time.sleep(0.02)
        waited = publisher.poll() is None  # before the fix it was done already
    finally:
        resume.set()
        rebuild.join(60)
    out, err = publisher.communicate(timeout=120)
    assert publisher.returncode == 0, (out, err)
    assert built == [desk.paths.site]
    (latest, *_) = desk.store.incidents.updates(first)[::-1]
    assert latest.body.en == "Newest."
    (delivery,) = desk.store.deliveries.deliveries_for_update(latest.id)
    assert delivery.state == "sent"
    for page in ("index.html", f"incidents/{first}.html", f"ar/incidents/{first}.html"):
        text = (desk.paths.site / page).read_text(encoding="utf-8")
        assert "Newest." in text or "الأحدث." in text, page
    assert waited


def test_the_cli_site_build_waits_for_a_publish_in_another_process(desk: Desk, home: Path) -> None:
    """`statusdesk site build` takes the lock the site channel publishes under (the
    workspace's `.site.lock`, held here as a publish in the app holds it) and builds once it is
    free."""
    need(Path("/proc/locks").exists(), "needs Linux /proc/locks to see a process wait")
    first = publish(desk, "First.", "الأول.", IncidentState.INVESTIGATING)
    with open(home / ".site.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        build = subprocess.Popen(
            [sys.executable, "-m", "statusdesk", "--home", str(home), "site", "build"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while build.poll() is None and not _waits_for_flock(build.pid, home / ".site.lock"):
            time.sleep(0.02)
        waited = build.poll() is None  # before the fix it had built regardless
        later = desk.publishing.post_update(
            first,
            Draft(BilingualText("Later.", "لاحقاً."), IncidentState.IDENTIFIED),
            dispatch=False,
        )
    _out, err = build.communicate(timeout=120)
    assert build.returncode == 0, err
    assert "Traceback" not in err
    assert waited
    # It read the workspace once it had the lock: the update stored meanwhile is on the page.
    assert later.update_id and "Later." in (desk.paths.site / "index.html").read_text("utf-8")


def test_a_failed_build_keeps_the_previous_site(desk: Desk) -> None:
    publish(desk, "Still here.", "ما زال هنا.", IncidentState.INVESTIGATING)
    before = (desk.paths.site / "index.html").read_text(encoding="utf-8")
    versions = desk.paths.home / ".site-versions"
    with read_only(versions), pytest.raises(Permanent, match="previous page is still online"):
        desk.settings.build_site()
    assert (desk.paths.site / "index.html").read_text(encoding="utf-8") == before


def test_arabic_indic_digits_are_a_setting(desk: Desk) -> None:
    with desk.store.transaction():
        desk.store.conn.execute(
            "UPDATE channel SET settings = ? WHERE kind = 'site'", (json.dumps({"digits": "arab"}),)
        )
    publish(desk, "x", "ص", IncidentState.INVESTIGATING)
    ar = (desk.paths.site / "ar" / "index.html").read_text(encoding="utf-8")
    year = datetime.now(UTC).year
    assert str(year).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) in ar


# -- control characters never reach the feeds (issue #12 §3) ----------------------------------

BASE = {
    "--title-en": "Payments down",
    "--title-ar": "توقف المدفوعات",
    "--en": "We are investigating.",
    "--ar": "نحقق في المشكلة.",
}


def hostile_template(home: Path) -> None:
    """A workspace template file written by hand (or by another tool) with controls in it."""
    folder = home / "templates"
    folder.mkdir(exist_ok=True)
    entries = {
        name: {"kind": "incident", "state": "investigating", "en": en, "ar": ar}
        for name, en, ar in [
            ("pasted", "From Word:\x0bnext line\x0cnext page", "من وورد:\x0bسطر\u2028سطر"),
            ("escape", "Clear\x1b[2J the screen", "امسح\x1b[2J الشاشة"),
        ]
    }
    (folder / "workspace.json").write_text(json.dumps({"templates": entries}), encoding="utf-8")


def assert_clean_feeds(site: Path, expected: list[str]) -> None:
    import xml.etree.ElementTree as ET

    from statusdesk.core.text.sanitize import CONTROLS

    for path in (site / "history.atom", site / "ar" / "history.atom"):
        raw = path.read_bytes()
        ET.fromstring(raw)  # well-formed XML 1.0
        feed = feedparser.parse(raw)
        assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".atom", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not [ch for ch in text if ch in CONTROLS], path
    everything = "".join(
        e.content[0].value
        for path in (site / "history.atom", site / "ar" / "history.atom")
        for e in feedparser.parse(path.read_bytes()).entries
    )
    for phrase in expected:
        assert phrase in everything, phrase


def test_control_characters_by_every_path_never_reach_the_feeds(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_cli_support import call

    def cli(*argv: str) -> Any:
        return call(capsys, "--home", str(home), *argv)

    def open_incident(**changes: str | None) -> Any:
        options = {**BASE, **changes}
        argv = [x for k, v in options.items() if v is not None for x in (k, v)]
        return cli("incident", "open", "--timeout", "30", *argv)

    hostile_template(home)
    # A pasted line break (VT, FF, U+2028) is the line break the writer meant: accepted, as one.
    done = open_incident(
        **{
            "--en": "First line\x0bsecond line\x0cthird line",
            "--ar": "السطر الأول\x0bالسطر الثاني\u2028السطر الثالث",
            "--component": "Payments API=major_outage",
            "--author": "amal",
        }
    )
    assert done.code == 0, done.stderr
    done = open_incident(**{"--en": None, "--ar": None, "--template": "pasted"})
    assert done.code == 0, done.stderr

    # Every other control is refused, exit 3, saying where and which; nothing is recorded.
    refused = [
        ({"--en": "Pay\x1b[2Jments"}, "body_en", "U+001B (ESC)"),
        ({"--ar": "نص\x07"}, "body_ar", "U+0007 (BEL)"),
        ({"--title-en": "Pay\x0bments down"}, "title_en", "one line"),
        ({"--title-ar": "عنوان\x9b"}, "title_ar", "U+009B"),
        ({"--component": "Pay\x1bments=major_outage"}, "component", "U+001B (ESC)"),
        ({"--author": "amal\x7f"}, "author", "U+007F (DEL)"),
        ({"--text-for": "site=Custom\x08"}, "overrides.site", "U+0008"),
        ({"--en": None, "--ar": None, "--template": "escape"}, "body_en", "U+001B (ESC)"),
    ]
    for changes, field, what in refused:
        done = open_incident(**changes)
        assert done.code == 3, (changes, done.stdout, done.stderr)
        assert f"{field}: " in done.stderr and what in done.stderr, (changes, done.stderr)
        assert "\x1b" not in done.stderr  # said, never echoed to the terminal
    listed = cli("incident", "list", "--json")
    assert len(listed.json()) == 2

    site = home / "site"
    assert_clean_feeds(
        site,
        [
            "First line\nsecond line\nthird line",
            "السطر الأول\nالسطر الثاني\nالسطر الثالث",
            "From Word:\nnext line\nnext page",
        ],
    )

    # Text stored before these checks existed (a row written by an older version): the page
    # and both feeds still build valid, the controls scrubbed on the way out.
    import sqlite3

    with sqlite3.connect(home / "statusdesk.db") as db:
        db.execute(
            'UPDATE "update" SET body_en = ?, body_ar = ? WHERE id = 1',
            ("Legacy\x0bline\x00 with NUL", "قديم\x1b نص"),
        )
        db.execute("UPDATE incident SET title_en = ? WHERE id = 1", ("Old\x0ctitle",))
    assert cli("site", "build").code == 0
    assert_clean_feeds(site, ["Legacy\nline with NUL", "قديم نص"])


# -- closing an incident gives its components back (issue #12 §2) ------------------------------


def _send(desk: Desk, published: object) -> None:
    update_id = published.update_id  # type: ignore[attr-defined]
    (delivery,) = desk.deliveries.wait_for(update_id, timeout=30)
    assert delivery.state == "sent", delivery.last_error


def _json(site: Path, name: str, prefix: str = "") -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        (site / prefix / "api" / "v2" / name).read_text(encoding="utf-8")
    )
    return loaded


def test_resolving_puts_the_affected_components_back_to_operational(desk: Desk) -> None:
    incident = publish(desk, "The API is down.", "الواجهة متوقفة.", IncidentState.INVESTIGATING)
    # Today's bug: a resolving update that does not mention the components left them down.
    resolved = desk.publishing.post_update(
        incident, Draft(BilingualText("Fixed.", "تم الإصلاح."), IncidentState.RESOLVED)
    )
    _send(desk, resolved)
    site = desk.paths.site
    en = (site / "index.html").read_text(encoding="utf-8")
    ar = (site / "ar" / "index.html").read_text(encoding="utf-8")
    # The component's status says operational; today's uptime bar still says it was down.
    assert "All Systems Operational" in en and 'class="st-major_outage"' not in en
    assert "جميع الأنظمة تعمل" in ar and 'class="st-major_outage"' not in ar
    assert '<span class="st-operational">Operational</span>' in en
    assert '<span class="st-operational">يعمل</span>' in ar
    for prefix in ("", "ar"):
        summary = _json(site, "summary.json", prefix)
        assert summary["status"]["indicator"] == "none"  # type: ignore[index]
        assert [c["status"] for c in summary["components"]] == ["operational"]  # type: ignore[attr-defined]
        components = _json(site, "components.json", prefix)["components"]
        assert [c["status"] for c in components] == ["operational"]  # type: ignore[attr-defined]
        (listed,) = _json(site, "incidents.json", prefix)["incidents"]  # type: ignore[misc]
        assert listed["status"] == "resolved"
        assert [c["status"] for c in listed["components"]] == ["operational"]
        last = listed["incident_updates"][0]
        assert last["status"] == "resolved"
        assert [(c["old_status"], c["new_status"]) for c in last["affected_components"]] == [
            ("major_outage", "operational")
        ]
    assert desk.store.components.component_by_name("API").status is ComponentStatus.OPERATIONAL  # type: ignore[union-attr]


def test_a_component_the_resolving_update_sets_keeps_that_status(desk: Desk) -> None:
    incident = publish(desk, "The API is down.", "الواجهة متوقفة.", IncidentState.INVESTIGATING)
    desk.publishing.post_update(
        incident,
        Draft(
            BilingualText("Search is slow too.", "البحث بطيء أيضًا."),
            IncidentState.IDENTIFIED,
            component_status={"Search": ComponentStatus.PARTIAL_OUTAGE},
        ),
        dispatch=False,
    )
    resolved = desk.publishing.post_update(
        incident,
        Draft(
            BilingualText("Fixed; search stays slow.", "تم الإصلاح، والبحث بطيء."),
            IncidentState.RESOLVED,
            component_status={"Search": ComponentStatus.DEGRADED_PERFORMANCE},
        ),
    )
    _send(desk, resolved)
    components = _json(desk.paths.site, "components.json")["components"]
    assert {c["name"]: c["status"] for c in components} == {  # type: ignore[attr-defined]
        "API": "operational",
        "Search": "degraded_performance",
    }


def test_a_component_another_open_incident_holds_is_left_to_it(desk: Desk) -> None:
    first = publish(desk, "The API is down.", "الواجهة متوقفة.", IncidentState.INVESTIGATING)
    desk.publishing.post_update(
        first,
        Draft(
            BilingualText("Search is down too.", "البحث متوقف أيضًا."),
            IncidentState.IDENTIFIED,
            component_status={"Search": ComponentStatus.MAJOR_OUTAGE},
        ),
        dispatch=False,
    )
    publish(
        desk,
        "Payments fail too.",
        "المدفوعات تفشل أيضًا.",
        IncidentState.INVESTIGATING,
        title=BilingualText("Payments", "المدفوعات"),
    )
    resolved = desk.publishing.post_update(
        first, Draft(BilingualText("Fixed.", "تم الإصلاح."), IncidentState.RESOLVED)
    )
    _send(desk, resolved)
    # The second incident still says the API is down: the page does not say otherwise.
    components = _json(desk.paths.site, "components.json")["components"]
    assert {c["name"]: c["status"] for c in components} == {  # type: ignore[attr-defined]
        "API": "major_outage",
        "Search": "operational",
    }


def test_completing_a_maintenance_ends_under_maintenance(desk: Desk) -> None:
    opened = desk.publishing.open_incident(
        title=BilingualText("Database upgrade", "ترقية قاعدة البيانات"),
        draft=Draft(
            BilingualText("Under way.", "جارية."),
            IncidentState.IN_PROGRESS,
            component_status={"Database": ComponentStatus.UNDER_MAINTENANCE},
        ),
        kind=IncidentKind.MAINTENANCE,
    )
    _send(desk, opened)
    done = desk.publishing.post_update(
        opened.incident_id, Draft(BilingualText("Done.", "انتهت."), IncidentState.COMPLETED)
    )
    _send(desk, done)
    summary = _json(desk.paths.site, "summary.json")
    assert summary["status"]["indicator"] == "none"  # type: ignore[index]
    assert [c["status"] for c in summary["components"]] == ["operational"]  # type: ignore[attr-defined]
