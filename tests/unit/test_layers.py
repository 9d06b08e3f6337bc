"""Qt stays at the edge: nothing outside statusdesk/gui imports PySide6, except QtGui and QtCore
(never QtWidgets) in statusdesk/export/pdf.py, the PDF writer. Checked on the source and at run
time: the rest of statusdesk/export (Markdown, HTML, CSV, JSON, the CLI's export) loads no Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "statusdesk"


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "PySide6"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "PySide6":
            found += [f"{node.module}.{a.name}" for a in node.names]
    return found


def test_no_pyside6_outside_gui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).parts
        if relative[0] == "gui":
            continue
        for name in qt_imports(path):
            allowed = relative == ("export", "pdf.py") and (
                name == "PySide6.QtGui" or name.startswith(("PySide6.QtGui.", "PySide6.QtCore"))
            )
            if not allowed:
                offenders.append(f"{path.relative_to(PACKAGE.parent)}: {name}")
    assert offenders == []


def test_the_checker_sees_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport PySide6.QtCore\n")
    assert qt_imports(sample) == ["PySide6.QtWidgets.QWidget", "PySide6.QtCore"]


def test_cli_and_core_import_no_qt_at_run_time() -> None:
    code = (
        "import sys, importlib, pkgutil, statusdesk\n"
        "skip = ('statusdesk.gui', 'statusdesk.export.pdf', 'statusdesk.__main__')\n"
        "for m in pkgutil.walk_packages(statusdesk.__path__, 'statusdesk.'):\n"
        "    if not m.name.startswith(skip):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
