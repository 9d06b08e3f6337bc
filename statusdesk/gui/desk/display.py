"""The workspace's display settings, applied before the window builds a widget and again when
the settings window saves them: light, dark or the desktop's colours (`ui.theme`,
widgets/theme.py) and the digits numbers are shown in under an Arabic interface
(`display.digits`, widgets/reading.py). Read once here, never per paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from statusdesk import settings
from statusdesk.gui.widgets import reading, theme

if TYPE_CHECKING:
    from statusdesk.desk import Desk


def apply_display(desk: Desk) -> None:
    theme.apply(desk.settings.workspace_setting(settings.THEME))
    reading.apply_digits(desk.settings.display_digits())
