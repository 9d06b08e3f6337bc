"""What the CLI prints: one JSON document for scripts, readable tables for people.

Arabic is printed as it is, in UTF-8, whatever the locale: a terminal or pipe in the C locale
must not turn an update into a UnicodeEncodeError.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from statusdesk import terminal
from statusdesk.core.model import Delivery, DeliveryState
from statusdesk.redact import redact, redact_data

NONE = "—"


def use_utf8() -> None:
    """Switch stdout/stderr to UTF-8 (they default to ASCII under LANG=C without UTF-8 mode)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                reconfigure(encoding="utf-8", errors="replace")


def detach_stdout() -> None:
    """Send the rest of stdout nowhere after its reader went away (`... | head -1`, which is
    how a script takes the new id): the command still finishes and still exits with the code
    that says whether every channel got the update."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def safe(text: str) -> str:
    """What may reach a terminal: secrets redacted, control characters shown as escapes (a
    server's reply or an incident's text must not clear the screen or fake a line)."""
    return terminal.escape(redact(text))


def _write_out(text: str) -> None:
    try:
        print(text, file=sys.stdout, flush=True)
    except BrokenPipeError:
        detach_stdout()


def out(text: str = "") -> None:
    _write_out(safe(text))


def err(text: str) -> None:
    with contextlib.suppress(BrokenPipeError):
        print(safe(text), file=sys.stderr, flush=True)


def print_json(document: Any) -> None:
    """One document; Arabic and `<script>` appear literally (it is data, not markup). Secrets
    are redacted value by value; what JSON leaves raw but a terminal acts on (C1, DEL, bidi
    controls) is written as `\\uXXXX`, the same document to a parser."""
    text = json.dumps(redact_data(document), ensure_ascii=False, indent=2)
    _write_out(terminal.escape_json(text))


def width(text: str) -> int:
    """Columns a terminal gives `text`: marks and format controls take none, wide letters two."""
    total = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def one_line(text: str, limit: int = 60) -> str:
    """A cell: line breaks folded, long text cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns; the last column is not padded (it holds free text)."""
    widths = [width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            widths[i] = max(widths[i], width(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (widths[i] - width(c)) for i, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def delivery_detail(delivery: Mapping[str, Any]) -> str:
    """Where a sent delivery landed, or why one did not (a delivery in its JSON shape)."""
    if delivery["state"] == DeliveryState.SENT.value:
        where = str(delivery.get("remote_url") or delivery.get("remote_id") or "")
        note = delivery.get("error")  # a sent delivery's note ("started a new thread: …")
        return f"{where} — {note}".strip(" —") if note else where
    detail = str(delivery.get("error") or delivery.get("decision_note") or "")
    if delivery["state"] == DeliveryState.RETRY_WAIT.value and delivery.get("next_attempt_at"):
        detail = f"{detail} (next attempt due {delivery['next_attempt_at']})".strip()
    return detail


def delivery_outcome(delivery: Mapping[str, Any]) -> str:
    """`sent file:///…`, `failed — why`, … for one delivery."""
    state, detail = delivery["state"], delivery_detail(delivery)
    if not detail:
        return str(state)
    return f"{state} {detail}" if state == DeliveryState.SENT.value else f"{state} — {detail}"


def delivery_result_line(name: str, delivery: Delivery, waited: float | None) -> str:
    """The per-channel line printed after publishing (`waited` is None with --no-wait)."""
    state = delivery.state
    if state is DeliveryState.SENT:
        line = f"{name}: sent {delivery.remote_url or delivery.remote_id or ''}".rstrip()
        return f"{line} — {delivery.last_error}" if delivery.last_error else line
    if state is DeliveryState.SKIPPED:  # left out on purpose: a decision, with its reason
        who = f" (decided by {delivery.decided_by})" if delivery.decided_by else ""
        return f"{name}: skipped — {delivery.decision_note or 'no reason recorded'}{who}"
    if waited is None:
        return f"{name}: pending — not sent: left for `statusdesk run` (--no-wait)"
    if state in (DeliveryState.PENDING, DeliveryState.SENDING):
        return f"{name}: {state.value} — no outcome within {waited:g} s; left for `statusdesk run`"
    if state is DeliveryState.RETRY_WAIT:
        return (
            f"{name}: retry_wait — {delivery.last_error or 'will retry'} "
            f"(still failing after {waited:g} s; next attempt due {delivery.next_attempt_at}; "
            "left for `statusdesk run`)"
        )
    return f"{name}: {state.value} — {delivery.last_error or 'no detail recorded'}"
