"""The Qt bindings themselves, where a bug of theirs would take the app down.

PySide6 6.12.0 lost a reference to Python's True on every `signal.emit()` from Python: a few
thousand emits later True was freed and the interpreter aborted ("bool_dealloc"), which an idle
app (its outbox poll emits every two seconds) reached within hours. pyproject.toml excludes that
release; this test fails on any release that brings the bug back.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Sender(QObject):
    value = Signal(object)
    pair = Signal(int, str)

app = QCoreApplication([])
sender = Sender()
got = []
sender.value.connect(got.append)
sender.pair.connect(lambda number, text: got.append(number))
before = sys.getrefcount(True)
for _ in range(20_000):
    sender.value.emit(1)
    sender.pair.emit(2, "x")
assert len(got) == 40_000
print(sys.getrefcount(True) - before)
"""


def test_emitting_signals_from_python_keeps_true_alive() -> None:
    # In a child process: the bug aborts the interpreter, which must not take pytest with it.
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert abs(int(done.stdout.strip())) < 100
