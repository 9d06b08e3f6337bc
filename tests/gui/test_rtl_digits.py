"""Issue #16: numbers and dates per `display.digits` in the Arabic interface — the preview's
counters, the next-update countdown, the list's times and the page's — and Latin digits always
in the English one. The setting is read when the window opens (gui/desk/display.py), not per
paint; Qt's %n (Latin) goes through the same conversion (widgets/labels.py counted)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from statusdesk import settings
from statusdesk.desk import Desk
from statusdesk.gui.i18n import language
from statusdesk.gui.widgets import reading
from tests.gui.conftest import WindowFactory

ARABIC_INDIC = re.compile(r"[٠-٩]")
LATIN = re.compile(r"[0-9]")


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[list[language.Installed]]:
    installed: list[language.Installed] = []
    yield installed
    for done in installed:
        done.remove(qapp)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    reading.apply_digits("latn")


def arabic_digits(home: Path) -> None:
    with Desk(home) as desk:
        desk.settings.set_workspace_settings({settings.DIGITS: "arab"}, "test")


def shown_numbers(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The texts with numbers in them: the list's next-update cell and tooltip (times), the
    page's countdown line and the first update's heading (its time)."""
    model = window.model
    from statusdesk.gui.incidents.incident_list import NEXT

    rhythm = window.view.rhythm
    assert rhythm is not None
    return {
        "list countdown": str(model.data(model.index(0, NEXT))),
        "list times": str(model.data(model.index(0, NEXT), Qt.ItemDataRole.ToolTipRole)),
        "page countdown": rhythm.promise.text(),
        "update time": window.view.cards()[0].heading,
    }


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_arabic_desk_shows_the_digits_chosen_and_the_english_one_latin(
    qtbot,  # type: ignore[no-untyped-def]
    qapp: QApplication,
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    speaking: list[language.Installed],
    lang: str,
) -> None:
    arabic_digits(home)
    speaking.append(language.install(qapp, lang))
    window = launch()
    qtbot.waitUntil(lambda: bool(window.view.cards()) and window.view.rhythm is not None)
    qtbot.waitUntil(lambda: bool(window.view.rhythm.promise.text()))
    for what, shown in shown_numbers(window).items():
        text = re.sub(r"#[0-9]+", "", shown)  # an incident's number stays as the CLI takes it
        if lang == "ar":
            assert ARABIC_INDIC.search(text) and not LATIN.search(text), (what, text)
        else:
            assert LATIN.search(text) and not ARABIC_INDIC.search(text), (what, text)


@pytest.mark.parametrize(("lang", "expected"), [("ar", "٢٤١/٢٨٠"), ("en", "241/280")])
def test_the_preview_counter_and_plural_counts_follow(
    qtbot,  # type: ignore[no-untyped-def]
    qapp: QApplication,
    speaking: list[language.Installed],
    lang: str,
    expected: str,
) -> None:
    from statusdesk.gui.compose.preview_pages import Counter
    from statusdesk.gui.widgets.labels import counted
    from statusdesk.gui.wording.rhythm import minutes_text

    speaking.append(language.install(qapp, lang))
    reading.apply_digits("arab")
    counter = Counter("Post")
    qtbot.addWidget(counter)
    counter.show_weight(241, limit=280)
    assert counter.text().startswith(expected)
    # Qt writes a plural's %n in Latin digits; the interface's digits replace them.
    said = counted(QApplication.translate("Outcomes", "%n channel(s)", "", 12), 12)
    assert ("١٢" in said) is (lang == "ar") and ("12" in said) is (lang == "en")
    assert ("٢٩" in minutes_text(29 * 60)) is (lang == "ar")
    # "Published to {sent} of %n channel(s)": both numbers, the one Qt puts and the app's.
    from types import SimpleNamespace

    from statusdesk.core.model import Delivery, DeliveryState
    from statusdesk.gui.wording.outcomes import summarize

    channels = {i: SimpleNamespace(name=name) for i, name in ((1, "site"), (2, "x"), (3, "y"))}
    sent = [Delivery(i, 1, i, DeliveryState.SENT) for i in (1, 2)]
    outcome = summarize([*sent, Delivery(3, 1, 3, DeliveryState.PENDING)], channels)  # type: ignore[arg-type]
    digits = ARABIC_INDIC if lang == "ar" else LATIN
    other = LATIN if lang == "ar" else ARABIC_INDIC
    assert len(digits.findall(outcome)) >= 2 and not other.search(outcome), outcome
    # Latin digits chosen: Latin in either language.
    reading.apply_digits("latn")
    counter.show_weight(241, limit=280)
    assert counter.text().startswith("241/280")


def test_a_change_in_settings_applies_at_once_without_reading_per_paint(
    qtbot,  # type: ignore[no-untyped-def]
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    speaking: list[language.Installed],  # resets the digits afterwards
) -> None:
    from tests.gui.keys import press
    from tests.gui.test_settings_window import open_settings, tab_to

    window = launch()
    assert reading.chosen_digits() == "latn"
    dialog = open_settings(qtbot, window)
    tab_to(qtbot, dialog.controls[settings.DIGITS])
    press("Down")  # Arabic-Indic
    press("Ctrl+S")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert reading.chosen_digits() == "arab"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_date_says_its_month_in_the_interfaces_language(
    qapp: QApplication, speaking: list[language.Installed], lang: str
) -> None:
    from datetime import UTC, datetime

    from statusdesk.gui.widgets.labels import local_and_utc

    speaking.append(language.install(qapp, lang))
    reading.apply_digits("arab")
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    shown = local_and_utc("2026-11-05T12:00:00Z", now)  # another day: its date too
    if lang == "ar":
        assert "نوفمبر" in shown and "Nov" not in shown and "٥" in shown, shown
    else:
        assert shown.startswith("05 Nov ") and not ARABIC_INDIC.search(shown), shown
