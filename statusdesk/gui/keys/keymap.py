"""The keys the user chose, over the defaults of the bindings table (issue #6, point 1).

A `Keymap` is the bindings table plus the user's overrides (command → key, "" for no key). It is
immutable: `rebind`, `unbind` and `reset` return a new one or raise, so a refused change cannot
leave half a change behind. Whatever the user does, no two commands ever share a key.

Keys are written as Qt's portable QKeySequence text ("Ctrl+Shift+Return"), normalised here so
that "ctrl+shift+return" and "Shift+Ctrl+Return" are the same key and compare equal with what Qt
itself prints (actions.ShortcutClaim compares Qt's text with the table's).

Qt-free on purpose, like bindings.py: tests, docs and the CLI can read it without a display.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol

from statusdesk.gui.i18n import key_name, translate
from statusdesk.gui.keys.bindings import BINDINGS, MENUS, Binding, default_key

log = logging.getLogger(__name__)

SETTING = "keys.overrides"  # the workspace setting that holds the overrides, as a JSON object

# -- normalising --------------------------------------------------------------------------------

# Qt 6 writes modifiers in this order (QKeySequence::toString, PortableText): Meta first.
_MODIFIERS = ("Meta", "Ctrl", "Alt", "Shift")
_MODIFIER_NAMES = {
    "meta": "Meta",
    "ctrl": "Ctrl",
    "control": "Ctrl",
    "alt": "Alt",
    "shift": "Shift",
}
# Qt's portable names, with the spellings people also type. Return and Enter stay two keys (the
# main one and the keypad's), as they are for Qt. Lock keys and media keys are left out: a
# shortcut on them would surprise more than help.
_NAMED = (
    "Space Esc Tab Backtab Backspace Return Enter Ins Del Pause Print SysReq Home End "
    "Left Up Right Down PgUp PgDown Menu Help Clear"
)
_KEY_NAMES = {name.lower(): name for name in _NAMED.split()} | {
    "escape": "Esc",
    "insert": "Ins",
    "delete": "Del",
    "pageup": "PgUp",
    "pagedown": "PgDown",
    **{f"f{n}": f"F{n}" for n in range(1, 36)},
}
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_FUNCTION_KEY = re.compile(r"F([1-9]|[12][0-9]|3[0-5])")


class KeymapError(ValueError):
    """A key or a change of keys refused; str() is the sentence to show the user.

    A ValueError, not a KeyError: str(KeyError("…")) wraps the sentence in quotes."""


class BadKey(KeymapError):
    """Text that is not one key combination."""


class ReservedKey(KeymapError):
    """A key that must keep its meaning everywhere (Esc, Tab, typing, copy and paste)."""


class KeyConflict(KeymapError):
    """The key is another command's already."""

    def __init__(self, key: str, command: str, label: str) -> None:
        super().__init__(
            translate("Keymap", "{key} is already {command}; unbind or rebind that first.").format(
                key=key_name(key), command=label
            )
        )
        self.key = key
        self.command = command  # the command that has the key
        self.label = label


class UnknownCommand(KeymapError):
    pass


def _bad(text: str, why: str) -> BadKey:
    return BadKey(
        translate("Keymap", "{text} is not a key combination: {why}.").format(
            text=key_name(text.strip()), why=why
        )
    )


def _split(text: str) -> tuple[list[str], str]:
    """Modifier tokens and the key token. "+" is a key too: "Ctrl++" is Ctrl and "+"."""
    body = text.strip()
    if body == "+":
        return [], "+"
    if body.endswith("++"):
        return body[:-2].split("+"), "+"
    *modifiers, key = body.split("+")
    return modifiers, key


def normalize_key(text: str) -> str:
    """One key combination as Qt's portable text: "shift+ctrl+return" → "Ctrl+Shift+Return".

    Raises BadKey, saying why, for anything else: an empty text, an unknown name, a modifier
    alone or twice, or a sequence of several combinations ("Ctrl+K, Ctrl+S": one chord keeps
    conflicts simple, and no default key is a sequence)."""
    if not text.strip():
        raise BadKey(translate("Keymap", "No key combination was given."))
    if re.search(r"(?<!\+),\s*\S", text.strip()[1:]):
        raise _bad(text, translate("Keymap", "give one combination, not a sequence of them"))
    modifier_tokens, key_token = _split(text)
    modifiers: set[str] = set()
    for token in modifier_tokens:
        name = _MODIFIER_NAMES.get(token.strip().lower())
        if name is None:
            if not token.strip():
                raise _bad(text, translate("Keymap", "a '+' has nothing on one side"))
            raise _bad(
                text,
                translate("Keymap", "{token} is not a modifier (Ctrl, Alt, Shift or Meta)").format(
                    token=key_name(token.strip())
                ),
            )
        if name in modifiers:
            raise _bad(text, translate("Keymap", "{key} is given twice").format(key=key_name(name)))
        modifiers.add(name)
    key = _key_name(text, key_token if key_token == "+" else key_token.strip())
    return "+".join([*(m for m in _MODIFIERS if m in modifiers), key])


def _key_name(text: str, token: str) -> str:
    if not token:
        raise _bad(text, translate("Keymap", "a modifier needs a key with it"))
    if token.lower() in _MODIFIER_NAMES:
        raise _bad(
            text,
            translate("Keymap", "{key} is a modifier and needs a key with it").format(
                key=key_name(_MODIFIER_NAMES[token.lower()])
            ),
        )
    if len(token) == 1:
        if token.isascii() and token.isalnum():
            return token.upper()
        if token in _PUNCTUATION:
            return token
        raise _bad(
            text,
            translate(
                "Keymap", "{key} is not on every keyboard; use a Latin letter, a digit or a sign"
            ).format(key=key_name(token)),
        )
    name = _KEY_NAMES.get(token.lower().replace(" ", ""))
    if name is None:
        raise _bad(
            text,
            translate(
                "Keymap",
                "{key} is not a key name (use A-Z, 0-9, F1-F35, a sign, or a named key such as "
                "Up, PgDown, Home, Del, Space or Return)",
            ).format(key=key_name(token)),
        )
    return name


# -- what must stay -----------------------------------------------------------------------------

_FOCUS_KEYS = frozenset(
    {"Tab", "Backtab", "Shift+Tab", "Shift+Backtab", "Ctrl+Tab", "Ctrl+Shift+Tab", "Ctrl+Backtab"}
)
_EDITING_KEYS = frozenset(
    {"Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+Ins"}
)


def menu_mnemonics(menus: tuple[str, ...] = MENUS) -> dict[str, str]:
    """Alt+letter → the menu it opens. actions.install_actions names each menu "&" + name, and
    a shortcut on the same Alt+letter makes both ambiguous: Qt then runs neither."""
    return {f"Alt+{name[0].upper()}": name for name in reversed(menus)}


def reserved_reason(key: str) -> str | None:
    """Why the normalised `key` cannot be given to a command, or None if it can."""
    modifiers, name = _split(key)
    if key == "Esc":
        return translate("Keymap", "it closes popups and gives the keyboard back to where it was")
    if key in _FOCUS_KEYS:
        return translate("Keymap", "Tab, Shift+Tab and Ctrl+Tab move the keyboard focus")
    if not {"Ctrl", "Alt", "Meta"} & set(modifiers) and not _FUNCTION_KEY.fullmatch(name):
        return translate(
            "Keymap",
            "without Ctrl, Alt or Meta it types or moves the cursor in a text field; add one of "
            "them, or use F1-F35",
        )
    if key in _EDITING_KEYS:
        return translate(
            "Keymap", "it selects, copies, cuts, pastes, undoes or redoes in every text field"
        )
    menu = menu_mnemonics().get(key)
    if menu is not None:
        return translate("Keymap", "it opens the {menu} menu").format(
            menu=translate("Bindings", menu)
        )
    return None


def _check_allowed(key: str) -> None:
    why = reserved_reason(key)
    if why is not None:
        raise ReservedKey(
            translate("Keymap", "{key} is reserved: {why}.").format(key=key_name(key), why=why)
        )


# -- the keymap ---------------------------------------------------------------------------------


def plain_label(entry: Binding) -> str:
    """A menu label as a sentence says it, in the interface's language: "&Schedule…" →
    "Schedule"."""
    return (
        translate("Bindings", entry.label)
        .replace("&&", "\0")
        .replace("&", "")
        .replace("\0", "&")
        .rstrip("…")
    )


class Keymap:
    """The effective key of every command: the user's override if there is one, else the default.

    A default is shadowed (that command has no key) when an override took the key for another
    command. Changes made here never shadow (the key must be free first); it happens when a newer
    version gives a command a default the user had put on another command, and `from_overrides`
    says so. Overrides of commands this version does not know are kept as they were and saved
    back, for the version that knows them."""

    __slots__ = ("_by_key", "_effective", "_foreign", "_overrides", "bindings")

    def __init__(self, bindings: tuple[Binding, ...] = BINDINGS) -> None:
        """Every command on its default key; `from_overrides` makes the user's keymap."""
        self._setup(bindings, {}, {})

    @classmethod
    def _build(
        cls, bindings: tuple[Binding, ...], overrides: dict[str, str], foreign: dict[str, str]
    ) -> Keymap:
        keymap = cls.__new__(cls)
        keymap._setup(bindings, overrides, foreign)
        return keymap

    def _setup(
        self, bindings: tuple[Binding, ...], overrides: dict[str, str], foreign: dict[str, str]
    ) -> None:
        self.bindings = bindings
        self._overrides = overrides
        self._foreign = foreign
        claimed = {key for key in overrides.values() if key}
        self._effective: dict[str, str] = {}
        self._by_key: dict[str, str] = {}
        for entry in bindings:
            if entry.command in overrides:
                key = overrides[entry.command]
            else:
                default = normalize_key(default_key(entry))
                key = "" if default in claimed else default
            if key and key in self._by_key:  # a table with a key twice: a programming error
                raise ValueError(f"{key} is bound twice: {self._by_key[key]}, {entry.command}")
            self._effective[entry.command] = key
            if key:
                self._by_key[key] = entry.command

    @classmethod
    def from_overrides(
        cls, raw: object, bindings: tuple[Binding, ...] = BINDINGS
    ) -> tuple[Keymap, list[str]]:
        """A keymap from saved overrides, whatever they hold, and sentences on what was wrong.

        Never raises on bad data: an override that is not text, does not parse, is reserved or
        takes a key an earlier command of the table already took is dropped (that command keeps
        its default)."""
        warnings: list[str] = []
        if not isinstance(raw, Mapping):
            warnings.append(
                translate(
                    "Keymap", "The saved keys are not a table of commands; using the default keys."
                )
            )
            return cls(bindings), warnings
        known = {entry.command: entry for entry in bindings}
        foreign = {str(c): k for c, k in raw.items() if c not in known and isinstance(k, str)}
        overrides: dict[str, str] = {}
        taken: dict[str, str] = {}  # key → the command whose override has it
        for entry in bindings:
            if entry.command not in raw:
                continue
            value, name = raw[entry.command], plain_label(entry)
            if not isinstance(value, str):
                warnings.append(
                    translate(
                        "Keymap", "The saved key of {command} is not text; it keeps its default."
                    ).format(command=name)
                )
                continue
            try:
                key = normalize_key(value) if value else ""
                if key:
                    _check_allowed(key)
            except KeymapError as exc:
                warnings.append(
                    translate("Keymap", "The saved key of {command} is ignored. {why}").format(
                        command=name, why=exc
                    )
                )
                continue
            if key in taken:
                other = plain_label(known[taken[key]])
                warnings.append(
                    translate(
                        "Keymap", "The saved key of {command} is ignored: {key} is already {other}."
                    ).format(command=name, key=key_name(key), other=other)
                )
                continue
            overrides[entry.command] = key
            if key:
                taken[key] = entry.command
        keymap = cls._build(bindings, overrides, foreign)
        for entry in bindings:
            if entry.command not in overrides and not keymap.key(entry.command):
                default = normalize_key(default_key(entry))
                warnings.append(
                    translate(
                        "Keymap",
                        "{command} has no key: its default {key} is {other} by your choice. Give "
                        "it another key.",
                    ).format(
                        command=plain_label(entry),
                        key=key_name(default),
                        other=plain_label(known[taken[default]]),
                    )
                )
        return keymap, warnings

    # -- reading ------------------------------------------------------------------------------

    def binding(self, command: str) -> Binding:
        for entry in self.bindings:
            if entry.command == command:
                return entry
        raise UnknownCommand(
            translate("Keymap", "There is no command {command}.").format(command=repr(command))
        )

    def label(self, command: str) -> str:
        return plain_label(self.binding(command))

    def key(self, command: str) -> str:
        """The command's key as portable text, or "" when it has none."""
        self.binding(command)
        return self._effective[command]

    def default(self, command: str) -> str:
        return normalize_key(default_key(self.binding(command)))

    def is_default(self, command: str) -> bool:
        return self.key(command) == self.default(command)

    def command_for(self, key: str) -> str | None:
        """The command that has `key` (any spelling), or None."""
        return self._by_key.get(normalize_key(key))

    def keys(self) -> dict[str, str]:
        """Command → key ("" for none), in the table's order."""
        return dict(self._effective)

    def effective_bindings(self) -> tuple[Binding, ...]:
        """The table with each command's key as the user has it ("" for none): what the cheat
        sheet and actions.bound_sequences take."""
        return tuple(replace(entry, key=self._effective[entry.command]) for entry in self.bindings)

    def overrides(self) -> dict[str, str]:
        """What to save: the user's choices, and those of other versions as they were."""
        return {**self._foreign, **self._overrides}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Keymap):
            return NotImplemented
        return (self.bindings, self.overrides()) == (other.bindings, other.overrides())

    def __hash__(self) -> int:
        return hash((self.bindings, tuple(sorted(self.overrides().items()))))

    def __repr__(self) -> str:
        return f"Keymap(overrides={self.overrides()!r})"

    # -- changing: a new Keymap, or an exception and nothing changed -------------------------

    def rebind(self, command: str, key: str) -> Keymap:
        """`command` on `key` ("" unbinds). Raises BadKey, ReservedKey, or KeyConflict naming
        the command that has the key."""
        entry = self.binding(command)
        if not key.strip():
            return self.unbind(command)
        wanted = normalize_key(key)
        if wanted == self._effective[command]:
            return self
        _check_allowed(wanted)
        self._refuse_taken(wanted, command)
        return self._with(entry, wanted)

    def unbind(self, command: str) -> Keymap:
        return self._with(self.binding(command), "")

    def reset(self, command: str) -> Keymap:
        """Back to the default key; KeyConflict if another command has that key now."""
        entry = self.binding(command)
        self._refuse_taken(normalize_key(default_key(entry)), command)
        return self._with(entry, normalize_key(default_key(entry)))

    def reset_all(self) -> Keymap:
        """Every command on its default. Other versions' overrides stay: this version cannot
        show them, so it does not drop them either."""
        return Keymap._build(self.bindings, {}, dict(self._foreign))

    def _refuse_taken(self, key: str, command: str) -> None:
        owner = self._by_key.get(key)
        if owner is not None and owner != command:
            raise KeyConflict(key, owner, self.label(owner))

    def _with(self, entry: Binding, key: str) -> Keymap:
        overrides = dict(self._overrides)
        if key == normalize_key(default_key(entry)):
            overrides.pop(entry.command, None)  # on its default: follows the table from now on
        else:
            overrides[entry.command] = key
        return Keymap._build(self.bindings, overrides, dict(self._foreign))


# -- saving in the workspace --------------------------------------------------------------------


class SettingReader(Protocol):
    """What reading the keys needs: the workspace's settings (the app's `desk.settings`, or a
    store's settings part)."""

    def setting(self, key: str) -> str | None: ...


class SettingStore(SettingReader, Protocol):
    """A store's settings part, written directly (tests, tools without a Desk)."""

    def set_setting(self, key: str, value: str | None, now: str, actor: str = "") -> None: ...


def load_overrides(store: SettingReader) -> tuple[dict[str, object], list[str]]:
    """The saved overrides as saved (Keymap.from_overrides sorts out what is usable), and a
    warning if there are none to read. A damaged value gives no overrides and a warning, never
    an exception: a bad setting must not keep the app from starting."""
    text = store.setting(SETTING)
    if text is None:
        return {}, []
    try:
        raw = json.loads(text)
    except ValueError:
        raw = None
    if not isinstance(raw, dict):
        log.warning("setting %s is not a JSON object: %.80r", SETTING, text)
        return {}, [
            translate("Keymap", "The saved keys could not be read; using the default keys.")
        ]
    return raw, []


def load_keymap(
    store: SettingReader, bindings: tuple[Binding, ...] = BINDINGS
) -> tuple[Keymap, list[str]]:
    """The user's keymap from the workspace, and sentences about anything ignored in it."""
    raw, warnings = load_overrides(store)
    keymap, more = Keymap.from_overrides(raw, bindings)
    for warning in more:
        log.warning("%s", warning)
    return keymap, warnings + more


def save_overrides(
    store: SettingStore, overrides: Mapping[str, str], now: str, actor: str = ""
) -> None:
    """Save `Keymap.overrides()` (see overrides_text)."""
    store.set_setting(SETTING, overrides_text(overrides), now, actor)


def overrides_text(overrides: Mapping[str, str]) -> str | None:
    """The setting's value for `Keymap.overrides()`; None at all removes the setting (every key
    on its default)."""
    return json.dumps(dict(sorted(overrides.items())), ensure_ascii=False) if overrides else None
