"""The site's own words on event and forum pages come from the Welsh catalogue for a Welsh reader, and a
listed page with no Welsh version is marked as English."""

from http import HTTPStatus

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from events.dates import local
from tests.factories import EventPageFactory
from tests.helpers import translate_into_welsh


@pytest.fixture
def wales_event(wales):
    return EventPageFactory(
        parent=wales,
        title="Productivity Week breakfast",
        slug="productivity-week-breakfast",
        registration_url="https://example.com/register",
    )


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Makes and publishes a page's Welsh translation: wagtail-localize publishes once the transaction ends."""

    def translate_and_publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            translate_into_welsh(page)
        return page.get_translation(Locale.objects.get(language_code="cy")).specific

    return translate_and_publish


@pytest.fixture
def welsh_wales(home_page, forum_index, wales, translate):
    """The Welsh forums index and Wales forum; parents first, so that neither is an alias of the English."""
    translate(home_page)
    translate(forum_index)
    return translate(wales)


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_the_welsh_event_page_says_its_own_words_in_welsh(client, welsh_wales, wales_event, translate):
    welsh_event = translate(wales_event)

    english = page_text(client, wales_event.url)
    welsh = page_text(client, welsh_event.url)

    assert welsh_event.url == "/cy/forums/wales/productivity-week-breakfast/"
    for english_words, welsh_words in [
        ("Event details", "Manylion y digwyddiad"),
        ("<dt>When</dt>", "<dt>Pryd</dt>"),
        ("<dt>Where</dt>", "<dt>Ble</dt>"),
        ("Add to calendar", "Ychwanegu at galendr"),
        ("Registration is open.", "Mae cofrestru ar agor."),
        (
            'Register<span class="visually-hidden"> for Productivity Week breakfast</span>',
            'Cofrestru<span class="visually-hidden"> ar gyfer Cymraeg: Productivity Week breakfast</span>',
        ),
        (
            '<a href="/forums/wales/productivity-week-breakfast/event.ics" download>Download the event (.ics)</a>',
            '<a href="/cy/forums/wales/productivity-week-breakfast/event.ics" download>'
            "Lawrlwytho'r digwyddiad (.ics)</a>",
        ),
    ]:
        assert english_words in english
        assert welsh_words in welsh
        assert english_words not in welsh


def test_the_welsh_forum_page_says_its_own_words_in_welsh(client, welsh_wales, wales):
    english = page_text(client, wales.url)
    welsh = page_text(client, welsh_wales.url)

    assert welsh_wales.url == "/cy/forums/wales/"
    for english_words, welsh_words in [
        ("Regional productivity forum", "Fforwm cynhyrchiant rhanbarthol"),
        ("Key contacts", "Cysylltiadau allweddol"),
        ("Supported by", "Gyda chefnogaeth"),
    ]:
        assert english_words in english
        assert welsh_words in welsh
        assert english_words not in welsh


def test_the_welsh_month_calendar_marks_an_event_without_a_welsh_version_as_english(
    client, event_index, welsh_wales, wales_event, translate
):
    welsh_index = translate(event_index)
    month = local(wales_event.starts_at)
    english = BeautifulSoup(page_text(client, event_index.calendar_url(month.year, month.month)), "html.parser")
    welsh = BeautifulSoup(page_text(client, welsh_index.calendar_url(month.year, month.month)), "html.parser")

    assert welsh.select_one("#month-events").text.startswith("1 digwyddiad ym mis ")
    assert english.select_one("#month-events").text.startswith("1 event in ")
    # The untranslated event keeps its English title, said to be English, in the grid and in the list by day.
    titles = welsh.select('.calendar__events [lang="en-GB"]')
    assert [title.text for title in titles] == ["Productivity Week breakfast"] * 2
    assert all(title.find_next_sibling(class_="in-english") for title in titles)
    assert not english.select(".calendar__events [lang], .calendar__events .in-english")
