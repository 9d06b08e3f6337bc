"""QActions, menus and shortcut claims, all generated from the bindings table.

`install_actions` makes one QAction per command of bindings.BINDINGS, puts it in its menu and on
the window (so its key works whether or not the menu bar is visible), and connects it to the
window's handler for that command. A command without a handler is a programming error and fails
at start-up, not when the user presses the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from statusdesk.gui.i18n import key_name, right_to_left
from statusdesk.gui.keys.bindings import BINDINGS, MENUS, Binding, default_key, key_for
from statusdesk.gui.keys.keymap import Keymap


def translated(text: str) -> str:
    """A text of the bindings table (a label, a description, a menu) in the interface's
    language; the table itself stays English (bindings.py)."""
    return QCoreApplication.translate("Bindings", text)


def install_actions(
    window: QMainWindow, handlers: Mapping[str, Callable[[], object]]
) -> dict[str, QAction]:
    missing = [b.command for b in BINDINGS if b.command not in handlers]
    extra = sorted(set(handlers) - {b.command for b in BINDINGS})
    if missing or extra:
        raise ValueError(f"bindings and handlers disagree: missing {missing}, unknown {extra}")
    menus: dict[str, QMenu] = {}
    for name in MENUS:
        menu = window.menuBar().addMenu("&" + translated(name))
        menu.setObjectName(f"menu-{name}")
        if right_to_left():  # keys drawn left to right in a right-to-left menu
            # Loaded here: its QStyle classes cost a left-to-right start-up some 7 ms.
            from statusdesk.gui.keys.menu_style import menu_style

            menu.setStyle(menu_style())
        menus[name] = menu
    actions: dict[str, QAction] = {}
    for entry in BINDINGS:
        action = QAction(translated(entry.label), window)
        action.setObjectName(f"action-{entry.command}")
        action.setShortcut(QKeySequence(default_key(entry)))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        description = translated(entry.description)
        action.setStatusTip(description)
        action.setToolTip(
            QCoreApplication.translate("Bindings", "{description} ({key})").format(
                description=description, key=key_name(default_key(entry))
            )
        )
        handler = handlers[entry.command]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        menus[entry.menu].addAction(action)
        window.addAction(action)
        actions[entry.command] = action
    return actions


class _ActiveKeys:
    """The keys in force: the defaults until the window loads the user's keymap. Messages and
    tooltips name keys through shown_key(), so they follow a rebinding."""

    keymap: Keymap | None = None


def set_active_keymap(keymap: Keymap) -> None:
    _ActiveKeys.keymap = keymap


def active_keymap() -> Keymap:
    if _ActiveKeys.keymap is None:
        _ActiveKeys.keymap = Keymap()
    return _ActiveKeys.keymap


def shown_key(command: str, *, isolated: bool = True) -> str:
    """A command's key as this platform writes it (Ctrl+R, or ⌘R on a Mac), for messages;
    "no key" when the user unbound it. In an Arabic interface a left-to-right isolate
    (i18n.key_name), unless `isolated` is False (a cell drawn left to right on its own)."""
    key = active_keymap().key(command) if _ActiveKeys.keymap is not None else key_for(command)
    if not key:
        return QCoreApplication.translate("Bindings", "no key")
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return key_name(shown) if isolated else shown


def decision_keys_hint() -> str:
    """How to act on a delivery that needs a person, as messages and tooltips say it."""
    return QCoreApplication.translate("Bindings", "{retry} retries, {skip} skips").format(
        retry=shown_key("retry-delivery"), skip=shown_key("skip-delivery")
    )


def bound_sequences(bindings: Iterable[Binding] = BINDINGS) -> frozenset[str]:
    return frozenset(
        QKeySequence(default_key(b)).toString(QKeySequence.SequenceFormat.PortableText)
        for b in bindings
    )


class ShortcutClaim(QObject):
    """Keeps our keys ours while a text field has focus.

    Under X11 a focused QLineEdit answers the ShortcutOverride for Ctrl+U ("delete to start of
    line") and the shortcut never fires. Installed on every editor of the window, this filter
    ignores the override for every key of the bindings table, so the QAction wins; all other
    keys (typing, Ctrl+C, Ctrl+Z, ...) reach the editor as usual.
    """

    def __init__(self, parent: QObject, sequences: frozenset[str] | None = None) -> None:
        super().__init__(parent)
        self._sequences = sequences if sequences is not None else bound_sequences()

    def set_sequences(self, sequences: frozenset[str]) -> None:
        """The keys to claim after a rebinding (shortcuts.claimed_sequences)."""
        self._sequences = sequences

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination()).toString(
                QKeySequence.SequenceFormat.PortableText
            )
            if pressed in self._sequences:
                event.ignore()
                return True
        return False

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)
