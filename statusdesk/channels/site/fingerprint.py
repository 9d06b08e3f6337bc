"""Fingerprints of what a page is rendered from, so an incremental build renders only the pages
whose inputs changed (issue #14, build.py).

A page's fingerprint is a hash of a canonical serialization of **the very context object passed
to its template**, plus the template sources, the renderer's own code and statusdesk's version.
Nothing tracks "which update was just published": whatever changes a page's context — an edit,
a renamed component, a settings change, a new key someone adds to the context — changes its
fingerprint, and the page is rendered again. Two rules keep it correct:

- a template may use only what its context holds (the environment is StrictUndefined, and the
  filters are pure functions of their arguments, the language and the digits setting);
- a page that shows anything depending on the time of the build carries `now` in its context:
  such a page is rendered at every build (see `depends_on_now`).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import importlib.util
import json
import marshal
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

# The key a context carries when the page shows the build's time (the index, the feeds).
NOW = "now"


def depends_on_now(context: Mapping[str, Any]) -> bool:
    return NOW in context


class Canonical:
    """Turns a template context into canonical JSON text, the same for equal inputs in any
    process.

    Dataclasses (the model's Incident, Update, Component, BilingualText...) become their class
    name and fields; enums their value; mappings items sorted by key; sequences lists; times ISO
    text. Anything else is refused with a TypeError naming it, rather than fingerprinted wrongly
    (an object's default repr would differ at every run; a callable's behaviour is not its
    name). Objects are serialized once per build (memoized by identity: the same Update appears
    on its incident's page, its block on the index and its feed entry, in both languages), so a
    context must not be changed in place once a page was rendered from it."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, str]] = {}

    def seed(self, known: Iterable[tuple[object, str]]) -> None:
        """Take `text` as what each object serializes to (snapshot.row_texts: an update as the
        text of its database row), as a JSON string of its own so it can never read as a
        structure."""
        for value, text in known:
            self._memo[id(value)] = (value, _string("row:" + text))

    def __call__(self, value: Any) -> str:
        kind = type(value)
        if kind is str:
            return _string(value)
        if kind is int:
            return str(value)
        if value is None:
            return "null"
        known = self._memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        fields = _fields(kind)
        if fields is not None:
            text = self._dataclass(kind, fields(value))
        elif isinstance(value, str):  # also Markup (its text is what the page shows), StrEnum
            return _string(value)
        elif isinstance(value, bool | int | float):
            return json.dumps(value, allow_nan=False)
        elif isinstance(value, enum.Enum):
            return self(value.value)
        elif isinstance(value, datetime | date | time):
            return _string(value.isoformat())
        elif isinstance(value, Mapping):
            try:
                keys = sorted(value)
            except TypeError:
                keys = sorted(value, key=str)
            parts = []
            for key in keys:
                item = value[key]
                shown = _string(item) if type(item) is str else self(item)
                parts.append(f"{_string(str(key))}:{shown}")
            text = "{" + ",".join(parts) + "}"
        elif isinstance(value, list | tuple | Sequence):
            text = "[" + ",".join(self(v) for v in value) + "]"
        elif isinstance(value, set | frozenset):
            text = "[" + ",".join(sorted(self(v) for v in value)) + "]"
        else:
            raise TypeError(
                f"a site page's context holds a {type(value).__name__}, which cannot be "
                "fingerprinted: give templates plain data (dataclasses, enums, text, numbers, "
                "lists, dicts)"
            )
        if len(text) > _LONG:
            # A long part stands in its parents as its hash (a hash tree): each object is
            # serialized and hashed once per build, whatever the number of pages showing it.
            text = _string("#" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
        self._memo[id(value)] = (value, text)  # the value is kept, so its id stays unique
        return text

    def _dataclass(self, kind: type, values: tuple[Any, ...]) -> str:
        parts = [_string(kind.__name__)]
        for field in values:  # the common leaves inline: this runs for every update shown
            shape = type(field)
            if shape is str:
                parts.append(_string(field))
            elif field is None:
                parts.append("null")
            elif shape is int:
                parts.append(str(field))
            else:
                nested = _FIELDS.get(shape)  # a dataclass inside (BilingualText), not shared
                if nested is not None:
                    parts.append(self._dataclass(shape, nested(field)))
                elif isinstance(field, str):  # StrEnum: its value
                    parts.append(_string(field))
                else:
                    parts.append(self(field))
        return "[" + ",".join(parts) + "]"


_string = json.encoder.encode_basestring
_LONG = 256


_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}


def _fields(kind: type) -> Callable[[Any], tuple[Any, ...]] | None:
    """For a dataclass, what reads all its fields at once (in order); None for anything else."""
    try:
        return _FIELDS[kind]
    except KeyError:
        pass
    getter: Callable[[Any], tuple[Any, ...]] | None = None
    if dataclasses.is_dataclass(kind):
        names = [f.name for f in dataclasses.fields(kind)]
        if len(names) > 1:
            getter = operator.attrgetter(*names)
        else:
            getter = lambda value: tuple(getattr(value, name) for name in names)  # noqa: E731
    _FIELDS[kind] = getter
    return getter


# What turns a context into text, besides the templates (the filters and what they call).
_RENDERING_CODE = (
    "channels/site/render.py",
    "channels/site/words.py",
    "channels/site/fingerprint.py",
    "channels/site/snapshot.py",  # how a row becomes what the page shows (row_texts)
    "store/rows.py",
    "core/text/bidi.py",
    "core/text/sanitize.py",
    "core/timefmt.py",
)


@cache
def code_hash() -> str:
    """The template sources, the renderer's code and the libraries it formats with: a changed
    template, filter or locale data renders every page again (statusdesk's version covers an
    installed upgrade; the sources, a change in a checkout)."""
    import babel
    import jinja2

    from statusdesk.version import version

    # The modules' own versions, not their installed metadata: a bundle (PyInstaller) ships no
    # dist-info for them, and a publish failed there on looking it up.
    libraries = [version(), babel.__version__, jinja2.__version__]
    digest = hashlib.sha256(json.dumps(libraries).encode())
    site = resources.files("statusdesk.resources").joinpath("site")
    for entry in sorted(site.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".j2"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    for name in _RENDERING_CODE:
        digest.update(name.encode() + b"\0" + _code_of(name) + b"\0")
    return digest.hexdigest()


def _code_of(name: str) -> bytes:
    """A rendering module's source; in a bundle (PyInstaller keeps no .py files) its compiled
    code, and failing that nothing: an installed bundle's code changes only with its version,
    which is hashed already."""
    package = Path(__file__).parent.parent.parent  # statusdesk/
    try:
        return (package / name).read_bytes()
    except OSError:
        pass
    module = "statusdesk." + name.removesuffix(".py").replace("/", ".")
    try:
        spec = importlib.util.find_spec(module)
        code = spec.loader.get_code(module) if spec and spec.loader else None  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        code = None
    return marshal.dumps(code) if code is not None else b""


@cache
def _head(template: str, key: tuple[str, ...]) -> str:
    return json.dumps([code_hash(), template, list(key)], ensure_ascii=False)


class Layered(dict[str, Any]):
    """A page's context made of layers that other pages share (the site's part for a folder
    depth, one incident's part for its page, its block and its feed entry): the template gets
    the merged dict; the fingerprint serializes each shared layer once per build (memoized by
    identity) and then only what the page has of its own — every key set after the layers
    (`other_href`, a feed entry's id), which the dict keeps track of. 360 incidents' pages,
    blocks and entries in two languages were 2,000 contexts of some 25 keys each, serialized
    key by key."""

    def __init__(self, *layers: Mapping[str, Any]) -> None:
        super().__init__()
        for layer in layers:
            super().update(layer)
        self.layers = layers
        self.own: dict[str, Any] = {}

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.own[key] = value

    def update(self, *args: Any, **kwargs: Any) -> None:
        given = dict(*args, **kwargs)
        super().update(given)
        self.own.update(given)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def __ior__(self, other: Any) -> Layered:  # type: ignore[override,misc]
        self.update(other)
        return self

    def _shrinks(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a layered context only grows: a removed key would hide from its hash")

    __delitem__ = pop = popitem = clear = _shrinks


def _serialized(canonical: Canonical, context: Any) -> str:
    if not isinstance(context, Layered):
        return canonical(context)
    layers = [canonical(layer) for layer in context.layers]
    return "[" + ",".join([*layers, canonical(context.own)]) + "]"


def fingerprint(canonical: Canonical, template: str, key: tuple[str, ...], context: Any) -> str:
    """The hash of everything a rendering of `template` with `context` depends on; `key` is
    what the environment is chosen by (the language, the digits setting and the zone)."""
    text = f"{_head(template, key)}\0{_serialized(canonical, context)}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
