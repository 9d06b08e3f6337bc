"""Incremental builds of the status page (issue #14): after any change, the incremental build's
files are byte for byte those of a full build, and a page whose inputs did not change is not
rendered again (it is the previous version's file, hard-linked)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from statusdesk import settings
from statusdesk.channels.site.build import build_site, write_site
from statusdesk.channels.site.fingerprint import Canonical, fingerprint
from statusdesk.channels.site.incremental import Previous
from statusdesk.channels.site.snapshot import load_snapshot
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.desk import Desk
from tests.unit.test_cli_support import call
from tests.unit.test_schedule_support import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(home: Path, clock: FakeClock) -> Iterator[Desk]:
    with Desk(home, clock=clock) as opened:
        yield opened


def publish(
    desk: Desk, en: str, state: IncidentState, incident: int | None = None, **kw: object
) -> int:
    draft = Draft(
        BilingualText(en, f"عربي: {en}"),
        state,
        Impact.MAJOR,
        {"API": ComponentStatus.MAJOR_OUTAGE} if state is not IncidentState.RESOLVED else {},
    )
    if incident is None:
        published = desk.publishing.open_incident(
            title=BilingualText(f"Title {en}", f"عنوان {en}"), draft=draft, **kw
        )
    else:
        published = desk.publishing.post_update(incident, draft)
    for delivery in desk.deliveries.wait_for(published.update_id, timeout=30):
        assert delivery.state == "sent", delivery.last_error
    return published.incident_id


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def assert_same_as_a_full_build(desk: Desk, where: Path, step: str) -> None:
    """The page the workspace shows now equals a full build, made from scratch elsewhere."""
    site = desk.settings.build_site()  # incremental, as every publish's
    fresh = build_site(desk.store, where / step / "site", desk.clock.now(), full=True)
    mine, full = tree(site.resolve()), tree(fresh.resolve())
    assert sorted(mine) == sorted(full), step
    different = [name for name in full if mine[name] != full[name]]
    assert different == [], f"{step}: {different}"


def test_every_kind_of_change_gives_the_bytes_of_a_full_build(
    desk: Desk, clock: FakeClock, tmp_path: Path
) -> None:
    where = tmp_path / "full"
    first = publish(desk, "Errors on the API.", IncidentState.INVESTIGATING)
    assert_same_as_a_full_build(desk, where, "opened")

    second = publish(desk, "Slow logins.", IncidentState.INVESTIGATING)
    publish(desk, "Cause found.", IncidentState.IDENTIFIED, incident=first)
    assert_same_as_a_full_build(desk, where, "updates")

    clock.run(minutes=30)
    publish(desk, "Fixed.", IncidentState.RESOLVED, incident=first)
    assert_same_as_a_full_build(desk, where, "resolved")

    # An edit of a published update, straight in the workspace: no publish says what changed.
    with desk.store.transaction():
        desk.store.conn.execute(
            'UPDATE "update" SET body_en = ? WHERE incident_id = ? AND state = ?',
            ("Cause found: a full disk.", first, "identified"),
        )
    assert_same_as_a_full_build(desk, where, "edited")

    with desk.store.transaction():
        desk.store.conn.execute("UPDATE component SET name_en = 'Public API' WHERE 1")
    assert_same_as_a_full_build(desk, where, "component renamed")

    desk.settings.set_setting(settings.SITE_TITLE_EN, "Example Status")
    assert_same_as_a_full_build(desk, where, "site title")

    # What the page's readers see besides the updates (its logo, links, zone, postmortems,
    # the components' Arabic names and groups, absolute links): each reaches every page.
    desk.components.edit(
        "Public API", name_ar="الواجهة العامة", group=BilingualText("Core", "الأساس")
    )
    assert_same_as_a_full_build(desk, where, "component in Arabic, in a group")
    desk.components.add(BilingualText("Search", "البحث"), description=BilingualText("Find", "ابحث"))
    assert_same_as_a_full_build(desk, where, "component added")
    desk.settings.set_setting(settings.SITE_LOGO_EN, "https://example.com/logo.svg")
    desk.settings.set_setting(settings.SITE_HOME_URL, "https://example.com")
    desk.settings.set_setting(settings.SITE_SUBSCRIBE_URL, "mailto:status@example.com")
    assert_same_as_a_full_build(desk, where, "logo, home and subscribe links")
    desk.settings.set_setting(settings.SITE_ZONE, "Asia/Riyadh")
    assert_same_as_a_full_build(desk, where, "the page's zone")
    desk.postmortems.publish(first, BilingualText("A full disk.", "قرص ممتلئ."))
    assert_same_as_a_full_build(desk, where, "postmortem")
    desk.postmortems.publish(first, BilingualText("A full disk, again.", "قرص ممتلئ مجددًا."))
    assert_same_as_a_full_build(desk, where, "postmortem rewritten")
    desk.channels.edit_channel("site", {"base_url": "https://status.example.com"})
    assert_same_as_a_full_build(desk, where, "base_url")
    desk.settings.set_setting(settings.DIGITS, "arab")
    assert_same_as_a_full_build(desk, where, "digits")

    clock.at = clock.at.replace(hour=23, minute=59) + timedelta(minutes=2)  # past midnight
    assert_same_as_a_full_build(desk, where, "next day")

    publish(desk, "Planned work.", IncidentState.SCHEDULED, kind=IncidentKind.MAINTENANCE)
    publish(desk, "Done.", IncidentState.RESOLVED, incident=second)
    assert_same_as_a_full_build(desk, where, "maintenance")

    # Sixteen days on, the two resolved incidents leave the front page (its last 15 days) and
    # stay on the history page, one line each, and on their own pages.
    clock.run(days=16)
    assert_same_as_a_full_build(desk, where, "past the front page's 15 days")
    site = desk.paths.site
    for lang in ("", "ar/"):
        index = (site / f"{lang}index.html").read_text(encoding="utf-8")
        history = (site / f"{lang}history.html").read_text(encoding="utf-8")
        for incident in (first, second):
            assert f'id="incident-{incident}"' not in index, (lang, incident)
            assert f'incidents/{incident}.html"' in history, (lang, incident)
            assert (site / f"{lang}incidents/{incident}.html").is_file()
        assert 'history.html"' in index

    # The feeds hold the 50 incidents heard of most recently: the 51st pushes out the one
    # heard of least recently (the first: its postmortem came before the second's resolution).
    for n in range(47):
        publish(desk, f"Blip {n}.", IncidentState.INVESTIGATING)
    assert_same_as_a_full_build(desk, where, "50 incidents")
    assert f"incidents/{first}.html" in (site / "history.atom").read_text(encoding="utf-8")
    publish(desk, "The 51st.", IncidentState.INVESTIGATING)
    assert_same_as_a_full_build(desk, where, "51 incidents")
    for lang in ("", "ar/"):
        feed = (site / f"{lang}history.atom").read_text(encoding="utf-8")
        assert feed.count("<entry>") == 50, lang
        assert f"incidents/{first}.html" not in feed and f"incidents/{second}.html" in feed
        assert f"incidents/{first}.html" in (site / f"{lang}history.html").read_text("utf-8")

    clock.run(days=91)  # the first two incidents leave the 90-day window
    assert_same_as_a_full_build(desk, where, "window")
    site = desk.paths.site
    assert not (site / "incidents" / f"{first}.html").exists()
    assert not (site / "ar" / "incidents" / f"{second}.html").exists()


def test_an_unchanged_incident_page_is_not_rendered_again(desk: Desk) -> None:
    quiet = publish(desk, "Quiet one.", IncidentState.INVESTIGATING)
    busy = publish(desk, "Busy one.", IncidentState.INVESTIGATING)
    before = desk.paths.site.resolve()
    publish(desk, "Busy again.", IncidentState.IDENTIFIED, incident=busy)
    after = desk.paths.site.resolve()
    assert after != before
    for lang in ("", "ar/"):
        page = f"{lang}incidents/{quiet}.html"
        # The same file, linked into the new version: it was not written again.
        assert (after / page).stat().st_ino == (before / page).stat().st_ino, page
        changed = f"{lang}incidents/{busy}.html"
        assert (after / changed).stat().st_ino != (before / changed).stat().st_ino, changed
    # What a build renders, counted: only the changed incident's page and pieces, and the
    # pages that show the time of the build.
    snap = load_snapshot(desk.store, desk.clock.now())
    out = desk.paths.home / "probe"
    out.mkdir()
    writer = write_site(snap, out, Previous.load(desk.paths.site))
    assert writer.rendered == ["index.html", "history.atom", "ar/index.html", "ar/history.atom"]


def test_a_missing_or_unreadable_record_means_a_full_build(desk: Desk) -> None:
    incident = publish(desk, "First.", IncidentState.INVESTIGATING)
    page = f"incidents/{incident}.html"
    for damage in ("", "{not json", json.dumps({"format": 999})):
        shown = desk.paths.site.resolve()
        record = shown.with_name(shown.name + ".build")
        assert record.is_file()
        if damage:
            record.write_text(damage, encoding="utf-8")
        else:
            record.unlink()
        assert Previous.load(desk.paths.site) is None
        rebuilt = desk.settings.build_site().resolve()
        assert (rebuilt / page).stat().st_ino != (shown / page).stat().st_ino
        assert rebuilt.with_name(rebuilt.name + ".build").is_file()


def test_damaged_fragments_in_the_record_are_rendered_again(desk: Desk, tmp_path: Path) -> None:
    publish(desk, "First.", IncidentState.INVESTIGATING)
    publish(desk, "Second.", IncidentState.INVESTIGATING)
    shown = desk.paths.site.resolve()
    record = shown.with_name(shown.name + ".build")
    header, _, blob = record.read_bytes().partition(b"\n")
    record.write_bytes(header + b"\n" + b"\xff" * len(blob))  # not UTF-8
    assert_same_as_a_full_build(desk, tmp_path / "full", "damaged fragments")
    snap = load_snapshot(desk.store, desk.clock.now())
    out = desk.paths.home / "probe"
    out.mkdir()
    writer = write_site(snap, out, Previous.load(desk.paths.site))
    assert not any("#" in name for name in writer.rendered)  # the new record is whole


def test_site_build_full_renders_everything(
    desk: Desk, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = publish(desk, "First.", IncidentState.INVESTIGATING)
    page = f"incidents/{incident}.html"
    shown = desk.paths.site.resolve()
    assert call(capsys, "--home", str(home), "site", "build").code == 0
    linked = desk.paths.site.resolve()
    assert (linked / page).stat().st_ino == (shown / page).stat().st_ino
    assert call(capsys, "--home", str(home), "site", "build", "--full").code == 0
    rendered = desk.paths.site.resolve()
    assert (rendered / page).stat().st_ino != (linked / page).stat().st_ino
    assert (rendered / page).read_bytes() == (linked / page).read_bytes()


def test_what_the_fingerprint_reads_is_the_context_itself() -> None:
    """Whatever a page's context holds is fingerprinted — a key another page adds included —
    and what cannot be fingerprinted faithfully is refused, not guessed."""
    text = BilingualText("a", "ب")
    base = {"title": text, "items": [1, 2], "state": IncidentState.MONITORING}
    mark = fingerprint(Canonical(), "incident.html.j2", ("en", "latn"), base)
    assert mark == fingerprint(
        Canonical(), "incident.html.j2", ("en", "latn"), dict(reversed(base.items()))
    )
    for changed in (
        {**base, "title": BilingualText("a", "ج")},
        {**base, "items": [2, 1]},
        {**base, "new_key": None},
    ):
        assert fingerprint(Canonical(), "incident.html.j2", ("en", "latn"), changed) != mark
    assert fingerprint(Canonical(), "index.html.j2", ("en", "latn"), base) != mark
    assert fingerprint(Canonical(), "incident.html.j2", ("en", "arab"), base) != mark
    with pytest.raises(TypeError, match="cannot be fingerprinted"):
        fingerprint(Canonical(), "incident.html.j2", ("en", "latn"), {"f": len})


def test_the_window_is_read_through_each_incidents_own_updates(desk: Desk) -> None:
    """The window's updates are found per incident (`update_incident`), never by reading every
    published update of the workspace (`update_status`: 100,000 rows for 7,000)."""
    from statusdesk.channels.site.snapshot import WINDOW_LINKS, WINDOW_UPDATES

    plan = desk.store.conn.execute(
        f"EXPLAIN QUERY PLAN {WINDOW_UPDATES.format(unindexed='+')}",
        ("published", "2026-01-01T00:00:00Z"),
    ).fetchall()
    steps = [str(row[-1]) for row in plan]
    assert any("USING INDEX update_incident" in step for step in steps), steps
    assert not any("update_status" in step for step in steps), steps
    plan = desk.store.conn.execute(
        f"EXPLAIN QUERY PLAN {WINDOW_LINKS}", ("2026-01-01T00:00:00Z",)
    ).fetchall()
    assert not any(str(row[-1]).startswith("SCAN incident_component") for row in plan), plan


def test_scrub_skips_only_text_it_would_not_change() -> None:
    """scrub's shortcut (printable text is returned as it is) holds because nothing it removes
    or replaces is printable."""
    import sys

    from statusdesk.core.text.sanitize import _SCRUBBED, scrub

    assert not [
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and _SCRUBBED.match(c)
    ]
    assert scrub("ok \x07bell\x0b") == "ok bell\n"


def test_the_fingerprints_code_part_works_without_source_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A PyInstaller bundle keeps no .py files: the renderer's compiled code stands in (the
    bundle's publish failed on a missing render.py before)."""
    from statusdesk.channels.site import fingerprint

    real = Path.read_bytes

    def no_sources(self: Path) -> bytes:
        if self.suffix == ".py":
            raise FileNotFoundError(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", no_sources)
    compiled = fingerprint._code_of("channels/site/render.py")
    assert compiled and compiled != real(Path(fingerprint.__file__).parent / "render.py")
    assert fingerprint._code_of("channels/site/no_such_module.py") == b""


def test_one_incidents_change_renders_its_lines_not_the_others(desk: Desk) -> None:
    """The history page lists every incident of 90 days (360 on a busy workspace): a change to
    one renders that one's line in each language, and the page is put together from the rest
    as they were (a line per incident rendered every build cost a quarter of a second)."""
    quiet = publish(desk, "Quiet one.", IncidentState.INVESTIGATING)
    busy = publish(desk, "Busy one.", IncidentState.INVESTIGATING)
    before = Previous.load(desk.paths.site)
    assert before is not None
    publish(desk, "Busy resolved.", IncidentState.RESOLVED, incident=busy)
    snap = load_snapshot(desk.store, desk.clock.now())
    out = desk.paths.home / "probe"
    out.mkdir()
    writer = write_site(snap, out, before)
    lines = [r for r in writer.rendered if r.startswith("history_line.html.j2#")]
    assert len(lines) == 2  # the busy incident's line, in English and in Arabic
    assert {"history.html", "ar/history.html"} <= set(writer.rendered)
    assert f"incidents/{busy}.html" in writer.rendered
    assert f"incidents/{quiet}.html" not in writer.rendered


def test_a_layered_context_hashes_what_was_added_after_its_layers() -> None:
    """A page's own keys (set after its shared layers) are part of its fingerprint, however they
    were set; and nothing can be taken out of it unseen."""
    from statusdesk.channels.site.fingerprint import Canonical, Layered, fingerprint

    site, part = {"lang": "en", "root": ""}, {"incident": 1}
    base = Layered(site, part)

    def mark(ctx: Layered) -> str:
        return fingerprint(Canonical(), "incident.html.j2", ("en", "latn", "UTC"), ctx)

    seen = {mark(base)}
    for change in (
        lambda c: c.__setitem__("other_href", "a.html"),
        lambda c: c.update(other_href="b.html"),
        lambda c: c.setdefault("entry_id", "x"),
        lambda c: c.__ior__({"entry_id": "y"}),
        lambda c: c.__setitem__("lang", "ar"),  # a layer's key, replaced
    ):
        ctx = Layered(site, part)
        change(ctx)
        seen.add(mark(ctx))
    assert len(seen) == 6  # each way of adding a key changed the fingerprint
    with pytest.raises(TypeError):
        del base["root"]
    with pytest.raises(TypeError):
        base.pop("root")
