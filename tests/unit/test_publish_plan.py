"""The publish targets' shared contract (channels/site/publish/base.py), on an in-memory file
store that records what it was asked to do, in order."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from statusdesk.channels.site.publish.base import (
    MANIFEST,
    SiteFile,
    decode_manifest,
    no_progress,
    plan,
    publish_files,
    upload_order,
)


class MemoryStore:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.calls: list[tuple[str, str]] = []
        self.fail_after: int | None = None  # puts before a "killed" publish

    def location(self) -> str:
        return "memory://"

    def read_manifest(self) -> bytes | None:
        return self.files.get(MANIFEST)

    def put(self, file: SiteFile) -> None:
        if self.fail_after is not None and self.fail_after <= 0:
            raise KeyboardInterrupt("killed")
        if self.fail_after is not None:
            self.fail_after -= 1
        self.files[file.path] = file.data
        self.calls.append(("put", file.path))

    def verify(self, files: Sequence[SiteFile]) -> int:
        assert all(self.files[f.path] == f.data for f in files)
        return len(files)

    def delete(self, paths: Sequence[str]) -> None:
        for path in paths:
            self.files.pop(path, None)
            self.calls.append(("delete", path))

    def write_manifest(self, data: bytes) -> None:
        self.files[MANIFEST] = data
        self.calls.append(("manifest", ""))


def site(**pages: str) -> dict[str, SiteFile]:
    files = {
        name.replace("__", "/").replace("_html", ".html"): text for name, text in pages.items()
    }
    return {path: SiteFile(path, text.encode()) for path, text in files.items()}


def held(store: MemoryStore) -> dict[str, bytes]:
    return {p: d for p, d in store.files.items() if p != MANIFEST}


def test_index_pages_go_up_last_and_old_files_go_after_the_new_are_read_back() -> None:
    store = MemoryStore()
    first = site(index_html="i1", ar__index_html="a1", incidents__1_html="one")
    publish_files(store, first, no_progress)
    store.calls.clear()
    second = site(index_html="i2", ar__index_html="a2", incidents__2_html="two")
    receipt = publish_files(store, second, no_progress)
    assert store.calls == [
        ("manifest", ""),  # the interim manifest: the changing paths are no longer vouched for
        ("put", "incidents/2.html"),
        ("put", "index.html"),
        ("put", "ar/index.html"),
        ("delete", "incidents/1.html"),
        ("manifest", ""),
    ]
    assert held(store) == {p: f.data for p, f in second.items()}
    assert (receipt.uploaded, receipt.deleted, receipt.verified) == (3, 1, 3)


def test_only_what_changed_is_uploaded_and_nothing_at_all_when_nothing_changed() -> None:
    store = MemoryStore()
    pages = site(index_html="i", incidents__1_html="one", incidents__2_html="two")
    publish_files(store, pages, no_progress)
    store.calls.clear()
    changed = dict(pages, **site(incidents__2_html="two, updated"))
    publish_files(store, changed, no_progress)
    assert [c for c in store.calls if c[0] == "put"] == [("put", "incidents/2.html")]
    store.calls.clear()
    receipt = publish_files(store, changed, no_progress)
    assert store.calls == [] and receipt.uploaded == 0


def test_a_publish_killed_midway_is_finished_by_the_next_even_when_content_flips_back() -> None:
    store = MemoryStore()
    v1 = site(index_html="i1", incidents__1_html="v1", incidents__2_html="x1")
    publish_files(store, v1, no_progress)
    v2 = site(index_html="i2", incidents__1_html="v2", incidents__2_html="x2")
    store.fail_after = 1  # killed after incidents/1.html went up as v2
    with pytest.raises(KeyboardInterrupt):
        publish_files(store, v2, no_progress)
    assert store.files["index.html"] == b"i1"  # the old index: no link to a missing page
    store.fail_after = None
    # The next publish says incidents/1.html is v1 again: the target holds v2 there, and the
    # interim manifest no longer vouches for it, so it is uploaded.
    publish_files(store, v1, no_progress)
    assert held(store) == {p: f.data for p, f in v1.items()}


def test_the_manifest_lists_every_file_by_hash_and_a_broken_one_means_upload_everything() -> None:
    store = MemoryStore()
    pages = site(index_html="i", incidents__1_html="one")
    publish_files(store, pages, no_progress)
    assert decode_manifest(store.files[MANIFEST]) == {p: f.digest for p, f in pages.items()}
    store.files[MANIFEST] = b"{not json"
    store.calls.clear()
    publish_files(store, pages, no_progress)
    assert sorted(c[1] for c in store.calls if c[0] == "put") == sorted(pages)


def test_paths_must_stay_inside_the_site_and_order_is_leaves_then_index() -> None:
    for bad in ("/etc/passwd", "../up.html", "a/../../b", "", "a//b"):
        with pytest.raises(ValueError):
            SiteFile(bad, b"")
    assert upload_order(["index.html", "b.json", "ar/index.html", "a.html"]) == [
        "a.html",
        "b.json",
        "index.html",
        "ar/index.html",
    ]
    work = plan(site(index_html="i"), {"index.html": "0" * 64, "gone.html": "1" * 64})
    assert [f.path for f in work.upload] == ["index.html"] and work.delete == ["gone.html"]
    assert SiteFile("a.html", b"").content_type == "text/html; charset=utf-8"
    assert SiteFile("history.atom", b"").content_type == "application/atom+xml"
    assert SiteFile("api/v2/summary.json", b"").cache_control.endswith("max-age=60")


def test_a_file_put_just_before_a_kill_is_removed_when_the_next_site_no_longer_has_it() -> None:
    """The interim manifest lists every path being changed with no digest: a new file renamed
    into place before the kill is not orphaned on the target."""
    store = MemoryStore()
    publish_files(store, site(index_html="i1"), no_progress)
    store.fail_after = 1  # incidents/9.html goes up, then the process dies
    with pytest.raises(KeyboardInterrupt):
        publish_files(store, site(index_html="i2", incidents__9_html="nine"), no_progress)
    assert store.files["incidents/9.html"] == b"nine"
    store.fail_after = None
    final = site(index_html="i3")  # the next site has no incident 9 (it was withdrawn)
    publish_files(store, final, no_progress)
    assert held(store) == {p: f.data for p, f in final.items()}


def test_even_the_first_publish_killed_midway_leaves_nothing_behind() -> None:
    store = MemoryStore()
    store.fail_after = 1
    with pytest.raises(KeyboardInterrupt):
        publish_files(store, site(index_html="i", incidents__1_html="one"), no_progress)
    store.fail_after = None
    final = site(index_html="i")
    publish_files(store, final, no_progress)
    assert held(store) == {p: f.data for p, f in final.items()}
