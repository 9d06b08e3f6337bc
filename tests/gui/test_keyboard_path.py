"""The keyboard path of issue #6, end to end in the real main window: from launch on a
workspace with an active incident, a templated bilingual update goes out to every channel —
the local status page and two webhooks on 127.0.0.1 — without a single mouse event, in at most
five key chords besides the letters typed to find the template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk
from tests import httpfake
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text

receiver = httpfake.receiver

MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}


class MouseWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE_EVENTS:
            self.seen.append(f"{event.type().name} on {watched.objectName() or watched}")
        return False


def test_a_templated_bilingual_update_reaches_every_channel_by_keyboard_alone(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, receiver
) -> None:
    hooks = [receiver(), receiver()]
    with Desk(home) as desk:
        for number, hook in enumerate(hooks, start=1):
            desk.channels.add_channel("webhook", f"hook-{number}", {"url": hook.url})
    watch = MouseWatch()
    QApplication.instance().installEventFilter(watch)
    chords: list[str] = []

    def chord(sequence: str) -> None:
        chords.append(sequence)
        press(sequence)

    try:
        window = launch()
        qtbot.waitUntil(lambda: window.composer.target == active_incident)
        assert focused() is window.list  # launch: the keyboard on the list (ARCHITECTURE §8)
        qtbot.waitUntil(lambda: bool(window.tools.templates))  # read on the TaskRunner

        chord("Ctrl+U")  # an update on the current incident, cursor in English
        chord("Ctrl+T")  # the palette, on templates
        palette = window.tools.palette
        qtbot.waitUntil(lambda: focused() is palette.query)
        type_text("identif")
        assert palette.current() is not None and palette.current().key == "template:identified"
        chord("Return")  # fills it for this incident into both editors
        composer = window.composer
        qtbot.waitUntil(lambda: "identified the cause" in composer.body_en.toPlainText())
        assert "حددنا سبب المشكلة" in composer.body_ar.toPlainText()
        assert "{" not in composer.body_en.toPlainText() + composer.body_ar.toPlainText()
        assert composer.state_value().value == "identified"
        assert set(composer.checked_channels()) == {"site", "hook-1", "hook-2"}
        chord("Ctrl+Return")  # publish to every ticked channel

        def delivered() -> bool:
            with Desk(home) as desk:
                updates = desk.store.incidents.updates(active_incident)
                latest = updates[-1]
                states = [d.state for d in desk.store.deliveries.deliveries_for_update(latest.id)]
            return (
                len(updates) == 2
                and len(states) == 3
                and all(s is DeliveryState.SENT for s in states)
            )

        qtbot.waitUntil(delivered, timeout=20_000)
    finally:
        QApplication.instance().removeEventFilter(watch)

    for hook in hooks:
        (request,) = hook.requests
        assert "identified the cause" in request.body.decode("utf-8")
    site = (home / "site" / "ar" / "index.html").read_text("utf-8")
    assert "حددنا سبب المشكلة" in site
    assert watch.seen == []
    assert len(chords) <= 5, chords
