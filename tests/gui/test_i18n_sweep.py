"""Issue #16: in the Arabic interface, nothing on the desk speaks English but what the user
wrote and the names that stay Latin (the product, channel names, key names). A sweep over
every visible widget, action and header of the real window, with an active incident and a
draft in both editors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from tests.gui.arabic import built_arabic
from tests.gui.conftest import WindowFactory

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = f"{type(widget).__name__}({widget.objectName()})"
    yield f"{name}.toolTip", widget.toolTip()
    yield f"{name}.accessibleName", widget.accessibleName()
    yield f"{name}.accessibleDescription", widget.accessibleDescription()
    if isinstance(widget, QLabel):
        yield f"{name}.text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield f"{name}.text", widget.text()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield f"{name}.placeholderText", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name}.item{i}", widget.itemText(i)
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name}.tab{i}", widget.tabText(i)
    header = (
        widget.horizontalHeader()
        if isinstance(widget, QTableView)
        else widget.header()
        if isinstance(widget, QTreeView)
        else None
    )
    if header is not None and widget.model() is not None:
        for section in range(header.count()):
            if not header.isSectionHidden(section):
                title = widget.model().headerData(section, Qt.Orientation.Horizontal)
                yield f"{name}.header{section}", str(title or "")
    for action in widget.actions():
        yield f"{name}.action", action.text()
        yield f"{name}.actionTip", action.toolTip()


# What stays Latin whatever the language, being code or a name: rich text's tags, commands and
# flags in backticks, template placeholders, URLs and paths (IANA zones are Area/City), setting
# keys (incident.cadence_minutes), CSV columns (email,language), command-line flags.
VERBATIM = re.compile(r"<[^>]+>|`[^`]*`|\{[^}]*\}|\S+://\S+|\S*/\S+|\b\w+(?:[._,]\w+)+\b|--[\w-]+")


def english_left(text: str, allowed: set[str]) -> list[str]:
    text = VERBATIM.sub(" ", text)
    return [
        w for w in LATIN_WORD.findall(text) if w.lower() not in allowed and not ACRONYM.match(w)
    ]


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    with built_arabic(qapp):
        yield


# Names that stay Latin in an Arabic interface: the product, services, formats and standards,
# the key names (shown Latin and isolated, docs/VISUAL.md §5), setting values typed as they are
# (`ui.theme: system`), languages named in their own language, and examples of Latin-only input.
def _words(*lines: str) -> set[str]:
    return {word for line in lines for word in line.split()}


LATIN_NAMES = _words(
    "statusdesk qt python markdown html pdf csv json utc https http file atom mailto",
    "email webhook mastodon bluesky telegram statuspage atlassian slack discord teams git sftp",
    "linux gnome keyring kwallet secret service",  # where channel secrets can be kept
    "ctrl shift alt meta return enter esc tab del delete insert backspace space",
    "up down left right pgup pgdown home end ins",
    "system ar en latn arab light dark english",
    "on off none critical",  # review.required, review.waive (issue #17)
    "postgresql local author statusdesk_author",  # store.url, desk.author's flags (issue #17)
    "name someone address ops hook db failover service status",
    "url format publish",  # a channel's setting keys, as `--set url=…` takes them
    "in",  # the picker's "in 15m" example
)
ACRONYM = re.compile(r"^[A-Z0-9]+$")  # URL, SMTP, POST, IANA, UTF


def sweep(top: QWidget, allowed: set[str]) -> list[str]:
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        english_field = widget.layoutDirection() == Qt.LayoutDirection.LeftToRight
        for where, text in texts_of(widget):
            if english_field and where.endswith(".placeholderText"):
                continue  # an English editor's example is English: the user's words to come
            if left := english_left(text, allowed):
                found.append(f"{where}: {text!r} -> {left}")
    return found


def shown(window: QWidget, name: str) -> list[QLabel]:
    return [label for label in window.findChildren(QLabel, name) if label.isVisibleTo(window)]


def users_words(home: Path, *texts: str) -> set[str]:
    words = " ".join([str(home), *texts]).lower()
    return set(LATIN_WORD.findall(words)) | LATIN_NAMES | {"site"}  # the default channel's name


def test_the_arabic_desk_shows_no_english_but_the_users_own_words(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    window.complete()  # the whole desk, as after its first paint
    allowed = users_words(home, "Elevated API errors", "We are investigating elevated error rates.")
    # the previews are made off the GUI thread: with the composer still empty, each says to
    # write the update first; swept once that is shown
    qtbot.waitUntil(lambda: bool(shown(window, "preview-message")))
    found = sweep(window, allowed)
    window.composer.body_en.setPlainText("Still investigating.")
    window.composer.body_ar.setPlainText("ما زلنا نحقق.")
    qtbot.waitUntil(lambda: not shown(window, "preview-message"))  # the previews are in
    found += sweep(window, allowed | {"still"})
    for action in window.menuBar().actions():
        menu = action.menu()
        for item in [action, *(menu.actions() if menu else [])]:
            if left := english_left(item.text(), allowed):
                found.append(f"menu: {item.text()!r} -> {left}")
    found += [f"status: {said!r}" for said in [window.statusBar().currentMessage()] if said]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "command", ["settings", "channels", "subscribers", "templates", "keys", "reviews"]
)
def test_each_window_of_the_arabic_desk_speaks_arabic(
    qtbot,
    qapp: QApplication,
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    arabic: None,
    command: str,
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    before = set(qapp.topLevelWidgets())
    window.actions_by_command[command].trigger()

    def opened() -> list[QWidget]:
        return [w for w in qapp.topLevelWidgets() if w not in before and w.isVisible()]

    qtbot.waitUntil(lambda: bool(opened()))
    allowed = users_words(home, "Elevated API errors")
    # what the window reads or asks off the GUI thread (the keyring, the rows) is in
    qtbot.waitUntil(lambda: not window.session.tasks.busy)
    found = [f for top in opened() for f in sweep(top, allowed)]
    for top in opened():
        top.close()
    assert found == [], "\n".join(found)
