"""Components on the status page, in its JSON and in what channels send (issue #14): Arabic
names on the Arabic side, groups with their members, and 90-day uptime bars from a crafted
history on a fake clock."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from statusdesk.app.compose import DraftSnapshot
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.desk import Desk
from tests.unit.test_schedule_support import FakeClock

TODAY = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
ADDED = TODAY - timedelta(days=10, hours=3)  # 10 March, 09:00
API = "Payments API"
API_AR = "واجهة الدفع"


def _day(days_ago: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.combine(
        TODAY.date() - timedelta(days=days_ago), datetime.min.time(), tzinfo=UTC
    ) + timedelta(hours=hour, minutes=minute)


def _publish(
    desk: Desk,
    clock: FakeClock,
    at: datetime,
    status: ComponentStatus,
    state: IncidentState,
    incident: int | None = None,
) -> int:
    clock.at = at
    draft = Draft(BilingualText("", ""), state, Impact.MAJOR, {API: status})
    if incident is None:
        published = desk.publishing.open_incident(
            title=BilingualText("Payments down", "تعطل المدفوعات"), draft=draft
        )
    else:
        published = desk.publishing.post_update(incident, draft)
    (delivery,) = desk.deliveries.wait_for(published.update_id, timeout=30)
    assert delivery.state == "sent", delivery.last_error
    return published.incident_id


@pytest.fixture
def history(home: Path) -> Iterator[tuple[Desk, FakeClock]]:
    """Payments API (in the group Payments) and Search added 10 days ago at 09:00; Payments
    API down 5 days ago 10:00–12:00 (major), then partial until 01:00 the next day, degraded
    from 23:00 two days ago until 06:00 today; the page built today at 12:00."""
    clock = FakeClock(ADDED)
    with Desk(home, clock=clock) as desk:
        desk.components.add(
            BilingualText(API, API_AR),
            description=BilingualText("Card payments", "الدفع بالبطاقات"),
            group=BilingualText("Payments", "المدفوعات"),
        )
        desk.components.add(BilingualText("Search", ""))
        first = _publish(
            desk, clock, _day(5, 10), ComponentStatus.MAJOR_OUTAGE, IncidentState.INVESTIGATING
        )
        _publish(
            desk, clock, _day(5, 12), ComponentStatus.PARTIAL_OUTAGE, IncidentState.MONITORING,
            first,
        )  # fmt: skip
        _publish(
            desk, clock, _day(4, 1), ComponentStatus.OPERATIONAL, IncidentState.RESOLVED, first
        )
        second = _publish(
            desk, clock, _day(2, 23), ComponentStatus.DEGRADED_PERFORMANCE,
            IncidentState.INVESTIGATING,
        )  # fmt: skip
        _publish(
            desk, clock, _day(0, 6), ComponentStatus.OPERATIONAL, IncidentState.RESOLVED, second
        )
        clock.at = TODAY
        desk.settings.build_site()
        yield desk, clock


def _page(desk: Desk, lang: str) -> str:
    path = desk.paths.site / ("ar/index.html" if lang == "ar" else "index.html")
    return path.read_text(encoding="utf-8")


def _bar(page: str, component_id: int) -> list[tuple[str, str]]:
    item = page.split(f'<li id="component-{component_id}">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<li class="d-([a-z_]+)"><span class="vh">([^<]*)</span></li>', item)


def test_each_day_has_its_worst_status_and_its_text(
    history: tuple[Desk, FakeClock],
) -> None:
    desk, _clock = history
    page = _page(desk, "en")
    days = _bar(page, 1)
    assert len(days) == 90
    assert days[-1] == ("degraded_performance", "20 Mar 2026: Degraded performance")
    assert days[0] == ("none", "21 Dec 2025: No data")
    expected = {
        0: "degraded_performance",  # degraded until 06:00 today
        1: "degraded_performance",  # the whole day
        2: "degraded_performance",  # from 23:00
        3: "operational",
        4: "partial_outage",  # partial until 01:00
        5: "major_outage",  # major 10:00-12:00, then partial
        6: "operational",
        10: "operational",  # added at 09:00: data for that day
        11: "none",  # before it existed
    }
    for days_ago, status in expected.items():
        assert days[89 - days_ago][0] == status, days_ago
    assert days[89 - 5][1] == "15 Mar 2026: Major outage"
    # Search never changed: operational since it was added, no data before.
    search = _bar(page, 2)
    assert {s for s, _ in search[-11:]} == {"operational"} and search[-12][0] == "none"


def test_the_uptime_percentage_counts_partial_and_major_outages_as_down(
    history: tuple[Desk, FakeClock],
) -> None:
    desk, _clock = history
    # Tracked from 10 March 09:00 to 20 March 12:00: 243 hours; down 2 h major + 13 h
    # partial = 15 h; 228 / 243 = 93.827…%, shown rounded down.
    en, ar = _page(desk, "en"), _page(desk, "ar")
    assert "<span>93.82% uptime over the last 90 days</span>" in en
    assert "<span>100.00% uptime over the last 90 days</span>" in en  # Search
    assert "نسبة التشغيل 93.82% خلال آخر 90 يومًا" in ar


def test_the_arabic_page_shows_arabic_names_groups_dates_and_digits(
    history: tuple[Desk, FakeClock],
) -> None:
    desk, _clock = history
    ar = _page(desk, "ar")
    group = ar.split('<li class="group"', 1)[1].split('<ul class="members">', 1)[0]
    assert "المدفوعات" in group and "Payments<" not in group
    assert f'<span>{API_AR}<span class="desc">الدفع بالبطاقات</span></span>' in ar
    assert API not in ar.split("<h2>", 2)[2].split("</ol>", 1)[0]  # not in the component list
    # Search has no Arabic name: the English one, isolated as Latin text.
    assert '<span lang="en" dir="ltr">Search</span>' in ar
    days = _bar(ar, 1)
    assert days[89 - 5] == ("major_outage", "15 مارس 2026: انقطاع كبير")
    en = _page(desk, "en")
    assert en.index('id="group-1"') < en.index('id="component-1"') < en.index('id="component-2"')
    assert "<span>Payments</span>" in en

    desk.settings.set_workspace_setting("display.digits", "arab")
    ar = _page(desk, "ar")
    assert _bar(ar, 1)[89 - 5] == ("major_outage", "١٥ مارس ٢٠٢٦: انقطاع كبير")
    assert "نسبة التشغيل ٩٣٫٨٢٪ خلال آخر ٩٠ يومًا" in ar


def test_the_bars_move_at_midnight(history: tuple[Desk, FakeClock]) -> None:
    desk, clock = history
    clock.at = TODAY + timedelta(days=1)
    desk.settings.build_site()
    days = _bar(_page(desk, "en"), 1)
    assert days[-1] == ("operational", "21 Mar 2026: Operational")
    assert days[89 - 6] == ("major_outage", "15 Mar 2026: Major outage")


COMPONENT_SCHEMA = {
    "type": "object",
    "required": [
        "id", "name", "status", "created_at", "updated_at", "position", "description",
        "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded",
    ],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string", "minLength": 1},
        "status": {
            "enum": [
                "operational", "degraded_performance", "partial_outage", "major_outage",
                "under_maintenance",
            ]
        },
        "group_id": {"type": ["string", "null"]},
        "group": {"type": "boolean"},
        "description": {"type": ["string", "null"]},
        "components": {"type": "array", "items": {"type": "string"}},
    },
    "if": {"properties": {"group": {"const": True}}},
    "then": {"required": ["components"], "properties": {"group_id": {"type": "null"}}},
}  # fmt: skip


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_the_json_keeps_statuspages_shapes_for_groups(
    history: tuple[Desk, FakeClock], prefix: str
) -> None:
    import jsonschema

    desk, _clock = history
    api = desk.paths.site / prefix / "api" / "v2"
    listed: list[dict[str, Any]] = json.loads((api / "components.json").read_text("utf-8"))[
        "components"
    ]
    summary = json.loads((api / "summary.json").read_text("utf-8"))
    assert summary["components"] == listed
    for component in listed:
        jsonschema.validate(component, COMPONENT_SCHEMA)
    group, member, search = listed
    assert (group["id"], group["group"], group["components"]) == ("group-1", True, ["1"])
    assert (member["id"], member["group_id"], member["group"]) == ("1", "group-1", False)
    assert search["group_id"] is None
    names = [c["name"] for c in listed]
    if prefix:
        assert names == ["المدفوعات", API_AR, "Search"]
        assert member["description"] == "الدفع بالبطاقات"
    else:
        assert names == ["Payments", API, "Search"]
    incidents = json.loads((api / "incidents.json").read_text("utf-8"))["incidents"]
    affected = incidents[0]["incident_updates"][-1]["affected_components"]
    assert affected[0]["name"] == (API_AR if prefix else API)
    assert [c["group_id"] for c in incidents[0]["components"]] == ["group-1"]


def test_a_group_shows_the_worst_status_of_its_members(home: Path) -> None:
    with Desk(home) as desk:
        group = BilingualText("Payments", "المدفوعات")
        desk.components.add(BilingualText("Cards"), group=group)
        desk.components.add(BilingualText("Wallets"), group=group)
        published = desk.publishing.open_incident(
            title=BilingualText("Wallets slow", "بطء المحافظ"),
            draft=Draft(
                BilingualText("Slow.", "بطء."),
                IncidentState.INVESTIGATING,
                Impact.MINOR,
                {"Wallets": ComponentStatus.PARTIAL_OUTAGE},
            ),
        )
        desk.deliveries.wait_for(published.update_id, timeout=30)
        en = _page(desk, "en")
        line = en.split('<li class="group"', 1)[1].split("</div>", 1)[0]
        assert '<span class="st-partial_outage">Partial outage</span>' in line
        listed = json.loads(
            (desk.paths.site / "api" / "v2" / "components.json").read_text("utf-8")
        )["components"]
        assert (listed[0]["status"], listed[0]["components"]) == ("partial_outage", ["1", "2"])


def test_email_and_x_arabic_parts_use_the_arabic_name(home: Path) -> None:
    with Desk(home) as desk:
        desk.components.add(BilingualText(API, API_AR))
        desk.components.add(BilingualText("Search", ""))
        desk.channels.add_channel(
            "email",
            "mail",
            {
                "host": "127.0.0.1",
                "port": "2525",
                "security": "none",
                "allow_plaintext": "true",
                "from": "status@example.com",
                "recipients": "amal@example.com",
            },
        )
        desk.channels.add_channel("x", "x", {})
        snapshot = DraftSnapshot(
            incident_id=None,
            kind=IncidentKind.INCIDENT,
            title=BilingualText("Payments down", "تعطل المدفوعات"),
            body=BilingualText("", ""),
            state=IncidentState.INVESTIGATING,
            impact=Impact.MAJOR,
            components={
                API: ComponentStatus.MAJOR_OUTAGE,
                "Search": ComponentStatus.DEGRADED_PERFORMANCE,
            },
            channels=("mail", "x"),
        )
        previews = {p.name: p for p in desk.previews.render_previews(snapshot)}
    mail, x = previews["mail"], previews["x"]
    assert not mail.error and not x.error, (mail.error, x.error)
    arabic = f"حالة {API_AR}: انقطاع كبير"
    html = "\n".join(m.html for m in mail.mails)
    # A component without an Arabic name keeps its English one, isolated in the Arabic part.
    assert arabic in html and "حالة <bdi>Search</bdi>: أداء منخفض" in html
    assert f"حالة <bdi>{API}" not in html and f"{API}: Major outage" in html
    posts = "\n".join(p.text for p in x.posts)
    assert arabic in posts and f"حالة {API}" not in posts and f"{API}: Major outage" in posts
