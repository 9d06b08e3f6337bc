"""Drafts kept in the workspace as they are typed (issue #8): saved, replaced, dropped, and read
back only for a new incident or an incident that still exists."""

from __future__ import annotations

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk


def test_a_draft_is_saved_replaced_and_dropped(desk: Desk) -> None:
    desk.store.drafts.save_draft(None, {"body_en": "first"}, "2026-11-26T10:00:00Z")
    desk.store.drafts.save_draft(
        None,
        {"body_en": "first, then more", "body_ar": "ثم المزيد"},
        "2026-11-26T10:00:01Z",
    )
    (draft,) = desk.store.drafts.saved_drafts()
    assert draft.target is None
    assert draft.content == {"body_en": "first, then more", "body_ar": "ثم المزيد"}
    assert draft.saved_at == "2026-11-26T10:00:01Z"
    desk.store.drafts.drop_draft(None)
    assert desk.store.drafts.saved_drafts() == []


def test_only_drafts_of_incidents_that_exist_are_read_back(desk: Desk) -> None:
    opened = desk.publishing.open_incident(
        title=BilingualText("API down", "توقف الواجهة"),
        draft=Draft(BilingualText("Down.", "متوقفة."), IncidentState.INVESTIGATING),
    )
    desk.deliveries.wait_for(opened.update_id, timeout=30)
    desk.store.drafts.save_draft(opened.incident_id, {"body_en": "kept"}, "2026-11-26T10:00:00Z")
    desk.store.drafts.save_draft(999, {"body_en": "orphan"}, "2026-11-26T10:00:01Z")
    assert [(d.target, d.content) for d in desk.store.drafts.saved_drafts()] == [
        (opened.incident_id, {"body_en": "kept"})
    ]
    desk.store.drafts.drop_all_drafts()
    assert desk.store.drafts.saved_drafts() == []


def test_drafts_are_not_events(desk: Desk) -> None:
    before = desk.store.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]
    desk.store.drafts.save_draft(None, {"body_en": "x"}, "2026-11-26T10:00:00Z")
    assert desk.store.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0] == before
