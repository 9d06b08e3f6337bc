"""Drafts as they are kept: every text a person typed cleaned once, the same way
(`sanitize.clean`), whichever use case receives it."""

from __future__ import annotations

from dataclasses import replace

from statusdesk.core.model import BilingualText, Draft
from statusdesk.core.text.sanitize import clean


def clean_text(text: BilingualText) -> BilingualText:
    return BilingualText(clean(text.en), clean(text.ar))


def clean_draft(draft: Draft) -> Draft:
    return replace(
        draft,
        body=clean_text(draft.body),
        overrides={name: clean(text) for name, text in draft.overrides.items()},
        author=clean(draft.author),
        component_status={clean(name): s for name, s in draft.component_status.items()},
    )
