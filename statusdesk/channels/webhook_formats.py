"""What a webhook's `format` makes of an update (issue #15): the chat services' own shapes.

- `slack`: Slack's Block Kit — a section per language (mrkdwn, escaped), with `text` as the
  notification's fallback (what Mattermost and Rocket.Chat, which ignore blocks, show).
- `discord`: `content` when both languages fit Discord's 2,000 characters, else an embed per
  language (a description holds 4,096); mentions are never parsed (`allowed_mentions`), so an
  update that says "@everyone" pings nobody; markdown is escaped.
- `teams`: an Adaptive Card 1.4 for a Teams Workflows webhook, one container per language. The
  Arabic one reads right to left by what 1.4 has (its schema knows no `rtl`, a 1.5 property
  that Teams' Workflows card may not take): each text block aligned right and opened with a
  right-to-left mark, so a line that starts with Latin ("[Investigating] …") still reads from
  the right. tests/unit/test_webhook.py checks every card against the official schema.

Each builder takes what the channel decided: the languages in order, the state's word, and
the incident page's URL per language when the site has a public address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

DISCORD_CONTENT_MAX = 2000
DISCORD_EMBED_MAX = 4096
SLACK_SECTION_MAX = 3000

_DISCORD_MARKDOWN = re.compile(r"([\\*_~`|>#\-\[\]()])")


@dataclass(frozen=True)
class Said:
    """One language's part of an update: the title, the body and the incident page's URL."""

    lang: str
    title: str
    body: str
    url: str = ""


def slack_escape(text: str) -> str:
    # Slack's own rule: only these three are control characters in message text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def discord_escape(text: str) -> str:
    return _DISCORD_MARKDOWN.sub(r"\\\1", text)


def slack_block(state: str, said: Said) -> str:
    block = f"*[{state}] {slack_escape(said.title)}*\n{slack_escape(said.body)}"
    return block + (f"\n<{said.url}>" if said.url else "")


def slack(state: str, parts: Sequence[Said]) -> dict[str, Any]:
    blocks = [slack_block(state, said) for said in parts]
    return {
        "text": "\n\n".join(blocks),
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": block}} for block in blocks
        ],
    }


def discord(state: str, parts: Sequence[Said]) -> dict[str, Any]:
    def line(said: Said) -> str:
        text = f"**[{state}] {discord_escape(said.title)}**\n{discord_escape(said.body)}"
        return text + (f"\n<{said.url}>" if said.url else "")

    content = "\n\n".join(line(said) for said in parts)
    quiet: dict[str, Any] = {"allowed_mentions": {"parse": []}}
    if len(content) <= DISCORD_CONTENT_MAX:
        return {"content": content, **quiet}
    embeds = []
    for said in parts:
        embed: dict[str, Any] = {
            "title": f"[{state}] {said.title}"[:256],
            "description": said.body,
        }
        if said.url:
            embed["url"] = said.url
        embeds.append(embed)
    return {"embeds": embeds, **quiet}


RLM = "\u200f"  # RIGHT-TO-LEFT MARK: the paragraph's direction, for the bidi algorithm


def _text_block(text: str, rtl: bool, **style: Any) -> dict[str, Any]:
    if rtl:
        return {"type": "TextBlock", "text": RLM + text, "wrap": True, **style,
                "horizontalAlignment": "Right"}  # fmt: skip
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def teams(state: str, parts: Sequence[Said]) -> dict[str, Any]:
    containers = []
    for said in parts:
        rtl = said.lang == "ar"
        items = [
            _text_block(f"[{state}] {said.title}", rtl, weight="Bolder"),
            _text_block(said.body, rtl),
        ]
        if said.url:
            items.append(_text_block(f"[{said.url}]({said.url})", rtl))
        containers.append({"type": "Container", "items": items})
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": containers,
    }
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
        ],
    }


def too_long(fmt: str, parts: Sequence[Said]) -> list[str]:
    """What the service would refuse, said before publishing (one line per language)."""
    if fmt == "discord":
        limit, what = DISCORD_EMBED_MAX, "a Discord embed"
    elif fmt == "slack":
        limit, what = SLACK_SECTION_MAX - 200, "a Slack section"
    else:
        return []
    return [
        f"the {said.lang} text is {len(said.body):,} characters; {what} holds {limit:,}"
        for said in parts
        if len(said.body) > limit
    ]


BUILDERS: dict[str, Callable[[str, Sequence[Said]], dict[str, Any]]] = {
    "slack": slack,
    "discord": discord,
    "teams": teams,
}
