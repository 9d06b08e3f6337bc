"""A resolved incident's bilingual postmortem (issue #14): checked, kept, and the status page
rebuilt to show it (its page, both feeds, the api/v2 JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from statusdesk.app.context import AppContext
from statusdesk.app.workspace_settings import WorkspaceSettings
from statusdesk.core.cleaning import clean_text
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Postmortem, Problem
from statusdesk.core.validation import LANGUAGE_WORDS, text_problems

# A postmortem is a write-up, longer than any update; still bounded, so a stray file (a log, a
# binary) is refused rather than published.
MAX_POSTMORTEM_CHARS = 100_000


@dataclass(frozen=True)
class PostmortemOutcome:
    postmortem: Postmortem
    replaced: bool  # it rewrote one already published
    site: Path | None = None  # the status page, when it was rebuilt
    site_note: str = ""  # why it was not rebuilt


def postmortem_problems(body: BilingualText) -> list[Problem]:
    """Both languages written (the page is bilingual), within the limit, no stray controls."""
    problems: list[Problem] = []
    for lang in ("en", "ar"):
        label = f"The {LANGUAGE_WORDS[lang]} postmortem"
        text = body.get(lang)
        if not text.strip():
            problems.append(
                Problem(
                    f"postmortem_{lang}",
                    f"{label} is empty; write it too (--{lang}-file): the status page shows "
                    "the postmortem in both languages.",
                )
            )
            continue
        problems += text_problems(text, f"postmortem_{lang}", label, MAX_POSTMORTEM_CHARS)
    return problems


class Postmortems:
    def __init__(self, ctx: AppContext, settings: WorkspaceSettings) -> None:
        self.ctx = ctx
        self.settings = settings

    def postmortem(self, incident_id: int) -> Postmortem | None:
        return self.ctx.store.incidents.postmortem(incident_id)

    def publish(self, incident_id: int, body: BilingualText, by: str = "") -> PostmortemOutcome:
        """Keep the postmortem of a resolved (or completed) incident and rebuild the page;
        Rejected says why not (no such incident, still open, a language empty, too long)."""
        store = self.ctx.store
        incident = store.incidents.incident(incident_id)
        if incident is None:
            raise Rejected([Problem("incident", f"There is no incident {incident_id}.")])
        if not incident.state.is_closed:
            raise Rejected(
                [
                    Problem(
                        "incident",
                        f"Incident {incident_id} is still {incident.state.value.replace('_', ' ')}:"
                        " a postmortem is written once it is over. Resolve it first "
                        f"(`statusdesk incident update {incident_id} --state resolved …`), then "
                        "add the postmortem.",
                    )
                ]
            )
        body = clean_text(body)
        problems = postmortem_problems(body)
        if problems:
            raise Rejected(problems)
        replaced = store.incidents.postmortem(incident_id) is not None
        kept = store.incidents.set_postmortem(
            incident_id, body, author=self.ctx.who(by), now=self.ctx.now()
        )
        site, note = self.settings.site_rebuilt()
        return PostmortemOutcome(kept, replaced, site, note)
