import datetime
from http import HTTPStatus

import pytest

from events.models import EventPage
from tests.events.conftest import NOW, uk
from tests.factories import EventPageFactory, ForumPageFactory
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

LISTING_QUERIES = 15
SECOND = datetime.timedelta(seconds=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def titles(page):
    return [h.text for h in page.select(".event-list__title")]


def listed(client, soup, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return titles(soup(response))


def ignored(page):
    notice = page.select_one(".notice")
    return notice and [li.text for li in notice.select("li")]


@pytest.fixture
def boundary(event_index, now):
    """Events around NOW: one ends at NOW exactly, one a second before; one is under way."""
    return {
        "ended a second ago": EventPageFactory(parent=event_index, starts_at=NOW - HOUR, ends_at=NOW - SECOND),
        "ends now": EventPageFactory(parent=event_index, starts_at=NOW - HOUR, ends_at=NOW),
        "under way": EventPageFactory(parent=event_index, starts_at=NOW - DAY, ends_at=NOW + DAY),
        "tomorrow": EventPageFactory(parent=event_index, starts_at=NOW + DAY, ends_at=NOW + DAY + HOUR),
        "last week": EventPageFactory(parent=event_index, starts_at=NOW - 7 * DAY, ends_at=NOW - 7 * DAY + HOUR),
    }


def test_an_event_is_upcoming_until_it_ends(boundary):
    upcoming = list(EventPage.objects.upcoming(at=NOW))
    past = list(EventPage.objects.past(at=NOW))

    assert upcoming == [boundary["under way"], boundary["ends now"], boundary["tomorrow"]]
    assert past == [boundary["ended a second ago"], boundary["last week"]]
    assert list(EventPage.objects.upcoming(at=NOW + SECOND))[0] == boundary["under way"]
    assert boundary["ends now"] in EventPage.objects.past(at=NOW + SECOND)


def test_listing_shows_upcoming_soonest_first_and_past_newest_first(client, soup, boundary):
    by_pk = {event.pk: name for name, event in boundary.items()}

    upcoming = client.get("/events/")
    past = client.get("/events/?when=past")

    assert [by_pk[event.pk] for event in upcoming.context["events"]] == ["under way", "ends now", "tomorrow"]
    assert [by_pk[event.pk] for event in past.context["events"]] == ["ended a second ago", "last week"]
    assert soup(upcoming).select_one(".event-results__title").text.strip() == "3 upcoming events"
    assert soup(past).select_one(".event-results__title").text.strip() == "2 past events"
    current = soup(past).select_one(".event-views a[aria-current]")
    assert (current.text, current["href"]) == ("Past events", "?when=past")


@pytest.fixture
def catalogue(event_index, scotland, wales, skills, technology, now):
    """Upcoming events to filter, named by what sets them apart."""

    def event(title, parent=event_index, **fields):
        return EventPageFactory(parent=parent, title=title, **fields)

    return {
        "scotland meeting": event(
            "Scotland meeting", parent=scotland, event_type="forum-meeting", starts_at=uk(2026, 7, 2, 14)
        ),
        "tagged scotland webinar": event(
            "Tagged Scotland webinar",
            forums=[scotland],
            themes=[skills],
            event_type="webinar",
            event_format="online",
            starts_at=uk(2026, 7, 20, 12),
        ),
        "wales workshop": event(
            "Wales workshop", parent=wales, themes=[technology], event_format="hybrid", starts_at=uk(2026, 8, 5, 10)
        ),
        "conference": event(
            "Skills conference", themes=[skills], event_type="conference", starts_at=uk(2026, 9, 10, 9)
        ),
        # Runs from the last day of July into August: in both months.
        "summer school": event(
            "Summer school",
            themes=[technology],
            is_all_day=True,
            starts_at=uk(2026, 7, 31, 9),
            ends_at=uk(2026, 8, 2, 17),
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Scotland meeting", "Tagged Scotland webinar", "Summer school", "Wales workshop", "Skills conference"]),
        ("forum=scotland", ["Scotland meeting", "Tagged Scotland webinar"]),
        ("forum=wales", ["Wales workshop"]),
        ("theme=skills", ["Tagged Scotland webinar", "Skills conference"]),
        ("type=webinar", ["Tagged Scotland webinar"]),
        ("type=forum-meeting", ["Scotland meeting"]),
        ("format=online", ["Tagged Scotland webinar"]),
        ("format=hybrid", ["Wales workshop"]),
        ("month=2026-07", ["Scotland meeting", "Tagged Scotland webinar", "Summer school"]),
        ("month=2026-08", ["Summer school", "Wales workshop"]),
        ("month=2026-10", []),
        ("forum=scotland&theme=skills", ["Tagged Scotland webinar"]),
        ("theme=technology&month=2026-08", ["Summer school", "Wales workshop"]),
        ("forum=scotland&type=forum-meeting&format=in-person&month=2026-07", ["Scotland meeting"]),
        ("forum=wales&month=2026-07", []),
        ("when=past", []),
    ],
)
def test_filters_alone_and_combined(client, soup, catalogue, query, expected):
    assert listed(client, soup, f"/events/?{query}") == expected


def test_filters_apply_to_past_events(client, soup, event_index, scotland, now):
    EventPageFactory(parent=scotland, title="Old Scotland meeting", starts_at=uk(2025, 3, 4, 10))
    EventPageFactory(parent=event_index, title="Old conference", starts_at=uk(2025, 3, 20, 10))
    EventPageFactory(parent=event_index, title="Older conference", starts_at=uk(2025, 2, 20, 10))

    assert listed(client, soup, "/events/?when=past&month=2025-03") == ["Old conference", "Old Scotland meeting"]
    assert listed(client, soup, "/events/?when=past&forum=scotland") == ["Old Scotland meeting"]


def test_the_filter_form_keeps_its_values_and_offers_months_with_events(client, soup, catalogue):
    page = soup(client.get("/events/?forum=scotland&month=2026-07&type=webinar"))

    form = page.select_one("form.filters")
    assert form.select_one("#id_forum option[selected]")["value"] == "scotland"
    assert form.select_one("#id_type option[selected]")["value"] == "webinar"
    months = [(o["value"], o.text) for o in form.select("#id_month option")]
    assert months == [
        ("", "Any month"),
        ("2026-07", "July 2026"),
        ("2026-08", "August 2026"),
        ("2026-09", "September 2026"),
    ]
    assert form.select_one("#id_month option[selected]")["value"] == "2026-07"
    assert page.select_one(".event-results__title").text.split() == ["1", "upcoming", "event", "in", "July", "2026"]


@pytest.mark.parametrize(
    ("query", "expected_ignored", "expected_count"),
    [
        ("month=2026-13", ["Month: “2026-13”"], 5),
        ("month=July", ["Month: “July”"], 5),
        ("month=1999-01", ["Month: “1999-01”"], 5),
        ("forum=atlantis", ["Forum: “atlantis”"], 5),
        ("theme=nope&type=party&format=telepathy", ["Theme: “nope”", "Type: “party”", "Format: “telepathy”"], 5),
        ("when=yesterday&forum=wales", ["Show: “yesterday”"], 1),
        ("month=2026-13&forum=scotland&type=webinar", ["Month: “2026-13”"], 1),
    ],
)
def test_malformed_filters_are_ignored_and_reported(client, soup, catalogue, query, expected_ignored, expected_count):
    response = client.get(f"/events/?{query}")
    page = soup(response)

    assert response.status_code == HTTPStatus.OK
    assert ignored(page) == expected_ignored
    assert len(titles(page)) == expected_count


def test_a_valid_month_without_events_stays_chosen(client, soup, catalogue):
    page = soup(client.get("/events/?month=2030-01"))

    assert ignored(page) is None
    assert page.select_one("#id_month option[selected]").text == "January 2030"
    assert page.select_one(".event-results p").text.startswith("No upcoming events match.")


def test_twenty_events_a_page_with_a_count(client, soup, event_index, now):
    for day in range(25):
        EventPageFactory(parent=event_index, title=f"Day {day + 1:02d}", starts_at=NOW + (day + 1) * DAY)

    first = soup(client.get("/events/"))
    second = soup(client.get("/events/?page=2"))

    assert len(titles(first)) == 20
    assert titles(second) == [f"Day {day:02d}" for day in range(21, 26)]
    assert first.select_one(".event-results__title").text.strip() == "25 upcoming events"
    assert first.select_one(".pagination__count").text == "Page 1 of 2, 20 events a page"
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    assert client.get("/events/?page=3").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/events/?page=abc").status_code == HTTPStatus.NOT_FOUND


def test_pagination_keeps_the_filters(client, soup, event_index, scotland, now):
    for day in range(21):
        EventPageFactory(parent=scotland, starts_at=NOW + (day + 1) * DAY)

    page = soup(client.get("/events/?forum=scotland"))

    assert page.select_one(".pagination a[rel=next]")["href"] == "?forum=scotland&page=2"


def test_listing_links_to_feeds_with_the_same_forum_and_theme(client, soup, catalogue):
    page = soup(client.get("/events/?forum=scotland&theme=skills&type=webinar"))

    links = [a["href"] for a in page.select(".event-subscribe__links a")]
    assert links == [
        "webcal://testserver/events/feed.ics?forum=scotland&theme=skills",
        "/events/feed.ics?forum=scotland&theme=skills",
        "/events/feed/?forum=scotland&theme=skills",
    ]
    alternates = {link["type"]: link["href"] for link in page.select("link[rel=alternate]")}
    assert alternates == {
        "application/rss+xml": "/events/feed/?forum=scotland&theme=skills",
        "text/calendar": "/events/feed.ics?forum=scotland&theme=skills",
    }


@pytest.mark.parametrize("events", [1, 20])
def test_listing_queries_do_not_grow_with_events(client, event_index, forum_index, skills, now, events):
    forums = [ForumPageFactory(parent=forum_index) for _ in range(3)]
    for number in range(events):
        EventPageFactory(
            parent=forums[number % 3], forums=forums[:2], themes=[skills], starts_at=NOW + (number + 1) * DAY
        )

    assert queries_for(client, "/events/?forum=" + forums[0].slug + "&theme=skills") == LISTING_QUERIES
