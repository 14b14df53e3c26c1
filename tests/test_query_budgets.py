"""Every public page type costs a fixed number of SQL queries, at most 22, in English and in Welsh, with one or ten
times the demo content.

Anonymous visitors get most pages from the page cache at no query at all; these are the costs of a miss."""

import io

from django.core.management import call_command
from django.db.models import Count
from django.test import Client

import pytest

from events.models import EventIndexPage, EventPage
from forums.models import ForumPage
from institute.models import Person
from news.models import NewsPage
from research.models import PublicationPage, ResearchThemePage
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

BUDGET = 22
QUERIES = {
    "home": 18,
    "forum index": 9,
    "forum": 20,
    "forum events feed": 10,
    "research index": 8,
    "theme": 21,
    "publications": 19,
    "publications filtered": 20,
    "publication": 18,
    "publication BibTeX": 17,
    "publication RIS": 17,
    "partners": 11,
    "people": 10,
    "profile": 20,
    "events upcoming": 13,
    "events past": 13,
    "calendar month": 10,
    "event": 15,
    "event iCalendar": 11,
    "events iCalendar feed": 8,
    "events RSS feed": 8,
    "news": 13,
    "news filtered": 13,
    "news item": 16,
    "news RSS feed": 10,
    "publications RSS feed": 13,
    "search": 6,
    "sitemap": 20,
}
# The pages with a form, which needs the CSRF cookie: the contact page and the newsletter sign-up.
PAGES_WITH_FORMS = {"contact", "newsletter"}


@pytest.fixture(params=[1, 10], ids=["demo content", "ten times the demo content"])
def demo_content(request, db):
    scale = {"scale": request.param} if request.param > 1 else {}
    call_command("load_demo_content", stdout=io.StringIO(), **scale)


def page_urls():
    """One page of each type from the demo content: the same pages whatever the scale."""
    forum = ForumPage.objects.live().get(slug="scotland")
    theme = ResearchThemePage.objects.live().order_by("path").first()
    publication = PublicationPage.objects.live().order_by("path").first()
    event = EventPage.objects.live().descendant_of(forum).order_by("path").first()
    events = EventIndexPage.objects.live().get().url
    author = Person.objects.annotate(papers=Count("authorships")).order_by("-papers", "pk").first()
    month = event.starts_at
    publications = publication.get_parent().url
    news_item = NewsPage.objects.live().order_by("path").first()
    return {
        "home": "/",
        "forum index": forum.get_parent().url,
        "forum": forum.url,
        "forum events feed": f"{forum.url}events.ics",
        "research index": theme.get_parent().url,
        "theme": theme.url,
        "publications": publications,
        "publications filtered": f"{publications}?theme={theme.slug}&year={publication.publication_date.year}",
        "publication": publication.url,
        "publication BibTeX": f"{publication.url}cite.bib",
        "publication RIS": f"{publication.url}cite.ris",
        "partners": "/partners/",
        "people": "/people/",
        "profile": f"/people/{author.slug}/",
        "events upcoming": events,
        "events past": f"{events}?when=past",
        "calendar month": f"{events}calendar/{month.year}/{month.month}/",
        "event": event.url,
        "event iCalendar": f"{event.url}event.ics",
        "events iCalendar feed": f"{events}feed.ics",
        "events RSS feed": f"{events}feed/",
        "news": "/news/",
        "news filtered": f"/news/?kind={news_item.kind}",
        "news item": news_item.url,
        "news RSS feed": "/news/feed/",
        "publications RSS feed": f"{publications}feed/",
        "search": "/search/?q=productivity",
        "sitemap": "/sitemap.xml",
    }


# The demo's Welsh pages: a Welsh page costs the same whatever the amount of content, in Welsh or English.
WELSH_QUERIES = {
    "home": 19,
    "forum index": 11,
    "forum": 22,
    "forum events feed": 12,
    "event": 17,
    "event iCalendar": 12,
    "about": 14,
    "search": 7,
}


def welsh_page_urls():
    forum = ForumPage.objects.live().get(slug="wales", locale__language_code="cy")
    event = EventPage.objects.live().filter(locale__language_code="cy").order_by("path").first()
    return {
        "home": "/cy/",
        "forum index": "/cy/forums/",
        "forum": forum.url,
        "forum events feed": f"{forum.url}events.ics",
        "event": event.url,
        "event iCalendar": f"{event.url}event.ics",
        "about": "/cy/about/",
        "search": "/cy/search/?q=cynhyrchiant",
    }


def test_every_page_type_costs_a_fixed_number_of_queries_in_english_and_welsh(client, demo_content):
    english = {name: queries_for(client, url) for name, url in page_urls().items()}
    welsh = {name: queries_for(client, url) for name, url in welsh_page_urls().items()}

    assert english == QUERIES
    assert welsh == WELSH_QUERIES
    assert max(*english.values(), *welsh.values()) <= BUDGET


def test_only_pages_with_a_form_set_a_cookie_for_an_anonymous_visitor(demo_content):
    urls = {**page_urls(), "contact": "/contact/", "newsletter": "/newsletter/"}

    setting_cookies = {name for name, url in urls.items() if Client().get(url).cookies}

    assert setting_cookies == PAGES_WITH_FORMS
