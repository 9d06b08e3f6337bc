"""The status page in a real browser: headless Chromium over HTTP on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from statusdesk.core.model import BilingualText, Draft, Impact, IncidentState
from statusdesk.desk import Desk
from tests.conftest import need_executable

ARABIC = "نحقق في فشل طلبات API منذ 14:30 UTC."


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on 127.0.0.1 (a browser treats file:// differently); the URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("chromium-site")
    with Desk(home) as desk:
        published = desk.publishing.open_incident(
            title=BilingualText("API outage", "تعطل الواجهة البرمجية"),
            draft=Draft(
                BilingualText("We are investigating failed requests.", ARABIC),
                IncidentState.INVESTIGATING,
                Impact.MAJOR,
            ),
        )
        assert desk.deliveries.wait_for(published.update_id, 30)[0].state == "sent"
        site = desk.paths.site.resolve()
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    need_executable("chromium", "chromium")
    driver_path = need_executable("chromedriver", "chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = need_executable("chromium", "chromium")
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def look(browser: Any, url: str) -> dict[str, str]:
    browser.get(url)
    return browser.execute_script(  # type: ignore[no-any-return]
        "const h = document.documentElement;"
        "return {lang: h.lang, direction: getComputedStyle(document.body).direction,"
        " text: document.body.innerText};"
    )


def errors(browser: Any) -> list[dict[str, Any]]:
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def test_arabic_page_is_rtl_and_clean(browser: Any, served_site: str) -> None:
    page = look(browser, f"{served_site}/ar/index.html")
    assert page["lang"] == "ar" and page["direction"] == "rtl"
    assert "تعطل الواجهة البرمجية" in page["text"]
    assert "14:30 UTC" in page["text"] and "فشل طلبات" in page["text"]
    assert errors(browser) == []


def test_english_page_is_ltr_and_clean(browser: Any, served_site: str) -> None:
    page = look(browser, f"{served_site}/index.html")
    assert page["lang"] == "en" and page["direction"] == "ltr"
    assert "We are investigating failed requests." in page["text"]
    assert errors(browser) == []
    incident = look(browser, f"{served_site}/ar/incidents/1.html")
    assert incident["direction"] == "rtl" and errors(browser) == []


def test_screenshot(browser: Any, served_site: str, tmp_path: Path) -> None:
    browser.set_window_size(420, 900)  # a phone-sized viewport
    browser.get(f"{served_site}/ar/index.html")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 420, "the page scrolls sideways on a phone"
    assert browser.save_screenshot(str(tmp_path / "ar.png"))
