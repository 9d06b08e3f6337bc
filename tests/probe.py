"""The one scripted channel double of the test suite: a real implementation of the channel
protocol (statusdesk/channels/base.py), registered the way a product channel is (an entry in
`registry.KINDS`); it never ships.

It exists once so that a change to the protocol is fixed here once, not in every test that
needs a channel it controls. Its behaviour comes from two places:

- `SCRIPT`, in this process: per channel name, a queue of send steps and of reconcile answers
  (each step runs on one attempt; it raises to fail, or returns a Receipt or None for the
  default), and a record of every attempt, whatever its outcome (channel, key, rendered text);
- the channel's settings in the workspace, so that it behaves the same in a child process
  (`python -m tests.unit.test_cli_support`): {"sleep": s} → slow; {"fail": msg} → Permanent;
  {"transient": msg, "retry_after": s} → Transient; {"url": u} → the receipt points at `u`, as
  a webhook's does; {"progress": n} → says it is n steps along, one step at a time, as a site
  uploading n files does.

By default an attempt succeeds: the probe writes the text to `<home>/probe/<name>/<update>.txt`
(`sent_text` reads it back, from any process), and its receipt echoes the idempotency key.
It renders the update's body in the channel's languages, one line each.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

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
from statusdesk.core.model import Channel, Incident, Problem, Update

KIND = "probe"
# What `channel secret` accepts for a probe (registry.kind_secret_names reads it): the export
# tests plant a secret in the keyring to prove that no export leaks it.
SECRETS = ("signing_secret",)

Step = Callable[[], Receipt | None]  # one send, or one reconcile answer


class Attempt(NamedTuple):
    channel: str
    key: str
    text: str  # the first rendered part: what a receiver would have seen arrive


@dataclass
class Script:
    """What each probe channel does on its next sends and reconciles (by channel name), and
    every attempt it saw."""

    sends: dict[str, list[Step]] = field(default_factory=dict)
    reconciles: dict[str, list[Step]] = field(default_factory=dict)
    attempts: list[Attempt] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.sends, self.reconciles, self.attempts = {}, {}, []


SCRIPT = Script()


class ProbeChannel:
    kind = KIND
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
        name, settings = self.config.name, self.config.settings
        with SCRIPT.lock:
            SCRIPT.attempts.append(Attempt(name, key, rendered.parts[0].text))
            steps = SCRIPT.sends.get(name, [])
            step = steps.pop(0) if steps else None
        for done in range(1, int(settings.get("progress", 0)) + 1):  # a long upload's steps
            ledger.progress(done, int(settings["progress"]), f"file-{done}")
        if "sleep" in settings:
            time.sleep(float(settings["sleep"]))
        if "fail" in settings:
            raise Permanent(f"{name}: {settings['fail']}")
        if "transient" in settings:
            raise Transient(f"{name}: {settings['transient']}", float(settings["retry_after"]))
        receipt = step() if step is not None else None  # a step raises for a failing attempt
        if receipt is not None:
            return receipt
        target = sent_path(self.home, name, rendered.update_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rendered.parts[0].text, encoding="utf-8")
        url = settings.get("url")
        return Receipt(remote_id=key, remote_url=str(url) if url else target.as_uri())

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        """The next scripted answer; by default "did not land" (None)."""
        with SCRIPT.lock:
            answers = SCRIPT.reconciles.get(self.config.name, [])
            answer = answers.pop(0) if answers else None
        return answer() if answer is not None else None


def register(monkeypatch: pytest.MonkeyPatch | None = None, kind: str = KIND) -> None:
    """Make the probe the channel kind `kind`, for one test (monkeypatch) or for this process,
    with an empty script."""
    if monkeypatch is not None:
        monkeypatch.setitem(registry.KINDS, kind, ProbeChannel)
    else:
        registry.KINDS[kind] = ProbeChannel
    SCRIPT.reset()


def sent_path(home: Path, channel: str, update_id: int) -> Path:
    return home / KIND / channel / f"{update_id}.txt"


def sent_text(home: Path, channel: str, update_id: int) -> str:
    """What the probe `channel` last sent of update `update_id`, from whichever process."""
    return sent_path(home, channel, update_id).read_text(encoding="utf-8")
