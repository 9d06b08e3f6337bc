"""`statusdesk export ID --format md|html|pdf|csv|json [-o FILE] [--tz ZONE]` (issue #7): text
to standard output, files written whole or not at all, and what goes wrong said with the CLI's
exit codes (ARCHITECTURE §7)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from statusdesk.cli.errors import Exit
from tests.unit.export_support import BODIES, PLANTED, TITLE, Built, built
from tests.unit.test_cli_support import call

__all__ = ["built"]


def export(capsys: pytest.CaptureFixture[str], b: Built, *args: str):  # type: ignore[no-untyped-def]
    return call(capsys, "--home", str(b.home), "export", str(b.story.incident_id), *args)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_text_formats_go_to_standard_output(
    capsys: pytest.CaptureFixture[str], built: Built, fmt: str
) -> None:
    result = export(capsys, built, "--format", fmt)
    assert result.code == Exit.OK, result.stderr
    assert result.stderr == ""
    if fmt != "csv":  # the CSV is deliveries only: no incident title in it
        assert TITLE.ar in result.stdout
    assert BODIES[next(iter(BODIES))].ar in result.stdout
    for secret in PLANTED:
        assert secret not in result.stdout
    if fmt == "csv":
        assert result.stdout.startswith("\ufeffincident_id,")
    if fmt == "json":
        assert json.loads(result.stdout)["incident"]["id"] == built.story.incident_id


def test_a_file_is_written_and_its_path_printed(
    capsys: pytest.CaptureFixture[str], built: Built, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.md"
    result = export(capsys, built, "--format", "md", "-o", str(target), "--tz", "Europe/London")
    assert result.code == Exit.OK, result.stderr
    assert result.lines == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert "Times are in Europe/London" in text and "2026-03-10 09:05:00 GMT" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.md"]

    target.chmod(0o640)  # a file already there keeps its permissions
    again = export(capsys, built, "--format", "json", "-o", str(target))
    assert again.code == Exit.OK
    assert target.stat().st_mode & 0o777 == 0o640
    assert json.loads(target.read_text(encoding="utf-8"))["timezone"] == "UTC"


def test_what_goes_wrong_is_said_with_its_exit_code(
    capsys: pytest.CaptureFixture[str], built: Built, tmp_path: Path
) -> None:
    pdf = export(capsys, built, "--format", "pdf")
    assert pdf.code == Exit.USAGE and "-o FILE" in pdf.stderr and pdf.stdout == ""

    unknown = call(capsys, "--home", str(built.home), "export", "999", "--format", "md")
    assert unknown.code == Exit.REJECTED and "There is no incident 999" in unknown.stderr

    zone = export(capsys, built, "--format", "md", "--tz", "Mars/Olympus")
    assert zone.code == Exit.REJECTED and "'Mars/Olympus' is not a time zone" in zone.stderr

    folder = export(capsys, built, "--format", "md", "-o", str(tmp_path / "nowhere" / "x.md"))
    assert folder.code == Exit.REJECTED and "does not exist" in folder.stderr

    into_a_folder = export(capsys, built, "--format", "md", "-o", str(tmp_path))
    assert into_a_folder.code == Exit.REJECTED and "is a folder" in into_a_folder.stderr

    bad_format = export(capsys, built, "--format", "docx")
    assert bad_format.code == Exit.USAGE


def test_a_full_disk_leaves_no_half_file(
    capsys: pytest.CaptureFixture[str],
    built: Built,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The disk fills half-way through: exit 1, the old file untouched, no temporary left."""
    from statusdesk.export import files

    target = tmp_path / "timeline.html"
    target.write_text("the previous export", encoding="utf-8")

    def half_then_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_write_all", half_then_full)
    result = export(capsys, built, "--format", "html", "-o", str(target))
    assert result.code == Exit.WORKSPACE
    assert "No space left on device" in result.stderr
    assert "Nothing was written" in result.stderr and "free some space" in result.stderr
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.html"]


def test_the_help_says_what_the_export_holds(capsys: pytest.CaptureFixture[str]) -> None:
    result = call(capsys, "export", "--help")
    assert result.code == Exit.OK
    assert "--format FORMAT" in result.stdout and "--tz ZONE" in result.stdout
    assert "promises kept and missed" in result.stdout
