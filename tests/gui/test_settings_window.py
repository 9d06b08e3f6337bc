"""The Settings window (issue #12 §7), driven by keys on the real main window: opened by its key,
from its menu and from the command palette; every setting with its meaning and a fitting
control; Save keeps the values (the status page rebuilt off the GUI thread) and Esc keeps
nothing; a refused value is said under its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from statusdesk import settings
from statusdesk.desk import Desk
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.keys.bindings import key_for
from statusdesk.gui.settings.settings_window import SettingsWindow
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text


def open_settings(qtbot, window: MainWindow) -> SettingsWindow:  # type: ignore[no-untyped-def]
    press(key_for("settings"))
    dialog = window.windows.settings_window
    qtbot.waitUntil(lambda: dialog.isVisible() and focused() is dialog.first_focus())
    # the values read on the TaskRunner are in the controls
    qtbot.waitUntil(lambda: dialog.values() == {r["key"]: r["value"] for r in listed(window)})
    return dialog


def listed(window: MainWindow) -> list[dict[str, str]]:
    return window.desk.settings.workspace_settings()


def kept(home: Path, key: str) -> str:
    with Desk(home) as desk:
        return desk.settings.workspace_setting(key)


def tab_to(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    for _ in range(20):
        if focused() is widget:
            return
        press("Tab")
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def test_every_setting_has_its_meaning_and_a_control_that_fits(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    window = launch()
    menu = window.menuBar().findChild(QWidget, "menu-Edit")
    assert window.actions_by_command["settings"] in menu.actions()
    assert key_for("keys") == "Ctrl+,"  # the keyboard shortcuts keep their key
    dialog = open_settings(qtbot, window)
    kinds = {key: type(widget) for key, widget in dialog.controls.items()}
    assert kinds == {
        settings.CADENCE: QSpinBox,
        settings.GRACE: QDoubleSpinBox,
        settings.REMIND: QSpinBox,
        settings.ZONE: QComboBox,
        settings.DIGITS: QComboBox,
        settings.SITE_TITLE_EN: QLineEdit,
        settings.SITE_TITLE_AR: QLineEdit,
        settings.SITE_LOGO_EN: QLineEdit,
        settings.SITE_LOGO_AR: QLineEdit,
        settings.SITE_HOME_URL: QLineEdit,
        settings.SITE_SUBSCRIBE_URL: QLineEdit,
        settings.SITE_ZONE: QComboBox,  # the same list of zones as the display zone's
        settings.UI_LANGUAGE: QComboBox,
        settings.THEME: QComboBox,  # system, light, dark
        settings.REVIEW_REQUIRED: QComboBox,  # off, on
        settings.REVIEW_WAIVE: QComboBox,  # none, critical
        settings.STORE_URL: QLineEdit,  # a postgresql:// address, kept on this machine
        settings.DESK_AUTHOR: QLineEdit,  # a name, kept on this machine
    }
    digits = dialog.controls[settings.DIGITS]
    assert isinstance(digits, QComboBox)
    assert [digits.itemData(i) for i in range(digits.count())] == ["latn", "arab"]
    zones = dialog.controls[settings.ZONE]
    assert isinstance(zones, QComboBox) and zones.isEditable()
    assert zones.findText("Asia/Riyadh") >= 0 and zones.currentText() == "UTC"
    page_zone = dialog.controls[settings.SITE_ZONE]
    assert isinstance(page_zone, QComboBox) and page_zone.currentText() == "UTC"
    cadence = dialog.controls[settings.CADENCE]
    assert isinstance(cadence, QSpinBox) and (cadence.minimum(), cadence.maximum()) == (1, 1440)
    for spec in settings.SETTINGS:
        meaning = dialog.findChild(QLabel, f"meaning-{spec.key}")
        assert meaning is not None and meaning.text() == spec.meaning
    press("Esc")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: focused() is window.list)


def test_save_keeps_the_values_and_rebuilds_the_status_page(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    page = home / "site" / "index.html"
    assert "<title>Service status" in page.read_text(encoding="utf-8")
    dialog = open_settings(qtbot, window)
    assert focused() is dialog.controls[settings.CADENCE]
    press("Ctrl+A")
    type_text("15")
    tab_to(qtbot, dialog.controls[settings.DIGITS])
    press("Down")  # Arabic-Indic
    tab_to(qtbot, dialog.controls[settings.SITE_TITLE_EN])
    press("Ctrl+A")
    type_text("Acme Exchange status")
    tab_to(qtbot, dialog.controls[settings.SITE_TITLE_AR])
    press("Ctrl+A")
    type_text("حالة منصة أكمي")
    press("Ctrl+S")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert kept(home, settings.CADENCE) == "15"
    assert kept(home, settings.DIGITS) == "arab"
    assert kept(home, settings.SITE_TITLE_AR) == "حالة منصة أكمي"
    assert "<title>Acme Exchange status" in page.read_text(encoding="utf-8")
    arabic = (home / "site" / "ar" / "index.html").read_text(encoding="utf-8")
    assert "حالة منصة أكمي" in arabic
    qtbot.waitUntil(lambda: "status page was rebuilt" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: focused() is window.list)


def test_esc_closes_without_change_and_a_bad_value_is_said_under_its_field(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_settings(qtbot, window)
    tab_to(qtbot, dialog.controls[settings.SITE_TITLE_EN])
    press("Ctrl+A")
    type_text("Never kept")
    press("Esc")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert kept(home, settings.SITE_TITLE_EN) == "Service status"

    dialog = open_settings(qtbot, window)
    title = dialog.controls[settings.SITE_TITLE_EN]
    assert isinstance(title, QLineEdit) and title.text() == "Service status"  # read again
    tab_to(qtbot, dialog.controls[settings.ZONE])
    press("Ctrl+A")
    type_text("Mars/Olympus")
    tab_to(qtbot, title)
    press("Ctrl+A")
    press("Backspace")
    tab_to(qtbot, dialog.save_button)
    press("Return")
    problem = dialog.problems[settings.SITE_TITLE_EN]
    qtbot.waitUntil(lambda: problem.isVisible())
    assert "1 to 80 characters" in problem.text()
    zone_problem = dialog.problems[settings.ZONE]
    assert zone_problem.isVisible() and "IANA zone name" in zone_problem.text()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is dialog.controls[settings.ZONE])  # the first at fault
    assert kept(home, settings.ZONE) == "UTC"  # nothing was kept, not even what was good

    press("Ctrl+A")
    type_text("Asia/Riyadh")
    tab_to(qtbot, title)
    type_text("Acme")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert kept(home, settings.ZONE) == "Asia/Riyadh"
    assert kept(home, settings.SITE_TITLE_EN) == "Acme"


def test_the_palette_opens_it(qtbot, home: Path, launch: WindowFactory) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    press(key_for("palette"))
    palette = window.tools.palette
    qtbot.waitUntil(lambda: palette.isVisible() and focused() is palette.query)
    type_text("settings")
    qtbot.waitUntil(lambda: bool(palette.shown()) and palette.shown()[0].key == "command:settings")
    press("Return")
    dialog = window.windows.settings_window
    qtbot.waitUntil(lambda: dialog.isVisible() and focused() is dialog.first_focus())
    press("Esc")
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_interface_language_is_chosen_here_and_applies_at_the_next_start(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_settings(qtbot, window)
    languages = dialog.controls[settings.UI_LANGUAGE]
    assert isinstance(languages, QComboBox)
    assert [languages.itemData(i) for i in range(languages.count())] == ["system", "ar", "en"]
    assert languages.currentData() == "system"
    tab_to(qtbot, languages)
    press("Down")  # العربية (Arabic)
    press("Ctrl+S")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert kept(home, settings.UI_LANGUAGE) == "ar"
    qtbot.waitUntil(
        lambda: (
            "interface language changes at the next start" in window.statusBar().currentMessage()
        )
    )
