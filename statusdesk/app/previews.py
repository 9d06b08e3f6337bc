"""What each ticked channel would send for the draft in the composer, read on a worker.

Qt-free, like compose.py: the composer hands over a `DraftSnapshot`, and this builds the
update and incident the publish would make, asks each channel to `render` them (exactly what
the dispatcher would send, ARCHITECTURE §4) and turns the parts into what the preview panel
shows — posts, each with its own counter (the channel's `budget`: X's weighted length,
Mastodon's characters, Telegram's UTF-16 units, Bluesky's graphemes), each email's subject
and HTML, a Statuspage body, a webhook's JSON, the status page's fragments. A channel that
cannot render (bad settings, an unknown kind) gives its own message instead; one channel's
failure never hides the others' previews.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import re
from collections.abc import Callable
from dataclasses import replace

from statusdesk.app.checks import DraftChecks
from statusdesk.app.compose import Composing, DraftSnapshot
from statusdesk.app.context import AppContext, current_user
from statusdesk.app.preview_records import (
    ChannelPreview,
    Mail,
    Post,
)
from statusdesk.app.views import Views
from statusdesk.channels.base import Channel, ChannelContext, ChannelError, Rendered, RenderedPart
from statusdesk.channels.posts import Budgeted
from statusdesk.channels.registry import UnknownChannelKind
from statusdesk.core.cleaning import clean_text
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Draft, Incident, Update, UpdateStatus
from statusdesk.core.text.sanitize import clean
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of

log = logging.getLogger(__name__)

MESSAGE_TYPE = "message/rfc822"  # statusdesk.channels.email.compose, not imported to start fast
RECIPIENTS_TYPE = "application/json"
# A component the draft names that does not exist yet (publishing creates it): nobody follows it,
# so only the subscribers following every component are counted for it.
NEW_COMPONENT = -1


class Previews:
    """What each ticked channel would send for the draft as it stands: the composer's preview
    column (Ctrl+P), rendered on the task runner."""

    def __init__(
        self, ctx: AppContext, checks: DraftChecks, composing: Composing, views: Views
    ) -> None:
        self.ctx = ctx
        self.checks = checks
        self.composing = composing
        self.views = views

    def render_previews(self, snapshot: DraftSnapshot) -> list[ChannelPreview]:
        """One preview per ticked channel, in the composer's order. Runs on a worker: it reads the
        workspace and renders HTML and emails."""
        if not snapshot.channels:
            return []
        incident = self._incident(snapshot)
        if isinstance(incident, str):
            return [ChannelPreview(name, "", error=incident) for name in snapshot.channels]
        now = self.ctx.now()
        update = Update(
            id=0,  # not written yet; channels read nothing of it from the workspace
            incident_id=incident.id,
            state=snapshot.state,
            # Components changed and nothing written: what goes out is the generated sentence.
            body=self.checks.with_component_text(
                Draft(
                    clean_text(snapshot.body), snapshot.state, component_status=snapshot.components
                )
            ).body,
            author=current_user(),
            created_at=now,
            status=UpdateStatus.PUBLISHED,
            published_at=now,
        )
        previews = []
        for name in snapshot.channels:
            config = self.views.channel_by_name(name)
            if config is None:
                previews.append(
                    ChannelPreview(
                        name,
                        "",
                        error=QT_TRANSLATE_NOOP(
                            "Problems", "There is no channel named {name} any more."
                        ).format(name=repr(name)),
                    )
                )
                continue
            custom = clean(snapshot.overrides.get(name, "")) or None
            previews.append(self.preview_channel(config, update, incident, custom))
        return previews

    def _incident(self, snapshot: DraftSnapshot) -> Incident | str:
        """The incident as it will be when the update goes out (its state and impact are the
        draft's by then), or why there is none."""
        if snapshot.is_new_incident:
            incident = self.composing.provisional_incident(snapshot)
        else:
            assert snapshot.incident_id is not None
            found = self.views.incident(snapshot.incident_id)
            if found is None:
                return QT_TRANSLATE_NOOP("Problems", "Incident {id} no longer exists.").format(
                    id=snapshot.incident_id
                )
            incident = found
        # The components it will name once this update goes out: its own and the draft's (the
        # email preview counts only the subscribers who follow one of them, or all).
        named = {
            component.id if component is not None else NEW_COMPONENT
            for component in map(self.ctx.store.components.component_by_name, snapshot.components)
        }
        return replace(
            incident,
            state=snapshot.state,
            impact=snapshot.impact,
            component_ids=tuple(sorted(set(incident.component_ids) | named)),
        )

    def preview_channel(
        self,
        config: ChannelConfig,
        update: Update,
        incident: Incident,
        custom: str | None = None,
    ) -> ChannelPreview:
        """`custom`: the draft's custom post text for this channel (X only), cleaned."""
        if custom is not None and config.kind != "x":
            custom = None
        if not update.body.languages() and custom is None:
            note = QT_TRANSLATE_NOOP("Problems", "Write the update to see what {name} sends.")
            return ChannelPreview(config.name, config.kind, note=note.format(name=config.name))
        try:
            channel = self.ctx.channel(config)
            if custom is not None:
                channel = with_custom_text(channel, custom)
            rendered = channel.render(update, incident)
            return _shape(config, channel, rendered, custom)
        except (ChannelError, UnknownChannelKind) as exc:
            # message_of: the channel's own words, still translatable (str() loses that)
            return ChannelPreview(config.name, config.kind, error=message_of(exc))
        except Exception as exc:  # a bug must not take the composer down with it
            log.warning("preview of %s failed", config.name, exc_info=exc)
            return ChannelPreview(
                config.name,
                config.kind,
                error=QT_TRANSLATE_NOOP("Problems", "{name}: the preview failed ({error}).").format(
                    name=config.name, error=f"{type(exc).__name__}: {exc}"
                ),
            )


def with_custom_text(channel: Channel, text: str) -> Channel:
    """The X channel as it will be once the update is published with this custom post text.

    XChannel reads an update's custom text from the workspace (`update_override`), and a draft
    has no row there yet; this one answers with the draft's text, so everything else — the
    splitting, the numbering, the errors — is the channel's own code."""
    from statusdesk.channels.x.channel import XChannel

    if not isinstance(channel, XChannel):
        return channel
    return _draft_x()(channel.config, channel.context, text)


@functools.cache
def _draft_x() -> Callable[[ChannelConfig, ChannelContext, str], Channel]:
    """Made once, on first use: importing the X channel loads its HTTP and OAuth libraries."""
    from statusdesk.channels.x.channel import XChannel

    class DraftX(XChannel):
        def __init__(self, config: ChannelConfig, context: ChannelContext, text: str) -> None:
            super().__init__(config, context)
            self.custom_text = text

        def _override(self, update: Update) -> str | None:
            return self.custom_text

    return DraftX


def _shape(
    config: ChannelConfig, channel: Channel, rendered: Rendered, custom: str | None
) -> ChannelPreview:
    name, kind = config.name, config.kind
    parts = rendered.parts
    if kind == "x":
        from statusdesk.core.text.weighted import weighted_length  # compiles regexes: not at start

        posts = tuple(Post(p.text, p.language, weighted_length(p.text)) for p in parts)
        weight = weighted_length(custom) if custom is not None else None
        return ChannelPreview(
            name, kind, posts=posts, custom=custom is not None, custom_weight=weight
        )
    if isinstance(channel, Budgeted):
        # A posting channel (Mastodon, Telegram, Bluesky, …): each post with its own count.
        return ChannelPreview(name, kind, posts=tuple(_post(channel, p) for p in parts))
    if kind == "statuspage":
        # Part 0 is the body people read; part 1 is the request's other fields, not a post.
        return ChannelPreview(name, kind, text=parts[0].text if parts else "")
    if kind == "email":
        return _email(name, kind, rendered)
    html = tuple((p.language, p.text) for p in parts if p.content_type == "text/html")
    texts = [_plain(p.text, p.content_type) for p in parts if p.content_type != "text/html"]
    return ChannelPreview(name, kind, html=html, text="\n\n".join(texts))


def _post(channel: Budgeted, part: RenderedPart) -> Post:
    """A post as its reader sees it (an HTML part's markup — Telegram's bold title — taken
    out) with the channel's own count of it."""
    budget = channel.budget(part)
    text = part.text
    if part.content_type == "text/html":
        text = html.unescape(_TAG.sub("", text))
    return Post(text, part.language, budget.used, budget.limit, budget.unit)


_TAG = re.compile(r"<[^>]*>")


def _email(name: str, kind: str, rendered: Rendered) -> ChannelPreview:
    from statusdesk.channels.email.compose import read_message

    mails = []
    recipients = 0
    for part in rendered.parts:
        if part.content_type == MESSAGE_TYPE:
            stored = read_message(part.text)
            mails.append(Mail(part.language, stored.subject, stored.html))
        elif part.content_type == RECIPIENTS_TYPE:
            recipients += len(json.loads(part.text))
    return ChannelPreview(name, kind, mails=tuple(mails), recipients=recipients)


def _plain(text: str, content_type: str) -> str:
    if content_type == "application/json":
        try:
            return json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True)
        except ValueError:
            return text
    return text
