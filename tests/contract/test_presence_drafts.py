"""Who is doing what (issue #17): PresenceStore, and two desks saving one draft (DraftStore's
revisions) — the second save sees the first and is refused, nothing overwritten."""

from __future__ import annotations

import pytest

from statusdesk.store.contracts import StoreContract
from statusdesk.store.drafts import DraftConflict
from tests.contract.conftest import LATER, NOW, SOON, Backend, new_incident


def test_a_save_based_on_an_older_revision_is_refused_and_writes_nothing(
    backend: Backend,
) -> None:
    mine, theirs = backend.another(), backend.another()
    incident_id = new_incident(mine)
    first = mine.drafts.save_draft(incident_id, {"body_ar": "أول"}, NOW, based_on=None, by="amal")
    # Both desks have read revision `first`; Nadia saves, then Amal.
    nadia = theirs.drafts.save_draft(
        incident_id, {"body_ar": "نص نادية"}, SOON, based_on=first, by="nadia"
    )
    assert nadia != first
    with pytest.raises(DraftConflict) as refused:
        mine.drafts.save_draft(incident_id, {"body_ar": "نص أمل"}, LATER, based_on=first, by="amal")
    kept = refused.value.theirs
    assert kept is not None
    assert (kept.content, kept.revision, kept.saved_by, kept.saved_at) == (
        {"body_ar": "نص نادية"},
        nadia,
        "nadia",
        SOON,
    )
    assert mine.drafts.saved_draft(incident_id) == kept  # nothing of Amal's written
    # Amal, having seen Nadia's, saves over it on purpose.
    again = mine.drafts.save_draft(
        incident_id, {"body_ar": "نص أمل"}, LATER, based_on=nadia, by="amal"
    )
    assert theirs.drafts.saved_drafts()[0].revision == again


def test_a_draft_made_meanwhile_or_dropped_meanwhile_is_a_conflict_too(
    store: StoreContract,
) -> None:
    store.drafts.save_draft(None, {"title_en": "Theirs"}, NOW, based_on=None, by="nadia")
    with pytest.raises(DraftConflict) as made:
        store.drafts.save_draft(None, {"title_en": "Mine"}, SOON, based_on=None)
    assert made.value.target is None and made.value.theirs is not None
    revision = made.value.theirs.revision
    store.drafts.drop_draft(None, based_on=revision)  # published by its desk
    with pytest.raises(DraftConflict) as dropped:
        store.drafts.save_draft(None, {"title_en": "Mine"}, SOON, based_on=revision)
    assert dropped.value.theirs is None
    # A drop based on an older revision never throws newer text away unseen.
    newer = store.drafts.save_draft(None, {"title_en": "Newer"}, LATER)
    with pytest.raises(DraftConflict):
        store.drafts.drop_draft(None, based_on=revision)
    assert store.drafts.saved_draft(None) is not None
    store.drafts.drop_draft(None, based_on=newer)
    assert store.drafts.saved_drafts() == []


def test_a_revision_is_never_repeated_after_a_drop(store: StoreContract) -> None:
    first = store.drafts.save_draft(None, {"body_en": "a"}, NOW)
    store.drafts.drop_draft(None)
    second = store.drafts.save_draft(None, {"body_en": "a"}, NOW)
    assert first != second


def test_presence_says_who_has_an_incident_open_and_what_they_edit(backend: Backend) -> None:
    one, two = backend.another(), backend.another()
    incident_id = new_incident(one)
    other = new_incident(one, "Search slow")
    one.presence.announce("desk-1", "amal", incident_id, "en", NOW)
    two.presence.announce("desk-2", "nadia", incident_id, "ar", NOW)
    two.presence.announce("desk-3", "omar", other, "", NOW)
    seen = one.presence.present(incident_id, NOW, besides="desk-1")
    assert [(p.author, p.editing, p.incident_id) for p in seen] == [("nadia", "ar", incident_id)]
    assert [p.author for p in two.presence.present(incident_id, NOW)] == ["amal", "nadia"]
    # A heartbeat keeps a desk present; one not seen since the moment asked about has faded.
    one.presence.announce("desk-1", "amal", incident_id, "", LATER, tell=False)
    assert [p.author for p in two.presence.present(incident_id, SOON)] == ["amal"]
    # Moving to another incident, and leaving.
    two.presence.announce("desk-2", "nadia", other, "", LATER)
    assert [p.author for p in one.presence.present(other, NOW)] == ["nadia", "omar"]
    two.presence.leave("desk-2")
    assert [p.author for p in one.presence.present(other, NOW)] == ["omar"]
    one.presence.forget(SOON)  # omar's desk was last seen at NOW: long gone
    assert one.presence.present(other, NOW) == []
    with pytest.raises(ValueError):
        one.presence.announce("desk-1", "amal", incident_id, "fr", LATER)
