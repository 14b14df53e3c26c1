import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
from icalendar import Calendar

from events.choices import EventFormat, EventType
from events.dates import local
from events.models import EventPage
from forums.models import ForumPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct-horse-battery")
    call_command("load_demo_content", stdout=StringIO())


def test_demo_has_productivity_week_2023_and_events_around_today(demo_site, client):
    week = EventPage.objects.originals().get(slug="national-productivity-week-2023")
    assert local(week.starts_at).date() == datetime.date(2023, 11, 27)
    assert week.event_type == EventType.PRODUCTIVITY_WEEK and week.is_all_day
    sessions = [block.value for block in week.programme]
    assert len(sessions) >= 8
    assert any(session["title"] == "Wales breakfast briefing (bilingual)" for session in sessions)
    assert {forum.slug for forum in week.forums.all()} == set(ForumPage.objects.values_list("slug", flat=True))
    wales_briefing = EventPage.objects.originals().get(slug="wales-breakfast-briefing-2023")
    assert wales_briefing.forum.slug == "wales" and "bilingual" in wales_briefing.summary

    now = timezone.now()
    others = EventPage.objects.originals().live()
    others = others.filter(starts_at__gte=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    assert 23 <= others.count() <= 28
    for event in others:
        assert now - datetime.timedelta(days=549) <= event.starts_at <= now + datetime.timedelta(days=366), event
        assert event.ends_at >= event.starts_at
    assert {event.event_type for event in others} == set(EventType.values)
    assert {event.event_format for event in others} == set(EventFormat.values)
    assert others.upcoming().count() >= 8 and others.past().count() >= 8
    for forum in ForumPage.objects.originals().all():
        assert others.for_forum(forum).count() >= 2, forum
    assert others.filter(themes__isnull=False).exists()
    assert others.filter(speakers__isnull=False).distinct().count() == others.count()

    for url in ["/events/", "/events/?when=past", "/events/calendar/2023/11/", "/forums/", week.url, "/"]:
        assert client.get(url).status_code == 200, url
    assert "National Productivity Week 2023" in client.get("/events/calendar/2023/11/").content.decode()
    assert client.get("/forums/").content.decode().count("Next event:") == 8
    feed = Calendar.from_ical(client.get("/events/feed.ics").content)
    assert len(feed.events) == others.filter(ends_at__gte=now - datetime.timedelta(days=365)).count()


def test_a_second_run_adds_nothing_and_keeps_edits(demo_site):
    event = EventPage.objects.originals().get(slug="national-productivity-week-2023")
    event.summary = "Edited by staff"
    event.save_revision().publish()
    count = EventPage.objects.originals().count()

    call_command("load_demo_content", stdout=StringIO())

    assert EventPage.objects.originals().count() == count
    assert EventPage.objects.originals().get(slug="national-productivity-week-2023").summary == "Edited by staff"
