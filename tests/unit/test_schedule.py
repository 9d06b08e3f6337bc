"""Scheduling, pure parts (issue #5): reading "in 15m" / "14:30" / ISO against an injected `now`
and zone, DST in Europe/Berlin and America/New_York, display in local time and UTC, the
next-update promise and its colours, and bilingual templates with Arabic dates.

DST rules taken (and stated in statusdesk/scheduling/when.py): a wall-clock time that does not
exist (spring forward) moves forward by the jump (02:30 → 03:30 summer time); one that happens
twice (fall back) is the first of the two (summer time), and an explicit offset picks the other.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from statusdesk.core.model import BilingualText, IncidentKind, IncidentState
from statusdesk.core.promise import Level, promise_status, promised_due
from statusdesk.scheduling.templates import (
    PLACEHOLDERS,
    TemplateContext,
    default_templates,
    fill,
    format_moment,
    load_templates,
    render,
)
from statusdesk.scheduling.when import WhenError, display, local_zone, parse_when

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


# -- "in 15m", "14:30", ISO ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("in 15m", 15), ("in 15 min", 15), ("in 1h30m", 90), ("in 2 hours", 120), ("+90s", 1.5),
     ("IN 1D", 1440), ("in 1h 5m", 65)],
)  # fmt: skip
def test_in_is_elapsed_time(text: str, minutes: float) -> None:
    now = utc(2026, 5, 4, 10, 0, 0)
    when = parse_when(text, now, BERLIN)
    assert when.at == now + timedelta(minutes=minutes)
    assert when.day == "" and when.note == ""


def test_seconds_are_dropped_as_the_workspace_stores_whole_seconds() -> None:
    now = utc(2026, 5, 4, 10, 0, 0) + timedelta(microseconds=600_000)
    assert parse_when("in 15m", now, UTC).at == utc(2026, 5, 4, 10, 15, 0)


def test_a_clock_time_still_ahead_is_today() -> None:
    now = utc(2026, 5, 4, 10, 0)  # 12:00 CEST
    when = parse_when("14:30", now, BERLIN)
    assert (when.at, when.day) == (utc(2026, 5, 4, 12, 30), "today")
    assert when.local.strftime("%H:%M %Z") == "14:30 CEST"


def test_a_clock_time_already_past_is_tomorrow_and_says_so() -> None:
    now = utc(2026, 5, 4, 13, 0)  # 15:00 CEST
    when = parse_when("14:30", now, BERLIN)
    assert (when.at, when.day) == (utc(2026, 5, 5, 12, 30), "tomorrow")


def test_today_and_tomorrow_may_be_said() -> None:
    now = utc(2026, 5, 4, 10, 0)
    assert parse_when("tomorrow 09:00", now, BERLIN).at == utc(2026, 5, 5, 7, 0)
    assert parse_when("14:30 tomorrow", now, BERLIN).day == "tomorrow"
    with pytest.raises(WhenError, match="in the past"):
        parse_when("today 09:00", now, BERLIN)


def test_iso_without_a_zone_is_local_and_with_one_is_taken_as_given() -> None:
    now = utc(2026, 5, 4, 10, 0)
    assert parse_when("2026-05-06T14:30", now, BERLIN).at == utc(2026, 5, 6, 12, 30)
    assert parse_when("2026-05-06 14:30", now, NEW_YORK).at == utc(2026, 5, 6, 18, 30)
    assert parse_when("2026-05-06T14:30Z", now, BERLIN).at == utc(2026, 5, 6, 14, 30)
    assert parse_when("2026-05-06T14:30+05:30", now, BERLIN).at == utc(2026, 5, 6, 9, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "no time given"), ("soon", "not a time statusdesk understands"),
     ("in 0m", "publish at once"), ("in 5 fortnights", "not a unit of time"),
     ("25:00", "not a time of day"), ("2026-05-06", "has no time of day"),
     ("2026-05-04T09:00Z", "in the past"), ("2026-13-01T10:00", "not a time"),
     ("2028-01-01T10:00", "more than a year ahead")],
)  # fmt: skip
def test_what_cannot_be_used_is_refused_with_what_would_work(text: str, message: str) -> None:
    with pytest.raises(WhenError, match=message):
        parse_when(text, utc(2026, 5, 4, 10, 0), BERLIN)


# -- DST: Europe/Berlin (29 Mar / 25 Oct 2026), America/New_York (8 Mar / 1 Nov 2026) --------------


def test_berlin_spring_forward_day_14_30_is_summer_time() -> None:
    now = utc(2026, 3, 29, 0, 30)  # 01:30 CET, before the change at 02:00
    when = parse_when("14:30", now, BERLIN)
    assert (when.at, when.day, when.note) == (utc(2026, 3, 29, 12, 30), "today", "")
    assert str(display(when.at, BERLIN)) == (
        "2026-03-29 14:30 CEST (UTC+02:00) · 2026-03-29 12:30 UTC"
    )


def test_berlin_fall_back_day_14_30_is_winter_time() -> None:
    when = parse_when("14:30", utc(2026, 10, 25, 0, 0), BERLIN)
    assert when.at == utc(2026, 10, 25, 13, 30)
    assert when.local.tzname() == "CET"


def test_tomorrow_across_spring_forward_is_a_wall_clock_time_23_hours_away() -> None:
    now = utc(2026, 3, 28, 13, 30)  # 14:30 CET on Saturday
    when = parse_when("tomorrow 14:30", now, BERLIN)
    assert when.at - now == timedelta(hours=23)
    assert parse_when("14:30", utc(2026, 10, 24, 12, 31), BERLIN).at - utc(
        2026, 10, 24, 12, 30
    ) == timedelta(hours=25)


def test_in_15m_across_spring_forward_is_15_real_minutes() -> None:
    now = utc(2026, 3, 29, 0, 50)  # 01:50 CET
    when = parse_when("in 15m", now, BERLIN)
    assert when.at == utc(2026, 3, 29, 1, 5)
    assert when.local.strftime("%H:%M %Z") == "03:05 CEST"  # the wall clock jumped meanwhile


@pytest.mark.parametrize(
    ("zone", "now", "text", "expected", "shown"),
    [
        (BERLIN, utc(2026, 3, 28, 23, 0), "02:30", utc(2026, 3, 29, 1, 30), "03:30 CEST"),
        (BERLIN, utc(2026, 3, 20, 8, 0), "2026-03-29T02:30", utc(2026, 3, 29, 1, 30), "03:30 CEST"),
        (NEW_YORK, utc(2026, 3, 8, 5, 0), "02:30", utc(2026, 3, 8, 7, 30), "03:30 EDT"),
    ],
)  # fmt: skip
def test_a_time_that_does_not_exist_moves_forward_by_the_jump(
    zone: ZoneInfo, now: datetime, text: str, expected: datetime, shown: str
) -> None:
    when = parse_when(text, now, zone)
    assert when.at == expected
    assert when.local.strftime("%H:%M %Z") == shown
    assert "02:30 does not exist" in when.note and "jump forward 60 min" in when.note


@pytest.mark.parametrize(
    ("zone", "text", "first", "second", "offset"),
    [
        (BERLIN, "2026-10-25T02:30", utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30), "+01:00"),
        (NEW_YORK, "2026-11-01T01:30", utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 6, 30), "-05:00"),
    ],
)  # fmt: skip
def test_a_time_that_happens_twice_is_the_first_and_an_offset_picks_the_second(
    zone: ZoneInfo, text: str, first: datetime, second: datetime, offset: str
) -> None:
    now = utc(2026, 10, 20, 12, 0)
    when = parse_when(text, now, zone)
    assert when.at == first
    assert "happens twice" in when.note and f"{text}{offset}" in when.note
    assert parse_when(text + offset, now, zone).at == second


def test_a_bare_clock_time_in_the_repeated_hour_is_the_first_too() -> None:
    when = parse_when("02:30", utc(2026, 10, 24, 22, 0), BERLIN)  # 00:00 CEST on the 25th
    assert when.at == utc(2026, 10, 25, 0, 30) and when.day == "today"
    assert "happens twice" in when.note


def test_new_york_spring_and_fall_days_14_30() -> None:
    assert parse_when("14:30", utc(2026, 3, 8, 6, 0), NEW_YORK).at == utc(2026, 3, 8, 18, 30)
    assert parse_when("14:30", utc(2026, 11, 1, 4, 0), NEW_YORK).at == utc(2026, 11, 1, 19, 30)


# -- display -------------------------------------------------------------------------------------


def test_display_shows_local_time_and_utc_side_by_side() -> None:
    at = utc(2026, 1, 15, 17, 45, 30)
    shown = display(at, NEW_YORK)
    assert shown.local == "2026-01-15 12:45:30 EST (UTC-05:00)"
    assert shown.utc == "2026-01-15 17:45:30 UTC"
    assert str(display(utc(2026, 7, 1, 0, 0), ZoneInfo("Asia/Kolkata"))) == (
        "2026-07-01 05:30 IST (UTC+05:30) · 2026-07-01 00:00 UTC"
    )


def test_the_local_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert getattr(local_zone(), "key", None) == "America/New_York"
    monkeypatch.setenv("TZ", ":Europe/Berlin")
    assert getattr(local_zone(), "key", None) == "Europe/Berlin"


# -- the next-update promise --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "level"),
    [(1800, Level.OK), (301, Level.OK), (300, Level.AMBER), (1, Level.AMBER),
     (0, Level.RED), (-60, Level.RED)],
)  # fmt: skip
def test_promise_status_turns_amber_at_5_minutes_and_red_when_due(left: int, level: Level) -> None:
    now = utc(2026, 5, 4, 10, 0)
    seconds, found = promise_status(now + timedelta(seconds=left), now)
    assert (seconds, found) == (left, level)
    assert promise_status("2026-05-04T10:30:00Z", now) == (1800, Level.OK)


def test_no_promise_without_a_due_time() -> None:
    assert promise_status(None, utc(2026, 5, 4)) == (None, Level.NONE)


def test_promised_due_by_kind_and_state() -> None:
    at = utc(2026, 5, 4, 10, 0)
    nxt = utc(2026, 5, 5, 1, 0)
    incident, maintenance = IncidentKind.INCIDENT, IncidentKind.MAINTENANCE
    S = IncidentState
    assert promised_due(
        kind=incident, state=S.IDENTIFIED, published_at=at, cadence_min=20
    ) == at + timedelta(minutes=20)
    assert promised_due(kind=incident, state=S.RESOLVED, published_at=at, cadence_min=20) is None
    assert (
        promised_due(
            kind=maintenance, state=S.SCHEDULED, published_at=at, cadence_min=30, next_scheduled=nxt
        )
        == nxt
    )
    assert promised_due(
        kind=maintenance, state=S.IN_PROGRESS, published_at=at, cadence_min=30
    ) == at + timedelta(minutes=30)
    assert (
        promised_due(kind=maintenance, state=S.COMPLETED, published_at=at, cadence_min=30) is None
    )


# -- templates -----------------------------------------------------------------------------------


def _context(**extra: object) -> TemplateContext:
    base: dict[str, object] = {
        "title": BilingualText("Database upgrade", "ترقية قاعدة البيانات"),
        "window_start": utc(2026, 4, 2, 1, 0),
        "window_end": utc(2026, 4, 2, 3, 30),
        "started_at": utc(2026, 4, 2, 1, 0),
        "next_update": utc(2026, 4, 2, 1, 30),
    }
    base.update(extra)
    return TemplateContext(**base)  # type: ignore[arg-type]


def test_every_default_template_is_bilingual_and_uses_known_placeholders() -> None:
    templates = default_templates()
    assert set(templates) == {
        "investigating", "identified", "monitoring", "resolved",
        "scheduled", "reminder", "in_progress", "verifying", "completed",
    }  # fmt: skip
    for template in templates.values():
        assert template.text.en and template.text.ar
        context = _context(components=(BilingualText("API", "الواجهة"),))
        filled = render(template, context)
        assert filled.problems == [], template.name
        assert "{" not in filled.body.en + filled.body.ar


def test_arabic_dates_use_arabic_month_names_and_the_digits_setting() -> None:
    template = default_templates()["scheduled"]
    latin = render(template, _context()).body
    assert latin.en == (
        "Scheduled maintenance: Database upgrade, from 02 Apr 2026, 01:00 UTC to "
        "02 Apr 2026, 03:30 UTC."
    )
    assert latin.ar == (
        "صيانة مجدولة: ترقية قاعدة البيانات، من 2 أبريل 2026، 01:00 UTC إلى "
        "2 أبريل 2026، 03:30 UTC."
    )
    arabic = render(template, _context(digits="arab")).body
    assert "من ٢ أبريل ٢٠٢٦، ٠١:٠٠ UTC إلى ٢ أبريل ٢٠٢٦، ٠٣:٣٠ UTC" in arabic.ar
    assert arabic.en == latin.en  # digits are an Arabic matter


def test_times_in_a_display_zone_carry_its_abbreviation() -> None:
    riyadh = ZoneInfo("Asia/Riyadh")
    moment = utc(2026, 4, 2, 1, 0)
    assert format_moment(moment, "en", zone=riyadh) == "02 Apr 2026, 04:00 +03"
    assert format_moment(moment, "ar", "arab", riyadh) == "٢ أبريل ٢٠٢٦، ٠٤:٠٠ +03"
    assert format_moment(moment, "en", zone=BERLIN) == "02 Apr 2026, 03:00 CEST"
    assert format_moment(moment, "ar") == "2 أبريل 2026، 01:00 UTC"  # as the status page writes it


def test_a_placeholder_left_unfilled_is_a_problem_naming_it_where_it_is() -> None:
    text = BilingualText("Fixed by {eta}. See {incident_url}.", "الإصلاح بحلول {eta}.")
    filled = render(text, _context())
    assert [(p.field, p.position) for p in filled.problems] == [
        ("body_en", 9),
        ("body_en", 20),
        ("body_ar", 14),
    ]
    assert "leaves {eta} unfilled: no ETA was given (--eta WHEN)" in filled.problems[0].message
    assert "{incident_url} unfilled" in filled.problems[1].message
    assert filled.body.en == text.en  # never published half-filled: the caller refuses
    eta = render(text, _context(eta=utc(2026, 4, 2, 2, 0), incident_url=BilingualText("u", "v")))
    assert eta.problems == []
    assert eta.body.en == "Fixed by 02 Apr 2026, 02:00 UTC. See u."


def test_unknown_placeholders_lone_braces_and_literal_braces() -> None:
    out, problems = fill("{oops} {{x}} {service", {"service": "API"}, "body_en", "The text")
    assert out == "{oops} {x} {service"
    assert [p.message.split(" has ")[1][:20] for p in problems] == [
        "an unknown placehold",
        "a lone '{'; write {{",
    ]
    assert all("{" + name + "}" in problems[0].message for name in PLACEHOLDERS)


def test_a_workspace_adds_and_replaces_templates(tmp_path: Path) -> None:
    (tmp_path / "ours.json").write_text(
        '{"templates": {"resolved": {"kind": "incident", "state": "resolved", "en": "Done: '
        '{service}.", "ar": "انتهى: {service}."}, "eta": {"kind": "incident", "state": '
        '"identified", "en": "ETA {eta}", "ar": "الموعد {eta}"}}}',
        encoding="utf-8",
    )
    templates = load_templates([tmp_path])
    assert templates["resolved"].text.en == "Done: {service}."
    assert templates["eta"].state is IncidentState.IDENTIFIED
    assert "investigating" in templates
