"""Build the whole static site into a fresh folder, then swap it in atomically.

`<home>/site` is a symlink to `<home>/.site-versions/<stamp>`; a new build is written beside it
and the link replaced with one rename(2), so a reader (a web server, a browser) sees either the
old site or the new one, never half of either.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from datetime import datetime
from importlib import resources
from pathlib import Path

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site import jsonapi
from statusdesk.channels.site.render import render_atom, render_page
from statusdesk.channels.site.snapshot import Snapshot, load_snapshot
from statusdesk.private import publish_mode
from statusdesk.store import Store

VERSIONS = ".site-versions"
KEEP = 2  # the new build and the one a reader may still be in


def _write(path: Path, text: str | bytes) -> None:
    created = []
    folder = path.parent
    while not folder.is_dir():
        created.append(folder)
        folder = folder.parent
    path.parent.mkdir(parents=True, exist_ok=True)
    for folder in created:
        publish_mode(folder)  # the page is public: 0755/0644 whatever the umask (private.py)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    publish_mode(path)


def write_site(snap: Snapshot, out: Path) -> None:
    favicon = resources.files("statusdesk.resources").joinpath("site/favicon.svg").read_bytes()
    _write(out / "favicon.ico", favicon)
    for lang in ("en", "ar"):
        base = out if lang == "en" else out / "ar"
        _write(
            base / "index.html",
            render_page(
                "index.html.j2",
                snap,
                lang,
                0 if lang == "en" else 1,
                other_href=("ar/index.html" if lang == "en" else "../index.html"),
            ),
        )
        for incident in snap.incidents:
            depth = 1 if lang == "en" else 2
            other = (
                f"../ar/incidents/{incident.id}.html"
                if lang == "en"
                else f"../../incidents/{incident.id}.html"
            )
            _write(
                base / "incidents" / f"{incident.id}.html",
                render_page(
                    "incident.html.j2", snap, lang, depth, incident=incident, other_href=other
                ),
            )
        _write(base / "history.atom", render_atom(snap, lang))
        for name, document in jsonapi.documents(snap, lang).items():
            _write(base / "api" / "v2" / name, json.dumps(document, ensure_ascii=False, indent=1))


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


def build_site(store: Store, site_dir: Path, now: datetime) -> Path:
    """Rebuild the site from the workspace; returns the site folder (the symlink)."""
    snap = load_snapshot(store, now)
    versions = site_dir.parent / VERSIONS
    out = versions / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{time.monotonic_ns()}"
    try:
        out.mkdir(parents=True)
        publish_mode(versions)
        publish_mode(out)
        write_site(snap, out)
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
