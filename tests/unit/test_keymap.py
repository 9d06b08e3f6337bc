"""Rebinding keys (issue #6, point 1): keys normalised as Qt writes them, a key taken or reserved
refused with a sentence that says why, and the user's keys saved in and read back from a real
workspace, a damaged setting giving the defaults and a warning, never a crash.

Qt-free, like statusdesk.gui.keys.keymap: tests/gui/test_keys_window.py checks the normalisation
against Qt itself."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statusdesk.gui.keys.bindings import BINDINGS, Binding
from statusdesk.gui.keys.keymap import (
    SETTING,
    BadKey,
    KeyConflict,
    Keymap,
    KeymapError,
    ReservedKey,
    UnknownCommand,
    load_keymap,
    load_overrides,
    normalize_key,
    save_overrides,
)
from statusdesk.store import Store

NOW = "2026-11-24T10:00:00Z"
COMMANDS = [b.command for b in BINDINGS]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "statusdesk.db")
    yield opened
    opened.close()


# -- normalising --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ctrl+shift+return", "Ctrl+Shift+Return"),
        ("Shift+Ctrl+Return", "Ctrl+Shift+Return"),
        ("shift+meta+alt+control+k", "Meta+Ctrl+Alt+Shift+K"),  # Qt 6's order: Meta first
        ("ctrl+enter", "Ctrl+Enter"),  # the keypad's Enter, not Return
        ("  Ctrl + k ", "Ctrl+K"),
        ("f1", "F1"),
        ("Shift+F35", "Shift+F35"),
        ("alt+up", "Alt+Up"),
        ("ctrl+escape", "Ctrl+Esc"),
        ("ctrl+page up", "Ctrl+PgUp"),
        ("ctrl+pagedown", "Ctrl+PgDown"),
        ("ctrl+delete", "Ctrl+Del"),
        ("ctrl+insert", "Ctrl+Ins"),
        ("ctrl+space", "Ctrl+Space"),
        ("ctrl+backspace", "Ctrl+Backspace"),
        ("ctrl+home", "Ctrl+Home"),
        ("ctrl+7", "Ctrl+7"),
        ("ctrl+,", "Ctrl+,"),
        ("ctrl++", "Ctrl++"),
        ("ctrl+shift++", "Ctrl+Shift++"),
        ("+", "+"),
        ("ctrl+/", "Ctrl+/"),
        ("ctrl+\\", "Ctrl+\\"),
    ],
)
def test_keys_are_written_as_qt_writes_them(text: str, key: str) -> None:
    assert normalize_key(text) == key
    assert normalize_key(key) == key  # already canonical: unchanged


def test_return_and_enter_stay_two_keys() -> None:
    assert normalize_key("ctrl+return") != normalize_key("ctrl+enter")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "No key combination"),
        ("   ", "No key combination"),
        ("Ctrl", "Ctrl is a modifier and needs a key"),
        ("Ctrl+", "a modifier needs a key"),
        ("Ctrl+Ctrl+K", "Ctrl is given twice"),
        ("Hyper+K", "Hyper is not a modifier"),
        ("Ctrl++K", "nothing on one side"),
        ("Ctrl+Foo", "Foo is not a key name"),
        ("Ctrl+F36", "F36 is not a key name"),
        ("Ctrl+CapsLock", "CapsLock is not a key name"),
        ("Ctrl+ع", "use a Latin letter"),
        ("Ctrl+K, Ctrl+S", "one combination, not a sequence"),
        ("Ctrl+,, Ctrl+S", "one combination, not a sequence"),
    ],
)
def test_malformed_keys_are_refused_saying_why(text: str, why: str) -> None:
    with pytest.raises(BadKey) as refused:
        normalize_key(text)
    assert why in str(refused.value)
    # A sentence, not a repr: KeyError would have wrapped it in quotes.
    assert not str(refused.value).startswith(("'", '"'))


# -- rebinding ----------------------------------------------------------------------------------


def test_defaults_are_the_bindings_table() -> None:
    keymap = Keymap()
    assert keymap.keys() == {b.command: normalize_key(b.key) for b in BINDINGS}
    assert keymap.overrides() == {}
    assert all(keymap.is_default(c) for c in COMMANDS)


def test_rebind_moves_a_command_and_frees_its_old_key() -> None:
    keymap = Keymap().rebind("quit", "ctrl+j")
    assert keymap.key("quit") == "Ctrl+J"
    assert not keymap.is_default("quit")
    assert keymap.command_for("Ctrl+J") == "quit"
    assert keymap.command_for("Ctrl+Q") is None
    assert keymap.overrides() == {"quit": "Ctrl+J"}
    # ... and the old key is free for another command.
    moved = keymap.rebind("publish", "Ctrl+Q")
    assert (moved.key("publish"), moved.key("quit")) == ("Ctrl+Q", "Ctrl+J")


def test_a_keymap_is_never_changed_in_place() -> None:
    before = Keymap()
    before.rebind("quit", "Ctrl+J")
    assert before.key("quit") == "Ctrl+Q"


def test_rebinding_to_the_default_drops_the_override() -> None:
    keymap = Keymap().rebind("quit", "Ctrl+J").rebind("quit", "ctrl+q")
    assert keymap.overrides() == {}
    assert keymap == Keymap()


def test_a_taken_key_is_refused_naming_the_command_that_has_it() -> None:
    keymap = Keymap()
    with pytest.raises(KeyConflict) as refused:
        keymap.rebind("quit", "ctrl+n")
    assert str(refused.value) == "Ctrl+N is already New incident; unbind or rebind that first."
    assert (refused.value.key, refused.value.command) == ("Ctrl+N", "new-incident")
    assert keymap.key("quit") == "Ctrl+Q"  # nothing changed


def test_a_key_taken_by_a_rebound_command_is_refused_too() -> None:
    keymap = Keymap().rebind("quit", "Ctrl+J")
    with pytest.raises(KeyConflict, match=r"^Ctrl\+J is already Quit;"):
        keymap.rebind("publish", "Ctrl+J")


def test_unbind_then_take_the_key() -> None:
    keymap = Keymap().unbind("new-incident")
    assert keymap.key("new-incident") == ""
    assert keymap.overrides() == {"new-incident": ""}
    keymap = keymap.rebind("quit", "Ctrl+N")
    assert keymap.command_for("Ctrl+N") == "quit"
    assert keymap.rebind("publish", "") == keymap.unbind("publish")


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("Esc", "closes popups"),
        ("Tab", "move the keyboard focus"),
        ("Shift+Tab", "move the keyboard focus"),
        ("Shift+Backtab", "move the keyboard focus"),
        ("Ctrl+Tab", "move the keyboard focus"),
        ("k", "without Ctrl, Alt or Meta"),
        ("Shift+K", "without Ctrl, Alt or Meta"),  # types a capital
        ("5", "without Ctrl, Alt or Meta"),
        ("Return", "without Ctrl, Alt or Meta"),
        ("Enter", "without Ctrl, Alt or Meta"),
        ("Shift+Return", "without Ctrl, Alt or Meta"),
        ("Space", "without Ctrl, Alt or Meta"),
        ("Backspace", "without Ctrl, Alt or Meta"),
        ("Up", "without Ctrl, Alt or Meta"),
        ("Ctrl+C", "copies"),
        ("Ctrl+V", "pastes"),
        ("Ctrl+Z", "undoes"),
        ("Alt+I", "opens the Incident menu"),
        ("Alt+H", "opens the Help menu"),
    ],
)
def test_reserved_keys_are_refused(key: str, why: str) -> None:
    with pytest.raises(ReservedKey) as refused:
        Keymap().rebind("quit", key)
    assert str(refused.value).startswith(f"{normalize_key(key)} is reserved: ")
    assert why in str(refused.value)


@pytest.mark.parametrize("key", ["F5", "Shift+F5", "Ctrl+Alt+Return", "Alt+K", "Meta+J"])
def test_keys_with_a_modifier_or_function_keys_are_allowed(key: str) -> None:
    assert Keymap().rebind("quit", key).key("quit") == normalize_key(key)


def test_reset_brings_the_default_back_unless_it_is_taken() -> None:
    keymap = Keymap().rebind("quit", "Ctrl+J")
    assert keymap.reset("quit") == Keymap()
    taken = Keymap().unbind("new-incident").rebind("quit", "Ctrl+N")
    with pytest.raises(KeyConflict, match=r"^Ctrl\+N is already Quit;"):
        taken.reset("new-incident")
    assert taken.reset_all() == Keymap()


def test_an_unknown_command_is_refused() -> None:
    with pytest.raises(UnknownCommand):
        Keymap().rebind("no-such-command", "Ctrl+J")


# -- from what was saved ------------------------------------------------------------------------


def test_overrides_of_commands_this_version_does_not_know_are_kept_not_used() -> None:
    keymap, warnings = Keymap.from_overrides({"palette-v9": "Ctrl+J", "quit": "Ctrl+Shift+Q"})
    assert warnings == []
    assert keymap.command_for("Ctrl+J") is None
    assert keymap.key("quit") == "Ctrl+Shift+Q"
    # Saved back as they were, through any change and a reset of everything.
    assert keymap.rebind("publish", "F9").overrides()["palette-v9"] == "Ctrl+J"
    assert keymap.reset_all().overrides() == {"palette-v9": "Ctrl+J"}


def test_bad_saved_entries_are_dropped_with_a_warning_each() -> None:
    keymap, warnings = Keymap.from_overrides(
        {
            "quit": "Ctrl+J",
            "publish": "Ctrl+J",  # publish is earlier in the table than quit: it keeps Ctrl+J
            "state-1": "Esc",
            "state-2": "nonsense",
            "state-3": 4,
        }
    )
    assert keymap.key("publish") == "Ctrl+J"  # the table's order decides who keeps a key twice
    assert keymap.key("quit") == "Ctrl+Q"
    assert [keymap.key(f"state-{n}") for n in (1, 2, 3)] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    assert len(warnings) == 4
    assert any("Quit is ignored: Ctrl+J is already Publish now" in w for w in warnings)
    assert any("Esc is reserved" in w for w in warnings)
    assert any("nonsense" in w for w in warnings)
    assert any("State 3" in w and "not text" in w for w in warnings)


def test_a_new_default_that_the_user_already_took_leaves_that_command_without_a_key() -> None:
    """A newer version gives a new command "jump" Ctrl+Shift+Y; this user had put Quit there."""
    newer = (*BINDINGS, Binding("jump", "Ctrl+Shift+Y", "Jump anywhere", "Go", "&Jump anywhere"))
    keymap, warnings = Keymap.from_overrides({"quit": "Ctrl+Shift+Y"}, newer)
    assert keymap.key("quit") == "Ctrl+Shift+Y"
    assert keymap.key("jump") == ""
    assert warnings == [
        "Jump anywhere has no key: its default Ctrl+Shift+Y is Quit by your choice. "
        "Give it another key."
    ]
    assert keymap.rebind("jump", "F9").key("jump") == "F9"
    with pytest.raises(KeyConflict, match="already Quit"):
        keymap.reset("jump")


def test_saved_keys_that_are_not_a_table_give_the_defaults() -> None:
    keymap, warnings = Keymap.from_overrides(["quit", "Ctrl+J"])
    assert keymap == Keymap()
    assert warnings and "default" in warnings[0]


# -- in the workspace ---------------------------------------------------------------------------


def test_overrides_round_trip_through_the_workspace(store: Store) -> None:
    keymap = Keymap().rebind("quit", "ctrl+shift+q").unbind("preview").rebind("publish", "F9")
    save_overrides(store.settings, keymap.overrides(), NOW, "nadia")
    assert json.loads(store.settings.setting(SETTING) or "") == {
        "preview": "",
        "publish": "F9",
        "quit": "Ctrl+Shift+Q",
    }
    loaded, warnings = load_keymap(store.settings)
    assert (loaded, warnings) == (keymap, [])
    assert loaded.key("preview") == ""


def test_saving_no_overrides_removes_the_setting(store: Store) -> None:
    save_overrides(store.settings, {"quit": "Ctrl+J"}, NOW)
    save_overrides(store.settings, Keymap().overrides(), NOW)
    assert store.settings.setting(SETTING) is None
    assert load_keymap(store.settings) == (Keymap(), [])


def test_nothing_saved_is_the_defaults_without_a_warning(store: Store) -> None:
    assert load_overrides(store.settings) == ({}, [])
    assert load_keymap(store.settings) == (Keymap(), [])


@pytest.mark.parametrize("value", ["{not json", "[1, 2]", '"Ctrl+J"', "null", ""])
def test_a_damaged_setting_gives_the_defaults_and_a_warning(store: Store, value: str) -> None:
    store.settings.set_setting(SETTING, value, NOW)
    keymap, warnings = load_keymap(store.settings)
    assert keymap == Keymap()
    assert warnings == ["The saved keys could not be read; using the default keys."]


# -- whatever the user does ---------------------------------------------------------------------

KEYS = st.sampled_from(
    [b.key for b in BINDINGS]
    + ["Ctrl+J", "Ctrl+K", "Alt+K", "F5", "F9", "Esc", "Tab", "K", "Ctrl+C", "Alt+I", "nonsense"]
)
ACTIONS = st.sampled_from(["rebind", "unbind", "reset", "reset_all"])
STEPS = st.lists(st.tuples(ACTIONS, st.sampled_from(COMMANDS), KEYS), max_size=40)


def shared_keys(keymap: Keymap) -> list[str]:
    keys = [key for _command, key in keymap.keys().items() if key]
    return sorted({k for k in keys if keys.count(k) > 1})


@settings(max_examples=200, deadline=None)
@given(STEPS)
def test_no_two_commands_ever_share_a_key(steps: list[tuple[str, str, str]]) -> None:
    keymap = Keymap()
    for action, command, key in steps:
        try:
            if action == "rebind":
                keymap = keymap.rebind(command, key)
            elif action == "unbind":
                keymap = keymap.unbind(command)
            elif action == "reset":
                keymap = keymap.reset(command)
            else:
                keymap = keymap.reset_all()
        except KeymapError:
            pass
        assert shared_keys(keymap) == []
        # What is saved reads back as the same keymap, without a warning.
        assert Keymap.from_overrides(keymap.overrides()) == (keymap, [])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*COMMANDS, "from-v9"]), KEYS | st.just("")))
def test_any_saved_overrides_give_a_keymap_without_shared_keys(raw: dict[str, str]) -> None:
    keymap, _warnings = Keymap.from_overrides(raw)
    assert shared_keys(keymap) == []


def test_keymap_reads_without_qt() -> None:
    """Docs, the CLI and these tests read the keymap without a display or Qt loaded."""
    code = (
        "import sys, statusdesk.gui.keys.keymap\n"
        "sys.exit(1 if [m for m in sys.modules if m.startswith('PySide6')] else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
