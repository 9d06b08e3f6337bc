"""The timeline as Markdown, to paste into a postmortem document and read as it is.

Every text a person or a channel wrote is escaped, so an update that says "*" or "<script>"
reads as written and cannot turn into markup when the document is rendered. Bodies are quoted
(`> `) paragraph by paragraph; Arabic is left to the viewer's bidi, one paragraph per language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from statusdesk.export.present import Document, Fact, UpdateView

_SPECIAL = re.compile(r"[\\`*_\[\]<>|#~]")
_BULLET = re.compile(r"^(\s*)([-+=])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


@functools.lru_cache(maxsize=4096)
def inline(text: str) -> str:
    """One line of text, escaped (CommonMark backslash escapes). Cached: channel names, states
    and errors repeat on every update of a long incident."""
    flat = " ".join(text.split())
    return _SPECIAL.sub(r"\\\g<0>", flat) if _SPECIAL.search(flat) else flat


def quoted(text: str) -> list[str]:
    """A body as a block quote, line by line; an empty text says so."""
    if not text.strip():
        return ["> *(empty)*"]
    lines = []
    for line in text.strip().splitlines():
        escaped = _SPECIAL.sub(r"\\\g<0>", line.rstrip())
        escaped = _NUMBERED.sub(r"\1\\\2", _BULLET.sub(r"\1\\\2", escaped))
        lines.append(f"> {escaped}" if escaped else ">")
    return lines


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(inline(c) or "—" for c in row) + " |" for row in rows]
    return out


def _facts(facts: Sequence[Fact]) -> list[str]:
    return [f"- **{inline(f.label)}:** {inline(f.value)}" for f in facts]


def _list(title: str, items: Sequence[str]) -> list[str]:
    lines = [f"### {title}", ""]
    lines += [f"- {inline(item)}" for item in items] if items else ["None."]
    return [*lines, ""]


def _update(view: UpdateView) -> list[str]:
    lines = [f"### {inline(view.heading)}", "", *_facts(view.facts), ""]
    lines += ["English:", "", *quoted(view.body_en), ""]
    lines += [f"العربية ({inline(view.state_ar)}):", "", *quoted(view.body_ar), ""]
    if view.deliveries:
        lines += table(
            ["Channel", "State", "Attempts", "Sent", "Where", "Errors / decision"],
            (
                [d.channel, d.state, str(d.attempts), d.sent, d.where, d.problem]
                for d in view.deliveries
            ),
        )
    else:
        lines.append("No deliveries.")
    return [*lines, ""]


def render_markdown(doc: Document) -> str:
    lines = [f"# Incident {doc.incident_id}: {inline(doc.title_en)}", ""]
    if doc.title_ar:
        lines += [f"**{inline(doc.title_ar)}**", ""]
    lines += [
        f"Times are in {doc.zone}. Exported {doc.generated} by statusdesk.",
        "",
        *table(["", ""], ([f.label, f.value] for f in doc.facts_en)),
        "",
        "## بالعربية",
        "",
        *_facts(doc.facts_ar),
        "",
        "## Metrics",
        "",
        *table(["Measure", "Value"], ([f.label, f.value] for f in doc.summary)),
        "",
        "### Next-update promises",
        "",
    ]
    lines += [f"- {inline(p.label)}: {inline(p.value)}" for p in doc.promises]
    if doc.promises_note:
        lines += ["", inline(doc.promises_note)]
    elif not doc.promises:
        lines.append("None made.")
    lines += ["", "### Channels", ""]
    lines += table(
        [
            "Channel",
            "Deliveries",
            "First delivery lag",
            "Delivery lag",
            "Longest silence",
            "Latest update",
        ],
        (
            [f"{c.name} ({c.kind})", c.counts, c.first_lag, c.lag, c.silence, c.latest]
            for c in doc.channels
        ),
    )
    lines.append("")
    lines += _list("Deliveries retried", doc.retried)
    lines += _list("Deliveries failed", doc.failed)
    lines += _list("Deliveries skipped", doc.skipped)
    lines += ["## Timeline", ""]
    for view in doc.updates:
        lines += _update(view)
    if not doc.updates:
        lines += ["No update went out.", ""]
    if doc.not_sent:
        lines += ["## Updates that never went out", ""]
        for view in doc.not_sent:
            lines += _update(view)
    return "\n".join(lines).rstrip() + "\n"
