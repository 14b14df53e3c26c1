import datetime
import json
from http import HTTPStatus
from urllib.parse import parse_qs, urlparse

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from events.dates import describe_when
from events.models import EventIndexPage, EventPage, next_event_by_forum
from events.wagtail_hooks import next_event_on_forum_cards
from institute.models import StandardPage
from tests.events.conftest import NOW, uk
from tests.factories import (
    EventPageFactory,
    EventSpeakerFactory,
    ForumPageFactory,
    ImageFactory,
    InstitutionFactory,
    PeopleIndexPageFactory,
    PersonFactory,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

EVENT_PAGE_QUERIES = 19


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "is_all_day", "expected"),
    [
        (uk(2023, 11, 27, 9, 30), uk(2023, 11, 27, 16), False, "Monday 27 November 2023, 9:30am to 4pm"),
        (uk(2023, 11, 27, 9, 30), uk(2023, 11, 27, 9, 30), False, "Monday 27 November 2023, 9:30am"),
        (uk(2024, 6, 3, 9, 30), uk(2024, 6, 3, 19, 5), False, "Monday 3 June 2024, 9:30am to 7:05pm"),
        (uk(2024, 3, 30, 12), uk(2024, 3, 31, 0), False, "Saturday 30 March 2024, midday to midnight"),
        # The clocks go forward at 1am on 31 March 2024: 12:30am GMT to 3:30am BST is two hours.
        (
            datetime.datetime(2024, 3, 31, 0, 30, tzinfo=datetime.UTC),
            datetime.datetime(2024, 3, 31, 2, 30, tzinfo=datetime.UTC),
            False,
            "Sunday 31 March 2024, 12:30am to 3:30am",
        ),
        (
            uk(2023, 11, 27, 9),
            uk(2023, 11, 28, 17),
            False,
            "Monday 27 November 2023, 9am to Tuesday 28 November 2023, 5pm",
        ),
        (uk(2023, 11, 27, 9), uk(2023, 11, 27, 17), True, "Monday 27 November 2023"),
        (uk(2023, 11, 27, 9), uk(2023, 11, 29, 17), True, "Monday 27 to Wednesday 29 November 2023"),
        (uk(2023, 11, 27, 9), uk(2023, 12, 1, 17), True, "Monday 27 November to Friday 1 December 2023"),
        (uk(2024, 12, 30, 9), uk(2025, 1, 2, 17), True, "Monday 30 December 2024 to Thursday 2 January 2025"),
        (uk(2023, 11, 27), uk(2023, 11, 28), True, "Monday 27 November 2023"),  # ends as the 28th begins
    ],
)
def test_date_and_time_in_words(starts_at, ends_at, is_all_day, expected):
    assert describe_when(starts_at, ends_at, is_all_day) == expected


def test_times_are_stored_in_utc_and_shown_in_uk_time(event_index):
    summer = EventPageFactory(parent=event_index, starts_at=uk(2024, 6, 3, 9, 30), ends_at=uk(2024, 6, 3, 16))
    winter = EventPageFactory(parent=event_index, starts_at=uk(2024, 12, 2, 9, 30), ends_at=uk(2024, 12, 2, 16))

    summer.refresh_from_db()
    winter.refresh_from_db()

    assert summer.starts_at == datetime.datetime(2024, 6, 3, 8, 30, tzinfo=datetime.UTC)
    assert winter.starts_at == datetime.datetime(2024, 12, 2, 9, 30, tzinfo=datetime.UTC)
    assert summer.when_text == "Monday 3 June 2024, 9:30am to 4pm"
    assert winter.when_text == "Monday 2 December 2024, 9:30am to 4pm"


def speaker_names(page):
    return [card.select_one(".person-card__name").text for card in page.select("#speakers ~ .person-list .person-card")]


def test_event_page_shows_what_when_where_and_who(client, soup, event_index, scotland, skills, now):
    keynote = PersonFactory(name="Helen Marwick", honorific="Professor", organisation=InstitutionFactory(name="UoM"))
    chair = PersonFactory(name="Tomasz Nowak")
    event = EventPageFactory(
        parent=event_index,
        title="Annual productivity conference",
        summary="New research and the regional picture.",
        starts_at=uk(2026, 11, 27, 9, 30),
        ends_at=uk(2026, 11, 27, 16),
        event_type="conference",
        event_format="hybrid",
        venue_name="Alliance Manchester Business School",
        venue_address="Booth Street West\nManchester\nM15 6PB",
        online_url="https://meet.example/conference",
        themes=[skills],
        forums=[scotland],
        programme=[
            ("session", {"start_time": datetime.time(11), "end_time": datetime.time(12, 30), "title": "Panel"}),
            (
                "session",
                {
                    "start_time": datetime.time(9, 30),
                    "end_time": None,
                    "title": "Keynote",
                    "speakers": [keynote],
                    "description": "The regional gap.",
                },
            ),
        ],
    )
    EventSpeakerFactory(event=event, person=chair, role="Chair", sort_order=1)
    EventSpeakerFactory(event=event, person=keynote, role="Keynote speaker", sort_order=0)

    response = client.get("/events/annual-productivity-conference/")
    page = soup(response)

    assert response.status_code == HTTPStatus.OK
    assert page.h1.text == "Annual productivity conference"
    assert page.select_one(".page-eyebrow").text == "Conference · Hybrid"
    facts = {row.dt.text: row.dd.get_text(" ", strip=True) for row in page.select(".event-facts__row")}
    assert facts["When"] == "Friday 27 November 2026, 9:30am to 4pm (UK time)"
    assert page.select_one(".event-facts__row time")["datetime"] == "2026-11-27T09:30:00+00:00"
    assert facts["Where"] == (
        "Alliance Manchester Business School Booth Street West Manchester M15 6PB "
        "And online: join online for Annual productivity conference"
    )
    assert page.select_one(".event-facts__online a")["href"] == "https://meet.example/conference"
    assert facts["Forum"] == "Scotland Productivity Forum"
    assert facts["Research theme"] == "Skills and the labour market"
    assert speaker_names(page) == ["Professor Helen Marwick", "Tomasz Nowak"]
    assert [p.text for p in page.select(".person-card__note")] == ["Keynote speaker", "Chair"]
    sessions = [
        (s.select_one(".programme__time").text, s.select_one(".programme__title").text)
        for s in page.select(".programme__session")
    ]
    assert sessions == [("9:30am", "Keynote"), ("11am to 12:30pm", "Panel")]
    assert page.select_one(".programme__speakers").text == "Professor Helen Marwick"


def test_a_programme_over_several_days_is_grouped_by_day(client, soup, event_index):
    event = EventPageFactory(
        parent=event_index,
        starts_at=uk(2023, 11, 27, 9),
        ends_at=uk(2023, 12, 1, 17),
        is_all_day=True,
        programme=[
            ("session", {"day": datetime.date(2023, 11, 28), "start_time": datetime.time(8), "title": "Breakfast"}),
            ("session", {"day": None, "start_time": datetime.time(9, 30), "title": "Launch"}),
        ],
    )

    page = soup(client.get(event.url))

    assert [h.text for h in page.select(".programme__day")] == ["Monday 27 November 2023", "Tuesday 28 November 2023"]
    assert [h.text for h in page.select("h4.programme__title")] == ["Launch", "Breakfast"]


@pytest.mark.parametrize(
    ("registration", "expected_state", "expected_text"),
    [
        ({"registration_url": "https://tickets.example/a"}, "open", "Registration is open."),
        (
            {"registration_url": "https://tickets.example/a", "registration_deadline": uk(2026, 6, 20, 17)},
            "open",
            "Registration is open until Saturday 20 June 2026, 5pm.",
        ),
        (
            {"registration_url": "https://tickets.example/a", "registration_deadline": uk(2026, 6, 17, 12, 59)},
            "closed",
            "Registration closed on Wednesday 17 June 2026, 12:59pm.",
        ),
        ({"registration_url": ""}, "not-needed", "No need to register."),
    ],
)
def test_registration_state(client, soup, event_index, now, registration, expected_state, expected_text):
    # NOW is 1pm on 17 June 2026 in UK time.
    event = EventPageFactory(
        parent=event_index, starts_at=uk(2026, 6, 24, 10), ends_at=uk(2026, 6, 24, 12), **registration
    )

    page = soup(client.get(event.url))

    assert event.registration_state() == expected_state
    box = page.select_one(".registration")
    assert f"registration--{expected_state}" in box["class"]
    assert box.p.text == expected_text
    register = box.select_one("a.button")
    assert (register["href"] if register else None) == (event.registration_url if expected_state == "open" else None)


def test_registration_is_past_once_the_event_has_ended(client, soup, event_index, now):
    event = EventPageFactory(
        parent=event_index,
        starts_at=NOW - datetime.timedelta(hours=3),
        ends_at=NOW - datetime.timedelta(seconds=1),
        registration_url="https://tickets.example/a",
    )

    box = soup(client.get(event.url)).select_one(".registration")

    assert event.registration_state() == "past"
    assert box.get_text(strip=True) == "This event has ended."
    assert event.registration_state(at=NOW - datetime.timedelta(seconds=2)) == "open"


def test_add_to_calendar_offers_the_ics_file_and_google_calendar(client, soup, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Skills & training webinar",
        slug="skills-webinar",
        summary="An hour on training.",
        starts_at=uk(2026, 7, 1, 12, 30),
        ends_at=uk(2026, 7, 1, 13, 30),
        event_format="online",
    )

    links = soup(client.get(event.url)).select(".event-calendar-links a")

    assert links[0]["href"] == "/events/skills-webinar/event.ics"
    assert links[0].has_attr("download")
    google = urlparse(links[1]["href"])
    assert (google.scheme, google.netloc, google.path) == ("https", "calendar.google.com", "/calendar/render")
    assert parse_qs(google.query) == {
        "action": ["TEMPLATE"],
        "text": ["Skills & training webinar"],
        "dates": ["20260701T113000Z/20260701T123000Z"],  # 12:30pm BST is 11:30 UTC
        "details": [f"An hour on training.\n\n{event.full_url}"],
        "location": ["Online"],
        "ctz": ["Europe/London"],
    }


def test_google_calendar_dates_of_an_all_day_event_end_the_day_after(event_index, rf):
    from events.ical import google_calendar_url

    event = EventPageFactory(
        parent=event_index, starts_at=uk(2023, 11, 27, 9), ends_at=uk(2023, 12, 1, 17), is_all_day=True
    )

    query = parse_qs(urlparse(google_calendar_url(event, rf.get("/"))).query)

    assert query["dates"] == ["20231127/20231202"]


def json_ld(page):
    """The page's Event: the head also names the page's breadcrumb trail."""
    items = [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]
    events = [item for item in items if item["@type"] == "Event"]
    assert len(events) == 1
    return events[0]


def test_schema_org_event_as_json_ld(client, soup, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Annual conference",
        summary="New research.",
        starts_at=uk(2026, 11, 27, 9, 30),
        ends_at=uk(2026, 11, 27, 16),
        event_format="hybrid",
        venue_name="Bush House",
        venue_address="30 Aldwych\nLondon",
        online_url="https://meet.example/c",
        registration_url="https://tickets.example/c",
        registration_deadline=uk(2026, 11, 20, 17),
        hero_image=ImageFactory(),
    )
    EventSpeakerFactory(event=event, person=PersonFactory(name="Helen Marwick", honorific="Professor"))

    data = json_ld(soup(client.get(event.url)))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Annual conference"
    assert data["description"] == "New research."
    assert data["url"] == event.full_url
    assert data["startDate"] == "2026-11-27T09:30:00+00:00"
    assert data["endDate"] == "2026-11-27T16:00:00+00:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {
            "@type": "Place",
            "name": "Bush House",
            "address": {"@type": "PostalAddress", "streetAddress": "30 Aldwych, London"},
        },
        {"@type": "VirtualLocation", "url": "https://meet.example/c"},
    ]
    assert data["performer"] == [{"@type": "Person", "name": "Professor Helen Marwick"}]
    assert data["offers"] == {
        "@type": "Offer",
        "url": "https://tickets.example/c",
        "validThrough": "2026-11-20T17:00:00+00:00",
    }
    assert data["organizer"]["name"] == "The Productivity Institute"
    assert data["image"] == [f"http://testserver{event.hero_image.file.url}"]


def test_json_ld_of_an_all_day_event_gives_dates_and_cannot_break_out_of_its_script(client, soup, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Week </script><script>alert(1)</script> & more",
        starts_at=uk(2023, 11, 27, 9),
        ends_at=uk(2023, 12, 1, 17),
        is_all_day=True,
        event_format="online",
    )

    response = client.get(event.url)
    data = json_ld(soup(response))

    assert "<script>alert(1)" not in response.content.decode()
    assert data["name"] == "Week </script><script>alert(1)</script> & more"
    assert (data["startDate"], data["endDate"]) == ("2023-11-27", "2023-12-01")
    assert data["location"] == {"@type": "VirtualLocation", "url": event.full_url}


def test_page_tree_rules(home_page, event_index, scotland):
    assert not EventIndexPage.can_create_at(home_page)  # one index only
    assert EventPage.can_create_at(event_index)
    assert EventPage.can_create_at(scotland)
    assert StandardPage.can_create_at(scotland)
    assert not EventPage.can_create_at(home_page)
    assert EventPage.allowed_subpage_models() == []


def test_an_event_under_a_forum_belongs_to_it(event_index, scotland, wales):
    under = EventPageFactory(parent=scotland, title="Under Scotland")
    tagged = EventPageFactory(parent=event_index, title="Tagged Scotland", forums=[scotland])
    elsewhere = EventPageFactory(parent=wales, title="Under Wales", forums=[wales])

    assert EventPage.objects.get(pk=under.pk).forum == scotland
    assert EventPage.objects.get(pk=tagged.pk).forum is None
    assert set(EventPage.objects.for_forum(scotland)) == {under, tagged}
    assert list(EventPage.objects.for_forum(wales)) == [elsewhere]
    assert [f.title for f in EventPage.objects.get(pk=elsewhere.pk).all_forums()] == ["Wales Productivity Forum"]


def test_drafts_and_private_events_are_not_visible(client, event_index):
    draft = EventPageFactory(parent=event_index, title="Draft")
    draft.unpublish()
    private = EventPageFactory(parent=event_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    shown = EventPageFactory(parent=event_index, title="Shown")

    assert list(EventPage.objects.visible()) == [shown]
    assert list(client.get("/events/").context["events"]) == [shown]


def section_titles(page, key="events"):
    section = page.select_one(f"section[aria-labelledby=section-{key}]")
    return section and [h.text for h in section.select(".event-list__title")]


def test_forum_page_lists_its_upcoming_events_with_its_calendar(client, soup, event_index, scotland, wales, now):
    EventPageFactory(parent=scotland, title="Under Scotland", starts_at=NOW + datetime.timedelta(days=2))
    EventPageFactory(parent=event_index, title="Tagged", forums=[scotland], starts_at=NOW + datetime.timedelta(days=1))
    EventPageFactory(parent=wales, title="Wales only", starts_at=NOW + datetime.timedelta(days=1))
    EventPageFactory(parent=scotland, title="Past", starts_at=NOW - datetime.timedelta(days=9))

    page = soup(client.get("/forums/scotland/"))

    assert section_titles(page) == ["Tagged", "Under Scotland"]
    section = page.select_one("section[aria-labelledby=section-events]")
    assert section.select_one(".section__more")["href"] == "/events/?forum=scotland"
    assert section.select_one(".event-list__subscribe a")["href"] == "/forums/scotland/events.ics"
    assert section_titles(soup(client.get("/forums/wales/"))) == ["Wales only"]


def test_forum_page_without_upcoming_events_has_no_events_section(client, soup, scotland, event_index):
    assert soup(client.get("/forums/scotland/")).select_one("#section-events") is None


def test_theme_page_lists_its_upcoming_events(client, soup, event_index, skills, technology, now):
    EventPageFactory(parent=event_index, title="On skills", themes=[skills, technology])
    EventPageFactory(parent=event_index, title="On technology", themes=[technology])

    page = soup(client.get(skills.url))

    assert section_titles(page) == ["On skills"]
    section = page.select_one("section[aria-labelledby=section-events]")
    assert section.select_one(".section__more")["href"] == "/events/?theme=skills"
    assert section.select_one(".event-list__subscribe a")["href"] == "/events/feed.ics?theme=skills"


def test_profile_lists_the_events_a_person_speaks_at(client, soup, home_page, event_index, now):
    PeopleIndexPageFactory(parent=home_page)
    person = PersonFactory(name="Helen Marwick", slug="helen-marwick")
    EventSpeakerFactory(event=EventPageFactory(parent=event_index, title="Keynote"), person=person)
    EventSpeakerFactory(
        event=EventPageFactory(parent=event_index, title="Long ago", starts_at=NOW - datetime.timedelta(days=30)),
        person=person,
    )
    EventSpeakerFactory(event=EventPageFactory(parent=event_index, title="Someone else's"))

    assert section_titles(soup(client.get("/people/helen-marwick/"))) == ["Keynote"]


def test_home_page_lists_the_next_three_events(client, soup, event_index, scotland, now):
    for day in [5, 1, 3, 2]:
        EventPageFactory(parent=scotland, title=f"In {day} days", starts_at=NOW + datetime.timedelta(days=day))

    page = soup(client.get("/"))

    assert section_titles(page) == ["In 1 days", "In 2 days", "In 3 days"]
    section = page.select_one("section[aria-labelledby=section-events]")
    assert section.select_one(".section__more")["href"] == "/events/"
    assert section.select_one(".event-list__forums a")["href"] == "/forums/scotland/"


def test_forum_cards_name_each_forums_next_event(client, soup, forum_index, event_index, scotland, wales, now):
    ForumPageFactory(parent=forum_index, slug="midlands", region="Midlands")
    EventPageFactory(parent=scotland, title="Later", starts_at=uk(2026, 7, 9, 10))
    EventPageFactory(parent=event_index, title="Sooner, tagged", forums=[scotland], starts_at=uk(2026, 7, 2, 10))
    EventPageFactory(parent=scotland, title="Ended", starts_at=NOW - datetime.timedelta(days=1))

    cards = {card.h3.text: card for card in soup(client.get("/forums/")).select(".forum-card")}

    line = cards["Scotland"].select_one(".forum-card__next-event")
    assert line.get_text() == "Next event: Sooner, tagged, 2 July 2026"
    assert line.a["href"] == "/events/sooner-tagged/"
    assert cards["Wales"].select_one(".forum-card__next-event") is None
    assert cards["Midlands"].select_one(".forum-card__next-event") is None


def test_forum_cards_next_events_take_one_query(forum_index, event_index, now):
    forums = [ForumPageFactory(parent=forum_index) for _ in range(5)]
    for forum in forums:
        EventPageFactory(parent=forum)
        EventPageFactory(parent=event_index, forums=forums[:3])

    with CaptureQueriesContext(connection) as queries:
        next_event_on_forum_cards(forums)

    assert len(queries) == 1
    assert all(forum.next_event for forum in forums)
    assert next_event_by_forum([]) == {}


def build_event(event_index, speakers, sessions):
    people = [PersonFactory(photo=ImageFactory()) for _ in range(speakers)]
    event = EventPageFactory(
        parent=event_index,
        slug="conference",
        hero_image=ImageFactory(),
        programme=[
            ("session", {"start_time": datetime.time(9 + n % 8), "title": f"Session {n}", "speakers": people})
            for n in range(sessions)
        ],
    )
    for position, person in enumerate(people):
        EventSpeakerFactory(event=event, person=person, sort_order=position)
    return event


@pytest.mark.parametrize(("speakers", "sessions"), [(1, 1), (6, 12)])
def test_event_page_queries_do_not_grow_with_speakers_or_sessions(client, home_page, event_index, speakers, sessions):
    PeopleIndexPageFactory(parent=home_page)
    build_event(event_index, speakers, sessions)

    assert queries_for(client, "/events/conference/") == EVENT_PAGE_QUERIES
