"""One transaction across every part: writes of several parts commit or roll back together,
and are not seen by another connection before they commit."""

from __future__ import annotations

import pytest

from statusdesk.core.model import UpdateStatus
from statusdesk.store.contracts import StoreContract
from tests.contract.conftest import NOW, Backend, new_incident, published_update, site_channel


class Boom(Exception):
    pass


def test_a_failure_rolls_back_every_parts_writes(store: StoreContract) -> None:
    incident_id = new_incident(store)
    events_before = len(store.audit.events())
    with pytest.raises(Boom), store.transaction():
        update_id = published_update(store, incident_id)
        store.deliveries.create_deliveries(update_id, [site_channel(store)], NOW)
        store.settings.set_setting("site.title_en", "half-written", NOW)
        store.drafts.save_draft(incident_id, {"body_en": "x"}, NOW)
        store.channels.add_channel(kind="webhook", name="ops", now=NOW)
        raise Boom
    assert store.incidents.updates(incident_id) == []
    assert store.deliveries.deliveries_for_incident(incident_id) == {}
    assert store.deliveries.outstanding_deliveries() == 0
    assert store.settings.setting("site.title_en") is None
    assert store.drafts.saved_drafts() == []
    assert store.channels.channel_by_name("ops") is None
    assert len(store.audit.events()) == events_before


def test_an_update_and_its_deliveries_commit_together(
    backend: Backend, store: StoreContract
) -> None:
    incident_id = new_incident(store)
    reader = backend.another()
    with store.transaction():
        update_id = published_update(store, incident_id)
        (delivery_id,) = store.deliveries.create_deliveries(update_id, [site_channel(store)], NOW)
        with store.transaction():  # a nested one joins the outer
            store.settings.set_setting("site.title_en", "Acme", NOW)
        assert reader.incidents.update(update_id) is None  # not before the commit
    update = reader.incidents.update(update_id)
    assert update is not None and update.status is UpdateStatus.PUBLISHED
    assert [d.id for d in reader.deliveries.deliveries_for_update(update_id)] == [delivery_id]
    assert reader.settings.setting("site.title_en") == "Acme"


def test_a_parts_own_transaction_joins_the_callers(store: StoreContract) -> None:
    with pytest.raises(Boom), store.transaction():
        incident_id = new_incident(store)  # create_incident opens a transaction of its own
        raise Boom
    assert store.incidents.incident(incident_id) is None
    assert store.incidents.incidents() == []
