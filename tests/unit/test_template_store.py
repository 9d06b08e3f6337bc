"""The workspace's own templates (issue #6: "users edit their own in the GUI, stored in the
workspace"): saved to <home>/templates/workspace.json where load_templates finds them, a default
customised and restored, bad templates refused with words that say what to fix, a file broken by
hand never overwritten, and a failed write leaving the old file whole."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, IncidentKind, IncidentState
from statusdesk.scheduling import template_store
from statusdesk.scheduling.template_store import (
    CUSTOMISED,
    DEFAULT,
    WORKSPACE,
    TemplateRefused,
    catalogue,
    delete_template,
    is_customised,
    is_default,
    save_template,
    store_path,
    user_templates,
)
from statusdesk.scheduling.templates import (
    PLACEHOLDERS,
    Template,
    TemplateError,
    default_templates,
    load_templates,
)
from tests.conftest import read_only

INCIDENT, MAINTENANCE = IncidentKind.INCIDENT, IncidentKind.MAINTENANCE
S = IncidentState


def template(
    name: str = "db-failover",
    en: str = "The database failed over ({service}). Next update by {next_update}.",
    ar: str = "انتقلت قاعدة البيانات ({service}). التحديث التالي بحلول {next_update}.",
    kind: IncidentKind = INCIDENT,
    state: IncidentState = S.IDENTIFIED,
) -> Template:
    return Template(name, kind, state, BilingualText(en, ar))


def loaded(home: Path) -> dict[str, Template]:
    return load_templates([home / "templates"])


def refused(home: Path, bad: Template, **how: object) -> list[str]:
    with pytest.raises(TemplateRefused) as caught:
        save_template(home, bad, **how)  # type: ignore[arg-type]
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


# -- round trip -----------------------------------------------------------------------------


def test_a_saved_template_is_what_load_templates_finds(home: Path) -> None:
    saved = save_template(home, template())
    assert loaded(home)["db-failover"] == saved == template()
    assert user_templates(home) == {"db-failover": saved}
    document = json.loads(store_path(home).read_text(encoding="utf-8"))
    assert "about" in document
    assert document["templates"]["db-failover"] == {
        "kind": "incident",
        "state": "identified",
        "en": template().text.en,
        "ar": template().text.ar,
    }
    assert not is_default("db-failover")
    listed = {item.template.name: item.origin for item in catalogue(home).templates}
    assert listed["db-failover"] == WORKSPACE
    assert listed["investigating"] == DEFAULT


def test_the_desk_uses_the_saved_template(home: Path, desk: object) -> None:
    from statusdesk.desk import Desk

    assert isinstance(desk, Desk)
    save_template(home, template())
    assert desk.templating.templates()["db-failover"] == template()


def test_saving_again_replaces_by_name_and_keeps_the_rest_of_the_file(home: Path) -> None:
    save_template(home, template("first"))
    save_template(home, template("second"))
    document = json.loads(store_path(home).read_text(encoding="utf-8"))
    document["about"] = "Ops team templates; ask #status before changing."
    document["owner"] = "ops"
    store_path(home).write_text(json.dumps(document), encoding="utf-8")

    save_template(home, template("first", en="Changed: {service}.", ar=""))

    document = json.loads(store_path(home).read_text(encoding="utf-8"))
    assert list(document["templates"]) == ["first", "second"]
    assert document["templates"]["first"]["en"] == "Changed: {service}."
    assert document["about"] == "Ops team templates; ask #status before changing."
    assert document["owner"] == "ops"


def test_text_is_stored_cleaned(home: Path) -> None:
    saved = save_template(home, template("  tidy ", en="  Line one\r\nline two {service}  ", ar=""))
    assert saved.name == "tidy"
    assert saved.text.en == "Line one\nline two {service}"
    assert user_templates(home)["tidy"] == saved


def test_a_rename_replaces_the_workspace_template_in_place(home: Path) -> None:
    save_template(home, template("a"))
    save_template(home, template("db"))
    save_template(home, template("z"))
    save_template(home, template("db-failover"), new=True, renaming="db")
    assert list(user_templates(home)) == ["a", "db-failover", "z"]


def test_saving_a_default_under_a_new_name_leaves_the_default(home: Path) -> None:
    save_template(home, template("investigating-db"), new=True, renaming="investigating")
    assert set(user_templates(home)) == {"investigating-db"}
    assert loaded(home)["investigating"] == default_templates()["investigating"]


# -- a default customised, then restored ----------------------------------------------------


def test_a_default_is_customised_and_restored_by_deleting_the_copy(home: Path) -> None:
    mine = template("investigating", en="Looking into {service}.", state=S.INVESTIGATING)
    save_template(home, mine)
    assert loaded(home)["investigating"] == mine
    assert is_customised(home, "investigating")
    assert {i.template.name: i.origin for i in catalogue(home).templates}[
        "investigating"
    ] == CUSTOMISED

    restored = delete_template(home, "investigating")

    assert restored == default_templates()["investigating"]
    assert loaded(home)["investigating"] == restored
    assert not is_customised(home, "investigating")
    assert "investigating" not in user_templates(home)


def test_a_default_itself_cannot_be_deleted(home: Path) -> None:
    with pytest.raises(TemplateError, match="default templates and cannot be deleted"):
        delete_template(home, "resolved")
    assert loaded(home)["resolved"] == default_templates()["resolved"]


def test_deleting_the_workspaces_own_template(home: Path) -> None:
    save_template(home, template())
    assert delete_template(home, "db-failover") is None
    assert "db-failover" not in loaded(home)
    with pytest.raises(TemplateError, match="no template 'db-failover'"):
        delete_template(home, "db-failover")


def test_a_template_of_another_file_is_not_deleted_from_ours(home: Path) -> None:
    other = home / "templates" / "team.json"
    other.parent.mkdir()
    other.write_text(
        json.dumps({"templates": {"team": {"kind": "incident", "state": "identified", "en": "x"}}})
    )
    with pytest.raises(TemplateError, match=r"another \*\.json file"):
        delete_template(home, "team")
    assert "team" in loaded(home)


# -- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (template(""), "name: Give the template a name"),
        (template("   "), "name: Give the template a name"),
        (template("DB Failover!"), "lower-case letters a-z, digits, - and _"),
        (template("DB Failover!"), "(e.g. db-failover)"),
        (template("-x"), "starts with a letter or digit"),
        (template("x" * 41), "keep it to 40"),
        (template(state=S.SCHEDULED), "state: scheduled is not a state of an incident; choose"),
        (template(kind=MAINTENANCE, state=S.RESOLVED), "resolved is not a state of a maintenance"),
        (template(en="  ", ar="\n"), "body: Both the English and the Arabic text are empty"),
        (template(en="ETA {etaa}."), "body_en: The English text has an unknown placeholder {etaa}"),
        (template(ar="{الخدمة}"), "body_ar: The Arabic text has an unknown placeholder {الخدمة}"),
        (template(en="Back by {eta."), "body_en: The English text has a lone '{'"),
        (template(en="Back } soon"), "has a lone '}'; write }} for a literal brace"),
        (template(en="From {window_start}."), "uses {window_start}: only a maintenance has"),
        (
            template(en="Next by {next_update}.", state=S.RESOLVED),
            "uses {next_update}: a resolved update promises no next one",
        ),
        (template(en="Fixed \u202bnow"), "body_en: Direction control RLE is never closed"),
    ],
)
def test_a_bad_template_is_refused_with_what_to_fix(
    home: Path, bad: Template, expected: str
) -> None:
    messages = refused(home, bad)
    assert any(expected in m for m in messages), messages
    assert not store_path(home).exists()


def test_an_unknown_placeholder_is_answered_with_the_known_ones(home: Path) -> None:
    (message,) = refused(home, template(en="Affected: {component}.", ar=""))
    assert all(f"{{{name}}}" in message for name in PLACEHOLDERS)


def test_problems_carry_their_position_in_the_text(home: Path) -> None:
    with pytest.raises(TemplateRefused) as caught:
        save_template(home, template(en="ok {bad} and {worse}", ar=""))
    assert [(p.field, p.position) for p in caught.value.problems] == [
        ("body_en", 3),
        ("body_en", 13),
    ]


def test_every_problem_is_told_at_once(home: Path) -> None:
    messages = refused(home, template("Bad Name", en="{x}", ar="}", state=S.COMPLETED))
    assert [m.split(":")[0] for m in messages] == ["name", "state", "body_en", "body_ar"]


@pytest.mark.parametrize(
    "good",
    [
        "{{literal}} braces, then {service}",
        "{ service } with spaces is still {service}",
        "Components: {components}; ETA {eta}; page {incident_url}; since {started_at}.",
    ],
)
def test_good_texts_are_accepted(home: Path, good: str) -> None:
    save_template(home, template(en=good, ar=""))
    assert user_templates(home)["db-failover"].text.en == good


def test_a_maintenance_template_may_use_its_window(home: Path) -> None:
    mine = template(
        "window", en="From {window_start} to {window_end}.", kind=MAINTENANCE, state=S.SCHEDULED
    )
    assert save_template(home, mine) == mine


@pytest.mark.parametrize(
    ("taken", "what"), [("resolved", "a default"), ("mine", "a template of this")]
)
def test_a_new_template_cannot_take_a_name_in_use(home: Path, taken: str, what: str) -> None:
    save_template(home, template("mine"))
    before = store_path(home).read_bytes()
    messages = refused(home, template(taken, state=S.RESOLVED, en="Done.", ar=""), new=True)
    assert messages[0].startswith(f"name: {taken} is already {what}")
    assert store_path(home).read_bytes() == before


# -- a file broken by hand ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ('{"templates": {"x": ', "not valid JSON"),
        ("[1, 2]", 'not a JSON object with "templates"'),
        ('{"templates": []}', 'no "templates" object'),
        ('{"templates": {"x": {"kind": "incident", "en": "no state"}}}', "template 'x' needs"),
        (b"\xff\xfe{}", "cannot be read"),
    ],
)
def test_a_broken_file_is_named_and_never_overwritten(
    home: Path, content: str | bytes, why: str
) -> None:
    path = store_path(home)
    path.parent.mkdir()
    raw = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(raw)

    for attempt in (
        lambda: user_templates(home),
        lambda: save_template(home, template()),
        lambda: delete_template(home, "x"),
    ):
        with pytest.raises(TemplateError) as caught:
            attempt()
        assert str(path) in str(caught.value)
        assert why in str(caught.value)
        assert "nothing is saved to it" in str(caught.value)
    assert path.read_bytes() == raw
    assert os.listdir(path.parent) == [path.name]

    shown = catalogue(home)
    assert str(path) in shown.problem
    assert {i.template.name for i in shown.templates} == set(default_templates())


def test_another_broken_file_still_lists_and_saves_ours(home: Path) -> None:
    save_template(home, template())
    (home / "templates" / "team.json").write_text("{broken", encoding="utf-8")
    shown = catalogue(home)
    assert "team.json" in shown.problem
    assert "still saves to workspace.json" in shown.problem
    assert "db-failover" in {i.template.name for i in shown.templates}
    save_template(home, template("second"))
    assert set(user_templates(home)) == {"db-failover", "second"}


# -- atomic writes --------------------------------------------------------------------------


def _fail(*_args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_whole(
    home: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    save_template(home, template())
    before = store_path(home).read_bytes()
    monkeypatch.setattr(template_store.os, failing, _fail)

    with pytest.raises(TemplateError, match="No space left on device; the file is as it was"):
        save_template(home, template("second"))
    with pytest.raises(TemplateError, match="No space left"):
        delete_template(home, "db-failover")

    monkeypatch.undo()
    assert store_path(home).read_bytes() == before
    assert os.listdir(store_path(home).parent) == ["workspace.json"]  # no temporary left


def test_a_read_only_folder_refuses_the_save_and_keeps_the_file(home: Path) -> None:
    save_template(home, template())
    before = store_path(home).read_bytes()
    with read_only(store_path(home).parent), pytest.raises(TemplateError, match="Cannot save"):
        save_template(home, template("second"))
    assert store_path(home).read_bytes() == before


def test_the_file_keeps_its_permissions(home: Path) -> None:
    save_template(home, template())
    store_path(home).chmod(0o640)
    save_template(home, template("second"))
    assert store_path(home).stat().st_mode & 0o777 == 0o640
