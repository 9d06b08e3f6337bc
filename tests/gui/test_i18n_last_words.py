"""Issue #16: the last English of the Arabic desk said in Arabic — the email channel's settings
problems, the framing statusdesk puts around a server's reply when a delivery fails, the
subscriber import's per-line details, the export's progress digits and the composer's
component names. The command line and the channels' own tests keep the exact English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from statusdesk.channels.email.settings import settings_problems
from tests import httpfake, memkeyring
from tests.gui import test_export_dialog
from tests.gui.arabic import compiled_arabic
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import press
from tests.gui.test_channels_dialog import open_channels
from tests.gui.test_deliveries import tray
from tests.gui.test_i18n_words import ARABIC, PACKAGES, latin_words
from tests.memkeyring import MemoryKeyring

memory_keyring = memkeyring.memory_keyring  # a fixture, taken by name
setting = test_export_dialog.setting  # a fixture, taken by name
receiver = httpfake.receiver  # a fixture, taken by name
__all__ = ["tray"]  # a fixture, taken by name


@pytest.fixture
def arabic(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """This repository's Arabic for the words below the GUI and the windows that show them
    (and the keys' hints, which a failed delivery's chip gives)."""
    with compiled_arabic(qapp, tmp_path, (*PACKAGES, "keys")):
        yield


# -- the email channel's settings -----------------------------------------------------------------

BAD_EMAIL = {
    "host": "smtp example",
    "port": "x",
    "from": "nope",
    "recipients": "ok@example.com, bad@",
    "unsubscribe_url": "http://status.example.com/u",
    "digits": "hindi",
    "connections": "9",
    "max_per_second": "0",
}


def test_the_email_channel_s_settings_problems_are_said_in_arabic(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    # Below the GUI the English is what the CLI prints, word for word.
    english = settings_problems(BAD_EMAIL)
    assert english[0] == (
        "host must be the SMTP server's name (got 'smtp example'), e.g. --set host=smtp.example.com"
    )
    assert english[2] == "from: 'nope' is not an email address (expected name@example.com)"
    assert english[3].startswith("recipients: 'bad@' is not an email address")
    assert english[4].endswith(
        "unsubscribe_url=https://status.example.com/unsubscribe?token={token}"
    )
    assert "at most 10,000 (got '0')" in english[-1]
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    form.kind.setCurrentIndex(form.kind.findData("email"))
    form.name.setText("mail")
    for key, value in BAD_EMAIL.items():
        form.fields[key].setText(value)
    form.name.setFocus()
    press("Return")
    qtbot.waitUntil(form.problems.isVisible)
    lines = form.problems.text().split("\n")
    assert len(lines) == len(english), lines
    # Every line Arabic, with only the setting keys, the values as typed and the examples Latin.
    keep = (
        "smtp example", "smtp.example.com", "SMTP", "port=587", "nope", "bad@", "name@example.com",
        "recipients", "from", "host", "port", "unsubscribe_url", "https://", "http://",
        "status.example.com/unsubscribe?token={token}", "status.example.com/u", "digits",
        "latn", "arab", "hindi", "connections", "max_per_second", "--set",
    )  # fmt: skip
    for line in lines:
        assert ARABIC.search(line), line
        assert latin_words(line, keep) == [], line
    assert "يجب أن يكون host اسم خادم SMTP (وصل 'smtp example')" in lines[0]
    assert lines[2].startswith("• from: 'nope' ليس عنوان بريد إلكتروني"), lines[2]
    assert lines[3].startswith("• recipients: 'bad@' ليس عنوان بريد إلكتروني"), lines[3]
    assert "token={token}" in lines[4], lines[4]
    assert "بحدّ أقصى 10,000 (وصل '0')" in lines[-1], lines[-1]
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())


# -- the subscriber import's details --------------------------------------------------------------


def test_an_import_s_skipped_lines_are_said_in_arabic_in_the_digits_chosen(
    qtbot, home: Path, tmp_path: Path, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    """Each skipped line of an import — already subscribed, unsubscribed before, repeated in
    the file — in Arabic, its line numbers (its own and the one it repeats) in Arabic-Indic
    digits as display.digits asks; the addresses and the date as they are."""
    from statusdesk import settings
    from statusdesk.desk import Desk
    from statusdesk.gui.widgets import reading
    from tests.gui.test_subscribers_view import open_subscribers, subscribe, write_csv

    subscribe(home, ("amal@example.com", "ar"), ("bob@example.com", "en"))
    with Desk(home) as desk:
        desk.store.subscribers.remove("bob@example.com", "2026-03-03T10:00:00Z")
        desk.settings.set_workspace_settings({settings.DIGITS: "arab"}, "test")
        english = desk.store.subscribers.import_csv(
            write_csv(tmp_path / "probe.csv", "amal@example.com,ar\n"), "2026-03-04T10:00:00Z"
        )
    # Below the GUI (and at the CLI), the English as before.
    assert [str(note) for note in english.skipped] == [
        "line 1: amal@example.com: already subscribed"
    ]
    window = launch()
    try:
        dialog = open_subscribers(qtbot, window, rows=2)  # bob shown as unsubscribed
        people = write_csv(
            tmp_path / "people.csv",
            "email,language\ncarla@example.com,ar\namal@example.com,ar\n"
            "CARLA@example.com,en\nbob@example.com,en\n",
        )
        dialog.import_file(str(people))
        qtbot.waitUntil(lambda: bool(dialog.lines.toPlainText()))
        assert dialog.lines.toPlainText().splitlines() == [
            "تُخطي السطر ٤: CARLA@example.com يكرّر السطر ٢",
            "تُخطي السطر ٣: amal@example.com: مشترك من قبل",
            "تُخطي السطر ٥: bob@example.com: أُلغي اشتراكه في 2026-03-03T10:00:00Z؛ فلم يُعَد "
            "اشتراكه (استخدم \u2066`statusdesk subscriber add`\u2069 إن طلب ذلك)",
        ]
    finally:
        reading.apply_digits("latn")


# -- the export's progress ------------------------------------------------------------------------


def test_the_export_s_progress_counts_in_the_digits_chosen(  # type: ignore[no-untyped-def]
    qtbot, setting, active_incident: int, tmp_path: Path, arabic: None
) -> None:
    """A real PDF export in the Arabic interface with display.digits=arab: each progress line
    the worker reports ("Laying out the PDF (1 of 1)…", "Writing the PDF…")
    is Arabic with its counts in Arabic-Indic digits, and so is the bar's own percentage."""
    from statusdesk.gui.widgets import reading

    reading.apply_digits("arab")
    try:
        dialog = test_export_dialog.opened(qtbot, setting, active_incident)
        said: list[str] = []
        dialog._bridge.progressed.connect(lambda _share, what: said.append(what))
        dialog.set_format("pdf")
        target = tmp_path / "pm.pdf"
        dialog.path.setText(str(target))
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            dialog.accept()
        qtbot.waitUntil(lambda: any(text.startswith("الحفظ") for text in said))
        assert "كتابة ملف PDF…" in said, said
        assert "تنسيق ملف PDF (١ من ١)…" in said, said
        progress = [text for text in said if not text.startswith("حُفظ")]  # the path's own digits
        assert [t for t in progress if re.search("[0-9]", t) or latin_words(t, ("PDF",))] == []
        assert dialog.progress.text() == "١٠٠٪\u061c"  # CLDR's Arabic percent sign
    finally:
        reading.apply_digits("latn")
    dialog.progress.setLocale(reading.numbers_locale())
    assert dialog.progress.text() == "100%"  # Latin digits again once display.digits is latn


# -- the composer's components --------------------------------------------------------------------


def test_the_composer_names_a_component_in_arabic_and_stores_it_as_it_was(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    """The affected component's field says the component's Arabic name in the Arabic
    interface, as the incident page does; what the update sets is still the component stored
    as "API" (no new component is made from the Arabic name, shown or typed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from statusdesk.core.model import BilingualText, ComponentStatus
    from statusdesk.desk import Desk
    from tests.gui.keys import type_text
    from tests.gui.test_component_state import api_status, status_box

    with Desk(home) as desk:
        api = desk.store.components.component_by_name("API")
        assert api is not None
        desk.store.components.edit_component(
            api.id,
            "2026-03-02T09:00:00Z",
            name=BilingualText("API", "الواجهة البرمجية"),
            description=api.description,
            group_id=api.group_id,
        )
    window = launch()
    press("Ctrl+U")
    composer = window.composer
    [field] = composer.components.line_edits()
    qtbot.waitUntil(lambda: field.text() == "الواجهة البرمجية")
    assert composer.components.values() == {"API": ComponentStatus.PARTIAL_OUTAGE}
    facts = window.findChild(QLabel, "incident-facts")
    assert facts is not None and "الواجهة البرمجية" in facts.text()  # as the page says it
    box = status_box(window)
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # from partial outage to major outage
    assert composer.snapshot().components == {"API": ComponentStatus.MAJOR_OUTAGE}
    # A component typed by its Arabic name is the same component.
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    field.selectAll()
    type_text("الواجهة البرمجية")
    qtbot.waitUntil(lambda: field.text() == "الواجهة البرمجية")
    assert composer.snapshot().components == {"API": ComponentStatus.MAJOR_OUTAGE}
    composer.body_en.setFocus(Qt.FocusReason.OtherFocusReason)
    type_text("It got worse.")
    press("Ctrl+L")
    type_text("ساءت الحال.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: api_status(home) is ComponentStatus.MAJOR_OUTAGE, timeout=30_000)
    with Desk(home) as desk:
        assert [c.name for c in desk.store.components.components()] == [
            BilingualText("API", "الواجهة البرمجية")
        ]


# -- a failed delivery: statusdesk's words around the server's ------------------------------------


def test_a_failed_delivery_s_frame_is_said_in_arabic_and_the_server_s_words_as_they_came(
    qtbot,
    home: Path,
    receiver,
    tray,
    launch: WindowFactory,
    arabic: None,
) -> None:  # type: ignore[no-untyped-def]
    """Two webhooks on local receivers: one answers 503 (the delivery waits to retry), one
    400 with a reason of its own (failed for good). Their chips' tooltips and the status line
    say statusdesk's sentences in Arabic — who answered what, that it will retry, what to fix
    — with the server's status line and body exactly as they came; the workspace keeps the
    English the CLI prints."""
    from statusdesk.core.model import DeliveryState
    from statusdesk.desk import Desk
    from tests.gui.test_deliveries import chip_says, newest_chip, publish_by_keyboard
    from tests.httpfake import status

    said_by_server = b'{"error": "title too long for this room"}'
    busy, picky = receiver(), receiver()
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        desk.channels.add_channel("webhook", "busy", {"url": busy.url})
        desk.channels.add_channel("webhook", "picky", {"url": picky.url})
    incident = open_incident(home, ("API errors", "أخطاء الواجهة"), ("Investigating.", "نحقق."))
    busy.script(*[status(503)] * 5)
    picky.script(status(400, {"Content-Type": "application/json"}, said_by_server))
    window = launch()
    publish_by_keyboard(window)

    def settled() -> bool:
        chips = [newest_chip(window, name, 2) for name in ("busy", "picky")]
        return [c.state if c else None for c in chips] == [
            DeliveryState.RETRY_WAIT,
            DeliveryState.FAILED,
        ]

    qtbot.waitUntil(settled, timeout=20_000)
    host = busy.url.split("/")[2]
    with Desk(home) as desk:  # below the GUI, the English as the CLI prints it
        errors = [row[0] for row in desk.store.conn.execute("SELECT last_error FROM delivery")]
    assert f"busy: {host} answered 503 Service Unavailable. Will retry." in errors
    retrying = f"busy: أجاب {host} بـ 503 Service Unavailable. ستُعاد المحاولة."
    qtbot.waitUntil(lambda: retrying in chip_says(window, "busy")[1], timeout=10_000)
    picky_host = picky.url.split("/")[2]
    refused = (
        f"picky: رفض {picky_host} الطلب (400 Bad Request: {said_by_server.decode()}). أصلح "
        "إعدادات القناة أو التحديث، ثم أعد محاولة هذا الإرسال."
    )
    qtbot.waitUntil(lambda: refused in chip_says(window, "picky")[1], timeout=10_000)
    waiting, failed = chip_says(window, "busy")[1], chip_says(window, "picky")[1]
    for tip in (waiting, failed):  # only the names, the keys and what the servers said
        names = (host, picky_host, "busy", "picky", "UTC", "Ctrl+Shift+K", "Ctrl+R")
        server = ("Service Unavailable", "Bad Request", said_by_server.decode())
        assert latin_words(tip, names + server) == [], tip
    # The status line says the failure (the notifier) with the same Arabic frame.
    qtbot.waitUntil(lambda: refused in window.statusBar().currentMessage(), timeout=10_000)
    assert "rejected the request" not in window.statusBar().currentMessage()
    # And the publish's summary (said on the status line once the outcomes are in) too.
    from statusdesk.gui.wording.outcomes import summarize

    with Desk(home) as desk:
        update_id = desk.store.incidents.updates(incident)[-1].id
        deliveries = desk.store.deliveries.deliveries_for_update(update_id)
        channels = {c.id: c for c in desk.store.channels.channels()}
    summary = summarize(deliveries, channels)
    assert f"؛ busy ستعيد المحاولة (busy: أجاب {host} بـ 503" in summary, summary
    assert "; " not in summary.replace(said_by_server.decode(), ""), summary
    assert refused.removeprefix("picky: ") in summary, summary
    assert "answered" not in summary and "Will retry" not in summary, summary


def test_an_email_attempt_s_stored_error_is_said_in_arabic(arabic: None) -> None:
    """How the desk says an email delivery waiting to retry some recipients (what the chip's
    tooltip shows): every frame Arabic, nested ones too; the addresses and the SMTP servers'
    replies as they came."""
    from statusdesk.gui.widgets.labels import delivery_error

    stored = (
        "mail: 2 of 5 recipient(s) could not be mailed yet: a@x.example, b@x.example (451 4.7.1 "
        "try later); 2 of 5 recipient(s) got it and are not mailed again; 1 refused: "
        "c@x.example (550 no such user). Will retry only those."
    )
    assert delivery_error(stored) == (
        "mail: تعذّرت مراسلة 2 من أصل 5 من المستلمين حتى الآن: a@x.example, b@x.example (451 "
        "4.7.1 try later)؛ وصل التحديث إلى 2 من أصل 5 من المستلمين، ولن يُراسَلوا مرة أخرى؛ "
        "ورُفض 1: c@x.example (550 no such user). ستُعاد المحاولة لهؤلاء فقط."
    )


@pytest.mark.parametrize(
    ("stored", "arabic_text"),
    [
        (
            "x: X answered 429 Too Many Requests: Too Many Requests; it asked to wait 900 s. "
            "Will retry.",
            "x: أجاب X بـ 429 Too Many Requests: Too Many Requests؛ وطلب الانتظار 900 ث. "
            "ستُعاد المحاولة.",
        ),
        (
            "tg: Telegram refused the bot token (401 Unauthorized). Set the token @BotFather "
            "gave with `statusdesk channel secret tg bot_token`.",
            "tg: رفض Telegram رمز البوت (401 Unauthorized). اضبط الرمز الذي أعطاك إياه "
            "@BotFather بالأمر \u2066`statusdesk channel secret tg bot_token`\u2069.",
        ),
        (
            "toot: started a new thread: the incident's earlier post 1101 is gone (deleted, or "
            "hidden).",
            "toot: بدأ سلسلة جديدة: منشور العطل السابق 1101 لم يعد موجودًا (حُذف أو أُخفي).",
        ),
        (
            "toot: mastodon.example refused the access token (401 Unauthorized: The access "
            "token is invalid): it is wrong, revoked or lacks the write:statuses scope — store "
            "a valid one with `statusdesk channel secret toot access_token`, then retry this "
            "delivery.",
            "toot: رفض mastodon.example رمز الوصول (401 Unauthorized: The access token is "
            "invalid): فهو خاطئ أو مُلغى أو يفتقر إلى الصلاحية write:statuses — احفظ رمزًا "
            "صالحًا بالأمر \u2066`statusdesk channel secret toot access_token`\u2069، "
            "ثم أعد محاولة هذا الإرسال.",
        ),
        (
            "Sky: bsky.social refused the post (401 Unauthorized: AuthMissing). Make an app "
            "password at bsky.app → Settings → Privacy and security → App passwords and store "
            "it with `statusdesk channel secret Sky app_password`, then retry this delivery.",
            "Sky: رفض bsky.social المنشور (401 Unauthorized: AuthMissing). أنشئ كلمة مرور "
            "تطبيق من bsky.app ← Settings ← Privacy and security ← App passwords، واحفظها "
            "بالأمر \u2066`statusdesk channel secret Sky app_password`\u2069، "
            "ثم أعد محاولة هذا الإرسال.",
        ),
        (
            "Status page: the disk is full (No space left on device); free some space — the "
            "previous page stays online and the build is retried.",
            "صفحة الحالة: القرص ممتلئ (No space left on device)؛ أفرغ بعض المساحة — تبقى "
            "الصفحة السابقة منشورة وتُعاد محاولة البناء.",
        ),
        (  # a server's words that read like a frame of ours stay as they came
            'hook: h.example rejected the request (400 Bad Request: {"error": "x: Will '
            "retry.\"}). Fix the channel's settings or the update, then retry this delivery.",
            'hook: رفض h.example الطلب (400 Bad Request: {"error": "x: Will retry."}). أصلح '
            "إعدادات القناة أو التحديث، ثم أعد محاولة هذا الإرسال.",
        ),
        ("a note nobody framed", "a note nobody framed"),
    ],
)
def test_the_channels_stored_errors_are_said_in_arabic(
    arabic: None, stored: str, arabic_text: str
) -> None:
    """X, Telegram, Mastodon, Bluesky and a thread's note as the desk says them (the chips'
    tooltips, the notifier, the publish summary): statusdesk's frame in Arabic, the services'
    words — "Too Many Requests", "The access token is invalid" — and the names as they came."""
    from statusdesk.gui.widgets.labels import delivery_error

    assert delivery_error(stored) == arabic_text


# -- a channel's test -----------------------------------------------------------------------------


def test_a_channel_test_s_outcome_and_failure_are_said_in_arabic(
    qtbot,
    home: Path,
    receiver,
    memory_keyring: MemoryKeyring,
    launch: WindowFactory,
    arabic: None,
) -> None:  # type: ignore[no-untyped-def]
    """The Channels window's Test: a receiver that answers, and a port nobody listens on — the
    webhook's sentence in Arabic, the host, the HTTP status and the system's own reason as they
    came; and a test's failure that is not retried, as the app words it, in Arabic too."""
    from statusdesk.app.channels import as_test_failure
    from statusdesk.channels.base import Transient
    from statusdesk.channels.http import ANSWERED
    from statusdesk.gui.widgets.labels import delivery_error
    from tests.gui.test_channels_dialog import add_hook, closed_port, select

    there = receiver()
    add_hook(home, there.url, "there")
    port = closed_port()
    add_hook(home, f"http://127.0.0.1:{port}/hook", "gone")
    window = launch()
    dialog = open_channels(qtbot, window, rows=3)
    select(dialog, "there")
    dialog.test_button.click()  # its key is the Arabic label's letter
    host = there.url.split("/")[2]
    qtbot.waitUntil(lambda: f"there: أجاب {host} (HTTP " in dialog.outcome.text(), timeout=10_000)
    assert dialog.outcome.text().endswith("؛ لم يُنشر شيء"), dialog.outcome.text()
    select(dialog, "gone")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "يتعذّر الوصول إلى" in dialog.outcome.text(), timeout=10_000)
    said = dialog.outcome.text()
    assert f"gone: يتعذّر الوصول إلى 127.0.0.1:{port} (" in said, said
    assert said.endswith("). تحقّق من الإعداد url ومن أن المستقبِل يعمل."), said
    assert "cannot be reached" not in said and "Check the url" not in said, said
    # A test's Transient failure: the cause, and that a test is not retried, in Arabic.
    busy = Transient(ANSWERED.format(channel="toot", host="m.example", reason="503 Busy"))
    failed = str(as_test_failure("toot", busy))
    assert failed.startswith("toot: m.example answered 503 Busy. The test failed and nothing")
    assert delivery_error(failed).startswith(
        "toot: أجاب m.example بـ 503 Busy. فشل الاختبار ولن تُعاد المحاولة (كان مجرد اختبار)"
    )
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
