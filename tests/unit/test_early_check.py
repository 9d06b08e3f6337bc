"""The integrity check the app starts before Qt loads (gui/runtime/early_check.py, issue #16):
its answer is used when it is about this very file, the check is then not run twice, and any
doubt (no database yet, a file replaced, not a database) leaves the check to the opening."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from statusdesk.app.startup import first_read
from statusdesk.gui.runtime.early_check import EarlyCheck
from statusdesk.store import Store, WorkspaceError, db


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The quick_checks the opening itself runs."""
    ran: list[Path] = []
    quick_check = db.quick_check

    def counted(conn):  # type: ignore[no-untyped-def]
        ran.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return quick_check(conn)

    monkeypatch.setattr(db, "quick_check", counted)
    return ran


def test_a_healthy_workspace_is_checked_once_before_qt_loads(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()
    checks.clear()
    (tmp_path / "statusdesk.db.checked").unlink()
    early = EarlyCheck(path)
    assert early.problems(path) == []
    read = first_read(tmp_path, early.problems)
    assert read.summaries == []
    assert checks == []  # the opening used the early answer
    assert (tmp_path / "statusdesk.db.checked").exists()  # and recorded the check


def test_what_the_early_check_found_stops_the_opening(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()
    with pytest.raises(WorkspaceError, match="failed its integrity check: page 3 is never used"):
        Store.open(path, prechecked=lambda _p: ["page 3 is never used"])


def test_no_database_yet_is_left_to_the_opening_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    assert EarlyCheck(path).problems(path) is None
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_left_to_the_opening(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = tmp_path / "statusdesk.db"
    path.write_bytes(b"this is not a database at all" * 200)
    early = EarlyCheck(path)
    assert early.problems(path) is None
    with pytest.raises(WorkspaceError, match=r"damaged|integrity"):
        first_read(tmp_path, early.problems)
    assert path.read_bytes().startswith(b"this is not")  # left as it was


def test_a_file_replaced_since_the_check_is_checked_again(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()
    early = EarlyCheck(path)
    assert early.problems(path) == []
    copy = tmp_path / "restored.db"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)  # e.g. a backup restored over it meanwhile
    checks.clear()
    assert early.problems(path) is None
    first_read(tmp_path, early.problems)
    assert len(checks) == 1
