"""Review in the desktop app (issue #17), driven by its keys: with `review.required` on,
Ctrl+Return submits the update for review (nothing sent, the draft cleared as on publish);
Waiting for review (Ctrl+Shift+W, also in the palette) shows who wrote each, when, both texts
and the channels; the approve key refuses the desk's own update and publishes another person's
exactly as submitted, off the GUI thread; the return key asks for a comment. On a team desk,
another desk's submission shows in the open list as soon as the server says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.runtime.session import Session
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import call

EN = "Payments recovered; we are monitoring."
AR = "تعافت المدفوعات؛ نراقب الوضع."


def require_review(home: Path) -> None:
    with Desk(home) as desk:
        desk.settings.set_workspace_setting("review.required", "on")


def submit_as(desk: Desk, incident: int, author: str, en: str = EN, ar: str = AR) -> int:
    """Another person's update for review, as their desk (or `incident update`) submits it."""
    checked = desk.publishing.check_update(
        incident, Draft(BilingualText(en, ar), IncidentState.MONITORING, author=author)
    )
    return desk.reviews.submit(checked, anyway=True).review.id


def updates(home: Path, incident: int) -> int:
    with Desk(home) as desk:
        return len(desk.views.updates(incident))


def review_states(home: Path) -> list[tuple[int, str, str, str]]:
    with Desk(home) as desk:
        return [(r.id, r.state, r.reviewer, r.comment) for r in desk.reviews.every_review()]


def test_ctrl_return_submits_for_review_and_the_reviewer_approves_with_a_key(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    require_review(home)
    window = launch()
    composer = window.composer
    press("Ctrl+U")
    type_text("We found the cause.")
    press("Ctrl+L")
    type_text("وجدنا السبب.")
    press("Ctrl+Return")
    qtbot.waitUntil(lambda: "Submitted for review as #1" in window.statusBar().currentMessage())
    assert "in_review" in window.statusBar().currentMessage()
    assert composer.body_en.toPlainText() == ""  # cleared as on publish
    assert updates(home, active_incident) == 1  # nothing published, nothing sent
    with Desk(home) as desk:
        mine = desk.reviews.who()
        submit_as(desk, active_incident, "nadia")  # review 2: another person's

    press("Ctrl+Shift+W")
    review = window.windows.review.window
    qtbot.waitUntil(lambda: review.isVisible() and review.list.count() == 2)
    assert focused() is review.list
    assert mine in review.list.item(0).text() and "nadia" in review.list.item(1).text()
    assert review.english.text() == "We found the cause."
    assert review.arabic.text() == "وجدنا السبب."
    assert "Channels: " in review.facts.text() and mine in review.facts.text()

    press("Ctrl+Shift+A")  # the desk's own update: refused at once, nothing asked
    assert review.problem.isVisible() and "another person must approve it" in review.problem.text()
    assert review_states(home)[0][1] == "in_review"

    press("Down")
    assert review.english.text() == EN and review.arabic.text() == AR
    press("Ctrl+Shift+A")
    qtbot.waitUntil(lambda: updates(home, active_incident) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: review.list.count() == 1)  # re-read: only the desk's own waits
    assert "Approved #2" in window.statusBar().currentMessage()
    assert review_states(home)[1][:3] == (2, "approved", mine)
    with Desk(home) as desk:
        last = desk.views.updates(active_incident)[-1]
    assert (last.body.en, last.body.ar, last.author) == (EN, AR, "nadia")  # as submitted

    press("Ctrl+Shift+M")  # return the desk's own (withdrawing it), with a comment
    comment = window.windows.review.comment
    qtbot.waitUntil(lambda: comment is not None and comment.isVisible())
    press("Return")  # empty: refused inline, the popup stays
    assert comment is not None and comment.problem.isVisible()
    type_text("Say which regions.")
    press("Return")
    qtbot.waitUntil(lambda: review_states(home)[0][1] == "returned")
    assert review_states(home)[0][3] == "Say which regions."
    qtbot.waitUntil(lambda: review.list.count() == 0 and review.empty.isVisible())
    press("Escape")
    qtbot.waitUntil(lambda: not review.isVisible())


def test_waiting_for_review_is_in_the_palette(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+K")
    type_text("waiting for review")
    press("Return")
    review = window.windows.review.window
    qtbot.waitUntil(lambda: review.isVisible() and review.empty.isVisible())


def test_the_approve_key_outside_the_list_opens_it_first(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    require_review(home)
    with Desk(home) as desk:
        submit_as(desk, active_incident, "nadia")
    window = launch()
    press("Ctrl+Shift+A")  # nothing is approved unseen
    review = window.windows.review.window
    qtbot.waitUntil(lambda: review.isVisible() and review.list.count() == 1)
    assert "Choose the update" in window.statusBar().currentMessage()
    assert review_states(home)[0][1] == "in_review"


@pytest.mark.timeout(120)
def test_another_desk_s_submission_shows_in_the_open_list_on_a_team_desk(
    qtbot,  # type: ignore[no-untyped-def]
    postgres_server: Postgres,
    home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = postgres_server.create_database()
    base = ("--home", str(tmp_path / "colleague"), "--db", url)
    opened = call(
        capsys, *base, "incident", "open", "--title-en", "Card payments failing",
        "--title-ar", "فشل مدفوعات البطاقات", "--en", "Looking.", "--ar", "نبحث.",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert call(capsys, *base, "setting", "set", "review.required", "on").code == 0
    session = Session(home, db=url)
    window = MainWindow(session)
    try:
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        assert session.desk.context.changes.wait_listening(30)  # type: ignore[attr-defined]
        press("Ctrl+Shift+W")
        review = window.windows.review.window
        qtbot.waitUntil(lambda: review.isVisible() and review.empty.isVisible())
        submitted = call(
            capsys, *base, "incident", "update", "1", "--state", "monitoring", "--en", EN,
            "--ar", AR, "--author", "nadia",
        )  # fmt: skip
        assert submitted.lines[0] == "1 in_review", submitted.stderr
        qtbot.waitUntil(lambda: review.list.count() == 1, timeout=20_000)  # no reopening
        press("Ctrl+Shift+A")
        qtbot.waitUntil(lambda: review.list.count() == 0, timeout=20_000)
        shown = call(capsys, *base, "incident", "show", "1", "--json").json()
        assert [u["body_en"] for u in shown["updates"]][-1] == EN
        # Another desk's decision shows too: a second one, returned from the command line.
        again = call(
            capsys, *base, "incident", "update", "1", "--state", "monitoring", "--en", "More.",
            "--ar", "المزيد.", "--author", "nadia",
        )  # fmt: skip
        assert again.code == 0, again.stderr
        qtbot.waitUntil(lambda: review.list.count() == 1, timeout=20_000)
        returned = call(
            capsys, *base, "update", "return", "2", "--comment", "Too short.", "--author", "omar"
        )
        assert returned.code == 0, returned.stderr
        qtbot.waitUntil(lambda: review.list.count() == 0, timeout=20_000)
    finally:
        window.ask_before_discarding = False
        window.close()
        session.close()
        window.deleteLater()


def test_the_schedule_key_submits_for_review_keeping_the_time(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    require_review(home)
    window = launch()
    press("Ctrl+U")
    type_text("Maintenance of the card gateway tonight.")
    press("Ctrl+L")
    type_text("صيانة بوابة البطاقات الليلة.")
    press("Ctrl+Shift+Return")
    qtbot.waitUntil(lambda: window.popup is not None and window.popup.isVisible())
    type_text("in 2h")
    press("Return")
    qtbot.waitUntil(lambda: "Submitted for review as #1" in window.statusBar().currentMessage())
    assert "goes out at" in window.statusBar().currentMessage()
    assert updates(home, active_incident) == 1  # not even scheduled until approved
    press("Ctrl+Shift+W")
    review = window.windows.review.window
    qtbot.waitUntil(lambda: review.isVisible() and review.list.count() == 1)
    assert "Scheduled: approved, it goes out at" in review.facts.text()


def test_the_waiting_list_speaks_arabic_in_the_arabic_interface(
    qtbot, qapp, home: Path, active_incident: int, launch: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.arabic import built_arabic
    from tests.gui.test_i18n_sweep import sweep, users_words

    require_review(home)
    with Desk(home) as desk:
        submit_as(desk, active_incident, "nadia")
    with built_arabic(qapp):
        window = launch()
        press("Ctrl+Shift+W")
        review = window.windows.review.window
        qtbot.waitUntil(lambda: review.isVisible() and review.list.count() == 1)
        allowed = users_words(home, EN, "nadia", "site")
        found = sweep(review, allowed)
        review.close()
    assert found == [], "\n".join(found)


def test_a_submission_from_the_command_line_shows_in_the_open_list(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    """SQLite says nothing unasked: the open list asks whether anyone wrote, and re-reads."""
    require_review(home)
    window = launch()
    press("Ctrl+Shift+W")
    review = window.windows.review.window
    qtbot.waitUntil(lambda: review.isVisible() and review.empty.isVisible())
    with Desk(home) as desk:
        submit_as(desk, active_incident, "nadia")
    qtbot.waitUntil(lambda: review.list.count() == 1, timeout=10_000)
    press("Escape")
    qtbot.waitUntil(lambda: not window.windows.review._tick.isActive())
