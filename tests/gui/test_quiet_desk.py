"""A desk left alone reads nothing (issue #16): its timers ask SQLite's `data_version` whether
anyone wrote, a real second process's write is picked up, and the once-a-second clock repaints
only the rows whose countdown or age now reads differently — without reading the workspace.
Statements are counted with sqlite3's trace callback on every connection the window opens."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableView

from statusdesk.core.model import BilingualText, Impact, Incident, IncidentKind, IncidentState
from statusdesk.core.timefmt import iso
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.incidents.incident_list import AGE, NEXT, IncidentListModel
from statusdesk.store import db
from statusdesk.store.records import IncidentSummary
from tests.gui.conftest import WindowFactory

REPO = Path(__file__).resolve().parents[2]
TICKS = 5


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every statement any connection opened from now on runs, but the `data_version` asks."""
    seen: list[str] = []
    connect = db._connect

    def traced(path: Path) -> sqlite3.Connection:
        conn = connect(path)
        conn.set_trace_callback(
            lambda sql: None if sql.strip() == "PRAGMA data_version" else seen.append(sql)
        )
        return conn

    monkeypatch.setattr(db, "_connect", traced)
    yield seen


def settled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The launch's reads are done: the list, the first beat, the first look at the outbox
    (the timers are driven by hand from here, so that a test counts exactly N ticks)."""
    for timer in (window.scheduling.timer, window.follow._outbox_poll, window._tick):
        timer.stop()
    window.scheduling._beat()
    window.follow._poll_outbox()
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    window.scheduling._beat()  # what the first beat's reads wrote (nothing) is seen as such
    window.follow._poll_outbox()
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)


def idle_ticks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for _ in range(TICKS):
        window.scheduling._beat()  # the 1 s clock: due updates, every countdown on screen
        window.follow._poll_outbox()  # the 2 s outbox poll
        window._refresh_if_written()  # the 30 s re-read
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)


def test_nothing_written_means_nothing_read_over_many_ticks(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, statements: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    settled(qtbot, window)
    statements.clear()
    idle_ticks(qtbot, window)
    assert statements == []


def test_a_write_by_another_process_is_picked_up(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, statements: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    settled(qtbot, window)
    statements.clear()
    code = (
        "import sys\n"
        "from statusdesk.core.model import BilingualText, Draft, IncidentState\n"
        "from statusdesk.desk import Desk\n"
        "with Desk(sys.argv[1]) as desk:\n"
        "    desk.publishing.open_incident(\n"
        "        title=BilingualText('Slow logins', 'بطء تسجيل الدخول'),\n"
        "        draft=Draft(BilingualText('Looking.', 'نبحث.'), IncidentState.INVESTIGATING),\n"
        "        dispatch=False,\n"
        "    )\n"
    )
    subprocess.run([sys.executable, "-c", code, str(home)], check=True, cwd=REPO, timeout=60)
    window._refresh_if_written()  # the slow tick, now that someone wrote
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    assert statements  # it read
    window.follow._poll_outbox()  # and the outbox has work: the new update's deliveries
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    assert any("delivery" in sql for sql in statements)


def _summary(number: int, *, due: datetime | None, last: datetime) -> IncidentSummary:
    active = due is not None
    incident = Incident(
        id=number,
        title=BilingualText(f"Incident {number}", f"حادث {number}"),
        kind=IncidentKind.INCIDENT,
        state=IncidentState.IDENTIFIED if active else IncidentState.RESOLVED,
        impact=Impact.MAJOR,
        started_at=iso(last - timedelta(hours=1)),
        created_at=iso(last - timedelta(hours=1)),
        updated_at=iso(last),
        resolved_at=None if active else iso(last),
        next_update_due=iso(due) if due else None,
    )
    return IncidentSummary(incident, iso(last), 2)


def test_the_clock_repaints_only_the_rows_whose_words_moved(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 12, 1, 12, 0, 0, tzinfo=UTC)
    model = IncidentListModel(now)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    rows = [_summary(1, due=now + timedelta(minutes=20, seconds=30), last=now)]
    rows += [_summary(n, due=None, last=now - timedelta(days=n)) for n in range(2, 40)]
    model.set_summaries(rows, now)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: (0, NEXT) in model._told, timeout=5_000)  # painted once
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles=(): changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    shown_next = model.data(model.index(0, NEXT))
    for second in range(1, 30):  # 29 beats: the countdown still says "20 min", ages the same
        model.tick(now + timedelta(seconds=second))
    assert changed == []
    model.tick(now + timedelta(seconds=31))  # "19 min" now; its age still "just now"
    assert changed == [(0, AGE, 0, NEXT)]  # that row only, those two columns only
    assert model.data(model.index(0, NEXT)) != shown_next


def test_the_page_builds_its_newest_cards_first_and_the_rest_after_its_paint(
    qtbot, home: Path, active_incident: int
) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.app.read_models import load_page
    from statusdesk.core.model import Draft
    from statusdesk.desk import Desk
    from statusdesk.gui.incidents.incident_view import IncidentView

    with Desk(home) as desk:
        for n in range(5):
            desk.publishing.post_update(
                active_incident,
                Draft(BilingualText(f"Still looking ({n}).", f"ما زلنا نبحث ({n})."),
                      IncidentState.INVESTIGATING),
                dispatch=False,
            )  # fmt: skip
        page = load_page(desk.views, active_incident)
    assert page is not None
    newest_first = [u.id for u in reversed(page.updates)]
    view = IncidentView()
    qtbot.addWidget(view)
    view.show_page(page, datetime.now(UTC))
    assert len(view._cards) == IncidentView.CARDS_AT_ONCE  # what the first paint needs
    assert view.shown_update_ids() == newest_first  # asked for: all there, in order
    other = IncidentView()
    qtbot.addWidget(other)
    other.resize(700, 500)
    other.show_page(page, datetime.now(UTC))
    other.show()
    qtbot.waitUntil(lambda: len(other._cards) == len(newest_first), timeout=5_000)  # unasked
    assert [card.update_id for card in other._cards] == newest_first
