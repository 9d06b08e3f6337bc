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

# Each picture is cut to its window: the desk at its full 1280x800 on the 1440x900 screen; at
# 200 % on a 1920x1080 screen it takes 90 % of the 960x540 logical pixels (shell.fitted_size),
# 864x486, drawn at twice that. The cheat sheet is a window of its own, sized to its rows.
SIZES = {"scale-200": (1728, 972), "cheat-sheet": None}


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
        expected = SIZES.get(path.stem, (1280, 800))
        if expected is not None:
            assert (image.width(), image.height()) == expected, path.name
        else:
            assert image.width() >= 400 and image.height() >= 400, path.name
        assert colours(image) > 20, f"{path.name} looks blank"
