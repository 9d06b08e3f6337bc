"""Every page of a realistic status page passes an HTML validator and both feeds an Atom
validator (issue #14). The site (tests/unit/page_support.py) has both languages, an open
backdated incident with components and a next-update promise, a scheduled maintenance, a
resolved incident with a postmortem, a logo, a company link, an email sign-up, a zone, Arabic-
Indic digits and a public base_url.

- HTML: the W3C's Nu Html Checker (vnu.jar, which .ci/run fetches from the npm registry's
  vnu-jar, pinned, with a Java runtime) over every page, errors only; and html5lib's strict
  parser (the WHATWG parsing algorithm; any parse error fails), which needs no Java. Plus what
  neither checks: every relative link and stylesheet points at a file the build wrote, ids are
  unique per page.
- Atom: RFC 4287's RELAX NG schema (tests/conformance/atom-rfc4287/, the RFC's Appendix B) through
  lxml; the RFC's prose rules the schema cannot say (§4.1.1, 4.1.2: author, alternate link or
  content, unique absolute ids); and feedparser's `bozo` flag (what feed readers see).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import html5lib
import pytest
from lxml import etree

from statusdesk.desk import Desk
from tests.conftest import need
from tests.unit.page_support import Page, build_page, every_page

ATOM = "{http://www.w3.org/2005/Atom}"
RNG = Path(__file__).resolve().parents[1] / "conformance" / "atom-rfc4287" / "atom.rng"
# Where .ci/run puts the Nu checker (exported as STATUSDESK_VNU_JAR; set it to use another).
VNU_JAR = Path.home() / ".cache" / "statusdesk-ci" / "vnu-26.9.27.jar"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Page:
    home = tmp_path_factory.mktemp("page") / "workspace"
    home.mkdir()
    with Desk(home) as desk:
        return build_page(desk)


def feeds(site: Path) -> list[Path]:
    return [site / "history.atom", site / "ar" / "history.atom"]


def test_the_site_has_every_kind_of_page(page: Page) -> None:
    names = {p.relative_to(page.site).as_posix() for p in every_page(page.site)}
    for incident in (page.active, page.maintenance, page.resolved):
        assert {f"incidents/{incident}.html", f"ar/incidents/{incident}.html"} <= names
    assert {"index.html", "ar/index.html", "history.html", "ar/history.html"} <= names
    assert all(f.is_file() for f in feeds(page.site))


# -- HTML -------------------------------------------------------------------------------------


def vnu_jar() -> Path | None:
    given = os.environ.get("STATUSDESK_VNU_JAR")
    if given:
        return Path(given)
    return VNU_JAR if VNU_JAR.is_file() else None


def test_every_page_passes_the_nu_html_checker(page: Page) -> None:
    java = shutil.which("java")
    need(java is not None, "java not found (Debian package default-jre-headless)")
    jar = vnu_jar()
    need(
        jar is not None and jar.is_file(),
        f"the Nu Html Checker is not installed (.ci/run fetches it to {VNU_JAR}; or set "
        "STATUSDESK_VNU_JAR to a vnu.jar)",
    )
    assert java is not None and jar is not None
    pages = [str(p) for p in every_page(page.site)]
    checked = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(checked.stderr or checked.stdout or '{"messages": []}')
    errors = [
        f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
        if m["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert checked.returncode == 0


def test_the_nu_checker_is_not_a_rubber_stamp(page: Page, tmp_path: Path) -> None:
    """The same run on a page with a real mistake reports it (the harness reads its output)."""
    java, jar = shutil.which("java"), vnu_jar()
    need(java is not None and jar is not None, "the Nu Html Checker or java is not installed")
    assert java is not None and jar is not None
    broken = tmp_path / "broken.html"
    text = (page.site / "index.html").read_text(encoding="utf-8")
    broken.write_text(text.replace('alt=""', ""), encoding="utf-8")  # an <img> without alt
    checked = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(checked.stderr)["messages"]
    assert any("alt" in m["message"] for m in messages), messages


def test_every_page_parses_without_a_single_html5_parse_error(page: Page) -> None:
    for path in every_page(page.site):
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(path.read_bytes(), transport_encoding="utf-8")
        except html5lib.html5parser.ParseError as exc:
            pytest.fail(f"{path.relative_to(page.site)}: {exc}")


def test_strict_parsing_catches_a_broken_page() -> None:
    parser = html5lib.HTMLParser(strict=True)
    with pytest.raises(html5lib.html5parser.ParseError):
        parser.parse("<!DOCTYPE html><html><head><title>x</title></head><body></div></body></html>")


def test_every_link_resolves_and_ids_are_unique(page: Page) -> None:
    for path in every_page(page.site):
        tree = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        ids = [e.get("id") for e in tree.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), f"{path}: duplicate ids"
        for element in tree.iter():
            ref = element.get("href") or element.get("src")
            if not ref:
                continue
            parts = urlsplit(ref)
            if parts.scheme:
                assert parts.scheme in ("http", "https", "mailto"), f"{path}: {ref}"
                continue
            target = (path.parent / parts.path).resolve() if parts.path else path
            assert target.is_file(), f"{path.relative_to(page.site)} links to a missing {ref}"
            if parts.fragment and target.suffix == ".html":
                assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8"), ref


# -- Atom -------------------------------------------------------------------------------------


def test_both_feeds_are_valid_against_rfc_4287s_relax_ng_schema(page: Page) -> None:
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    for feed in feeds(page.site):
        document = etree.parse(str(feed))
        assert schema.validate(document), f"{feed}: {schema.error_log}"


def test_the_schema_is_not_a_rubber_stamp(page: Page) -> None:
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    text = (page.site / "history.atom").read_text(encoding="utf-8")
    broken = re.sub(r"<updated>[^<]*</updated>", "<updated>yesterday</updated>", text, count=2)
    assert not schema.validate(etree.fromstring(broken.encode("utf-8")))


def test_both_feeds_keep_rfc_4287s_prose_rules(page: Page) -> None:
    for feed in feeds(page.site):
        root = etree.parse(str(feed)).getroot()
        feed_has_author = root.find(f"{ATOM}author") is not None
        ids = [root.findtext(f"{ATOM}id")]
        for entry in root.iter(f"{ATOM}entry"):
            # §4.1.2: an author here or in the feed; content or an alternate link.
            assert feed_has_author or entry.find(f"{ATOM}author") is not None
            alternates = [
                link
                for link in entry.iter(f"{ATOM}link")
                if link.get("rel", "alternate") == "alternate"
            ]
            assert alternates or entry.find(f"{ATOM}content") is not None
            assert len(alternates) <= 1  # one per type and language
            published = entry.findtext(f"{ATOM}published")
            updated = entry.findtext(f"{ATOM}updated")
            assert published is not None and updated is not None and published <= updated
            ids.append(entry.findtext(f"{ATOM}id"))
        # §4.2.6: ids are absolute IRIs, and each entry's is its own.
        assert all(i and re.match(r"^[a-z][a-z0-9+.-]*:", i) for i in ids), ids
        assert len(ids) == len(set(ids))
        self_link = [link.get("href") for link in root.findall(f"{ATOM}link[@rel='self']")]
        assert self_link == [root.findtext(f"{ATOM}id")]  # this page's feed id is its address


def test_feed_readers_read_both_feeds_cleanly(page: Page) -> None:
    for feed in feeds(page.site):
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, f"{feed}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10" and len(parsed.entries) == 3


def test_the_api_json_keeps_statuspages_shapes(page: Page) -> None:
    for prefix in ("", "ar/"):
        summary = json.loads((page.site / prefix / "api/v2/summary.json").read_text())
        assert set(summary) == {
            "page",
            "components",
            "incidents",
            "scheduled_maintenances",
            "status",
        }
        (incident,) = summary["incidents"]
        assert {"postmortem_body", "postmortem_published_at", "incident_updates"} <= set(incident)
        (maintenance,) = summary["scheduled_maintenances"]
        assert maintenance["scheduled_for"] and maintenance["scheduled_until"]
