"""statusdesk/gui in packages, and which may import which (issue #13).

- Shared packages (runtime, wording, widgets, keys) import only shared packages.
- A feature package (incidents, compose, deliveries, …) imports the shared packages and itself,
  never another feature: two features meet only in the window package.
- Only the window package (desk) assembles features; only launch, which starts the app, imports
  the window package. Nothing imports launch.
- No import cycle among the GUI's modules.
- No raw thread or executor in the GUI outside its runtime package (ruff's banned-API rule).

Every import counts, wherever it is written: at the top, inside a function, or under
TYPE_CHECKING (a type-only import still ties the modules together). Read from the source (AST),
so a test run imports nothing.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[2] / "statusdesk" / "gui"
PREFIX = "statusdesk.gui"
SHARED = frozenset({"runtime", "wording", "widgets", "keys", "i18n"})
WINDOW = "desk"
LAUNCH = "launch"


def module_name(path: Path, root: Path = GUI) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PREFIX, *parts))


def imported(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, list[str]]]:
    """(module, names) for each import in `tree`, anywhere in it; `import a.b` has no names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((a.name, []) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            yield target, [a.name for a in node.names]


def import_graph(root: Path = GUI) -> dict[str, set[str]]:
    """Module → the GUI modules it imports. `from statusdesk.gui.x import y` is an import of
    the module x.y when y is one, else of x."""
    sources = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets = set()
        for target, names in imported(tree, name, path.name == "__init__.py"):
            submodules = {f"{target}.{n}" for n in names} & sources.keys()
            targets |= submodules or {target}
        graph[name] = {t for t in targets if t in sources and t != name}
    return graph


def package_of(module: str) -> str | None:
    """`statusdesk.gui.compose.composer` → "compose"; the top `statusdesk.gui` → None."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else None


def may_import(importer: str | None, imported_package: str | None) -> bool:
    if importer is None or imported_package is None:  # statusdesk/gui/__init__.py
        return importer == imported_package
    if importer == imported_package or imported_package in SHARED:
        return True
    if importer in SHARED:
        return False
    if importer == LAUNCH:
        return imported_package == WINDOW  # launch starts the desk, and nothing else of it
    if importer == WINDOW:
        return imported_package != LAUNCH  # the desk assembles every feature
    return False  # a feature: shared packages and itself only


def violations(graph: Mapping[str, set[str]]) -> list[str]:
    return sorted(
        f"{importer} imports {target}"
        for importer, targets in graph.items()
        for target in targets
        if not may_import(package_of(importer), package_of(target))
    )


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_gui_is_in_packages() -> None:
    loose = sorted(p.name for p in GUI.glob("*.py") if p.name != "__init__.py")
    assert loose == []
    packages = {p.parent.name for p in GUI.glob("*/__init__.py")}
    assert SHARED | {WINDOW, LAUNCH} <= packages


def test_features_meet_only_in_the_window_package() -> None:
    assert violations(import_graph()) == []


def test_no_import_cycle_in_the_gui() -> None:
    assert cycles(import_graph()) == []


def test_the_gui_package_itself_imports_nothing_of_the_gui() -> None:
    assert import_graph()[PREFIX] == set()


def write(root: Path, files: Mapping[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_checker_sees_what_it_must(tmp_path: Path) -> None:
    """A feature importing another (in a function, under TYPE_CHECKING), a shared package
    importing a feature, a relative import, and a type-only circle are all caught."""
    write(
        tmp_path,
        {
            "__init__.py": "",
            "widgets/__init__.py": "",
            "widgets/popups.py": "def f():\n    from statusdesk.gui.compose import composer\n",
            "compose/__init__.py": "",
            "compose/composer.py": (
                "from typing import TYPE_CHECKING\n"
                "from statusdesk.gui.widgets.popups import f\n"
                "if TYPE_CHECKING:\n    from statusdesk.gui.schedule.scheduling import S\n"
            ),
            "schedule/__init__.py": "",
            "schedule/scheduling.py": "from ..compose import composer\n",
            "desk/__init__.py": "",
            "desk/main_window.py": "from statusdesk.gui.compose.composer import C\n",
            "launch/__init__.py": "",
            "launch/app.py": (
                "from statusdesk.gui.desk.main_window import M\n"
                "from statusdesk.gui.compose.composer import C\n"
            ),
        },
    )
    graph = import_graph(tmp_path)
    assert violations(graph) == [
        "statusdesk.gui.compose.composer imports statusdesk.gui.schedule.scheduling",
        "statusdesk.gui.launch.app imports statusdesk.gui.compose.composer",
        "statusdesk.gui.schedule.scheduling imports statusdesk.gui.compose.composer",
        "statusdesk.gui.widgets.popups imports statusdesk.gui.compose.composer",
    ]
    assert cycles(graph) == [
        [
            "statusdesk.gui.compose.composer",
            "statusdesk.gui.schedule.scheduling",
            "statusdesk.gui.widgets.popups",
        ]
    ]


RAW_THREAD = "import threading\n\nthreading.Thread(target=print).start()\n"


def ruff_verdict(as_file: str, source: str) -> subprocess.CompletedProcess[str]:
    """ruff's banned-API rule (pyproject.toml) on `source`, read as if it were `as_file`."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    return subprocess.run(
        [ruff, "check", "--no-cache", "--select", "TID251", "--stdin-filename", as_file, "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=GUI.parents[1],
    )


def test_raw_threads_are_refused_in_the_gui_outside_its_runtime() -> None:
    refused = ruff_verdict("statusdesk/gui/compose/probe.py", RAW_THREAD)
    assert refused.returncode == 1 and "TID251" in refused.stdout
    executor = "from concurrent.futures import ThreadPoolExecutor\n"
    assert ruff_verdict("statusdesk/gui/desk/probe.py", executor).returncode == 1
    assert ruff_verdict("statusdesk/gui/runtime/probe.py", RAW_THREAD).returncode == 0
    assert ruff_verdict("statusdesk/runner_probe.py", RAW_THREAD).returncode == 0
