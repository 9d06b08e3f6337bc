"""Deliveries in the window (issue #3, point 5): a live chip per channel in every state, retry
and skip-with-reason by keyboard, a loud word when a delivery fails for good, and the count of
deliveries not yet out. The channels are probes (tests/probe.py) registered like a product
channel, whose every send the test scripts; nothing here touches the network or sleeps."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QListWidget, QMenu, QSystemTrayIcon, QWidget

from statusdesk.app.read_models import DeliveryFacts
from statusdesk.channels.base import Ambiguous, Permanent, Receipt, Transient
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Draft, IncidentState
from statusdesk.desk import Desk
from statusdesk.gui.deliveries.notify import FailureWatch, Notifier
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.desk.tray import DeskTray, TrayLevel
from statusdesk.gui.incidents.incident_view import DeliveryChip
from statusdesk.gui.widgets.popups import DeliveryChooser
from statusdesk.gui.widgets.reason_popup import SkipReasonDialog
from tests import httpfake
from tests.gui.conftest import OFFSCREEN_NOISE, WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text
from tests.probe import SCRIPT as SCRIPT  # re-exported for test_outbox and test_schedule_gui
from tests.probe import ProbeChannel as ProbeChannel
from tests.probe import register

REFUSAL = "alpha rejected the post: credentials expired — re-enter them in Channels"
HINT = "Ctrl+R retries, Ctrl+Shift+K skips"


def refused() -> Receipt:
    raise Permanent(REFUSAL)


def dropped() -> Receipt:
    raise Ambiguous("beta: the connection dropped after the request was sent")


def cannot_tell() -> Receipt | None:
    raise Permanent("beta cannot look up its posts")


def busy() -> Receipt:
    raise Transient("alpha: the server is busy (503)", retry_after=30)


class FakeTray:
    """Stands in for QSystemTrayIcon (the offscreen platform has no tray)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None:
        self.messages.append((title, msg))


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> FakeTray:
    fake = FakeTray()
    monkeypatch.setattr(DeskTray, "message_target", lambda self: fake)
    return fake


def probe_workspace(home: Path, monkeypatch: pytest.MonkeyPatch, channels: list[str]) -> int:
    """The site channel off, probe channels on, and an incident whose first update went out."""
    register(monkeypatch)
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        for name in channels:
            desk.store.channels.add_channel(kind="probe", name=name, now=desk.now())
        published = desk.publishing.open_incident(
            title=BilingualText("API errors", "أخطاء الواجهة"),
            draft=Draft(
                BilingualText("Investigating.", "نحقق."), IncidentState.INVESTIGATING, author="t"
            ),
        )
        desk.deliveries.wait_for(published.update_id, timeout=10)
    return published.incident_id


@pytest.fixture
def alpha(home: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    return probe_workspace(home, monkeypatch, ["alpha"])


@pytest.fixture
def alpha_beta(home: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    return probe_workspace(home, monkeypatch, ["alpha", "beta"])


def publish_by_keyboard(window: MainWindow) -> None:
    """A new update on the current incident, written and published with the keys only."""
    press("Ctrl+U")
    assert focused() is window.composer.body_en
    type_text("Still failing for some customers.")
    press("Ctrl+L")
    type_text("ما زال العطل يصيب بعض العملاء.")
    press("Ctrl+Return")


def newest_chip(window: MainWindow, channel: str, updates: int) -> DeliveryChip | None:
    """The chip of `channel` on the newest card, once the view shows `updates` cards."""
    cards = window.view.cards()
    if len(cards) != updates:
        return None
    for chip in cards[0].chips.values():
        if chip.channel_name == channel:
            return chip
    return None


def chip_state(window: MainWindow, channel: str, updates: int = 2) -> DeliveryState | None:
    chip = newest_chip(window, channel, updates)
    return chip.state if chip is not None else None


def chip_says(window: MainWindow, channel: str) -> tuple[str, str, str]:
    """(text, tooltip, accessible name) of the newest update's chip for `channel`, looked up
    afresh: the view may have rebuilt its cards since."""
    chip = newest_chip(window, channel, 2)
    if chip is None:
        return ("", "", "")
    return (chip.text(), chip.toolTip(), chip.accessibleName())


def stored(home: Path, channel: str) -> Delivery:
    """The newest delivery to `channel`, as the workspace has it now."""
    with Desk(home) as desk:
        config = desk.store.channels.channel_by_name(channel)
        assert config is not None
        rows = desk.store.conn.execute(
            "SELECT id FROM delivery WHERE channel_id = ? ORDER BY id DESC LIMIT 1", (config.id,)
        ).fetchall()
        found = desk.store.deliveries.delivery(rows[0][0])
        assert found is not None
        return found


def outstanding(window: MainWindow) -> str:
    return window.outstanding_label.text()


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def wait_for_popup(qtbot, window: MainWindow, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            isinstance(window.popup, kind)
            and window.popup.isVisible()
            and window.popup.isActiveWindow()
        )
    )
    popup = window.popup
    assert popup is not None
    return popup


# -- keyboard -----------------------------------------------------------------------------------


def test_a_failed_delivery_is_announced_then_retried_with_ctrl_r(
    qtbot, home: Path, alpha: int, tray: FakeTray, launch: WindowFactory
) -> None:
    SCRIPT.sends["alpha"] = [refused]
    window = launch()
    qtbot.waitUntil(lambda: outstanding(window) == "all deliveries out")
    publish_by_keyboard(window)
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.FAILED, timeout=10_000)

    # Said loudly, once: on the desktop and in the status bar, with the keys that act.
    expected = f"alpha: failed — {REFUSAL}. {HINT}"
    qtbot.waitUntil(lambda: len(tray.messages) == 1)
    assert tray.messages[0] == ("statusdesk — alpha failed", expected)
    qtbot.waitUntil(lambda: REFUSAL in message(window) and HINT in message(window))
    qtbot.waitUntil(lambda: outstanding(window) == "1 delivery not yet out")
    qtbot.waitUntil(lambda: window.tray.status.level is TrayLevel.FAILED)  # the tray turns red
    assert "1 delivery needs you" in window.tray.status.tooltip
    qtbot.waitUntil(lambda: REFUSAL in chip_says(window, "alpha")[1])
    text, tooltip, accessible = chip_says(window, "alpha")
    assert text == "alpha: failed"
    assert HINT in tooltip
    assert accessible.startswith("alpha: failed") and REFUSAL in accessible

    # Ctrl+R: one delivery needs it, so it is retried at once (same idempotency key).
    first = stored(home, "alpha")
    press("Ctrl+R")
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: message(window) == "alpha: sent on retry.")
    qtbot.waitUntil(lambda: outstanding(window) == "all deliveries out")
    qtbot.waitUntil(lambda: window.tray.status.level is TrayLevel.ALL_CLEAR)
    after = stored(home, "alpha")
    assert after.state is DeliveryState.SENT
    assert after.attempts == 2
    assert after.idempotency_key == first.idempotency_key
    assert len(tray.messages) == 1  # the retry's success is no alarm
    # Nothing is left to retry: Ctrl+R says so and changes nothing.
    press("Ctrl+R")
    assert "Nothing to retry" in message(window)


def test_skip_asks_which_and_why_and_esc_changes_nothing(
    qtbot, home: Path, alpha_beta: int, tray: FakeTray, launch: WindowFactory
) -> None:
    SCRIPT.sends["alpha"] = [refused]
    SCRIPT.sends["beta"] = [dropped]
    SCRIPT.reconciles["beta"] = [cannot_tell]
    window = launch()
    publish_by_keyboard(window)
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.FAILED, timeout=10_000)
    qtbot.waitUntil(
        lambda: chip_state(window, "beta") is DeliveryState.NEEDS_DECISION, timeout=10_000
    )
    qtbot.waitUntil(lambda: len(tray.messages) == 2)
    assert sorted(title for title, _ in tray.messages) == [
        "statusdesk — alpha failed",
        "statusdesk — beta needs you",
    ]
    qtbot.waitUntil(lambda: outstanding(window) == "2 deliveries not yet out")
    assert chip_says(window, "beta")[0] == "beta: needs decision"
    qtbot.waitUntil(lambda: "Check beta by hand" in chip_says(window, "beta")[1])
    editor = focused()

    # Two need a decision: a chooser takes the keyboard; Esc closes it, nothing changes.
    press("Ctrl+Shift+K")
    chooser = wait_for_popup(qtbot, window, DeliveryChooser)
    assert isinstance(chooser, DeliveryChooser)
    assert isinstance(focused(), QListWidget)
    rows = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert [row.split(":")[0] for row in rows] == ["alpha", "beta"]
    assert REFUSAL in rows[0]
    press("Escape")
    qtbot.waitUntil(lambda: not chooser.isVisible())
    qtbot.waitUntil(lambda: focused() is editor)

    # Down, Enter: beta. The reason dialog has the keyboard; Esc there changes nothing either.
    press("Ctrl+Shift+K")
    chooser = wait_for_popup(qtbot, window, DeliveryChooser)
    press("Down")
    press("Return")
    dialog = wait_for_popup(qtbot, window, SkipReasonDialog)
    assert isinstance(dialog, SkipReasonDialog) and dialog.target.channel == "beta"
    qtbot.waitUntil(lambda: focused() is dialog.reason)
    type_text("not now")
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: focused() is editor)
    assert stored(home, "beta").state is DeliveryState.NEEDS_DECISION
    assert stored(home, "beta").decision_note is None
    assert chip_state(window, "beta") is DeliveryState.NEEDS_DECISION
    assert message(window) == "beta: not skipped."

    # Again, and an empty reason is refused inline: the dialog stays, the keyboard in it.
    press("Ctrl+Shift+K")
    wait_for_popup(qtbot, window, DeliveryChooser)
    press("Down")
    press("Return")
    dialog = wait_for_popup(qtbot, window, SkipReasonDialog)
    qtbot.waitUntil(lambda: focused() is dialog.reason)
    assert dialog.reason.text() == ""  # a new dialog: the cancelled text is gone
    type_text("   ")
    press("Return")
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "Say why beta is skipped" in dialog.problem.text()
    assert focused() is dialog.reason
    assert stored(home, "beta").state is DeliveryState.NEEDS_DECISION

    # A reason, Enter: skipped, with the note in the workspace and on the chip.
    reason = "beta's account is suspended; posted by hand"
    dialog.reason.clear()
    type_text(reason)
    assert not dialog.problem.isVisible()  # typing clears the refusal
    press("Return")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: chip_state(window, "beta") is DeliveryState.SKIPPED, timeout=10_000)
    beta = stored(home, "beta")
    assert beta.state is DeliveryState.SKIPPED
    assert beta.decision_note == reason
    assert beta.decided_by is not None
    qtbot.waitUntil(lambda: focused() is editor)
    qtbot.waitUntil(lambda: reason in chip_says(window, "beta")[1])
    text, _, accessible = chip_says(window, "beta")
    assert text == "beta: skipped"
    assert reason in accessible
    qtbot.waitUntil(lambda: outstanding(window) == "1 delivery not yet out")
    assert message(window) == f"beta: skipped — {reason}"
    assert len(tray.messages) == 2  # a decision is no new failure

    # Only alpha is left: Ctrl+Shift+K goes straight to its reason, no chooser.
    press("Ctrl+Shift+K")
    dialog = wait_for_popup(qtbot, window, SkipReasonDialog)
    assert isinstance(dialog, SkipReasonDialog) and dialog.target.channel == "alpha"
    press("Escape")
    qtbot.waitUntil(lambda: focused() is editor)
    assert stored(home, "alpha").state is DeliveryState.FAILED


def test_a_waiting_retry_counts_down_and_can_be_skipped(
    qtbot, home: Path, alpha: int, tray: FakeTray, launch: WindowFactory
) -> None:
    SCRIPT.sends["alpha"] = [busy]
    window = launch()
    assert not window.view.counting_down
    publish_by_keyboard(window)

    def seconds() -> int | None:
        chip = newest_chip(window, "alpha", 2)
        if chip is None or not chip.text().startswith("alpha: retry in "):
            return None
        return int(chip.text().removeprefix("alpha: retry in ").removesuffix(" s"))

    qtbot.waitUntil(lambda: seconds() is not None, timeout=10_000)
    first = seconds()
    assert first is not None and 25 <= first <= 30
    assert window.view.counting_down
    qtbot.waitUntil(lambda: (seconds() or first) < first, timeout=3_000)
    qtbot.waitUntil(lambda: "503" in chip_says(window, "alpha")[1])
    _, _, accessible = chip_says(window, "alpha")
    assert accessible.startswith("alpha: retry in ") and "503" in accessible
    qtbot.waitUntil(lambda: outstanding(window) == "1 delivery not yet out")
    assert tray.messages == []  # a retry that waits is not a failure

    # Retry is for failed or undecided deliveries; a waiting one can be skipped.
    press("Ctrl+R")
    assert "Nothing to retry" in message(window)
    press("Ctrl+Shift+K")
    dialog = wait_for_popup(qtbot, window, SkipReasonDialog)
    assert isinstance(dialog, SkipReasonDialog)
    type_text("the status page says enough")
    press("Return")
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.SKIPPED, timeout=10_000)
    qtbot.waitUntil(lambda: not window.view.counting_down)
    qtbot.waitUntil(lambda: outstanding(window) == "all deliveries out")
    assert stored(home, "alpha").decision_note == "the status page says enough"


# -- every state on a chip ----------------------------------------------------------------------


def test_every_state_has_its_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)

    def shown(**fields: object) -> DeliveryChip:
        base = {"id": 1, "update_id": 1, "channel_id": 1, "state": DeliveryState.PENDING}
        chip = DeliveryChip(Delivery(**{**base, **fields}), "x", now)  # type: ignore[arg-type]
        qtbot.addWidget(chip)
        return chip

    assert shown().text() == "x: pending"
    assert shown(state=DeliveryState.SENDING, attempts=1).text() == "x: sending…"
    assert shown(state=DeliveryState.SENT).text() == "x: sent"
    waiting = shown(
        state=DeliveryState.RETRY_WAIT, next_attempt_at="2026-03-01T12:00:42Z", last_error="503"
    )
    assert waiting.text() == "x: retry in 42 s" and waiting.waiting
    waiting.tick(datetime(2026, 3, 1, 12, 0, 41, 500_000, tzinfo=UTC))
    assert waiting.text() == "x: retry in 1 s"
    waiting.tick(datetime(2026, 3, 1, 12, 0, 43, tzinfo=UTC))
    assert waiting.text() == "x: retrying…"
    assert shown(state=DeliveryState.FAILED, last_error="401").text() == "x: failed"
    unknown = shown(state=DeliveryState.UNKNOWN, last_error="reset", owner="other")
    assert unknown.text() == "x: unknown (checking…)"
    assert "reset" in unknown.toolTip() and "reset" in unknown.accessibleName()
    assert shown(state=DeliveryState.NEEDS_DECISION).text() == "x: needs decision"
    skipped = shown(state=DeliveryState.SKIPPED, decision_note="posted by hand", decided_by="ana")
    assert skipped.text() == "x: skipped"
    assert "posted by hand" in skipped.toolTip() and "ana" in skipped.toolTip()
    assert "posted by hand" in skipped.accessibleName()
    # Once a delivery moved on, an old error is not shown as its reason …
    assert "401" not in shown(state=DeliveryState.PENDING, last_error="401").accessibleName()
    # … while a sent one's is the note its channel left (its outcome overwrote any error).
    note = "x: started a new thread: the incident's earlier post 12 is gone (deleted, or hidden)."
    sent = shown(state=DeliveryState.SENT, last_error=note)
    assert sent.text() == "x: sent" and note in sent.toolTip() and note in sent.accessibleName()


# -- mouse path, without a mouse (the context menu's actions) -----------------------------------


def open_context_menu(widget: QWidget) -> None:
    """What a right-click (or the Menu key) sends, without moving a mouse."""
    centre = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, widget.mapToGlobal(centre))
    QApplication.sendEvent(widget, event)


# A menu pops up by grabbing the keyboard, which the offscreen platform cannot do, and says so.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support grabbing the keyboard")
def test_a_failed_chip_offers_retry_and_skip_in_its_context_menu(
    qtbot, home: Path, alpha: int, tray: FakeTray, launch: WindowFactory
) -> None:
    SCRIPT.sends["alpha"] = [refused]
    window = launch()
    publish_by_keyboard(window)
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.FAILED, timeout=10_000)
    chip = newest_chip(window, "alpha", 2)
    assert chip is not None
    open_context_menu(chip)
    menus = [m for m in window.findChildren(QMenu) if m.objectName() == "chip-menu"]
    assert len(menus) == 1
    texts = [a.text() for a in menus[0].actions()]
    assert texts == ["Retry alpha\tCtrl+R", "Skip alpha…\tCtrl+Shift+K"]
    menus[0].actions()[0].trigger()
    menus[0].close()
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.SENT, timeout=10_000)
    # A sent chip offers nothing.
    sent = newest_chip(window, "alpha", 2)
    assert sent is not None
    before = len(window.findChildren(QMenu))
    open_context_menu(sent)
    assert len(window.findChildren(QMenu)) == before


# -- the notifier on its own --------------------------------------------------------------------


def test_failure_watch_speaks_once_per_arrival() -> None:
    watch = FailureWatch()
    assert not watch.observe(1, DeliveryState.SENDING)
    assert watch.observe(1, DeliveryState.FAILED)
    assert not watch.observe(1, DeliveryState.FAILED)  # the same change, reported again
    assert not watch.observe(1, DeliveryState.PENDING)  # a person retried
    assert not watch.observe(1, DeliveryState.SENDING)
    assert watch.observe(1, DeliveryState.FAILED)  # failed again: a new change
    assert watch.observe(1, DeliveryState.NEEDS_DECISION)
    assert not watch.observe(2, DeliveryState.RETRY_WAIT)
    assert not watch.observe(2, DeliveryState.SENT)


def test_notifier_names_the_incident_when_it_is_not_the_current_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    said: list[str] = []
    fake = FakeTray()
    notifier = Notifier(owner, tray=lambda: fake)
    notifier.said.connect(said.append)
    failed = Delivery(1, 1, 1, DeliveryState.FAILED, last_error="x refused: 401.")
    facts = DeliveryFacts(failed, "x", incident_id=7)
    assert (
        notifier.delivery_needs_you(facts, current_incident=7)
        == f"x: failed — x refused: 401. {HINT}"
    )
    assert notifier.delivery_needs_you(facts, current_incident=3) == (
        f"x: failed — x refused: 401. On incident #7, {HINT}"
    )
    assert said == [m for _, m in fake.messages] and len(said) == 2
    # Moved on before the message could be said (a quick retry): nothing is said.
    moved = DeliveryFacts(Delivery(1, 1, 1, DeliveryState.PENDING), "x", incident_id=7)
    assert notifier.delivery_needs_you(moved, current_incident=7) is None
    assert len(said) == 2
    # No tray on this desktop: the status bar alone.
    bare = Notifier(owner, tray=lambda: None)
    bare.said.connect(said.append)
    assert bare.delivery_needs_you(facts, current_incident=7) is not None
    assert len(said) == 3 and len(fake.messages) == 2


def test_a_long_attempt_says_how_far_it_is_on_its_chip_until_it_is_sent(
    qtbot, home: Path, alpha: int, launch: WindowFactory
) -> None:
    """A site uploading to its target tells each file as it goes up (PartLedger.progress):
    the chip says "sending 3/3" while the attempt is under way, then the outcome."""
    with Desk(home) as desk:
        desk.channels.edit_channel("alpha", {"progress": "3"})
    release = threading.Event()

    def held() -> None:
        assert release.wait(timeout=30)

    SCRIPT.sends["alpha"] = [held]
    window = launch()
    qtbot.waitUntil(lambda: outstanding(window) == "all deliveries out")
    publish_by_keyboard(window)
    qtbot.waitUntil(lambda: chip_says(window, "alpha")[0] == "alpha: sending 3/3")
    assert chip_state(window, "alpha") is DeliveryState.SENDING
    release.set()
    qtbot.waitUntil(lambda: chip_state(window, "alpha") is DeliveryState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: chip_says(window, "alpha")[0] == "alpha: sent")


receiver = httpfake.receiver  # a fixture, taken by name


def test_a_server_s_html_in_a_failure_is_shown_as_the_characters_it_sent(
    qtbot, home: Path, receiver, tray, launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    """A webhook's receiver answers 400 with HTML of its own. Qt would take a tooltip that looks
    like HTML for rich text (bold, an image fetched by name); the chip's tooltip and the status
    line's show the server's words as the characters it sent."""
    from PySide6.QtGui import QTextDocument

    said_by_server = b"<b>bold</b> & <img src='logo.png'>"
    picky = receiver()
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        desk.channels.add_channel("webhook", "picky", {"url": picky.url})
    open_incident(home, ("API errors", "أخطاء الواجهة"), ("Investigating.", "نحقق."))
    picky.script(httpfake.status(400, {"Content-Type": "text/html"}, said_by_server))
    window = launch()
    publish_by_keyboard(window)
    qtbot.waitUntil(lambda: chip_state(window, "picky") is DeliveryState.FAILED, timeout=20_000)

    def shown(tooltip: str) -> str:
        document = QTextDocument()
        document.setHtml(tooltip)  # as QToolTip lays out a text it takes for rich text
        return document.toPlainText()

    qtbot.waitUntil(lambda: said_by_server.decode() in shown(chip_says(window, "picky")[1]))
    assert "<b>" not in chip_says(window, "picky")[1]
    line = window.status_line.message
    qtbot.waitUntil(lambda: said_by_server.decode() in line.full_text)
    assert said_by_server.decode() in shown(line.toolTip())
