"""Component statuses in words, in both languages, and the sentence an update that only
changes components says (issue #12 §2).

An update may change a component's status and say nothing else; every channel still needs a
body (a post, an email, a webhook with an empty text tells nobody anything), so the change is
said in a generated bilingual sentence, one line per component: "Payments API: Operational" /
"حالة Payments API: يعمل". The Arabic line opens with an Arabic word so that it reads right to
left even when the component has only a Latin name.
"""

from __future__ import annotations

from collections.abc import Sequence

from statusdesk.core.model import BilingualText, ComponentStatus

# Statuspage's own phrasing in English; the status page (channels/site) shows the same words.
STATUS_WORDS = {
    "en": {
        "operational": "Operational",
        "degraded_performance": "Degraded performance",
        "partial_outage": "Partial outage",
        "major_outage": "Major outage",
        "under_maintenance": "Under maintenance",
    },
    "ar": {
        "operational": "يعمل",
        "degraded_performance": "أداء منخفض",
        "partial_outage": "انقطاع جزئي",
        "major_outage": "انقطاع كبير",
        "under_maintenance": "قيد الصيانة",
    },
}
STATUS_OF_AR = "حالة"


def component_sentence(changes: Sequence[tuple[BilingualText, ComponentStatus]]) -> BilingualText:
    """One line per (component name, new status), in each language. A name missing in one
    language is given in the other."""
    en_lines, ar_lines = [], []
    for name, status in changes:
        name_en = name.en.strip() or name.ar.strip()
        name_ar = name.ar.strip() or name_en
        en_lines.append(f"{name_en}: {STATUS_WORDS['en'][status.value]}")
        ar_lines.append(f"{STATUS_OF_AR} {name_ar}: {STATUS_WORDS['ar'][status.value]}")
    return BilingualText("\n".join(en_lines), "\n".join(ar_lines))
