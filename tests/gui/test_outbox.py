"""The app works the outbox too: what another process recorded, or left half-sent when it
died, goes out while the window is up; and a new update adds its card without rebuilding the
others (which stalled the event loop on long incidents)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, DeliveryState, Draft, IncidentState
from statusdesk.desk import Desk
from tests.gui.conftest import WindowFactory
from tests.gui.test_deliveries import SCRIPT, probe_workspace


@pytest.fixture
def incident(home: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """An incident whose first update went out to one probe channel, alpha."""
    return probe_workspace(home, monkeypatch, ["alpha"])


def _draft(en: str, ar: str) -> Draft:
    return Draft(BilingualText(en, ar), IncidentState.IDENTIFIED, author="t")


def test_the_app_sends_what_another_process_recorded(
    qtbot, home: Path, incident: int, launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    with Desk(home) as other:  # e.g. `statusdesk incident update --no-wait`
        published = other.publishing.post_update(
            incident, _draft("Identified.", "حددنا السبب."), dispatch=False
        )
    (delivery_id,) = published.delivery_ids

    def sent() -> bool:
        with Desk(home) as reader:
            delivery = reader.store.deliveries.delivery(delivery_id)
        return delivery is not None and delivery.state is DeliveryState.SENT

    qtbot.waitUntil(sent, timeout=10_000)
    qtbot.waitUntil(lambda: len(window.view.cards()) == 2, timeout=10_000)
    assert window.isVisible()


def test_a_delivery_left_sending_by_a_dead_process_is_reconciled_at_launch(
    qtbot, home: Path, incident: int, launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    import socket

    with Desk(home) as other:
        published = other.publishing.post_update(
            incident, _draft("Identified.", "حددنا السبب."), dispatch=False
        )
        (delivery_id,) = published.delivery_ids
        owner = f"{socket.gethostname()}:{dead.stdout.strip()}:gone"
        assert other.store.ledger.claim_delivery(
            delivery_id, owner, "2999-01-01T00:00:00Z", other.now()
        )  # it died mid-attempt, its lease far from over
    SCRIPT.sends.clear()
    launch()

    def settled() -> DeliveryState | None:
        with Desk(home) as reader:
            delivery = reader.store.deliveries.delivery(delivery_id)
        return delivery.state if delivery else None

    # unknown → reconciled (the probe cannot find it: "not landed") → resent, same key → sent
    qtbot.waitUntil(lambda: settled() is DeliveryState.SENT, timeout=15_000)
    with Desk(home) as reader:
        delivery = reader.store.deliveries.delivery(delivery_id)
        kinds = [e["kind"] for e in reader.store.audit.events() if e["delivery_id"] == delivery_id]
    assert delivery is not None and delivery.attempts == 2
    assert kinds.index("delivery.abandoned") < kinds.index("delivery.sent")


def test_a_new_update_keeps_the_cards_already_shown(
    qtbot, home: Path, incident: int, launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    qtbot.waitUntil(lambda: len(window.view.cards()) == 1)
    (first_card,) = window.view.cards()
    with Desk(home) as other:
        other.publishing.post_update(
            incident, _draft("Identified.", "حددنا السبب."), dispatch=False
        )
    qtbot.waitUntil(lambda: len(window.view.cards()) == 2, timeout=10_000)
    newest, oldest = window.view.cards()
    assert oldest is first_card  # kept, not rebuilt
    assert newest.body_en.text() == "Identified."
    assert window.view.shown_update_ids() == sorted(window.view.shown_update_ids(), reverse=True)
