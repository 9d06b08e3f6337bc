"""Issue #16: what the layers below the GUI say — a draft's problems, a bad time, a refusal — is
said in Arabic by the Arabic interface (core/words.py, translated in messages_ar.ts and shown
through gui.i18n.localised), while the command line keeps the exact English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Problem
from statusdesk.core.validation import body_problems, text_problems
from statusdesk.core.words import QT_TRANSLATE_NOOP, Words
from statusdesk.gui.i18n import localised
from statusdesk.gui.schedule.schedule_popups import SchedulePicker
from statusdesk.gui.widgets.problems import FIELD_ROLE
from statusdesk.scheduling.when import WhenError, parse_when
from tests import memkeyring
from tests.gui import test_export_dialog
from tests.gui.arabic import compiled_arabic
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text
from tests.gui.test_channels_dialog import open_channels
from tests.memkeyring import MemoryKeyring

ARABIC = re.compile(r"[\u0600-\u06ff]")
memory_keyring = memkeyring.memory_keyring  # a fixture, taken by name
setting = test_export_dialog.setting  # a fixture, taken by name
PACKAGES = (
    "messages",
    "compose",
    "widgets",
    "schedule",
    "wording",
    "incidents",
    "deliveries",
    "channels",
    "desk",
    "subscribers",
    "templates",
    "export",
)


@pytest.fixture
def arabic(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """This repository's Arabic for the words below the GUI and the windows that show them."""
    with compiled_arabic(qapp, tmp_path, PACKAGES):
        yield


def latin_words(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    for name in allowed:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


# -- the words themselves -------------------------------------------------------------------------


def test_words_are_english_strs_that_say_themselves_again_in_arabic(arabic: None) -> None:
    [problem] = text_problems("x" * 25, "body_en", "The English text", 20)
    # Below the GUI: the English, a str like any other (the CLI prints it, tests compare it).
    assert problem.message == (
        "The English text is 25 characters long; the limit is 20. Shorten it or link to a "
        "longer write-up."
    )
    assert isinstance(problem.message, str)
    # A label that is itself marked is said in Arabic too; a plain one stays as given.
    [marked] = body_problems(BilingualText("x" * 20_001, "نص"), [])
    assert localised(marked) == (
        "عدد أحرف النص الإنجليزي 20,001، والحد الأقصى 20,000. اختصره أو ضع رابطًا إلى نص أطول."
    )
    at = Problem("body_ar", QT_TRANSLATE_NOOP("Problems", "The Arabic text"), position=4)
    assert str(at) == "The Arabic text (at character 5)"
    assert localised(at) == "النص العربي (عند الحرف 5)"
    # Errors: a Rejected says each problem; an error carrying Words says them; others as they are.
    refused = Rejected([marked, Problem("x", "a server's own words")])
    assert localised(refused).endswith(" a server's own words")
    assert ARABIC.search(localised(refused))
    assert localised(ValueError("plain")) == "plain"
    # A translation that lost a brace falls back to the English rather than failing.
    broken = Words("Hi Sam", "Nowhere", "Hi {name}", {"name": "Sam"})
    assert localised(broken) == "Hi Sam"


def test_a_command_quoted_in_an_arabic_sentence_reads_left_to_right(
    arabic: None, qapp: QApplication
) -> None:
    """`statusdesk --db local` inside an Arabic sentence: one left-to-right run (LRI…PDI), or
    the bidi algorithm moves its dashes and words about (seen on the fatal message)."""
    said = QT_TRANSLATE_NOOP(
        "Problems",
        "{problem} This folder's store.url setting names that database: `statusdesk "
        "--db local` opens the folder's own file instead, and `statusdesk --db local "
        'setting set store.url ""` forgets it.',
    ).format(problem="x")
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        shown = localised(said)
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert "\u2066`statusdesk --db local`\u2069" in shown
    assert '\u2066`statusdesk --db local setting set store.url ""`\u2069' in shown
    assert ARABIC.search(shown)
    assert "\u2066" not in localised(said)  # left to right, nothing to isolate it from


def test_a_bad_time_is_said_in_arabic_and_in_english_below(arabic: None) -> None:
    now = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)
    with pytest.raises(WhenError) as caught:
        parse_when("in 0m", now, UTC)
    assert str(caught.value) == '"in 0m" is now: leave out --at to publish at once'
    assert localised(caught.value) == '"in 0m" تعني الآن: احذف \u200e--at لتنشر فورًا'
    with pytest.raises(WhenError) as caught:
        parse_when("09:30 today", now, UTC)
    english = str(caught.value)
    assert english.startswith("09:30 today (") and "is 2 h 30 min in the past" in english
    said = localised(caught.value)
    assert "مضى عليه 2 س 30 د" in said and latin_words(said, ("today", "UTC", "at")) == []


# -- the composer ---------------------------------------------------------------------------------


def test_the_composer_says_an_empty_draft_s_problems_in_arabic(
    qtbot, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    press("Ctrl+U")
    press("Ctrl+Return")
    problems = window.composer.problems
    qtbot.waitUntil(lambda: any("النصان الإنجليزي والعربي فارغان" in t for t in problems.texts()))
    for text in problems.texts():
        assert latin_words(text) == [], text
    status = window.statusBar().currentMessage()
    assert "لم يُنشر" in status and "النصان الإنجليزي والعربي فارغان" in status


def test_the_composer_says_an_oversized_and_a_broken_direction_draft_in_arabic(
    qtbot, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    press("Ctrl+U")
    window.composer.body_en.setPlainText("x" * 20_001)
    press("Ctrl+L")
    type_text("الخدمة \u202bمتوقفة")  # RLE at index 7, never closed
    problems = window.composer.problems
    qtbot.waitUntil(
        lambda: any("رمز الاتجاه RLE غير مُغلق (عند الحرف 8)" in t for t in problems.texts()),
        timeout=10_000,
    )
    texts = problems.texts()
    assert any("عدد أحرف النص الإنجليزي 20,001، والحد الأقصى 20,000" in t for t in texts), texts
    for text in texts:
        assert latin_words(text, ("RLE",)) == [], text
    # The jump to the problem still works from the Arabic line.
    fields = [problems.item(i).data(FIELD_ROLE) for i in range(len(texts))]
    assert "body_ar" in fields


def test_the_schedule_picker_says_a_bad_time_in_arabic(
    qtbot, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    press("Ctrl+U")
    type_text("A fix is being deployed.")
    press("Ctrl+L")
    type_text("يجري نشر الإصلاح.")
    press("Ctrl+Shift+Return")
    qtbot.waitUntil(lambda: isinstance(window.popup, SchedulePicker) and window.popup.isVisible())
    picker = window.popup
    assert isinstance(picker, SchedulePicker)
    type_text("in 0m")
    qtbot.waitUntil(lambda: "تعني الآن" in picker.meaning.text())
    # In the app, "publish at once" — no command-line flag to leave out.
    assert picker.meaning.text() == 'تتعذّر الجدولة: "in 0m" تعني الآن: انشر فورًا'
    picker.edit.clear()
    type_text("25:00")
    qtbot.waitUntil(lambda: "ليس وقتًا من اليوم" in picker.meaning.text())
    press("Escape")
    qtbot.waitUntil(lambda: not picker.isVisible())


# -- refusals of the use cases --------------------------------------------------------------------


def test_the_use_cases_refusals_are_said_in_arabic(
    home: Path, active_incident: int, arabic: None
) -> None:
    from statusdesk.desk import Desk

    with Desk(home) as desk:
        with pytest.raises(Rejected) as caught:
            desk.scheduling.cancel_update(999)
        assert caught.value.problems[0].message.startswith("There is no update 999")
        assert localised(caught.value) == (
            "لا يوجد تحديث رقمه 999 (يعرض \u2066`statusdesk update list`\u2069 "
            "التحديثات التي لم تُنشر بعد)."
        )
        with pytest.raises(Rejected) as caught:
            desk.deliveries.skip_delivery(999, "network down")
        assert str(caught.value) == "delivery: There is no delivery 999."
        assert localised(caught.value) == "لا يوجد إرسال رقمه 999."
        with pytest.raises(Rejected) as caught:
            desk.channels.add_channel("site", "has space", {})
        said = localised(caught.value)
        assert said.startswith("لا يصلح 'has space' اسمًا لقناة"), said


# -- channels -------------------------------------------------------------------------------------


def test_the_channels_window_says_a_bad_channel_in_arabic(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    form.name.setFocus()
    press("Return")  # nothing typed: every problem at once
    qtbot.waitUntil(form.problems.isVisible)
    said = form.problems.text()
    assert "لا يصلح '' اسمًا لقناة" in said, said
    assert "يجب أن يكون url عنوانًا بصيغة http://" in said, said
    assert focused() is form.name  # the field at fault found from the English, as before
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_channel_s_own_check_is_said_in_arabic_in_the_composer(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.desk import Desk

    with Desk(home) as desk:  # a Mastodon channel whose access token is not set yet
        desk.channels.add_channel("mastodon", "toot", {"base_url": "https://mastodon.example"})
    window = launch()
    press("Ctrl+U")
    type_text("A fix is being deployed.")
    press("Ctrl+L")
    type_text("يجري نشر الإصلاح.")
    problems = window.composer.problems
    qtbot.waitUntil(
        lambda: any("يحتاج Mastodon إلى السرّ access_token" in t for t in problems.texts()),
        timeout=10_000,
    )
    [line] = [t for t in problems.texts() if "Mastodon" in t]
    assert line.split(": ", 1)[1].startswith("toot: يحتاج Mastodon إلى السرّ access_token")


# -- the workspace that cannot be opened ----------------------------------------------------------


def test_cannot_open_the_workspace_is_said_in_arabic(
    qapp: QApplication, home: Path, active_incident: int
) -> None:
    """The app itself with --ui-language ar, its installed translations (setup.py built them),
    on a workspace another program holds locked: the dialog's title and body in Arabic."""
    import sqlite3

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from statusdesk.gui.i18n import language
    from statusdesk.gui.launch.app import EXIT_WORKSPACE, run

    assert any(p.name == "messages_ar.qm" for p in language.qm_files("ar")), (
        "pip install -e . builds the translations"
    )
    seen: list[tuple[str, str]] = []

    def answer() -> None:  # note the box's title and text, then press its (Arabic) OK
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    holder = sqlite3.connect(home / "statusdesk.db", isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        QTimer.singleShot(50, answer)
        code = run(str(home), ui_language="ar")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == EXIT_WORKSPACE
    [(title, body)] = seen
    assert title == "statusdesk — يتعذر فتح مساحة العمل"
    assert body.startswith("قاعدة بيانات مساحة العمل "), body
    assert "يقفلها برنامج آخر" in body and "لم يتغيّر شيء." in body
    assert str(home / "statusdesk.db") in body  # the path itself, as it is
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight  # English again after run()


# -- the preview column ---------------------------------------------------------------------------


def test_the_preview_column_says_write_the_update_in_arabic(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    """Nothing written yet: each ticked channel's page says what to do, in Arabic (app/previews
    said it in English only), the channel's name kept as it is."""
    from statusdesk.desk import Desk

    with Desk(home) as desk:
        desk.channels.add_channel("webhook", "hook", {"url": "http://127.0.0.1:9/hook"})
    window = launch()
    page = window.composer.preview.page("hook")
    qtbot.waitUntil(lambda: not page.message.isHidden(), timeout=10_000)
    assert page.message.text() == "اكتب التحديث لترى ما سترسله hook."
    assert page.message.accessibleName() == page.message.text()


def test_a_locked_workspace_refusing_a_publish_is_said_in_arabic(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    """The store's WorkspaceError under the composer, in Arabic (it was shown as str(error))."""
    import sqlite3

    window = launch()
    press("Ctrl+U")
    type_text("Written while another program holds the database.")
    press("Ctrl+L")
    type_text("كُتب بينما يمسك برنامج آخر بقاعدة البيانات.")
    locker = sqlite3.connect(home / "statusdesk.db", isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # the write lock, held as a stuck program would
    problems = window.composer.problems
    try:
        press("Ctrl+Return")
        qtbot.waitUntil(
            lambda: any("يقفلها برنامج آخر" in t for t in problems.texts()), timeout=20_000
        )
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    [said] = [t for t in problems.texts() if "يقفلها برنامج آخر" in t]
    assert "statusdesk.db" in said and "is locked by another" not in said, said


# -- subscribers ----------------------------------------------------------------------------------


def test_the_subscribers_window_says_the_store_s_refusals_in_arabic(
    qtbot, home: Path, tmp_path: Path, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    """An address already subscribed, and a CSV file's bad lines: the store's words in Arabic
    (they were shown as str(error)), the address and the values quoted as they are."""
    from tests.gui.test_subscribers_view import open_subscribers, subscribe, write_csv

    subscribe(home, ("amal@example.com", "ar"))
    window = launch()
    dialog = open_subscribers(qtbot, window, rows=1)
    form = dialog.add_form
    form.address.setFocus()
    type_text("AMAL@example.com")
    press("Return")
    qtbot.waitUntil(form.problems.isVisible)
    said = form.problems.text()
    assert said.startswith("amal@example.com مشترك من قبل (منذ 2026-03-02T09:15:00Z"), said

    bad = write_csv(
        tmp_path / "bad.csv",
        "email,language\nbob@example.com,en\nnot an address,ar\ndana@example.com,fr\n",
    )
    dialog.import_file(str(bad))
    qtbot.waitUntil(lambda: bool(dialog.lines.toPlainText()))
    lines = dialog.lines.toPlainText().splitlines()
    assert lines == [
        "السطر 3: 'not an address' ليس عنوان بريد إلكتروني: اكتب العنوان وحده، مثل "
        "name@example.com، بلا اسم عرض ولا مسافات ولا علامات اقتباس ولا أقواس",
        "السطر 4: 'fr' ليست لغة؛ استخدم ar أو en أو both",
    ]


# -- templates ------------------------------------------------------------------------------------


def test_the_templates_window_says_the_file_s_and_the_form_s_problems_in_arabic(
    qtbot, home: Path, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    """A workspace.json that does not read (in the window's file line and under the fields when
    saving), and a new template's bad name: the template store's words in Arabic (they were
    shown as str(error) and as English Problems)."""
    from PySide6.QtWidgets import QWidget

    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner
    from statusdesk.gui.templates.templates_window import TemplatesWindow
    from statusdesk.scheduling.template_store import store_path

    path = store_path(home)
    path.parent.mkdir()
    path.write_text('{"templates": {', encoding="utf-8")
    owner = QWidget()
    qtbot.addWidget(owner)
    tasks = TaskRunner()
    with Desk(home) as desk:
        window = TemplatesWindow(owner, desk, tasks)
        window.open_over(owner)
        qtbot.waitUntil(window.file_line.isVisible)
        said = window.file_line.text()
        assert said.startswith(f"{path}: ليس JSON صالحًا ("), said
        assert "أصلح الملف يدويًا أو انقله من مكانه" in said, said
        window.new_template()
        window.form.name.setText("Bad Name")
        window.form.en.setPlainText("Back soon.")
        window.save()  # refused: the file does not read (a TemplateError, under the fields)
        qtbot.waitUntil(window.form.problems.isVisible)
        problems = window.form.problems.text()
        assert problems.startswith(f"• {path}: ليس JSON صالحًا ("), problems
        assert path.read_text(encoding="utf-8") == '{"templates": {'
        path.write_text('{"templates": {}}', encoding="utf-8")
        window.save()  # refused: the name (a Problem of the template store)
        qtbot.waitUntil(lambda: "Bad Name" in window.form.problems.text())
        problems = window.form.problems.text()
        assert "لا يحوي الاسم 'Bad Name' إلا الأحرف الصغيرة" in problems, problems
        assert "(مثل bad-name)" in problems, problems
        window.done(0)
        tasks.shutdown()


# -- the export popup -----------------------------------------------------------------------------


def test_the_export_popup_says_its_problems_and_progress_in_arabic(  # type: ignore[no-untyped-def]
    qtbot, setting, active_incident: int, tmp_path: Path, monkeypatch, arabic: None
) -> None:
    """The export's own words (export/): a zone it does not know, a folder that is not there,
    an incident that is not there, and its progress from the worker thread — in Arabic."""
    import threading

    from statusdesk.app.exports import Exports

    dialog = test_export_dialog.opened(qtbot, setting, active_incident)
    dialog.zone.setEditText("Mars/Olympus")
    dialog.accept()
    assert dialog.status.text().startswith("'Mars/Olympus' ليست منطقة زمنية يعرفها statusdesk")

    dialog.zone.setEditText("UTC")
    missing = tmp_path / "missing"
    dialog.path.setText(str(missing / "x.md"))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.running and bool(dialog.status.text()))
    assert dialog.status.text() == f"المجلد {missing} غير موجود؛ أنشئه أو اختر مكانًا آخر."

    real = Exports.export_to_file
    release = threading.Event()

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["progress"](0.5, QT_TRANSLATE_NOOP("Export", "Computing the metrics…"))
        assert release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(Exports, "export_to_file", slow)
    dialog.path.setText(str(tmp_path / "x.md"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.status.text() == "حساب المقاييس…")
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert (tmp_path / "x.md").is_file()


def test_an_unknown_incident_s_export_is_said_in_arabic(  # type: ignore[no-untyped-def]
    qtbot, setting, tmp_path: Path, arabic: None
) -> None:
    dialog = test_export_dialog.opened(qtbot, setting, 999)
    dialog.path.setText(str(tmp_path / "x.md"))
    dialog.accept()
    qtbot.waitUntil(lambda: "999" in dialog.status.text())
    assert dialog.status.text() == (
        "لا يوجد عطل رقمه 999 (يعرضها \u2066`statusdesk incident list`\u2069)."
    )


def test_no_usable_keyring_is_said_in_arabic(
    qtbot, home: Path, launch: WindowFactory, arabic: None, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """secrets.py's sentence (what to install or unlock), under the channels window's list."""
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # type: ignore[no-untyped-call]
    window = launch()
    dialog = open_channels(qtbot, window)
    qtbot.waitUntil(lambda: "حلقة مفاتيح صالحة" in dialog.keyring_line.text())
    line = dialog.keyring_line.text()
    assert "(لم يوجد أي نظام لحفظ المفاتيح)" in line, line
    assert "No usable keyring" not in line, line


def test_a_statuspage_component_without_a_mapping_is_warned_in_arabic(
    arabic: None, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The Statuspage channel's own warning (shown under the composer), said in Arabic; the
    English below it as the channel's tests read it."""
    from types import SimpleNamespace

    from statusdesk.channels.statuspage import components

    monkeypatch.setattr(
        components, "our_components", lambda *_: [SimpleNamespace(name="Settlement")]
    )
    config = SimpleNamespace(name="status", settings={"components": "Trading:abc"})
    [problem] = components.unmapped_components(config, None, None, None)  # type: ignore[arg-type]
    assert "our component 'Settlement' has no Statuspage component" in problem.message
    said = localised(problem)
    assert said.startswith("status: مكوّننا 'Settlement' ليس له مكوّن في Statuspage"), said
    assert "Settlement:THEIR-COMPONENT-ID" in said
