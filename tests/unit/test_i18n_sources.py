"""Issue #16: the interface's translations are complete and up to date with the code, and the
GUI packages declared translated pass every user-visible text through Qt's translation.

(a) every message of every statusdesk/gui/i18n/ts/*_ar.ts is finished, and each .ts holds
exactly the texts pyside6-lupdate finds in its package now (a string added to the code without
a translation fails here); (b) a static check (ast) over the translated packages refuses a
string literal given to a text-showing call, and is shown to catch a planted one; (c) the words
said below the GUI (core/words.py: problems, refusals, bad times) are in messages_ar.ts, made
from the Qt-free modules that mark them, and the modules listed in MARKED build no Problem,
WhenError or Rejected from an unmarked literal (shown to catch a planted one).
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "statusdesk" / "gui"
TS = GUI / "i18n" / "ts"
# The words said below the GUI: one .ts made from every Qt-free module that marks them.
BELOW = "messages"

# The GUI packages whose every user-visible text goes through tr(); grows as packages convert.
TRANSLATED = (
    "desk",
    "launch",
    "runtime",
    "about",
    "keys",
    "palette",
    "compose",
    "incidents",
    "deliveries",
    "schedule",
    "wording",
    "settings",
    "subscribers",
    "templates",
    "export",
    "channels",
    "widgets",
    "review",
)

# Calls that put text on screen (or in a screen reader's ear): a literal given to them is an
# untranslated text.
TEXT_METHODS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setPlaceholderText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setStatusTip",
        "setWhatsThis",
        "showMessage",
        "addAction",
        "addMenu",
        "addTab",
        "insertTab",
        "setTabText",
        "setTabToolTip",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "addButton",
        "setInformativeText",
        "setDetailedText",
        "setTitle",
        "setLabelText",
        "addItem",
        "addItems",
        "insertItem",
        "setItemText",
        "setPrefix",
        "setSuffix",
        "setSpecialValueText",
        "showMessageBox",
        "information",
        "warning",
        "critical",
        "question",
        "setWindowIconText",
        "say",
        "_say",
        "tell",
        "emit",
        "addRow",
        "setPlainText",
    }
)
TEXT_CLASSES = frozenset(
    {
        "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
        "QAction", "QMenu", "QMessageBox", "QCommandLinkButton", "QTableWidgetItem",
        "QListWidgetItem", "QTreeWidgetItem", "QStandardItem",
    }
)  # fmt: skip
# Literals that are names, not words: the same in every language.
# The app's name; each language's own name for itself (the editors' headings read "English"
# and "العربية" in either interface language).
# A time zone's name ("UTC") is a name too.
NOT_WORDS = frozenset({"statusdesk", "English", "العربية", "UTC"})
# Key names stay as keys read ("Ctrl+3"); a colour is not words.
_KEY_NAMES = re.compile(r"\b(Ctrl|Alt|Shift|Meta|Esc|Enter|Tab|Return)\b")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{3,8}$")
# Markers that keep a literal English source text for translation at its point of use.
MARKERS = frozenset({"QT_TRANSLATE_NOOP", "QT_TR_NOOP"})


def _is_words(text: str) -> bool:
    stripped = text.strip()
    if stripped in NOT_WORDS or _COLOUR.match(stripped):
        return False
    return bool(re.search(r"[^\W\d_]", _KEY_NAMES.sub("", stripped)))


def _literal_words(node: ast.AST, constants: dict[str, str]) -> str | None:
    """The untranslated text `node` stands for, if it is one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _is_words(node.value) else None
    if isinstance(node, ast.JoinedStr):  # an f-string: its literal parts
        parts = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return parts if _is_words(parts) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _literal_words(node.left, constants) or _literal_words(node.right, constants)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body, constants) or _literal_words(node.orelse, constants)
    if isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            found = _literal_words(element, constants)
            if found:
                return found
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"format", "join", "strip"}  # "Sent to {x}".format(...)
    ):
        return _literal_words(node.func.value, constants)
    return None


def _module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "words" (not marked for translation)."""
    found = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            value = statement.value
            if value is None:
                continue
            words = _literal_words(value, {})
            if words:
                for target in targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = words
    return found


def untranslated(source: str, filename: str = "<source>") -> list[str]:
    """Each user-visible literal of `source` that does not go through translation."""
    tree = ast.parse(source, filename)
    constants = _module_constants(tree)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if name not in TEXT_METHODS and name not in TEXT_CLASSES:
            continue
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in {"log", "logger", "logging"}:
            continue  # the log is for whoever reads a bug report: English
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            words = _literal_words(argument, constants)
            if words:
                problems.append(f"{filename}:{node.lineno}: {name}({words!r}) is not translated")
    return problems


def _modules(package: str) -> Iterator[Path]:
    if package == BELOW:
        yield from below_modules()
        return
    yield from sorted((GUI / package).glob("*.py"))


def below_modules() -> list[Path]:
    """The Qt-free modules whose words the Arabic interface says (they import core/words.py)."""
    return sorted(
        path
        for path in (ROOT / "statusdesk").rglob("*.py")
        if GUI not in path.parents
        and path.name != "words.py"
        and "statusdesk.core.words import" in path.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("package", TRANSLATED)
def test_translated_packages_pass_every_text_through_tr(package: str) -> None:
    problems = []
    for module in _modules(package):
        problems += untranslated(module.read_text(encoding="utf-8"), str(module.relative_to(ROOT)))
    assert problems == []


def test_the_static_check_catches_a_planted_literal() -> None:
    planted = """
from PySide6.QtWidgets import QLabel, QMessageBox
from PySide6.QtCore import QT_TRANSLATE_NOOP
TITLE = "Planted title"
MARKED = QT_TRANSLATE_NOOP("Ctx", "Marked title")
class Window:
    def build(self, n):
        self.label = QLabel("Planted label")
        self.button.setToolTip(f"Planted {n} tooltip")
        self.setWindowTitle(TITLE)
        self.table.setHorizontalHeaderLabels(["Key", self.tr("Does")])
        self.status.showMessage("Planted " + str(n))
        self.said.emit("Planted message {n}".format(n=n))
        self.button.setText(f"Retry (Ctrl+{n})")
        # all fine:
        self.ok.setText(f"  (Ctrl+{n})")
        self.paint("#1f2933")
        self.ok = QLabel(self.tr("Fine"))
        self.ok.setText(self.tr("Sent to {channel}").format(channel=n))
        self.ok.setObjectName("not-shown")
        self.setWindowTitle(self.tr(MARKED))
        self.ok.setText("")
        self.ok.setText("…")
        self.ok.setText("statusdesk")
"""
    found = untranslated(planted)
    assert [line.split(": ", 1)[1] for line in found] == [
        "QLabel('Planted label') is not translated",
        "setToolTip('Planted  tooltip') is not translated",
        "setWindowTitle('Planted title') is not translated",
        "setHorizontalHeaderLabels('Key') is not translated",
        "showMessage('Planted ') is not translated",
        "emit('Planted message {n}') is not translated",
        "setText('Retry (Ctrl+)') is not translated",
    ]


# -- the .ts sources ----------------------------------------------------------------------------


def _qt_tool(name: str) -> Path:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (name, f"{name}.exe", f"Qt/libexec/{name}"):
        if (folder / candidate).is_file():
            return folder / candidate
    pytest.fail(f"PySide6 at {folder} has no {name}")


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _texts(path: Path) -> set[tuple[str, str]]:
    return {(context, message.findtext("source") or "") for context, message in _messages(path)}


def ts_files() -> list[Path]:
    return sorted(TS.glob("*_ar.ts"))


def test_every_translated_package_has_its_ts() -> None:
    assert {p.name for p in ts_files()} >= {f"{package}_ar.ts" for package in TRANSLATED}
    assert TS / f"{BELOW}_ar.ts" in ts_files()
    for path in ts_files():  # one per GUI package, named after it, and the words below the GUI
        package = path.name.removesuffix("_ar.ts")
        assert package == BELOW or (GUI / package).is_dir(), path


_FIELD = r"\{\w*(?::[^{}]*)?\}"  # what .format() fills in: {name}, {count:,}


@pytest.mark.parametrize("path", ts_files(), ids=lambda p: p.name)
def test_every_message_is_translated(path: Path) -> None:
    assert ET.parse(path).getroot().get("language") == "ar"
    problems = []
    for context, message in _messages(path):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        if translation is None:
            problems.append(f"{where} has no translation")
            continue
        if translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{where} is {translation.get('type')}")
        forms = (
            [f.text or "" for f in translation.findall("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            # what .format() fills in, and Qt's count, must survive translation
            wanted = set(re.findall(_FIELD, source))
            if set(re.findall(_FIELD, form)) != wanted:
                problems.append(f"{where}: the translation {form!r} changes {sorted(wanted)}")
            if source.count("&") == 1 and form.count("&") != 1:
                problems.append(f"{where}: the translation {form!r} loses its mnemonic")
    assert problems == []


@pytest.mark.parametrize("path", ts_files(), ids=lambda p: p.name)
def test_each_ts_holds_the_texts_of_its_package_now(path: Path, tmp_path: Path) -> None:
    """lupdate over the package's modules, into a fresh file: the same texts, none missing
    (added to the code, not translated) and none left over (gone from the code)."""
    package = path.name.removesuffix("_ar.ts")
    fresh = tmp_path / path.name
    subprocess.run(
        [
            str(_qt_tool("lupdate")),
            "-silent",
            "-no-obsolete",
            *[str(m) for m in _modules(package)],
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    now, kept = _texts(fresh), _texts(path)
    assert sorted(now - kept) == [], f"not in {path.name} (run pyside6-lupdate and translate)"
    assert sorted(kept - now) == [], f"in {path.name} but gone from the code"


# -- the words said below the GUI ---------------------------------------------------------------

# Modules whose Problems, WhenErrors and Rejected say marked words (core/words.py); grows as
# modules convert.
MARKED = (
    "core/model.py",
    "core/errors.py",
    "core/validation.py",
    "core/text/sanitize.py",
    "core/placeholders.py",
    "core/consistency.py",
    "core/promise.py",
    "scheduling/templates.py",
    "scheduling/when.py",
    "app/checks.py",
    "app/compose.py",
    "app/publishing.py",
    "app/review_maintenance.py",
    "app/scheduling.py",
    "app/deliveries.py",
    "app/templating.py",
    "app/channels.py",
    "delivery/audience.py",
    "scheduling/actions.py",
    "store/deliveries.py",
    "channels/base.py",
    "channels/registry.py",
    "channels/targets.py",
    "channels/threads.py",
    "channels/posts.py",
    "channels/webhook.py",
    "channels/telegram.py",
    "channels/mastodon/channel.py",
    "channels/x/channel.py",
    "channels/x/thread.py",
    "channels/bluesky/channel.py",
    "channels/email/channel.py",
    "channels/email/settings.py",
    "channels/email/said.py",
    "channels/tested.py",
    "channels/site/said.py",
    "channels/http.py",
    "channels/mastodon/api.py",
    "channels/x/api.py",
    "channels/x/auth.py",
    "channels/bluesky/api.py",
    "channels/bluesky/account.py",
    "channels/statuspage/client.py",
    "channels/statuspage/channel.py",
    "channels/statuspage/reconcile.py",
    "delivery/dispatcher.py",
    "store/db.py",
    "store/base.py",
    "app/previews.py",
    "store/subscriber_input.py",
    "store/subscribers.py",
    "app/subscribers.py",
    "scheduling/template_store.py",
    "export/api.py",
    "export/files.py",
    "export/pdf.py",
    "export/timeline.py",
    "secrets.py",
    "channels/statuspage/components.py",
)
# What carries a message to the person, and which argument is the message.
MESSAGE_ARGUMENT = {
    "Problem": 1,
    "Disagreement": 1,
    "WhenError": 0,
    "SuspiciousControl": 2,
    "WorkspaceError": 0,
    "UnknownChannelKind": 0,
    "ChannelPreview": 2,
    "SubscriberError": 0,
    "InvalidAddress": 0,
    "UnknownComponent": 0,
    "TemplateError": 0,
    "ExportError": 0,
    "ExportWriteError": 0,
    "SecretsUnavailable": 0,
}


def _assigned_words(tree: ast.Module) -> dict[str, str]:
    """Every NAME = "words" (or += "words") anywhere in the module, not marked."""
    found = _module_constants(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            words = _literal_words(node.value, {})
            if words:
                found.update({t.id: words for t in targets if isinstance(t, ast.Name)})
    return found


def unmarked(source: str, filename: str = "<source>") -> list[str]:
    """Each Problem / WhenError message of `source` built from a literal not marked for
    translation (QT_TRANSLATE_NOOP from core/words.py)."""
    tree = ast.parse(source, filename)
    constants = _assigned_words(tree)
    problems: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in MESSAGE_ARGUMENT:
            continue
        index = MESSAGE_ARGUMENT[name]
        argument = node.args[index] if len(node.args) > index else None
        for keyword in node.keywords:
            if keyword.arg in {"message", "reason", "error", "note"}:
                argument = keyword.value
        words = _literal_words(argument, constants) if argument is not None else None
        if words:
            problems.append(
                (node.lineno, f"{filename}:{node.lineno}: {name}({words!r}) is not marked")
            )
    return [said for _line, said in sorted(problems)]


@pytest.mark.parametrize("module", MARKED)
def test_messages_below_the_gui_are_marked_for_translation(module: str) -> None:
    path = ROOT / "statusdesk" / module
    source = path.read_text(encoding="utf-8")
    assert unmarked(source, module) == []
    if "QT_TRANSLATE_NOOP(" in source:
        assert path in below_modules()  # and so in messages_ar.ts


def test_the_marking_check_catches_a_planted_literal() -> None:
    planted = """
from statusdesk.core.words import QT_TRANSLATE_NOOP
WORDS = "Planted constant"
def check(name, n):
    found = [Problem("body", "Planted literal")]
    found.append(Problem("title", f"Planted {name} f-string", Severity.ERROR, 3))
    found.append(Problem(field="x", message="Planted keyword"))
    message = "Planted local " + name
    found.append(Problem("x", message))
    found.append(Problem("x", WORDS))
    found.append(Problem("x", "Planted {n} formatted".format(n=n)))
    raise WhenError(f"{name!r} is planted")
    # all fine:
    found.append(Problem("x", QT_TRANSLATE_NOOP("Problems", "Marked {n}").format(n=n)))
    found.append(Problem(f"body_{name}", QT_TRANSLATE_NOOP("Problems", "Marked")))
    found.append(Problem("x", f"{name}: {n}"))
    raise WhenError(QT_TRANSLATE_NOOP("When", "Marked"))
"""
    assert [line.split(": ", 1)[1] for line in unmarked(planted)] == [
        "Problem('Planted literal') is not marked",
        "Problem('Planted  f-string') is not marked",
        "Problem('Planted keyword') is not marked",
        "Problem('Planted local ') is not marked",
        "Problem('Planted constant') is not marked",
        "Problem('Planted {n} formatted') is not marked",
        "WhenError(' is planted') is not marked",
    ]
