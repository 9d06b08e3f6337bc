"""Where a built status page goes besides the workspace's own folder: a publish target (git, sftp,
s3). The contract every target keeps (ARCHITECTURE §4):

- It receives the whole built site as `SiteFile`s and makes the target hold exactly that site,
  uploading only what changed since what the target already holds.
- A visitor never sees a half-published site: new and changed files go up first, the pages that
  other pages link to (the index pages) last, and files the site no longer has are removed only
  after every new file is in place and read back.
- Publishing again after any failure (a killed process included) is always safe and finishes
  the job: a target is idempotent, so the site channel's reconcile can answer "send again".
- Faults are the channel errors the delivery engine understands (channels/base.py): Transient
  (unreachable, timeout, a full disk or quota: the previous page stays online), Permanent (auth
  refused, a changed host key, no write access: a person must act), Ambiguous only where the
  target cannot tell and cannot make a resend harmless.

File targets (sftp, s3) share `publish_files`, which keeps a manifest of content hashes with the
target itself (`MANIFEST`), so a second desk or a mirror reads the same truth. The git target
needs none: its commits are its manifest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Protocol

MANIFEST = ".statusdesk-manifest.json"
MANIFEST_FORMAT = 1

# The pages that other pages link to go up last, so that no visitor follows a new link to a page
# that is not there yet.
LINKED_TO_LAST = ("index.html", "ar/index.html")

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".atom": "application/atom+xml",
    ".ico": "image/svg+xml",  # the favicon is an SVG (resources/site/favicon.svg)
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
# Pages, feeds and the JSON change with every update: readers and CDNs must not keep them long.
SHORT_CACHE = "public, max-age=60"
LONG_CACHE = "public, max-age=86400"


@dataclass(frozen=True)
class SiteFile:
    """One file of the built site: its path inside the site (POSIX, relative) and its bytes."""

    path: str
    data: bytes

    def __post_init__(self) -> None:
        pure = PurePosixPath(self.path)
        if pure.is_absolute() or ".." in pure.parts or not self.path or self.path != str(pure):
            raise ValueError(f"not a path inside the site: {self.path!r}")

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def content_type(self) -> str:
        return _TYPES.get(PurePosixPath(self.path).suffix, "application/octet-stream")

    @property
    def cache_control(self) -> str:
        suffix = PurePosixPath(self.path).suffix
        return SHORT_CACHE if suffix in (".html", ".json", ".atom") else LONG_CACHE


Manifest = dict[str, str]  # path -> sha256 hex of its bytes


def read_site(folder: Path) -> dict[str, SiteFile]:
    """Every file of a built site folder (`<home>/site`), by its path inside the site."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            files[relative] = SiteFile(relative, path.read_bytes())
    return files


def upload_order(paths: Sequence[str]) -> list[str]:
    """Leaves first (incident pages, feeds, JSON), in a stable order; the linked-to pages last."""
    last = [p for p in LINKED_TO_LAST if p in paths]
    return sorted(p for p in paths if p not in LINKED_TO_LAST) + last


@dataclass(frozen=True)
class PublishPlan:
    upload: list[SiteFile]  # new or changed, in upload order
    delete: list[str]  # on the target, no longer in the site
    manifest: Manifest  # what the target holds once the plan is carried out
    # What the target may be trusted to hold while the plan is under way: the previous manifest
    # with the paths about to change vouched for by no digest (""). Written before the first
    # upload, so after a publish killed midway the next one uploads those paths again if its
    # site has them, and removes them if it does not (a file put in place just before the kill
    # would otherwise stay on the target, listed nowhere).
    interim: Manifest = field(default_factory=dict)


def plan(site: Mapping[str, SiteFile], previous: Mapping[str, str] | None) -> PublishPlan:
    held = dict(previous or {})
    changed = [p for p in upload_order(list(site)) if held.get(p) != site[p].digest]
    gone = sorted(p for p in held if p not in site)
    interim = {p: ("" if p in set(changed) else d) for p, d in held.items()}
    interim.update({p: "" for p in changed})
    manifest = {p: f.digest for p, f in sorted(site.items())}
    return PublishPlan([site[p] for p in changed], gone, manifest, interim)


def encode_manifest(manifest: Mapping[str, str]) -> bytes:
    body = {"format": MANIFEST_FORMAT, "files": dict(sorted(manifest.items()))}
    return json.dumps(body, indent=1, sort_keys=True).encode()


def decode_manifest(data: bytes) -> Manifest | None:
    """The manifest a target holds; None when it is unreadable (then everything is uploaded)."""
    try:
        body = json.loads(data)
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("format") != MANIFEST_FORMAT:
        return None
    files = body.get("files")
    if not isinstance(files, dict):
        return None
    return {str(k): str(v) for k, v in files.items() if isinstance(v, str)}


Progress = Callable[[int, int, str], None]  # files done, files in all, the path just done


def no_progress(done: int, total: int, path: str) -> None:
    return None


@dataclass(frozen=True)
class PublishReceipt:
    """What a publish did, read back from the target: said in the delivery's record."""

    location: str  # where the site now is ("s3://bucket/prefix", "sftp://u@h:22/dir", a remote)
    revision: str  # what identifies this version there: a commit id, or the manifest's hash
    uploaded: int
    deleted: int
    verified: int  # files (or commits) read back and found as sent
    url: str | None = None  # the page's public address when `base_url` is set

    def detail(self) -> str:
        return (
            f"{self.location} at {self.revision[:12]}: {self.uploaded} uploaded, "
            f"{self.deleted} removed, {self.verified} read back"
        )


class PublishTarget(Protocol):
    """A place the site is published to. Built from the site channel's settings and secrets."""

    kind: str

    def location(self) -> str:
        """Where, in one line without any secret ("sftp://status@host:22/var/www")."""
        ...

    def test(self) -> str:
        """Credentials and write access, checked without publishing (a probe written and
        removed where the target allows): what was checked, in one line. Raises Transient or
        Permanent with what to fix."""
        ...

    def publish(
        self, site: Mapping[str, SiteFile], progress: Progress, *, message: str | None = None
    ) -> PublishReceipt:
        """Make the target hold exactly `site` (see the module's contract). `message` says
        what changed ("Incident #7: update 31"), for a target that keeps a history (git)."""
        ...


class FileStore(Protocol):
    """A target that holds files by path (sftp, s3): the few operations `publish_files` needs."""

    def location(self) -> str: ...

    def read_manifest(self) -> bytes | None:
        """The manifest's bytes, None when there is none yet."""
        ...

    def put(self, file: SiteFile) -> None:
        """Store one file whole: a reader sees the old bytes or the new, never part of them."""
        ...

    def verify(self, files: Sequence[SiteFile]) -> int:
        """Read back what was put (sizes and hashes, or ETags); raise Transient when something
        differs (the next attempt uploads it again). Returns how many were checked."""
        ...

    def delete(self, paths: Sequence[str]) -> None:
        """Remove files; a path already gone is not an error."""
        ...

    def write_manifest(self, data: bytes) -> None: ...


def publish_files(
    store: FileStore, site: Mapping[str, SiteFile], progress: Progress
) -> PublishReceipt:
    """Carry out the contract on a file store: interim manifest, uploads (index pages last),
    read back, removals, final manifest."""
    held = store.read_manifest()
    work = plan(site, decode_manifest(held) if held is not None else None)
    if work.upload or work.delete:
        if work.upload:
            store.write_manifest(encode_manifest(work.interim))
        for done, file in enumerate(work.upload, start=1):
            store.put(file)
            progress(done, len(work.upload), file.path)
        verified = store.verify(work.upload)
        store.delete(work.delete)
        final = encode_manifest(work.manifest)
        store.write_manifest(final)
    else:
        verified = 0
        final = encode_manifest(work.manifest)
    return PublishReceipt(
        location=store.location(),
        revision=hashlib.sha256(final).hexdigest(),
        uploaded=len(work.upload),
        deleted=len(work.delete),
        verified=verified,
    )
