"""The calendar feeds, parsed back with the icalendar package, and the RSS feed, parsed as XML."""

import datetime
import xml.etree.ElementTree as ET
from http import HTTPStatus

from wagtail.models import PageViewRestriction

import pytest
from icalendar import Calendar

from events.dates import LONDON
from events.views import feed_start
from tests.events.conftest import NOW, uk
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

REQUIRED = ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL", "DESCRIPTION"]


def parse(response):
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    # RFC 5545: lines end in CRLF and are folded at 75 octets.
    assert raw.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = Calendar.from_ical(raw)
    assert calendar.name == "VCALENDAR"
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", "-//The Productivity Institute//Events//EN")
    for event in calendar.events:
        assert all(field in event for field in REQUIRED), [field for field in REQUIRED if field not in event]
    return calendar


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.events}


@pytest.fixture
def conference(event_index, now):
    return EventPageFactory(
        parent=event_index,
        title="Annual conference",
        slug="annual-conference",
        summary="New research, and what policy should do next.",
        starts_at=uk(2026, 11, 27, 9, 30),
        ends_at=uk(2026, 11, 27, 16),
        event_type="conference",
        venue_name="Bush House",
        venue_address="30 Aldwych\nLondon\nWC2B 4BG",
        registration_url="https://tickets.example/conference",
    )


def test_an_events_fields_one_by_one(client, conference):
    calendar = parse(client.get("/events/feed.ics"))

    [event] = calendar.events
    assert str(event["UID"]) == f"event-{conference.translation_key}@localhost"
    assert event["DTSTAMP"].dt == NOW  # when it was last published, in UTC
    assert event["DTSTART"].dt == datetime.datetime(2026, 11, 27, 9, 30, tzinfo=LONDON)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event["DTEND"].dt == datetime.datetime(2026, 11, 27, 16, tzinfo=LONDON)
    assert event["DTEND"].params["TZID"] == "Europe/London"
    assert str(event["SUMMARY"]) == "Annual conference"
    assert str(event["LOCATION"]) == "Bush House, 30 Aldwych, London, WC2B 4BG"
    assert str(event["URL"]) == "http://localhost/events/annual-conference/"
    assert str(event["DESCRIPTION"]).split("\n") == [
        "New research, and what policy should do next.",
        "",
        "Friday 27 November 2026, 9:30am to 4pm (UK time)",
        "Register: https://tickets.example/conference",
        "Details: http://localhost/events/annual-conference/",
    ]
    assert event.categories == ["Conference"]
    [timezone] = calendar.timezones
    assert str(timezone["TZID"]) == "Europe/London"
    assert str(calendar["X-WR-CALNAME"]) == "Events | The Productivity Institute"


def test_times_carry_their_zone_in_summer_and_winter(client, event_index, now):
    EventPageFactory(parent=event_index, title="Summer", starts_at=uk(2026, 7, 1, 9, 30), ends_at=uk(2026, 7, 1, 11))

    event = by_summary(parse(client.get("/events/feed.ics")))["Summer"]

    assert event["DTSTART"].to_ical() == b"20260701T093000"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event["DTSTART"].dt.astimezone(datetime.UTC) == datetime.datetime(2026, 7, 1, 8, 30, tzinfo=datetime.UTC)


def test_an_all_day_event_is_dates_ending_the_day_after(client, event_index, now):
    EventPageFactory(
        parent=event_index,
        title="Productivity Week",
        starts_at=uk(2026, 11, 23, 9),
        ends_at=uk(2026, 11, 27, 17),
        is_all_day=True,
        event_format="online",
    )

    event = by_summary(parse(client.get("/events/feed.ics")))["Productivity Week"]

    assert (event["DTSTART"].dt, event["DTEND"].dt) == (datetime.date(2026, 11, 23), datetime.date(2026, 11, 28))
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["LOCATION"]) == "Online"


def test_the_feed_has_upcoming_events_and_those_of_the_past_twelve_months(client, event_index, now):
    EventPageFactory(parent=event_index, title="Next month", starts_at=NOW + datetime.timedelta(days=30))
    EventPageFactory(parent=event_index, title="Eleven months ago", starts_at=uk(2025, 7, 15, 10))
    EventPageFactory(parent=event_index, title="Thirteen months ago", starts_at=uk(2025, 5, 15, 10))
    draft = EventPageFactory(parent=event_index, title="Draft")
    draft.unpublish()
    private = EventPageFactory(parent=event_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    calendar = parse(client.get("/events/feed.ics"))

    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Eleven months ago", "Next month"]
    assert feed_start() == datetime.datetime(2025, 6, 17, 13, tzinfo=LONDON)
    assert feed_start(datetime.datetime(2028, 2, 29, 12, tzinfo=datetime.UTC)).date() == datetime.date(2027, 2, 28)


def test_feed_filters_by_forum_and_theme(client, event_index, scotland, wales, skills, now):
    EventPageFactory(parent=scotland, title="Under Scotland", themes=[skills])
    EventPageFactory(parent=event_index, title="Tagged Scotland", forums=[scotland])
    EventPageFactory(parent=wales, title="Wales", themes=[skills])

    def summaries(query):
        return sorted(by_summary(parse(client.get(f"/events/feed.ics{query}"))))

    assert summaries("?forum=scotland") == ["Tagged Scotland", "Under Scotland"]
    assert summaries("?theme=skills") == ["Under Scotland", "Wales"]
    assert summaries("?forum=scotland&theme=skills") == ["Under Scotland"]
    assert summaries("?forum=atlantis&theme=") == ["Tagged Scotland", "Under Scotland", "Wales"]  # ignored


def test_a_forums_own_calendar(client, event_index, scotland, wales, now):
    EventPageFactory(parent=scotland, title="Under Scotland")
    EventPageFactory(parent=event_index, title="Tagged Scotland", forums=[scotland, wales])
    EventPageFactory(parent=wales, title="Wales")

    calendar = parse(client.get("/forums/scotland/events.ics"))

    assert sorted(by_summary(calendar)) == ["Tagged Scotland", "Under Scotland"]
    assert str(calendar["X-WR-CALNAME"]) == "Scotland Productivity Forum: events"


def test_one_events_file(client, conference):
    response = client.get("/events/annual-conference/event.ics")

    [event] = parse(response).events
    assert response["Content-Disposition"] == 'attachment; filename="annual-conference.ics"'
    assert str(event["SUMMARY"]) == "Annual conference"


def test_an_event_under_a_forum_has_its_file_there(client, scotland, now):
    EventPageFactory(parent=scotland, title="Forum meeting", slug="meeting")

    [event] = parse(client.get("/forums/scotland/meeting/event.ics")).events

    assert str(event["URL"]) == "http://localhost/forums/scotland/meeting/"


def uids(client, url):
    return {str(event["SUMMARY"]): str(event["UID"]) for event in parse(client.get(url)).events}


def test_uids_stay_the_same_across_requests_and_edits(client, conference, event_index):
    other = EventPageFactory(parent=event_index, title="Other", starts_at=uk(2026, 12, 1, 10))
    before = uids(client, "/events/feed.ics")

    assert uids(client, "/events/feed.ics") == before
    conference.title = "Annual conference (moved)"
    conference.slug = "annual-conference-2026"
    conference.starts_at = uk(2026, 11, 28, 9, 30)
    conference.ends_at = uk(2026, 11, 28, 16)
    conference.save_revision().publish()
    after = uids(client, "/events/feed.ics")

    assert after["Annual conference (moved)"] == before["Annual conference"]
    assert after["Other"] == before["Other"] == f"event-{other.translation_key}@localhost"
    assert len(set(after.values())) == 2
    assert uids(client, "/events/annual-conference-2026/event.ics") == {
        "Annual conference (moved)": before["Annual conference"]
    }


@pytest.mark.parametrize(
    "url",
    [
        "/forums/atlantis/events.ics",
        "/events/event.ics",  # the index is not an event
        "/forums/scotland/event.ics",
        "/forums/scotland/feed.ics",
        "/events/annual-conference/events.ics",
        "/events/nothing-here/event.ics",
        "/feed.ics",
        "/events/calendar/feed.ics",  # a route of the index, not a page
        "/events/feed/feed.ics",
    ],
)
def test_files_for_pages_that_are_not_there_are_not_found(client, conference, scotland, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_drafts_and_private_events_have_no_file(client, event_index, conference):
    draft = EventPageFactory(parent=event_index, slug="draft")
    draft.unpublish()
    PageViewRestriction.objects.create(page=conference, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/events/draft/event.ics").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/events/annual-conference/event.ics").status_code == HTTPStatus.NOT_FOUND


def test_feeds_answer_only_reads(client, conference):
    assert client.post("/events/feed.ics").status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert client.head("/events/feed.ics").status_code == HTTPStatus.OK


def test_rss_of_upcoming_events(client, event_index, conference, scotland):
    EventPageFactory(parent=scotland, title="Sooner", slug="sooner", starts_at=uk(2026, 7, 1, 10))
    EventPageFactory(parent=event_index, title="Over", starts_at=NOW - datetime.timedelta(days=3))

    response = client.get("/events/feed/")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Events | The Productivity Institute"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Sooner", "Annual conference"]
    assert items[0].findtext("link") == "http://testserver/forums/scotland/sooner/"
    assert items[1].findtext("description").startswith("Friday 27 November 2026, 9:30am to 4pm (UK time). Bush House")
    guid = items[1].find("guid")
    assert (guid.text, guid.get("isPermaLink")) == (f"event-{conference.translation_key}@localhost", "false")
    assert [c.text for c in items[1].findall("category")] == ["Conference", "In person"]
    forum_only = ET.fromstring(client.get("/events/feed/?forum=scotland").content)
    assert [item.findtext("title") for item in forum_only.iter("item")] == ["Sooner"]
