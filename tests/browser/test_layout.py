"""The demo site as a newcomer sees it after `make run`, at a desktop, a tablet and a phone width.

One server for the module, on a database of its own holding the full demo content: the positions the
design promises (facts first on a phone, short pages, no sideways scrolling) are measured on real
content, axe checks every page type against every WCAG rule it has (AAA included) at each width, and
every page type is photographed at the three widths into artifacts/layout/ for review.
"""

import os
import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ARTIFACTS
from tests.helpers import free_port
from tests.servers import BASE_DIR, wait_until_up

WIDTHS = {"desktop": 1280, "tablet": 768, "phone": 375}
# The README shows the first screen of these; `make design-screenshots` takes them again into docs/design/.
README_SCREENSHOTS = {("forum-index", "desktop"), ("home", "phone")}
DESIGN_SCREENSHOTS = BASE_DIR / "docs" / "design"
PAGE_TYPES = {
    "home": "/",
    "standard-page": "/about/",
    "form-page": "/contact/",
    "forum-index": "/forums/",
    "forum": "/forums/scotland/",
    "research-index": "/research/",
    "theme": "/research/geography-and-place/",
    "publication-index": "/research/publications/",
    "partners": "/partners/",
    "people-index": "/people/",
    "event-index": "/events/",
    "news-index": "/news/",
    "search": "/search/?q=productivity",
    "newsletter": "/newsletter/",
    # The demo's Welsh pages (institute/demo/welsh.py).
    "welsh-home": "/cy/",
    "welsh-forum": "/cy/forums/wales/",
    "welsh-event": "/cy/forums/wales/wales-breakfast-briefing-2023/",
    "welsh-contact": "/cy/contact/",
}
# Each listing, and what one of its results is.
# Every WCAG rule axe has, AAA included (colour contrast of 7:1 among them).
AXE_WCAG_AAA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
LISTINGS = {
    "/research/publications/": ".publication-list__item",
    "/events/": ".event-list__item",
    "/news/": ".news-results li",
    "/people/": ".person-card",
}


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """`make run`'s database and server (migrate, load_demo_content, runserver) in a folder of the test's own."""
    data = tmp_path_factory.mktemp("demo-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "institute.settings.dev",
        "DATABASE_URL": f"sqlite:///{data / 'db.sqlite3'}",
        "MEDIA_ROOT": str(data / "media"),
        "CACHE_DIR": str(data / "cache"),
    }
    env.pop("CACHE_URL", None)
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], env=env, check=True, cwd=BASE_DIR)  # noqa: S603
    subprocess.run([*manage, "load_demo_content"], env=env, check=True, cwd=BASE_DIR, stdout=subprocess.DEVNULL)  # noqa: S603
    port = free_port()
    log = data / "server.log"
    server = subprocess.Popen(  # noqa: S603  (our own manage.py)
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server, log)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def open_at(page: Page, url, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(url)
    assert response.status == 200, url


def top_of(page: Page, locator):
    """Where `locator` starts, in CSS pixels from the top of the document."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    return box["y"] + page.evaluate("window.scrollY")


def bottom_of(page: Page, locator):
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    return box["y"] + box["height"] + page.evaluate("window.scrollY")


def horizontal_overflow(page: Page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def result_links(page: Page, base, listing):
    page.goto(base + listing)
    return page.locator(f"{LISTINGS[listing]} a").evaluate_all("links => links.map(link => link.getAttribute('href'))")


def detail_pages(page: Page, base):
    """A page of each type reached from its listing: the first event, news item, publication and profile."""
    names = {"/events/": "event", "/news/": "news", "/research/publications/": "publication", "/people/": "profile"}
    return {name: result_links(page, base, listing)[0] for listing, name in names.items()}


def axe_violations(page: Page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_WCAG_AAA)
    return [
        f"{violation['id']}: " + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
    ]


def test_every_page_type_at_three_widths(demo_site, page: Page):
    folder = os.path.join(ARTIFACTS, "layout")
    os.makedirs(folder, exist_ok=True)
    pages = {**PAGE_TYPES, **detail_pages(page, demo_site)}
    page.goto(demo_site + "/events/")
    pages["calendar"] = page.get_by_role("link", name="Month by month").get_attribute("href")
    for width_name, width in WIDTHS.items():
        for name, path in pages.items():
            open_at(page, demo_site + path, width)
            assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways at {width} px"
            assert axe_violations(page) == [], f"{path} at {width} px"
            # A full-page picture shows what is below the fold, so the lazy images must load first.
            page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=os.path.join(folder, f"{name}-{width_name}.png"), full_page=True)
            if (name, width_name) in README_SCREENSHOTS:
                first_screens = DESIGN_SCREENSHOTS if os.environ.get("UPDATE_DESIGN_SCREENSHOTS") else folder
                page.screenshot(path=os.path.join(first_screens, f"{name}-{width_name}-first-screen.png"))


def test_the_home_page_is_short_on_a_phone(demo_site, page: Page):
    open_at(page, demo_site + "/", 375)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 3200


@pytest.mark.parametrize("listing", LISTINGS)
def test_listings_show_the_first_result_on_the_first_screen_of_a_phone(demo_site, page: Page, listing):
    open_at(page, demo_site + listing, 375)
    first_result = page.locator(LISTINGS[listing]).first
    assert top_of(page, first_result) < 600


def test_an_event_shows_its_date_and_register_button_first_on_a_phone(demo_site, page: Page):
    for href in result_links(page, demo_site, "/events/"):
        open_at(page, demo_site + href, 375)
        register = page.get_by_role("link", name=re.compile(r"^Register"))
        if register.count():
            break
    else:
        pytest.fail("no upcoming demo event has a Register link")
    assert bottom_of(page, register.first) < 700
    assert bottom_of(page, page.locator("main time").first) < 700


def test_a_forum_shows_its_chair_and_lead_first_on_a_phone(demo_site, page: Page):
    open_at(page, demo_site + "/forums/scotland/", 375)
    contacts = page.get_by_role("region", name="Key contacts")
    for role in ("Chair", "Forum lead"):
        assert bottom_of(page, contacts.get_by_text(role, exact=True).first) < 900


def test_the_calendar_is_a_list_of_days_on_a_phone_and_a_grid_above(demo_site, page: Page):
    page.goto(demo_site + "/events/")
    calendar = page.get_by_role("link", name="Month by month").get_attribute("href")
    open_at(page, demo_site + calendar, 375)
    assert not page.get_by_role("table").first.is_visible()
    assert page.locator("main ol, main ul").filter(has=page.locator("time")).first.is_visible()
    assert horizontal_overflow(page) <= 0
    open_at(page, demo_site + calendar, 1280)
    assert page.get_by_role("table").first.is_visible()
