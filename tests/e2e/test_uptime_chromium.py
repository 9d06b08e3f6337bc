"""The components' groups and 90-day uptime bars in a real browser (issue #14): headless
Chromium over HTTP on 127.0.0.1, a page without any script. The bars are laid out by CSS alone,
coloured per day, and each day's text is there for a screen reader though not seen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from statusdesk.core.model import BilingualText, ComponentStatus, Draft, Impact, IncidentState
from statusdesk.desk import Desk
from tests.e2e.test_site_chromium import browser, errors, serving

__all__ = ["browser"]  # the module-scoped fixture, shared with the page's other browser tests


@pytest.fixture(scope="module")
def served_components(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("chromium-components")
    with Desk(home) as desk:
        group = BilingualText("Payments", "المدفوعات")
        desk.components.add(BilingualText("Payments API", "واجهة الدفع"), group=group)
        desk.components.add(BilingualText("Search", "البحث"))
        published = desk.publishing.open_incident(
            title=BilingualText("Payments down", "تعطل المدفوعات"),
            draft=Draft(
                BilingualText("", ""),
                IncidentState.INVESTIGATING,
                Impact.MAJOR,
                {"Payments API": ComponentStatus.MAJOR_OUTAGE},
            ),
        )
        assert desk.deliveries.wait_for(published.update_id, 30)[0].state == "sent"
        site = desk.paths.site.resolve()
    with serving(site) as url:
        yield url


BARS = """
const bars = [...document.querySelectorAll('ol.uptime')];
return {
  scripts: document.scripts.length,
  bars: bars.map(b => ({
    label: b.getAttribute('aria-label'),
    days: b.children.length,
    width: b.getBoundingClientRect().width,
    height: b.getBoundingClientRect().height,
    today: getComputedStyle(b.lastElementChild).backgroundColor,
    todayWidth: b.lastElementChild.getBoundingClientRect().width,
    todayText: b.lastElementChild.textContent,
    todayTextBox: b.lastElementChild.firstElementChild.getBoundingClientRect().width,
    firstLeft: b.firstElementChild.getBoundingClientRect().left,
    lastLeft: b.lastElementChild.getBoundingClientRect().left,
  })),
  visible: document.body.innerText,
  group: document.querySelector('li.group .component-line').innerText,
};
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_bars_render_without_script_and_speak_each_day(
    browser: Any, served_components: str, lang: str
) -> None:
    browser.set_window_size(1000, 900)
    browser.get(f"{served_components}/{'ar/' if lang == 'ar' else ''}index.html")
    page = browser.execute_script(BARS)
    assert page["scripts"] == 0
    payments, search = page["bars"]
    for bar in (payments, search):
        assert bar["days"] == 90 and bar["width"] > 300 and bar["height"] > 10
        assert bar["todayWidth"] > 1
    assert payments["today"] == "rgb(207, 34, 46)"  # --critical: down today
    assert search["today"] == "rgb(26, 127, 55)"  # --ok
    if lang == "ar":
        assert "واجهة الدفع" in payments["label"] and "انقطاع كبير" in payments["todayText"]
        assert payments["lastLeft"] < payments["firstLeft"]  # today on the left, read RTL
        assert "المدفوعات" in page["group"]
    else:
        assert "Payments API" in payments["label"] and "Major outage" in payments["todayText"]
        assert payments["lastLeft"] > payments["firstLeft"]
        assert "Payments" in page["group"]
    # Each day's words are for screen readers: in the page's text, but one pixel wide.
    assert payments["todayText"] in page["visible"] and payments["todayTextBox"] <= 1
    assert errors(browser) == []
