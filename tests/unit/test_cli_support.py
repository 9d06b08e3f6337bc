"""Helpers for the CLI tests (no tests of its own): probe channels and ways to run the CLI.

The probe is tests/probe.py, driven here by its settings in the workspace (`add_probes`), so
the same channel behaves the same in this process and in a child process started with
`python -m tests.unit.test_cli_support ARGS` (which registers it, then runs the real
`statusdesk.cli.main`). It writes what it sent to `<home>/probe/<name>/<update>.txt`
(`sent_text`), so a test can see exactly what reached a channel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from statusdesk.core.model import Language
from tests.probe import KIND
from tests.probe import register as register  # the probe's helpers, for the CLI tests
from tests.probe import sent_text as sent_text

REPO = Path(__file__).resolve().parents[2]


def add_probes(home: Path, probes: Mapping[str, dict[str, Any]], *, site: bool = False) -> None:
    """Add probe channels (name → settings; a "language" key sets the channel's language) and
    disable the site channel unless `site`."""
    from statusdesk.desk import Desk

    with Desk(home) as desk:
        now = desk.now()
        if not site:
            with desk.store.transaction():
                desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        for name, settings in probes.items():
            settings = dict(settings)
            language = Language(settings.pop("language", "both"))
            desk.store.channels.add_channel(
                kind=KIND, name=name, now=now, language=language, settings=settings
            )


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()

    def json(self) -> Any:
        return json.loads(self.stdout)


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    """The CLI in this process: fast, and exercises exactly the code the console script runs."""
    from statusdesk.cli import main

    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def child_env(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(overrides)
    return env


def spawn(
    *argv: str,
    probe: bool = False,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> Result:
    """The CLI in a real child process (`python -m statusdesk`); output decoded as UTF-8."""
    module = "tests.unit.test_cli_support" if probe else "statusdesk"
    done = subprocess.run(
        [sys.executable, "-m", module, *argv],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=REPO,
        env=dict(env) if env is not None else child_env(),
        timeout=timeout,
    )
    return Result(
        done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")
    )


if __name__ == "__main__":
    register()
    from statusdesk.cli import main

    sys.exit(main())
