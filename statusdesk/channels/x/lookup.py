"""What the X channel reads from the workspace, each through its own short-lived connection
(`ChannelContext.open_store()`): an update's custom post text for this channel, and, when
reconciling, the parts a delivery sent (its kept `rendered`) and when it was made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from statusdesk.channels.base import Rendered

if TYPE_CHECKING:
    from statusdesk.store import Store


@dataclass(frozen=True)
class Sent:
    rendered: Rendered | None  # None when no attempt rendered it yet
    created_at: str  # when the delivery was made (the update was published)


def override_text(open_store: Callable[[], Store], update_id: int, channel_id: int) -> str | None:
    store = open_store()
    try:
        return store.deliveries.update_override(update_id, channel_id)
    finally:
        store.close()


def delivery_by_key(open_store: Callable[[], Store], key: str) -> Sent | None:
    store = open_store()
    try:
        found = store.ledger.kept_render_by_key(key)
    finally:
        store.close()
    if found is None:
        return None
    kept, created_at = found
    return Sent(Rendered.from_json(kept) if kept else None, created_at)
