import pytest
from playwright.sync_api import Page, expect

from tests.factories import (
    EventIndexPageFactory,
    PartnersPageFactory,
    PeopleIndexPageFactory,
    PublicationIndexPageFactory,
    ResearchIndexPageFactory,
)


@pytest.fixture
def sections(wagtail_site):
    home = wagtail_site
    research = ResearchIndexPageFactory(parent=home, show_in_menus=True)
    PublicationIndexPageFactory(parent=research, show_in_menus=True)
    PeopleIndexPageFactory(parent=home, show_in_menus=True)
    PartnersPageFactory(parent=home, show_in_menus=True)
    EventIndexPageFactory(parent=home, show_in_menus=True)
    return home


def test_small_screen_visitor_reaches_publications_with_the_keyboard(
    live_server, page: Page, sections, axe_check, screenshot
):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main")
    toggle = page.get_by_role("button", name="Menu")
    submenu_toggle = nav.get_by_role("button", name="More in Research")
    publications = nav.get_by_role("link", name="Publications")

    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(publications).to_be_hidden()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Research")).to_be_focused()
    page.keyboard.press("Tab")
    expect(submenu_toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(submenu_toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(publications).to_be_focused()
    axe_check(page)
    screenshot(page, "menu-mobile-research-open")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.keyboard.press("Enter")

    expect(page).to_have_url(live_server.url + "/research/publications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Publications")


def test_escape_closes_the_open_section_list_first(live_server, page: Page, sections):
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main")
    submenu_toggle = nav.get_by_role("button", name="More in Research")

    submenu_toggle.focus()
    page.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Publications")).to_be_visible()
    page.keyboard.press("Escape")

    expect(nav.get_by_role("link", name="Publications")).to_be_hidden()
    expect(submenu_toggle).to_be_focused()
