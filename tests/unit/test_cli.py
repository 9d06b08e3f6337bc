"""The CLI's contract, in this process for speed: `main(argv)` is exactly what the console
script runs. Output shapes, exit codes, and what reaches the channels (probe channels that
write what they were sent into the workspace)."""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import unicodedata
from importlib import metadata
from pathlib import Path

import pytest

from tests.unit.test_cli_support import add_probes, call, register, sent_text

AR = "نحقق في فشل طلبات الواجهة البرمجية."
USER = getpass.getuser()
EN = "We are investigating failed API requests."


@pytest.fixture
def probes(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace publishing to two well-behaved probe channels (the site disabled)."""
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "beta": {}})
    return home


def open_incident(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> int:
    result = call(
        capsys, "--home", str(home), "incident", "open",
        "--title-en", "API outage", "--title-ar", "تعطل الواجهة", "--en", EN, "--ar", AR, *extra,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    return int(result.lines[0])


# -- output contract ----------------------------------------------------------------------------


def test_open_prints_the_id_alone_first_then_one_line_per_channel(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "API outage",
        "--en", EN, "--ar", AR,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    listed = call(capsys, "--home", str(probes), "incident", "list", "--json").json()
    assert result.lines[0] == str(listed[0]["id"])
    shown = call(capsys, "--home", str(probes), "incident", "show", result.lines[0], "--json")
    update_id = shown.json()["updates"][0]["id"]
    expected = [
        f"{name}: sent {(probes / 'probe' / name / f'{update_id}.txt').as_uri()}"
        for name in ("alpha", "beta")
    ]
    assert result.lines[1:] == expected
    assert sent_text(probes, "alpha", update_id) == f"{EN}\n{AR}"


def test_update_prints_the_new_update_id_first(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident_id = open_incident(capsys, probes)
    result = call(
        capsys, "--home", str(probes), "incident", "update", str(incident_id),
        "--state", "identified", "--en", "Identified.", "--ar", "حددنا السبب.",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    detail = call(capsys, "--home", str(probes), "incident", "show", str(incident_id), "--json")
    updates = detail.json()["updates"]
    assert result.lines[0] == str(updates[-1]["id"])
    assert [line.split(":")[0] for line in result.lines[1:]] == ["alpha", "beta"]
    assert detail.json()["state"] == "identified"


def test_json_of_open_and_update_is_one_object(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "API outage",
        "--en", EN, "--ar", AR, "--json",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    incident = opened.json()
    assert incident["title_en"] == "API outage"
    assert [d["state"] for d in incident["updates"][0]["deliveries"]] == ["sent", "sent"]
    updated = call(
        capsys, "--home", str(probes), "incident", "update", str(incident["id"]),
        "--state", "monitoring", "--en", "Fixed; watching.", "--json",
        "--channels", "alpha",
    )  # fmt: skip
    assert updated.code == 3  # alpha publishes both languages and the Arabic is missing
    updated = call(
        capsys, "--home", str(probes), "incident", "update", str(incident["id"]),
        "--state", "monitoring", "--en", "Fixed; watching.", "--ar", "أصلحنا الخلل ونراقب.",
        "--json", "--channels", "alpha", "--skip-reason", "beta only carries openings",
    )  # fmt: skip
    assert updated.code == 0, updated.stderr
    update = updated.json()
    assert update["state"] == "monitoring" and update["incident_id"] == incident["id"]
    assert [(d["channel"], d["state"]) for d in update["deliveries"]] == [
        ("alpha", "sent"),
        ("beta", "skipped"),
    ]


def test_list_json_is_a_bare_array_active_first(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []
    first = open_incident(capsys, probes)
    second = open_incident(capsys, probes)
    resolved = call(
        capsys, "--home", str(probes), "incident", "update", str(first),
        "--state", "resolved", "--en", "Resolved.", "--ar", "تم الحل.",
    )  # fmt: skip
    assert resolved.code == 0, resolved.stderr
    listed = call(capsys, "--home", str(probes), "incident", "list", "--json").json()
    assert isinstance(listed, list)
    assert [(i["id"], i["state"], i["update_count"]) for i in listed] == [
        (second, "investigating", 1),
        (first, "resolved", 2),
    ]
    human = call(capsys, "--home", str(probes), "incident", "list")
    assert human.lines[0].split() == [
        "ID", "KIND", "STATE", "IMPACT", "UPDATES", "LAST", "UPDATE", "TITLE"
    ]  # fmt: skip
    assert "تعطل الواجهة" in human.lines[1] and human.lines[1].startswith(str(second))


def test_show_json_has_updates_with_deliveries_silence_and_next_update_due(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "down": {"fail": "credentials expired — re-enter them"}})
    opened = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "API outage",
        "--en", EN, "--ar", AR, "--component", "API=major_outage",
    )  # fmt: skip
    assert opened.code == 4
    incident_id = int(opened.lines[0])
    updated = call(
        capsys, "--home", str(home), "incident", "update", str(incident_id),
        "--state", "identified", "--en", "Identified.", "--ar", "حددنا السبب.",
    )  # fmt: skip
    assert updated.code == 4  # `down` fails again: it has never delivered
    shown = call(capsys, "--home", str(home), "incident", "show", str(incident_id), "--json")
    detail = shown.json()
    assert isinstance(detail, dict) and detail["id"] == incident_id
    assert "next_update_due" in detail
    assert [u["state"] for u in detail["updates"]] == ["investigating", "identified"]
    assert detail["updates"][0]["id"] < detail["updates"][1]["id"]
    first, second = detail["updates"]
    assert {d["channel"]: d["state"] for d in first["deliveries"]} == {
        "alpha": "sent",
        "down": "failed",
    }
    assert [d["channel"] for d in second["deliveries"]] == ["alpha", "down"]
    assert all(isinstance(d["id"], int) for d in first["deliveries"] + second["deliveries"])
    assert detail["silence"]["alpha"]["missed_latest"] is False
    assert detail["silence"]["alpha"]["last_delivered_at"]
    assert detail["silence"]["down"] == {
        "last_delivered_at": None,
        "missed_latest": True,
        "skipped": False,
    }
    assert [(c["name_en"], c["status"]) for c in detail["components"]] == [("API", "major_outage")]
    human = call(capsys, "--home", str(home), "incident", "show", str(incident_id)).stdout
    assert AR in human and "down: MISSED the latest update" in human
    assert "credentials expired" in human and "API (major_outage)" in human


def test_deliveries_json_is_a_bare_array_with_ids(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "down": {"fail": "refused"}})
    opened = call(
        capsys, "--home", str(home), "incident", "open", "--title-ar", "تعطل", "--en", EN,
        "--ar", AR,
    )  # fmt: skip
    incident_id = opened.lines[0]
    rows = call(capsys, "--home", str(home), "deliveries", incident_id, "--json").json()
    assert isinstance(rows, list) and len(rows) == 2
    assert [(r["channel"], r["state"], r["attempts"]) for r in rows] == [
        ("alpha", "sent", 1),
        ("down", "failed", 1),
    ]
    assert len({r["id"] for r in rows}) == 2 and rows[1]["error"] == "down: refused"
    human = call(capsys, "--home", str(home), "deliveries", incident_id)
    assert human.code == 0
    assert human.lines[0].split() == [
        "DELIVERY",
        "UPDATE",
        "CHANNEL",
        "STATE",
        "ATTEMPTS",
        "DETAIL",
    ]
    assert human.lines[2].split()[2:5] == ["down", "failed", "1"]
    assert human.lines[2].endswith("down: refused")


def test_channel_list(probes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    channels = call(capsys, "--home", str(probes), "channel", "list", "--json").json()
    assert [(c["name"], c["kind"], c["enabled"]) for c in channels] == [
        ("site", "site", False),
        ("alpha", "probe", True),
        ("beta", "probe", True),
    ]
    human = call(capsys, "--home", str(probes), "channel", "list")
    assert [line.split()[:4] for line in human.lines[1:]] == [
        ["1", "site", "site", "no"],
        ["2", "alpha", "probe", "yes"],
        ["3", "beta", "probe", "yes"],
    ]


def test_no_wait_records_and_sends_nothing(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR, "--no-wait",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.lines[1].startswith("alpha: pending — not sent")
    rows = call(capsys, "--home", str(probes), "deliveries", result.lines[0], "--json").json()
    assert {r["state"] for r in rows} == {"pending"}
    assert not (probes / "probe").exists()


def test_components_are_created_and_state_must_belong_to_the_kind(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR, "--state", "scheduled",
    )  # fmt: skip
    assert wrong.code == 3
    assert "state: 'scheduled' is not a state of a incident" in wrong.stderr
    assert "investigating, identified, monitoring, resolved" in wrong.stderr
    maintenance = call(
        capsys, "--home", str(probes), "incident", "open", "--kind", "maintenance",
        "--title-en", "DB upgrade", "--en", EN, "--ar", AR,
        "--component", "Database=under-maintenance", "--component", "API=degraded_performance",
        "--impact", "minor", "--json",
    )  # fmt: skip
    assert maintenance.code == 0, maintenance.stderr
    detail = maintenance.json()
    assert (detail["kind"], detail["state"], detail["impact"]) == (
        "maintenance",
        "scheduled",
        "minor",
    )
    assert sorted((c["name_en"], c["status"]) for c in detail["components"]) == [
        ("API", "degraded_performance"),
        ("Database", "under_maintenance"),
    ]


def test_home_option_wins_over_the_environment(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}})
    elsewhere = tmp_path / "env-home"
    monkeypatch.setenv("STATUSDESK_HOME", str(elsewhere))
    open_incident(capsys, home)
    assert len(call(capsys, "--home", str(home), "incident", "list", "--json").json()) == 1
    assert call(capsys, "incident", "list", "--json").json() == []
    assert (elsewhere / "statusdesk.db").exists()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "--version")
    assert result.code == 0
    assert result.stdout == f"statusdesk {metadata.version('statusdesk')}\n"


# -- text ---------------------------------------------------------------------------------------


def test_arabic_and_script_tags_round_trip_as_data(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = "<script>alert('x')</script>"
    decomposed = "\u0627\u0653لتحديث"  # alef + madda above: NFC makes it one letter (آ)
    opened = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", f"API {script}",
        "--title-ar", f"تعطل {script}", "--en", f"{EN} {script}", "--ar", f"{decomposed} {script}",
        "--json",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert '"title_en": "API <script>alert(\'x\')</script>"' in opened.stdout
    detail = opened.json()
    assert detail["title_ar"] == f"تعطل {script}"
    body_ar = detail["updates"][0]["body_ar"]
    assert body_ar == unicodedata.normalize("NFC", f"{decomposed} {script}")
    assert body_ar.startswith("\u0622لتحديث")
    assert sent_text(probes, "alpha", detail["updates"][0]["id"]) == f"{EN} {script}\n{body_ar}"


def test_bodies_from_files_and_stdin(
    probes: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    en_file = tmp_path / "en.txt"
    en_file.write_text(f"{EN}\nSecond line.\n", encoding="utf-8")
    ar_file = tmp_path / "ar.txt"
    ar_file.write_bytes("\ufeff".encode() + AR.encode("utf-8") + b"\r\n")  # a BOM, CRLF
    opened = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T",
        "--en-file", str(en_file), "--ar-file", str(ar_file), "--json",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    update = opened.json()["updates"][0]
    assert (update["body_en"], update["body_ar"]) == (f"{EN}\nSecond line.", AR)

    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("حددنا السبب.".encode())))
    updated = call(
        capsys, "--home", str(probes), "incident", "update", str(opened.json()["id"]),
        "--state", "identified", "--en", "Identified.", "--ar-file", "-", "--json",
    )  # fmt: skip
    assert updated.code == 0, updated.stderr
    assert updated.json()["body_ar"] == "حددنا السبب."


# -- exit codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["incident", "open", "--bogus"], "unrecognized arguments: --bogus"),
        (["incident"], "the following arguments are required: ACTION"),
        (["incident", "show", "one"], "'one' is not an id (a whole number)"),
        (["incident", "update", "1", "--en", "x"], "the following arguments are required: --state"),
        (
            ["incident", "open", "--component", "API=down"],
            "use one of operational, degraded_performance, partial_outage, major_outage, "
            "under_maintenance",
        ),
        (["incident", "open", "--component", "=major_outage"], "is not NAME=STATUS"),
        (["incident", "open", "--en", "x", "--en-file", "f"], "not allowed with argument"),
        (["incident", "open", "--impact", "huge"], "invalid choice: 'huge'"),
        (["incident", "open", "--timeout", "-1"], "the timeout must be 0 or more seconds"),
        (["incident", "open", "--en-file", "-", "--ar-file", "-"], "cannot both read standard"),
    ],
)
def test_usage_errors_exit_2(
    home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    result = call(capsys, "--home", str(home), *argv)
    assert result.code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_both_bodies_empty_exit_3_and_nothing_is_recorded(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", "  ",
    )  # fmt: skip
    assert result.code == 3
    assert result.stdout == ""
    assert "body: Both the English and the Arabic text are empty" in result.stderr
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []


def test_an_incident_without_any_title_exit_3(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(capsys, "--home", str(probes), "incident", "open", "--en", EN, "--ar", AR)
    assert result.code == 3
    assert "title: The incident needs a title in English or Arabic" in result.stderr
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []


def test_one_language_empty_only_when_no_chosen_channel_wants_it(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"both": {}, "english": {"language": "en"}})
    refused = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN,
    )  # fmt: skip
    assert refused.code == 3
    assert "body_ar: The Arabic text is empty, but a chosen channel publishes Arabic" in (
        refused.stderr
    )
    allowed = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN,
        "--channels", "english", "--skip-reason", "an English-only notice",
    )  # fmt: skip
    assert allowed.code == 0, allowed.stderr
    assert allowed.lines[1] == f"both: skipped — an English-only notice (decided by {USER})"
    assert allowed.lines[2].startswith("english: sent")


def test_unbalanced_bidi_exit_3_with_its_position(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", "نص \u202bمضمن بلا إغلاق",
    )  # fmt: skip
    assert result.code == 3
    assert "body_ar: Direction control RLE is never closed (at character 4)" in result.stderr


def test_a_body_of_100000_characters_exit_3_naming_the_limit(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T",
        "--en", "a" * 100_000, "--ar", AR,
    )  # fmt: skip
    assert result.code == 3
    assert "body_en: The English text is 100,000 characters long; the limit is 20,000" in (
        result.stderr
    )
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []


@pytest.mark.parametrize(
    "argv",
    [
        ["incident", "show", "42"],
        ["deliveries", "42"],
        ["incident", "update", "42", "--state", "resolved", "--en", "x", "--ar", "س"],
    ],
)
def test_unknown_incident_exit_3(
    probes: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    result = call(capsys, "--home", str(probes), *argv)
    assert result.code == 3
    assert "incident" in result.stderr and "42" in result.stderr
    assert result.stdout == ""


def test_unknown_channel_exit_3_naming_the_known_ones(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR, "--channels", "alpha,nope",
    )  # fmt: skip
    assert result.code == 3
    assert "channels: There is no channel named 'nope' (known: site, alpha, beta)" in result.stderr


def test_unreadable_and_non_utf8_files_exit_3(
    probes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "ar-cp1256.txt"
    legacy.write_bytes(AR.encode("cp1256"))
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar-file", str(legacy),
    )  # fmt: skip
    assert result.code == 3
    assert f"--ar-file {legacy} is not UTF-8 text (byte 0x" in result.stderr
    assert "at offset 0" in result.stderr
    missing = tmp_path / "nowhere.txt"
    result = call(
        capsys, "--home", str(probes), "incident", "open", "--title-en", "T",
        "--en-file", str(missing), "--ar", AR,
    )  # fmt: skip
    assert result.code == 3
    assert f"--en-file {missing}: cannot read it (No such file or directory)" in result.stderr
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []


def test_a_failing_channel_exit_4_and_the_others_still_go_out(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {"fail": "credentials expired — re-enter them"}, "beta": {}})
    result = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR,
    )  # fmt: skip
    assert result.code == 4
    assert result.lines[1] == "alpha: failed — alpha: credentials expired — re-enter them"
    assert result.lines[2].startswith("beta: sent file://")
    assert "1 of 2 channel(s) did not get this update" in result.stderr
    update_id = call(
        capsys, "--home", str(home), "incident", "show", result.lines[0], "--json"
    ).json()["updates"][0]["id"]
    assert sent_text(home, "beta", update_id) == f"{EN}\n{AR}"


def test_a_channel_still_retrying_at_the_timeout_exit_4(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(monkeypatch)
    add_probes(home, {"busy": {"transient": "server busy (503)", "retry_after": 30}, "ok": {}})
    result = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR, "--timeout", "0.5",
    )  # fmt: skip
    assert result.code == 4
    assert result.lines[1].startswith("busy: retry_wait — busy: server busy (503)")
    assert "still failing after 0.5 s" in result.lines[1]
    assert result.lines[2].startswith("ok: sent")


def test_an_attempt_in_flight_at_the_timeout_is_let_finish(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A slow channel is not abandoned mid-send (that would leave a `sending` row nobody
    finishes); its real outcome is what gets reported."""
    register(monkeypatch)
    add_probes(home, {"slow": {"sleep": 1.0}})
    result = call(
        capsys, "--home", str(home), "incident", "open", "--title-en", "T", "--en", EN,
        "--ar", AR, "--timeout", "0.1",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.lines[1].startswith("slow: sent")


# -- workspace faults ---------------------------------------------------------------------------


def test_a_locked_workspace_is_a_clear_error_and_nothing_changes(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another program holds the write lock for longer than the busy timeout (5 s)."""
    holder = sqlite3.connect(probes / "statusdesk.db", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = call(
            capsys, "--home", str(probes), "incident", "open", "--title-en", "T", "--en", EN,
            "--ar", AR,
        )  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.code == 1
    assert "is locked by another program" in result.stderr and "Nothing was changed" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []
    check = sqlite3.connect(probes / "statusdesk.db")
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_a_read_only_workspace_is_a_clear_error_and_nothing_changes(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import read_only

    incident_id = open_incident(capsys, probes)
    before = call(capsys, "--home", str(probes), "incident", "show", str(incident_id), "--json")
    with read_only(probes):
        result = call(
            capsys, "--home", str(probes), "incident", "update", str(incident_id),
            "--state", "resolved", "--en", "Resolved.", "--ar", "تم الحل.",
        )  # fmt: skip
    assert result.code == 1
    assert "cannot be written to" in result.stderr or "read-only" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    after = call(capsys, "--home", str(probes), "incident", "show", str(incident_id), "--json")
    assert after.json() == before.json()


def test_a_damaged_workspace_is_a_clear_error(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "statusdesk.db").write_bytes(b"this is not a database" * 100)
    result = call(capsys, "--home", str(home), "incident", "list")
    assert result.code == 1
    assert "is damaged" in result.stderr or "could not be used" in result.stderr
    assert "Traceback" not in result.stderr


# -- help ---------------------------------------------------------------------------------------


def _parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(parser.prog, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += _parsers(child)
    return found


def test_every_option_of_every_command_is_explained() -> None:
    from statusdesk.cli.dispatch import HANDLERS, version
    from statusdesk.cli.parser import build_parser

    parsers = _parsers(build_parser(HANDLERS, version()))
    progs = {prog for prog, _ in parsers}
    assert {
        "statusdesk incident open",
        "statusdesk incident update",
        "statusdesk incident list",
        "statusdesk incident show",
        "statusdesk deliveries",
        "statusdesk channel list",
        "statusdesk channel add",
        "statusdesk channel secret",
        "statusdesk delivery retry",
        "statusdesk delivery skip",
        "statusdesk run",
        "statusdesk site build",
    } <= progs
    unexplained = [
        f"{prog} {action.dest}"
        for prog, parser in parsers
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction)
        and (not action.help or action.help == argparse.SUPPRESS)
    ]
    assert unexplained == []
    epilogs = {prog: parser.epilog or "" for prog, parser in parsers}
    for prog in ("statusdesk", "statusdesk incident open", "statusdesk incident update"):
        assert "examples:" in epilogs[prog] and "exit codes:" in epilogs[prog]


def test_help_is_printed_with_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "incident", "open", "--help")
    assert result.code == 0
    text = " ".join(result.stdout.split())  # help is wrapped to the terminal's width
    assert "--ar-file FILE read the Arabic text from a UTF-8 file ('-': stdin)" in text
    assert "sending nothing here: `statusdesk run` (or the desktop app) sends them" in text


# -- issue #12 §2: the incident's state is never contradicted ---------------------------------


def test_an_update_that_only_changes_a_component_is_published_in_generated_words(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident_id = open_incident(capsys, probes, "--component", "Payments API=major_outage")
    result = call(
        capsys, "--home", str(probes), "incident", "update", str(incident_id),
        "--component", "Payments API=operational",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    update_id = int(result.lines[0])
    said = "Payments API: Operational\nحالة Payments API: يعمل"
    for name in ("alpha", "beta"):
        assert sent_text(probes, name, update_id) == said  # never an empty body
    detail = call(capsys, "--home", str(probes), "incident", "show", str(incident_id), "--json")
    shown = detail.json()
    assert shown["state"] == "investigating"  # no --state: the incident's own stays
    assert shown["updates"][-1]["body_en"] == "Payments API: Operational"
    assert [c["status"] for c in shown["components"]] == ["operational"]
    # Neither text nor a change (the component is operational already): nothing to say.
    same = call(
        capsys, "--home", str(probes), "incident", "update", str(incident_id),
        "--state", "identified", "--component", "Payments API=operational",
    )  # fmt: skip
    assert same.code == 3
    assert "Both the English and the Arabic text are empty" in same.stderr
    nothing = call(
        capsys, "--home", str(probes), "incident", "update", str(incident_id),
        "--state", "identified",
    )  # fmt: skip
    assert nothing.code == 3
    detail = call(capsys, "--home", str(probes), "incident", "show", str(incident_id), "--json")
    assert len(detail.json()["updates"]) == 2


def test_english_and_arabic_that_disagree_are_refused_unless_anyway(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disagreeing = ("--en", "Back at 21:00.", "--ar", "نعود عند 22:00.")
    opened = call(
        capsys, "--home", str(probes), "incident", "open",
        "--title-en", "API outage", "--title-ar", "تعطل الواجهة", *disagreeing,
    )  # fmt: skip
    assert opened.code == 3 and opened.stdout == ""
    assert "21:00" in opened.stderr and "22:00" in opened.stderr
    assert "--anyway" in opened.stderr
    assert call(capsys, "--home", str(probes), "incident", "list", "--json").json() == []

    incident_id = open_incident(capsys, probes)
    update = ("incident", "update", str(incident_id), "--state", "identified", *disagreeing)
    refused = call(capsys, "--home", str(probes), *update)
    assert refused.code == 3 and refused.stdout == ""
    assert "21:00" in refused.stderr and "22:00" in refused.stderr
    scheduled = call(capsys, "--home", str(probes), *update, "--at", "in 10 min")
    assert scheduled.code == 3 and "22:00" in scheduled.stderr
    detail = call(capsys, "--home", str(probes), "incident", "show", str(incident_id), "--json")
    assert len(detail.json()["updates"]) == 1  # nothing recorded

    anyway = call(capsys, "--home", str(probes), *update, "--anyway")
    assert anyway.code == 0, anyway.stderr
    assert sent_text(probes, "alpha", int(anyway.lines[0])) == "Back at 21:00.\nنعود عند 22:00."

    # Editing a scheduled update into a disagreement is asked about too.
    agreeing = ("--en", "Back at 21:00.", "--ar", "نعود عند 21:00.")
    later = call(
        capsys, "--home", str(probes), "incident", "update", str(incident_id),
        "--state", "monitoring", *agreeing, "--at", "in 10 min",
    )  # fmt: skip
    assert later.code == 0, later.stderr
    edit = ("update", "edit", later.lines[0], "--en", "Back at 23:00.")
    edited = call(capsys, "--home", str(probes), *edit)
    assert edited.code == 3 and "23:00" in edited.stderr and "21:00" in edited.stderr
    assert call(capsys, "--home", str(probes), *edit, "--anyway").code == 0


def test_incident_list_json_says_whether_each_next_update_is_overdue(
    probes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late, on_time, closed = (open_incident(capsys, probes) for _ in range(3))
    resolved = call(
        capsys, "--home", str(probes), "incident", "update", str(closed), "--state", "resolved",
        "--en", "Resolved.", "--ar", "تم الحل.",
    )  # fmt: skip
    assert resolved.code == 0, resolved.stderr
    from datetime import timedelta

    from statusdesk.core.timefmt import iso
    from statusdesk.desk import Desk

    with Desk(probes) as desk:  # its last update went out 33 minutes ago, on a 30-minute cadence
        past = iso(desk.clock.now() - timedelta(minutes=3))
        with desk.store.transaction():
            desk.store.schedule.set_next_update_due(late, past)
    listed = {
        i["id"]: i for i in call(capsys, "--home", str(probes), "incident", "list", "--json").json()
    }
    assert (listed[late]["next_update_due"], listed[late]["overdue"]) == (past, True)
    assert listed[on_time]["next_update_due"] is not None
    assert listed[on_time]["overdue"] is False
    assert (listed[closed]["next_update_due"], listed[closed]["overdue"]) == (None, False)


# -- a hostile server reply reaches the terminal escaped (issue #12 §5) -----------------------

HOSTILE = (
    "\x1b[2J\x1b[H\x1b]0;pwned\x07All channels sent OK \x9b31m"  # clear, home, retitle, C1 CSI
    "\u202eKO tnes\u202c \x1b[8m\x7f"  # a bidi override, hidden text, DEL
)
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\x7f")


def test_a_servers_reply_cannot_drive_the_terminal(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.httpfake import FakeReceiver, status

    base = ("--home", str(home))
    with FakeReceiver(status(400, body=HOSTILE.encode("utf-8"))) as hook:
        added = call(capsys, *base, "channel", "add", "webhook", "hook", f"--set=url={hook.url}")
        assert added.code == 0, added.stderr
        opened = call(capsys, *base, "incident", "open", "--title-en", "API outage",
                      "--title-ar", "انقطاع الواجهة", "--en", "Looking into it.\nMore soon.",
                      "--ar", "نحقق في الأمر.\nالمزيد قريبًا.")  # fmt: skip
    assert opened.code == 4, opened.stderr
    incident = opened.lines[0]
    printed = [
        opened,
        call(capsys, *base, "deliveries", incident),
        call(capsys, *base, "incident", "show", incident),
    ]
    for result in printed:
        said = result.stdout + result.stderr
        assert [c for c in RAW if c in said] == [], ascii(said)
    # The reply is shown, escaped where a terminal would have acted on it …
    failed = next(line for line in opened.lines if line.startswith("hook: failed"))
    assert "\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07All channels sent OK \\x9b31m" in failed
    assert "\\u202eKO tnes\\u202c" in failed
    # … while Arabic and the lines of a body stay as they are.
    shown = printed[2].stdout
    assert "انقطاع الواجهة" in shown and "نحقق في الأمر." in shown
    # --json: JSON's own escapes for C0, \uXXXX for what JSON leaves raw; the same data.
    documents = [
        call(capsys, *base, "deliveries", incident, "--json"),
        call(capsys, *base, "incident", "show", incident, "--json"),
    ]
    for result in documents:
        assert result.code == 0, result.stderr
        assert [c for c in RAW if c in result.stdout] == [], ascii(result.stdout)
    (error,) = [d["error"] for d in documents[0].json() if d["error"]]
    assert "\x1b]0;pwned\x07All channels sent OK \x9b31m\u202eKO tnes\u202c" in error
    # An export shows the reply escaped too: `cat` of it cannot drive a terminal either.
    for fmt in ("md", "csv", "html", "json"):
        target = home / "exports" / f"t.{fmt}"
        done = call(capsys, *base, "export", incident, "--format", fmt, "-o", str(target))
        assert done.code == 0, done.stderr
        text = target.read_text(encoding="utf-8")
        assert "All channels sent OK" in text
        assert [c for c in RAW if c in text] == [], fmt


def test_terminal_escaping_keeps_text_and_shows_controls() -> None:
    from statusdesk.terminal import escape

    kept = "Line one\n\tانقطاع \u200fالواجهة\u200e (API)"
    assert escape(kept) == kept
    assert escape("a\rb\x00c\x1b[31md\x85e\u2066f\u2069\u2028") == (
        "a\\rb\\x00c\\x1b[31md\\x85e\\u2066f\\u2069\\u2028"
    )
