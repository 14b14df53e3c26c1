"""The README's "Editing your forum" guide, walked through as a forum lead in Chromium.

Each step the guide describes is done here, and its screenshot is taken here: `make guide-screenshots`
writes them into docs/editing-your-forum/ for the README; an ordinary run keeps them in artifacts/guide/.
"""

import os

import pytest
from playwright.sync_api import Page, expect

from events.models import EventPage
from institute.access import staff_editors_group
from institute.demo.helpers import illustration_image
from institute.media_choices import site_images_collection
from tests.factories import EventIndexPageFactory, ForumIndexPageFactory, ForumPageFactory, PersonFactory

PASSWORD = "forum-lead-pass-phrase"
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
GUIDE_SCREENSHOTS = os.path.join(ROOT, "docs", "editing-your-forum")


@pytest.fixture
def guide_screenshot():
    folder = (
        GUIDE_SCREENSHOTS if os.environ.get("UPDATE_GUIDE_SCREENSHOTS") else os.path.join(ROOT, "artifacts", "guide")
    )
    os.makedirs(folder, exist_ok=True)

    def take(page, name):
        page.screenshot(path=os.path.join(folder, f"{name}.png"), animations="disabled")

    return take


@pytest.fixture
def scotland(wagtail_site, django_user_model, settings):
    settings.WAGTAIL_SITE_NAME = "The Productivity Institute"
    staff_editors_group()  # live-server tests empty the database, groups included
    forums = ForumIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    EventIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    user = django_user_model.objects.create_user(
        "lead-scotland", password=PASSWORD, first_name="Ailsa", last_name="Lead"
    )
    forum = ForumPageFactory(
        parent=forums,
        title="Scotland Productivity Forum",
        slug="scotland",
        region="Scotland",
        lead=PersonFactory(user=user),
    )
    # Drawn as the demo draws its pictures, so the guide's screenshots look like the real thing.
    illustration_image("Glasgow skyline at dusk", description="Glasgow's skyline", collection=forum.access.collection)
    illustration_image("Productivity Week banner", description="Productivity Week", collection=site_images_collection())
    wales = ForumPageFactory(parent=forums, slug="wales")
    illustration_image("Wales forum meeting", description="A forum meeting", collection=wales.access.collection)
    return forum


def test_a_forum_lead_follows_the_guide(live_server, page: Page, scotland, guide_screenshot):
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("lead-scotland")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your forum")).to_be_visible()
    guide_screenshot(page, "1-dashboard")

    # A new event under the forum: "Add a page", then "Event page".
    page.get_by_role("link", name="Add a page").click()
    page.get_by_role("link", name="Event page", exact=True).click()
    page.locator("#id_title").fill("Productivity in the Highlands")
    page.locator("#id_summary").fill("A breakfast briefing for businesses in Inverness.")
    page.locator("#id_starts_at").fill("18/03/2027 08:00")
    page.locator("#id_ends_at").fill("18/03/2027 10am")
    page.keyboard.press("Escape")
    page.locator("#id_event_type").select_option(label="Forum meeting")
    page.locator("#id_event_format").select_option(label="In person")
    page.locator("#id_venue_name").fill("Inverness Campus")

    # The image chooser offers the forum's own images and the shared Site images, nothing of other forums.
    page.get_by_role("button", name="Choose an image").first.click()
    chooser = page.locator(".modal-dialog")
    expect(chooser.get_by_text("Glasgow skyline at dusk")).to_be_visible()
    expect(chooser.get_by_text("Productivity Week banner")).to_be_visible()
    expect(chooser.get_by_text("Wales forum meeting")).to_have_count(0)
    guide_screenshot(page, "2-image-chooser")
    chooser.get_by_role("link", name="Productivity Week banner").click()
    expect(chooser).to_be_hidden()

    # A speaker who is not on the site yet is added from inside the person chooser.
    page.get_by_role("button", name="Add speaker").click()
    page.get_by_role("button", name="Choose person").click()
    chooser.get_by_role("tab", name="Add a person").click()
    chooser.get_by_label("Name*").fill("Morag Innes")
    chooser.get_by_label("Job title").fill("Managing Director, Highland Engineering")
    guide_screenshot(page, "3-add-a-speaker")
    chooser.get_by_role("button", name="Add person").click()
    expect(chooser).to_be_hidden()
    expect(page.get_by_text("Morag Innes")).to_be_visible()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("'Productivity in the Highlands' created and published")).to_be_visible()
    guide_screenshot(page, "4-published")

    event = EventPage.objects.get(title="Productivity in the Highlands")
    assert event.get_parent().pk == scotland.pk
    assert [speaker.person.name for speaker in event.speakers.all()] == ["Morag Innes"]
    assert event.speakers.get().person.added_by.username == "lead-scotland"

    page.goto(live_server.url + event.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Productivity in the Highlands")
    expect(page.get_by_text("Morag Innes")).to_be_visible()
    guide_screenshot(page, "5-live-event")
