"""Build the static site into a fresh folder, then swap it in atomically.

`<home>/site` is a symlink to `<home>/.site-versions/<stamp>`; a new build is written beside it
and the link replaced with one rename(2), so a reader (a web server, a browser) sees either the
old site or the new one, never half of either.

Builds are incremental (issue #14): each page's fingerprint — a hash of the context its
template is given (fingerprint.py) — is kept beside its version in `<stamp>.build.json`, with
the index's per-incident blocks; the next build hard-links every page whose fingerprint did
not change from the version shown now and renders only the others. Pages that show the time of
the build (the index pages, the feeds, api/v2) are rendered every time. Without a readable
record, or with `full=True` (`statusdesk site build --full`), everything is rendered; both ways
give the same bytes.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from statusdesk import private
from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site import jsonapi
from statusdesk.channels.site.fingerprint import Canonical, depends_on_now, fingerprint
from statusdesk.channels.site.render import (
    entry_context,
    incident_context,
    index_context,
    render,
    render_atom,
)
from statusdesk.channels.site.snapshot import Snapshot, load_snapshot
from statusdesk.private import publish_mode
from statusdesk.store import Store

VERSIONS = ".site-versions"
KEEP = 2  # the new build and the one a reader may still be in
RECORD_FORMAT = 1  # of `<version>.build.json`; another number means a full build


def _make_parent(path: Path) -> None:
    created = []
    folder = path.parent
    while not folder.is_dir():
        created.append(folder)
        folder = folder.parent
    if not created:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    for folder in created:
        publish_mode(folder)  # the page is public: 0755/0644 whatever the umask (private.py)


def _write(path: Path, text: str | bytes) -> None:
    _make_parent(path)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    publish_mode(path)


class Writer:
    """Writes one version folder: a page whose fingerprint (fingerprint.py) is the one the
    current version recorded for it is hard-linked from there (copied where links fail), any
    other page is rendered. `previous` is None for a full build."""

    def __init__(self, out: Path, previous: Previous | None) -> None:
        self.out = out
        self.previous = previous
        self.canonical = Canonical()
        self.pages: dict[str, str] = {}  # path in the site -> fingerprint
        self.fragments: dict[str, str] = {}  # fingerprint -> rendered HTML
        self.rendered: list[str] = []  # what this build rendered (pages and fragments)

    def page(self, path: str, template: str, key: tuple[str, str], ctx: dict[str, Any]) -> None:
        if depends_on_now(ctx):
            self.rendered.append(path)
            _write(self.out / path, render(template, *key, ctx))
            return
        mark = fingerprint(self.canonical, template, key, ctx)
        self.pages[path] = mark
        previous = self.previous
        if previous and previous.pages.get(path) == mark and previous.reuse(path, self.out / path):
            return
        self.rendered.append(path)
        _write(self.out / path, render(template, *key, ctx))

    def fragment(self, template: str, key: tuple[str, str], ctx: dict[str, Any]) -> Markup:
        """A piece of a page (an incident's block on the index), kept with the version."""
        mark = fingerprint(self.canonical, template, key, ctx)
        known = self.previous.fragments.get(mark) if self.previous is not None else None
        if known is None:
            self.rendered.append(f"{template}#{mark[:12]}")
            known = render(template, *key, ctx)
        self.fragments[mark] = known
        return Markup(known)

    def save(self, record: Path) -> None:
        data = {"format": RECORD_FORMAT, "pages": self.pages, "fragments": self.fragments}
        record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        private.tighten(record, private.FILE_MODE)


@dataclass(frozen=True)
class Previous:
    """The version the site shows now, with the fingerprints it was built from."""

    folder: Path
    pages: dict[str, str]
    fragments: dict[str, str]

    @classmethod
    def load(cls, site_dir: Path) -> Previous | None:
        """None (build everything) when there is no version or its record is missing, from
        another format, or unreadable."""
        try:
            if not site_dir.is_symlink():
                return None
            folder = site_dir.resolve(strict=True)
            data = json.loads(_record(folder).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
                return None
            pages, fragments = data["pages"], data["fragments"]
            if not isinstance(pages, dict) or not isinstance(fragments, dict):
                return None
        except (OSError, ValueError, KeyError):
            return None
        return cls(folder, pages, fragments)

    def reuse(self, path: str, target: Path) -> bool:
        source = self.folder / path
        if not source.is_file():
            return False
        _make_parent(target)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        return True


def _record(version: Path) -> Path:
    """Where a version's fingerprints are kept: beside it, outside the public folder."""
    return version.with_name(version.name + ".build.json")


def write_site(snap: Snapshot, out: Path, previous: Previous | None = None) -> Writer:
    """Write the site into `out`; with `previous`, reuse what did not change from it."""
    writer = Writer(out, previous)
    favicon = resources.files("statusdesk.resources").joinpath("site/favicon.svg").read_bytes()
    _write(out / "favicon.ico", favicon)
    for lang in ("en", "ar"):
        key = (lang, snap.settings.digits)
        prefix = "" if lang == "en" else "ar/"
        depth = 0 if lang == "en" else 1
        blocks = {
            incident.id: writer.fragment(
                "incident_block.html.j2", key, incident_context(snap, incident, lang, depth)
            )
            for incident in snap.incidents
        }
        index = index_context(snap, lang, depth, blocks)
        index["other_href"] = "ar/index.html" if lang == "en" else "../index.html"
        writer.page(f"{prefix}index.html", "index.html.j2", key, index)
        for incident in snap.incidents:
            ctx = incident_context(snap, incident, lang, depth + 1)
            ctx["other_href"] = (
                f"../ar/incidents/{incident.id}.html"
                if lang == "en"
                else f"../../incidents/{incident.id}.html"
            )
            writer.page(f"{prefix}incidents/{incident.id}.html", "incident.html.j2", key, ctx)
        entries = {
            incident.id: writer.fragment(
                "history_entry.atom.j2", key, entry_context(snap, incident, lang)
            )
            for incident in snap.incidents
        }
        base = out / prefix
        _write(base / "history.atom", render_atom(snap, lang, entries))
        for name, document in jsonapi.documents(snap, lang).items():
            _write(base / "api" / "v2" / name, json.dumps(document, ensure_ascii=False))
    return writer


def _swap(link: Path, target: Path) -> None:
    if link.exists() and not link.is_symlink():
        # A real folder from elsewhere: keep it, renamed, rather than delete someone's files.
        link.rename(link.with_name(f"{link.name}.old-{int(time.time())}"))
    temp = link.with_name(f".{link.name}.new-link")
    if temp.is_symlink() or temp.exists():
        temp.unlink()
    temp.symlink_to(os.path.relpath(target, link.parent))
    os.replace(temp, link)


def _prune(versions: Path, current: Path) -> None:
    builds = sorted((p for p in versions.iterdir() if p.is_dir()), key=lambda p: p.name)
    for old in builds[:-KEEP]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
    kept = {p.name for p in versions.iterdir() if p.is_dir()}
    for record in versions.glob("*.build.json"):
        if record.name.removesuffix(".build.json") not in kept:
            record.unlink(missing_ok=True)


def build_site(store: Store, site_dir: Path, now: datetime, *, full: bool = False) -> Path:
    """Build the site from the workspace; returns the site folder (the symlink).

    Incremental unless `full`: pages whose context did not change since the version shown now
    are linked from it instead of rendered (Writer); the output is the same bytes either way
    (tests/unit/test_site_incremental.py)."""
    snap = load_snapshot(store, now)
    previous = None if full else Previous.load(site_dir)
    versions = site_dir.parent / VERSIONS
    out = versions / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{time.monotonic_ns()}"
    try:
        out.mkdir(parents=True)
        publish_mode(versions)
        publish_mode(out)
        writer = write_site(snap, out, previous)
        writer.save(_record(out))  # before the swap: a shown version always has its record
        _swap(site_dir, out)
    except OSError as exc:
        shutil.rmtree(out, ignore_errors=True)
        cause = exc.strerror or str(exc)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Transient(
                f"Status page: the disk is full ({cause}); free some space — the previous page "
                "stays online and the build is retried."
            ) from exc
        raise Permanent(
            f"Status page: could not write {site_dir.parent} ({cause}). Fix the folder's "
            "permissions or choose another workspace; the previous page is still online."
        ) from exc
    _prune(versions, out)
    return site_dir
