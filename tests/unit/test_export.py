"""The post-incident timeline (issue #7): what it holds and the figures it computes, on an
incident made through the real Desk (tests/unit/export_support.py: a scheduled first update,
a retry, a failed delivery, a skipped channel, a missed promise, a cancelled update) — and
Markdown, HTML, CSV and JSON written from it. The PDF is in test_export_pdf.py, the command in
test_export_cli.py."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC
from html.parser import HTMLParser
from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, DeliveryState, IncidentState, UpdateStatus
from statusdesk.export.api import FORMATS, export_incident, parse_zone
from statusdesk.export.csv_export import COLUMNS, text_cell
from statusdesk.export.html import render_html
from statusdesk.export.json_export import schema, timeline_json
from statusdesk.export.markdown import inline, quoted, render_markdown
from statusdesk.export.model import ExportError, Timeline
from statusdesk.export.present import document
from statusdesk.export.scrub import Scrubber
from statusdesk.export.timeline import build_timeline
from statusdesk.store import Store
from tests.unit.export_support import (
    BETA_BUSY,
    BETA_REFUSED,
    BODIES,
    EXPORTED_AT,
    PLANTED,
    SKIP_REASON,
    TITLE,
    Built,
    built,
)

__all__ = ["built"]  # the module-wide fixture, imported


def timeline_of(b: Built) -> Timeline:
    store = Store.open(b.home / "statusdesk.db")
    try:
        return build_timeline(store, b.story.incident_id, EXPORTED_AT)
    finally:
        store.close()


def exported(b: Built, fmt: str, zone: str = "UTC") -> bytes:
    store = Store.open(b.home / "statusdesk.db")
    try:
        return export_incident(
            store, b.story.incident_id, fmt, now=EXPORTED_AT, zone=parse_zone(zone)
        )
    finally:
        store.close()


# -- the timeline and its figures ---------------------------------------------------------------


def test_the_figures_of_the_story(built: Built) -> None:
    m = timeline_of(built).metrics
    assert m.duration_seconds == 90 * 60
    assert m.time_to_first_update_seconds == 5 * 60  # the first update was scheduled for 09:05
    assert m.updates_published == 4
    assert m.cadence_mean_seconds == (15 + 50 + 20) * 60 / 3
    assert m.cadence_longest_gap_seconds == 50 * 60
    assert [(p.outcome, p.late_seconds) for p in m.promises] == [
        ("kept", None),
        ("missed", 20 * 60),  # due 09:50, update 3 went out at 10:10
        ("kept", None),
    ]  # the resolution promises nothing
    assert (m.promises_kept, m.promises_missed, m.promises_open) == (2, 1, 0)

    by_name = {c.channel.name: c for c in m.channels}
    assert set(by_name) == {"alpha", "beta", "ops-hook"}  # the disabled site is not in it
    alpha, beta, hook = by_name["alpha"], by_name["beta"], by_name["ops-hook"]
    assert (alpha.sent, alpha.failed, alpha.skipped, alpha.retried) == (4, 0, 0, 0)
    assert alpha.first_delivery_lag_seconds == 0
    assert alpha.longest_silence_seconds == 50 * 60
    assert (beta.deliveries, beta.sent, beta.failed, beta.retried) == (4, 3, 1, 1)
    assert beta.first_delivery_lag_seconds == 60  # its first attempt met a 503
    assert (beta.lag_mean_seconds, beta.lag_max_seconds) == (20, 60)
    assert beta.longest_silence_seconds == 64 * 60  # 09:06 → 10:10 (update 2 failed on it)
    assert (hook.sent, hook.skipped, hook.first_delivered_at) == (0, 4, None)
    assert hook.longest_silence_seconds == 85 * 60  # first update → resolution
    assert hook.skipped_latest and not hook.missed_latest
    assert not beta.missed_latest and beta.latest_state == "sent"

    assert [(i.channel, i.attempts, i.reasons) for i in m.retried] == [("beta", 2, (BETA_BUSY,))]
    assert [(i.channel, i.reasons) for i in m.failed] == [("beta", (BETA_REFUSED,))]
    assert [(i.channel, i.reasons, i.decided_by) for i in m.skipped] == [
        ("ops-hook", (SKIP_REASON,), "amal")
    ] * 4


def test_updates_in_the_order_they_went_out_then_those_that_never_did(built: Built) -> None:
    timeline = timeline_of(built)
    ids = [r.update.id for r in timeline.updates]
    assert ids == [*built.story.update_ids, built.story.cancelled_id]
    cancelled = timeline.updates[-1]
    assert cancelled.update.status is UpdateStatus.CANCELLED and cancelled.deliveries == ()
    first = timeline.updates[0]
    assert first.update.scheduled_for and first.update.published_at
    beta = next(d for d in first.deliveries if d.channel.name == "beta")
    assert beta.delivery.attempts == 2 and beta.delivery.state is DeliveryState.SENT
    assert [s.event for s in beta.steps] == ["retry_wait", "sent"]
    assert beta.steps[0].detail == BETA_BUSY
    assert beta.lag_seconds == 60
    assert len(timeline.deliveries) == 12


def test_an_open_incident_s_overdue_promise_is_missed_at_export_time(built: Built) -> None:
    """Cut the story after update 2 (identified, promise due 09:50): exported at 09:40 the
    promise is not due yet; at 11:00 it is missed, still overdue."""
    from datetime import timedelta

    from statusdesk.export.metrics import promises, published_in_order
    from tests.unit.export_support import T0

    timeline = timeline_of(built)
    incident = replace(timeline.incident, resolved_at=None)
    two = published_in_order([r.update for r in timeline.updates])[:2]
    early = promises(incident, two, [], T0 + timedelta(minutes=40))
    late = promises(incident, two, [], EXPORTED_AT)
    assert [p.outcome for p in early] == ["kept", "open"]
    assert [p.outcome for p in late] == ["kept", "missed"]
    assert late[1].late_seconds == 70 * 60 and late[1].met_by is None


def test_the_cadence_in_force_is_the_one_set_by_then() -> None:
    from statusdesk.export.metrics import cadence_at

    changes = [("2026-03-10T09:20:00Z", 15)]
    assert cadence_at("2026-03-10T09:10:00Z", [], 45) == 45  # never changed: the incident's
    assert cadence_at("2026-03-10T09:10:00Z", changes, 15) == 30  # before the change: default
    assert cadence_at("2026-03-10T09:20:00Z", changes, 15) == 15


def test_an_unknown_incident_is_refused(built: Built) -> None:
    store = Store.open(built.home / "statusdesk.db")
    try:
        with pytest.raises(ExportError, match="no incident 999"):
            build_timeline(store, 999, EXPORTED_AT)
        with pytest.raises(ExportError, match="Unknown format 'docx'"):
            export_incident(store, built.story.incident_id, "docx", now=EXPORTED_AT)
    finally:
        store.close()


def test_a_big_incident_costs_the_same_few_queries(tmp_path: Path, built: Built) -> None:
    """No N+1: the number of statements does not grow with updates or deliveries."""
    import shutil

    home = tmp_path / "copy"
    shutil.copytree(built.home, home)
    store = Store.open(home / "statusdesk.db")
    try:
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        build_timeline(store, built.story.incident_id, EXPORTED_AT)
        few = len(statements)
        with store.transaction():
            for n in range(40):
                update_id = store.incidents.add_update(
                    incident_id=built.story.incident_id,
                    state=IncidentState.MONITORING,
                    body=BilingualText(f"more {n}", f"المزيد {n}"),
                    author="test",
                    now=f"2026-03-10T10:{n + 11:02d}:00Z",
                    status=UpdateStatus.PUBLISHED,
                )
                store.deliveries.create_deliveries(
                    update_id, [c.id for c in store.channels.channels()], "x"
                )
        statements.clear()
        build_timeline(store, built.story.incident_id, EXPORTED_AT)
        assert len(statements) == few <= 11  # 11: the updates' reviews (issue #17), one query
    finally:
        store.close()


# -- no secret, anywhere ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_no_secret_in_any_format(built: Built, fmt: str) -> None:
    """The planted secrets are real: in the keyring, and in URLs in channel settings (beta
    reports its URL as where each post landed, as a webhook does). None is in the export; the
    URL shows only its host. (The PDF: test_export_pdf.py.)"""
    stored = built.keyring.passwords.values()  # type: ignore[attr-defined]
    assert {PLANTED[0], PLANTED[1]} <= set(stored)
    text = exported(built, fmt).decode("utf-8-sig")
    for secret in PLANTED:
        assert secret not in text
    assert "https://hooks.example.com/…" in text
    assert "secret_keys" not in text and "signing_secret" not in text


def test_the_scrubber_hides_configured_urls_credentials_and_secret_named_settings() -> None:
    from statusdesk.core.model import Channel, Language, Order

    channel = Channel(
        1,
        "webhook",
        "hook",
        True,
        Language.BOTH,
        Order.EN_FIRST,
        {
            "url": "https://chat.example.com/hooks/abc123",
            "base_url": "https://api.example.com",  # a bare origin hides nothing
            "api_token": "tok-12345",  # should never be here; hidden if it is
            "secret_keys": ["signing_secret"],
        },
    )
    scrub = Scrubber.from_channels([channel])
    said = scrub(
        "POST https://chat.example.com/hooks/abc123 failed; retry with tok-12345 at "
        "https://user:pw@mirror.example.com/x or https://api.example.com"
    )
    assert said == (
        "POST https://chat.example.com/… failed; retry with [redacted] at "
        "https://mirror.example.com/x or https://api.example.com"
    )
    assert scrub("signing_secret") == "signing_secret"  # a name is not a value


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_reads_as_a_postmortem(built: Built) -> None:
    text = exported(built, "md").decode("utf-8")
    assert text.startswith(f"# Incident {built.story.incident_id}: {TITLE.en}\n")
    for phrase in (
        TITLE.ar,
        "Times are in UTC",
        "| Time to first public update | 5 min",
        "| Next-update promises | 2 kept, 1 missed |",
        "MISSED — update",
        "20 min late",
        "| beta (scripted) | 3 of 4 sent · 1 failed · 1 retried | 60 s |",
        "64 min (2026-03-10 09:06:00 UTC → 2026-03-10 10:10:00 UTC)",
        BETA_REFUSED,
        BETA_BUSY,
        SKIP_REASON,
        "skipped (decided by amal)",
        "## Updates that never went out",
        "cancelled, never went out",
        "- **التأثير:** كبير",
        "- **المدة:** ساعة و30 دقيقة",
    ):
        assert phrase in text, phrase
    for body in BODIES.values():
        assert f"> {body.en}" in text
        assert f"> {body.ar}" in text


def test_markdown_escapes_what_people_wrote() -> None:
    assert inline("a *b* <script>|x") == r"a \*b\* \<script\>\|x"
    assert quoted("# not a heading\n- not a list\n\n1. nor this") == [
        r"> \# not a heading",
        r"> \- not a list",
        ">",
        r"> 1\. nor this",
    ]
    assert quoted("   ") == ["> *(empty)*"]


def test_times_in_a_chosen_zone(built: Built) -> None:
    text = exported(built, "md", "Asia/Riyadh").decode("utf-8")
    assert "Times are in Asia/Riyadh" in text
    assert "| Started | 2026-03-10 12:00:00 +03 |" in text
    assert "- **البداية:** 10 مارس 2026، 12:00 +03" in text
    with pytest.raises(ExportError, match="not a time zone"):
        parse_zone("Mars/Olympus")
    assert parse_zone("utc") is UTC and parse_zone(None) is UTC


# -- HTML ----------------------------------------------------------------------------------------


class Blocks(HTMLParser):
    """The text of the document with, for each piece, the innermost lang and dir around it."""

    VOID = frozenset({"meta", "br", "link", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None, str | None]] = []
        self.pieces: list[tuple[str, str | None, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        found = dict(attrs)
        lang = found.get("lang") or (self.stack[-1][1] if self.stack else None)
        direction = found.get("dir") or (self.stack[-1][2] if self.stack else None)
        self.stack.append((tag, lang, direction))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack:
            self.pieces.append((data.strip(), self.stack[-1][1], self.stack[-1][2]))

    def context_of(self, text: str) -> set[tuple[str | None, str | None]]:
        return {(lang, d) for piece, lang, d in self.pieces if text in piece}


def test_html_is_bilingual_with_right_to_left_blocks(built: Built) -> None:
    page = exported(built, "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en" dir="ltr">' in page
    blocks = Blocks()
    blocks.feed(page)
    for body in BODIES.values():
        assert blocks.context_of(body.en.split(";")[0]) == {("en", "ltr")}
        assert blocks.context_of(body.ar.split("،")[0].split(" 0.2")[0]) == {("ar", "rtl")}
    assert blocks.context_of(TITLE.ar) == {("ar", "rtl")}
    assert ("ar", "rtl") in blocks.context_of("ساعة و")
    assert "<bdi>API</bdi>" in page  # a Latin run inside Arabic keeps its order
    for phrase in (BETA_REFUSED, SKIP_REASON, "2 kept, 1 missed", "Updates that never went out"):
        assert phrase in page
    assert 'class="missed"' in page


def test_html_escapes_every_text(built: Built) -> None:
    doc = document(timeline_of(built), UTC)
    first = doc.updates[0]
    hostile = replace(
        first,
        body_en='<script>alert("x")</script> & more',
        body_ar="<img src=x onerror=alert(1)> نص",
        deliveries=(
            replace(first.deliveries[0], problem="<b>bold</b> & 'quoted'", channel="<i>"),
            *first.deliveries[1:],
        ),
    )
    page = render_html(replace(doc, updates=(hostile, *doc.updates[1:])))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<b>bold" not in page and "<td><i></td>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more" in page
    assert "<td>&lt;b&gt;bold&lt;/b&gt; &amp; &#x27;quoted&#x27;</td>" in page


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_is_one_row_per_delivery_with_a_byte_order_mark(built: Built) -> None:
    data = exported(built, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 12  # 4 updates that went out × 3 channels; the cancelled one: none
    assert tuple(rows[0]) == COLUMNS
    beta_first = next(r for r in rows if r["channel"] == "beta" and r["attempts"] == "2")
    assert beta_first["delivery_state"] == "sent"
    assert beta_first["lag_seconds"] == "60"
    assert beta_first["errors"] == BETA_BUSY
    assert beta_first["sent_at"] == "2026-03-10T09:06:00Z"
    assert beta_first["remote_url"] == "https://hooks.example.com/…"
    assert beta_first["body_ar"] == BODIES[IncidentState.INVESTIGATING].ar
    skipped = [r for r in rows if r["delivery_state"] == "skipped"]
    assert len(skipped) == 4 and {r["decision_note"] for r in skipped} == {SKIP_REASON}
    assert [r["delivery_state"] for r in rows if r["channel"] == "beta"] == [
        "sent",
        "failed",
        "sent",
        "sent",
    ]


def test_csv_never_hands_a_spreadsheet_a_formula() -> None:
    assert text_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert text_cell("-1 is fine as text") == "'-1 is fine as text"
    assert text_cell("@SUM(A1)") == "'@SUM(A1)"
    assert text_cell("نص عادي") == "نص عادي"
    assert text_cell(None) == ""


# -- JSON ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["UTC", "Asia/Riyadh"])
def test_json_is_valid_against_its_schema(built: Built, zone: str) -> None:
    import jsonschema

    validator_class = jsonschema.Draft202012Validator
    validator_class.check_schema(schema())
    document_ = json.loads(exported(built, "json", zone))
    validator = validator_class(schema(), format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document_), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]
    assert document_["timezone"] == zone
    suffix = "Z" if zone == "UTC" else "+03:00"
    assert document_["incident"]["started_at"].endswith(suffix)
    metrics = document_["metrics"]
    assert metrics["promises"]["kept"] == 2 and metrics["promises"]["missed"] == 1
    assert metrics["time_to_first_update_seconds"] == 300
    assert {c["channel"]: c["longest_silence_seconds"] for c in metrics["channels"]} == {
        "alpha": 3000,
        "beta": 3840,
        "ops-hook": 5100,
    }
    assert document_["incident"]["title"] == {"en": TITLE.en, "ar": TITLE.ar}
    assert document_["channels"] == [
        {"id": c["id"], "name": c["name"], "kind": c["kind"]} for c in document_["channels"]
    ]


def test_the_schema_refuses_what_the_export_never_writes(built: Built) -> None:
    import jsonschema

    good = timeline_json(timeline_of(built), UTC)
    bad = json.loads(json.dumps(good))
    bad["channels"][0]["settings"] = {"url": "https://x"}  # settings are never exported
    bad["updates"][0]["published_at"] = "10 March"
    validator = jsonschema.Draft202012Validator(schema())
    assert validator.is_valid(good)
    assert not validator.is_valid(bad)


def test_every_format_is_made(built: Built) -> None:
    for fmt in FORMATS:
        if fmt != "pdf":
            assert exported(built, fmt)


def test_a_long_incident_lists_the_promises_it_missed_not_every_kept_one(built: Built) -> None:
    from statusdesk.export.model import Promise

    timeline = timeline_of(built)
    kept = [
        Promise(n, "2026-03-10T09:00:00Z", "2026-03-10T09:30:00Z", "kept", n + 1, None, None)
        for n in range(1, 40)
    ]
    missed = Promise(40, "2026-03-10T09:00:00Z", "2026-03-10T09:30:00Z", "missed", 41, None, 60)
    long = replace(timeline, metrics=replace(timeline.metrics, promises=(*kept, missed)))
    doc = document(long, UTC)
    assert [p.label.split(" (")[0] for p in doc.promises] == ["After update 40"]
    assert doc.promises_note.startswith("39 kept promises are not listed")
    assert "39 kept promises are not listed" in render_markdown(doc)
    assert len(document(timeline, UTC).promises) == 3 and not document(timeline, UTC).promises_note
