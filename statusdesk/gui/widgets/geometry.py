"""How big a window opens: the desk's size, or less on a smaller screen (both the shell and
the desk ask here, so nothing moves when the desk arrives)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QScreen

SCREEN_SHARE = 0.9  # of the screen's free area, at most, for the first size


SIZE = (1280, 800)  # MainWindow's own size, so nothing moves when the desk arrives


def fitted_size(width: int, height: int) -> QSize:
    """(width, height), or less where the primary screen's free area is smaller: at 200 % a
    1920×1080 screen offers 960×540, and a window opened larger than the screen has its title
    bar and edges out of reach. The shell and the desk ask the same, so nothing moves."""
    screen: QScreen | None = QGuiApplication.primaryScreen()  # None before any screen is known
    if screen is None:
        return QSize(width, height)
    free = screen.availableGeometry()
    return QSize(
        min(width, int(free.width() * SCREEN_SHARE)),
        min(height, int(free.height() * SCREEN_SHARE)),
    )
