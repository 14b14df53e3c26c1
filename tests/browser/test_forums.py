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

    page.get_by_role("link", name="Wales forum").click()

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
