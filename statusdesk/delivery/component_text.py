"""An update that only changes components (issue #12 §2): allowed, and said in words.

A communicator who only flips "Payments API" back to operational should not have to type a
sentence for it, and no channel should receive an empty body: when neither language has text
and the draft changes at least one component's status, the body becomes the generated sentence
of core/component_words.py. A draft with neither text nor a change stays as it is (validation
refuses it: there is nothing to say).
"""

from __future__ import annotations

from dataclasses import replace

from statusdesk.core.component_words import component_sentence
from statusdesk.core.model import BilingualText, ComponentStatus, Draft
from statusdesk.store import Store


def component_changes_of(store: Store, draft: Draft) -> list[tuple[BilingualText, ComponentStatus]]:
    """The draft's component statuses that differ from the workspace's now, with each
    component's names (a component not created yet starts operational)."""
    changes = []
    for name, status in draft.component_status.items():
        known = store.components.component_by_name(name)
        current = known.status if known is not None else ComponentStatus.OPERATIONAL
        if status is not current:
            changes.append((known.name if known is not None else BilingualText(name, ""), status))
    return changes


def with_component_text(store: Store, draft: Draft) -> Draft:
    """The draft, its empty body replaced by the sentence saying its component changes."""
    if draft.body.languages() or not draft.component_status:
        return draft
    changes = component_changes_of(store, draft)
    if not changes:
        return draft
    return replace(draft, body=component_sentence(changes))
