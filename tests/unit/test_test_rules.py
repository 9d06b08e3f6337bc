"""The tests' timing rule (issue #13): a test waits for a condition, never for the clock.

Two shapes make a suite pass on a fast machine and fail on a loaded CI runner, so they are found
here by reading every test module's syntax tree:

- a wall-clock upper bound: `assert time.monotonic() - started < 2`, `assert took < LIMIT`,
  `assert gaps.longest < 0.1`. A lower bound (`gap >= 0.15` after a wait the code enforces)
  holds on any machine and is allowed.
- a fixed `qtbot.wait(N)` followed by an exact count: `qtbot.wait(300)` then
  `assert calls == [...]` or `assert len(rows) == 3`. Wait for the condition instead
  (`qtbot.waitUntil`, `qtbot.waitSignal`).

A test that is about speed says so with `@pytest.mark.perf` (pyproject's markers); it still runs
by default, and its failure on a slow machine reads as what it is.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
CLOCKS = {"monotonic", "perf_counter", "time", "monotonic_ns", "perf_counter_ns", "process_time"}
# Names a measured duration goes by when it comes from a helper rather than a clock read here.
DURATION_WORDS = ("took", "elapsed", "duration", "longest", "lag", "stall", "gaps")
UPPER = (ast.Lt, ast.LtE)
LOWER = (ast.Gt, ast.GtE)
WAITS_FOR_A_CONDITION = {"waitUntil", "waitSignal", "waitSignals", "waitCallback"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    test: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.test}: {self.rule}"


def _is_clock_read(node: ast.AST) -> bool:
    """`time.monotonic()`, `time.perf_counter()`, `time.time()` and the like."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in CLOCKS
        and isinstance(func.value, ast.Name)
        and func.value.id == "time"
    )


def _named_like_a_duration(name: str) -> bool:
    return any(word in name.lower() for word in DURATION_WORDS)


def _reads_the_clock(node: ast.AST, points: set[str]) -> bool:
    return any(
        _is_clock_read(part) or (isinstance(part, ast.Name) and part.id in points)
        for part in ast.walk(node)
    )


def _is_duration(node: ast.AST, points: set[str], durations: set[str]) -> bool:
    """A difference of clock reads, or something named like a measured duration. A clock read
    compared with a deadline (`time.monotonic() < deadline`) is a poll loop's timeout, not a
    measurement: it is no duration."""
    for part in ast.walk(node):
        if (
            isinstance(part, ast.BinOp)
            and isinstance(part.op, ast.Sub)
            and (_reads_the_clock(part.left, points) or _reads_the_clock(part.right, points))
        ):
            return True
        if isinstance(part, ast.Name) and (part.id in durations or _named_like_a_duration(part.id)):
            return True
        if isinstance(part, ast.Attribute) and _named_like_a_duration(part.attr):
            return True
    return False


def _assigned(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[tuple[str, ast.expr]]:
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    yield target.id, node.value


def _time_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[set[str], set[str]]:
    """(points, durations): names the test assigns a clock read (`started = time.monotonic()`)
    and names it assigns a duration (`took = time.monotonic() - started`), transitively."""
    points = {name for name, value in _assigned(function) if _reads_the_clock(value, set())}
    durations: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, value in _assigned(function):
            if name not in durations and _is_duration(value, points, durations):
                durations.add(name)
                changed = True
    return points, durations


def _bounds_a_duration_above(compare: ast.Compare, points: set[str], durations: set[str]) -> bool:
    operands = [compare.left, *compare.comparators]
    return any(
        (isinstance(op, UPPER) and _is_duration(left, points, durations))
        or (isinstance(op, LOWER) and _is_duration(right, points, durations))
        for op, left, right in zip(compare.ops, operands[:-1], operands[1:], strict=True)
    )


def _wall_clock_upper_bounds(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
) -> Iterator[ast.Assert]:
    points, durations = _time_names(function)
    for node in ast.walk(function):
        if isinstance(node, ast.Assert) and any(
            isinstance(n, ast.Compare) and _bounds_a_duration_above(n, points, durations)
            for n in ast.walk(node.test)
        ):
            yield node


def _qtbot_call(node: ast.stmt) -> str | None:
    """'wait', 'waitUntil', ... when the statement is a bare `qtbot.<name>(...)` call."""
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "qtbot"
        ):
            return func.attr
    return None


def _counts_exactly(node: ast.Assert) -> bool:
    """`assert len(x) == 3`, `assert calls == [...]`, `assert model.rowCount() == 2`."""
    for compare in (n for n in ast.walk(node.test) if isinstance(n, ast.Compare)):
        if not any(isinstance(op, ast.Eq) for op in compare.ops):
            continue
        for side in (compare.left, *compare.comparators):
            if isinstance(side, (ast.List, ast.Tuple, ast.ListComp)):
                return True
            for part in ast.walk(side):
                if (
                    isinstance(part, ast.Call)
                    and isinstance(part.func, ast.Name)
                    and part.func.id == "len"
                ):
                    return True
                name = (
                    part.attr
                    if isinstance(part, ast.Attribute)
                    else part.id
                    if isinstance(part, ast.Name)
                    else ""
                )
                if "count" in name.lower() or name == "calls":
                    return True
    return False


def _blocks(function: ast.AST) -> Iterator[list[ast.stmt]]:
    for node in ast.walk(function):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield block


def _fixed_waits_then_counts(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
) -> Iterator[ast.Assert]:
    """An exact count asserted after `qtbot.wait(N)`, before any wait for a condition."""
    for block in _blocks(function):
        waited = False
        for statement in block:
            called = _qtbot_call(statement)
            if called == "wait":
                waited = True
            elif called in WAITS_FOR_A_CONDITION:
                waited = False
            elif waited and isinstance(statement, ast.Assert) and _counts_exactly(statement):
                yield statement


def _is_perf(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        "perf" in ast.unparse(decorator) and "mark" in ast.unparse(decorator)
        for decorator in function.decorator_list
    )


def findings(source: str, path: str = "<test>") -> list[Finding]:
    found: list[Finding] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if not node.name.startswith("test") or _is_perf(node):
            continue
        for bound in _wall_clock_upper_bounds(node):
            rule = "a wall-clock upper bound (wait for a condition, or mark the test perf)"
            found.append(Finding(path, bound.lineno, node.name, rule))
        for count in _fixed_waits_then_counts(node):
            rule = "an exact count after a fixed qtbot.wait(N) (use waitUntil or waitSignal)"
            found.append(Finding(path, count.lineno, node.name, rule))
    return found


def test_no_test_asserts_the_wall_clock_or_counts_after_a_fixed_wait() -> None:
    found: list[Finding] = []
    for path in sorted(TESTS.rglob("test_*.py")):
        if path == Path(__file__).resolve():
            continue  # its samples below are the very shapes it looks for
        found += findings(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS)))
    assert not found, "\n".join(map(str, found))


# -- the checker finds what it is for, and lets through what it is not for ---------------------


def _rules(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule.split(" (")[0]) for f in findings(textwrap.dedent(source))]


def test_it_finds_an_upper_bound_on_a_clock_read_directly_or_through_a_name() -> None:
    assert _rules(
        """
        def test_fast():
            started = time.perf_counter()
            work()
            assert time.perf_counter() - started < 2
            took = time.monotonic() - started
            assert took <= 5
            assert 0.5 > time.monotonic() - started
        """
    ) == [(line, "a wall-clock upper bound") for line in (5, 7, 8)]


def test_it_finds_a_duration_measured_by_a_helper() -> None:
    assert [line for line, _ in _rules("def test_a():\n    assert gaps.longest < 0.1\n")] == [2]
    done_and_took = "def test_b():\n    done, took = launch()\n    assert took < LIMIT\n"
    assert [line for line, _ in _rules(done_and_took)] == [3]


def test_it_lets_a_lower_bound_a_perf_test_and_a_non_test_through() -> None:
    assert (
        _rules(
            """
        def test_spacing():
            started = time.monotonic()
            assert time.monotonic() - started >= 0.15

        @pytest.mark.perf
        def test_fast():
            assert time.perf_counter() - started < 2

        def helper():
            assert time.monotonic() - started < 1

        def test_polls(qtbot):
            deadline = time.monotonic() + 10
            while not done():
                assert time.monotonic() < deadline
        """
        )
        == []
    )


def test_it_finds_an_exact_count_after_a_fixed_wait_but_not_after_a_condition() -> None:
    assert _rules(
        """
        def test_debounce(qtbot):
            qtbot.wait(500)
            assert calls == ["one"]
            qtbot.wait(DELAY_MS + 200)
            other = 1
            assert len(rows) == 3
            qtbot.waitUntil(lambda: rows)
            assert len(rows) == 3
            qtbot.wait(150)
            assert dialog.confirm is None
        """
    ) == [
        (4, "an exact count after a fixed qtbot.wait(N)"),
        (7, "an exact count after a fixed qtbot.wait(N)"),
    ]
