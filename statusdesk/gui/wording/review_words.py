"""What the desk says about an update for review (issue #17): that it was submitted and who
approves it, and each review's lines in the Waiting for review window. A review's submission
is the JSON app/review.py keeps; these only read it."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from statusdesk.core.model import IncidentState
from statusdesk.core.timefmt import parse_iso
from statusdesk.delivery.outbox import Published
from statusdesk.gui.i18n import left_to_right_run
from statusdesk.gui.keys.actions import shown_key
from statusdesk.gui.widgets.labels import person, state_label
from statusdesk.scheduling.when import display, local_zone
from statusdesk.store.reviews import Review

translate = QCoreApplication.translate


def when(at: str, zone: tzinfo | None = None) -> str:
    """A stored time as every time is shown: local and UTC side by side."""
    return str(display(parse_iso(at), zone or local_zone()))


def scheduled_for(review: Review) -> str | None:
    found = review.submission.get("scheduled_for")
    return str(found) if found else None


def _state(review: Review) -> str:
    value = str(review.submission.get("draft", {}).get("state", ""))
    try:
        return state_label(IncidentState(value))
    except ValueError:
        return value


def submitted_words(review: Review, kept: bool) -> str:
    """The status line after Ctrl+Return (or the schedule key) while review is on."""
    at = scheduled_for(review)
    if at:
        said = translate(
            "ReviewWords",
            "Submitted for review as #{id} (in_review): nothing was sent. Once another person "
            "approves it ({approve} in {reviews}) it goes out at {when}.",
        )
    else:
        said = translate(
            "ReviewWords",
            "Submitted for review as #{id} (in_review): nothing was sent. Another person "
            "publishes it with {approve} in {reviews}.",
        )
    said = said.format(
        id=review.id,
        approve=shown_key("approve-review"),
        reviews=shown_key("reviews"),
        when=when(at) if at else "",
    )
    if kept:
        said += translate("ReviewWords", " (your newer edits stay in the composer)")
    return said


def heading(review: Review) -> str:
    """One row of the list: which review, of what, by whom, when."""
    data = review.submission
    title = data.get("title") or {}
    if review.incident_id is None:
        what = translate("ReviewWords", "new incident: {title}").format(
            title=title.get("en") or title.get("ar") or ""
        )
    else:
        what = translate("ReviewWords", "update on #{incident}").format(incident=review.incident_id)
    return translate("ReviewWords", "#{id} · {what} · by {author} · {when}").format(
        id=review.id,
        what=what,
        author=person(review.author) or "-",
        when=when(review.submitted_at),
    )


def facts(review: Review) -> list[str]:
    """The detail's lines above the two texts: who, when, the channels, when it goes out."""
    data = review.submission
    channels = ", ".join(left_to_right_run(str(c)) for c in data.get("channels", []))
    at = scheduled_for(review)
    lines = [
        translate("ReviewWords", "Written by {author}, submitted {when}").format(
            author=person(review.author) or "-", when=when(review.submitted_at)
        ),
        translate("ReviewWords", "Channels: {channels}").format(channels=channels or "-"),
        translate("ReviewWords", "State: {state}").format(state=_state(review)),
    ]
    if at:
        lines.append(
            translate(
                "ReviewWords",
                "Scheduled: approved, it goes out at {when} (at once if that time has passed)",
            ).format(when=when(at))
        )
    else:
        lines.append(translate("ReviewWords", "Approved, it goes out at once."))
    skip = data.get("skip_reason")
    if skip:
        lines.append(translate("ReviewWords", "Channels left out: {reason}").format(reason=skip))
    return lines


def texts(review: Review) -> tuple[str, str]:
    """The English and the Arabic as submitted (a new incident's titles first)."""
    data = review.submission
    body = data.get("draft", {}).get("body", {})
    title = data.get("title") or {}
    english, arabic = str(body.get("en", "")), str(body.get("ar", ""))
    if title:
        english = f"{title.get('en', '')}\n\n{english}".strip()
        arabic = f"{title.get('ar', '')}\n\n{arabic}".strip()
    return english, arabic


def approved_words(review: Review, published: Published, late: bool) -> str:
    """The status line once an approval is stored."""
    if published.scheduled_for:
        return translate(
            "ReviewWords", "Approved #{id}: update {update} on #{incident} goes out at {when}."
        ).format(
            id=review.id,
            update=published.update_id,
            incident=published.incident_id,
            when=when(published.scheduled_for),
        )
    if late:
        said = translate(
            "ReviewWords",
            "Approved #{id}: its time passed while it waited for review, so update {update} "
            "on #{incident} was published now.",
        )
    else:
        said = translate("ReviewWords", "Approved #{id}: update {update} on #{incident} published.")
    return said.format(id=review.id, update=published.update_id, incident=published.incident_id)


def own_words(review: Review) -> str:
    return translate(
        "ReviewWords",
        "You wrote #{id} ({author}): another person must approve it. You may return it to "
        "withdraw it.",
    ).format(id=review.id, author=person(review.author) or "-")
