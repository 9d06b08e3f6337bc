"""Who is doing what, at the use cases (issue #17): two desks on one PostgreSQL workspace see
each other's presence and hear of its changes at once, a heartbeat is not a write to the
workspace (no desk re-reads its list for it), and two desks saving one draft — the second
is refused with the first's text. On SQLite a desk is alone: nothing to hear, nothing written."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.app.changes import NotifiedChanges
from statusdesk.app.drafts import DraftConflict
from statusdesk.desk import Desk
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import call


@pytest.fixture
def two_desks(
    postgres_server: Postgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Desk, Desk]]:
    url = postgres_server.create_database()
    first = Desk(tmp_path / "amal", db=url)
    second = Desk(tmp_path / "nadia", db=url)
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def incident(desk: Desk) -> int:
    from statusdesk.core.model import BilingualText, Impact, IncidentKind, IncidentState

    return desk.store.incidents.create_incident(
        title=BilingualText("Card payments failing", "فشل مدفوعات البطاقات"),
        kind=IncidentKind.INCIDENT,
        state=IncidentState.INVESTIGATING,
        impact=Impact.MAJOR,
        started_at=desk.now(),
        now=desk.now(),
    )


def test_the_desk_s_name_is_the_setting_else_the_os_user(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    import getpass

    from statusdesk.app.context import current_user

    monkeypatch.delenv("STATUSDESK_AUTHOR", raising=False)
    with Desk(home) as desk:
        assert current_user() == getpass.getuser()
        # The `desk.author` setting, kept on this machine, names it at once and from then on.
        desk.settings.set_workspace_setting("desk.author", "Nadia Haddad")
        assert current_user() == "Nadia Haddad"
    with Desk(home) as desk:
        assert desk.presence.author == current_user() == "Nadia Haddad"
        # One desk on its own file: nobody else to hear of, so the app writes nothing.
        assert desk.presence.when_changed(lambda: None) is False
    # STATUSDESK_AUTHOR (and so the app's --author, which sets it) wins over the setting.
    monkeypatch.setenv("STATUSDESK_AUTHOR", "  Nadia ")
    assert current_user() == "Nadia"
    with Desk(home) as desk:
        assert desk.presence.author == "Nadia"
        desk.settings.set_workspace_setting("desk.author", "")
    monkeypatch.delenv("STATUSDESK_AUTHOR")
    with Desk(home):
        assert current_user() == getpass.getuser()


def test_a_presence_change_is_heard_at_once_and_a_heartbeat_is_not_a_write(
    two_desks: tuple[Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    amal, nadia = two_desks
    incident_id = incident(amal)
    heard = threading.Event()
    assert nadia.presence.when_changed(heard.set)
    changes = nadia.context.changes
    assert isinstance(changes, NotifiedChanges) and changes.wait_listening(30)
    before = changes.version()
    monkeypatch.setenv("STATUSDESK_AUTHOR", "Amal")
    amal.presence.announce(incident_id, "ar")
    assert heard.wait(30)
    (seen,) = nadia.presence.others(incident_id)
    assert (seen.author, seen.editing) == ("Amal", "ar")
    assert amal.presence.others(incident_id) == []  # a desk does not see itself
    heard.clear()
    amal.presence.announce(incident_id, "ar", tell=False)  # a heartbeat
    # A real write after it: the server delivers in commit order, so once it is heard the
    # heartbeat would have been too — and neither it nor the presence change was counted.
    amal.drafts.save(incident_id, {"body_ar": "نص"})
    assert _wait(lambda: changes.version() > before)
    assert changes.version() == before + 1
    assert not heard.is_set()
    amal.presence.leave()
    assert heard.wait(30)
    assert nadia.presence.others(incident_id) == []


def test_the_second_desk_s_save_sees_the_first(two_desks: tuple[Desk, Desk]) -> None:
    amal, nadia = two_desks
    incident_id = incident(amal)
    base = amal.drafts.save(incident_id, {"body_ar": "أول"}, based_on=None)
    assert nadia.drafts.saved_one(incident_id) is not None
    nadia.drafts.save(incident_id, {"body_ar": "نص نادية"}, based_on=base)
    with pytest.raises(DraftConflict) as refused:
        amal.drafts.save(incident_id, {"body_ar": "نص أمل"}, based_on=base)
    assert refused.value.theirs is not None
    assert refused.value.theirs.content == {"body_ar": "نص نادية"}


def _wait(condition: object, timeout: float = 30) -> bool:
    """Until `condition()` holds (the listener's thread counts), without a fixed sleep."""
    import time

    stop = time.monotonic() + timeout
    done = threading.Event()
    while time.monotonic() < stop:
        if condition():  # type: ignore[operator]
            return True
        done.wait(0.01)
    return False


def test_the_app_s_author_names_this_desk_for_its_run(
    monkeypatch: pytest.MonkeyPatch, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from statusdesk import __main__ as entry
    from statusdesk.app.context import current_user
    from statusdesk.gui.launch import app

    monkeypatch.setenv("STATUSDESK_AUTHOR", "")  # restored after the test, whatever is set
    monkeypatch.setattr(app, "run", lambda home, **given: 0)
    assert entry.main(["--home", str(home), "--author", " Omar Farouk "]) == 0
    assert current_user() == "Omar Farouk"
    assert entry.main(["--home", str(home), "--author", "x" * 81]) == 2
    assert entry.main(["--home", str(home), "--author", "Omar\x1b[2J"]) == 2
    assert entry.main(["--home", str(home), "--author", "\u202eramO"]) == 2  # turns lines
    assert "--author takes a name of up to 80 characters" in capsys.readouterr().err
    refused = call(capsys, "--home", str(home), "setting", "set", "desk.author", "\u202eramO")
    assert refused.code != 0 and "desk.author" in refused.stderr
    assert "without control or direction characters" in refused.stderr  # says why
    assert current_user() == "Omar Farouk"  # nothing changed by a name refused
