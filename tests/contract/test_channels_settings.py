"""ChannelStore and SettingStore."""

from __future__ import annotations

from statusdesk.core.model import BilingualText, IncidentState, Language, Order
from statusdesk.store.contracts import StoreContract
from tests.contract.conftest import LATER, NOW, new_incident, site_channel


def test_a_channel_reads_back_as_added(store: StoreContract) -> None:
    hook = store.channels.add_channel(
        kind="webhook",
        name="ops",
        now=NOW,
        language=Language.AR,
        order=Order.AR_FIRST,
        settings={"url": "https://hooks.example/x"},
    )
    channel = store.channels.channel(hook)
    assert channel is not None
    assert (channel.kind, channel.name, channel.language, channel.order, channel.enabled) == (
        "webhook",
        "ops",
        Language.AR,
        Order.AR_FIRST,
        True,
    )
    assert channel.settings == {"url": "https://hooks.example/x"}
    assert store.channels.channel_by_name("ops") == channel
    assert [c.name for c in store.channels.channels()] == ["site", "ops"]


def test_disabled_channels_and_changed_settings(store: StoreContract) -> None:
    hook = store.channels.add_channel(kind="webhook", name="ops", now=NOW)
    store.channels.set_channel_enabled(hook, False, NOW, "nadia")
    assert [c.id for c in store.channels.channels(enabled_only=True)] == [site_channel(store)]
    store.channels.set_channel_settings(hook, {"url": "https://b.example"}, NOW)
    store.channels.edit_channel(
        hook,
        language=Language.EN,
        order=Order.EN_FIRST,
        settings={"url": "https://c.example"},
        changed=["url"],
        now=LATER,
    )
    channel = store.channels.channel(hook)
    assert channel is not None
    assert (channel.language, channel.settings) == (Language.EN, {"url": "https://c.example"})
    kinds = [e["kind"] for e in store.audit.events() if e["channel_id"] == hook]
    assert kinds == ["channel.added", "channel.disabled", "channel.settings", "channel.edited"]


def test_a_removed_channel_frees_its_name_and_leaves_scheduled_updates(
    store: StoreContract,
) -> None:
    hook = store.channels.add_channel(kind="webhook", name="ops", now=NOW)
    planned = store.schedule.add_scheduled_update(
        incident_id=new_incident(store),
        state=IncidentState.MONITORING,
        body=BilingualText("later", "لاحقا"),
        author="nadia",
        now=NOW,
        scheduled_for=LATER,
        channel_ids=[site_channel(store), hook],
    )
    assert store.channels.remove_channel(hook, LATER, "nadia") == [planned]
    assert store.channels.channel_by_name("ops") is None
    assert [c.name for c in store.channels.channels()] == ["site"]
    removed = store.channels.channel(hook)
    assert removed is not None
    assert (removed.name, removed.removed_at, removed.enabled) == ("ops", LATER, False)
    assert hook in [c.id for c in store.channels.channels(include_removed=True)]
    plan = store.schedule.update_plan(planned)
    assert plan is not None and plan.channel_ids == (site_channel(store),)
    again = store.channels.add_channel(kind="webhook", name="ops", now=LATER)
    assert again != hook


def test_settings_round_trip_and_are_recorded(store: StoreContract) -> None:
    assert store.settings.setting("site.title_en") is None
    store.settings.set_setting("site.title_en", "Acme status", NOW, "nadia")
    assert store.settings.setting("site.title_en") == "Acme status"
    store.settings.set_setting("site.title_en", "حالة أكمي", NOW)
    assert store.settings.setting("site.title_en") == "حالة أكمي"
    store.settings.set_setting("ui.theme", "dark", NOW)
    # The app's first read takes them all at once (app/startup.py).
    assert store.settings.kept_settings() == {"site.title_en": "حالة أكمي", "ui.theme": "dark"}
    store.settings.set_setting("site.title_en", None, LATER)
    assert store.settings.setting("site.title_en") is None
    assert store.settings.kept_settings() == {"ui.theme": "dark"}
    changes = [e for e in store.audit.events() if e["kind"] == "setting.changed"]
    assert [e["actor"] for e in changes] == ["nadia", "", "", ""]
