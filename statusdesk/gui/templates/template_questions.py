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
from statusdesk.gui.i18n import translate
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
        title=translate("TemplateQuestions", "unsaved templates"),
        question=translate(
            "TemplateQuestions", "Close and lose your unsaved edits to {names}?"
        ).format(names=translate("TemplateQuestions", ", ").join(names)),
        detail=translate(
            "TemplateQuestions",
            "Nothing was saved. Esc or Enter keeps editing; save each one to keep it.",
        ),
        yes=translate("TemplateQuestions", "&Discard edits and close"),
        no=translate("TemplateQuestions", "&Keep editing"),
        safe_default=True,
    )


def discard_new(label: str) -> Question:
    return Question(
        title=translate("TemplateQuestions", "discard the new template"),
        question=translate("TemplateQuestions", "Discard {name}? It was never saved.").format(
            name=label
        ),
        detail=translate("TemplateQuestions", "Esc keeps it."),
        yes=translate("TemplateQuestions", "&Discard"),
        no=translate("TemplateQuestions", "&Keep"),
    )


def delete(key: str, origin: str, store: Path, edited: bool) -> Question:
    """Deleting the workspace's own template, or its text for a default (`CUSTOMISED`)."""
    lost = (
        translate("TemplateQuestions", " Your unsaved edits to it are lost too.") if edited else ""
    )
    if origin == CUSTOMISED:
        question = translate("TemplateQuestions", "Restore the default {key}?")
        detail = translate(
            "TemplateQuestions",
            "This workspace's text for {key} is deleted; statusdesk's default is used.",
        )
        yes = translate("TemplateQuestions", "&Restore default")
        no = translate("TemplateQuestions", "&Keep mine")
    else:
        question = translate("TemplateQuestions", "Delete the template {key}?")
        detail = translate("TemplateQuestions", "It is removed from {store}.")
        yes = translate("TemplateQuestions", "&Delete")
        no = translate("TemplateQuestions", "&Keep")
    return Question(
        translate("TemplateQuestions", "delete a template"),
        question.format(key=key),
        detail.format(key=key, store=store) + lost,
        yes,
        no,
    )


def default_kept(key: str) -> Problem:
    """Why a default (as shipped) has no Delete: there is nothing of this workspace's to remove."""
    return Problem(
        "template",
        translate(
            "TemplateQuestions",
            "{key} is one of statusdesk's default templates: it cannot be deleted. Edit it and "
            "save to use your own text in this workspace.",
        ).format(key=key),
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
