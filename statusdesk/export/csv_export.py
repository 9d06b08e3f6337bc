"""The timeline as CSV: one row per delivery (an update on a channel), for a spreadsheet.

UTF-8 with a byte-order mark, so spreadsheet programs that guess the encoding (Excel) show
Arabic rather than mojibake; RFC 4180 quoting with CRLF line ends. A text cell a spreadsheet
would take for a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with
an apostrophe: an update body is never run as a formula. Updates that never went out have no
deliveries, hence no rows.
"""

from __future__ import annotations

import csv
import io
from datetime import tzinfo

from statusdesk.export.model import ReviewRef, Timeline
from statusdesk.export.present import Shown

BOM = "\ufeff"
COLUMNS = (
    "incident_id",
    "update_id",
    "update_state",
    "update_published_at",
    "update_scheduled_for",
    "update_created_at",
    "author",
    "approved_by",  # the reviewer, or "waived" (issue #17); empty: published without review
    "review_seconds",
    "body_en",
    "body_ar",
    "delivery_id",
    "channel",
    "channel_kind",
    "delivery_state",
    "attempts",
    "sent_at",
    "lag_seconds",
    "remote_id",
    "remote_url",
    "errors",
    "decided_by",
    "decision_note",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA) else value


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}"


def _review_cells(review: ReviewRef | None) -> list[str]:
    if review is None:
        return ["", ""]
    who = "waived" if review.state == "waived" else text_cell(review.reviewer)
    return [who, _number(review.seconds)]


def render_csv(timeline: Timeline, zone: tzinfo) -> bytes:
    shown = Shown(zone, timeline.digits)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    incident_id = str(timeline.incident.id)
    for record in timeline.updates:
        u = record.update
        update_cells = [
            incident_id,
            str(u.id),
            u.state.value,
            shown.iso(u.published_at) or "",
            shown.iso(u.scheduled_for) or "",
            shown.iso(u.created_at) or "",
            text_cell(u.author),
            *_review_cells(record.review),
            text_cell(u.body.en),
            text_cell(u.body.ar),
        ]
        for item in record.deliveries:
            d = item.delivery
            writer.writerow(
                [
                    *update_cells,
                    str(d.id),
                    text_cell(item.channel.name),
                    item.channel.kind,
                    d.state.value,
                    str(d.attempts),
                    shown.iso(d.sent_at) or "",
                    _number(item.lag_seconds),
                    text_cell(d.remote_id),
                    text_cell(d.remote_url),
                    text_cell(" | ".join(item.errors)),
                    text_cell(d.decided_by),
                    text_cell(d.decision_note),
                ]
            )
    return buffer.getvalue().encode("utf-8")
