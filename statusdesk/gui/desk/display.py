"""The workspace's display settings, applied before the window builds a widget and again when
the settings window saves them: light, dark or the desktop's colours (`ui.theme`,
widgets/theme.py) and the digits numbers are shown in under an Arabic interface
(`display.digits`, widgets/reading.py). Read once here, never per paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from statusdesk import settings
from statusdesk.gui.widgets import reading, theme

if TYPE_CHECKING:
    from statusdesk.app.startup import FirstRead
    from statusdesk.desk import Desk


def apply_display(desk: Desk, first: FirstRead | None = None) -> None:
    """From `first`, the launcher's read off the GUI thread, when there is one (a team desk's
    reads are round trips to its server); else from the desk."""
    if first is not None:
        theme.apply(settings.value(first, settings.THEME))
        reading.apply_digits(first.digits)
        return
    theme.apply(desk.settings.workspace_setting(settings.THEME))
    reading.apply_digits(desk.settings.display_digits())
