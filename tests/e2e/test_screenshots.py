"""The README's screenshots come from a script that starts the real app under Xvfb and drives it
with real keys (bench/screenshots.py). Run here so it cannot rot: every picture is written, is
the size of its screen, and shows something (not one flat colour)."""

from __future__ import annotations

import ctypes.util
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.conftest import need, need_executable

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.screenshots import SHOTS, seed_demo, shoot  # noqa: E402

SCREENS = {"scale-200": (1920, 1080)}


def colours(image: QImage) -> int:
    """Distinct colours on a coarse grid: a blank or half-drawn screen has very few."""
    step = 16
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_the_screenshot_script_writes_every_picture(tmp_path: Path) -> None:
    need_executable("Xvfb", "xvfb")
    need_executable("xdotool", "xdotool")
    for lib, package in (("xcb-icccm", "libxcb-icccm4"), ("xcb-keysyms", "libxcb-keysyms1")):
        need(ctypes.util.find_library(lib) is not None, f"lib{lib} missing (Debian {package})")
    home = tmp_path / "demo"
    seed_demo(home)
    written = shoot(home, tmp_path / "shots")
    assert [p.stem for p in written] == list(SHOTS)
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == SCREENS.get(path.stem, (1280, 800)), path.name
        assert colours(image) > 20, f"{path.name} looks blank"
