"""Keeping secrets out of an export.

Secrets live in the keyring and never in the workspace, and an export never reads the keyring.
But a channel's *settings* may hold a URL that is its own credential — a Slack or Mattermost
incoming-webhook URL is one — and a webhook delivery records that URL as where it landed; an
error may quote it too. So every text that came back from a channel passes a `Scrubber`, which
replaces each such configured URL with its scheme and host, drops user:password@ from any URL,
hides the value of any setting whose name says it is secret (settings should never hold one;
this is belt and braces), and applies statusdesk.redact (credential patterns, and any keyring
value this process holds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from statusdesk.core.model import Channel
from statusdesk.redact import redact
from statusdesk.terminal import escape

_SECRET_NAME = re.compile(r"token|secret|password|passwd|api_?key|credential", re.IGNORECASE)
_NAMES_ONLY = {"secret_keys"}  # the names of the keyring secrets a channel has: not secret
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/\s@]+@", re.IGNORECASE)
REDACTED = "[redacted]"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def url_shown(url: str) -> str | None:
    """How an export shows a configured URL: scheme and host only, when there is more to it (a
    path, a query, credentials) — None for a bare origin, which hides nothing."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    if parts.path in ("", "/") and not parts.query and not parts.fragment and "@" not in url:
        return None
    host = parts.hostname + (f":{port}" if port else "")
    return f"{parts.scheme}://{host}/…"


@dataclass(frozen=True)
class Scrubber:
    replacements: tuple[tuple[str, str], ...]  # (configured value, what is shown), longest first

    @classmethod
    def from_channels(cls, channels: Iterable[Channel]) -> Scrubber:
        found: dict[str, str] = {}
        for channel in channels:
            for name, value in channel.settings.items():
                if name in _NAMES_ONLY:
                    continue
                for text in _strings(value):
                    shown = url_shown(text)
                    if shown is not None:
                        found[text.strip()] = shown
                    elif _SECRET_NAME.search(name) and len(text) >= 4:
                        found[text] = REDACTED
        ordered = sorted(found.items(), key=lambda item: -len(item[0]))
        return cls(tuple(ordered))

    def __call__(self, text: str) -> str:
        for value, shown in self.replacements:
            if value in text:
                text = text.replace(value, shown)
        # The store redacts errors as they are written; a record from before that (or from
        # another tool) is redacted here too: the known secrets and credential patterns.
        # A server's reply may carry terminal controls (ESC sequences, C1, bidi overrides):
        # shown as escapes, so that `cat` of an export cannot drive a terminal either.
        text = escape(redact(text))
        return _USERINFO.sub(r"\g<scheme>", text) if "@" in text else text

    def optional(self, text: str | None) -> str | None:
        return self(text) if text else text

    def all(self, texts: Sequence[str]) -> tuple[str, ...]:
        return tuple(self(t) for t in texts)
