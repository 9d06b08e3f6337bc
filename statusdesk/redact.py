"""No secret in a log line, a crash report or an error shown on screen.

Two nets, because neither catches everything alone:

- every secret value this process has read from or written to the keyring (secrets.py calls
  `remember`) is replaced wherever it appears, in its plain, URL-encoded and escaped forms —
  a channel error that echoes a token back, a traceback whose message quotes it;
- patterns catch credentials this process never held as such: Authorization/Bearer/OAuth
  header values, OAuth 1.0a parameters, `password=`/`token=`-style fields and the userinfo of
  a URL (`https://user:pw@host`).

`RedactingFilter` applies both to every record a logging handler writes; the store applies
`redact` to every error and event it writes (text from outside enters there), the CLI to
everything it prints, and an export to every text that came back from a channel.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, quote_plus

REDACTED = "[redacted]"
# Shorter values would blank out ordinary words and digits all over a log; no channel's token,
# password or signing key is that short.
MIN_LENGTH = 4

_lock = threading.Lock()
_known: re.Pattern[str] | None = None  # replaced whole under the lock: readers need none
_values: set[str] = set()

_SCHEMES = "bearer|oauth|basic|digest|token|negotiate"
_PATTERNS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # `Authorization: Bearer x`, `'Authorization': 'OAuth x'` (a headers dict), X-Cachet-Token…
    (
        # One credential (a scheme and its token, or a bare token), not the rest of the line: an
        # error that quotes the header goes on with words worth keeping. OAuth 1.0a's
        # parameters are left to their own pattern below; a value already blanked ("[API
        # key]") is left alone.
        re.compile(
            r"(?i)\b((?:proxy-)?authorization|x-cachet-token|x-api-key|api-key)"
            r"(['\"]?\s*[:=]\s*['\"]?)"
            rf"(?:({_SCHEMES})(\s+)(?!oauth_|\[)[^\s'\",;)]+|(?!(?:{_SCHEMES})\b|oauth_|\[)[^\s'\",;)]+)"
        ),
        lambda m: f"{m[1]}{m[2]}{m[3] + m[4] if m[3] else ''}{REDACTED}",
    ),
    # A cookie header: all of it.
    (
        re.compile(r"(?i)\b((?:set-)?cookie)(['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n]+"),
        rf"\1\2{REDACTED}",
    ),
    # The scheme's token (OAuth 1.0a's header carries parameters instead: next pattern).
    (
        re.compile(r"(?i)\b(bearer|oauth|basic)(\s+)(?!oauth_)[A-Za-z0-9._~+/=-]{8,}"),
        rf"\1\2{REDACTED}",
    ),
    # SMTP's AUTH PLAIN/LOGIN line (base64 of the user and password), as a server may quote it.
    (
        re.compile(
            r"(?i)\b(auth\s+(?:plain|login|cram-md5|xoauth2|oauthbearer)\s+)[A-Za-z0-9+/=]{4,}"
        ),
        rf"\1{REDACTED}",
    ),
    # OAuth 1.0a: the header's and the query's parameters.
    (
        re.compile(
            r"(?i)\b(oauth_(?:token|token_secret|signature|consumer_key|consumer_secret|verifier))"
            r"(=\"?)[^\"&,\s]+"
        ),
        rf"\1\2{REDACTED}",
    ),
    # password=…, "token": "…", client_secret=… in queries, forms, JSON and reprs.
    (
        re.compile(
            r"(?i)\b(password|passwd|pwd|secret|client_secret|signing_secret|token|access_token|"
            r"refresh_token|api_key|apikey|auth_token)\b(['\"]?\s*[:=]\s*['\"]?)"
            r"(?!\{)[^\s&'\",;}]+"  # (not a placeholder: unsubscribe?token={token})
        ),
        rf"\1\2{REDACTED}",
    ),
    # scheme://user:password@host, scheme://token@host: the whole userinfo (a user name can be
    # the credential itself, as in https://TOKEN@host)
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s]+(@)"), rf"\1{REDACTED}\2"),
)


def _forms(value: str) -> set[str]:
    """The ways a value shows up in text: as is, in a URL, escaped in JSON or in a repr."""
    forms = {value, quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1]}
    forms.add(repr(value)[1:-1])
    return {f for f in forms if len(f) >= MIN_LENGTH}


def remember(value: str | None) -> None:
    """Never show `value` (a secret this process holds) in a log, report or message."""
    global _known
    if not value or len(value) < MIN_LENGTH:
        return
    with _lock:
        new = _forms(value) - _values
        if not new:
            return
        _values.update(new)
        # Longest first, so a value that contains another is replaced whole.
        ordered = sorted(_values, key=len, reverse=True)
        _known = re.compile("|".join(re.escape(v) for v in ordered))


# Every pattern needs one of these words (lower case) in the text: most texts (an update's
# body, a title) have none, and are through in one pass instead of seven.
_TRIGGERS = (
    "auth", "token", "api-key", "api_key", "apikey", "cookie", "bearer", "basic", "pass", "pwd",
    "secret", "://",
)  # fmt: skip


def redact(text: str) -> str:
    known = _known
    if known is not None:
        text = known.sub(REDACTED, text)
    lowered = text.lower()
    if not any(word in lowered for word in _TRIGGERS):
        return text
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_optional(text: str | None) -> str | None:
    """`redact` for a text that may be absent (an error column, a remote URL)."""
    return redact(text) if text else text


def redact_data(value: Any) -> Any:
    """Every string inside a JSON-like value (dicts, lists, tuples) redacted, keys kept: for an
    event's data and a `--json` document, redacted before it is serialised, so that no pattern
    ever has to cut through JSON's own escapes."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(v) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, traceback and stack with secrets replaced, before any
    handler it is attached to formats it. Attach it to handlers, not loggers: a handler's
    filters see the records of every logger below the one it is on."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # bad %-arguments: still log what there is, never raise from here
            message = f"{record.msg!r} % {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
