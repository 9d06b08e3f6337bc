"""The Desk makes each use case on first use (statusdesk/desk.py, issue #16 start-up): importing
it loads none of the use-case modules, a command loads only those it calls, and every use case
is still one per Desk, shared by the use cases built over it."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

USE_CASE_MODULES = (
    "statusdesk.app.channels",
    "statusdesk.app.checks",
    "statusdesk.app.components",
    "statusdesk.app.compose",
    "statusdesk.app.deliveries",
    "statusdesk.app.drafts",
    "statusdesk.app.exports",
    "statusdesk.app.maintenance",
    "statusdesk.app.postmortems",
    "statusdesk.app.previews",
    "statusdesk.app.publishing",
    "statusdesk.app.scheduling",
    "statusdesk.app.subscribers",
    "statusdesk.app.templating",
    "statusdesk.app.views",
    "statusdesk.app.workspace_settings",
)


def loaded_after(code: str) -> set[str]:
    listed = f"print(','.join(m for m in {USE_CASE_MODULES!r} if m in sys.modules))\n"
    probe = f"import sys\n{code}\n{listed}"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {name for name in done.stdout.strip().split(",") if name}


def test_importing_the_desk_loads_no_use_case() -> None:
    assert loaded_after("import statusdesk.desk") == set()


def test_a_use_case_loads_only_what_it_is_built_over(tmp_path: Any) -> None:
    code = (
        "from statusdesk.desk import Desk\n"
        f"desk = Desk({str(tmp_path / 'ws')!r})\n"
        "desk.subscribers\n"
        "desk.close()\n"
    )
    assert loaded_after(code) == {"statusdesk.app.subscribers"}


def test_each_use_case_is_one_per_desk_and_shared(desk: Any) -> None:
    assert desk.publishing is desk.publishing
    assert desk.composing.publishing is desk.publishing
    assert desk.composing.checks is desk.checks
    assert desk.previews.composing is desk.composing
    assert desk.previews.views is desk.views
    assert desk.maintenance.templating is desk.templating
    assert desk.scheduling.settings is desk.settings
    assert desk.deliveries.channels is desk.channels
    assert desk.components.settings is desk.settings


def test_the_dispatcher_is_made_and_loaded_on_first_use(tmp_path: Any) -> None:
    """A command that only reads, or the desk's first paint, neither loads nor starts it."""
    code = (
        "from statusdesk.desk import Desk\n"
        f"desk = Desk({str(tmp_path / 'ws')!r})\n"
        "desk.views.incident_summaries()\n"
        "print('before', 'statusdesk.delivery.dispatcher' in sys.modules)\n"
        "first = desk.dispatcher\n"
        "print('after', 'statusdesk.delivery.dispatcher' in sys.modules, first is desk.dispatcher,"
        " first is desk.context.dispatcher)\n"
        "desk.close()\n"
    )
    probe = f"import sys\n{code}"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["before False", "after True True True"]


def test_a_desk_that_never_sent_closes_without_a_dispatcher(tmp_path: Any) -> None:
    from statusdesk.desk import Desk

    desk = Desk(tmp_path / "ws")
    desk.views.incident_summaries()
    desk.close()
    assert desk.context._dispatcher is None


def test_the_desk_default_worker_count_is_the_dispatchers() -> None:
    from statusdesk import desk
    from statusdesk.delivery import dispatcher

    assert desk.MAX_WORKERS == dispatcher.MAX_WORKERS
