"""The interface's language (issue #16): which one (`ui.language`, `--ui-language`, the
system's locale), Qt's translators for it and the layout direction that goes with it.

Qt's own system only: the sources are `ts/<package>_ar.ts` (pyside6-lupdate over each GUI
package's modules, translated in them), the `.qm` files in `qm/` are built from them by the
install and the packaging (setup.py's build_py, packaging/statusdesk.spec), never committed.
`install(app, language)` runs before any widget is built; English is the source text, so it
needs no translator. The update texts keep their own directions whatever the interface's (the
editors pin theirs, compose/editors.py).
"""

from __future__ import annotations

import sys


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker for a text translated where it is shown, typed (PySide6's returns `object`)
    and Qt-free (bindings.py is read without a display): pyside6-lupdate finds the text by this
    call's name and `context`; at the point of use, QCoreApplication.translate(context, text)."""
    return text


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate(context, text) once Qt is loaded, `text` itself before (a
    Qt-free module such as keys/keymap.py, read by tests and docs without a display, translates
    its sentences through this; pyside6-lupdate knows the call by its name)."""
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return text
    return str(core.QCoreApplication.translate(context, text))


LRI, PDI = "\u2066", "\u2069"  # Unicode's left-to-right isolate and its closer


def key_name(key: str) -> str:
    """A key combination ("Ctrl+Shift+P", "Ctrl+,") as the interface writes it in a sentence or
    a cell: in a right-to-left interface a left-to-right isolate (LRI…PDI), so the bidi
    algorithm neither turns it round nor lets a trailing sign ("Ctrl+,") drift to the other
    side of it; in a left-to-right one, as it is. Key caps stay Latin (docs/VISUAL.md §5)."""
    if not key or not right_to_left():
        return key
    return f"{LRI}{key}{PDI}"


def right_to_left() -> bool:
    """Whether the interface runs right to left (Arabic) — False before Qt is loaded."""
    gui = sys.modules.get("PySide6.QtGui")
    if gui is None:
        return False
    core = sys.modules["PySide6.QtCore"]
    direction = gui.QGuiApplication.layoutDirection()
    return bool(direction == core.Qt.LayoutDirection.RightToLeft)
