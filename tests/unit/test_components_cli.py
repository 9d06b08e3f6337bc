"""`statusdesk component add|edit|list|remove` (issue #14) and migration V7, through the real
CLI and a real workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.store import Store
from statusdesk.store.db import open_database
from statusdesk.store.schema import MIGRATIONS
from tests.unit.test_cli_support import Result, call

EN = "We are investigating failed payments."
AR = "نحقق في فشل المدفوعات."


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def test_add_list_and_edit_in_both_languages_with_groups(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = cli(
        capsys, home, "component", "add", "Payments API", "--name-ar", "واجهة الدفع",
        "--group", "Payments", "--group-ar", "المدفوعات",
        "--description-en", "Card payments", "--description-ar", "الدفع بالبطاقات",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    assert added.lines[0] == "added component Payments API / واجهة الدفع in group Payments"
    assert added.lines[1].startswith("status page rebuilt: ")
    assert cli(capsys, home, "component", "add", "Search").code == 0
    listed = cli(capsys, home, "component", "list", "--json")
    assert listed.code == 0
    payments, search = listed.json()
    assert (payments["name_en"], payments["name_ar"], payments["group_en"]) == (
        "Payments API",
        "واجهة الدفع",
        "Payments",
    )
    assert (payments["group_ar"], payments["description_ar"]) == ("المدفوعات", "الدفع بالبطاقات")
    assert (search["name_ar"], search["group_id"], search["status"]) == ("", None, "operational")
    table = cli(capsys, home, "component", "list")
    assert table.lines[0].split() == ["NAME", "ARABIC", "NAME", "GROUP", "STATUS"]
    assert "واجهة الدفع" in table.stdout

    # Found by its Arabic name too; only what is given changes.
    edited = cli(
        capsys, home, "component", "edit", "واجهة الدفع", "--name-ar", "واجهة المدفوعات",
        "--group", "", "--json",
    )  # fmt: skip
    assert edited.code == 0, edited.stderr
    shown = edited.json()
    assert (shown["name_en"], shown["name_ar"], shown["group_id"]) == (
        "Payments API",
        "واجهة المدفوعات",
        None,
    )
    assert shown["description_en"] == "Card payments"
    renamed = cli(capsys, home, "component", "edit", "search", "--name-en", "Search API")
    assert renamed.code == 0 and renamed.lines[0] == "changed component Search API"
    store = Store.open(home / "statusdesk.db")
    try:
        assert store.components.groups() == []  # its last member left
    finally:
        store.close()


def test_input_errors_exit_3_with_what_to_do(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "component", "add", "API", "--name-ar", "الواجهة").code == 0
    duplicate = cli(capsys, home, "component", "add", "api")
    assert duplicate.code == 3
    assert "A component is already named 'api' (#1, 'API')" in duplicate.stderr
    arabic_taken = cli(capsys, home, "component", "add", "Gateway", "--name-ar", "الواجهة")
    assert arabic_taken.code == 3 and "name_ar: A component is already named" in arabic_taken.stderr
    empty = cli(capsys, home, "component", "add", "  ")
    assert empty.code == 3 and "needs an English name" in empty.stderr
    unknown = cli(capsys, home, "component", "edit", "Nope", "--name-ar", "س")
    assert unknown.code == 3
    assert "No component is named 'Nope' (known: API)" in unknown.stderr
    assert "component list" in unknown.stderr
    bidi = cli(capsys, home, "component", "add", "Search", "--name-ar", "\u202bبحث")
    assert bidi.code == 3
    assert "name_ar: Direction control RLE is never closed (at character 1)" in bidi.stderr
    two_lines = cli(capsys, home, "component", "edit", "API", "--name-en", "A\nB")
    assert two_lines.code == 3 and "is one line" in two_lines.stderr
    clash = cli(capsys, home, "component", "add", "Search", "--group", "API")
    assert clash.code == 3 and "'API' names a component" in clash.stderr
    orphan = cli(capsys, home, "component", "add", "Search", "--group-ar", "بحث")
    assert orphan.code == 3 and "--group-ar" in orphan.stderr
    listed = cli(capsys, home, "component", "list", "--json").json()
    assert [c["name_en"] for c in listed] == ["API"]  # nothing else was made


def test_remove_refuses_a_component_an_incident_names(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "component", "add", "Unused").code == 0
    opened = cli(
        capsys, home, "incident", "open", "--title-en", "Payments down",
        "--title-ar", "تعطل المدفوعات", "--en", EN, "--ar", AR,
        "--component", "Payments=major_outage", "--no-wait",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    incident = opened.lines[0]
    refused = cli(capsys, home, "component", "remove", "payments")
    assert refused.code == 3
    assert f"'Payments' is named by the history of incident(s) #{incident}" in refused.stderr
    assert "rename it with `statusdesk component edit`" in refused.stderr
    removed = cli(capsys, home, "component", "remove", "Unused")
    assert removed.code == 0 and removed.lines[0] == "removed component Unused"
    names = [c["name_en"] for c in cli(capsys, home, "component", "list", "--json").json()]
    assert names == ["Payments"]
    empty = cli(capsys, home, "component", "remove", "Unused")
    assert empty.code == 3 and "No component is named 'Unused'" in empty.stderr


def test_a_component_an_update_names_is_found_by_its_arabic_name(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, home, "component", "add", "Payments API", "--name-ar", "واجهة الدفع")
    opened = cli(
        capsys, home, "incident", "open", "--title-en", "Payments down", "--en", EN, "--ar", AR,
        "--component", "واجهة الدفع=partial_outage", "--no-wait", "--json",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    (component,) = opened.json()["components"]
    assert (component["name_en"], component["status"]) == ("Payments API", "partial_outage")
    assert len(cli(capsys, home, "component", "list", "--json").json()) == 1


def test_v7_keeps_a_v6_workspaces_components_and_their_links(tmp_path: Path) -> None:
    path = tmp_path / "statusdesk.db"
    conn, _backup = open_database(path, MIGRATIONS[:6])
    conn.executescript(
        """
        INSERT INTO component (name_en, name_ar, status, position, created_at, updated_at)
        VALUES ('API', 'الواجهة', 'major_outage', 0, '2026-01-01T00:00:00Z',
                '2026-01-02T00:00:00Z');
        INSERT INTO incident (title_en, kind, state, started_at, created_at, updated_at)
        VALUES ('Down', 'incident', 'investigating', '2026-01-02T00:00:00Z',
                '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
        INSERT INTO incident_component VALUES (1, 1);
        """
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(
            MIGRATIONS
        )  # V7 and every migration after it
        (component,) = store.components.components()
        assert (component.name.en, component.name.ar, component.status.value) == (
            "API",
            "الواجهة",
            "major_outage",
        )
        assert (component.group_id, component.description.en, component.description.ar) == (
            None,
            "",
            "",
        )
        assert store.components.component_references(component.id) == [1]
        assert store.components.groups() == []
        assert store.incidents.incident(1).component_ids == (1,)  # type: ignore[union-attr]
    finally:
        store.close()
