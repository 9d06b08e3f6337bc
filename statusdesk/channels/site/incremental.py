"""What makes a build of the status page incremental (issue #14): a Writer that renders a page
only when its fingerprint (fingerprint.py) differs from the one the shown version recorded, and
hard-links it from there otherwise; and that record, `<stamp>.build` beside each version folder
(outside the public folder).

The record is one line of JSON — {"format", "pages": {path: fingerprint}, "fragments":
{fingerprint: [offset, length]}} — then the fragments' UTF-8 text end to end (an incident's block
on the index, its entry in a feed), so reading it parses only the small header, and a fragment
is decoded only when it is used. Anything unexpected in it means a full build.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from statusdesk import private
from statusdesk.channels.site.fingerprint import Canonical, depends_on_now, fingerprint
from statusdesk.channels.site.render import pieces, render
from statusdesk.private import publish_mode

RECORD_FORMAT = 2  # another number in a record means a full build
RECORD_SUFFIX = ".build"


def record_of(version: Path) -> Path:
    """Where a version's fingerprints are kept: beside it, outside the public folder."""
    return version.with_name(version.name + RECORD_SUFFIX)


class Folders:
    """Creates the folders of a version as files go in, public (0755) whatever the umask; knows
    which exist, so a build of a thousand pages does not ask the file system a thousand times."""

    def __init__(self) -> None:
        self._known: set[Path] = set()

    def parent_of(self, path: Path) -> None:
        folder = path.parent
        if folder in self._known:
            return
        created = []
        while not folder.is_dir():
            created.append(folder)
            folder = folder.parent
        path.parent.mkdir(parents=True, exist_ok=True)
        for made in created:
            publish_mode(made)  # the page is public: 0755/0644 whatever the umask (private.py)
        self._known.add(path.parent)


def write_file(path: Path, text: str | bytes, folders: Folders | None = None) -> None:
    (folders or Folders()).parent_of(path)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    publish_mode(path)


class Writer:
    """Writes one version folder: a page whose fingerprint is the one the shown version recorded
    for it is hard-linked from there (copied where links fail), any other page is rendered.
    `previous` is None for a full build. `rendered` lists what was rendered (for tests)."""

    def __init__(self, out: Path, previous: Previous | None) -> None:
        self.out = out
        self.previous = previous
        self.folders = Folders()
        self.canonical = Canonical()
        self.pages: dict[str, str] = {}  # path in the site -> fingerprint
        self.fragments: dict[str, bytes | memoryview] = {}  # fingerprint -> UTF-8 text
        self.rendered: list[str] = []

    def write(self, path: str, text: str | bytes) -> None:
        write_file(self.out / path, text, self.folders)

    def page(
        self,
        path: str,
        template: str,
        key: tuple[str, str, str],
        ctx: dict[str, Any],
        clean: Callable[[str], str] | None = None,
    ) -> None:
        """Render `template` with `ctx` into `path` (its text through `clean`, if given), unless
        the shown version has it already."""
        target = self.out / path
        self.folders.parent_of(target)
        if not depends_on_now(ctx):
            mark = fingerprint(self.canonical, template, key, ctx)
            self.pages[path] = mark
            previous = self.previous
            if previous and previous.pages.get(path) == mark and previous.link(path, target):
                return
        self.rendered.append(path)
        with open(target, "w", encoding="utf-8") as out:
            for piece in pieces(template, *key, ctx):
                out.write(clean(piece) if clean else piece)
        publish_mode(target)

    def fragment(self, template: str, key: tuple[str, str, str], ctx: dict[str, Any]) -> Markup:
        """A piece of a page (an incident's block on the index, its entry in a feed), rendered
        unless the shown version's record has it; kept in this version's record."""
        mark = fingerprint(self.canonical, template, key, ctx)
        data = self.previous.fragment(mark) if self.previous is not None else None
        if data is not None:
            try:
                known = Markup(data, "utf-8", "surrogatepass")  # decoded straight into it
            except UnicodeDecodeError:
                pass  # a damaged record: render it
            else:
                self.fragments[mark] = data
                return known
        self.rendered.append(f"{template}#{mark[:12]}")
        text = render(template, *key, ctx)
        self.fragments[mark] = text.encode("utf-8", "surrogatepass")
        return Markup(text)

    def save(self) -> None:
        spans: dict[str, list[int]] = {}
        start = 0
        for mark, data in self.fragments.items():
            spans[mark] = [start, len(data)]
            start += len(data)
        header = {"format": RECORD_FORMAT, "pages": self.pages, "fragments": spans}
        with open(record_of(self.out), "wb", opener=private.opener) as out:
            out.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
            out.writelines(self.fragments.values())


@dataclass(frozen=True)
class Previous:
    """The version the site shows now, with the fingerprints it was built from."""

    folder: Path
    pages: dict[str, str]
    spans: dict[str, list[int]]
    blob: memoryview

    @classmethod
    def load(cls, site_dir: Path) -> Previous | None:
        """None (build everything) when there is no version, or its record is missing, from
        another format, or unreadable."""
        try:
            if not site_dir.is_symlink():
                return None
            folder = site_dir.resolve(strict=True)
            data = record_of(folder).read_bytes()
            end = data.index(b"\n")
            header = json.loads(data[:end])
            if not isinstance(header, dict) or header.get("format") != RECORD_FORMAT:
                return None
            pages, spans = header["pages"], header["fragments"]
            if not isinstance(pages, dict) or not isinstance(spans, dict):
                return None
        except (OSError, ValueError, KeyError):
            return None
        return cls(folder, pages, spans, memoryview(data)[end + 1 :])

    def fragment(self, mark: str) -> memoryview | None:
        """The fragment's UTF-8 text, as the record holds it (None: render it)."""
        span = self.spans.get(mark)
        try:
            start, length = span  # type: ignore[misc]
            if not 0 <= start <= start + length <= len(self.blob):
                return None
            return self.blob[start : start + length]
        except (TypeError, ValueError):
            return None  # no such fragment, or a damaged record: render it

    def link(self, path: str, target: Path) -> bool:
        """Put the shown version's `path` at `target` (a hard link: no copy, no rendering)."""
        source = self.folder / path
        try:
            os.link(source, target)
        except FileNotFoundError:
            return False
        except OSError:
            if not source.is_file():
                return False
            shutil.copy2(source, target)
        return True
