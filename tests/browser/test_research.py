import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from research.choices import PublicationType
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    PublicationAuthorFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
    ThemeLeadFactory,
)


@pytest.fixture
def research(wagtail_site):
    index = ResearchIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    publications = PublicationIndexPageFactory(parent=index)
    PeopleIndexPageFactory(parent=wagtail_site)
    author = PersonFactory(name="Helen Marwick", slug="helen-marwick", photo=ImageFactory(), short_bio="Director.")
    theme = ResearchThemePageFactory(
        parent=index,
        slug="geography-and-place",
        title="Geography and place",
        hero_image=ImageFactory(),
        body=[
            (
                "chart",
                {
                    "title": "Output per hour by region",
                    "chart_type": "bar",
                    "data": "Region,Output per hour (UK = 100)\nScotland,96\nWales,84\nUK,100",
                    "y_axis_label": "UK = 100",
                    "source": "Illustrative demo figures",
                },
            )
        ],
    )
    ThemeLeadFactory(theme=theme, person=author)
    for n, kind in enumerate(PublicationType.values):
        paper = PublicationPageFactory(
            parent=publications,
            slug=f"paper-{n}",
            title=f"Paper {n}: regional productivity",
            publication_type=kind,
            publication_date=datetime.date(2021 + n % 5, 1 + n, 10),
            themes=[theme],
            doi=f"10.5555/tpi-demo.{n}",
            pdf=DocumentFactory(),
        )
        PublicationAuthorFactory(publication=paper, person=author)
    return theme


def test_visitor_filters_publications_and_cites_one(live_server, page: Page, research, axe_check, screenshot):
    page.goto(live_server.url + "/research/geography-and-place/")
    expect(page.get_by_role("img", name=re.compile("Output per hour by region"))).to_be_visible()
    axe_check(page)
    screenshot(page, "research-theme")

    page.goto(live_server.url + "/research/publications/")
    axe_check(page)
    page.get_by_text("Filter the list").click()
    page.get_by_label("Type").select_option("policy-brief")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"type=policy-brief"))
    expect(page.locator(".listing-count")).to_contain_text("1 publication")
    screenshot(page, "publication-listing-filtered")

    page.locator(".publication-list__title a").first.click()
    expect(page.get_by_role("heading", name="Cite this")).to_be_visible()
    axe_check(page)
    screenshot(page, "publication-page")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^BibTeX")).click()
    assert download.value.suggested_filename.endswith(".bib")


def test_profile_page_is_accessible(live_server, page: Page, research, axe_check, screenshot):
    page.goto(live_server.url + "/people/helen-marwick/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Helen Marwick")
    axe_check(page)
    screenshot(page, "person-profile")

    page.goto(live_server.url + "/people/")
    axe_check(page)
