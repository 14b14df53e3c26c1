"""Event dates and times in Welsh ("Dydd Llun 27 Tachwedd 2023, 9:30yb"), and unchanged in English.

These need the compiled Welsh catalogue (locale/cy/LC_MESSAGES/django.mo), which `make test` builds."""

import datetime

from django.utils import translation

import pytest
from icalendar import Calendar

from events.dates import describe_when
from tests.events.conftest import uk
from tests.factories import EventPageFactory
from tests.helpers import translate_into_welsh

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "is_all_day", "english", "welsh"),
    [
        (
            uk(2023, 11, 27, 9, 30),
            uk(2023, 11, 27, 16),
            False,
            "Monday 27 November 2023, 9:30am to 4pm",
            "Dydd Llun 27 Tachwedd 2023, 9:30yb i 4yh",
        ),
        (
            uk(2023, 11, 27, 9, 30),
            uk(2023, 11, 27, 9, 30),
            False,
            "Monday 27 November 2023, 9:30am",
            "Dydd Llun 27 Tachwedd 2023, 9:30yb",
        ),
        (
            uk(2024, 3, 30, 12),
            uk(2024, 3, 31, 0),
            False,
            "Saturday 30 March 2024, midday to midnight",
            "Dydd Sadwrn 30 Mawrth 2024, hanner dydd i hanner nos",
        ),
        (
            datetime.datetime(2024, 3, 31, 0, 30, tzinfo=datetime.UTC),
            datetime.datetime(2024, 3, 31, 2, 30, tzinfo=datetime.UTC),
            False,
            "Sunday 31 March 2024, 12:30am to 3:30am",
            "Dydd Sul 31 Mawrth 2024, 12:30yb i 3:30yb",
        ),
        (
            uk(2023, 11, 27, 9),
            uk(2023, 11, 28, 17),
            False,
            "Monday 27 November 2023, 9am to Tuesday 28 November 2023, 5pm",
            "Dydd Llun 27 Tachwedd 2023, 9yb – Dydd Mawrth 28 Tachwedd 2023, 5yh",
        ),
        (uk(2023, 11, 27, 9), uk(2023, 11, 27, 17), True, "Monday 27 November 2023", "Dydd Llun 27 Tachwedd 2023"),
        (
            uk(2023, 11, 27, 9),
            uk(2023, 11, 29, 17),
            True,
            "Monday 27 to Wednesday 29 November 2023",
            "Dydd Llun 27 – Dydd Mercher 29 Tachwedd 2023",
        ),
        (
            uk(2024, 12, 30, 9),
            uk(2025, 1, 2, 17),
            True,
            "Monday 30 December 2024 to Thursday 2 January 2025",
            "Dydd Llun 30 Rhagfyr 2024 – Dydd Iau 2 Ionawr 2025",
        ),
    ],
)
def test_dates_and_times_in_both_languages(starts_at, ends_at, is_all_day, english, welsh):
    with translation.override("en-gb"):
        assert describe_when(starts_at, ends_at, is_all_day) == english
    with translation.override("cy"):
        assert describe_when(starts_at, ends_at, is_all_day) == welsh


@pytest.fixture
def breakfast_briefing(home_page, event_index, django_capture_on_commit_callbacks):
    """The bilingual breakfast briefing in English and Welsh, its home and events index translated first, as
    editors do. wagtail-localize publishes a translation once the transaction commits, which is run here."""
    event = EventPageFactory(
        parent=event_index,
        title="Breakfast briefing",
        slug="breakfast-briefing",
        starts_at=uk(2023, 11, 27, 9, 30),
        ends_at=uk(2023, 11, 27, 12),
        registration_url="https://tickets.example/briefing",
        registration_deadline=uk(2023, 11, 24, 17),
    )
    for page, welsh in [(home_page, {}), (event_index, {}), (event, {"Breakfast briefing": "Brecwast briffio"})]:
        # One page at a time: a parent published after its child was added would be saved without it.
        with django_capture_on_commit_callbacks(execute=True):
            translate_into_welsh(page, welsh)
    return event


def test_event_page_gives_its_date_in_the_readers_language(client, soup, breakfast_briefing):
    english = soup(client.get("/events/breakfast-briefing/"))
    welsh = soup(client.get("/cy/events/breakfast-briefing/"))

    assert english.select_one("time").get_text() == "Monday 27 November 2023, 9:30am to midday"
    assert welsh.select_one("time").get_text() == "Dydd Llun 27 Tachwedd 2023, 9:30yb i hanner dydd"


def test_welsh_calendar_file_describes_the_event_in_welsh(client, breakfast_briefing):
    english = Calendar.from_ical(client.get("/events/breakfast-briefing/event.ics").content)
    welsh = Calendar.from_ical(client.get("/cy/events/breakfast-briefing/event.ics").content)

    english_event, welsh_event = english.walk("VEVENT")[0], welsh.walk("VEVENT")[0]
    assert "Monday 27 November 2023, 9:30am to midday (UK time)" in english_event["DESCRIPTION"]
    assert "Register: https://tickets.example/briefing" in english_event["DESCRIPTION"]
    assert "Dydd Llun 27 Tachwedd 2023, 9:30yb i hanner dydd (amser y DU)" in welsh_event["DESCRIPTION"]
    assert "Cofrestru: https://tickets.example/briefing" in welsh_event["DESCRIPTION"]
    assert welsh_event["SUMMARY"] == "Brecwast briffio"
