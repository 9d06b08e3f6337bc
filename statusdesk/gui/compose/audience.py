"""Leaving a channel out is a decision (issue #12 §1): the question asked at publish.

Every new draft starts with every enabled channel ticked (composer.py). When a publish (or a
schedule) leaves an enabled channel unticked, the Desk refuses it with a `skip_reason` problem
and nothing else; the main window then asks here why, over itself, with the keyboard: Enter on
a filled reason publishes (each channel left out gets a `skipped` delivery carrying it), Enter
on an empty one says a reason is needed, Esc goes back to the composer with nothing lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from statusdesk.core.model import Problem, blocking
from statusdesk.delivery.audience import FIELD
from statusdesk.gui.widgets.reason_popup import ReasonPopup

translate = QCoreApplication.translate


def listed(names: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" — in the interface's language."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return translate("LeaveOutReasonPopup", "{some} and {last}").format(
        some=", ".join(names[:-1]), last=names[-1]
    )


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
        names = list(left_out) or [translate("LeaveOutReasonPopup", "some enabled channels")]
        one = len(names) == 1
        them = listed(names)
        to = listed(list(chosen)) or translate("LeaveOutReasonPopup", "no channel")
        if one:
            intro = translate(
                "LeaveOutReasonPopup",
                "This update goes to {chosen} only: {names} is enabled and would say nothing. "
                "Leaving it out is a decision: say why. The reason is recorded as a skipped "
                "delivery for each and shown in the timeline; Esc goes back to the draft.",
            )
        else:
            intro = translate(
                "LeaveOutReasonPopup",
                "This update goes to {chosen} only: {names} are enabled and would say nothing. "
                "Leaving them out is a decision: say why. The reason is recorded as a skipped "
                "delivery for each and shown in the timeline; Esc goes back to the draft.",
            )
        if scheduled:
            answer = translate("LeaveOutReasonPopup", "Schedule without {names}")
        else:
            answer = translate("LeaveOutReasonPopup", "Publish without {names}")
        super().__init__(
            parent,
            title=translate("LeaveOutReasonPopup", "leave out {names}?").format(names=them),
            name="leave-out-reason",
            lines=(intro.format(chosen=to, names=them),),
            placeholder=translate(
                "LeaveOutReasonPopup", "e.g. X is read-only during the migration; posted by hand"
            ),
            accessible_name=translate(
                "LeaveOutReasonPopup", "Reason for leaving out {names}"
            ).format(names=them),
            answer=answer.format(names=them),
            back=translate("LeaveOutReasonPopup", "Back to the draft"),
            missing=translate(
                "LeaveOutReasonPopup",
                "A reason is needed: it is what the timeline will show for the silence of "
                "{names}. Esc goes back to the draft.",
            ).format(names=them),
            width=560,
        )
        self.setObjectName("leave-out-reason-popup")
        self.left_out = names
