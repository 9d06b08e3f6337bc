"""PySide6 asks of every module imported after it whether it uses PySide6, and answers by reading
the module's source through `inspect.getsource`.

That answer decides whether `from __feature__ import snake_case` may switch the module (PYSIDE-
2029). statusdesk never uses `__feature__`, but the question is asked anyway, for each of the
three hundred modules the desk imports: `inspect.getsource` tokenises each file to find its
encoding and keeps every line in `linecache` for good. Measured on the desk's first frame
(`bench/startup.py`, `bench/idle.py`): some 12-15 ms of start-up and 3-5 MB that stay resident.

`read_sources_lightly()` gives PySide6 the same answer for less: whether the file's bytes hold
"PySide6" (the word is ASCII, so bytes and decoded text agree for any encoding Python reads
source in), read once and not kept. A module without a `.py` file is still asked of PySide6's
own check. The check is private to PySide6: where a release no longer has it this does nothing,
and `tests/gui/test_startup_lazy.py` fails so that we look again. The entry point
(statusdesk/__main__.py) calls it before it imports the launcher.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

# The module PySide6 keeps its import-time check in, and the check's name there.
FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def uses_pyside_by_bytes(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether `module`'s source file mentions PySide6; `fallback` for a module with none."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def read_sources_lightly() -> bool:
    """Replaces PySide6's per-import source check with `uses_pyside_by_bytes`; True when it did
    (or had), False on a PySide6 that has no such check."""
    import PySide6.QtCore  # noqa: F401  (PySide6's first import installs its import hook)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "statusdesk_light", False):
        return True

    def light(module: ModuleType) -> bool:
        return uses_pyside_by_bytes(module, original)

    light.statusdesk_light = True  # type: ignore[attr-defined]
    light.original = original  # type: ignore[attr-defined]
    setattr(feature, CHECK, light)
    return True
