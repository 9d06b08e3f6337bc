"""The incident every export test reads (no tests of its own), made through the real Desk: a
scheduled first update, retries, a failed delivery, a skipped channel, a missed next-update
promise, a cancelled update — on a clock the test moves, so every figure is exact.

Channels: `alpha` and `beta` are the scripted probe of tests/probe.py, registered as the kind
`scripted`; `ops-hook` is a real webhook whose every delivery a person skips.
Secrets are planted where an export could leak them: a signing secret of each in the keyring
(tests/memkeyring.py), and URLs with a token in them in the channels' settings — `beta` reports
its URL as where a post landed, as the webhook channel does.

    T0+0   09:00  incident opened; first update scheduled for 09:05
    T0+5   09:05  update 1 out: alpha sent; beta 503 (retry in 60 s); ops-hook skipped
    T0+6   09:06  beta's retry sent (2 attempts)
    T0+20  09:20  update 2 (identified): alpha sent; beta refused (failed); ops-hook skipped
                  — promise: next by 09:50
    T0+70  10:10  update 3 (monitoring): 20 min late, promise missed; all sent but ops-hook
                  a follow-up scheduled for 10:40
    T0+90  10:30  the follow-up cancelled; update 4 (resolved)
    T0+120 11:00  exported
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from statusdesk.channels.base import Permanent, Transient
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    DeliveryState,
    Draft,
    Impact,
    IncidentState,
)
from statusdesk.desk import Desk
from tests.probe import SCRIPT, register
from tests.unit.test_schedule_support import T0, FakeClock

KIND = "scripted"  # the probe, under a kind name of its own (the export shows it)
SIGNING_SECRET = "s3cr3t-SIGNING-VALUE-9f2c"
BETA_SECRET = "beta-KEYRING-VALUE-77aa"
BETA_URL = "https://hooks.example.com/services/T00/B00/tok-PATHSECRET-41"
HOOK_URL = "https://hooks.example.com/ops/tok-HOOKSECRET-13"
PLANTED = (SIGNING_SECRET, BETA_SECRET, "tok-PATHSECRET-41", "tok-HOOKSECRET-13")

TITLE = BilingualText("Elevated API errors", "ارتفاع أخطاء الواجهة البرمجية")
BODIES = {
    IncidentState.INVESTIGATING: BilingualText(
        "We are investigating failed API requests.", "نحقق في فشل طلبات الواجهة البرمجية."
    ),
    IncidentState.IDENTIFIED: BilingualText(
        "The cause is a failed database node; traffic is moving.",
        "السبب عطل في أحد خوادم قاعدة البيانات، ونعمل على نقل الحركة.",
    ),
    IncidentState.MONITORING: BilingualText(
        "A fix is deployed; error rates are back to 0.2%.",
        "تم نشر إصلاح وعادت معدلات الأخطاء إلى 0.2%.",
    ),
    IncidentState.RESOLVED: BilingualText("This incident is resolved.", "تم حل هذه المشكلة."),
}
SKIP_REASON = "The ops webhook receiver is being migrated; chat carries it."
BETA_BUSY = "beta: the server is busy (503); retrying"
BETA_REFUSED = "beta rejected the post: credentials expired — re-enter them in Channels"


def busy() -> None:
    raise Transient(BETA_BUSY, retry_after=60)


def refused() -> None:
    raise Permanent(BETA_REFUSED)


@dataclass(frozen=True)
class Story:
    incident_id: int
    update_ids: tuple[int, ...]  # the four that went out, in order
    cancelled_id: int


def _deliver(desk: Desk, update_id: int) -> None:
    """Each delivery of the update: one attempt now (scripted), ops-hook skipped by a person."""
    names = {c.id: c.name for c in desk.store.channels.channels()}
    for delivery in desk.store.deliveries.deliveries_for_update(update_id):
        if names[delivery.channel_id] == "ops-hook":
            desk.deliveries.skip_delivery(delivery.id, SKIP_REASON, by="amal")
        else:
            desk.dispatcher.attempt(delivery.id)


def tell_the_story(desk: Desk, clock: FakeClock) -> Story:
    channels = ["alpha", "beta", "ops-hook"]
    SCRIPT.sends = {"beta": [busy, lambda: None, refused]}

    def draft(state: IncidentState, components: dict[str, ComponentStatus] | None = None) -> Draft:
        return Draft(BODIES[state], state, author="test", component_status=components or {})

    opened = desk.publishing.open_incident(
        title=TITLE,
        draft=draft(IncidentState.INVESTIGATING, {"API": ComponentStatus.MAJOR_OUTAGE}),
        impact=Impact.MAJOR,
        channel_names=channels,
        scheduled_for=T0 + timedelta(minutes=5),
        dispatch=False,
    )
    incident = opened.incident_id
    clock.run(minutes=5)
    report = desk.scheduling.fire_due(dispatch=False)
    first = opened.update_id
    assert report.delivery_ids, "the scheduled first update went out"
    _deliver(desk, first)
    clock.run(minutes=1)
    beta = next(
        d
        for d in desk.store.deliveries.deliveries_for_update(first)
        if d.state is DeliveryState.RETRY_WAIT
    )
    assert desk.dispatcher.attempt(beta.id) is DeliveryState.SENT

    clock.run(minutes=14)
    second = desk.publishing.post_update(
        incident, draft(IncidentState.IDENTIFIED), channel_names=channels, dispatch=False
    ).update_id
    _deliver(desk, second)

    clock.run(minutes=50)
    third = desk.publishing.post_update(
        incident, draft(IncidentState.MONITORING), channel_names=channels, dispatch=False
    ).update_id
    _deliver(desk, third)
    follow_up = desk.publishing.post_update(
        incident,
        Draft(BilingualText("Still monitoring.", "ما زلنا نراقب."), IncidentState.MONITORING),
        channel_names=channels,
        scheduled_for=clock.now() + timedelta(minutes=30),
        dispatch=False,
    ).update_id

    clock.run(minutes=20)
    desk.scheduling.cancel_update(follow_up, by="amal")
    fourth = desk.publishing.post_update(
        incident,
        draft(IncidentState.RESOLVED, {"API": ComponentStatus.OPERATIONAL}),
        channel_names=channels,
        dispatch=False,
    ).update_id
    _deliver(desk, fourth)
    clock.run(minutes=30)
    return Story(incident, (first, second, third, fourth), follow_up)


@contextmanager
def story_desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Desk, Story]]:
    """A Desk on `home` (clock at T0) holding the story; the memory keyring must be in place."""
    register(monkeypatch, KIND)
    clock = FakeClock()
    with Desk(home, clock=clock) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        desk.channels.add_channel(KIND, "alpha", {})
        desk.channels.add_channel(KIND, "beta", {"url": BETA_URL})
        desk.channels.add_channel("webhook", "ops-hook", {"url": HOOK_URL})
        desk.channels.set_channel_secret("ops-hook", "signing_secret", SIGNING_SECRET)
        desk.channels.set_channel_secret("beta", "signing_secret", BETA_SECRET)
        story = tell_the_story(desk, clock)
        yield desk, story


EXPORTED_AT = T0 + timedelta(minutes=120)


@dataclass(frozen=True)
class Built:
    home: Path
    story: Story
    keyring: object  # the MemoryKeyring holding the planted secrets


def build(home: Path) -> Built:
    """The story in a workspace of its own, the Desk closed again (for a module-wide fixture:
    export tests only read it)."""
    import keyring.core

    from tests.memkeyring import MemoryKeyring

    backend = MemoryKeyring()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyring.core, "_keyring_backend", backend)
        with story_desk(home, patch) as (_desk, story):
            pass
    return Built(home, story, backend)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("story"))


def normalized(text: str) -> str:
    """What pdftotext gives back, comparable with the text we wrote: presentation forms folded
    (NFKC), direction marks and isolates dropped, runs of space made one."""
    import unicodedata

    marks = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
    folded = unicodedata.normalize("NFKC", text).translate(marks)
    return " ".join(folded.split())
