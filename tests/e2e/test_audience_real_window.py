"""Issue #12 §1 in a real X window with real key events: the question "why leave these channels
out?" takes the keyboard itself (no window manager gives it to it), Esc goes back with nothing
published, Enter on an empty reason is refused, Enter on a reason publishes — the site gets the
update and the channel left out a `skipped` delivery carrying the reason.

The draft comes back from the workspace with its own ticks (a webhook unticked), as after a
crash; the webhook is never contacted (it is left out), so its address needs no server.
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from statusdesk.desk import Desk
from tests.e2e.test_real_window import (  # the real-X helpers, and the Xvfb fixture
    app_command,
    focused_window,
    open_incident,
    wait_for,
    x_env,
    xdotool,
)
from tests.e2e.test_real_window import xvfb as xvfb

pytestmark = pytest.mark.xvfb

ENGLISH = "Card payments recovered."
ARABIC = "تعافت مدفوعات البطاقات."
REASON = "the ops hook is for staff only"


def deliveries(home: Path) -> list[tuple[str, str, str, str | None]]:
    """(body_en, channel, state, decision note) of every delivery, read as another program."""
    with sqlite3.connect(f"file:{home / 'statusdesk.db'}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            'SELECT u.body_en, c.name, d.state, d.decision_note FROM "update" u '
            "JOIN delivery d ON d.update_id = u.id JOIN channel c ON c.id = d.channel_id "
            "ORDER BY d.id"
        ).fetchall()
    conn.close()
    return [tuple(r) for r in rows]


def test_the_reason_question_takes_the_keyboard_in_a_real_window(
    xvfb: str,
    home: Path,
    tmp_path: Path,
) -> None:
    incident = open_incident(
        home, ("Payments failing", "فشل المدفوعات"), ("Card payments fail.", "تفشل المدفوعات.")
    )
    with Desk(home) as desk:
        desk.channels.add_channel("webhook", "ops-hook", {"url": "http://127.0.0.1:9/hook"})
        content = {"body_en": ENGLISH, "body_ar": ARABIC, "channels": {"ops-hook": False}}
        desk.store.drafts.save_draft(incident, content, desk.now())
    env = x_env(xvfb)
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(app_command(home), env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        xdotool(env, "search", "--sync", "--onlyvisible", "--name", "statusdesk")
        wait_for(
            lambda: focused_window(env).startswith("statusdesk — /"),
            30,
            "the desk to be built and the window to take the keyboard focus",
        )
        # Ctrl+U: the restored draft on this incident, the cursor in it; then publish.
        xdotool(env, "key", "--delay", "150", "ctrl+u", "ctrl+Return")
        wait_for(
            lambda: "leave out ops-hook" in focused_window(env),
            20,
            "the reason question to take the keyboard",
        )
        xdotool(env, "key", "--delay", "150", "Escape")
        wait_for(lambda: focused_window(env).startswith("statusdesk — /"), 10, "focus back")
        assert [d for d in deliveries(home) if d[0] == ENGLISH] == []

        xdotool(env, "key", "--delay", "150", "ctrl+Return")
        wait_for(lambda: "leave out ops-hook" in focused_window(env), 20, "the question again")
        xdotool(env, "key", "--delay", "150", "Return")  # empty: refused, the question stays
        assert "leave out ops-hook" in focused_window(env)
        xdotool(env, "type", "--delay", "90", REASON)
        xdotool(env, "key", "--delay", "150", "Return")
        wait_for(
            lambda: (ENGLISH, "site", "sent", None) in deliveries(home),
            30,
            "the update to reach the site",
        )
        assert (ENGLISH, "ops-hook", "skipped", REASON) in deliveries(home)
        xdotool(env, "key", "--delay", "150", "ctrl+q")  # nothing unpublished: quits
        assert app.wait(timeout=15) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        log.close()
