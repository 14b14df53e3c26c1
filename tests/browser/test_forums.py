import re

import pytest
from playwright.sync_api import Page, expect

from institute.access import staff_editors_group
from tests.factories import ForumIndexPageFactory, ForumMemberFactory, ForumPageFactory, ImageFactory, PersonFactory

PASSWORD = "forum-lead-pass-phrase"


@pytest.fixture
def forums(wagtail_site, django_user_model):
    staff_editors_group()  # live-server tests empty the database, groups included
    index = ForumIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    made = {}
    for slug, region in [("scotland", "Scotland"), ("wales", "Wales"), ("north-west", "North West")]:
        user = django_user_model.objects.create_user(f"lead-{slug}", password=PASSWORD)
        lead = PersonFactory(user=user, photo=ImageFactory())
        made[slug] = ForumPageFactory(
            parent=index,
            slug=slug,
            map_shape=slug,
            region=region,
            lead=lead,
            chair=PersonFactory(photo=ImageFactory()),
            hero_image=ImageFactory(),
            hero_image_alt="",
            contact_email=f"{slug}@example.org",
        )
        ForumMemberFactory(forum=made[slug])
    return made


def test_visitor_finds_a_forum_from_the_map(live_server, page: Page, forums, axe_check, screenshot):
    page.goto(live_server.url + "/forums/")
    axe_check(page)
    screenshot(page, "forum-index")

    page.get_by_role("link", name="Wales forum").locator(".forum-map__label").click()

    expect(page).to_have_url(re.compile(r"/forums/wales/$"))
    expect(page.get_by_role("heading", name="Key contacts")).to_be_visible()
    axe_check(page)
    screenshot(page, "forum-page")


def test_map_regions_are_reachable_with_the_keyboard(live_server, page: Page, forums):
    page.goto(live_server.url + "/forums/")
    region = page.get_by_role("link", name="Scotland forum")
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/forums/scotland/$"))


def test_scotland_lead_edits_and_publishes_their_forum_only(live_server, page: Page, forums, screenshot):
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("lead-scotland")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your forum")).to_be_visible()
    screenshot(page, "forum-lead-dashboard")

    page.get_by_role("link", name="Edit the forum page").click()
    page.get_by_role("textbox", name="Summary").fill("Scotland's forum, updated by its lead in the browser.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()

    page.goto(live_server.url + "/forums/scotland/")
    expect(page.locator(".page-intro")).to_have_text("Scotland's forum, updated by its lead in the browser.")

    response = page.goto(live_server.url + f"/admin/pages/{forums['wales'].pk}/edit/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_text("Sorry, you do not have permission to access this area.")).to_be_visible()
    assert response.ok  # the refusal lands on the dashboard with a message, not an error page


# The eight forums' regions and names, as in the demo: the longest names the map labels.
DEMO_FORUMS = [
    ("scotland", "Scotland"),
    ("london-and-the-south", "London and the South"),
    ("yorkshire-humber-and-north-east", "Yorkshire, Humber and North East"),
    ("midlands", "Midlands"),
    ("north-west", "North West"),
    ("wales", "Wales"),
    ("northern-ireland", "Northern Ireland"),
    ("east-anglia", "East Anglia"),
]
LABEL_SIZES = """() => {
    const svg = document.querySelector('.forum-map__svg');
    return [...svg.querySelectorAll('.forum-map__label')].map(
        label => parseFloat(getComputedStyle(label).fontSize) * svg.getScreenCTM().a
    );
}"""
LABELS_INSIDE_THE_MAP = """() => {
    const map = document.querySelector('.forum-map__svg').getBoundingClientRect();
    return [...document.querySelectorAll('.forum-map__label')].every(label => {
        const box = label.getBoundingClientRect();
        return box.left >= map.left && box.right <= map.right && box.top >= map.top && box.bottom <= map.bottom;
    });
}"""


@pytest.fixture
def all_forums(wagtail_site):
    index = ForumIndexPageFactory(parent=wagtail_site, slug="forums")
    return [ForumPageFactory(parent=index, slug=slug, region=region, map_shape=slug) for slug, region in DEMO_FORUMS]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_forums_index_puts_the_labelled_map_first_and_beside_the_list(
    live_server, page: Page, all_forums, axe_check, screenshot
):
    for width in (1280, 768, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_server.url + "/forums/")
        screenshot(page, f"forum-index-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(LABELS_INSIDE_THE_MAP)
        map_box, list_box = box(page, ".forum-map__svg"), box(page, ".forum-overview__list")
        if width >= 768:
            # Side by side, both starting at the top of the first screen.
            assert map_box["x"] + map_box["width"] <= list_box["x"]
            assert abs(map_box["y"] - list_box["y"]) < 2 and map_box["y"] < 600
        else:
            # The map first and small, its labels still at least 14 px.
            assert map_box["y"] + map_box["height"] <= list_box["y"]
            assert map_box["height"] <= 320
            assert min(page.evaluate(LABEL_SIZES)) >= 14
            # Compact cards: the locator beside the name, no tall picture.
            assert box(page, ".forum-card")["height"] < 360
    expect(page.locator(".forum-map__label")).to_have_count(8)
    axe_check(page)

    # Each region is a link in the tab order, its focus drawn in the site's focus yellow.
    focused = "document.activeElement.getAttribute('aria-label')"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "Yorkshire, Humber and North East forum":
            break
    assert page.evaluate(focused) == "Yorkshire, Humber and North East forum"
    fill = "getComputedStyle(document.activeElement.querySelector('.forum-map__region')).fill"
    page.wait_for_function(f"() => {fill} === 'rgb(255, 210, 63)'")  # after the fill's short transition
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/forums/yorkshire-humber-and-north-east/$"))


def test_a_phone_shows_who_runs_a_forum_on_the_first_screen(live_server, page: Page, forums, axe_check, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/forums/wales/")
    screenshot(page, "forum-page-375")

    for role in ("Chair", "Forum lead"):
        card = box(page, f".contact-card:has(.contact-card__role:text-is('{role}'))")
        assert card["y"] + card["height"] <= 900
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    axe_check(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "forum-page-1280")
    contacts, main = box(page, ".forum-page__contacts"), box(page, ".forum-page__main")
    assert contacts["x"] > main["x"] + main["width"] and abs(contacts["y"] - main["y"]) < 2


def test_the_home_page_forums_section_is_compact(live_server, page: Page, all_forums, axe_check, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/")
    section = page.locator("section[aria-labelledby=section-forums]")

    screenshot(page, "home-forums-375")
    assert section.bounding_box()["height"] <= 700
    expect(section.locator(".forum-map__link")).to_have_count(8)
    axe_check(page, context="section[aria-labelledby=section-forums]")
