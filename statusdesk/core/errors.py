"""The error every use case raises for input that cannot go out as it is.

`Rejected` carries the problems (field, message, severity) so that the CLI prints them with
exit 3 and the app shows each beside the field it is about. It lives in core so that every
layer — the store's callers, scheduling, the app's use cases — raises the same error without
importing the composition root.
"""

from __future__ import annotations

from collections.abc import Sequence

from statusdesk.core.model import Problem
from statusdesk.core.words import QT_TRANSLATE_NOOP


class Rejected(Exception):
    """Input that cannot be published as it is; `problems` says what and where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p}" for p in problems))
        self.problems = problems


def refuse_disagreements(problems: Sequence[Problem], anyway: bool) -> None:
    """Unless `anyway`: the disagreements among a draft's checked problems refuse it (the
    CLI's `--anyway`; the app asks in a popup instead and passes anyway=True). The problems
    are the ones the draft's one check found: nothing is computed again here."""
    from statusdesk.core.consistency import disagreements_in  # its rules load at first use

    found = [] if anyway else disagreements_in(problems)
    if found:
        ask = Problem(
            "anyway",
            QT_TRANSLATE_NOOP(
                "Problems",
                "The English and Arabic texts disagree; make them agree, or publish as it is "
                "with --anyway.",
            ),
        )
        raise Rejected([*found, ask])
