"""A question whose answer is a reason that goes into the record: why this delivery is skipped
(deliveries/decisions.py), why an update leaves enabled channels out (audience.py).

The reason is what the timeline shows for a silence, so an empty one is refused here, inline,
and the popup stays; Enter on a filled one answers (`reason_given`); Esc goes back with nothing
changed. Typing clears the refusal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from statusdesk.gui.widgets.popups import PROBLEM_COLOUR, FocusPopup
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.wording.targets import DeliveryTarget


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


translate = QCoreApplication.translate


class ReasonPopup(FocusPopup):
    """`lines`: what is asked (the first plain, the rest muted); `name`: the object names of
    the reason field (`name`) and its refusal (`name-problem`); `missing`: the refusal of an
    empty reason; `answer` / `back`: the two buttons' texts (`back` None keeps Cancel)."""

    reason_given = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        name: str,
        lines: Sequence[str],
        placeholder: str,
        accessible_name: str,
        answer: str,
        missing: str,
        back: str | None = None,
        width: int = 520,
    ) -> None:
        super().__init__(parent, title)
        self._missing = missing
        layout = QVBoxLayout(self)
        for n, text in enumerate(lines):
            line = _plain(QLabel(text) if n == 0 else muted(QLabel(text)))
            line.setObjectName(f"{name}-intro" if n == 0 else f"{name}-detail")
            layout.addWidget(line)
        label = QLabel(self.tr("&Reason:"))
        layout.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setObjectName(name)
        self.reason.setPlaceholderText(placeholder)
        self.reason.setAccessibleName(accessible_name)
        self.reason.textEdited.connect(self._clear_problem)
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        self.problem = _plain(muted(QLabel(""), PROBLEM_COLOUR))
        self.problem.setObjectName(f"{name}-problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(answer)
        ok.setDefault(True)  # Enter in the reason field
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(back if back is not None else self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # Esc, too (QDialog)
        layout.addWidget(buttons)
        self.resize(width, self.sizeHint().height())
        self._fit_height()

    def first_focus(self) -> QWidget:
        return self.reason

    def _fit_height(self) -> None:
        """Tall enough for every line at this width (a refusal shown adds some): under a bare
        X server no window manager grows the popup, and Qt would squeeze the question."""
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            layout.activate()
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _clear_problem(self) -> None:
        if self.problem.isVisible():
            self.problem.hide()

    def accept(self) -> None:
        if not self.isVisible():
            return
        reason = self.reason.text().strip()
        if not reason:
            self.problem.setText(self._missing)
            self.problem.show()
            self._fit_height()
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
        self.reason_given.emit(reason)


class SkipReasonDialog(ReasonPopup):
    """Why skip this channel for this update (Ctrl+Shift+K)?"""

    def __init__(self, parent: QWidget, target: DeliveryTarget, now: datetime) -> None:
        super().__init__(
            parent,
            title=translate("SkipReasonDialog", "skip {channel}").format(channel=target.channel),
            name="skip-reason",
            lines=(
                translate(
                    "SkipReasonDialog",
                    "Skip {channel} for this update? It will not be sent there, and the "
                    "reason is recorded in the timeline.",
                ).format(channel=target.channel),
                target.describe(now),
            ),
            placeholder=translate(
                "SkipReasonDialog", "e.g. the channel's account is suspended; posted by hand"
            ),
            accessible_name=translate("SkipReasonDialog", "Reason for skipping"),
            answer=translate("SkipReasonDialog", "Skip {channel}").format(channel=target.channel),
            missing=translate(
                "SkipReasonDialog",
                "Say why {channel} is skipped: the reason is what the timeline will show for "
                "this silence.",
            ).format(channel=target.channel),
        )
        self.setObjectName("skip-reason-dialog")
        self.target = target
