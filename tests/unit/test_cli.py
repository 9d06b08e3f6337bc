"""The CLI's contract, in this process for speed: `main(argv)` is exactly what the console
script runs. Output shapes, exit codes, and what reaches the channels (probe channels that
write what they were sent into the workspace)."""

from __future__ import annotations

import argparse
import sqlite3
import unicodedata
from importlib import metadata
from pathlib import Path

import pytest

from tests.unit.test_cli_support import add_probes, call, register, sent_text

AR = "نحقق في فشل طلبات الواجهة البرمجية."
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
        "--json", "--channels", "alpha",
    )  # fmt: skip
    assert updated.code == 0, updated.stderr
    update = updated.json()
    assert update["state"] == "monitoring" and update["incident_id"] == incident["id"]
    assert [(d["channel"], d["state"]) for d in update["deliveries"]] == [("alpha", "sent")]


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
        "--channels", "alpha",
    )  # fmt: skip
    assert updated.code == 0
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
    assert [d["channel"] for d in second["deliveries"]] == ["alpha"]
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
        "--channels", "english",
    )  # fmt: skip
    assert allowed.code == 0, allowed.stderr
    assert allowed.lines[1].startswith("english: sent")


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
