"""A delivery offered to a person's decision, in the words the window shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from statusdesk.core.model import Delivery
from statusdesk.gui.widgets.labels import chip_label, delivery_reason, one_line


@dataclass(frozen=True)
class DeliveryTarget:
    """A delivery offered to a person's decision (retry, skip), as the view shows it."""

    delivery: Delivery
    channel: str
    update: str  # the update's heading on its card: state · time

    @property
    def delivery_id(self) -> int:
        return self.delivery.id

    def describe(self, now: datetime) -> str:
        """One line for a chooser: channel and state, why, and which update."""
        reason = delivery_reason(self.delivery)
        why = f" — {one_line(reason, 120)}" if reason else ""
        update = QCoreApplication.translate("Targets", "update {update}").format(update=self.update)
        return f"{self.channel}: {chip_label(self.delivery, now)}{why}  ·  {update}"
