"""The audience never narrows by accident (issue #12 §1).

An update goes to every enabled channel unless the person leaves some out, and leaving one out
is a decision: it needs a reason, and each channel left out gets a `skipped` delivery carrying
it (delivery/outbox.py), so the timeline, `deliveries`, parity and the silence alarm show a
decision, not a "missed". Disabled channels are never "left out": nothing goes to them anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from statusdesk.core.model import Channel, Problem
from statusdesk.core.text.sanitize import clean
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery.outbox import LeftOut

FIELD = "skip_reason"  # the Problem's field: callers (the GUI, the CLI) tell this case apart


def left_out_channels(chosen: Sequence[Channel], enabled: Sequence[Channel]) -> list[Channel]:
    """The enabled channels not chosen, in the workspace's order."""
    ids = {c.id for c in chosen}
    return [c for c in enabled if c.id not in ids]


def listed(names: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(names) == 1:
        return names[0]
    return QT_TRANSLATE_NOOP("Problems", "{first} and {last}").format(
        first=", ".join(names[:-1]), last=names[-1]
    )


def left_out_problem(channels: Sequence[Channel]) -> Problem:
    said = (
        QT_TRANSLATE_NOOP(
            "Problems",
            "{names} is enabled but left out of this update, so it would say nothing: leaving a "
            "channel out is a decision — give the reason (recorded as a skipped delivery for "
            "each), or choose it too.",
        )
        if len(channels) == 1
        else QT_TRANSLATE_NOOP(
            "Problems",
            "{names} are enabled but left out of this update, so they would say nothing: leaving "
            "a channel out is a decision — give the reason (recorded as a skipped delivery for "
            "each), or choose them too.",
        )
    )
    return Problem(FIELD, said.format(names=listed([c.name for c in channels])))


def audience(
    chosen: Sequence[Channel],
    enabled: Sequence[Channel],
    reason: str | None,
    by: str,
) -> tuple[LeftOut, list[Problem]]:
    """What the chosen channels leave out and why; a problem when they leave out an enabled
    channel with no reason. `every_channel` when the choice is exactly every enabled channel
    (a scheduled update then goes to every channel enabled when it falls due)."""
    left = left_out_channels(chosen, enabled)
    if not left:
        every = {c.id for c in chosen} == {c.id for c in enabled}
        return LeftOut(every_channel=every), []
    why = clean(reason or "")
    if not why:
        return LeftOut(), [left_out_problem(left)]
    return LeftOut(tuple(c.id for c in left), why, by), []
