"""News and search pages in Chromium: what a visitor reads, and axe finds nothing serious on them."""

import re

import pytest
from playwright.sync_api import Page, expect

from news.choices import NewsKind
from tests.factories import ImageFactory, PersonFactory
from tests.news.conftest import NewsAuthorFactory, NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def news(wagtail_site):
    index = NewsIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    for number, kind in enumerate(NewsKind.values):
        item = NewsPageFactory(
            parent=index,
            title=f"Regional productivity gaps, part {number + 1}",
            kind=kind,
            summary="What the latest figures say about the gaps between regions.",
            body=[("rich_text", "<p>Output per hour grew fastest in the North West.</p>")],
            hero_image=ImageFactory(description="A chart of output per hour by region"),
        )
        NewsAuthorFactory(page=item, person=PersonFactory(name=f"Author {number + 1}"))
    return index


def test_a_visitor_reads_the_news_and_searches_for_it(live_server, page: Page, news, axe_check, screenshot):
    page.goto(live_server.url + "/news/")
    expect(page.get_by_role("heading", level=1)).to_have_text("News")
    axe_check(page)
    screenshot(page, "news-index")

    page.get_by_role("link", name="Regional productivity gaps, part 1").click()
    expect(page).to_have_url(re.compile(r"/news/regional-productivity-gaps-part-1/$"))
    expect(page.get_by_text("Output per hour grew fastest in the North West.")).to_be_visible()
    axe_check(page)

    page.goto(live_server.url + "/search/?q=regional+productivity+gaps")
    expect(page.get_by_role("link", name="Regional productivity gaps, part 1")).to_be_visible()
    axe_check(page)
    screenshot(page, "search-results")

    page.set_viewport_size({"width": 320, "height": 800})
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
