"""Which language the interface speaks, and installing it into the QApplication.

The command line's `--ui-language` wins over the workspace's `ui.language`; `system` (either's
default) follows QLocale.system(): Arabic → ar, anything else → en. The setting is read before
any widget is built, so it is peeked at read-only, straight from the workspace's database (one
primary-key lookup), before the workspace is opened properly: a workspace that cannot be read
here just leaves the choice to the system, and the launcher says what is wrong with it later.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en")  # what the interface can speak; "system" picks one of them
# statusdesk/settings.py's UI_LANGUAGE and its choices (not imported: it costs some 25 ms before
# the first window, with the zone database; tests/gui/test_i18n.py checks they agree)
SETTING = "ui.language"
CHOICES = ("system", *LANGUAGES)
QM_FOLDER = Path(__file__).resolve().parent / "qm"


def system_language(locale: QLocale | None = None) -> str:
    """ar when the system's locale is Arabic, en otherwise."""
    chosen = locale if locale is not None else QLocale.system()
    return "ar" if chosen.language() == QLocale.Language.Arabic else "en"


def peek_setting(home: Path) -> str | None:
    """The workspace's `ui.language` as kept (None: not set, not valid, or not readable)."""
    from statusdesk.workspace import peek_local_setting

    value = peek_local_setting(home / "statusdesk.db", SETTING)
    return value if value in CHOICES else None  # as settings.py's check keeps it


def choose(flag: str | None, home: Path | None, locale: QLocale | None = None) -> str:
    """ar or en: the flag's if given and not `system`, else the setting's, else the system's."""
    wanted = flag or (peek_setting(home) if home is not None else None)
    if wanted in LANGUAGES:
        return wanted
    return system_language(locale)


class LatinKeyNames(QTranslator):
    """Key names as printed on the keys. qtbase_ar.qm names some keys in Arabic and not others
    ("Alt+الأعلى" for Alt+Up, "Ctrl+Shift+P" as it is), which reads as neither; Arabic
    keyboards print Ctrl, Shift, Alt, Enter and the arrows in Latin, and Windows' Arabic
    interface writes its shortcuts so. QKeySequence's NativeText (menus, the cheat sheet, the
    keys window) asks context "QShortcut" for each name: this translator answers it with the
    English name and leaves every other context to the translators installed before it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return source if context == "QShortcut" else None

    def isEmpty(self) -> bool:
        return False


class Installed:
    """What install() put into the app; remove() takes it out again (tests)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.translators: list[QTranslator] = []
        self.direction = Qt.LayoutDirection.LeftToRight

    def remove(self, app: QApplication) -> None:
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators.clear()
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def qm_files(language: str, folder: Path = QM_FOLDER) -> list[Path]:
    """The app's compiled translations for `language`, one per GUI package."""
    return sorted(folder.glob(f"*_{language}.qm")) if folder.is_dir() else []


def install(app: QApplication, language: str) -> Installed:
    """Qt's translators for `language` (the app's packages and Qt's own standard buttons) and
    the layout direction that goes with it; call before any widget is built."""
    installed = Installed(language)
    if language != "en":
        files = qm_files(language)
        if not files:
            log.warning(
                "no translations for %r in %s: reinstall statusdesk (pip install -e .) so that "
                "they are built",
                language,
                QM_FOLDER,
            )
        for path in files:
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                installed.translators.append(translator)
            else:
                log.warning("cannot load the translation %s", path)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", qt_folder):
            app.installTranslator(qt_own)
            installed.translators.append(qt_own)
        else:
            log.info("Qt's own %s translation is not in %s", language, qt_folder)
        # After Qt's own, so asked first: key names stay as printed on the keys.
        latin = LatinKeyNames(app)
        app.installTranslator(latin)
        installed.translators.append(latin)
    installed.direction = (
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
    app.setLayoutDirection(installed.direction)
    return installed
