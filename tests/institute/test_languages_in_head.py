"""Pages in English and Welsh: the language a page says it is in, the switcher to its other version and
the hreflang links search engines read, through the real URLs in both languages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from institute.models import InstituteSettings
from tests.factories import EventIndexPageFactory, PeopleIndexPageFactory, PersonFactory, StandardPageFactory
from tests.helpers import queries_for, translate_into_welsh

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


@pytest.fixture
def welsh_about(welsh_home, about):
    return translate_into_welsh(about, {"About us": "Amdanom ni"})


def switcher_links(page):
    return page.select(".language-switcher a")


def hreflang_links(page):
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def test_english_pages_say_en_gb_and_welsh_pages_cy(client, soup, welsh_about):
    assert soup(client.get("/about/")).html["lang"] == "en-GB"
    assert soup(client.get("/cy/about/")).html["lang"] == "cy"


def test_english_settings_text_in_the_header_is_marked_english_on_a_welsh_page(client, soup, site, welsh_about):
    InstituteSettings.objects.update_or_create(
        site=site, defaults={"organisation_name": "The Productivity Institute", "tagline": "Research"}
    )

    brand = soup(client.get("/cy/about/")).select_one(".site-header__brand")

    assert brand["lang"] == "en-GB"
    assert "The Productivity Institute" in brand.text
    # The name leads to the home page in the reader's language.
    assert brand["href"] == "/cy/"


def test_an_english_page_links_its_welsh_translation_in_welsh(client, soup, welsh_about):
    [link] = switcher_links(soup(client.get("/about/")))

    assert (link.text, link["href"], link["lang"], link["hreflang"]) == ("Cymraeg", "/cy/about/", "cy", "cy")


def test_a_welsh_page_links_its_english_original_in_english(client, soup, welsh_about):
    [link] = switcher_links(soup(client.get("/cy/about/")))

    assert (link.text, link["href"], link["lang"], link["hreflang"]) == ("English", "/about/", "en-GB", "en-GB")


def test_both_versions_name_each_other_with_hreflang_and_english_as_the_default(client, soup, welsh_about):
    expected = {
        "en-GB": "http://localhost/about/",
        "cy": "http://localhost/cy/about/",
        "x-default": "http://localhost/about/",
    }

    assert hreflang_links(soup(client.get("/about/"))) == expected
    assert hreflang_links(soup(client.get("/cy/about/"))) == expected


def test_a_page_without_a_translation_has_no_switcher_and_no_hreflang(client, soup, welsh_home, home_page):
    StandardPageFactory(parent=home_page, title="Jobs", slug="jobs")

    page = soup(client.get("/jobs/"))

    assert switcher_links(page) == []
    assert hreflang_links(page) == {}


def test_a_draft_translation_is_not_linked(client, soup, welsh_about):
    welsh_about.unpublish()

    page = soup(client.get("/about/"))

    assert switcher_links(page) == []
    assert hreflang_links(page) == {}


def test_an_alias_is_not_a_translation(client, soup, welsh_home, about):
    """Translating a page before its parent makes the Welsh parent an alias of the English one."""
    team = StandardPageFactory(parent=about, title="Our team", slug="team")
    translate_into_welsh(team, {"Our team": "Ein tîm"})

    page = soup(client.get("/about/"))

    assert about.get_translation(Locale.objects.get(language_code="cy")).alias_of_id == about.pk
    assert switcher_links(page) == []
    assert hreflang_links(page) == {}


def test_a_calendar_month_links_the_same_month_in_the_other_language(client, soup, welsh_home, home_page):
    events = EventIndexPageFactory(parent=home_page)
    translate_into_welsh(events, {"Events": "Digwyddiadau"})

    [to_welsh] = switcher_links(soup(client.get("/events/calendar/2026/11/")))
    welsh_month = soup(client.get("/cy/events/calendar/2026/11/"))
    [to_english] = switcher_links(welsh_month)

    assert to_welsh["href"] == "/cy/events/calendar/2026/11/"
    assert to_english["href"] == "/events/calendar/2026/11/"
    assert hreflang_links(welsh_month)["cy"] == "http://localhost/cy/events/calendar/2026/11/"


def test_a_profile_links_the_same_profile_in_the_other_language(client, soup, welsh_home, home_page):
    people = PeopleIndexPageFactory(parent=home_page)
    translate_into_welsh(people, {"People": "Pobl"})
    PersonFactory(name="Helen Jones", slug="helen-jones")

    [link] = switcher_links(soup(client.get("/people/helen-jones/")))

    assert link["href"] == "/cy/people/helen-jones/"


def test_search_links_the_same_search_in_the_other_language(client, soup, welsh_home):
    [to_welsh] = switcher_links(soup(client.get("/search/?q=productivity&type=event")))
    [to_english] = switcher_links(soup(client.get("/cy/search/?q=cynhyrchiant")))

    assert to_welsh["href"] == "/cy/search/?q=productivity&type=event"
    assert to_english["href"] == "/search/?q=cynhyrchiant"


def test_the_newsletter_sign_up_links_its_welsh_address(client, soup):
    [link] = switcher_links(soup(client.get("/newsletter/")))

    assert (link.text, link["href"]) == ("Cymraeg", "/cy/newsletter/")


def test_a_page_that_is_not_found_has_no_switcher(client, soup, welsh_home):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert switcher_links(soup(response)) == []


def test_the_switcher_and_hreflang_share_one_query(client, welsh_about):
    # The first view since the translation was published: nothing is kept yet.
    with CaptureQueriesContext(connection) as queries:
        client.get("/about/")
    sql = [query["sql"] for query in queries]
    translation_queries = [query for query in sql if '"translation_key"' in query and '"alias_of_id" IS NULL' in query]

    assert len(translation_queries) == 1, translation_queries


def test_a_translation_costs_no_query_once_kept(client, welsh_home, about):
    untranslated = queries_for(client, "/about/")
    translate_into_welsh(about, {"About us": "Amdanom ni"})

    assert queries_for(client, "/about/") == untranslated
