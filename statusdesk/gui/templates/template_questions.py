"""What the Templates window asks before it loses anything — closing with unsaved edits,
discarding a new template, deleting one or restoring a default — and the popup that asks it, one
question at a time, over the window; Esc answers no and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from statusdesk.core.model import Problem
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.scheduling.template_store import CUSTOMISED


@dataclass(frozen=True)
class Question:
    title: str
    question: str
    detail: str
    yes: str
    no: str
    safe_default: bool = False  # the keyboard starts on no, so Enter is no as well


def close_unsaved(names: list[str]) -> Question:
    return Question(
        title="unsaved templates",
        question=f"Close and lose your unsaved edits to {', '.join(names)}?",
        detail="Nothing was saved. Esc or Enter keeps editing; save each one to keep it.",
        yes="&Discard edits and close",
        no="&Keep editing",
        safe_default=True,
    )


def discard_new(label: str) -> Question:
    return Question(
        title="discard the new template",
        question=f"Discard {label}? It was never saved.",
        detail="Esc keeps it.",
        yes="&Discard",
        no="&Keep",
    )


def delete(key: str, origin: str, store: Path, edited: bool) -> Question:
    """Deleting the workspace's own template, or its text for a default (`CUSTOMISED`)."""
    lost = " Your unsaved edits to it are lost too." if edited else ""
    if origin == CUSTOMISED:
        question = f"Restore the default {key}?"
        detail = f"This workspace's text for {key} is deleted; statusdesk's default is used."
        yes, no = "&Restore default", "&Keep mine"
    else:
        question = f"Delete the template {key}?"
        detail = f"It is removed from {store}."
        yes, no = "&Delete", "&Keep"
    return Question("delete a template", question, detail + lost, yes, no)


def default_kept(key: str) -> Problem:
    """Why a default (as shipped) has no Delete: there is nothing of this workspace's to remove."""
    return Problem(
        "template",
        f"{key} is one of statusdesk's default templates: it cannot be deleted. "
        "Edit it and save to use your own text in this workspace.",
    )


class Asking(QObject):
    """The question open over the window, if any (one at a time). A child of the window,
    reaching it through Qt's parent rather than holding it."""

    def __init__(self, window: QWidget, fallback_focus: QWidget) -> None:
        super().__init__(window)
        self._fallback_focus = fallback_focus
        self.confirm: ConfirmPopup | None = None

    def _window(self) -> QWidget:
        window = self.parent()
        assert isinstance(window, QWidget)
        return window

    def ask(self, question: Question, then: Callable[[], object]) -> None:
        """The question in a popup that takes the keyboard, over what has the focus."""
        window = self._window()
        popup = ConfirmPopup(
            window,
            title=question.title,
            question=question.question,
            detail=question.detail,
            yes=question.yes,
            no=question.no,
        )
        popup.confirmed.connect(then)
        popup.finished.connect(self._closed)
        self.confirm = popup
        focused: QWidget | None = window.focusWidget()  # None while no child has focus
        popup.open_over(focused or self._fallback_focus)
        if question.safe_default:
            popup.no.setFocus(Qt.FocusReason.PopupFocusReason)

    def dismiss(self) -> None:
        """The window closed: so does its question (unanswered: no)."""
        if self.confirm is not None and self.confirm.isVisible():
            self.confirm.reject()

    def _closed(self) -> None:
        confirm, self.confirm = self.confirm, None
        if confirm is not None:
            confirm.deleteLater()
