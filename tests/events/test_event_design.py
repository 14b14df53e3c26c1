"""An event page gives its facts first, and its body never repeats its standfirst."""

import datetime

import pytest

from tests.events.conftest import NOW
from tests.factories import EventPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_the_date_place_and_register_button_come_before_the_image_body_and_programme(client, event_index, now):
    EventPageFactory(
        parent=event_index,
        slug="summit",
        summary="A day on productivity.",
        starts_at=NOW + datetime.timedelta(days=7),
        ends_at=NOW + datetime.timedelta(days=7, hours=2),
        registration_url="https://tickets.example/summit",
        hero_image=ImageFactory(),
        body=[("rich_text", "<p>What the day covers.</p>")],
        programme=[("session", {"start_time": datetime.time(9), "end_time": datetime.time(10), "title": "Welcome"})],
    )

    html = client.get("/events/summit/").content.decode()

    content = html[html.index("<h1") :]
    order = [
        'id="event-details"',
        "<time datetime=",
        'href="https://tickets.example/summit"',
        "Bush House",
        "<picture",
        "What the day covers.",
        'id="programme"',
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)


def test_an_event_body_opening_with_its_summary_does_not_say_it_twice(client, soup, event_index, now):
    EventPageFactory(
        parent=event_index,
        slug="summit",
        summary="A day on productivity & place.",
        body=[("rich_text", "<p>A day on productivity &amp; place.</p><p><em>Lunch is provided.</em></p>")],
    )

    page = soup(client.get("/events/summit/"))

    assert page.text.count("A day on productivity & place.") == 1
    assert page.select_one(".page-intro").text == "A day on productivity & place."
    assert "Lunch is provided." in page.select_one(".page-body").text
