"""A person's actions on an update that has not gone out: cancel, discard, reschedule, edit.

Each is one conditional UPDATE (on the update still being `scheduled` or `stale`) in one
transaction with its event, so an action racing with the runner firing the same update either
happens before it goes out or is refused after — never both. Refusals raise `NotPending` with a
message that says what happened to the update and what can be done instead.
"""

from __future__ import annotations

from datetime import datetime

from statusdesk.core.model import BilingualText, IncidentState, Update, UpdateStatus
from statusdesk.core.timefmt import iso
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery.outbox import refresh_promise
from statusdesk.store import Store

PENDING = (UpdateStatus.SCHEDULED, UpdateStatus.STALE)


class NotPending(ValueError):
    """The update cannot take this action in its state; the message says why."""


def explain(store: Store, update_id: int, verb: str) -> str:
    """Why `verb` cannot be done to the update as it is now."""
    update = store.incidents.update(update_id)
    done = _VERBS.get(verb, verb)
    if update is None:
        return QT_TRANSLATE_NOOP(
            "Problems",
            "There is no update {id} (`statusdesk update list` shows those not yet out).",
        ).format(id=update_id)
    if update.status is UpdateStatus.PUBLISHED:
        return QT_TRANSLATE_NOOP(
            "Problems",
            "Update {id} already went out at {at}; it cannot be {done} any more. Post a "
            "correction with `statusdesk incident update {incident}`.",
        ).format(id=update_id, at=update.published_at, done=done, incident=update.incident_id)
    if update.status is UpdateStatus.CANCELLED:
        return QT_TRANSLATE_NOOP(
            "Problems", "Update {id} was already cancelled; it cannot be {done}."
        ).format(id=update_id, done=done)
    return QT_TRANSLATE_NOOP("Problems", "Update {id} is {status}; it cannot be {done}.").format(
        id=update_id, status=update.status.value, done=done
    )


# What cannot be done to an update any more, as explain() says it.
_VERBS = {
    "sent": QT_TRANSLATE_NOOP("Problems", "sent"),
    "edited": QT_TRANSLATE_NOOP("Problems", "edited"),
    "cancelled": QT_TRANSLATE_NOOP("Problems", "cancelled"),
    "discarded": QT_TRANSLATE_NOOP("Problems", "discarded"),
    "rescheduled": QT_TRANSLATE_NOOP("Problems", "rescheduled"),
}


def _found(store: Store, update_id: int) -> Update:
    update = store.incidents.update(update_id)
    assert update is not None
    return update


def cancel(store: Store, update_id: int, now: str, by: str, *, discard: bool = False) -> Update:
    """Scheduled or stale → cancelled. `discard` records it as a stale update let go."""
    verb = "discarded" if discard else "cancelled"
    with store.transaction():
        before = store.incidents.update(update_id)
        if before is None or not store.schedule.take_update(
            update_id, PENDING, UpdateStatus.CANCELLED
        ):
            raise NotPending(explain(store, update_id, verb))
        refresh_promise(store, before.incident_id)
        store.audit.log_event(
            f"update.{'discarded' if discard else 'cancelled'}",
            now,
            actor=by,
            incident_id=before.incident_id,
            update_id=update_id,
            data={"was": before.status.value, "scheduled_for": before.scheduled_for},
        )
    return _found(store, update_id)


def reschedule(store: Store, update_id: int, at: datetime, now: str, by: str) -> Update:
    """Scheduled or stale → scheduled at a new time (the caller checked it is ahead)."""
    with store.transaction():
        before = store.incidents.update(update_id)
        if before is None or not store.schedule.take_update(
            update_id, PENDING, UpdateStatus.SCHEDULED, scheduled_for=iso(at)
        ):
            raise NotPending(explain(store, update_id, "rescheduled"))
        refresh_promise(store, before.incident_id)
        store.audit.log_event(
            "update.rescheduled",
            now,
            actor=by,
            incident_id=before.incident_id,
            update_id=update_id,
            data={"was": before.status.value, "from": before.scheduled_for, "to": iso(at)},
        )
    return _found(store, update_id)


def edit(
    store: Store,
    update_id: int,
    body: BilingualText,
    state: IncidentState | None,
    now: str,
    by: str,
) -> Update:
    """New text (and state) for an update not yet out (the caller checked the text)."""
    with store.transaction():
        before = store.incidents.update(update_id)
        if before is None or not store.schedule.edit_update_text(update_id, body, state):
            raise NotPending(explain(store, update_id, "edited"))
        store.audit.log_event(
            "update.edited",
            now,
            actor=by,
            incident_id=before.incident_id,
            update_id=update_id,
            data={
                "state": (state or before.state).value,
                "changed": [
                    lang for lang in ("en", "ar") if body.get(lang) != before.body.get(lang)
                ],
            },
        )
    return _found(store, update_id)
