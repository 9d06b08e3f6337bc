"""The Templates window's book-keeping (gui/templates/template_edits.py), over a bare editor:
edits follow the person through the list as drafts, a read from the files never takes an edit
away, and a save or a delete moves the editor the way the window shows it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from statusdesk.core.model import BilingualText
from statusdesk.gui.templates.template_edits import NEW, TemplateEdits
from statusdesk.gui.templates.template_form import TemplateForm, Values
from statusdesk.scheduling.template_store import CUSTOMISED, DEFAULT, WORKSPACE, Listed
from statusdesk.scheduling.templates import Template, default_templates


def own(name: str, en: str = "Ours: {service}.") -> Template:
    first = next(iter(default_templates().values()))
    return replace(first, name=name, text=BilingualText(en, "نصنا: {service}."))


@pytest.fixture
def edits(qtbot) -> TemplateEdits:  # type: ignore[no-untyped-def]
    form = TemplateForm()
    qtbot.addWidget(form)
    made = TemplateEdits(form)
    defaults = [Listed(t, DEFAULT) for t in default_templates().values()]
    made.read([*defaults, Listed(own("ours"), WORKSPACE)], None)
    return made


def type_en(edits: TemplateEdits, text: str) -> None:
    edits.form.en.setPlainText(text)


def test_the_first_read_shows_the_first_template_unedited(edits: TemplateEdits) -> None:
    first = next(iter(default_templates()))
    assert edits.key == first
    assert edits.form.values() == edits.original(first)
    assert not edits.has_unsaved()
    assert edits.row(first)[3] == DEFAULT


def test_edits_left_behind_are_drafts_until_their_template_comes_back(
    edits: TemplateEdits,
) -> None:
    first = edits.key
    assert first is not None
    type_en(edits, "Edited: {service}.")
    edits.switch_to("ours")
    assert edits.drafts[first].en == "Edited: {service}."
    assert edits.row(first)[3] == f"{DEFAULT}, edited"
    assert edits.has_unsaved() and edits.unsaved_labels() == [first]
    edits.switch_to(first)
    assert edits.form.values().en == "Edited: {service}."
    assert first not in edits.drafts and edits.dirty()


def test_a_new_template_has_its_row_first_while_it_is_begun(edits: TemplateEdits) -> None:
    edits.switch_to(NEW)
    assert edits.row_keys()[0] == NEW
    assert edits.label(NEW) == "the new template"
    edits.form.name.setText("fresh")
    assert edits.label(NEW) == "fresh" and edits.row(NEW)[3] == "new, not saved"
    edits.discard_new()
    assert NEW not in edits.row_keys() and edits.key != NEW


def test_a_read_keeps_an_edited_template_gone_from_the_files(edits: TemplateEdits) -> None:
    edits.switch_to("ours")
    type_en(edits, "Still mine: {service}.")
    defaults = [Listed(t, DEFAULT) for t in default_templates().values()]
    edits.read(defaults, None)  # "ours" deleted by hand meanwhile
    assert edits.key == "ours" and "ours" in edits.saved
    assert edits.form.values().en == "Still mine: {service}."
    edits.discard_all()
    edits.read(defaults, None)  # unedited now: it goes, and the editor moves on
    assert "ours" not in edits.saved and edits.key == next(iter(default_templates()))


def test_a_rename_saved_moves_the_editor_and_keeps_what_was_typed_since(
    edits: TemplateEdits,
) -> None:
    edits.switch_to("ours")
    edits.form.name.setText("renamed")
    sent = edits.form.values()
    type_en(edits, "Typed while saving: {service}.")
    edits.stored("ours", sent, "ours", sent.template())
    assert "ours" not in edits.saved and edits.saved["renamed"].origin == WORKSPACE
    assert edits.key == "renamed" and edits.dirty()
    assert edits.form.values().en == "Typed while saving: {service}."


def test_deleting_a_customised_default_shows_the_default_again(edits: TemplateEdits) -> None:
    name, shipped = next(iter(default_templates().items()))
    type_en(edits, "Customised: {service}.")
    sent = edits.form.values()
    edits.stored(name, sent, None, sent.template())
    assert not edits.dirty()
    assert edits.saved[name].origin == CUSTOMISED and edits.origin() == CUSTOMISED
    edits.removed(name, shipped)
    assert edits.saved[name].origin == DEFAULT
    assert edits.form.values() == Values.of(shipped) and not edits.dirty()
