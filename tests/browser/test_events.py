import datetime
import json
import re

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from events.dates import LONDON, local
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSpeakerFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    ImageFactory,
    PersonFactory,
)

# Records the page's Content Security Policy violations, if any, for the test to read.
CSP_LISTENER = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def uk_day(days_from_today, hour, minute=0):
    day = local(timezone.now()).date() + datetime.timedelta(days=days_from_today)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)


@pytest.fixture
def events(wagtail_site):
    forums = ForumIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    scotland = ForumPageFactory(parent=forums, slug="scotland", region="Scotland")
    wales = ForumPageFactory(parent=forums, slug="wales", region="Wales")
    index = EventIndexPageFactory(parent=wagtail_site, show_in_menus=True)
    speakers = [PersonFactory(photo=ImageFactory()) for _ in range(3)]
    conference = EventPageFactory(
        parent=index,
        title="Annual productivity conference",
        slug="annual-conference",
        summary="New research, the regional picture and what policy should do next.",
        starts_at=uk_day(3, 9, 30),
        ends_at=uk_day(3, 16, 30),
        event_type="conference",
        event_format="hybrid",
        online_url="https://meet.example/conference",
        registration_url="https://tickets.example/conference",
        registration_deadline=uk_day(2, 17),
        hero_image=ImageFactory(),
        hero_image_alt="",
        forums=[scotland, wales],
        body=[("rich_text", "<p>The institute's annual conference.</p>")],
        programme=[
            (
                "session",
                {
                    "start_time": datetime.time(9, 30),
                    "end_time": datetime.time(10, 30),
                    "title": "Keynote: productivity and places",
                    "speakers": speakers[:1],
                    "description": "Why productivity differs between the UK's regions.",
                },
            ),
            (
                "session",
                {
                    "start_time": datetime.time(11),
                    "end_time": datetime.time(12, 30),
                    "title": "Panel: firms, skills and management",
                    "speakers": speakers,
                    "description": "",
                },
            ),
        ],
    )
    for position, (person, role) in enumerate(zip(speakers, ["Keynote speaker", "Chair", "Panellist"], strict=True)):
        EventSpeakerFactory(event=conference, person=person, role=role, sort_order=position)
    EventPageFactory(parent=scotland, title="Scotland forum meeting", starts_at=uk_day(3, 14), ends_at=uk_day(3, 16))
    EventPageFactory(
        parent=index,
        title="Summer school",
        starts_at=uk_day(5, 9),
        ends_at=uk_day(8, 17),
        is_all_day=True,
        event_type="workshop",
    )
    EventPageFactory(parent=wales, title="Wales webinar", event_format="online", starts_at=uk_day(12, 12, 30))
    EventPageFactory(parent=index, title="Last month's workshop", starts_at=uk_day(-30, 10))
    return {"conference": conference, "scotland": scotland}


def test_visitor_filters_the_listing(live_server, page: Page, events, axe_check, screenshot):
    page.goto(live_server.url + "/events/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    axe_check(page)
    screenshot(page, "events-listing")

    page.get_by_text("Filter the list").click()
    page.get_by_label("Forum").select_option("scotland")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"forum=scotland"))
    expect(page.locator(".event-list__title")).to_have_text(
        ["Annual productivity conference", "Scotland forum meeting"]
    )
    axe_check(page)

    page.get_by_role("link", name="Past events").click()
    expect(page.locator(".event-results__title")).to_have_text("0 past events")
    page.goto(live_server.url + "/events/?when=past")
    expect(page.locator(".event-list__title")).to_have_text(["Last month's workshop"])


def test_visitor_browses_the_month_calendar(live_server, page: Page, events, axe_check, screenshot):
    conference = events["conference"]
    start = local(conference.starts_at)
    page.goto(live_server.url + f"/events/calendar/{start.year}/{start.month}/")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Annual productivity conference")
    axe_check(page)
    screenshot(page, "events-calendar")

    page.set_viewport_size({"width": 320, "height": 800})
    axe_check(page)
    screenshot(page, "events-calendar-320")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # the table scrolls in its own box
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("link", name="Annual productivity conference").first.click()
    expect(page).to_have_url(re.compile(r"/events/annual-conference/$"))

    page.go_back()
    # Previous and Next go only as far as the first and last month with events.
    page.locator(".calendar-nav a[rel=next], .calendar-nav a[rel=prev]").first.click()
    expect(page).to_have_url(re.compile(r"/events/calendar/\d{4}/\d{1,2}/$"))
    axe_check(page)


def test_event_page_is_accessible_and_its_json_ld_breaks_no_csp(live_server, page: Page, events, axe_check, screenshot):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.add_init_script(CSP_LISTENER)

    response = page.goto(live_server.url + "/events/annual-conference/")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual productivity conference")
    expect(page.get_by_role("link", name="Add to Google Calendar")).to_have_attribute(
        "href", re.compile(r"^https://calendar\.google\.com/calendar/render\?action=TEMPLATE&")
    )
    expect(page.get_by_role("link", name=re.compile(r"^Register"))).to_be_visible()
    axe_check(page)
    screenshot(page, "event-page")

    scripts = page.locator('script[type="application/ld+json"]').all_text_contents()
    data = {item["@type"]: item for item in map(json.loads, scripts)}
    assert set(data) == {"Event", "BreadcrumbList"}
    assert data["Event"]["name"] == "Annual productivity conference"
    assert page.evaluate("window.cspViolations") == []
    assert not [text for text in messages if "Content Security Policy" in text]

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the event (.ics)").click()
    assert download.value.suggested_filename == "annual-conference.ics"

    page.set_viewport_size({"width": 320, "height": 800})
    screenshot(page, "event-page-320")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_forum_card_links_to_the_next_event(live_server, page: Page, events, axe_check, screenshot):
    page.goto(live_server.url + "/forums/")
    axe_check(page)
    screenshot(page, "forum-cards-next-event")

    card = page.locator(".forum-card", has_text="Scotland")
    expect(card.locator(".forum-card__next-event")).to_contain_text("Next event: Annual productivity conference")
    card.get_by_role("link", name="Annual productivity conference").click()
    expect(page).to_have_url(re.compile(r"/events/annual-conference/$"))


def test_an_editor_types_a_uk_date_and_it_stays_as_typed(live_server, page: Page, events, django_user_model):
    django_user_model.objects.create_superuser("editor", password="editor-pass-phrase")
    conference = events["conference"]
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("editor-pass-phrase")
    page.get_by_role("button", name="Sign in").click()

    page.goto(live_server.url + f"/admin/pages/{conference.pk}/edit/")
    starts = page.locator("#id_starts_at")
    starts.fill("18/03/2027 10:00")
    starts.blur()  # the date picker used to replace text it could not read with the current time here
    expect(starts).to_have_value("18/03/2027 10:00")
    ends = page.locator("#id_ends_at")
    ends.fill("18 March 2027 4pm")
    ends.blur()
    expect(ends).to_have_value("18 March 2027 4pm")

    page.keyboard.press("Escape")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    conference.refresh_from_db()
    draft = conference.get_latest_revision_as_object()
    assert (draft.starts_at, draft.ends_at) == (
        datetime.datetime(2027, 3, 18, 10, tzinfo=LONDON),
        datetime.datetime(2027, 3, 18, 16, tzinfo=LONDON),
    )
