"""SubscriberStore and DraftStore."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.core.model import Language
from statusdesk.store.contracts import StoreContract
from statusdesk.store.subscribers import ImportRejected, SubscriberError
from tests.contract.conftest import LATER, NOW, SOON, new_incident


def test_an_address_is_subscribed_once(store: StoreContract) -> None:
    added = store.subscribers.add("Amal@Example.COM", "ar", NOW)
    assert (added.email, added.language, added.active) == ("Amal@example.com", Language.AR, True)
    with pytest.raises(SubscriberError, match="already subscribed"):
        store.subscribers.add("amal@example.com", Language.EN, SOON)
    assert store.subscribers.get("AMAL@example.com") == added
    assert store.subscribers.by_token(added.token) == added
    assert store.subscribers.count_active() == 1


def test_unsubscribing_is_kept_and_a_new_subscription_gets_a_new_token(
    store: StoreContract,
) -> None:
    added = store.subscribers.add("amal@example.com", "ar", NOW)
    assert store.subscribers.unsubscribe_token("nobody-holds-this", SOON) is None
    left = store.subscribers.unsubscribe_token(added.token, SOON)
    assert left is not None and left.unsubscribed_at == SOON
    assert store.subscribers.list() == []
    assert store.subscribers.list(active_only=False) == [left]
    back = store.subscribers.add("amal@example.com", "both", LATER)
    assert back.active and back.token != added.token and back.language is Language.BOTH
    removed = store.subscribers.remove("amal@example.com", LATER)
    assert not removed.active
    with pytest.raises(SubscriberError, match="not a subscriber"):
        store.subscribers.remove("nobody@example.com", LATER)
    kinds = [e["kind"] for e in store.audit.events() if e["kind"].startswith("subscriber.")]
    assert kinds == [
        "subscriber.added",
        "subscriber.unsubscribed",
        "subscriber.resubscribed",
        "subscriber.unsubscribed",
    ]


def test_an_import_is_all_or_nothing_and_skips_who_is_on_file(
    store: StoreContract, tmp_path: Path
) -> None:
    store.subscribers.add("gone@example.com", "en", NOW)
    store.subscribers.remove("gone@example.com", NOW)
    bad = tmp_path / "bad.csv"
    bad.write_text("email,language\nok@example.com,en\nnot an address,en\n", encoding="utf-8")
    with pytest.raises(ImportRejected):
        store.subscribers.import_csv(bad, SOON)
    assert store.subscribers.get("ok@example.com") is None
    good = tmp_path / "good.csv"
    good.write_text(
        "email,language\nok@example.com,ar\ngone@example.com,en\nOK@example.com,en\n",
        encoding="utf-8",
    )
    result = store.subscribers.import_csv(good, SOON)
    assert result.counts() == {"added": 1, "skipped": 2, "invalid": 0}
    assert [s.email for s in store.subscribers.list()] == ["ok@example.com"]
    assert store.subscribers.import_csv(good, LATER).counts()["added"] == 0


def test_drafts_round_trip_one_per_target(store: StoreContract) -> None:
    incident_id = new_incident(store)
    store.drafts.save_draft(None, {"body_en": "first", "body_ar": "أول"}, NOW)
    store.drafts.save_draft(incident_id, {"body_en": "update"}, SOON)
    store.drafts.save_draft(None, {"body_en": "second"}, LATER)
    drafts = store.drafts.saved_drafts()
    assert [(d.target, d.content, d.saved_at) for d in drafts] == [
        (incident_id, {"body_en": "update"}, SOON),
        (None, {"body_en": "second"}, LATER),
    ]
    store.drafts.drop_draft(incident_id)
    assert [d.target for d in store.drafts.saved_drafts()] == [None]
    store.drafts.drop_all_drafts()
    assert store.drafts.saved_drafts() == []


def test_a_draft_of_an_incident_that_does_not_exist_is_not_shown(store: StoreContract) -> None:
    store.drafts.save_draft(999, {"body_en": "orphan"}, NOW)
    assert store.drafts.saved_drafts() == []
