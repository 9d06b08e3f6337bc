"""The channel previews beside the composer (issue #4): for each ticked channel, exactly what its
`render` will send — X posts and threads with weighted counters, the custom post that replaces
them (and is what gets published), the email's bilingual subject and HTML, the status page's
fragments — rendered on the TaskRunner once per pause in typing.

Channels are added to the workspace directly. Rendering needs no secret and no network (the X
channel points at a closed port); only the publishing test stores X's secrets, in an in-memory
keyring, because the draft check refuses an X channel without them.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTabBar

from statusdesk.app import preview_records, previews
from statusdesk.app.compose import DraftSnapshot
from statusdesk.app.preview_records import Level
from statusdesk.channels.base import Rendered
from statusdesk.channels.site.words import STATE
from statusdesk.core.text.weighted import weighted_length
from statusdesk.desk import Desk
from statusdesk.gui.compose.audience import LeaveOutReasonPopup
from statusdesk.gui.compose.preview_pages import (
    Counter,
    EmailPage,
    HtmlPage,
    PostView,
    SafeBrowser,
    TextPage,
    XPage,
)
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.widgets.theme import Role
from statusdesk.gui.widgets.theme import colour as theme_colour
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text
from tests.unit.test_webhook import MemoryKeyring, memory_keyring

__all__ = ["memory_keyring"]  # a fixture, taken by name

TITLE_EN, TITLE_AR = "Elevated API errors", "ارتفاع أخطاء الواجهة البرمجية"  # active_incident
ENGLISH = "Errors are falling since the fix. <script>alert(1)</script>"
ARABIC = "بدأت الأخطاء في الانخفاض بعد الإصلاح."
LONG = " ".join(
    f"Step {i}: we moved traffic for region {i} to the standby cluster." for i in range(10)
)
CUSTOM = "عادت الخدمة للعمل. التفاصيل: https://status.example.com/i/42"
OAUTH1 = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")


@pytest.fixture
def channels(home: Path, active_incident: int) -> dict[str, int]:
    """X, an email to a fixed list, a webhook and Statuspage, beside the built-in site."""
    with Desk(home) as desk:
        added = [
            desk.channels.add_channel(
                "x", "acme-x", {"base_url": "http://127.0.0.1:9", "auth": "oauth1"}
            ),
            desk.channels.add_channel(
                "email",
                "mail",
                {
                    "host": "127.0.0.1",
                    "port": "2525",
                    "from": "Acme Status <status@acme.example>",
                    "recipients": "ops@acme.example,cto@acme.example",
                },
            ),
            desk.channels.add_channel("webhook", "hook", {"url": "http://127.0.0.1:9/hook"}),
            desk.channels.add_channel(
                "statuspage", "sp", {"page_id": "kctbh9vrtdwd", "base_url": "http://127.0.0.1:9"}
            ),
        ]
    return {config.name: config.id for config in added}


def write(window: MainWindow, english: str, arabic: str = "") -> None:
    """Ctrl+U, the English body, Ctrl+L, the Arabic one (a key event per letter)."""
    press("Ctrl+U")
    type_text(english)
    if arabic:
        press("Ctrl+L")
        type_text(arabic)
        press("Ctrl+L")
    assert focused() is window.composer.body_en


def x_page(window: MainWindow) -> XPage:
    page = window.composer.preview.page("acme-x")
    assert isinstance(page, XPage)
    return page


def post_texts(page: XPage) -> list[str]:
    return [view.text.text() for view in page.posts()]


def rendered(window: MainWindow, text: str) -> bool:
    """`text` is in the X preview and no render is pending (the status line is empty)."""
    composer = window.composer
    return text in " ".join(post_texts(x_page(window))) and not composer.preview.status.text()


def assert_counted(view: PostView) -> None:
    """The counter says the post's weighted length (statusdesk.core.text.weighted)."""
    weight = weighted_length(view.text.text())
    assert view.counter.weight == weight
    assert view.counter.text().startswith(f"{weight}/280")


def test_x_preview_shows_the_post_with_its_weighted_count(
    qtbot, home: Path, channels: dict[str, int], launch: WindowFactory
) -> None:
    window = launch()
    preview = window.composer.preview
    # Every ticked channel has its tab, in the composer's order; nothing else.
    assert [page.name for page in preview.pages()] == ["site", "acme-x", "mail", "hook", "sp"]
    write(window, ENGLISH, ARABIC)
    page = x_page(window)
    combined = (
        f"{TITLE_EN} — Investigating\n{ENGLISH}\n\n"
        f"{TITLE_AR} — {STATE['ar']['investigating']}\n{ARABIC}"
    )
    qtbot.waitUntil(lambda: post_texts(page) == [combined])
    [view] = page.posts()
    assert_counted(view)
    assert view.counter.level is Level.OK
    assert theme_colour(Role.OK) in view.counter.styleSheet()
    assert page.summary.text() == "One post."
    # Plain text: the markup in the body is shown as the characters it is.
    assert view.text.textFormat() == Qt.TextFormat.PlainText
    assert "<script>alert(1)</script>" in view.text.text()

    # Unticking a channel takes its tab away at once; ticking it brings it back.
    window.composer.channel_checkbox("hook").setChecked(False)
    assert [page.name for page in preview.pages()] == ["site", "acme-x", "mail", "sp"]
    window.composer.channel_checkbox("hook").setChecked(True)
    assert [page.name for page in preview.pages()] == ["site", "acme-x", "mail", "hook", "sp"]
    hook = preview.page("hook")
    assert isinstance(hook, TextPage)
    qtbot.waitUntil(lambda: '"ar": "' + ARABIC + '"' in hook.text.toPlainText())
    assert hook.text.toPlainText().startswith("{\n  ")  # indented JSON

    # Statuspage: the body people read (Arabic lines isolated), not the request's other fields.
    statuspage = preview.page("sp")
    assert isinstance(statuspage, TextPage)
    body = f"{ENGLISH}\n\n\u2067{ARABIC}\u2069"
    qtbot.waitUntil(lambda: statuspage.text.toPlainText() == body)


@pytest.mark.parametrize(
    ("weight", "level", "colour", "words"),
    [
        (259, Level.OK, Role.OK, ""),
        (260, Level.NEAR, Role.WARNING, " · near the limit"),
        (280, Level.NEAR, Role.WARNING, " · near the limit"),
        (281, Level.OVER, Role.PROBLEM, " · over the limit"),
    ],
)
def test_counter_colours_green_amber_red(
    qtbot, weight: int, level: Level, colour: str, words: str
) -> None:
    counter = Counter("Post")
    qtbot.addWidget(counter)
    counter.show_weight(weight)
    assert counter.level is level
    assert counter.text() == f"{weight}/280{words}"
    assert theme_colour(colour) in counter.styleSheet()
    assert counter.accessibleName().startswith(f"Post: {weight} of 280")


def test_a_long_text_shows_as_a_numbered_thread(
    qtbot, home: Path, channels: dict[str, int], launch: WindowFactory
) -> None:
    window = launch()
    write(window, LONG)
    page = x_page(window)
    qtbot.waitUntil(lambda: len(page.posts()) > 1)
    views = page.posts()
    total = len(views)
    assert page.summary.text() == f"A thread of {total} posts."
    for number, view in enumerate(views, 1):
        assert view.text.text().startswith(f"{number}/{total} ")
        assert view.heading.text() == f"Post {number} of {total}"
        assert_counted(view)
        assert view.counter.level is not Level.OVER
    # The thread says the whole text, in order (each post minus its "n/N " and the heading).
    joined = " ".join(view.text.text().split(" ", 1)[1] for view in views)
    assert joined == f"{TITLE_EN} — Investigating\n{LONG}"


def test_the_custom_post_replaces_the_generated_one_and_is_published(
    qtbot,
    home: Path,
    channels: dict[str, int],
    memory_keyring: MemoryKeyring,
    launch: WindowFactory,
) -> None:
    with Desk(home) as desk:
        for key in OAUTH1:
            desk.channels.set_channel_secret("acme-x", key, f"test-{key}")
    window = launch()
    composer = window.composer
    for name in ("mail", "hook", "sp"):  # X and the status page only
        composer.channel_checkbox(name).setChecked(False)
    write(window, ENGLISH, ARABIC)
    page = x_page(window)
    qtbot.waitUntil(lambda: len(page.posts()) == 1 and ENGLISH in post_texts(page)[0])

    # Ctrl+P: the keyboard goes to the previews' tabs; to the X tab, then Tab to its custom post.
    press("Ctrl+P")
    bar = focused()
    assert isinstance(bar, QTabBar) and bar is composer.preview.tabs.tabBar()
    press("Right")
    assert composer.preview.tabs.currentWidget() is page
    press("Tab")
    assert focused() is page.post_area
    press("Tab")
    assert focused() is page.custom
    assert page.custom_label.buddy() is page.custom
    assert page.custom.accessibleName() == "Custom post for acme-x"
    type_text(CUSTOM)
    # Its own counter is live: it counts as the text is typed, before any render.
    assert page.custom_counter.weight == weighted_length(CUSTOM)
    qtbot.waitUntil(lambda: post_texts(page) == [CUSTOM])
    assert page.summary.text() == "One post from the custom post."
    assert_counted(page.posts()[0])
    shown = post_texts(page)

    press("Ctrl+Return")  # from the custom post's field: the app's key still works there
    # The English has a "1" the Arabic lacks: publishing asks first; Enter publishes anyway.
    qtbot.waitUntil(lambda: window.guard.popup is not None and window.guard.popup.isVisible())
    press("Return")
    # Mail, hook and Statuspage are left out: publishing asks why (issue #12 §1).
    qtbot.waitUntil(
        lambda: isinstance(window.popup, LeaveOutReasonPopup) and window.popup.isVisible()
    )
    qtbot.waitUntil(
        lambda: isinstance(window.popup, LeaveOutReasonPopup) and focused() is window.popup.reason
    )
    type_text("a test of the X and site previews")
    press("Return")
    qtbot.waitUntil(lambda: "Update on #" in window.statusBar().currentMessage(), timeout=15_000)
    with Desk(home) as desk:
        incident_id = window.composer.target
        assert incident_id is not None
        update = desk.store.incidents.updates(incident_id)[-1]
        assert update.body.en == ENGLISH
        assert desk.store.deliveries.update_override(update.id, channels["acme-x"]) == CUSTOM
        [delivery] = [
            d
            for d in desk.store.deliveries.deliveries_for_update(update.id)
            if d.channel_id == channels["acme-x"]
        ]

    def kept() -> Rendered | None:
        with Desk(home) as desk:
            text = desk.store.ledger.rendered_of(delivery.id)
        return Rendered.from_json(text) if text else None

    # What the dispatcher rendered for X (it then found nobody at port 9) is what was shown.
    qtbot.waitUntil(lambda: kept() is not None, timeout=15_000)
    rendered = kept()
    assert rendered is not None
    assert [part.text for part in rendered.parts] == shown
    # The custom text belonged to that update: the next draft starts without one.
    qtbot.waitUntil(lambda: page.custom.toPlainText() == "")


def test_email_preview_shows_the_bilingual_subject_and_the_arabic_body(
    qtbot, home: Path, channels: dict[str, int], launch: WindowFactory
) -> None:
    window = launch()
    write(window, ENGLISH, ARABIC)
    mail = window.composer.preview.page("mail")
    assert isinstance(mail, EmailPage)
    subject = f"[Investigating] {TITLE_EN} | [{STATE['ar']['investigating']}] {TITLE_AR}"
    qtbot.waitUntil(lambda: mail.subject.text() == subject)
    assert mail.recipients.text() == "2 recipients"
    assert mail.variant.isHidden()  # one copy for everyone on the fixed list
    document = mail.browser.document()
    text = document.toPlainText()
    assert ARABIC in text
    assert "<script>alert(1)</script>" in text  # escaped by the template, shown as text
    [arabic] = [b for b in blocks(document) if ARABIC in b.text()]
    assert arabic.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    pinned = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    assert arabic.blockFormat().alignment() & pinned == pinned
    [english] = [b for b in blocks(document) if ENGLISH in b.text()]
    assert english.textDirection() == Qt.LayoutDirection.LeftToRight

    site = window.composer.preview.page("site")
    assert isinstance(site, HtmlPage)
    qtbot.waitUntil(lambda: ARABIC in site.browser.toPlainText())
    assert "<script>alert(1)</script>" in site.browser.toPlainText()


def blocks(document: QTextDocument) -> list:  # type: ignore[type-arg]
    found = []
    block = document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def test_the_html_preview_loads_nothing(qtbot, tmp_path: Path) -> None:
    """No image, style sheet or page is fetched, from the network or the disk, and a link
    clicked goes nowhere."""
    picture = tmp_path / "pixel.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    local, remote = QUrl.fromLocalFile(str(picture)), QUrl("http://127.0.0.1:9/pixel.png")
    browser.show_html(
        f'<p><img src="{local.toString()}"><img src="{remote.toString()}">'
        '<a href="https://example.com/">a link</a></p>'
    )
    document = browser.document()
    for url in (local, remote):
        assert not document.resource(QTextDocument.ResourceType.ImageResource.value, url)
    assert not browser.openLinks() and not browser.openExternalLinks()
    assert browser.isReadOnly()


def test_a_channel_with_broken_settings_shows_its_own_message(
    qtbot, home: Path, channels: dict[str, int], launch: WindowFactory
) -> None:
    with Desk(home) as desk:
        config = desk.store.channels.channel(channels["mail"])
        assert config is not None
        broken = {**config.settings, "security": "carrier-pigeon"}
        desk.store.channels.set_channel_settings(config.id, broken, desk.now())
    window = launch()
    write(window, ENGLISH, ARABIC)
    preview = window.composer.preview
    mail = preview.page("mail")
    qtbot.waitUntil(lambda: not mail.message.isHidden())
    assert mail.error.startswith("mail: ")
    assert "carrier-pigeon" in mail.error
    assert mail.message.text() == mail.error
    assert mail.content.isHidden()
    index = preview.tabs.indexOf(mail)
    assert preview.tabs.tabText(index) == "⚠ mail"
    assert preview.tabs.tabToolTip(index) == mail.error
    # The other channels still show what they send.
    qtbot.waitUntil(lambda: len(x_page(window).posts()) == 1)
    assert x_page(window).message.isHidden()


def test_typing_fast_renders_once_per_pause_and_drops_stale_results(
    qtbot, home: Path, channels: dict[str, int], launch: WindowFactory, monkeypatch
) -> None:
    calls: list[str] = []
    real = previews.Previews.render_previews

    def counted(self: previews.Previews, snapshot: DraftSnapshot) -> list:  # type: ignore[type-arg]
        assert threading.current_thread() is not threading.main_thread()  # on the TaskRunner
        calls.append(snapshot.body.en)
        return real(self, snapshot)

    monkeypatch.setattr(previews.Previews, "render_previews", counted)
    window = launch()
    composer = window.composer
    page = x_page(window)
    qtbot.waitUntil(lambda: bool(calls) and not page.message.isHidden())  # the empty draft's
    calls.clear()

    write(window, "First burst of typing, key after key.")
    # Once the whole text is shown and nothing is pending, no render is left to come: the
    # debounce only restarts on a change. A render per key would have left partial texts.
    qtbot.waitUntil(lambda: rendered(window, "First burst of typing, key after key."))
    assert calls == ["First burst of typing, key after key."]

    type_text(" And a second.")
    qtbot.waitUntil(lambda: rendered(window, "key after key. And a second."))
    assert calls[1:] == ["First burst of typing, key after key. And a second."]

    # A render for a draft that has changed since is dropped.
    before = post_texts(page)
    stale = [preview_records.ChannelPreview("acme-x", "x", error="stale")]
    assert not composer.set_preview_result(composer.preview_generation - 1, stale)
    assert post_texts(page) == before and page.message.isHidden()


def test_ctrl_p_goes_to_the_previews_and_back_and_tab_order_reads_on(
    qtbot, home: Path, channels: dict[str, int], launch: WindowFactory
) -> None:
    window = launch()
    composer = window.composer
    write(window, ENGLISH)
    press("Ctrl+P")
    assert focused() is composer.preview.tabs.tabBar()
    press("Ctrl+P")
    assert focused() is composer.body_en

    # Tab goes from Publish to the previews' tabs, then into the current channel's page.
    composer.publish_button.setFocus()
    press("Tab")
    assert focused() is composer.preview.tabs.tabBar()
    composer.preview.show_page("mail")
    mail = composer.preview.page("mail")
    assert isinstance(mail, EmailPage)
    qtbot.waitUntil(lambda: TITLE_EN in mail.subject.text())
    press("Tab")
    assert focused() is mail.browser  # the copy chooser is hidden with one copy
    assert mail.variant_label.buddy() is mail.variant
    assert mail.variant.accessibleName()
    assert composer.preview.heading.buddy() is composer.preview.tabs

    # With nothing ticked the panel says so, and Ctrl+P still lands there.
    for name in composer.checked_channels():
        composer.channel_checkbox(name).setChecked(False)
    assert composer.preview.pages() == []
    assert composer.preview.empty.isVisible()
    composer.body_en.setFocus()
    press("Ctrl+P")
    assert focused() is composer.preview.empty


def test_the_previews_limit_is_xs() -> None:
    from statusdesk.app.preview_records import MAX_POST_WEIGHT
    from statusdesk.core.text.weighted import MAX_WEIGHTED_LENGTH

    assert MAX_POST_WEIGHT == MAX_WEIGHTED_LENGTH
