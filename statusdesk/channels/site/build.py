"""Build the static site into a fresh folder, then swap it in atomically.

`<home>/site` is a symlink to `<home>/.site-versions/<stamp>`; a new build is written beside it
and the link replaced with one rename(2), so a reader (a web server, a browser) sees either the
old site or the new one, never half of either.

Builds are incremental (issue #14): each page's fingerprint — a hash of the context its
template is given (fingerprint.py) — is kept beside its version in `<stamp>.build`, with the
index's per-incident blocks and the feeds' entries (incremental.py); the next build hard-links
every page whose fingerprint did not change from the version shown now and renders only the
others. Pages that show the time of the build (the index pages, the feeds, api/v2) are
rendered every time: they hold only what is open and recent (the index the past 15 days, the
feeds the 50 latest incidents), while the history page, one line per incident of the 90 days,
does not show the build's time and is reused while no incident changes. Without a readable
record, or with `full=True` (`statusdesk site build --full`), everything is rendered; both ways
give the same bytes.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site import jsonapi, said
from statusdesk.channels.site.incremental import RECORD_SUFFIX, Previous, Writer
from statusdesk.channels.site.render import (
    atom_context,
    entry_context,
    feed_context,
    history_context,
    history_line_context,
    incident_context,
    incident_part,
    index_context,
    index_incidents,
    site_context,
)
from statusdesk.channels.site.snapshot import Snapshot, load_snapshot
from statusdesk.core.text.sanitize import scrub
from statusdesk.private import publish_mode
from statusdesk.store import Store

VERSIONS = ".site-versions"
KEEP = 2  # the new build and the one a reader may still be in


def write_site(snap: Snapshot, out: Path, previous: Previous | None = None) -> Writer:
    """Write the site into `out`; with `previous`, reuse what did not change from it."""
    writer = Writer(out, previous)
    writer.canonical.seed(snap.row_texts())
    favicon = resources.files("statusdesk.resources").joinpath("site/favicon.svg").read_bytes()
    writer.write("favicon.ico", favicon)
    for lang in ("en", "ar"):
        key = (lang, snap.settings.digits, snap.settings.zone)
        prefix = "" if lang == "en" else "ar/"
        depth = 0 if lang == "en" else 1
        # What the index, the incident pages and the feed share is made once: the same objects
        # in every page's context are fingerprinted once (fingerprint.Canonical).
        parts = {i.id: incident_part(snap, i, lang) for i in snap.incidents}
        on_index, own_page = site_context(snap, lang, depth), site_context(snap, lang, depth + 1)
        feed = feed_context(snap, lang)
        blocks = {
            incident.id: writer.fragment(
                "incident_block.html.j2",
                key,
                incident_context(
                    snap, incident, lang, depth, site=on_index, part=parts[incident.id]
                ),
            )
            for incident in index_incidents(snap)
        }
        index = index_context(snap, lang, depth, blocks)
        index["other_href"] = "ar/index.html" if lang == "en" else "../index.html"
        writer.page(f"{prefix}index.html", "index.html.j2", key, index)
        lines = {
            incident.id: writer.fragment(
                "history_line.html.j2",
                key,
                history_line_context(snap, incident, lang, on_index),
            )
            for incident in snap.incidents
        }
        history = history_context(snap, lang, depth, lines)
        history["other_href"] = "ar/history.html" if lang == "en" else "../history.html"
        writer.page(f"{prefix}history.html", "history.html.j2", key, history)
        for incident in snap.incidents:
            ctx = incident_context(
                snap, incident, lang, depth + 1, site=own_page, part=parts[incident.id]
            )
            ctx["other_href"] = (
                f"../ar/incidents/{incident.id}.html"
                if lang == "en"
                else f"../../incidents/{incident.id}.html"
            )
            writer.page(f"{prefix}incidents/{incident.id}.html", "incident.html.j2", key, ctx)
        entries = {
            incident.id: writer.fragment(
                "history_entry.atom.j2",
                key,
                entry_context(snap, incident, lang, feed=feed, part=parts[incident.id]),
            )
            for incident in snap.recent()
        }
        atom = atom_context(snap, lang, entries)
        writer.page(f"{prefix}history.atom", "history.atom.j2", key, atom, clean=scrub)
        for name, document in jsonapi.documents(snap, lang).items():
            writer.write(f"{prefix}api/v2/{name}", json.dumps(document, ensure_ascii=False))
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
    for record in versions.glob(f"*{RECORD_SUFFIX}"):
        if record.name.removesuffix(RECORD_SUFFIX) not in kept:
            record.unlink(missing_ok=True)


def build_site(store: Store, site_dir: Path, now: datetime, *, full: bool = False) -> Path:
    """Build the site from the workspace; returns the site folder (the symlink).

    Incremental unless `full`: pages whose context did not change since the version shown now
    are linked from it instead of rendered (Writer); the output is the same bytes either way
    (tests/unit/test_site_incremental.py)."""
    with _collector_paused():
        return _build(store, site_dir, now, full)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """A build makes some 150,000 objects for a long history and frees them at its end; the
    cyclic collector would walk them (and every module's) a hundred times meanwhile, a tenth of
    the build. Whatever cycles a build leaves are collected after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(store: Store, site_dir: Path, now: datetime, full: bool) -> Path:
    snap = load_snapshot(store, now)
    previous = None if full else Previous.load(site_dir)
    versions = site_dir.parent / VERSIONS
    out = versions / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{time.monotonic_ns()}"
    try:
        out.mkdir(parents=True)
        publish_mode(versions)
        publish_mode(out)
        writer = write_site(snap, out, previous)
        writer.save()  # before the swap: a shown version always has its record
        _swap(site_dir, out)
    except OSError as exc:
        shutil.rmtree(out, ignore_errors=True)
        cause = exc.strerror or str(exc)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Transient(said.DISK_FULL.format(cause=cause)) from exc
        raise Permanent(said.CANNOT_WRITE.format(folder=site_dir.parent, cause=cause)) from exc
    _prune(versions, out)
    return site_dir
