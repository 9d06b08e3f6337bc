"""Rows to domain values and back. Kept apart so queries read as queries."""

from __future__ import annotations

import json
from typing import Any

from statusdesk.core.model import (
    BilingualText,
    Channel,
    Component,
    ComponentGroup,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Language,
    Order,
    Postmortem,
    Update,
    UpdateStatus,
)

Row = dict[str, Any]


def incident_from_row(row: Row, component_ids: tuple[int, ...] = ()) -> Incident:
    return Incident(
        id=row["id"],
        title=BilingualText(row["title_en"], row["title_ar"]),
        kind=IncidentKind(row["kind"]),
        state=IncidentState(row["state"]),
        impact=Impact(row["impact"]),
        started_at=row["started_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        resolved_at=row["resolved_at"],
        next_update_due=row["next_update_due"],
        cadence_min=row["cadence_min"],
        window_start=row["window_start"],
        window_end=row["window_end"],
        component_ids=component_ids,
    )


def update_from_row(row: Row) -> Update:
    return Update(
        id=row["id"],
        incident_id=row["incident_id"],
        state=IncidentState(row["state"]),
        body=BilingualText(row["body_en"], row["body_ar"]),
        author=row["author"],
        created_at=row["created_at"],
        status=UpdateStatus(row["status"]),
        scheduled_for=row["scheduled_for"],
        published_at=row["published_at"],
    )


def postmortem_from_row(row: Row) -> Postmortem:
    return Postmortem(
        incident_id=row["incident_id"],
        body=BilingualText(row["body_en"], row["body_ar"]),
        author=row["author"],
        published_at=row["published_at"],
        updated_at=row["updated_at"],
    )


def component_from_row(row: Row) -> Component:
    return Component(
        id=row["id"],
        name=BilingualText(row["name_en"], row["name_ar"]),
        status=ComponentStatus(row["status"]),
        position=row["position"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        group_id=row.get("group_id"),
        description=BilingualText(row.get("description_en") or "", row.get("description_ar") or ""),
    )


def group_from_row(row: Row) -> ComponentGroup:
    return ComponentGroup(
        id=row["id"],
        name=BilingualText(row["name_en"], row["name_ar"]),
        position=row["position"],
        created_at=row["created_at"],
    )


def channel_from_row(row: Row) -> Channel:
    return Channel(
        id=row["id"],
        kind=row["kind"],
        # A removed channel's own name (its `name` is a tombstone that frees the name).
        name=row.get("removed_name") or row["name"],
        enabled=bool(row["enabled"]),
        language=Language(row["language"]),
        order=Order(row["order"]),
        settings=json.loads(row["settings"] or "{}"),
        removed_at=row.get("removed_at"),
    )


def delivery_from_row(row: Row) -> Delivery:
    return Delivery(
        id=row["id"],
        update_id=row["update_id"],
        channel_id=row["channel_id"],
        state=DeliveryState(row["state"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        idempotency_key=row["idempotency_key"],
        remote_id=row["remote_id"],
        remote_url=row["remote_url"],
        last_error=row["last_error"],
        sent_at=row["sent_at"],
        decided_by=row["decided_by"],
        decision_note=row["decision_note"],
        owner=row.get("owner"),
    )
