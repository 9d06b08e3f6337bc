"""Helpers for the CLI tests (no tests of its own): a probe channel and ways to run the CLI.

The probe is a real implementation of the channel protocol, registered the way a product
channel is (an entry in `registry.KINDS`); it never ships. Its behaviour comes from its
settings in the workspace, so the same channel behaves the same in this process and in a child
process started with `python -m tests.unit.test_cli_support ARGS` (which registers it, then
runs the real `statusdesk.cli.main`). It writes what it sent to `<home>/probe/<name>/<update>.txt`,
so a test can see exactly what reached a channel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels import registry
from statusdesk.channels.base import (
    ChannelContext,
    PartLedger,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    Transient,
)
from statusdesk.core.model import Channel, Incident, Language, Problem, Update

REPO = Path(__file__).resolve().parents[2]
PROBE = "probe"


class ProbeChannel:
    """settings: {"fail": msg} → Permanent; {"transient": msg, "retry_after": s} → Transient;
    {"sleep": s} → slow success; {} → success."""

    kind = PROBE
    min_interval = 0.0

    def __init__(self, config: Channel, context: ChannelContext) -> None:
        self.config = config
        self.home = context.home

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        return []

    def render(self, update: Update, incident: Incident) -> Rendered:
        texts = [
            update.body.get(lang) for lang in ("en", "ar") if self.config.language.includes(lang)
        ]
        return Rendered(update.id, incident.id, (RenderedPart("both", "\n".join(texts)),))

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        settings = self.config.settings
        time.sleep(float(settings.get("sleep", 0)))
        if "fail" in settings:
            raise Permanent(f"{self.config.name}: {settings['fail']}")
        if "transient" in settings:
            raise Transient(
                f"{self.config.name}: {settings['transient']}", float(settings["retry_after"])
            )
        folder = self.home / PROBE / self.config.name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{rendered.update_id}.txt"
        target.write_text(rendered.parts[0].text, encoding="utf-8")
        return Receipt(remote_id=key, remote_url=target.as_uri())

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        return None


def register(monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    """Make the probe a known channel kind: for one test (monkeypatch), or for this process."""
    if monkeypatch is not None:
        monkeypatch.setitem(registry.KINDS, PROBE, ProbeChannel)
    else:
        registry.KINDS[PROBE] = ProbeChannel


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
            desk.store.add_channel(
                kind=PROBE, name=name, now=now, language=language, settings=settings
            )


def sent_text(home: Path, channel: str, update_id: int) -> str:
    return (home / PROBE / channel / f"{update_id}.txt").read_text(encoding="utf-8")


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
