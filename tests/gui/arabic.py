"""The Arabic interface for a GUI test, and English again after it.

`compiled_arabic`: this repository's `.ts` sources compiled afresh with pyside6-lrelease and
installed, so a test reads the translations as they are in the tree, not as an earlier
`pip install` built them. `built_arabic`: the `.qm` files the app itself loads
(`gui/i18n/language.install`), Qt's own included."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from statusdesk.gui.i18n import language
from tests.conftest import need

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "statusdesk" / "gui" / "i18n" / "ts"


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    need(found is not None, f"{name} not found (pip package pyside6)")
    assert found is not None
    return found


@contextmanager
def compiled_arabic(
    qapp: QApplication, folder: Path, packages: Iterable[str]
) -> Iterator[list[QTranslator]]:
    lrelease = tool("pyside6-lrelease")
    installed = []
    try:
        for package in packages:
            qm = folder / f"{package}_ar.qm"
            subprocess.run(
                [lrelease, str(TS_DIR / f"{package}_ar.ts"), "-qm", str(qm)],
                check=True,
                capture_output=True,
            )
            translator = QTranslator()
            assert translator.load(str(qm)), qm
            assert QCoreApplication.installTranslator(translator)
            installed.append(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        yield installed
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@contextmanager
def built_arabic(qapp: QApplication) -> Iterator[None]:
    installed = language.install(qapp, "ar")
    try:
        yield
    finally:
        installed.remove(qapp)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
