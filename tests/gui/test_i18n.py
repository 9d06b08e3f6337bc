"""Issue #16: the interface in Arabic. The language chosen (--ui-language over ui.language over
the system's locale), the translators installed before any widget, the layout mirrored in
Arabic and not in English, and the editors keeping their own directions either way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from statusdesk import settings
from statusdesk.__main__ import main as entry_point
from statusdesk.cli import asks_for_the_app, ui_language
from statusdesk.desk import Desk
from statusdesk.gui.i18n import language
from statusdesk.gui.launch.app import run
from tests.gui.conftest import WindowFactory

ARABIC = QLocale(QLocale.Language.Arabic, QLocale.Country.SaudiArabia)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[list[language.Installed]]:
    """Install a language for the test; English and left-to-right again afterwards."""
    installed: list[language.Installed] = []
    yield installed
    for done in installed:
        done.remove(qapp)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def set_language(home: Path, value: str) -> None:
    with Desk(home) as desk:
        desk.settings.set_workspace_settings({settings.UI_LANGUAGE: value}, "test")


def test_the_qm_files_are_built() -> None:
    """`pip install -e .` built them from the .ts sources (setup.py); one per .ts."""
    sources = sorted(p.stem for p in (language.QM_FOLDER.parent / "ts").glob("*_ar.ts"))
    assert [p.stem for p in language.qm_files("ar")] == sources != []


def test_the_flag_wins_over_the_setting_which_wins_over_the_system(home: Path) -> None:
    assert language.choose(None, home, ARABIC) == "ar"  # no setting: the system's
    assert language.choose(None, home, ENGLISH) == "en"
    set_language(home, "ar")
    assert language.peek_setting(home) == "ar"
    assert language.choose(None, home, ENGLISH) == "ar"
    assert language.choose("en", home, ARABIC) == "en"
    assert language.choose("system", home, ENGLISH) == "en"  # the flag's system: not the setting
    set_language(home, "system")
    assert language.choose(None, home, ARABIC) == "ar"
    assert language.choose(None, home / "nowhere", ENGLISH) == "en"  # no workspace yet


def test_a_setting_not_valid_any_more_is_the_system_language(home: Path) -> None:
    with Desk(home) as desk:
        desk.store.settings.set_setting(settings.UI_LANGUAGE, "fr", desk.now())
    assert language.peek_setting(home) is None
    assert language.choose(None, home, ENGLISH) == "en"


def test_the_setting_refuses_what_it_does_not_know() -> None:
    spec = settings.setting(settings.UI_LANGUAGE)
    assert spec.default == "system" and spec.choices == ("system", "ar", "en")
    assert (settings.UI_LANGUAGE, spec.choices) == (language.SETTING, language.CHOICES)
    assert spec.check(" ar ") == "ar"
    with pytest.raises(settings.SettingError, match="system, ar or en"):
        spec.check("arabic")


def test_the_command_line_flag_is_the_apps_only() -> None:
    assert asks_for_the_app(["--ui-language", "ar"]) == (True, None)
    assert asks_for_the_app(["--home", "/x", "--ui-language=en"]) == (True, "/x")
    assert ui_language(["--home", "/x", "--ui-language", "ar"]) == "ar"
    assert ui_language(["--home", "/x"]) is None
    assert asks_for_the_app(["--ui-language", "ar", "incident", "list"])[0] is False


def test_an_unknown_flag_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry_point(["--ui-language", "fr"]) == 2
    assert "--ui-language takes ar, en, system" in capsys.readouterr().err


def left_of(widget: QWidget, other: QWidget, window: QMainWindow) -> bool:
    return widget.mapTo(window, QPoint(0, 0)).x() < other.mapTo(window, QPoint(0, 0)).x()


def test_in_arabic_the_desk_is_mirrored_and_speaks_arabic(
    qapp: QApplication,
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    speaking: list[language.Installed],
) -> None:
    speaking.append(language.install(qapp, "ar"))
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = launch()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&حادثة", "&تحرير", "&انتقال"]
    assert window.actions_by_command["publish"].text() == "&انشر الآن"
    assert window.windowTitle() == f"statusdesk — {home}"
    # the incident list on the right of the incident page
    assert left_of(window.view, window.list, window)
    composer = window.composer
    for editor, direction in (
        (composer.body_en, Qt.LayoutDirection.LeftToRight),
        (composer.body_ar, Qt.LayoutDirection.RightToLeft),
    ):
        assert editor.layoutDirection() == direction
        assert editor.document().defaultTextOption().textDirection() == direction
    # Qt's own standard buttons speak Arabic too (qtbase_ar.qm)
    assert QApplication.translate("QPlatformTheme", "Cancel") not in ("Cancel", "")


def test_in_english_the_desk_is_as_before(
    qapp: QApplication,
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    speaking: list[language.Installed],
) -> None:
    speaking.append(language.install(qapp, "en"))
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window = launch()
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&Incident", "&Edit", "&Go"]
    assert left_of(window.list, window.view, window)
    assert window.composer.body_ar.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("flag", "setting", "menu", "direction"),
    [
        ("ar", "en", "&حادثة", Qt.LayoutDirection.RightToLeft),
        ("en", "ar", "&Incident", Qt.LayoutDirection.LeftToRight),
        (None, "ar", "&حادثة", Qt.LayoutDirection.RightToLeft),
    ],
)
def test_the_app_starts_in_the_language_asked_for(
    qapp: QApplication,
    home: Path,
    active_incident: int,
    monkeypatch: pytest.MonkeyPatch,
    flag: str | None,
    setting: str,
    menu: str,
    direction: Qt.LayoutDirection,
) -> None:
    """run() itself: the desk speaks the language asked for, and the app is English and
    left-to-right again once run() is over (the QApplication outlives it in tests)."""
    set_language(home, setting)
    monkeypatch.setenv("STATUSDESK_EXIT_AFTER_SHOW", "1")  # quits once the desk is painted
    seen: list[tuple[str, Qt.LayoutDirection]] = []

    def look() -> None:
        shells = [
            w for w in qapp.topLevelWidgets() if w.objectName() == "app-shell" and w.isVisible()
        ]
        desk = getattr(shells[0], "desk_window", None) if shells else None
        if desk is not None:
            seen.append((desk.menuBar().actions()[0].text(), qapp.layoutDirection()))
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    assert run(str(home), ui_language=flag) == 0
    assert seen[0] == (menu, direction)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QApplication.translate("Bindings", "&Quit") == "&Quit"


def test_the_keys_speak_arabic_the_cheat_sheet_the_refusals_and_the_palette(
    qapp: QApplication,
    qtbot,
    speaking: list[language.Installed],  # type: ignore[no-untyped-def]
) -> None:
    from statusdesk.gui.keys.cheatsheet import CheatSheet
    from statusdesk.gui.keys.keymap import Keymap, KeymapError
    from statusdesk.gui.palette.palette import CommandPalette, PaletteItem, spoken

    speaking.append(language.install(qapp, "ar"))
    sheet = CheatSheet()
    qtbot.addWidget(sheet)
    header = sheet.table.horizontalHeaderItem(0)
    assert header is not None and header.text() == "المفتاح"
    rows = {command: does for command, _key, does in sheet.rows()}
    assert rows["publish"] == "انشر الآن في القنوات المحددة"
    keymap = Keymap()
    assert keymap.label("publish") == "انشر الآن"
    with pytest.raises(KeymapError) as refused:
        keymap.rebind("publish", "Ctrl+N")
    # The key is a left-to-right isolate inside the Arabic sentence (test_rtl_keys.py).
    said = "\u2066Ctrl+N\u2069 مستخدم لـ«حادثة جديدة»؛ أزل مفتاحه أو غيّره أولًا."
    assert str(refused.value) == said
    with pytest.raises(KeymapError, match="محجوز"):
        keymap.rebind("publish", "Esc")
    owner = QWidget()
    qtbot.addWidget(owner)
    palette = CommandPalette(owner, list)
    assert palette.query.placeholderText() == "ابحث في الأوامر والحوادث والقوالب والقنوات…"
    item = PaletteItem("command", "command:x", "انشر الآن", "Publish now", "Ctrl+Return", print)
    assert spoken(item) == "الأمر: انشر الآن, Publish now, Ctrl+Return"
