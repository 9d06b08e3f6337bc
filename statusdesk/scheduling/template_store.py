"""The workspace's own templates, as the Templates window edits them: one file,
`<home>/templates/workspace.json`, in the shape of resources/templates/default.json.

`load_templates` reads every *.json of that folder over the defaults; this module writes only
workspace.json and leaves any other file there to whoever wrote it. A template saved under a
default's name replaces that default in this workspace; deleting it brings the default back. A
default itself cannot be deleted.

A template is checked before it is saved (name, a state of its kind, some text, placeholders
that exist and can be filled for its kind and state, balanced braces and direction controls):
a template that can never be filled would only block publishing later, when time is short.
Saving rewrites the file atomically (a temporary file in the same folder, fsync, rename), so a
full disk or a crash leaves the previous file whole. A file broken by hand is never rewritten:
saving is refused, with the file named, until it reads again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from statusdesk.core.cleaning import clean_text
from statusdesk.core.model import (
    INCIDENT_STATES,
    MAINTENANCE_STATES,
    IncidentKind,
    Problem,
    states_for,
)
from statusdesk.core.validation import MAX_BODY_CHARS, TEXT_NAMES, text_problems
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of
from statusdesk.scheduling.templates import (
    PLACEHOLDERS,
    Template,
    TemplateError,
    default_templates,
    fill,
    load_templates,
    parse_templates,
)

FILE_NAME = "workspace.json"
ABOUT = (
    "This workspace's own bilingual update templates, written by statusdesk's Templates window "
    "(a template named like a default replaces it here). Same shape as the defaults: kind "
    "(incident|maintenance), state, en, ar. Placeholders: "
    + " ".join(f"{{{p}}}" for p in PLACEHOLDERS)
    + "; {{ and }} are literal braces."
)
MAX_NAME_CHARS = 40
# Names are typed after `--template` and searched in the palette: short, one word, no case.
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_ORDER = {state: i for i, state in enumerate(INCIDENT_STATES + MAINTENANCE_STATES)}

DEFAULT, CUSTOMISED, WORKSPACE = "default", "customised", "workspace"


class TemplateRefused(TemplateError):
    """A template that cannot be saved as it is; `problems` says what, field by field
    (`name`, `state`, `body`, `body_en`, `body_ar`), with a position in a text when there is one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(" ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Listed:
    """A template in effect in the workspace and where it comes from: `default` (as shipped),
    `customised` (a default's name, the workspace's text) or `workspace` (the workspace's own)."""

    template: Template
    origin: str


@dataclass(frozen=True)
class Catalogue:
    """Every template in effect. When the workspace's files cannot be read, the defaults, and
    `problem` says which file and why."""

    templates: tuple[Listed, ...]
    problem: str = ""


def store_path(home: Path) -> Path:
    return Path(home) / "templates" / FILE_NAME


def is_default(name: str) -> bool:
    return name in default_templates()


def user_templates(home: Path) -> dict[str, Template]:
    """The templates of workspace.json alone (none when there is no such file)."""
    path = store_path(home)
    return parse_templates(_read(path), str(path))


def is_customised(home: Path, name: str) -> bool:
    """A default that this workspace's file replaces."""
    return is_default(name) and name in user_templates(home)


def catalogue(home: Path) -> Catalogue:
    """What the Templates window lists, ordered by kind and state, then name."""
    defaults = default_templates()
    try:
        mine = user_templates(home)
    except TemplateError as exc:
        return Catalogue(_listed(defaults, {}), message_of(exc))
    try:
        effective = load_templates([Path(home) / "templates"])
    except TemplateError as exc:  # another *.json of the folder: still show and edit ours
        unusable = _unusable(message_of(exc), blocks_saving=False)
        return Catalogue(_listed(defaults | mine, mine), unusable)
    return Catalogue(_listed(effective, mine))


def _listed(effective: dict[str, Template], mine: dict[str, Template]) -> tuple[Listed, ...]:
    defaults = default_templates()
    listed = []
    for name, template in effective.items():
        if name in defaults and name not in mine and template == defaults[name]:
            origin = DEFAULT
        else:
            origin = CUSTOMISED if name in defaults else WORKSPACE
        listed.append(Listed(template, origin))
    listed.sort(key=lambda item: (_ORDER[item.template.state], item.template.name))
    return tuple(listed)


# -- checking -------------------------------------------------------------------------------


def cleaned(template: Template) -> Template:
    """As it will be stored: the name trimmed, each text normalised (NFC, \\n line ends) and
    trimmed, as the Desk cleans what people type."""
    text = clean_text(template.text)
    return Template(template.name.strip(), template.kind, template.state, text)


def template_problems(template: Template) -> list[Problem]:
    """Everything that stops `template` (already `cleaned`) from being saved."""
    problems = _name_problems(template.name)
    kind, state = template.kind, template.state
    if state not in states_for(kind):
        allowed = ", ".join(s.value for s in states_for(kind))
        problems.append(
            Problem(
                "state",
                QT_TRANSLATE_NOOP(
                    "Problems", "{state} is not a state of {kind}; choose one of {allowed}."
                ).format(state=state.value, kind=_a(kind), allowed=allowed),
            )
        )
    if not template.text.languages():
        problems.append(
            Problem(
                "body",
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "Both the English and the Arabic text are empty; write the template in at "
                    "least one language.",
                ),
            )
        )
    for lang in ("en", "ar"):
        problems += _text_problems(template, lang)
    return problems


def _a(kind: IncidentKind) -> str:
    if kind is IncidentKind.INCIDENT:
        return QT_TRANSLATE_NOOP("Problems", "an incident")
    return QT_TRANSLATE_NOOP("Problems", "a maintenance")


def _name_problems(name: str) -> list[Problem]:
    if not name:
        return [
            Problem(
                "name", QT_TRANSLATE_NOOP("Problems", "Give the template a name, e.g. db-failover.")
            )
        ]
    if len(name) > MAX_NAME_CHARS:
        return [
            Problem(
                "name",
                QT_TRANSLATE_NOOP(
                    "Problems", "The name is {count} characters long; keep it to {most}."
                ).format(count=len(name), most=MAX_NAME_CHARS),
            )
        ]
    if _NAME.fullmatch(name):
        return []
    suggestion = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")[:MAX_NAME_CHARS]
    said = (
        QT_TRANSLATE_NOOP(
            "Problems",
            "The name {name} may hold only lower-case letters a-z, digits, - and _, and starts "
            "with a letter or digit (e.g. {suggestion}).",
        )
        if suggestion and _NAME.fullmatch(suggestion)
        else QT_TRANSLATE_NOOP(
            "Problems",
            "The name {name} may hold only lower-case letters a-z, digits, - and _, and starts "
            "with a letter or digit.",
        )
    )
    return [Problem("name", said.format(name=repr(name), suggestion=suggestion))]


def _never_filled(template: Template) -> dict[str, str]:
    """Placeholders that no update of this kind and state can fill, and why."""
    never: dict[str, str] = {}
    if template.kind is IncidentKind.INCIDENT:
        reason = QT_TRANSLATE_NOOP(
            "Problems", "only a maintenance has a window, so an incident template never fills it"
        )
        never |= {"window_start": reason, "window_end": reason}
    if template.state.is_closed:
        never["next_update"] = QT_TRANSLATE_NOOP(
            "Problems", "a {state} update promises no next one, so it is never filled"
        ).format(state=template.state.value)
    return never


def _text_problems(template: Template, lang: str) -> list[Problem]:
    text, field = template.text.get(lang), f"body_{lang}"
    label = TEXT_NAMES[lang]
    problems = text_problems(text, field, label, MAX_BODY_CHARS)
    # fill() is the one reader of placeholders: given a value for every known one, what it
    # still reports is an unknown placeholder or a lone brace. Given none for those that can
    # never be filled here, the extra reports are exactly where they are used.
    every = dict.fromkeys(PLACEHOLDERS, "")
    _, wrong = fill(text, every, field, label)
    never = _never_filled(template)
    _, unfillable = fill(text, {k: v for k, v in every.items() if k not in never}, field, label)
    reported = {p.position for p in wrong}
    for problem in unfillable:
        if problem.position in reported or problem.position is None:
            continue
        name = _placeholder_at(text, problem.position)
        why = never.get(name) or QT_TRANSLATE_NOOP("Problems", "it is never filled")
        wrong.append(
            Problem(
                field,
                QT_TRANSLATE_NOOP("Problems", "{text} uses {placeholder}: {why}.").format(
                    text=label, placeholder=f"{{{name}}}", why=why
                ),
                position=problem.position,
            )
        )
    wrong.sort(key=lambda p: p.position or 0)
    return problems + wrong


def _placeholder_at(text: str, position: int) -> str:
    end = text.find("}", position)
    return text[position + 1 : end].strip() if end > position else ""


# -- writing --------------------------------------------------------------------------------


def save_template(
    home: Path, template: Template, *, new: bool = False, renaming: str | None = None
) -> Template:
    """Add `template` to the workspace's file, or replace the one of that name; returns it as
    stored. `new`: refuse a name already in use (a default or the workspace's own). `renaming`:
    the workspace's own template this one was, removed in the same write. Raises
    TemplateRefused (what to fix) or TemplateError (the file cannot be read or written)."""
    template = cleaned(template)
    problems = template_problems(template)
    path = store_path(home)
    document = _read(path)
    mine = parse_templates(document, str(path))
    if new and (template.name in mine or is_default(template.name)):
        said = (
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is already a default template; choose another name, or pick it in the "
                "list to edit it.",
            )
            if is_default(template.name)
            else QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is already a template of this workspace; choose another name, or pick "
                "it in the list to edit it.",
            )
        )
        problems.insert(0, Problem("name", said.format(name=template.name)))
    if problems:
        raise TemplateRefused(problems)
    entries: dict[str, Any] = document["templates"]
    if renaming and renaming != template.name and renaming in mine and not is_default(renaming):
        # Renamed in place: the file keeps the order its writer gave it.
        entries = {
            (template.name if k == renaming else k): v
            for k, v in entries.items()
            if k != template.name
        }
    entries[template.name] = {
        "kind": template.kind.value,
        "state": template.state.value,
        "en": template.text.en,
        "ar": template.text.ar,
    }
    document["templates"] = entries
    _write(path, document)
    return template


def delete_template(home: Path, name: str) -> Template | None:
    """Remove the workspace's template `name`; returns the default now in effect again, or
    None. A default itself cannot be deleted, and a template of another file is not ours to."""
    path = store_path(home)
    document = _read(path)
    mine = parse_templates(document, str(path))
    default = default_templates().get(name)
    if name not in mine:
        if default is not None:
            raise TemplateError(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is one of statusdesk's default templates and cannot be deleted; "
                    "edit it and save to use your own text instead.",
                ).format(name=name)
            )
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "There is no template {name} in {path}; a template of another *.json file in "
                "{folder} is changed in that file.",
            ).format(name=repr(name), path=path, folder=path.parent)
        )
    del document["templates"][name]
    _write(path, document)
    return default


# -- the file -------------------------------------------------------------------------------


def _unusable(message: str, *, blocks_saving: bool = True) -> str:
    if blocks_saving:
        return QT_TRANSLATE_NOOP(
            "Problems",
            "{message}. Fix the file by hand or move it away: until it reads, this workspace's "
            "templates are not used, and nothing is saved to it.",
        ).format(message=message)
    return QT_TRANSLATE_NOOP(
        "Problems",
        "{message}. Fix the file by hand or move it away: until it reads, this workspace's "
        "templates are not used, though the Templates window still saves to {file}.",
    ).format(message=message, file=FILE_NAME)


def _read(path: Path) -> dict[str, Any]:
    """The file's document, checked; a fresh one when there is no file yet."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {"about": ABOUT, "templates": {}}
    except (OSError, UnicodeDecodeError) as exc:
        cannot = QT_TRANSLATE_NOOP("Problems", "{path}: cannot be read ({error})")
        raise TemplateError(_unusable(cannot.format(path=path, error=exc))) from None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        invalid = QT_TRANSLATE_NOOP("Problems", "{path}: not valid JSON ({error})")
        raise TemplateError(_unusable(invalid.format(path=path, error=exc))) from None
    if not isinstance(document, dict):
        shape = QT_TRANSLATE_NOOP("Problems", '{path}: not a JSON object with "templates"')
        raise TemplateError(_unusable(shape.format(path=path)))
    try:
        parse_templates(document, str(path))
    except TemplateError as exc:
        raise TemplateError(_unusable(message_of(exc))) from None
    return document


def _write(path: Path, document: dict[str, Any]) -> None:
    """Replace the file whole or not at all: the old one stays until the new one is on disk."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Problems", "Cannot save to {folder}: {error}").format(
                folder=path.parent, error=exc
            )
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600): keep the mode the file had, or give a new
        # one the folder's (a shared workspace stays readable by the people it is shared with).
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = stat.S_IMODE(path.parent.stat().st_mode) & 0o666
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        saved = QT_TRANSLATE_NOOP("Problems", "Cannot save {path}: {error}; the file is as it was.")
        raise TemplateError(saved.format(path=path, error=exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is synced (POSIX)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
