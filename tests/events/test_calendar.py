import datetime
from http import HTTPStatus

import pytest

from events.calendar import MonthCalendar
from events.dates import event_days
from tests.events.conftest import uk
from tests.factories import EventPageFactory, ForumPageFactory
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

CALENDAR_QUERIES = 10
UTC = datetime.UTC


def events_by_day(page):
    """{day of the month: [event titles]} for the days of the grid that have events."""
    grid = {}
    for cell in page.select("table.calendar td"):
        time = cell.select_one("time")
        titles = [a.get_text(" ", strip=True) for a in cell.select(".calendar__events a")]
        if time and titles:
            grid[int(time["datetime"][-2:])] = titles
    return grid


def test_month_grid_is_an_accessible_table_with_previous_and_next(client, soup, event_index):
    EventPageFactory(
        parent=event_index, title="Launch", starts_at=uk(2023, 11, 27, 9, 30), ends_at=uk(2023, 11, 27, 16)
    )
    EventPageFactory(
        parent=event_index,
        title="Productivity Week",
        starts_at=uk(2023, 11, 27, 9),
        ends_at=uk(2023, 12, 1, 17),
        is_all_day=True,
    )
    EventPageFactory(parent=event_index, title="October", starts_at=uk(2023, 10, 2, 9))

    response = client.get("/events/calendar/2023/11/")
    page = soup(response)

    assert response.status_code == HTTPStatus.OK
    assert page.h1.text == "November 2023"
    table = page.select_one("table.calendar")
    assert table.caption.text == "Events in November 2023, by day (UK time)"
    headers = [(th["scope"], th.abbr["title"], th.abbr.text) for th in table.select("thead th")]
    assert headers[0] == ("col", "Monday", "Mon") and headers[-1] == ("col", "Sunday", "Sun")
    weeks = table.select("tbody tr")
    assert len(weeks) == 5 and all(len(week.select("td")) == 7 for week in weeks)
    # 1 November 2023 was a Wednesday: two empty cells first.
    first_week = weeks[0].select("td")
    assert [cell.get_text(strip=True) for cell in first_week[:3]] == ["", "", "1November"]
    assert first_week[2].time["datetime"] == "2023-11-01"
    assert events_by_day(page) == {
        27: ["Productivity Week", "9:30am Launch"],  # all-day events first
        28: ["Productivity Week"],
        29: ["Productivity Week"],
        30: ["Productivity Week"],
    }
    nav = {a["rel"][0]: (a["href"], a.get_text()) for a in page.select(".calendar-nav a[rel]")}
    assert nav == {
        "prev": ("/events/calendar/2023/10/", "← October 2023"),
        "next": ("/events/calendar/2023/12/", "December 2023 →"),
    }
    assert [h.text for h in page.select("#month-events ~ .event-list .event-list__title")] == [
        "Productivity Week",
        "Launch",
    ]
    assert page.select_one("#month-events").text == "2 events in November 2023"
    assert page.select_one('meta[name="robots"]') is None


def test_december_and_january_link_across_the_year(client, soup, event_index):
    # Previous and Next go only as far as there are events: some before December and after January.
    EventPageFactory(parent=event_index, starts_at=uk(2026, 11, 2, 9))
    EventPageFactory(parent=event_index, starts_at=uk(2027, 2, 1, 9))
    december = soup(client.get("/events/calendar/2026/12/"))
    january = soup(client.get("/events/calendar/2027/1/"))

    assert december.select_one(".calendar-nav a[rel=next]")["href"] == "/events/calendar/2027/1/"
    assert january.select_one(".calendar-nav a[rel=prev]")["href"] == "/events/calendar/2026/12/"
    assert december.select_one('meta[name="robots"]')["content"] == "noindex"  # nothing on: not for search engines


def test_today_is_marked(client, soup, event_index, now):
    page = soup(client.get("/events/calendar/2026/6/"))

    today = page.select_one('td[aria-current="date"]')
    assert today.time["datetime"] == "2026-06-17"


def test_calendar_without_a_month_opens_this_month(client, event_index, now):
    response = client.get("/events/calendar/")

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/events/calendar/2026/6/")


def test_days_follow_uk_time_when_the_clocks_go_forward(client, soup, event_index):
    # The clocks went forward at 1am GMT on 30 March 2025.
    EventPageFactory(
        parent=event_index,
        title="Saturday night",
        starts_at=datetime.datetime(2025, 3, 29, 23, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2025, 3, 29, 23, 45, tzinfo=UTC),
    )
    EventPageFactory(
        parent=event_index,
        title="Sunday morning",
        starts_at=datetime.datetime(2025, 3, 30, 0, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2025, 3, 30, 2, 30, tzinfo=UTC),
    )
    # 23:30 UTC on Sunday 30 March is 12:30am BST on Monday 31 March.
    EventPageFactory(
        parent=event_index,
        title="Monday, just after midnight",
        starts_at=datetime.datetime(2025, 3, 30, 23, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2025, 3, 30, 23, 45, tzinfo=UTC),
    )
    # …and 23:30 UTC on 31 March is already 1 April in the UK: April's, not March's.
    EventPageFactory(
        parent=event_index,
        title="April",
        starts_at=datetime.datetime(2025, 3, 31, 23, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2025, 3, 31, 23, 45, tzinfo=UTC),
    )

    march = soup(client.get("/events/calendar/2025/3/"))
    april = soup(client.get("/events/calendar/2025/4/"))

    assert events_by_day(march) == {
        29: ["11:30pm Saturday night"],
        30: ["12:30am Sunday morning"],
        31: ["12:30am Monday, just after midnight"],
    }
    assert events_by_day(april) == {1: ["12:30am April"]}


def test_days_follow_uk_time_when_the_clocks_go_back(client, soup, event_index):
    # The clocks went back at 1am GMT on 27 October 2024; 23:30 UTC on 30 September was 1 October in the UK.
    EventPageFactory(
        parent=event_index,
        title="First of October",
        starts_at=datetime.datetime(2024, 9, 30, 23, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2024, 10, 1, 1, 0, tzinfo=UTC),
    )
    EventPageFactory(
        parent=event_index,
        title="Before the change",
        starts_at=datetime.datetime(2024, 10, 26, 23, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2024, 10, 26, 23, 45, tzinfo=UTC),
    )
    EventPageFactory(
        parent=event_index,
        title="After the change",
        starts_at=datetime.datetime(2024, 10, 27, 23, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2024, 10, 27, 23, 45, tzinfo=UTC),
    )

    october = soup(client.get("/events/calendar/2024/10/"))

    assert events_by_day(october) == {
        1: ["12:30am First of October"],
        # 23:30 UTC on 26 October was 12:30am BST on the 27th; on the 27th, back in GMT, it was 11:30pm.
        27: ["12:30am Before the change", "11:30pm After the change"],
    }
    assert "First of October" not in soup(client.get("/events/calendar/2024/9/")).select_one("table.calendar").text


def test_an_evening_event_ending_at_midnight_stays_on_its_day(client, soup, event_index):
    EventPageFactory(parent=event_index, title="Late", starts_at=uk(2026, 2, 27, 19), ends_at=uk(2026, 2, 28, 0))
    EventPageFactory(parent=event_index, title="Weekend", starts_at=uk(2026, 2, 28, 9), ends_at=uk(2026, 3, 1, 17))

    assert event_days(uk(2026, 2, 27, 19), uk(2026, 2, 28, 0)) == (datetime.date(2026, 2, 27),) * 2
    assert events_by_day(soup(client.get("/events/calendar/2026/2/"))) == {27: ["7pm Late"], 28: ["9am Weekend"]}
    assert events_by_day(soup(client.get("/events/calendar/2026/3/"))) == {1: ["Weekend"]}


def test_weeks_start_on_monday_and_cover_the_month():
    event_months = (datetime.date(2025, 1, 1), datetime.date(2027, 1, 1))
    calendar = MonthCalendar(2026, 2, [], today=datetime.date(2026, 3, 1), event_months=event_months)

    # February 2026 begins on a Sunday and ends on a Saturday.
    assert [day.date for day in calendar.weeks[0]][-1] == datetime.date(2026, 2, 1)
    assert [day.in_month for day in calendar.weeks[0]] == [False] * 6 + [True]
    assert calendar.weeks[-1][5].date == datetime.date(2026, 2, 28)
    assert (calendar.previous, calendar.next, calendar.title) == ((2026, 1), (2026, 3), "February 2026")


@pytest.mark.parametrize(
    "url",
    [
        "/events/calendar/2026/13/",
        "/events/calendar/2026/0/",
        "/events/calendar/2026/00/",
        "/events/calendar/0/1/",
        "/events/calendar/1999/12/",
        "/events/calendar/2101/1/",
        "/events/calendar/2026/june/",
        "/events/calendar/2026/-1/",
        "/events/calendar/2026/",
    ],
)
def test_impossible_months_are_not_found(client, event_index, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_the_calendar_ends_its_links_at_its_edges(client, soup, event_index):
    assert soup(client.get("/events/calendar/2000/1/")).select_one(".calendar-nav a[rel=prev]") is None
    assert soup(client.get("/events/calendar/2100/12/")).select_one(".calendar-nav a[rel=next]") is None


@pytest.mark.parametrize("events", [1, 15])
def test_calendar_queries_do_not_grow_with_events(client, event_index, forum_index, events):
    forums = [ForumPageFactory(parent=forum_index) for _ in range(3)]
    for number in range(events):
        EventPageFactory(parent=forums[number % 3], forums=forums[1:], starts_at=uk(2026, 5, 1 + number, 10))

    assert queries_for(client, "/events/calendar/2026/5/") == CALENDAR_QUERIES
