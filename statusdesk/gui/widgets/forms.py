"""What every form of the app's windows is built from: a feedback line and how it is told,
labelled rows, Enter that acts on its own section, and an error put into words."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from statusdesk.channels.base import ChannelError
from statusdesk.core.errors import Rejected
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, localised, translate
from statusdesk.gui.widgets.labels import delivery_error
from statusdesk.gui.widgets.popups import PROBLEM_COLOUR
from statusdesk.gui.widgets.text import muted
from statusdesk.secrets import SecretsUnavailable
from statusdesk.store import WorkspaceError

log = logging.getLogger(__name__)
PLAIN = "text"  # colour roles (widgets/theme.py)


# A channel's or subscriber's languages; the names translated where they are shown.
LANGUAGES = (
    ("both", QT_TRANSLATE_NOOP("Forms", "Both (English and Arabic)")),
    ("en", QT_TRANSLATE_NOOP("Forms", "English only")),
    ("ar", QT_TRANSLATE_NOOP("Forms", "Arabic only")),
)


def no_auto_default(button: QPushButton) -> QPushButton:
    """Enter in a field acts on its own section (EnterActs), never on a dialog-wide default."""
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


class EnterActs(QObject):
    """Return/Enter in the watched fields runs `act` (and goes no further)."""

    def __init__(self, parent: QObject, act: Callable[[], object]) -> None:
        super().__init__(parent)
        self._act = act

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._act()
            return True
        return False


def note(name: str) -> QLabel:
    """A line of feedback in plain text (never markup from input), hidden until `tell`."""
    label = QLabel("")
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def tell(label: QLabel, text: str, *, problem: bool = False) -> None:
    muted(label, PROBLEM_COLOUR if problem else PLAIN)
    label.setText(text)
    label.setAccessibleName(text)
    label.show()


def buddy_row(layout: QFormLayout, text: str, field: QWidget, accessible: str) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(accessible)
    layout.addRow(label, field)
    return label


def error_text(error: BaseException, doing: str, *, log_details: bool = True) -> str:
    """What went wrong, in the words of whoever knows (the channel, the keyring, the input)."""
    if isinstance(error, Rejected | ChannelError | SecretsUnavailable | WorkspaceError):
        said = localised(error)  # in the interface's language where it was marked (core/words.py)
        if isinstance(error, ChannelError) and said == str(error):
            said = delivery_error(said)  # a channel's own frame, read back from its English
        return said
    if log_details:
        log.error("could not %s", doing, exc_info=error)
    else:  # near a secret: the type only, in case a backend put the value in its message
        log.error("could not %s: %s", doing, type(error).__name__)
    return translate("Forms", "Could not {doing}: internal error ({error}).").format(
        doing=doing, error=type(error).__name__
    )
