"""A second pair of eyes before publishing through the real CLI (issue #17): with
`review.required` on, `incident open|update` submit (print the review's id and `in_review`, send
nothing, exit 0); another person's `update approve` publishes exactly what was submitted and
waits for the channels; the author's own approval is refused (exit 3); `update return` sends it
back with a comment; a critical update goes out at once when the waiver says so; two approvals
racing (two processes) publish once; and the same on PostgreSQL."""

from __future__ import annotations

import html
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.servers.postgres import Postgres
from tests.unit.export_support import normalized
from tests.unit.test_cli_support import Result, call, spawn
from tests.unit.test_export_pdf import text_of

EN = "We are investigating failed card payments."
AR = "نحقق في فشل المدفوعات بالبطاقات."
FIXED_EN = "Payments work again."
FIXED_AR = "عادت المدفوعات للعمل."


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def open_incident(
    capsys: pytest.CaptureFixture[str], home: Path, *extra: str, author: str = "nadia"
) -> Result:
    return cli(
        capsys, home, *extra, "incident", "open", "--title-en", "Card payments failing",
        "--title-ar", "فشل مدفوعات البطاقات", "--en", EN, "--ar", AR, "--impact", "major",
        "--author", author,
    )  # fmt: skip


def require_review(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> None:
    done = cli(capsys, home, *extra, "setting", "set", "review.required", "on")
    assert done.code == 0, done.stderr


def deliveries(capsys: pytest.CaptureFixture[str], home: Path, incident: int, *extra: str) -> list:
    found = cli(capsys, home, *extra, "deliveries", str(incident), "--json")
    assert found.code == 0, found.stderr
    return list(found.json())


def test_without_review_an_update_is_published_as_before(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "setting", "get", "review.required").lines[0].endswith("off")
    opened = open_incident(capsys, home)
    assert opened.code == 0, opened.stderr
    assert opened.lines[0] == "1"
    assert [d["state"] for d in deliveries(capsys, home, 1)] == ["sent"]
    assert cli(capsys, home, "update", "reviews").lines == ["No update is waiting for review."]


def test_with_review_required_nothing_is_sent_until_another_person_approves(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_review(capsys, home)
    submitted = open_incident(capsys, home)
    assert submitted.code == 0, submitted.stderr
    assert submitted.lines[0] == "1 in_review"
    assert cli(capsys, home, "incident", "list", "--json").json() == []  # nothing published
    assert not (home / "site" / "incidents" / "1.html").exists()

    waiting = cli(capsys, home, "update", "reviews", "--json").json()
    assert [(r["id"], r["state"], r["author"], r["body_ar"]) for r in waiting] == [
        (1, "in_review", "nadia", AR)
    ]
    own = cli(capsys, home, "update", "approve", "1", "--author", "NADIA")
    assert own.code == 3
    assert "cannot approve it too" in own.stderr and "another person" in own.stderr
    assert cli(capsys, home, "incident", "list", "--json").json() == []

    approved = cli(capsys, home, "update", "approve", "1", "--author", "omar")
    assert approved.code == 0, approved.stderr
    assert approved.lines[0] == "1"  # the incident it opened, as `incident open` prints
    assert [d["state"] for d in deliveries(capsys, home, 1)] == ["sent"]
    page = (home / "site" / "incidents" / "1.html").read_text(encoding="utf-8")
    assert EN in page  # delivered to the local site channel, as submitted
    shown = cli(capsys, home, "incident", "show", "1", "--json").json()
    update = shown["updates"][0]
    assert (update["body_en"], update["body_ar"], update["author"]) == (EN, AR, "nadia")
    assert (shown["impact"], shown["title_ar"]) == ("major", "فشل مدفوعات البطاقات")

    again = cli(capsys, home, "update", "approve", "1", "--author", "sara")
    assert again.code == 3 and "approved already (by omar)" in again.stderr
    assert len(deliveries(capsys, home, 1)) == 1


def test_an_update_on_an_incident_is_reviewed_and_can_be_returned(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert open_incident(capsys, home).code == 0
    require_review(capsys, home)
    args = ("incident", "update", "1", "--state", "resolved", "--en", FIXED_EN, "--ar", FIXED_AR)
    first = cli(capsys, home, *args, "--author", "nadia", "--json")
    assert first.code == 0, first.stderr
    assert (first.json()["id"], first.json()["state"]) == (1, "in_review")
    returned = cli(
        capsys, home, "update", "return", "1", "--comment", "Say since when.", "--author", "omar"
    )
    assert returned.code == 0, returned.stderr
    assert returned.lines == ["1 returned: back to nadia; nothing was sent."]
    assert cli(capsys, home, "update", "approve", "1", "--author", "omar").code == 3
    assert len(deliveries(capsys, home, 1)) == 1  # the opening update's only
    every = cli(capsys, home, "update", "reviews", "--all", "--json").json()
    assert [(r["state"], r["reviewer"], r["comment"]) for r in every] == [
        ("returned", "omar", "Say since when.")
    ]
    assert "Say since when." in cli(capsys, home, "update", "reviews", "--all").stdout

    second = cli(capsys, home, *args, "--author", "nadia")
    assert second.lines[0] == "2 in_review"
    approved = cli(capsys, home, "update", "approve", "2", "--author", "omar", "--json")
    assert approved.code == 0, approved.stderr
    update = approved.json()
    assert (update["state"], update["body_en"], update["author"]) == ("resolved", FIXED_EN, "nadia")
    assert [d["state"] for d in update["deliveries"]] == ["sent"]
    assert cli(capsys, home, "incident", "list", "--json").json()[0]["state"] == "resolved"


def test_a_draft_with_disagreements_is_refused_when_submitted(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_review(capsys, home)
    refused = cli(
        capsys, home, "incident", "open", "--title-en", "Outage", "--title-ar", "تعطل",
        "--en", "Down since 10:00.", "--ar", "تعطل الخدمة.",
    )  # fmt: skip
    assert refused.code == 3, refused.stdout
    assert cli(capsys, home, "update", "reviews", "--json").json() == []
    reminder = cli(
        capsys, home, "incident", "open", "--title-en", "Outage", "--title-ar", "تعطل",
        "--en", "Down.", "--ar", "تعطل.", "--remind-min", "10",
    )  # fmt: skip
    assert reminder.code == 3 and "goes with a maintenance window" in reminder.stderr


def test_an_update_for_a_time_is_reviewed_then_scheduled(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert open_incident(capsys, home).code == 0
    require_review(capsys, home)
    submitted = cli(
        capsys, home, "incident", "update", "1", "--state", "monitoring", "--en", FIXED_EN,
        "--ar", FIXED_AR, "--at", "in 2h", "--author", "nadia",
    )  # fmt: skip
    assert submitted.code == 0, submitted.stderr
    assert submitted.lines[0] == "1 in_review"
    assert "schedules it for" in submitted.stdout
    (waiting,) = cli(capsys, home, "update", "reviews", "--json").json()
    assert waiting["id"] == 1
    approved = cli(capsys, home, "update", "approve", "1", "--author", "omar")
    assert approved.code == 0, approved.stderr
    assert approved.lines[0].startswith("update 2 scheduled: goes out ")
    listed = cli(capsys, home, "update", "list", "--json").json()
    assert [(u["id"], u["status"]) for u in listed] == [(2, "scheduled")]
    assert len(deliveries(capsys, home, 1)) == 1  # nothing sent before its time


def test_a_critical_update_skips_review_when_the_waiver_says_so(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_review(capsys, home)
    assert cli(capsys, home, "setting", "set", "review.waive", "critical").code == 0
    assert open_incident(capsys, home).lines[0] == "1 in_review"  # major: reviewed
    critical = cli(
        capsys, home, "incident", "open", "--title-en", "Everything is down",
        "--title-ar", "كل شيء متوقف", "--en", EN, "--ar", AR, "--impact", "critical",
        "--author", "nadia",
    )  # fmt: skip
    assert critical.code == 0, critical.stderr
    assert critical.lines[0] == "1"  # published at once: the first incident
    assert "review waived" in critical.stderr
    assert [d["state"] for d in deliveries(capsys, home, 1)] == ["sent"]
    assert [r["id"] for r in cli(capsys, home, "update", "reviews", "--json").json()] == [1]


def test_two_reviewers_approving_at_once_publish_it_once(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_review(capsys, home)
    assert open_incident(capsys, home).lines[0] == "1 in_review"
    with ThreadPoolExecutor(2) as pool:
        runs = list(
            pool.map(
                lambda who: spawn("--home", str(home), "update", "approve", "1", "--author", who),
                ["omar", "sara"],
            )
        )
    assert sorted(r.code for r in runs) == [0, 3], [r.stderr for r in runs]
    loser = next(r for r in runs if r.code == 3)
    assert "approved already" in loser.stderr
    assert len(cli(capsys, home, "incident", "list", "--json").json()) == 1
    assert [d["state"] for d in deliveries(capsys, home, 1)] == ["sent"]


def test_review_on_postgresql(
    postgres_server: Postgres, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.create_database()
    db = ("--db", url)
    assert cli(capsys, home, *db, "db", "init").code == 0
    require_review(capsys, home, *db)
    assert open_incident(capsys, home, *db).lines[0] == "1 in_review"
    assert cli(capsys, home, *db, "incident", "list", "--json").json() == []
    assert cli(capsys, home, *db, "update", "approve", "1", "--author", "nadia").code == 3
    approved = cli(capsys, home, *db, "update", "approve", "1", "--author", "omar")
    assert approved.code == 0, approved.stderr
    assert [d["state"] for d in deliveries(capsys, home, 1, *db)] == ["sent"]
    assert EN in (home / "site" / "incidents" / "1.html").read_text(encoding="utf-8")

    # Two reviewers in two processes approving the same update on the server: one publishes.
    updated = cli(
        capsys, home, *db, "incident", "update", "1", "--state", "resolved", "--en", FIXED_EN,
        "--ar", FIXED_AR, "--author", "nadia",
    )  # fmt: skip
    assert updated.lines[0] == "2 in_review"
    with ThreadPoolExecutor(2) as pool:
        runs = list(
            pool.map(
                lambda who: spawn(
                    "--home", str(home), *db, "update", "approve", "2", "--author", who
                ),
                ["omar", "sara"],
            )
        )
    assert sorted(r.code for r in runs) == [0, 3], [r.stderr for r in runs]
    assert [d["state"] for d in deliveries(capsys, home, 1, *db)] == ["sent", "sent"]


def test_the_timeline_export_says_who_wrote_who_approved_and_how_long_review_took(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    from statusdesk.export.json_export import schema

    assert open_incident(capsys, home).code == 0  # before review: published as ever
    require_review(capsys, home)
    assert cli(capsys, home, "setting", "set", "review.waive", "critical").code == 0
    args = ("incident", "update", "1", "--en", FIXED_EN, "--ar", FIXED_AR, "--author", "nadia")
    assert cli(capsys, home, *args, "--state", "monitoring").lines[0] == "1 in_review"
    assert cli(capsys, home, "update", "approve", "1", "--author", "omar").code == 0
    waived = cli(capsys, home, *args, "--state", "resolved", "--impact", "critical")
    assert waived.code == 0, waived.stderr

    exported = cli(capsys, home, "export", "1", "--format", "json")
    assert exported.code == 0, exported.stderr
    document = exported.json()
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(document)
    reviews = [(u["author"], u["review"]) for u in document["updates"]]
    assert reviews[0] == ("nadia", None)
    assert reviews[1][0] == "nadia"
    assert reviews[1][1]["state"] == "approved" and reviews[1][1]["reviewer"] == "omar"
    assert reviews[1][1]["review_seconds"] >= 0
    assert reviews[2][1]["state"] == "waived" and reviews[2][1]["review_seconds"] == 0

    table = cli(capsys, home, "export", "1", "--format", "csv").stdout.removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [(r["author"], r["approved_by"]) for r in rows] == [
        ("nadia", ""),
        ("nadia", "omar"),
        ("nadia", "waived"),
    ]
    assert rows[1]["review_seconds"] != ""
    markdown = cli(capsys, home, "export", "1", "--format", "md").stdout
    assert "approved by omar after" in markdown and "review waived (critical impact)" in markdown
    # The HTML and the PDF say the same line (export/present.py words it once for every format).
    page = cli(capsys, home, "export", "1", "--format", "html").stdout
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "approved by omar after" in shown and "review waived (critical impact)" in shown
    pdf = home / "timeline.pdf"
    made = spawn("--home", str(home), "export", "1", "--format", "pdf", "-o", str(pdf))
    assert made.code == 0, made.stderr
    printed = normalized(text_of(pdf))
    assert "approved by omar after" in printed and "review waived (critical impact)" in printed


def test_a_templated_new_incident_is_approved_only_while_its_address_holds(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_review(capsys, home)
    templated = (
        "incident", "open", "--title-en", "Login failing", "--title-ar", "تعذر تسجيل الدخول",
        "--template", "investigating", "--author", "nadia",
    )  # fmt: skip
    assert cli(capsys, home, *templated).lines[0] == "1 in_review"
    assert cli(capsys, home, *templated).lines[0] == "2 in_review"
    first = cli(capsys, home, "update", "approve", "1", "--author", "omar", "--json")
    assert first.code == 0, first.stderr
    assert first.json()["id"] == 1
    # Review 2 was written as incident 1 too (the next number then): now taken.
    second = cli(capsys, home, "update", "approve", "2", "--author", "omar")
    assert second.code == 3 and "has been taken since" in second.stderr
    assert len(cli(capsys, home, "incident", "list", "--json").json()) == 1
    assert cli(capsys, home, "update", "reviews", "--json").json()[0]["id"] == 2


def test_a_maintenance_window_is_reviewed_then_opened_with_its_announcements(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_review(capsys, home)
    submitted = cli(
        capsys, home, "incident", "open", "--kind", "maintenance", "--title-en", "DB upgrade",
        "--title-ar", "ترقية قاعدة البيانات", "--window-start", "in 2h", "--window-end", "in 3h",
        "--component", "API=operational", "--author", "nadia",
    )  # fmt: skip
    assert submitted.code == 0, submitted.stderr
    assert submitted.lines[0] == "1 in_review"
    assert cli(capsys, home, "incident", "list", "--json").json() == []  # nothing opened yet
    (waiting,) = cli(capsys, home, "update", "reviews", "--json").json()
    assert (waiting["kind"], waiting["title_en"], waiting["incident_state"]) == (
        "maintenance",
        "DB upgrade",
        "scheduled",
    )
    assert waiting["body_en"]  # the first announcement, as its template wrote it
    own = cli(capsys, home, "update", "approve", "1", "--author", "nadia")
    assert own.code == 3 and "cannot approve it too" in own.stderr
    approved = cli(capsys, home, "update", "approve", "1", "--author", "omar")
    assert approved.code == 0, approved.stderr
    assert approved.lines[0] == "1"  # the maintenance it opened
    shown = cli(capsys, home, "incident", "show", "1", "--json").json()
    assert shown["kind"] == "maintenance"
    assert shown["updates"][0]["body_en"] == waiting["body_en"]  # as submitted
    assert [d["state"] for d in shown["updates"][0]["deliveries"]] == ["sent"]
    planned = cli(capsys, home, "update", "list", "--json").json()
    assert [u["state"] for u in planned] == ["scheduled", "in_progress", "completed"]
