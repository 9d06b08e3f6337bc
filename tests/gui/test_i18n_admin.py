"""Issue #16: the workspace's own windows in Arabic — Settings first — from this repository's
.ts sources (compiled with pyside6-lrelease, as the install does), with Qt's own standard
buttons (qtbase_ar) and the layout mirrored: opened by their keys, titles, labels, buttons,
choices and tooltips are Arabic, and nothing is left in English but names and keys."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox

from statusdesk import settings as registry
from statusdesk.core.model import IncidentKind, IncidentState
from statusdesk.desk import Desk
from statusdesk.gui.channels.channel_forms import KIND_FORMS
from statusdesk.gui.export.export_dialog import ExportDialog
from statusdesk.gui.keys.bindings import key_for
from statusdesk.gui.settings import words
from statusdesk.gui.settings.settings_window import SettingsWindow
from statusdesk.gui.templates.templates_window import TemplatesWindow
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.scheduling.template_store import store_path
from statusdesk.scheduling.templates import PLACEHOLDERS
from statusdesk.secrets import KeyringSecrets
from tests import memkeyring
from tests.gui.keys import press, type_text
from tests.gui.test_channels_dialog import open_channels
from tests.gui.test_i18n_compose import ARABIC, TS_DIR, english_in, leftover_english, tool
from tests.gui.test_subscribers_view import asked, open_subscribers, select, subscribe

memory_keyring = memkeyring.memory_keyring  # a fixture, taken by name


@pytest.fixture
def arabic(qapp: QApplication, tmp_path: Path) -> Iterator[list[QTranslator]]:
    """Every package's Arabic from its .ts and Qt's own, the layout mirrored; English and left
    to right again afterwards."""
    lrelease = tool("pyside6-lrelease")
    installed = []
    for ts in sorted(TS_DIR.glob("*_ar.ts")):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        installed.append(translator)
    qt_own = QTranslator()
    if qt_own.load("qtbase_ar", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        assert QCoreApplication.installTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


# -- Settings -----------------------------------------------------------------------------------


def test_the_settings_words_are_the_registrys_own_in_english() -> None:
    """The window's table marks the registry's English for translation, word for word: the
    English window reads as the CLI does, and a new setting cannot go without its words."""
    for spec in registry.SETTINGS:
        assert words.label(spec) == spec.label, spec.key
        assert words.meaning(spec) == spec.meaning, spec.key
        assert words.allowed(spec) == spec.allowed, spec.key
    assert set(words.LABELS) == set(words.MEANINGS) == set(words.ALLOWED) == set(registry.BY_KEY)


# What may stay Latin in the Settings window: the setting keys and their values as typed
# (`system`, `ar`, latn, mailto:), the command lines it quotes, the page's formats and zones.
SETTING_NAMES = [
    *registry.BY_KEY,
    *(c for s in registry.SETTINGS for c in s.choices),
    *(s.default for s in registry.SETTINGS),
    "statusdesk setting list | set",
    "--cadence-min",
    "--remind-min",
    "--ui-language ar|en|system",
    "statusdesk db password URL",
    "--db URL",
    "--db local",
    "statusdesk --author NAME",
    "STATUSDESK_AUTHOR",
    "postgresql://",
    "PostgreSQL",
    "api/v2",
    "Atom",
    "IANA",
    "Asia/Riyadh",
    "Europe/London",
    "mailto:someone@example.com",
    "mailto:address",
    "started_at",
    "next_update",
    "window_start",
    "window_end",
    "eta",
    "English",
    "https",
    "http",
]


def test_the_settings_window_speaks_arabic(
    qtbot, home: Path, launch, arabic: list[QTranslator]
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    press(key_for("settings"))
    settings = window.windows.settings_window
    assert isinstance(settings, SettingsWindow)
    qtbot.waitUntil(lambda: settings.isVisible() and bool(settings._loaded))
    assert settings.windowTitle() == "statusdesk — الإعدادات"
    assert settings.save_button.text() == "&حفظ"
    assert ARABIC.search(settings.cancel_button.text()), settings.cancel_button.text()
    assert english_in(settings, SETTING_NAMES) == []
    for key, control in settings.controls.items():
        assert ARABIC.search(control.accessibleName()), key
        assert not leftover_english(control.accessibleName(), SETTING_NAMES), key
        assert ARABIC.search(control.toolTip()), key
    choices = {
        key: [control.itemText(i) for i in range(control.count())]
        for key, control in settings.controls.items()
        if isinstance(control, QComboBox) and not control.isEditable()
    }
    assert choices == {
        registry.DIGITS: ["أرقام لاتينية (0123)", "أرقام هندية (٠١٢٣)"],
        registry.UI_LANGUAGE: ["لغة النظام", "العربية", "English"],
        registry.THEME: ["كما في النظام (فاتحة أو داكنة)", "فاتحة", "داكنة"],
        registry.REVIEW_REQUIRED: ["معطّلة: يُنشر فورًا", "مفعّلة: يعتمده شخص آخر أولًا"],
        registry.REVIEW_WAIVE: ["لا شيء: يُراجَع كل تحديث", "التحديثات الحرجة تُنشر فورًا"],
    }
    press("Escape")
    qtbot.waitUntil(lambda: not settings.isVisible())


# -- Subscribers --------------------------------------------------------------------------------

PEOPLE = ["amal@example.com", "bob@example.com", "gone@example.com", "name@example.com"]


def test_the_subscribers_window_and_its_popups_speak_arabic(
    qtbot, home: Path, launch, arabic: list[QTranslator]
) -> None:  # type: ignore[no-untyped-def]
    subscribe(home, ("amal@example.com", "ar"), ("bob@example.com", "en"))
    subscribe(home, ("gone@example.com", "both"))
    with Desk(home) as desk:
        desk.store.subscribers.remove("gone@example.com", "2026-03-05T10:00:00Z")
    window = launch()
    dialog = open_subscribers(qtbot, window, rows=3)
    assert dialog.windowTitle() == "statusdesk — المشتركون"
    assert dialog.count_line.text() == (
        "المشتركون النشطون: 2 (1 بالعربية، 1 بالإنجليزية، 0 باللغتين)؛ ومن ألغوا اشتراكهم: 1 "
        "(محفوظون في السجل ولا يُرسل إليهم شيء)"
    )
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["العنوان", "اللغة", "مشترك منذ", "ألغى الاشتراك", "المكونات"]
    assert model.data(model.index(0, 4)) == "كل المكونات"
    assert model.data(model.index(1, 3)) == "لا"
    assert [dialog.add_form.language.itemText(i) for i in range(3)] == [
        "كلتاهما (الإنجليزية والعربية)",
        "الإنجليزية فقط",
        "العربية فقط",
    ]
    assert ARABIC.search(dialog.close_button.text()), dialog.close_button.text()
    assert (
        english_in(dialog, [*PEOPLE, "CSV", "UTF-8", "email,language,components", "Delete"]) == []
    )
    # The question before a removal, and the components editor.
    select(dialog, "amal@example.com")
    press("Delete")
    confirm = asked(qtbot, dialog)
    assert confirm.windowTitle() == "statusdesk — إلغاء الاشتراك؟"
    assert confirm.yes.text() == "أ&لغِ الاشتراك"
    assert english_in(confirm, PEOPLE) == []
    press("Escape")
    qtbot.waitUntil(lambda: dialog.confirm is None)
    select(dialog, "amal@example.com")
    press("F2")
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible())
    editor = dialog.editor
    assert editor.windowTitle() == "statusdesk — المكونات"
    assert editor.list.item(0).text() == "كل المكونات"
    assert english_in(editor, [*PEOPLE, "statusdesk component add"]) == []
    press("Escape")


# -- Templates ----------------------------------------------------------------------------------

# What may stay Latin in the Templates window: the templates' names and the values of their
# kind and state (as the CLI takes them), the placeholders, the English editor's example text.
TEMPLATE_NAMES = [
    *PLACEHOLDERS,
    "We are investigating",
    "Next update by",
    "db-failover",
    "Delete",
    "Insert",
    *(kind.value for kind in IncidentKind),
    *(state.value for state in IncidentState),
]


def test_the_templates_window_and_its_questions_speak_arabic(
    qtbot, home: Path, launch, arabic: list[QTranslator]
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    press(key_for("templates"))
    qtbot.waitUntil(lambda: window.tools._templates_window is not None)
    templates: TemplatesWindow = window.tools._templates_window
    qtbot.waitUntil(lambda: templates.isVisible() and templates.list.topLevelItemCount() > 0)
    assert templates.windowTitle() == "statusdesk — القوالب"
    header = templates.list.headerItem()
    assert [header.text(c) for c in range(4)] == ["الاسم", "النوع", "الحالة", "المصدر"]
    names = [templates.list.topLevelItem(i).text(0) for i in range(3)]
    sources = {templates.list.topLevelItem(i).text(3) for i in range(3)}
    assert sources == {"افتراضي"}
    assert ARABIC.search(templates.form.title())
    assert english_in(templates, [*TEMPLATE_NAMES, *names, str(store_path(home))]) == []
    # A new template, then Esc: the question before losing it.
    templates.new_button.click()  # its key is the Arabic label's letter now
    qtbot.waitUntil(lambda: templates.form.title() == "قالب جديد")
    type_text("db-failover")
    press("Escape")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), ConfirmPopup))
    question = QApplication.activeWindow()
    assert ARABIC.search(question.windowTitle())
    assert english_in(question, [*TEMPLATE_NAMES, *names]) == []
    press("Escape")


# -- Export -------------------------------------------------------------------------------------


def test_the_export_popup_and_the_status_page_messages_speak_arabic(
    qtbot, home: Path, active_incident: int, launch, arabic: list[QTranslator]
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    qtbot.waitUntil(lambda: window.list.currentIndex().isValid())
    window.list.setFocus()
    press(key_for("export"))
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), ExportDialog))
    dialog = QApplication.activeWindow()
    assert dialog.windowTitle() == "statusdesk — تصدير السجل الزمني"
    assert dialog.export_button.text() == "&صدّر"
    title = window.model.summary(window.list.currentIndex().row()).incident.title.en
    formats = ["Markdown", "HTML", "PDF", "CSV", "JSON"]
    assert english_in(dialog, [title, dialog.path.text(), "UTC", "Esc", *formats]) == []
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # Rebuilding the status page says so in the status line, in Arabic.
    press(key_for("rebuild-status-page"))
    qtbot.waitUntil(lambda: "أُعيد بناء صفحة الحالة" in window.status_line.currentMessage())


# -- Channels -----------------------------------------------------------------------------------

# What may stay Latin in the Channels window: the channels' kinds and names, the settings' keys
# and the values they take, example addresses and the products' own names.
CHANNEL_NAMES = [
    *KIND_FORMS,
    *(f.setting for form in KIND_FORMS.values() for f in form.fields),
    *(f.hint for form in KIND_FORMS.values() for f in form.fields),
    *[
        "incident",
        "update",
        "public",
        "unlisted",
        "starttls",
        "tls",
        "none",
        "latn",
        "arab",
        "oauth1",
        "oauth2",
        "on",
        "off",
    ],
    *[
        "slack",
        "discord",
        "teams",
        "git",
        "sftp",
        "s3",
        "POST",
        "URL",
        "JSON",
        "SMTP",
        "AUTH",
        "PDS",
        "Atlassian",
        "Statuspage",
    ],
    *[
        "Mastodon",
        "Bluesky",
        "Telegram",
        "Git",
        "SFTP",
        "R2",
        "MinIO",
        "API",
    ],
    "ops-hook",
    "yes",
    # examples, as typed, and Statuspage's own menu (its interface is English: an LTR path)
    "acme.bsky.social",
    "a@x.com, b@y.com",
    "kctbh9vrtdwd",
    "@acme_status",
    "Your page → API info",  # a left-to-right run: its arrow points the English way
    "statusdesk channel add",
    "NAME --set k=v",
]


def test_the_channels_window_speaks_arabic_for_every_kind(
    qtbot,
    home: Path,
    launch,
    arabic: list[QTranslator],
    memory_keyring: memkeyring.MemoryKeyring,  # a keyring, as on a desktop: no keyring warning
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    dialog = open_channels(qtbot, window, rows=1)  # the workspace's own site channel
    assert dialog.windowTitle() == "statusdesk — القنوات"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers[:3] == ["الاسم", "النوع", "مفعّلة"]
    # The keyring's own name ("SecretService Keyring — keyring.backends…") is a name.
    keyring_name = KeyringSecrets().describe()
    names = [dialog.table.item(0, 0).text(), keyring_name]
    assert english_in(dialog, [*CHANNEL_NAMES, *names]) == []
    # Every kind's form: its title in the kind list, its labels, hints and tooltips.
    form = dialog.add_form
    left: list[str] = []
    for index in range(form.kind.count()):
        form.kind.setCurrentIndex(index)
        kind = form.kind_value()
        assert ARABIC.search(form.kind.itemText(index)), kind
        for setting, edit in form.fields.items():
            assert ARABIC.search(edit.accessibleName()), (kind, setting)
        left += english_in(form, [*CHANNEL_NAMES, *names])
    assert left == [], "\n".join(left)
    assert [form.language.itemText(i) for i in range(3)] == [
        "كلتاهما (الإنجليزية والعربية)",
        "الإنجليزية فقط",
        "العربية فقط",
    ]
    assert [form.order.itemText(i) for i in range(2)] == ["الإنجليزية أولًا", "العربية أولًا"]
    press("Escape")
