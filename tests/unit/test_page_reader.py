"""What status-page readers expect (issue #14): the page's logo and company link, subscribe
links, the open incident's impact, components and next-update time in each language's digits
and the page's zone, a maintenance's window, when an incident began, its postmortem — on the
pages, in the Atom feeds and in the api/v2 JSON, with absolute links and stable ids once the page
has a `base_url`. The page is made through the real Desk (tests/unit/page_support.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from statusdesk import settings as registry
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from tests.unit.page_support import (
    BASE_URL,
    HOME_URL,
    LOGO_AR,
    LOGO_EN,
    PM_AR,
    PM_EN,
    SUBSCRIBE_URL,
    Page,
    build_page,
)

ARABIC_DIGITS = re.compile("[٠-٩]")


@pytest.fixture
def page(desk: Desk) -> Page:
    return build_page(desk)


def read(site: Path, *parts: str) -> str:
    return site.joinpath(*parts).read_text(encoding="utf-8")


def test_logo_name_and_company_link_in_both_languages(page: Page) -> None:
    en, ar = read(page.site, "index.html"), read(page.site, "ar", "index.html")
    assert f'<img class="logo" src="{LOGO_EN}" alt="" height="32">Service status' in en
    assert f'<img class="logo" src="{LOGO_AR}" alt="" height="32">حالة الخدمة' in ar
    assert f'<a href="{HOME_URL}" rel="home">Company website: <bdi>www.example.com</bdi></a>' in en
    assert f'<a href="{HOME_URL}" rel="home">موقع الشركة: <bdi>www.example.com</bdi></a>' in ar
    incident = read(page.site, "incidents", f"{page.active}.html")
    assert LOGO_EN in incident and HOME_URL in incident  # every page, not only the index


def test_without_the_settings_no_logo_no_company_link_no_email(desk: Desk) -> None:
    desk.settings.build_site()
    en = read(desk.paths.site, "index.html")
    assert "<img" not in en and 'rel="home"' not in en and "mailto:" not in en
    assert 'href="history.atom" type="application/atom+xml" hreflang="en"' in en  # feeds stay


def test_the_arabic_logo_falls_back_to_the_english_one(desk: Desk) -> None:
    desk.settings.set_workspace_setting("site.logo_en", LOGO_EN)
    assert LOGO_EN in read(desk.paths.site, "ar", "index.html")


def test_subscribe_links_to_each_languages_feed_and_email(page: Page) -> None:
    en, ar = read(page.site, "index.html"), read(page.site, "ar", "index.html")
    assert 'href="history.atom" type="application/atom+xml" hreflang="en">Atom feed (English)' in en
    assert (
        'href="ar/history.atom" type="application/atom+xml" hreflang="ar">Atom feed (Arabic)'
        in (en)
    )
    assert f'<a href="{SUBSCRIBE_URL}">Email updates</a>' in en
    assert f'<a href="{SUBSCRIBE_URL}">التحديثات بالبريد الإلكتروني</a>' in ar
    # Both feeds announced in <head>, for browsers and feed readers that discover them.
    head = en.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" href="history.atom" title="Atom feed">'
        in head
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" href="ar/history.atom" hreflang="ar"'
        in head
    )
    deep = read(page.site, "ar", "incidents", f"{page.active}.html")
    assert 'href="../../ar/history.atom" type="application/atom+xml" hreflang="ar"' in deep
    assert 'href="../../history.atom" type="application/atom+xml" hreflang="en"' in deep


def test_open_incident_shows_impact_components_and_next_update_in_the_pages_zone(
    page: Page, desk: Desk
) -> None:
    incident = desk.views.incident(page.active)
    assert incident is not None and incident.next_update_due
    en = read(page.site, "index.html")
    # Asia/Riyadh is UTC+3 all year: the promise shows three hours later than stored.
    due = incident.next_update_due
    hour = (int(due[11:13]) + 3) % 24
    shown = f'<time datetime="{due}">'
    assert f"Impact: Major · Affected: API, Database · Next update by {shown}" in en
    assert f"{hour:02d}:{due[14:16]} UTC+03:00</time>" in en.split(shown, 1)[1][:40]
    ar = read(page.site, "ar", "index.html")
    assert "الأثر: كبير · المتأثر: " in ar and "التحديث التالي قبل" in ar
    arabic_time = ar.split(shown, 1)[1].split("</time>")[0]
    assert ARABIC_DIGITS.search(arabic_time) and not re.search("[0-9]", arabic_time)
    assert "UTC+٠٣:٠٠" in arabic_time  # display.digits=arab: the zone's offset too
    # The incident's own page says the same.
    assert "Next update by" in read(page.site, "incidents", f"{page.active}.html")


def test_a_resolved_incident_promises_nothing_and_shows_no_impact(page: Page) -> None:
    html = read(page.site, "incidents", f"{page.resolved}.html")
    assert "Next update by" not in html and "Impact:" not in html
    assert "Affected: Login" in html


def test_the_maintenance_window_in_the_pages_zone(page: Page, desk: Desk) -> None:
    found = desk.views.incident(page.maintenance)
    assert found is not None and found.window_start and found.window_end
    html = read(page.site, "index.html")
    window = f'Window: <time datetime="{found.window_start}">'
    assert window in html
    assert f'– <time datetime="{found.window_end}">' in html
    assert "UTC+03:00" in html.split(window, 1)[1][:60]


def test_the_zone_defaults_to_utc(desk: Desk) -> None:
    assert registry.BY_KEY["site.timezone"].default == "UTC"
    desk.settings.build_site()
    assert " UTC</time>" in read(desk.paths.site, "index.html")


def test_a_backdated_incident_shows_when_it_began(page: Page) -> None:
    html = read(page.site, "incidents", f"{page.active}.html")
    assert f'Began: <time datetime="{page.began}">' in html
    ar = read(page.site, "ar", "incidents", f"{page.active}.html")
    assert f'بدأ: <time datetime="{page.began}">' in ar


def test_the_postmortem_on_its_page_and_linked_from_the_index(page: Page) -> None:
    html = read(page.site, "incidents", f"{page.resolved}.html")
    assert f'<section class="postmortem" id="postmortem-{page.resolved}">' in html
    assert "<h3>Postmortem</h3>" in html
    assert "What happened: a failed database node.\n\nWhat we changed" in html
    ar = read(page.site, "ar", "incidents", f"{page.resolved}.html")
    assert "<h3>تقرير ما بعد الحادثة</h3>" in ar and PM_AR.split("\n")[0] in ar
    index = read(page.site, "index.html")
    link = f'href="incidents/{page.resolved}.html#postmortem-{page.resolved}">Postmortem</a>'
    assert link in index and "automatic failover" not in index


def test_the_feeds_carry_the_postmortem_in_the_incidents_entry(page: Page, desk: Desk) -> None:
    postmortem = desk.postmortems.postmortem(page.resolved)
    assert postmortem is not None
    for prefix, lang, text in (("", "en", PM_EN), ("ar/", "ar", PM_AR)):
        feed = feedparser.parse(read(page.site, prefix + "history.atom"))
        assert not feed.bozo, feed.get("bozo_exception")
        entries = {e.id: e for e in feed.entries}
        entry = entries[f"tag:status.example.com,{postmortem.published_at[:10]}:"
                        f"incident/{page.resolved}/{lang}"]  # fmt: skip
        assert text.split("\n")[0] in entry.content[0].value
        # The entry changed: its <updated> moves to the postmortem, so readers show it again.
        assert entry.updated == postmortem.updated_at
        assert len(entries) == 3  # one entry per incident, none for the postmortem alone


def test_with_a_base_url_every_feed_link_is_absolute_and_ids_are_tag_uris(page: Page) -> None:
    for prefix, lang in (("", "en"), ("ar/", "ar")):
        feed = feedparser.parse(read(page.site, prefix + "history.atom"))
        assert feed.feed.id == f"{BASE_URL}/{prefix}history.atom"
        links = {link.rel: link.href for link in feed.feed.links}
        assert links == {
            "self": f"{BASE_URL}/{prefix}history.atom",
            "alternate": f"{BASE_URL}/{prefix}index.html",
        }
        for entry in feed.entries:
            assert re.fullmatch(
                rf"tag:status\.example\.com,\d{{4}}-\d{{2}}-\d{{2}}:incident/\d+/{lang}", entry.id
            )
            assert entry.link.startswith(f"{BASE_URL}/{prefix}incidents/")


def test_entry_ids_do_not_move_when_the_page_is_rebuilt_later(page: Page, desk: Desk) -> None:
    before = [e.id for e in feedparser.parse(read(page.site, "history.atom")).entries]
    desk.settings.set_workspace_setting("site.title_en", "Acme status")
    after = [e.id for e in feedparser.parse(read(page.site, "history.atom")).entries]
    assert before == after


def test_without_a_base_url_ids_stay_as_they_were(desk: Desk) -> None:
    published = desk.publishing.open_incident(
        title=BilingualText("API outage", "تعطل الواجهة"),
        draft=Draft(BilingualText("Down.", "متوقفة."), IncidentState.INVESTIGATING),
    )
    desk.deliveries.wait_for(published.update_id, timeout=30)
    feed = feedparser.parse(read(desk.paths.site, "ar", "history.atom"))
    assert feed.feed.id == "urn:statusdesk:ar"
    assert [e.id for e in feed.entries] == [f"urn:statusdesk:ar:incident:{published.incident_id}"]


def test_the_json_carries_the_postmortem_zone_and_absolute_urls(page: Page, desk: Desk) -> None:
    postmortem = desk.postmortems.postmortem(page.resolved)
    assert postmortem is not None
    for prefix, text in (("", PM_EN), ("ar/", PM_AR)):
        incidents = json.loads(read(page.site, prefix + "api/v2/incidents.json"))
        assert incidents["page"]["url"] == f"{BASE_URL}/{prefix}"
        assert incidents["page"]["time_zone"] == "Asia/Riyadh"
        by_id = {i["id"]: i for i in incidents["incidents"]}
        resolved, active = by_id[str(page.resolved)], by_id[str(page.active)]
        assert resolved["postmortem_body"] == text
        assert resolved["postmortem_published_at"] == postmortem.published_at
        assert active["postmortem_body"] is None and active["postmortem_published_at"] is None
        assert active["started_at"] == page.began
        assert active["shortlink"] == f"{BASE_URL}/{prefix}incidents/{page.active}.html"


# -- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("site.logo_en", "javascript:alert(1)"),
        ("site.logo_ar", "JavaScript:alert(1)"),
        ("site.logo_en", "data:image/svg+xml,<svg/>"),
        ("site.home_url", "/relative/path"),
        ("site.home_url", "ftp://example.com/"),
        ("site.home_url", "https://"),
        ("site.home_url", "https://exa mple.com/"),
        ("site.logo_en", "mailto:a@example.com"),  # a logo is an image, not an address
        ("site.logo_en", "https://user:secret@cdn.example.com/logo.svg"),  # would be public
        ("site.subscribe_url", "javascript:alert(1)"),
        ("site.subscribe_url", "mailto:nobody"),
        ("site.timezone", "Mars/Olympus"),
    ],
)
def test_settings_refuse_what_the_page_cannot_link_to(desk: Desk, key: str, value: str) -> None:
    with pytest.raises(Rejected) as refused:
        desk.settings.set_workspace_setting(key, value)
    message = str(refused.value.problems[0])
    assert key in message and ("http:// or https://" in message or "IANA zone" in message), message
    assert desk.store.settings.setting(key) is None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("site.logo_en", "https://cdn.example.com/logo.svg"),
        ("site.home_url", "http://intranet.example/"),
        ("site.subscribe_url", "https://example.com/subscribe?list=status"),
        ("site.subscribe_url", "mailto:status@example.com"),
        ("site.timezone", "Europe/London"),
    ],
)
def test_settings_keep_what_the_page_can_link_to(desk: Desk, key: str, value: str) -> None:
    change = desk.settings.set_workspace_setting(key, value)
    assert change.value == value and change.site is not None  # the page was rebuilt
    default = registry.BY_KEY[key].default  # "" (none) for the addresses, UTC for the zone
    desk.settings.set_workspace_setting(key, default)
    assert desk.store.settings.setting(key) is None  # the default is kept as no row


def test_every_new_setting_shows_on_the_page() -> None:
    for key in (
        registry.SITE_LOGO_EN,
        registry.SITE_LOGO_AR,
        registry.SITE_HOME_URL,
        registry.SITE_SUBSCRIBE_URL,
        registry.SITE_ZONE,
    ):
        assert registry.BY_KEY[key].affects_site


def test_the_cli_refuses_a_script_address_with_what_it_takes(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_cli_support import call

    refused = call(capsys, "--home", str(home), "setting", "set", "site.logo_en", "javascript:x")
    assert refused.code == 3
    assert "'javascript:x' is not a value of site.logo_en" in refused.stderr
    assert "an http:// or https:// address without a login in it" in refused.stderr
    kept = call(capsys, "--home", str(home), "setting", "set", "site.home_url", HOME_URL)
    assert kept.code == 0, kept.stderr
    assert HOME_URL in (home / "site" / "index.html").read_text(encoding="utf-8")
