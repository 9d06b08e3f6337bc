"""Issue #16: the composer, the incident list and view, the delivery chips and the schedule
popups in Arabic — from this repository's .ts sources (statusdesk/gui/i18n/ts), compiled with
pyside6-lrelease and installed as the app installs them, with the layout mirrored.

Also: every message of those .ts files is finished (placeholders kept, six plural forms for
Arabic), and the files are up to date with the sources (pyside6-lupdate finds no message that
is not in them, and they hold none the sources lost)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.incidents.incident_view import DeliveryChip
from statusdesk.gui.schedule.schedule_popups import SchedulePicker
from tests.gui.arabic import REPO, TS_DIR, compiled_arabic, tool
from tests.gui.keys import focused, press, type_text

PACKAGES = ("compose", "incidents", "deliveries", "schedule", "wording", "widgets")
ARABIC = re.compile(r"[\u0600-\u06ff]")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


# -- the .ts files ------------------------------------------------------------------------------


@pytest.mark.parametrize("package", PACKAGES)
def test_every_message_is_translated_and_finished(package: str) -> None:
    ts = TS_DIR / f"{package}_ar.ts"
    root = ET.parse(ts).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("ar", "en")
    count = 0
    for context, message in messages(ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") is None, (context, source, translation.get("type"))
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            assert len(forms) == 6, (context, source)  # Arabic: 0, 1, 2, 3–10, 11–99, 100+
        else:
            assert "%n" not in source, (context, source, "a count without plural forms")
            forms = [translation.text or ""]
        for form in forms:
            assert form.strip(), (context, source)
            assert ARABIC.search(form), (context, source, form)
            # Every {placeholder} is kept (none invented: str.format would raise).
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(source)), form
        count += 1
    assert count > 0


def texts_of(ts: Path) -> set[tuple[str, str]]:
    return {(context, m.findtext("source") or "") for context, m in messages(ts)}


@pytest.mark.parametrize("package", PACKAGES)
def test_the_ts_files_are_up_to_date_with_the_sources(package: str, tmp_path: Path) -> None:
    """pyside6-lupdate run again, into a copy, finds exactly the messages the file holds."""
    committed = TS_DIR / f"{package}_ar.ts"
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    sources = sorted((REPO / "statusdesk" / "gui" / package).glob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", *map(str, sources), "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert texts_of(copy) == texts_of(committed)


# -- the window in Arabic -----------------------------------------------------------------------


@pytest.fixture
def arabic(qapp: QApplication, tmp_path: Path) -> Iterator[list[QTranslator]]:
    """This repository's Arabic for the packages above, compiled and installed, the layout
    mirrored; English and left to right again afterwards."""
    with compiled_arabic(qapp, tmp_path, PACKAGES) as installed:
        yield installed


# What may stay Latin in an Arabic window: key names, names the user gave (channels, incidents,
# components), the product's name, units and formats read as they are written, and the
# scheduler's input syntax (the parser reads English: "in 15m", "tomorrow 09:00").
KEYS = re.compile(
    r"\b(Ctrl|Shift|Alt|Meta|Esc|Enter|Return|Tab|Backspace|Del|Home|End|PgUp|PgDown|F\d+)\b"
)
ALLOWED = (
    "statusdesk",
    "UTC",
    "CET",
    "HTML",
    "JSON",
    "POST",
    "Statuspage",
    "API",
    "in 15m · in 1h30m · 14:30 · tomorrow 09:00 · 2026-03-29T14:30",
)


def leftover_english(text: str, names: Iterable[str]) -> str:
    """What is left of `text` once the allowed Latin is taken out ('' when nothing is)."""
    rest = re.sub(r"\S+://\S+", " ", text.replace("&", ""))  # addresses
    for allowed in sorted([*names, *ALLOWED], key=len, reverse=True):
        if allowed:
            rest = rest.replace(allowed, " ")
    rest = KEYS.sub(" ", rest)
    words = re.findall(r"[A-Za-z]{2,}", rest)
    return " ".join(words)


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every visible label, button, tooltip and placeholder under `root`."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{name} text", widget.text()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{name} placeholder", widget.placeholderText()
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()


def english_in(root: QWidget, names: Iterable[str]) -> list[str]:
    names = list(names)
    found = []
    for what, text in shown_texts(root):
        if ARABIC.search(text) and not leftover_english(text, names):
            continue
        if leftover_english(text, names):
            found.append(f"{what}: {text!r}")
    return found


TITLE = ("Elevated API errors", "ارتفاع أخطاء الواجهة البرمجية")
BODY = "We are investigating elevated error rates."
NAMES = ["site", TITLE[0], "API", BODY, "Error rates are back to normal."]  # the user's words


def test_the_composer_view_and_chips_speak_arabic_and_keep_each_editor_direction(
    qtbot, active_incident: int, launch, arabic: list[QTranslator]
) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("Labels", "Monitoring") == "قيد المراقبة"
    window: MainWindow = launch()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The incident view: its facts and the delivery chip of the site channel.
    qtbot.waitUntil(lambda: bool(window.view.cards()))
    card = window.view.cards()[0]
    chips: list[DeliveryChip] = list(card.chips.values())
    assert chips
    qtbot.waitUntil(lambda: all(ARABIC.search(chip.text()) for chip in chips))
    assert chips[0].text().startswith("site: ")
    assert ARABIC.search(chips[0].toolTip())
    # The composer, by keyboard, on an update of that incident.
    press("Ctrl+U")
    assert focused() is window.composer.body_en
    type_text("Error rates are back to normal.")
    press("Ctrl+L")
    assert focused() is window.composer.body_ar
    type_text("عادت معدلات الأخطاء إلى طبيعتها.")
    composer = window.composer
    qtbot.waitUntil(lambda: "جاهز للنشر" in " ".join(composer.problems.texts()))
    assert "تحديث على #" in composer.header.text()
    # Mirrored, yet the English editor stays left to right and the Arabic one right to left.
    assert composer.body_en.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert composer.body_ar.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert composer.body_en.document().defaultTextOption().textDirection() == (
        Qt.LayoutDirection.LeftToRight
    )
    assert composer.body_ar.document().defaultTextOption().textDirection() == (
        Qt.LayoutDirection.RightToLeft
    )
    # Nothing left in English in the composer, the view, the list's filter.
    preview = composer.preview
    qtbot.waitUntil(lambda: bool(preview.pages()) and not preview.status.text())
    assert preview.heading.text() == "المعاينة: ما ترسله كل قناة"
    for root in (composer, preview, window.view, window.filter):
        assert english_in(root, NAMES) == [], type(root).__name__
    header = window.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "الحالة"
    age = window.model.data(window.model.index(0, 4))  # "Last update": the age, in words
    assert ARABIC.search(age) and not leftover_english(age, []), age


def test_the_schedule_picker_speaks_arabic(
    qtbot, active_incident: int, launch, arabic: list[QTranslator]
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = launch()
    press("Ctrl+U")
    type_text("A fix is being deployed.")
    press("Ctrl+L")
    type_text("يجري نشر الإصلاح.")
    press("Ctrl+Shift+Return")
    qtbot.waitUntil(lambda: isinstance(window.popup, SchedulePicker) and window.popup.isVisible())
    picker = window.popup
    assert isinstance(picker, SchedulePicker)
    assert focused() is picker.edit
    assert picker.edit.accessibleName() == "متى يُرسل التحديث"
    assert ARABIC.search(picker.meaning.text())  # "اكتب وقتًا، مثلًا: …"
    assert ARABIC.search(picker.windowTitle())
    type_text("in 15m")
    qtbot.waitUntil(lambda: picker.meaning.text().startswith("المحلي: "))
    typed = ["A fix is being deployed.", picker.edit.text(), "Etc/UTC"]  # the zone's own name
    assert english_in(picker, [*NAMES, *typed]) == []
    press("Escape")
    qtbot.waitUntil(lambda: not picker.isVisible())


def test_chips_countdowns_and_outcomes_are_said_in_arabic(qtbot, arabic: list[QTranslator]) -> None:  # type: ignore[no-untyped-def]
    """The words the chips, the promise and the status bar are made of, each with its plural
    form ("retry in 12 s", "Next update in 29 min", "Published to 1 of 2 channels")."""
    from datetime import UTC, datetime, timedelta
    from types import SimpleNamespace

    from statusdesk.app.standings import ChannelStanding, Standing
    from statusdesk.core.model import Channel, Delivery, DeliveryState
    from statusdesk.core.timefmt import iso
    from statusdesk.gui.widgets.labels import chip_label, delivery_detail
    from statusdesk.gui.widgets.popups import DeliveryChooser
    from statusdesk.gui.widgets.reason_popup import SkipReasonDialog
    from statusdesk.gui.wording.outcomes import summarize
    from statusdesk.gui.wording.rhythm import (
        age_text,
        countdown,
        standing_mark,
        standing_sentence,
    )
    from statusdesk.gui.wording.targets import DeliveryTarget

    now = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    waiting = Delivery(
        1,
        1,
        1,
        DeliveryState.RETRY_WAIT,
        attempts=2,
        next_attempt_at=iso(now + timedelta(seconds=12)),
    )
    assert chip_label(waiting, now) == "إعادة المحاولة بعد 12 ثانية"
    assert chip_label(Delivery(2, 1, 2, DeliveryState.SENT), now) == "أُرسل"
    assert delivery_detail(waiting, "x", now).startswith("x: لم تنجح المحاولة 2؛")
    assert countdown(iso(now + timedelta(minutes=29)), now).text == "التحديث القادم بعد 29 دقيقة"
    assert countdown(iso(now + timedelta(minutes=2)), now).short == "بعد دقيقتين، قريبًا"
    assert countdown(iso(now - timedelta(minutes=3)), now).text == "التحديث القادم متأخر 3 دقائق"
    silent = ChannelStanding(
        "x", Standing.MISSED, DeliveryState.FAILED, iso(now - timedelta(minutes=42))
    )
    assert age_text(3 * 3600 + 5 * 60) == "3 س 5 د"
    assert age_text(2 * 86400) == "يومين"
    assert standing_mark(silent, now) == "✗ x · صامتة 42 دقيقة"
    assert standing_sentence(silent, now) == "x: صامتة منذ 42 دقيقة — فاتها آخر تحديث (فشل إرسالها)"
    channels: dict[int, Channel] = {
        1: SimpleNamespace(name="site"),  # type: ignore[dict-item]  # summarize reads the name
        2: SimpleNamespace(name="x"),  # type: ignore[dict-item]
    }
    failed = Delivery(3, 1, 2, DeliveryState.FAILED, last_error="x rejected the post")
    said = summarize([Delivery(4, 1, 1, DeliveryState.SENT), failed], channels)
    assert said == "نُشر إلى 1 من قناتين؛ x، فشل: x rejected the post"  # an Arabic semicolon
    # The popups a chip's decision opens.
    host = QWidget()
    qtbot.addWidget(host)
    target = DeliveryTarget(failed, "x", "قيد التحقيق · 09:00")
    chooser = DeliveryChooser(host, "إعادة المحاولة", [target, target], now)
    qtbot.addWidget(chooser)
    assert english_in(chooser, ["x", "rejected the post", "statusdesk"]) == []
    skip = SkipReasonDialog(host, target, now)
    qtbot.addWidget(skip)
    assert skip.reason.placeholderText().startswith("مثلًا")
    assert english_in(skip, ["x", "rejected the post", "statusdesk"]) == []
    from statusdesk.gui.compose.audience import LeaveOutReasonPopup

    leave = LeaveOutReasonPopup(host, ["site"], ["x", "mastodon"], scheduled=True)
    qtbot.addWidget(leave)
    assert leave.windowTitle() == "statusdesk — استبعاد x وmastodon؟"
    assert english_in(leave, ["x", "mastodon", "site", "statusdesk"]) == []
