"""ReviewStore: updates waiting for a second pair of eyes (issue #17)."""

from __future__ import annotations

from statusdesk.store.contracts import StoreContract
from statusdesk.store.reviews import APPROVED, IN_REVIEW, RETURNED, WAIVED
from tests.contract.conftest import NOW, SOON, Backend, new_incident, published_update

SUBMISSION = {"kind": "update", "draft": {"body": {"en": "Fixed", "ar": "أُصلح"}}}


def test_a_submission_is_kept_as_submitted_and_listed_while_in_review(
    store: StoreContract,
) -> None:
    incident = new_incident(store)
    first = store.reviews.submit_review(
        incident_id=incident, submission=SUBMISSION, author="nadia", now=NOW
    )
    new = store.reviews.submit_review(
        incident_id=None, submission={"kind": "open"}, author="omar", now=SOON
    )
    kept = store.reviews.review(first)
    assert kept is not None
    assert (kept.incident_id, kept.update_id, kept.state, kept.author) == (
        incident,
        None,
        IN_REVIEW,
        "nadia",
    )
    assert kept.submission == SUBMISSION and kept.submitted_at == NOW
    assert kept.decided_at is None and kept.reviewer == ""
    assert [r.id for r in store.reviews.reviews()] == [first, new]
    assert [r.id for r in store.reviews.reviews_of(incident)] == [first]
    assert store.reviews.review(new + 100) is None
    kinds = [e["kind"] for e in store.audit.events()]
    assert kinds.count("review.submitted") == 2


def test_approving_and_returning_decide_once(store: StoreContract) -> None:
    incident = new_incident(store)
    one, two = (
        store.reviews.submit_review(
            incident_id=incident, submission=SUBMISSION, author="nadia", now=NOW
        )
        for _ in range(2)
    )
    assert store.reviews.decide_review(one, state=APPROVED, reviewer="omar", now=SOON)
    assert not store.reviews.decide_review(one, state=APPROVED, reviewer="sara", now=SOON)
    assert not store.reviews.decide_review(one, state=RETURNED, reviewer="sara", now=SOON)
    assert store.reviews.decide_review(
        two, state=RETURNED, reviewer="sara", now=SOON, comment="Say which region."
    )
    approved, returned = store.reviews.review(one), store.reviews.review(two)
    assert approved is not None and returned is not None
    assert (approved.state, approved.reviewer, approved.decided_at) == (APPROVED, "omar", SOON)
    assert (returned.state, returned.comment) == (RETURNED, "Say which region.")
    assert store.reviews.reviews() == []
    update = published_update(store, incident)
    store.reviews.link_review(one, incident_id=incident, update_id=update)
    assert store.reviews.review(one).update_id == update  # type: ignore[union-attr]
    events = [(e["kind"], e["actor"]) for e in store.audit.events() if "review" in e["kind"]]
    assert ("review.approved", "omar") in events and ("review.returned", "sara") in events


def test_a_waived_review_is_recorded_with_its_update(store: StoreContract) -> None:
    incident = new_incident(store)
    update = published_update(store, incident)
    waived = store.reviews.submit_review(
        incident_id=incident,
        submission=SUBMISSION,
        author="nadia",
        now=NOW,
        state=WAIVED,
        update_id=update,
    )
    kept = store.reviews.review(waived)
    assert kept is not None
    assert (kept.state, kept.update_id, kept.decided_at) == (WAIVED, update, NOW)
    assert store.reviews.reviews() == []
    assert [r.id for r in store.reviews.reviews((WAIVED,))] == [waived]


def test_of_two_connections_approving_at_once_one_wins(backend: Backend) -> None:
    first, second = backend.another(), backend.another()
    review = first.reviews.submit_review(
        incident_id=None, submission=SUBMISSION, author="nadia", now=NOW
    )
    with first.transaction():
        won = first.reviews.decide_review(review, state=APPROVED, reviewer="omar", now=SOON)
    lost = second.reviews.decide_review(review, state=APPROVED, reviewer="sara", now=SOON)
    assert (won, lost) == (True, False)
    assert second.reviews.review(review).reviewer == "omar"  # type: ignore[union-attr]


def test_a_decision_rolled_back_leaves_it_in_review(store: StoreContract) -> None:
    review = store.reviews.submit_review(
        incident_id=None, submission=SUBMISSION, author="nadia", now=NOW
    )
    try:
        with store.transaction():
            assert store.reviews.decide_review(review, state=APPROVED, reviewer="omar", now=SOON)
            raise RuntimeError("the publish failed")
    except RuntimeError:
        pass
    assert store.reviews.review(review).state == IN_REVIEW  # type: ignore[union-attr]
