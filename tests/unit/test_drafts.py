"""Drafts kept in the workspace as they are typed (issue #8): saved, replaced, dropped, and read
back only for a new incident or an incident that still exists."""

from __future__ import annotations

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from statusdesk.store.drafts import drop_all_drafts, drop_draft, save_draft, saved_drafts


def test_a_draft_is_saved_replaced_and_dropped(desk: Desk) -> None:
    save_draft(desk.store, None, {"body_en": "first"}, "2026-11-26T10:00:00Z")
    save_draft(
        desk.store,
        None,
        {"body_en": "first, then more", "body_ar": "ثم المزيد"},
        "2026-11-26T10:00:01Z",
    )
    (draft,) = saved_drafts(desk.store)
    assert draft.target is None
    assert draft.content == {"body_en": "first, then more", "body_ar": "ثم المزيد"}
    assert draft.saved_at == "2026-11-26T10:00:01Z"
    drop_draft(desk.store, None)
    assert saved_drafts(desk.store) == []


def test_only_drafts_of_incidents_that_exist_are_read_back(desk: Desk) -> None:
    opened = desk.publishing.open_incident(
        title=BilingualText("API down", "توقف الواجهة"),
        draft=Draft(BilingualText("Down.", "متوقفة."), IncidentState.INVESTIGATING),
    )
    desk.deliveries.wait_for(opened.update_id, timeout=30)
    save_draft(desk.store, opened.incident_id, {"body_en": "kept"}, "2026-11-26T10:00:00Z")
    save_draft(desk.store, 999, {"body_en": "orphan"}, "2026-11-26T10:00:01Z")
    assert [(d.target, d.content) for d in saved_drafts(desk.store)] == [
        (opened.incident_id, {"body_en": "kept"})
    ]
    drop_all_drafts(desk.store)
    assert saved_drafts(desk.store) == []


def test_drafts_are_not_events(desk: Desk) -> None:
    before = desk.store.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]
    save_draft(desk.store, None, {"body_en": "x"}, "2026-11-26T10:00:00Z")
    assert desk.store.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0] == before
