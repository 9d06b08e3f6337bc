"""Fixtures shared by every test: a throwaway workspace, a Desk on it, and the rule that a test
needing a system tool skips on a laptop without it but fails in CI (where it must be there)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run offscreen unless a test starts its own X server; set before PySide6 is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IN_CI = bool(os.environ.get("CI"))


def need(condition: bool, reason: str) -> None:
    """Skip with `reason` on a developer's machine; fail in CI, which installs everything."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this, but: {reason}", pytrace=False)
    pytest.skip(reason)


def need_executable(name: str, package: str) -> str:
    path = shutil.which(name)
    need(path is not None, f"{name} not found (Debian package {package})")
    assert path is not None
    return path


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real user's workspace, config or keyring."""
    base = tmp_path_factory.mktemp("env")
    monkeypatch.setenv("STATUSDESK_HOME", str(base / "default-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "workspace"
    path.mkdir()
    return path


@pytest.fixture
def desk(home: Path) -> Iterator[object]:
    from statusdesk.desk import Desk

    with Desk(home) as opened:
        yield opened
