"""The architecture's figures (issue #13), for this tree and, side by side, another checkout of
the project (e.g. the commit before the architecture step):

    python bench/architecture.py [--against DIR]

Measured the way tests/unit/test_architecture.py measures them (its functions, on the AST):
modules, import cycles, imports of a higher layer, the largest module and class, how many are
over the limits (600 lines a module, 400 a class), and the GUI's modules per folder. A tree from
before `statusdesk/app/` existed has its Desk mixin and JSON views (`desk_config.py`,
`jsonview.py`) counted in the app layer, where their code went.

Exits non-zero only on an error of its own; prints "met" / "NOT met" for the rules' goals
(no cycle, no upward import, nothing over the limits).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.unit import test_architecture as arch  # noqa: E402

BEFORE_APP = {"desk_config", "jsonview"}  # modules of a tree from before statusdesk/app/
RULES_LAYER_OF = arch.layer_of


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in BEFORE_APP:
        return "app"
    return RULES_LAYER_OF(module)


def figures(tree: Path) -> dict[str, object]:
    package = tree / "statusdesk"
    modules = {
        ".".join(p.relative_to(tree).with_suffix("").parts).removesuffix(".__init__"): p
        for p in sorted(package.rglob("*.py"))
    }
    arch.layer_of = layer_of  # the older tree's modules, placed where their code went
    edges = arch.graph(modules)
    sizes = list(arch.sizes(modules))
    largest_module = max((s for s in sizes if s.cls is None), key=lambda s: s.lines)
    largest_class = max((s for s in sizes if s.cls), key=lambda s: s.lines)
    gui = collections.Counter(
        str(p.parent.relative_to(package)) for p in (package / "gui").rglob("*.py")
    )
    return {
        "modules": len(modules),
        "import cycles": len(arch.cycles(edges)),
        "upward imports": len(arch.upward_imports(edges)),
        "largest module": f"{largest_module.module} ({largest_module.lines})",
        "largest class": f"{largest_class.module}.{largest_class.cls} ({largest_class.lines})",
        "modules > 600 lines": sum(1 for s in sizes if s.cls is None and s.lines > 600),
        "classes > 400 lines": sum(1 for s in sizes if s.cls and s.lines > 400),
        "GUI folders": len(gui),
        "most modules in a GUI folder": max(gui.values()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout of statusdesk")
    args = parser.parse_args()
    now = figures(ROOT)
    then = figures(args.against) if args.against else None
    width = max(len(k) for k in now)
    print(f"{'':{width}}  {'before':>48}  {'this tree':>48}" if then else "")
    for key, value in now.items():
        before = f"{then[key]!s:>48}  " if then else ""
        print(f"{key:{width}}  {before}{value!s:>48}")
    met = (
        now["import cycles"] == 0
        and now["upward imports"] == 0
        and now["modules > 600 lines"] == 0
        and now["classes > 400 lines"] == 0
    )
    print(
        "goals (no cycle, no upward import, nothing over the limits):", "met" if met else "NOT met"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
