"""The outbox commands: a person's retry and skip, adding a channel, and `statusdesk run` as a
real process that works what others recorded and stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from statusdesk.desk import Desk
from tests.unit.test_cli_support import REPO, add_probes, call, child_env, register

AR = "نحقق في فشل طلبات الواجهة البرمجية."
EN = "We are investigating failed API requests."


def _open(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> tuple[int, str]:
    result = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR, *extra,
    )  # fmt: skip
    return result.code, result.lines[0]


def _deliveries(
    capsys: pytest.CaptureFixture[str], home: Path, incident: str
) -> list[dict[str, Any]]:
    result = call(capsys, "--home", str(home), "deliveries", incident, "--json")
    assert result.code == 0, result.stderr
    deliveries: list[dict[str, Any]] = result.json()
    return deliveries


def _set_probe(home: Path, name: str, settings: dict[str, object]) -> None:
    with Desk(home) as desk:
        config = desk.store.channels.channel_by_name(name)
        assert config is not None
        desk.store.channels.set_channel_settings(config.id, settings, desk.now())


def test_retry_sends_a_failed_delivery_again_with_the_same_key(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {"fail": "credentials expired — re-enter them"}})
    code, incident = _open(capsys, home)
    assert code == 4
    (failed,) = _deliveries(capsys, home, incident)
    assert failed["state"] == "failed" and failed["attempts"] == 1

    _set_probe(home, "alpha", {})  # the user fixed the credentials
    retried = call(capsys, "--home", str(home), "delivery", "retry", str(failed["id"]))
    assert retried.code == 0, retried.stderr
    assert retried.lines == [f"alpha: sent {(home / 'probe' / 'alpha' / '1.txt').as_uri()}"]
    (sent,) = _deliveries(capsys, home, incident)
    assert sent["state"] == "sent" and sent["attempts"] == 2
    with Desk(home) as desk:
        delivery = desk.store.deliveries.delivery(failed["id"])
        assert delivery is not None
        assert sent["remote_id"] == delivery.idempotency_key  # the probe echoes the key it got
        kinds = [e["kind"] for e in desk.store.audit.events() if e["delivery_id"] == failed["id"]]
    assert kinds == [
        "delivery.sending", "delivery.failed", "delivery.retry", "delivery.sending",
        "delivery.sent",
    ]  # fmt: skip

    again = call(capsys, "--home", str(home), "delivery", "retry", str(failed["id"]))
    assert again.code == 3 and "already sent" in again.stderr


def test_skip_needs_a_reason_and_records_it(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {"fail": "account suspended"}})
    _code, incident = _open(capsys, home)
    (failed,) = _deliveries(capsys, home, incident)
    delivery = str(failed["id"])

    missing = call(capsys, "--home", str(home), "delivery", "skip", delivery)
    assert missing.code == 2 and "--reason" in missing.stderr
    blank = call(capsys, "--home", str(home), "delivery", "skip", delivery, "--reason", "  ")
    assert blank.code == 3 and "Say why" in blank.stderr
    reason = "X account suspended; status page and email carry it"
    skipped = call(capsys, "--home", str(home), "delivery", "skip", delivery, "--reason", reason)
    assert skipped.code == 0, skipped.stderr
    assert skipped.lines == [f"delivery {delivery} (alpha): skipped — {reason}"]
    (row,) = _deliveries(capsys, home, incident)
    assert row["state"] == "skipped" and row["decision_note"] == reason
    assert row["decided_by"]
    twice = call(capsys, "--home", str(home), "delivery", "skip", delivery, "--reason", "x")
    assert twice.code == 3 and "already skipped" in twice.stderr
    unknown = call(capsys, "--home", str(home), "delivery", "retry", "999")
    assert unknown.code == 3 and "no delivery 999" in unknown.stderr


def test_channel_add_checks_its_settings(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    added = call(
        capsys, "--home", str(home), "channel", "add", "webhook", "ops-hook",
        "--set", "url=https://hooks.example.com/statusdesk", "--set", "format=slack",
        "--set", "language=ar", "--set", "order=ar-first", "--json",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    channel = added.json()
    assert channel["kind"] == "webhook" and channel["language"] == "ar"
    assert channel["order"] == "ar-first"
    assert channel["settings"] == {"url": "https://hooks.example.com/statusdesk", "format": "slack"}

    bad = call(
        capsys, "--home", str(home), "channel", "add", "webhook", "second",
        "--set", "url=hooks.example.com", "--set", "format=fax", "--set", "language=fr",
    )  # fmt: skip
    assert bad.code == 3
    assert "url must be an http:// or https:// address" in bad.stderr
    assert "format must be one of statusdesk, slack, discord, teams" in bad.stderr
    assert "language must be ar, en or both" in bad.stderr
    same = call(capsys, "--home", str(home), "channel", "add", "webhook", "ops-hook",
                "--set", "url=https://x.example")  # fmt: skip
    assert same.code == 3 and "already a channel named 'ops-hook'" in same.stderr
    typo = call(capsys, "--home", str(home), "channel", "add", "webhook", "chat",
                "--set", "url=https://x.example", "--set", "formt=slack")  # fmt: skip
    assert typo.code == 3 and "formt is not a setting of a webhook channel" in typo.stderr
    assert "it takes: url, format, language, order" in typo.stderr
    kind = call(capsys, "--home", str(home), "channel", "add", "fax", "f")
    assert kind.code == 3 and "Unknown channel kind 'fax'" in kind.stderr
    malformed = call(capsys, "--home", str(home), "channel", "add", "webhook", "w", "--set", "url")
    assert malformed.code == 2 and "is not KEY=VALUE" in malformed.stderr
    names = [
        c["name"] for c in call(capsys, "--home", str(home), "channel", "list", "--json").json()
    ]
    assert names == ["site", "ops-hook"]


def _runner(home: Path) -> subprocess.Popen[str]:
    # The probe kind is registered by running the CLI through the test support module.
    return subprocess.Popen(
        [sys.executable, "-m", "tests.unit.test_cli_support", "--home", str(home), "run",
         "--poll", "0.05"],
        cwd=REPO, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_for_state(home: Path, state: str, timeout: float = 20, incident: int = 1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Desk(home) as desk:
            deliveries = desk.store.deliveries.deliveries_for_incident(incident).values()
            if {d.state for ds in deliveries for d in ds} == {state}:
                return
        time.sleep(0.05)
    raise AssertionError(f"deliveries did not reach {state} within {timeout} s")


def test_run_sends_what_others_recorded_and_stops_on_sigterm(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "beta": {}})
    code, _incident = _open(capsys, home, "--no-wait")
    assert code == 0
    runner = _runner(home)
    try:
        _wait_for_state(home, "sent")
    finally:
        runner.send_signal(signal.SIGTERM)
        stdout, stderr = runner.communicate(timeout=30)
    assert runner.returncode == 0, stderr
    lines = stdout.splitlines()
    assert lines[0].startswith(f"statusdesk run: working the outbox of {home}")
    assert "statusdesk run: delivery 1 (alpha): sent" in lines
    assert "statusdesk run: delivery 2 (beta): sent" in lines
    assert lines[-1] == "statusdesk run: stopped"


def test_sigterm_lets_the_attempt_in_flight_finish(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"slow": {"sleep": 1.5}})
    _open(capsys, home, "--no-wait")
    runner = _runner(home)
    try:
        _wait_for_state(home, "sending")
    finally:
        runner.send_signal(signal.SIGTERM)
        stdout, stderr = runner.communicate(timeout=30)
    assert runner.returncode == 0, stderr
    assert "statusdesk run: delivery 1 (slow): sent" in stdout.splitlines()
    with Desk(home) as desk:
        (delivery,) = desk.store.deliveries.deliveries_for_update(1)
    assert delivery.state == "sent" and delivery.owner is None


def test_channel_test_reaches_the_receiver_and_publishes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.httpfake import FakeReceiver

    receiver = FakeReceiver()
    try:
        call(capsys, "--home", str(home), "channel", "add", "webhook", "hook",
             "--set", f"url={receiver.url}")  # fmt: skip
        tested = call(capsys, "--home", str(home), "channel", "test", "hook")
        assert tested.code == 0, tested.stderr
        assert tested.lines[0].startswith(f"hook: 127.0.0.1:{receiver.port} answered (HTTP ")
        assert "nothing was published" in tested.lines[0]
        assert receiver.requests == []  # no POST: nothing published
    finally:
        receiver.close()
    gone = call(capsys, "--home", str(home), "channel", "test", "hook")
    assert gone.code == 4
    assert "cannot be reached" in gone.stderr and "Check the url setting" in gone.stderr
    site = call(capsys, "--home", str(home), "channel", "test", "site")
    assert site.code == 0 and "nothing to test" in site.stdout
    unknown = call(capsys, "--home", str(home), "channel", "test", "nope")
    assert unknown.code == 3 and "no channel named 'nope'" in unknown.stderr


def test_text_for_a_channel_is_kept_with_the_update_and_must_name_a_chosen_channel(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "beta": {}})
    code, incident = _open(capsys, home, "--text-for", "alpha=API errors: fix deployed")
    assert code == 0
    with Desk(home) as desk:
        alpha = desk.store.channels.channel_by_name("alpha")
        beta = desk.store.channels.channel_by_name("beta")
        assert alpha is not None and beta is not None
        (update,) = desk.store.incidents.updates(int(incident))
        assert (
            desk.store.deliveries.update_override(update.id, alpha.id) == "API errors: fix deployed"
        )
        assert desk.store.deliveries.update_override(update.id, beta.id) is None
    refused = call(
        capsys, "--home", str(home), "incident", "update", incident, "--state", "identified",
        "--en", EN, "--ar", AR, "--channels", "alpha", "--text-for", "beta=hello",
    )  # fmt: skip
    assert refused.code == 3
    assert "custom text for 'beta', but that channel is not chosen" in refused.stderr


def test_run_writes_a_lapsed_promise_once_to_its_output_and_its_log(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #12 §2: "incident 1: next update overdue by 3 min", once per lapse."""
    from datetime import timedelta

    from statusdesk.core.timefmt import iso

    register(monkeypatch)
    add_probes(home, {"alpha": {}})
    code, incident = _open(capsys, home)
    assert code == 0
    # Its last update went out 33 minutes ago, on a 30-minute cadence.
    with Desk(home) as desk, desk.store.transaction():
        desk.store.schedule.set_next_update_due(
            int(incident), iso(desk.clock.now() - timedelta(minutes=3, seconds=10))
        )
    log = home / "logs" / "statusdesk.log"
    runner = _runner(home)
    try:
        deadline = time.monotonic() + 20
        while "next update overdue" not in (log.read_text("utf-8") if log.exists() else ""):
            assert time.monotonic() < deadline, "no lapse line in the log"
            time.sleep(0.05)
        # Many polls later (the runner has sent a new update meanwhile), still one line.
        code, _ = _open(capsys, home, "--no-wait")
        _wait_for_state(home, "sent", incident=2)
    finally:
        runner.send_signal(signal.SIGTERM)
        stdout, stderr = runner.communicate(timeout=30)
    assert runner.returncode == 0, stderr
    line = f"incident {incident}: next update overdue by 3 min"
    assert [x for x in stdout.splitlines() if "overdue" in x] == [f"statusdesk run: {line}"]
    (logged,) = [x for x in log.read_text("utf-8").splitlines() if "overdue" in x]
    assert logged.endswith(f"WARNING statusdesk.runner: {line}")
