"""Issue 12 on a phone, in Chromium at 375 and 320px: results first, no sideways scrolling, the calendar as a list,
charts labelled in legible text, a menu button that moves nothing, 44px targets, and a print view without the site
around the content."""

import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from events.dates import LONDON, local
from forums.demo import FORUMS
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FormFieldFactory,
    FormPageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
)
from tests.institute.test_chart_block import chart_value
from tests.news.conftest import NewsIndexPageFactory, NewsPageFactory

PHONE = {"width": 375, "height": 800}
NARROWEST = {"width": 320, "height": 640}
REGIONS = [forum.region for forum in FORUMS] + ["UK"]

# Sums the page's layout shifts so far (Cumulative Layout Shift), after giving late ones half a second to arrive.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 500);
})"""

# Visible elements matching the selector that are smaller than 44 by 44px, described for the failure message.
SMALL_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
    .filter((element) => element.getClientRects().length)
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([, box]) => box.width < 43.5 || box.height < 43.5)
    .map(([element, box]) => `${element.outerHTML.slice(0, 80)}: ${box.width}x${box.height}`)"""

# Each chart label's text, its lines (tspans) joined by spaces.
LABEL_TEXTS = "texts => texts.map((text) => [...text.children].map((line) => line.textContent).join(' '))"
# The size each text is drawn at: its font size in viewBox units times the SVG's scale on screen.
RENDERED_FONT_SIZES = """texts => texts.map((text) => {
    const svg = text.ownerSVGElement;
    return parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
})"""


def this_month_day(day, hour):
    today = local(timezone.now()).date()
    return datetime.datetime(today.year, today.month, day, hour, tzinfo=LONDON)


@pytest.fixture
def listings(wagtail_site):
    home = wagtail_site
    StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    research = ResearchIndexPageFactory(parent=home, slug="research", show_in_menus=True)
    publications = PublicationIndexPageFactory(parent=research, slug="publications")
    for number in range(22):  # two pages
        PublicationPageFactory(parent=publications, publication_date=datetime.date(2024, 1, 1 + number))
    events = EventIndexPageFactory(parent=home, slug="events", show_in_menus=True)
    for day in (3, 4, 20):
        EventPageFactory(parent=events, starts_at=this_month_day(day, 10), ends_at=this_month_day(day, 12))
    news = NewsIndexPageFactory(parent=home, slug="news")
    for _ in range(3):
        NewsPageFactory(parent=news)
    PeopleIndexPageFactory(parent=home, slug="people")
    for _ in range(3):
        PersonFactory()
    csv = "Region,Output per hour (UK = 100)\n" + "\n".join(f'"{region}",{90 + n}' for n, region in enumerate(REGIONS))
    StandardPageFactory(parent=home, slug="chart", body=[("chart", chart_value(title="By region", data=csv))])
    return home


def assert_no_sideways_scrolling(page):
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize(
    ("path", "first_result"),
    [
        ("/research/publications/", ".publication-list__item"),
        ("/events/", ".event-list__item"),
        ("/news/", ".news-results li"),
        ("/people/", ".person-card"),
    ],
)
def test_on_a_phone_the_first_result_is_on_the_first_screen(
    live_server, page: Page, listings, axe_check, screenshot, path, first_result
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + path)

    assert page.locator(first_result).first.bounding_box()["y"] < 600
    expect(page.locator("details.filters-disclosure")).not_to_have_attribute("open", "")
    assert_no_sideways_scrolling(page)
    assert page.evaluate(SMALL_TARGETS, ".filters-disclosure__summary, .active-filters a, .pagination a") == []
    screenshot(page, f"phone-listing{path.replace('/', '-').rstrip('-')}")

    page.get_by_text("Filter the list").click()
    assert page.evaluate(SMALL_TARGETS, ".filters select, .filters button") == []
    # Every dropdown shows its chosen value whole.
    assert page.evaluate("[...document.querySelectorAll('.filters select')].every(s => s.scrollWidth <= s.clientWidth)")
    axe_check(page)

    page.set_viewport_size(NARROWEST)
    assert_no_sideways_scrolling(page)


def test_the_calendar_is_a_list_of_days_below_640px_and_a_grid_above(
    live_server, page: Page, listings, axe_check, screenshot
):
    today = local(timezone.now()).date()
    page.set_viewport_size(NARROWEST)
    page.goto(f"{live_server.url}/events/calendar/{today.year}/{today.month}/")

    expect(page.locator("section.calendar-days")).to_be_visible()
    expect(page.locator(".calendar-days h3")).to_have_count(3)
    expect(page.locator("table.calendar")).to_be_hidden()
    assert_no_sideways_scrolling(page)
    assert page.evaluate(SMALL_TARGETS, ".calendar-nav a, .calendar__events a") == []
    axe_check(page)
    screenshot(page, "phone-calendar")

    page.set_viewport_size({"width": 700, "height": 800})
    expect(page.locator("section.calendar-days")).to_be_hidden()
    expect(page.locator("table.calendar")).to_be_visible()
    assert_no_sideways_scrolling(page)
    caption = page.locator("table.calendar caption").bounding_box()
    wrapper = page.locator(".calendar-wrapper").bounding_box()
    assert caption["x"] >= wrapper["x"] and caption["x"] + caption["width"] <= wrapper["x"] + wrapper["width"] + 1
    assert page.evaluate(
        "(() => { const w = document.querySelector('.calendar-wrapper'); return w.scrollWidth <= w.clientWidth; })()"
    )
    assert page.evaluate(SMALL_TARGETS, ".calendar__events a") == []
    axe_check(page)


def test_a_chart_on_a_phone_labels_every_category_in_text_of_at_least_14px(live_server, page: Page, listings):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/chart/")

    labels = page.locator("svg.block-chart__svg text.block-chart__category")
    assert labels.evaluate_all(LABEL_TEXTS) == REGIONS
    assert min(labels.evaluate_all(RENDERED_FONT_SIZES)) >= 14
    # Bars lie on their side: each label is upright left of the bars, inside the page and clear of the next one.
    boxes = labels.evaluate_all("texts => texts.map((text) => text.getBoundingClientRect().toJSON())")
    bars_start = page.locator("svg.block-chart__svg rect.block-chart__bar").first.bounding_box()["x"]
    assert all(box["left"] >= 0 and box["right"] <= bars_start and box["height"] < 50 for box in boxes)
    assert all(above["bottom"] <= below["top"] for above, below in zip(boxes, boxes[1:], strict=False))
    assert_no_sideways_scrolling(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    assert max(labels.evaluate_all(RENDERED_FONT_SIZES)) <= 18  # readable, not huge, on a desktop


def test_the_menu_button_is_drawn_before_the_script_runs_and_nothing_moves(
    live_server, page: Page, listings, axe_check
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/about/")

    assert page.evaluate(LAYOUT_SHIFT) == 0
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    assert page.evaluate(SMALL_TARGETS, ".nav-toggle") == []
    toggle.click()
    assert page.evaluate(SMALL_TARGETS, ".main-nav a, .main-nav button") == []
    axe_check(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.evaluate(SMALL_TARGETS, ".main-nav a, .main-nav button") == []


def test_without_javascript_the_menu_is_open_and_has_no_button(live_server, browser, listings):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/about/")

    expect(page.locator(".nav-toggle")).to_be_hidden()
    expect(page.locator(".main-nav").get_by_role("link", name="About us")).to_be_visible()
    context.close()


def test_printing_leaves_out_the_site_around_the_content(live_server, page: Page, listings, screenshot):
    page.goto(live_server.url + "/research/publications/")
    page.emulate_media(media="print")

    for selector in [".site-header", ".site-footer", ".filters-disclosure", ".pagination", ".main-nav"]:
        expect(page.locator(selector)).to_be_hidden()
    expect(page.locator(".publication-list__item").first).to_be_visible()
    screenshot(page, "print-publication-listing")


def test_after_a_failed_send_the_focus_is_on_the_error_summary(live_server, page: Page, wagtail_site, axe_check):
    contact = FormPageFactory(parent=wagtail_site, slug="contact")
    FormFieldFactory(page=contact, label="Your name", field_type="singleline")
    FormFieldFactory(page=contact, label="Your email", field_type="email")
    page.goto(live_server.url + "/contact/")
    expect(page.get_by_label("Your name")).to_have_attribute("autocomplete", "name")
    expect(page.get_by_text("Your email (required)")).to_be_visible()

    page.get_by_label("Your name").evaluate("field => field.removeAttribute('required')")  # reach the server's check
    page.get_by_label("Your email").fill("ada@example.com")
    page.get_by_role("button", name="Send").click()

    expect(page.locator(".error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Your name: This field is required.")).to_be_focused()
    axe_check(page)
