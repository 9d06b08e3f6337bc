"""Leaving a channel out is a decision (issue #12 §1): the question asked at publish.

Every new draft starts with every enabled channel ticked (composer.py). When a publish (or a
schedule) leaves an enabled channel unticked, the Desk refuses it with a `skip_reason` problem
and nothing else; the main window then asks here why, over itself, with the keyboard: Enter on
a filled reason publishes (each channel left out gets a `skipped` delivery carrying it), Enter
on an empty one says a reason is needed, Esc goes back to the composer with nothing lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from statusdesk.core.model import Problem, blocking
from statusdesk.delivery.audience import FIELD, listed
from statusdesk.gui.widgets.reason_popup import ReasonPopup


def only_the_reason_is_missing(problems: Sequence[Problem]) -> bool:
    """The publish was refused for nothing but channels left out without a reason: ask for it
    (any other problem is shown in the composer first, as always)."""
    errors = blocking(list(problems))
    return bool(errors) and all(p.field == FIELD for p in errors)


class LeaveOutReasonPopup(ReasonPopup):
    """Why do these enabled channels get nothing from this update?"""

    def __init__(
        self,
        parent: QWidget,
        chosen: Sequence[str],
        left_out: Sequence[str],
        *,
        scheduled: bool = False,
    ) -> None:
        names = list(left_out) or ["some enabled channels"]
        one = len(names) == 1
        super().__init__(
            parent,
            title=f"leave out {listed(names)}?",
            name="leave-out-reason",
            lines=(
                f"This update goes to {listed(list(chosen)) or 'no channel'} only: "
                f"{listed(names)} {'is' if one else 'are'} enabled and would say nothing. "
                f"Leaving {'it' if one else 'them'} out is a decision: say why. The reason is "
                "recorded as a skipped delivery for each and shown in the timeline; Esc goes "
                "back to the draft.",
            ),
            placeholder="e.g. X is read-only during the migration; posted by hand",
            accessible_name=f"Reason for leaving out {listed(names)}",
            answer=f"{'Schedule' if scheduled else 'Publish'} without {listed(names)}",
            back="Back to the draft",
            missing=f"A reason is needed: it is what the timeline will show for the silence of "
            f"{listed(names)}. Esc goes back to the draft.",
            width=560,
        )
        self.setObjectName("leave-out-reason-popup")
        self.left_out = names
