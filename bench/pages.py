"""The pages `make bench` and `make lighthouse` request, found in the bench database so the data fixes the list."""

import django

FLOOR_PATH = "/_bench/floor/"


def bench_pages():
    """(name, path) of each page to measure, the floor first. Needs the bench database (`use_bench_data()`)."""
    django.setup()
    # Imported once Django is set up: the models need the app registry.
    from wagtail.models import Site

    from events.dates import local
    from events.models import EventIndexPage, EventPage
    from forums.models import ForumIndexPage, ForumPage
    from research.models import (
        PeopleIndexPage,
        PublicationIndexPage,
        PublicationPage,
        ResearchIndexPage,
        ResearchThemePage,
    )

    def first(model):
        return model.objects.live().public().order_by("path").first()

    publications = first(PublicationIndexPage)
    theme = first(ResearchThemePage)
    # The filters pick a type this theme has, so the filtered listing is not empty.
    themed = PublicationPage.objects.live().public().filter(themes=theme).order_by("path").first()
    publication = first(PublicationPage)
    author = publication.authors.exclude(person=None).first().person
    people = first(PeopleIndexPage)
    events = first(EventIndexPage)
    event = first(EventPage)
    event_start = local(event.starts_at)
    return [
        ("floor", FLOOR_PATH),
        ("home", Site.objects.get(is_default_site=True).root_page.url),
        ("forums", first(ForumIndexPage).url),
        ("forum", first(ForumPage).url),
        ("research", first(ResearchIndexPage).url),
        ("theme", theme.url),
        ("publications", publications.url),
        ("publications-filtered", f"{publications.url}?theme={theme.slug}&type={themed.publication_type}"),
        ("publication", publication.url),
        ("people", people.url),
        ("profile", people.profile_url(author)),
        ("events", events.url),
        ("events-past", f"{events.url}?when=past"),
        ("event", event.url),
        ("calendar-month", events.calendar_url(event_start.year, event_start.month)),
        ("search", "/search/?q=productivity"),
        ("events-feed", f"{events.url}feed.ics"),
        ("sitemap", "/sitemap.xml"),
    ]
