"""The status page's fixed wording in both languages (Statuspage's own phrasing in English)."""

from __future__ import annotations

from statusdesk.channels.site.snapshot import PAST_DAYS
from statusdesk.core.component_words import STATUS_WORDS
from statusdesk.core.model import ComponentStatus, Impact, Incident, IncidentState

STATE = {
    "en": {
        "investigating": "Investigating",
        "identified": "Identified",
        "monitoring": "Monitoring",
        "resolved": "Resolved",
        "scheduled": "Scheduled",
        "in_progress": "In progress",
        "verifying": "Verifying",
        "completed": "Completed",
    },
    "ar": {
        "investigating": "قيد التحقيق",
        "identified": "تم تحديد السبب",
        "monitoring": "قيد المراقبة",
        "resolved": "تم الحل",
        "scheduled": "مجدولة",
        "in_progress": "جارية",
        "verifying": "قيد التحقق",
        "completed": "مكتملة",
    },
}
COMPONENT = STATUS_WORDS
INDICATOR = {
    "en": {
        "none": "All Systems Operational",
        "minor": "Minor Service Outage",
        "major": "Partial System Outage",
        "critical": "Major System Outage",
        "maintenance": "Service Under Maintenance",
    },
    "ar": {
        "none": "جميع الأنظمة تعمل",
        "minor": "انقطاع طفيف في الخدمة",
        "major": "انقطاع جزئي في النظام",
        "critical": "انقطاع كبير في النظام",
        "maintenance": "الخدمة قيد الصيانة",
    },
}
LABELS = {
    "en": {
        "components": "Components",
        "active": "Active incidents",
        "maintenance": "Maintenance",
        "past": f"Past incidents (last {PAST_DAYS} days)",
        "none_past": f"No incidents in the last {PAST_DAYS} days.",
        "other": "العربية",
        "updated": "Last updated",
        "all": "All incidents",
        "feed": "Atom feed",
        "started": "Started",
        "resolved": "Resolved",
        "window": "Window",
    },
    "ar": {
        "components": "المكونات",
        "active": "أعطال جارية",
        "maintenance": "الصيانة",
        "past": f"أعطال سابقة (آخر {PAST_DAYS} يومًا)",
        "none_past": f"لا أعطال في آخر {PAST_DAYS} يومًا.",
        "other": "English",
        "updated": "آخر تحديث",
        "all": "كل الأعطال",
        "feed": "خلاصة Atom",
        "started": "البداية",
        "resolved": "الحل",
        "window": "النافذة",
    },
}
_RANK = {Impact.NONE: 0, Impact.MINOR: 1, Impact.MAJOR: 2, Impact.CRITICAL: 3}
_COMPONENT_RANK = {
    ComponentStatus.OPERATIONAL: "none",
    ComponentStatus.DEGRADED_PERFORMANCE: "minor",
    ComponentStatus.PARTIAL_OUTAGE: "major",
    ComponentStatus.MAJOR_OUTAGE: "critical",
    ComponentStatus.UNDER_MAINTENANCE: "maintenance",
}


def indicator(active: list[Incident], component_statuses: list[ComponentStatus]) -> str:
    """Statuspage's overall indicator: the worst of active incident impacts and components."""
    worst = 0
    maintenance = False
    for incident in active:
        if incident.kind.value == "maintenance":
            maintenance = maintenance or incident.state is IncidentState.IN_PROGRESS
            continue
        worst = max(worst, _RANK[incident.impact])
    for status in component_statuses:
        level = _COMPONENT_RANK[status]
        if level == "maintenance":
            maintenance = True
        else:
            worst = max(worst, ["none", "minor", "major", "critical"].index(level))
    if worst == 0 and maintenance:
        return "maintenance"
    return ["none", "minor", "major", "critical"][worst]
