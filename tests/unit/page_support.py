"""A realistic public status page (no tests of its own), made through the real Desk: the page's
logo, company link, email sign-up and zone set; a public `base_url`; an open incident with its
impact, components and next-update promise, backdated; a scheduled maintenance with its window;
a resolved incident with a bilingual postmortem; Arabic-Indic digits on the Arabic page.
tests/unit/test_page_reader.py reads what it shows, tests/unit/test_page_validators.py runs
the HTML and Atom validators over every file of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.core.timefmt import iso
from statusdesk.desk import Desk

BASE_URL = "https://status.example.com"
LOGO_EN = "https://cdn.example.com/logo-en.svg"
LOGO_AR = "https://cdn.example.com/logo-ar.svg"
HOME_URL = "https://www.example.com/"
SUBSCRIBE_URL = "mailto:status@example.com"
ZONE = "Asia/Riyadh"

PM_EN = "What happened: a failed database node.\n\nWhat we changed: automatic failover."
PM_AR = "ما حدث: تعطل أحد خوادم قاعدة البيانات.\n\nما غيّرناه: التحويل التلقائي."


@dataclass(frozen=True)
class Page:
    site: Path
    active: int  # open, backdated by 40 minutes, Major, API and Database affected
    maintenance: int  # scheduled, with a window tomorrow
    resolved: int  # resolved, with a postmortem
    began: str  # the active incident's real start (UTC ISO)


def wait_sent(desk: Desk, update_id: int) -> None:
    for delivery in desk.deliveries.wait_for(update_id, timeout=30):
        assert delivery.state == "sent", delivery.last_error


def build_page(desk: Desk) -> Page:
    settings = desk.settings
    for key, value in (
        ("site.logo_en", LOGO_EN),
        ("site.logo_ar", LOGO_AR),
        ("site.home_url", HOME_URL),
        ("site.subscribe_url", SUBSCRIBE_URL),
        ("site.timezone", ZONE),
        ("display.digits", "arab"),
    ):
        settings.set_workspace_setting(key, value)
    desk.channels.edit_channel("site", {"base_url": BASE_URL})

    resolved = desk.publishing.open_incident(
        title=BilingualText("Login failures", "تعذر تسجيل الدخول"),
        draft=Draft(
            BilingualText("We are investigating login failures.", "نحقق في تعذر تسجيل الدخول."),
            IncidentState.INVESTIGATING,
            Impact.MINOR,
            {"Login": ComponentStatus.DEGRADED_PERFORMANCE},
        ),
    )
    wait_sent(desk, resolved.update_id)
    done = desk.publishing.post_update(
        resolved.incident_id,
        Draft(BilingualText("Fixed.", "تم الإصلاح."), IncidentState.RESOLVED),
    )
    wait_sent(desk, done.update_id)
    desk.postmortems.publish(resolved.incident_id, BilingualText(PM_EN, PM_AR), by="amal")

    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    maintenance = desk.publishing.open_incident(
        title=BilingualText("Database upgrade", "ترقية قاعدة البيانات"),
        draft=Draft(
            BilingualText("We will upgrade the database.", "سنرقي قاعدة البيانات."),
            IncidentState.SCHEDULED,
        ),
        kind=IncidentKind.MAINTENANCE,
        window_start=iso(start),
        window_end=iso(start + timedelta(hours=2)),
    )
    wait_sent(desk, maintenance.update_id)

    began = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=40)
    active = desk.publishing.open_incident(
        title=BilingualText("API outage", "تعطل الواجهة البرمجية"),
        draft=Draft(
            BilingualText(
                "The API fails since 14:30 UTC.", "الواجهة البرمجية متوقفة منذ 14:30 UTC."
            ),
            IncidentState.INVESTIGATING,
            Impact.MAJOR,
            {"API": ComponentStatus.MAJOR_OUTAGE, "Database": ComponentStatus.PARTIAL_OUTAGE},
        ),
        started_at=began,
    )
    wait_sent(desk, active.update_id)
    return Page(
        desk.paths.site,
        active.incident_id,
        maintenance.incident_id,
        resolved.incident_id,
        iso(began),
    )


def every_page(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
