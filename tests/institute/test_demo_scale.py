from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

import pytest

from events import demo as events_demo
from events.models import EventIndexPage, EventPage
from forums.models import ForumPage
from institute.models import Institution, Person
from research import demo as research_demo
from research.models import PublicationPage, ResearchThemePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "events": EventPage.objects.originals().count(),
        "publications": PublicationPage.objects.originals().count(),
        "people": Person.objects.count(),
        "institutions": Institution.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def load(*args):
    output = StringIO()
    call_command("load_demo_content", *args, stdout=output)
    return output.getvalue()


@pytest.fixture
def demo(db):
    """The demo as loaded without --scale, and what it holds."""
    output = load()
    return output, counts()


def test_scale_multiplies_the_demo_across_every_forum_and_theme_with_its_images(demo, client, site, soup):
    demo_output, demo_counts = demo
    # Without --scale, the demo is as it always was.
    assert demo_counts["events"] == len(events_demo.EVENTS) + 2  # with National Productivity Week 2023
    assert demo_counts["publications"] == len(research_demo.PUBLICATIONS)
    assert "generated" not in demo_output.lower()
    demo_events = set(EventPage.objects.values_list("pk", flat=True))
    demo_publications = set(PublicationPage.objects.values_list("pk", flat=True))

    output = load("--scale", "2")

    scaled = counts()
    for kind in ["events", "publications", "people"]:
        assert scaled[kind] == 2 * demo_counts[kind], kind
    assert scaled["institutions"] > demo_counts["institutions"]
    # Shared, not drawn: no image or document is added for generated content.
    assert (scaled["images"], scaled["documents"]) == (demo_counts["images"], demo_counts["documents"])
    assert "Research: generated 34 publications (68 in all)." in output

    events = EventPage.objects.exclude(pk__in=demo_events)
    publications = PublicationPage.objects.exclude(pk__in=demo_publications)
    for forum in ForumPage.objects.originals().all():
        assert events.child_of(forum).exists(), forum
        assert publications.filter(forums=forum).exists(), forum
    assert events.child_of(EventIndexPage.objects.originals().get()).exists()
    for theme in ResearchThemePage.objects.originals().all():
        assert events.filter(themes=theme).exists(), theme
        assert publications.filter(themes=theme).exists(), theme
    now = timezone.now()
    assert events.filter(starts_at__lt=now).exists() and events.filter(starts_at__gt=now).exists()
    assert all(event.live and event.speakers.exists() for event in events)
    event_images = {event.hero_image.title for event in events if event.hero_image}
    assert event_images == {title for title, _ in events_demo.IMAGES.values()}
    assert all(1 <= publication.authors.count() <= 4 for publication in publications)
    assert len({publication.publication_date.year for publication in publications}) >= 4

    # Indexed for search and in Wagtail's reference index, though not at each save.
    event = events.exclude(hero_image=None).first()
    results = soup(client.get("/search/", {"q": event.title}))
    assert event.title in [a.text for a in results.select(".search-result__title a")]
    assert ReferenceIndex.get_references_to(event.hero_image).filter(object_id=str(event.pk)).exists()


def test_a_larger_scale_adds_only_the_difference_and_never_remakes_what_editors_deleted(demo):
    _, demo_counts = demo
    load("--scale", "2")
    EventPage.objects.order_by("-pk").first().delete()
    scaled = counts()

    load("--scale", "2")
    assert counts() == scaled

    load("--scale", "3")
    assert counts()["publications"] == 3 * demo_counts["publications"]
    assert counts()["events"] == 3 * demo_counts["events"] - 1


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_a_scale_below_one_or_not_a_number_is_refused(db, value):
    with pytest.raises(CommandError, match="scale"):
        load("--scale", value)

    assert not EventPage.objects.exists()
