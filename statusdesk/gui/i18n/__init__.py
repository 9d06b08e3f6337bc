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

import re
import sys

from statusdesk.core.words import Words


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


def localised(text: object) -> str:
    """What a layer below the GUI said, in the interface's language.

    `Words` (core/words.py) through translate(context, template).format(parameters), each
    parameter that is Words said the same way; a `Problem` with where it is; an error whose
    message is Words (a `Rejected`: each of its problems, one after another); anything else as
    it is (a server's reply, a name, a plain English str). A translation whose braces do not fit
    its parameters falls back to the English text."""
    from statusdesk.core.errors import Rejected
    from statusdesk.core.model import Problem

    if isinstance(text, Problem):
        return localised(str(text))  # Problem.__str__ gives Words: the message and where
    if isinstance(text, Rejected):
        return " ".join(localised(p) for p in text.problems) or str(text)
    if isinstance(text, BaseException):
        message = text.args[0] if len(text.args) == 1 else None
        return localised(message) if isinstance(message, Words) else str(text)
    if not isinstance(text, Words):
        return str(text)
    if not text.params and text.template != str(text):
        return str(text)  # the template was filled some other way: only the English is known
    template = commands_isolated(translate(text.context, text.template))
    if not text.params:
        return template
    params = {
        name: localised(value) if isinstance(value, Words) else value
        for name, value in text.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return str(text)


LRI, PDI = "\u2066", "\u2069"  # Unicode's left-to-right isolate and its closer


_QUOTED_COMMAND = re.compile(r"`[^`\n]+`")


def commands_isolated(text: str) -> str:
    """A sentence quoting commands between backticks (`statusdesk --db local`), each command
    one left-to-right run in a right-to-left interface (left_to_right_run): in an Arabic
    sentence the bidi algorithm would otherwise move its dashes, quotes and words about."""
    if "`" not in text or not right_to_left():
        return text
    return _QUOTED_COMMAND.sub(lambda quoted: left_to_right_run(quoted.group(0)), text)


def left_to_right_run(text: str) -> str:
    """Latin text that must read as one left-to-right run inside the interface's sentences (a
    key, a clock time with its zone, a path): in a right-to-left interface a left-to-right
    isolate (LRI…PDI), so the bidi algorithm neither turns it round nor moves a trailing sign
    or a zone's letters to the other side of it; in a left-to-right one, as it is."""
    if not text or not right_to_left():
        return text
    return f"{LRI}{text}{PDI}"


def key_name(key: str) -> str:
    """A key combination ("Ctrl+Shift+P", "Ctrl+,") as the interface writes it in a sentence or
    a cell, one left-to-right run. Key caps stay Latin (docs/VISUAL.md §5)."""
    return left_to_right_run(key)


def right_to_left() -> bool:
    """Whether the interface runs right to left (Arabic) — False before Qt is loaded."""
    gui = sys.modules.get("PySide6.QtGui")
    if gui is None:
        return False
    core = sys.modules["PySide6.QtCore"]
    direction = gui.QGuiApplication.layoutDirection()
    return bool(direction == core.Qt.LayoutDirection.RightToLeft)
