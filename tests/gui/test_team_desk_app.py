"""The desktop app on a team desk's PostgreSQL workspace (issue #17): `statusdesk --db URL`
opens the same window on the records a real PostgreSQL server holds, and what the desk writes
there is what the command line reads back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from statusdesk.app.changes import NotifiedChanges
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.launch.app import run
from statusdesk.gui.runtime.session import Session
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import call


def team_workspace(
    postgres_server: Postgres, home: Path, capsys: pytest.CaptureFixture[str]
) -> str:
    url = postgres_server.create_database()
    opened = call(
        capsys, "--home", str(home), "--db", url, "incident", "open",
        "--title-en", "Card payments failing", "--title-ar", "فشل مدفوعات البطاقات",
        "--en", "We are investigating.", "--ar", "نحقق في الأمر.",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    return url


def test_the_app_starts_on_a_postgresql_workspace(
    qapp: QApplication,
    postgres_server: Postgres,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = team_workspace(postgres_server, home, capsys)
    monkeypatch.setenv("STATUSDESK_EXIT_AFTER_SHOW", "1")  # quits once the desk is painted
    assert run(str(home), db=url) == 0
    assert not (home / "statusdesk.db").exists()  # the records stayed on the server


def test_the_window_shows_the_team_s_incidents_and_writes_there(
    qtbot,  # type: ignore[no-untyped-def]
    postgres_server: Postgres,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = team_workspace(postgres_server, home, capsys)
    session = Session(home, db=url)
    window = MainWindow(session)
    try:
        model = window.model
        titles = [model.summary(row).incident.title.en for row in range(model.rowCount())]
        assert titles == ["Card payments failing"]
        # Something the desk writes goes to the server: a draft, kept as it is typed.
        session.desk.drafts.save(1, {"en": "Still looking."})
        assert [d.target for d in session.desk.drafts.saved()] == [1]
    finally:
        window.ask_before_discarding = False
        window.close()
        session.close()
        window.deleteLater()
    shown = call(capsys, "--home", str(home), "--db", url, "incident", "list", "--json").json()
    assert [i["title_en"] for i in shown] == ["Card payments failing"]


def test_a_password_in_the_url_is_a_message_that_never_shows_it(
    qapp: QApplication, postgres_server: Postgres, home: Path
) -> None:
    from statusdesk.gui.launch.app import EXIT_WORKSPACE
    from tests.gui.test_app import answer_message_box

    secret = "Tr0ub4dor-and-3"
    url = postgres_server.create_database().replace("statusdesk@", f"statusdesk:{secret}@")
    seen: list[str] = []
    formats: list[Qt.TextFormat] = []
    answer_message_box(seen, "OK", formats)
    assert run(str(home), db=url) == EXIT_WORKSPACE
    assert len(seen) == 1
    assert formats == [Qt.TextFormat.PlainText]  # the server's words, never markup
    assert "holds a password" in seen[0] and "keyring" in seen[0]
    assert secret not in seen[0]


def test_another_desk_s_publish_shows_without_waiting_for_the_tick(
    qtbot,  # type: ignore[no-untyped-def]
    postgres_server: Postgres,
    home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Live views: the window re-reads when the server announces a write (the slow tick is
    30 s; this waits far less than that)."""
    from statusdesk.gui.desk.main_window import TICK_MS

    url = team_workspace(postgres_server, home, capsys)
    session = Session(home, db=url)
    window = MainWindow(session)
    try:
        assert window.live_view.live
        # Asked by the GUI thread's timers, it reads a count the listener keeps: no query.
        assert isinstance(session.desk.context.changes, NotifiedChanges)
        assert session.desk.context.changes.wait_listening(30)  # type: ignore[attr-defined]
        model = window.model

        def titles() -> list[str]:
            return [model.summary(row).incident.title.en for row in range(model.rowCount())]

        # The window's own first reads are done: what comes next is the server's news.
        qtbot.waitUntil(
            lambda: (
                titles() == ["Card payments failing"]
                and not window.browser._refresher._running
                and not window._refresh_soon.isActive()
            )
        )
        opened = call(
            capsys, "--home", str(tmp_path / "colleague"), "--db", url, "incident", "open",
            "--title-en", "Search slow", "--title-ar", "البحث بطيء",
            "--en", "Looking.", "--ar", "نبحث.",
        )  # fmt: skip
        assert opened.code == 0, opened.stderr
        qtbot.waitUntil(lambda: "Search slow" in titles(), timeout=TICK_MS // 3)
    finally:
        window.ask_before_discarding = False
        window.close()
        session.close()
        window.deleteLater()
