"""Leaving a channel out is a decision (issue #12 §1): the question asked at publish.

Every new draft starts with every enabled channel ticked (composer.py). When a publish (or a
schedule) leaves an enabled channel unticked, the Desk refuses it with a `skip_reason` problem
and nothing else; the main window then asks here why, over itself, with the keyboard: Enter on
a filled reason publishes (each channel left out gets a `skipped` delivery carrying it), Enter
on an empty one says a reason is needed, Esc goes back to the composer with nothing lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from statusdesk.core.model import Problem, blocking
from statusdesk.delivery.audience import FIELD
from statusdesk.gui.delivery_actions import PROBLEM_COLOUR, FocusPopup
from statusdesk.gui.incident_view import muted


def only_the_reason_is_missing(problems: Sequence[Problem]) -> bool:
    """The publish was refused for nothing but channels left out without a reason: ask for it
    (any other problem is shown in the composer first, as always)."""
    errors = blocking(list(problems))
    return bool(errors) and all(p.field == FIELD for p in errors)


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class LeaveOutReasonPopup(FocusPopup):
    """Why do these enabled channels get nothing from this update? An empty reason is refused
    here, inline, and the popup stays."""

    reason_given = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        chosen: Sequence[str],
        left_out: Sequence[str],
        *,
        scheduled: bool = False,
    ) -> None:
        names = list(left_out) or ["some enabled channels"]
        super().__init__(parent, f"leave out {_listed(names)}?")
        self.setObjectName("leave-out-reason-popup")
        self.left_out = names
        verb = "Schedule" if scheduled else "Publish"
        layout = QVBoxLayout(self)
        them = "it" if len(names) == 1 else "them"
        intro = QLabel(
            f"This update goes to {_listed(list(chosen)) or 'no channel'} only: "
            f"{_listed(names)} {'is' if len(names) == 1 else 'are'} enabled and would say "
            f"nothing. Leaving {them} out is a decision: say why. The reason is recorded as a "
            f"skipped delivery for each and shown in the timeline; Esc goes back to the draft."
        )
        intro.setObjectName("leave-out-intro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel("&Reason:")
        layout.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setObjectName("leave-out-reason")
        self.reason.setPlaceholderText("e.g. X is read-only during the migration; posted by hand")
        self.reason.setAccessibleName(f"Reason for leaving out {_listed(names)}")
        self.reason.textEdited.connect(self._clear_problem)
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        self.problem = muted(QLabel(""), PROBLEM_COLOUR)
        self.problem.setObjectName("leave-out-reason-problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"{verb} without {_listed(names)}")
        ok.setDefault(True)  # Enter in the reason field
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Back to the draft")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def first_focus(self) -> QWidget:
        return self.reason

    def _clear_problem(self) -> None:
        if self.problem.isVisible():
            self.problem.hide()

    def accept(self) -> None:
        if not self.isVisible():
            return
        reason = self.reason.text().strip()
        if not reason:
            self.problem.setText(
                f"A reason is needed: it is what the timeline will show for the silence of "
                f"{_listed(self.left_out)}. Esc goes back to the draft."
            )
            self.problem.show()
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
        self.reason_given.emit(reason)
