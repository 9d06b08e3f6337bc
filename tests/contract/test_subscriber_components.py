"""SubscriberStore's per-component subscriptions (issue #15): who follows what, by component
id; who an update about some components mails (`audience`); a component followed by active
subscribers is not removed; imports with a components column."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText
from statusdesk.store.contracts import StoreContract
from statusdesk.store.records import ComponentFollowed
from statusdesk.store.subscribers import ImportRejected, Subscriber, UnknownComponent
from tests.contract.conftest import LATER, NOW, SOON


def component(store: StoreContract, en: str, ar: str = "") -> int:
    return store.components.add_component(BilingualText(en, ar), NOW).id


def emails(subscribers: list[Subscriber]) -> list[str]:
    return [s.email for s in subscribers]


def following(store: StoreContract, email: str) -> tuple[int, ...]:
    found = store.subscribers.get(email)
    assert found is not None
    return found.component_ids


def test_a_subscriber_follows_the_components_given_or_all(store: StoreContract) -> None:
    api, trading = component(store, "API", "الواجهة"), component(store, "Trading")
    everything = store.subscribers.add("all@example.com", "both", NOW)
    assert everything.component_ids == () and everything.all_components
    chosen = store.subscribers.add("some@example.com", "ar", NOW, [trading, api, api])
    assert chosen.component_ids == (api, trading)
    assert store.subscribers.get("SOME@example.com") == chosen
    assert store.subscribers.by_token(chosen.token) == chosen
    assert [s.component_ids for s in store.subscribers.list()] == [(), (api, trading)]
    with pytest.raises(UnknownComponent):
        store.subscribers.add("x@example.com", "en", NOW, [999])
    assert store.subscribers.get("x@example.com") is None


def test_audience_is_who_follows_one_of_the_components_or_all(store: StoreContract) -> None:
    api, trading, web = (component(store, n) for n in ("API", "Trading", "Web"))
    store.subscribers.add("api@example.com", "en", NOW, [api])
    store.subscribers.add("all@example.com", "en", NOW)
    store.subscribers.add("trading-web@example.com", "en", NOW, [trading, web])
    store.subscribers.add("gone@example.com", "en", NOW, [api])
    store.subscribers.remove("gone@example.com", SOON)
    assert emails(store.subscribers.audience([api])) == ["api@example.com", "all@example.com"]
    assert emails(store.subscribers.audience([web, trading])) == [
        "all@example.com",
        "trading-web@example.com",
    ]
    assert emails(store.subscribers.audience([api, web])) == [
        "api@example.com",
        "all@example.com",
        "trading-web@example.com",
    ]
    # An update naming no component concerns everyone.
    assert emails(store.subscribers.audience([])) == emails(store.subscribers.list())
    assert emails(store.subscribers.followers(api)) == ["api@example.com"]


def test_edit_changes_what_is_given_and_keeps_the_token(store: StoreContract) -> None:
    api, trading = component(store, "API"), component(store, "Trading")
    added = store.subscribers.add("amal@example.com", "ar", NOW, [api])
    same = store.subscribers.edit("amal@example.com", SOON)
    assert same == added  # nothing given: nothing changes, nothing logged
    moved = store.subscribers.edit("amal@example.com", SOON, component_ids=[trading])
    assert (moved.component_ids, moved.language.value, moved.token) == (
        (trading,),
        "ar",
        added.token,
    )
    relanguaged = store.subscribers.edit("amal@example.com", SOON, language="en")
    assert (relanguaged.component_ids, relanguaged.language.value) == ((trading,), "en")
    everything = store.subscribers.edit("amal@example.com", LATER, component_ids=())
    assert everything.all_components
    edits = [e for e in store.audit.events() if e["kind"] == "subscriber.edited"]
    assert len(edits) == 3 and all(added.token not in str(e) for e in edits)
    with pytest.raises(UnknownComponent):
        store.subscribers.edit("amal@example.com", LATER, component_ids=[12345])
    store.subscribers.remove("amal@example.com", LATER)
    with pytest.raises(Exception, match="unsubscribed"):
        store.subscribers.edit("amal@example.com", LATER, component_ids=[api])


def test_a_resubscription_takes_the_components_given_then(store: StoreContract) -> None:
    api = component(store, "API")
    store.subscribers.add("amal@example.com", "ar", NOW, [api])
    store.subscribers.remove("amal@example.com", SOON)
    back = store.subscribers.add("amal@example.com", "ar", LATER)
    assert back.all_components


def test_a_renamed_component_keeps_its_followers(store: StoreContract) -> None:
    api = component(store, "API")
    store.subscribers.add("amal@example.com", "ar", NOW, [api])
    store.components.edit_component(
        api,
        SOON,
        name=BilingualText("Public API", "الواجهة"),
        description=BilingualText(),
        group_id=None,
    )
    assert emails(store.subscribers.audience([api])) == ["amal@example.com"]


def test_a_component_active_subscribers_follow_is_not_removed(store: StoreContract) -> None:
    """Removing it would change what they chose without their asking: the store refuses and
    names them; once they follow something else (or unsubscribed) it goes."""
    api, trading = component(store, "API"), component(store, "Trading")
    store.subscribers.add("amal@example.com", "ar", NOW, [api])
    store.subscribers.add("sam@example.com", "en", NOW, [api, trading])
    store.subscribers.add("all@example.com", "en", NOW)
    with pytest.raises(ComponentFollowed) as refused:
        store.components.remove_component(api, SOON)
    assert refused.value.emails == ["amal@example.com", "sam@example.com"]
    assert store.components.component(api) is not None
    assert following(store, "amal@example.com") == (api,)
    store.subscribers.edit("amal@example.com", SOON, component_ids=())
    store.subscribers.remove("sam@example.com", SOON)
    store.components.remove_component(api, LATER)
    assert store.components.component(api) is None
    assert following(store, "amal@example.com") == ()
    store.subscribers.add("sam@example.com", "en", LATER)  # back, following all: no stale rows
    assert following(store, "sam@example.com") == ()


def test_an_import_takes_a_components_column_and_refuses_unknown_names(
    store: StoreContract, tmp_path: Path
) -> None:
    api, trading = component(store, "API", "الواجهة"), component(store, "Trading", "التداول")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        'email,language,components\nok@example.com,ar,"API,Trading"\n'
        "nope@example.com,en,Payments\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as rejected:
        store.subscribers.import_csv(bad, SOON)
    (line,) = rejected.value.result.invalid
    assert line.line == 3 and "'Payments' is not a component" in line.reason
    assert "API (الواجهة); Trading (التداول)" in line.reason
    assert store.subscribers.list() == []

    good = tmp_path / "good.csv"
    good.write_text(
        "\ufeffemail;components;language\n"
        "a@example.com;api;ar\n"
        'b@example.com;"الواجهة,التداول";en\n'
        "c@example.com;;both\n",
        encoding="utf-8",
    )
    assert store.subscribers.import_csv(good, SOON).counts()["added"] == 3
    assert [(s.email, s.component_ids) for s in store.subscribers.list()] == [
        ("a@example.com", (api,)),
        ("b@example.com", (api, trading)),
        ("c@example.com", ()),
    ]
    plain = tmp_path / "plain.csv"  # no header: email, language, components
    plain.write_text('d@example.com,ar,"Trading"\ne@example.com\n', encoding="utf-8")
    assert store.subscribers.import_csv(plain, LATER).counts()["added"] == 2
    assert following(store, "d@example.com") == (trading,)
    assert following(store, "e@example.com") == ()
