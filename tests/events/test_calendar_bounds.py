"""The month calendar's Previous and Next links stop at the first and last month with events, so a crawler
walking them finds the events' months instead of a century of empty ones."""

import pytest

from tests.events.conftest import uk
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def month_links(soup, response):
    return {a["rel"][0]: a["href"] for a in soup(response).select(".calendar-nav a[rel]")}


@pytest.fixture
def events(event_index):
    EventPageFactory(parent=event_index, title="Autumn", starts_at=uk(2023, 10, 2, 9), ends_at=uk(2023, 10, 2, 11))
    # Ends at midnight: it does not reach into March.
    EventPageFactory(parent=event_index, title="Winter", starts_at=uk(2024, 2, 28, 9), ends_at=uk(2024, 3, 1))


def test_first_month_with_events_has_no_previous_link(client, soup, events):
    assert month_links(soup, client.get("/events/calendar/2023/10/")) == {"next": "/events/calendar/2023/11/"}


def test_last_month_with_events_has_no_next_link(client, soup, events):
    assert month_links(soup, client.get("/events/calendar/2024/2/")) == {"prev": "/events/calendar/2024/1/"}


def test_empty_months_between_link_both_ways(client, soup, events):
    assert month_links(soup, client.get("/events/calendar/2023/12/")) == {
        "prev": "/events/calendar/2023/11/",
        "next": "/events/calendar/2024/1/",
    }


def test_months_beyond_the_events_are_shown_without_links_further_out(client, soup, events):
    just_after = client.get("/events/calendar/2024/3/")
    far_before = client.get("/events/calendar/2001/1/")
    far_after = client.get("/events/calendar/2093/12/")

    assert month_links(soup, just_after) == {"prev": "/events/calendar/2024/2/"}  # back to the events
    assert far_before.status_code == far_after.status_code == 200
    assert month_links(soup, far_before) == month_links(soup, far_after) == {}


def test_without_events_no_month_links_to_another(client, soup, event_index):
    assert month_links(soup, client.get("/events/calendar/2026/6/")) == {}
