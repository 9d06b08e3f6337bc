"""The rules that keep the architecture as docs/ARCHITECTURE.md §1 draws it, checked on the
source (AST), counting every import: top-level, inside functions and under TYPE_CHECKING.

- Layers: core < store < channels < delivery < scheduling < export < app < desk < runner <
  cli | gui. A module imports its own layer or a lower one, never a higher one.
- No import cycle among the modules of statusdesk/, direct or through others.
- No module over MAX_MODULE_LINES lines and no class over MAX_CLASS_LINES, except those listed
  in OVERSIZED, a list that may only shrink (its test fails on an entry no longer needed).
- mypy is strict for the whole package; a module may relax it only by an explicit override
  that says why (a comment right above it in pyproject.toml).
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "statusdesk"

LAYERS = ("core", "store", "channels", "delivery", "scheduling", "export", "app", "desk")
TOP = ("runner", "cli", "gui")  # above every layer; cli and gui are siblings, neither imports
# the other; __main__ (the entry point) may import both.
# The utilities at the package's top sit with core: they import core and each other only.
CORE_UTILITIES = frozenset(
    {
        "clock",
        "crash",
        "logs",
        "private",
        "redact",
        "secrets",
        "settings",
        "terminal",
        "version",
        "workspace",
    }
)

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 400
# (module, class or None for the module itself): the few allowed over the limits. May only
# shrink: each entry must still be over its limit, or the test says to remove it.
OVERSIZED: frozenset[tuple[str, str | None]] = frozenset()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = all_modules()


def imported(name: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """Every statusdesk module `name` imports, wherever the import statement stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            # A module's own package (its __init__) is where it lives, not a dependency.
            if target and target != name and not name.startswith(target + "."):
                yield target


def graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    return {name: set(imported(name, path, modules)) for name, path in modules.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return "__main__"
    top = parts[1]
    return "core" if top in CORE_UTILITIES else top


def rank(layer: str) -> int:
    if layer in LAYERS:
        return LAYERS.index(layer)
    if layer == "runner":
        return len(LAYERS)
    if layer in ("cli", "gui"):
        return len(LAYERS) + 1
    return len(LAYERS) + 2  # __main__


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    found = []
    for module, targets in sorted(edges.items()):
        for target in sorted(targets):
            mine, theirs = layer_of(module), layer_of(target)
            sideways = mine != theirs and rank(mine) == rank(theirs)  # cli <-> gui
            if rank(theirs) > rank(mine) or sideways:
                found.append(f"{module} ({mine}) imports {target} ({theirs})")
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
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
    return found


# -- the rules on the tree ------------------------------------------------------------------------


def test_no_module_imports_a_higher_layer() -> None:
    assert upward_imports(graph(MODULES)) == []


def test_no_import_cycle() -> None:
    assert cycles(graph(MODULES)) == []


@dataclass(frozen=True)
class Size:
    module: str
    cls: str | None
    lines: int


def sizes(modules: dict[str, Path]) -> Iterator[Size]:
    for name, path in modules.items():
        text = path.read_text(encoding="utf-8")
        yield Size(name, None, len(text.splitlines()))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                end = node.end_lineno or node.lineno
                yield Size(name, node.name, end - node.lineno + 1)


def over_limit(size: Size) -> bool:
    return size.lines > (MAX_MODULE_LINES if size.cls is None else MAX_CLASS_LINES)


def test_no_module_or_class_over_its_size_unless_listed() -> None:
    over = {(s.module, s.cls): s.lines for s in sizes(MODULES) if over_limit(s)}
    unlisted = {key: lines for key, lines in over.items() if key not in OVERSIZED}
    assert unlisted == {}, "split these, or (with a reason in review) list them in OVERSIZED"
    no_longer = sorted(str(key) for key in OVERSIZED if key not in over)
    assert no_longer == [], "under the limit now: remove from OVERSIZED (the list only shrinks)"


def test_mypy_is_strict_everywhere_and_relaxed_only_with_a_reason() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    mypy = tomllib.loads(text)["tool"]["mypy"]
    assert mypy["strict"] is True
    assert mypy["warn_unreachable"] is True
    assert {"redundant-expr", "truthy-bool"} <= set(mypy["enable_error_code"])
    assert mypy["files"] == ["statusdesk"]
    lines = text.splitlines()
    for at, line in enumerate(lines):
        if line.strip() == "[[tool.mypy.overrides]]":
            said = lines[at + 1].strip()
            assert said.startswith("#") and len(said) > 20, (
                f"pyproject.toml line {at + 2}: a mypy override says why, in a comment first"
            )


# -- the checkers see what they must (each rule fails on a tree that breaks it) -------------------


def write(tmp: Path, files: dict[str, str]) -> dict[str, Path]:
    for relative, text in files.items():
        path = tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {module_name_in(tmp, p): p for p in sorted(tmp.rglob("*.py"))}


def module_name_in(tmp: Path, path: Path) -> str:
    parts = list(path.relative_to(tmp).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@pytest.fixture
def sample(tmp_path: Path) -> dict[str, Path]:
    return write(
        tmp_path,
        {
            "statusdesk/__init__.py": "",
            "statusdesk/core/__init__.py": "",
            "statusdesk/core/model.py": "",
            "statusdesk/store/__init__.py": "",
            "statusdesk/store/repo.py": "from statusdesk.core import model\n",
            "statusdesk/delivery/__init__.py": "",
            "statusdesk/delivery/outbox.py": (
                "def f():\n    from statusdesk.scheduling.promise import due\n"
            ),
            "statusdesk/scheduling/__init__.py": "",
            "statusdesk/scheduling/promise.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from statusdesk.scheduling.ops import Ops\n"
            ),
            "statusdesk/scheduling/ops.py": "from . import promise\n",
            "statusdesk/cli/__init__.py": "from statusdesk.gui import app\n",
            "statusdesk/gui/__init__.py": "",
            "statusdesk/gui/app.py": "import statusdesk.store.repo\n",
        },
    )


def test_the_layer_check_sees_function_level_and_sideways_imports(
    sample: dict[str, Path],
) -> None:
    assert upward_imports(graph(sample)) == [
        "statusdesk.cli (cli) imports statusdesk.gui.app (gui)",
        "statusdesk.delivery.outbox (delivery) imports statusdesk.scheduling.promise (scheduling)",
    ]


def test_the_cycle_check_sees_type_only_and_relative_imports(sample: dict[str, Path]) -> None:
    assert cycles(graph(sample)) == [["statusdesk.scheduling.ops", "statusdesk.scheduling.promise"]]


def test_the_size_check_measures_classes_and_modules(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_CLASS_LINES))
    modules = write(tmp_path, {"statusdesk/big.py": f"class Big:\n{body}\n"})
    found = {(s.module, s.cls): s.lines for s in sizes(modules) if over_limit(s)}
    assert found == {("statusdesk.big", "Big"): MAX_CLASS_LINES + 1}


def test_every_package_is_in_the_wheel() -> None:
    """pyproject lists packages by name (resources/ is mapped in as statusdesk.resources): a
    package left out installs nowhere and the bundle fails to start (issue #13 met it)."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    assert on_disk - listed == set()
    assert listed - on_disk == {"statusdesk.resources"}


def store_reads(path: Path) -> list[int]:
    """Lines where `path` reaches a Desk's store (`desk.store`, `self.desk.store`,
    `self._desk.store`, …) instead of a use case."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "store"
        and (
            (isinstance(node.value, ast.Name) and node.value.id.endswith("desk"))
            or (isinstance(node.value, ast.Attribute) and node.value.attr.endswith("desk"))
        )
    )


def test_the_cli_and_the_gui_go_through_the_use_cases_never_the_store() -> None:
    """ARCHITECTURE §1: the front ends call `desk.<use case>`; only the runner (its own loop),
    tests and benchmarks hold the store."""
    found = {
        str(path.relative_to(ROOT)): lines
        for folder in ("cli", "gui")
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        if (lines := store_reads(path))
    }
    assert found == {}


def test_the_store_check_sees_every_spelling(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text(
        "desk.store.x()\nself.desk.store.y\nself._desk.store\nwindow.desk.views.z()\nstore.a()\n"
    )
    assert store_reads(sample) == [1, 2, 3]


def test_the_composition_root_loads_no_heavy_module_before_it_is_used() -> None:
    """The app layer imports the site's Jinja2 build, the exporters, the templates, the
    consistency rules and the email parser where they are first used, as the Desk always did:
    importing the Desk (on the app's start-up path) must not pull them in."""
    import subprocess
    import sys

    heavy = ("jinja2", "email", "decimal", "babel", "statusdesk.export.api", "csv")
    code = (
        f"import sys, statusdesk.desk\nprint(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
