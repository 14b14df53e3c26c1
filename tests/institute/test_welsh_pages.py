"""Welsh pages under /cy/: served in their own language only, listing what their English pages list in
Welsh where it exists, with Welsh calendars, citations, search and their own copies in the page cache."""

import datetime

from django.test import override_settings
from django.utils import timezone, translation

import bibtexparser
import icalendar
import pytest

from research.models import PublicationPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
)
from tests.helpers import translate_into_welsh

pytestmark = pytest.mark.django_db


@pytest.fixture
def forums(home_page):
    index = ForumIndexPageFactory(parent=home_page, show_in_menus=True)
    wales = ForumPageFactory(parent=index, slug="wales", region="Wales", title="Wales Productivity Forum")
    scotland = ForumPageFactory(parent=index, slug="scotland", region="Scotland", title="Scotland Productivity Forum")
    return index, wales, scotland


@pytest.fixture
def welsh_wales(forums, welsh_home):
    index, wales, _ = forums
    translate_into_welsh(index, {index.title: "Fforymau rhanbarthol"})
    return translate_into_welsh(wales, {wales.title: "Fforwm Cynhyrchiant Cymru"})


def test_a_welsh_page_is_served_under_cy_and_its_english_page_where_it_always_was(client, soup, welsh_wales):
    welsh = client.get("/cy/forums/wales/")
    english = client.get("/forums/wales/")

    assert welsh.status_code == english.status_code == 200
    assert soup(welsh).h1.get_text(strip=True) == "Fforwm Cynhyrchiant Cymru"
    assert soup(english).h1.get_text(strip=True) == "Wales Productivity Forum"


def test_a_welsh_address_of_a_page_without_a_welsh_version_leads_to_the_english_page(client, forums, welsh_home):
    index, wales, _ = forums
    # Translating the forum would make the forums index a Welsh alias of the English one: still English.
    translate_into_welsh(wales)

    assert client.get("/cy/forums/?x=1").headers["Location"] == "/forums/?x=1"
    assert client.get("/cy/forums/scotland/").status_code == 404


def test_without_a_welsh_home_page_no_english_page_answers_at_a_welsh_address(client, forums):
    response = client.get("/cy/forums/wales/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/forums/wales/"


def test_a_welsh_listing_shows_welsh_versions_and_marks_the_english_ones(client, soup, forums, welsh_wales):
    index, wales, scotland = forums
    page = soup(client.get("/cy/forums/"))

    links = {link["href"] for link in page.select("main a")}
    assert "/cy/forums/wales/" in links
    assert "/forums/scotland/" in links
    assert "/forums/wales/" not in links


def test_the_menu_and_breadcrumbs_name_pages_in_the_readers_language(client, soup, home_page, forums, welsh_wales):
    StandardPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)
    page = soup(client.get("/cy/forums/wales/"))

    menu = {link.get_text(strip=True): link["href"] for link in page.select(".main-nav__link")}
    assert menu["Fforymau rhanbarthol"] == "/cy/forums/"
    assert menu["About us"] == "/about/"
    breadcrumbs = [(link.get_text(strip=True), link["href"]) for link in page.select(".breadcrumbs a")]
    assert breadcrumbs == [("Hafan", "/cy/"), ("Fforymau rhanbarthol", "/cy/forums/")]


def test_the_english_site_never_lists_a_welsh_page(client, soup, home_page, forums, welsh_wales):
    page = soup(client.get("/forums/"))

    assert not [link for link in page.select("a") if link["href"].startswith("/cy/")] or all(
        link.get("hreflang") == "cy" for link in page.select("a") if link["href"].startswith("/cy/")
    )
    assert "Fforwm Cynhyrchiant Cymru" not in page.select_one("main").get_text()


@pytest.fixture
def wales_events(home_page, forums, welsh_wales):
    _, wales, _ = forums
    EventIndexPageFactory(parent=home_page)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
    briefing = EventPageFactory(
        parent=wales, title="Breakfast briefing", slug="breakfast-briefing", starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )  # fmt: skip
    meeting = EventPageFactory(parent=wales, title="Forum meeting", slug="forum-meeting", starts_at=start)
    translate_into_welsh(briefing, {"Breakfast briefing": "Sesiwn friffio dros frecwast"})
    return briefing, meeting


def calendar_events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): str(event["URL"]) for event in calendar.walk("VEVENT")}


def test_the_welsh_forum_calendar_lists_its_events_in_welsh_where_they_are(client, wales_events):
    welsh = calendar_events(client.get("/cy/forums/wales/events.ics"))
    english = calendar_events(client.get("/forums/wales/events.ics"))

    assert welsh == {
        "Sesiwn friffio dros frecwast": "http://localhost/cy/forums/wales/breakfast-briefing/",
        "Forum meeting": "http://localhost/forums/wales/forum-meeting/",
    }
    assert english == {
        "Breakfast briefing": "http://localhost/forums/wales/breakfast-briefing/",
        "Forum meeting": "http://localhost/forums/wales/forum-meeting/",
    }


def test_a_welsh_event_has_its_own_calendar_file(client, wales_events):
    assert list(calendar_events(client.get("/cy/forums/wales/breakfast-briefing/event.ics"))) == [
        "Sesiwn friffio dros frecwast"
    ]
    # The English event has no Welsh address: its calendar file is not served there either.
    assert client.get("/cy/forums/wales/forum-meeting/event.ics").status_code == 404


def test_a_welsh_forum_page_lists_the_forums_events_in_welsh_where_they_are(client, soup, wales_events):
    main = soup(client.get("/cy/forums/wales/")).select_one("main")

    links = {link.get_text(" ", strip=True): link["href"] for link in main.select("a") if "/forum" in link["href"]}
    assert links["Sesiwn friffio dros frecwast"] == "/cy/forums/wales/breakfast-briefing/"
    assert any(href == "/forums/wales/forum-meeting/" for href in links.values())


@pytest.fixture
def welsh_publication(home_page, welsh_home):
    research = ResearchIndexPageFactory(parent=home_page)
    index = PublicationIndexPageFactory(parent=research)
    publication = PublicationPageFactory(parent=index, title="Productivity in Wales", slug="productivity-in-wales")
    translate_into_welsh(research)
    translate_into_welsh(index)
    return translate_into_welsh(publication, {"Productivity in Wales": "Cynhyrchiant yng Nghymru"})


def test_a_welsh_publication_is_cited_in_welsh(client, welsh_publication):
    response = client.get(f"{welsh_publication.url}cite.bib")

    assert response.status_code == 200
    entry = bibtexparser.parse_string(response.content.decode()).entries[0]
    assert entry["title"].strip("{}") == "Cynhyrchiant yng Nghymru"
    assert entry["url"] == f"http://localhost{welsh_publication.url}"


def test_a_search_in_welsh_finds_welsh_pages_and_english_ones_without_a_translation(
    client, soup, welsh_publication, home_page
):
    english_only = PublicationPageFactory(
        parent=PublicationPage.objects.get(locale__language_code="en-gb").get_parent(), title="Productivity in Scotland"
    )

    def found(url):
        return {link["href"] for link in soup(client.get(url)).select("main h2 a, main h3 a")}

    english_of_welsh = welsh_publication.get_translation(home_page.locale).url
    assert found("/cy/search/?q=Cynhyrchiant") == {welsh_publication.url}
    # The Welsh page's untranslated test texts may hold the word too: its English page is never found.
    found_in_welsh = found("/cy/search/?q=Productivity")
    assert english_only.url in found_in_welsh and english_of_welsh not in found_in_welsh
    assert found("/search/?q=Productivity") == {
        english_only.url,
        welsh_publication.get_translation(home_page.locale).url,
    }
    assert found("/search/?q=Cynhyrchiant") == set()


@override_settings(PAGE_CACHE=True)
def test_the_page_cache_keeps_each_language_apart(client, soup, welsh_wales):
    for _ in range(2):
        assert soup(client.get("/forums/wales/")).h1.get_text(strip=True) == "Wales Productivity Forum"
        assert soup(client.get("/cy/forums/wales/")).h1.get_text(strip=True) == "Fforwm Cynhyrchiant Cymru"


def test_the_admin_previews_a_welsh_page_in_welsh(soup, home_page, welsh_wales):
    # The admin itself speaks English: a preview is made while English is active.
    with translation.override("en-gb"):
        page = soup(welsh_wales.make_preview_request())

    breadcrumbs = [(link.get_text(strip=True), link["href"]) for link in page.select(".breadcrumbs a")]
    assert breadcrumbs == [("Hafan", "/cy/"), ("Fforymau rhanbarthol", "/cy/forums/")]
    assert page.html["lang"] == "cy"


def test_a_search_in_welsh_names_kinds_of_page_in_welsh_with_the_same_filter_values(client, soup, welsh_publication):
    page = soup(client.get("/cy/search/?q=Cynhyrchiant&type=publication"))

    assert "Cyhoeddiad" in page.select_one("main").get_text()
    assert {link["href"] for link in page.select("main h2 a, main h3 a")} == {welsh_publication.url}
