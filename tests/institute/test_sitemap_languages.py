"""The sitemap lists the pages in both languages, each with its versions in every language (hreflang)."""

from xml.etree import ElementTree

import pytest

from tests.factories import PeopleIndexPageFactory, PersonFactory, StandardPageFactory
from tests.helpers import queries_for, translate_into_welsh
from tests.institute import test_languages_in_head as languages

pytestmark = pytest.mark.django_db

# Welsh pages made as in the head's tests.
about = languages.about
welsh_about = languages.welsh_about

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(client):
    """{location: {hreflang: alternate location}} of every URL the sitemap lists."""
    urlset = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for url in urlset.iter(f"{SITEMAP}url")
    }


def test_each_language_version_lists_every_version_and_english_as_the_default(client, welsh_about):
    both = {
        "en-GB": "http://localhost/about/",
        "cy": "http://localhost/cy/about/",
        "x-default": "http://localhost/about/",
    }

    urls = sitemap(client)

    assert urls["http://localhost/about/"] == both
    assert urls["http://localhost/cy/about/"] == both
    assert urls["http://localhost/cy/"]["cy"] == "http://localhost/cy/"


def test_a_page_without_a_translation_is_listed_without_alternates(client, welsh_home, home_page):
    StandardPageFactory(parent=home_page, title="Jobs", slug="jobs")

    assert sitemap(client)["http://localhost/jobs/"] == {}


def test_aliases_and_draft_translations_are_not_listed(client, welsh_home, about):
    team = StandardPageFactory(parent=about, title="Our team", slug="team")
    translate_into_welsh(team, {"Our team": "Ein tîm"}).unpublish()  # /cy/about/ is now an alias of /about/

    urls = sitemap(client)

    assert "http://localhost/cy/about/" not in urls
    assert "http://localhost/cy/about/team/" not in urls
    assert urls["http://localhost/about/team/"] == {}


def test_profiles_are_listed_with_their_address_in_each_language(client, welsh_home, home_page):
    people = PeopleIndexPageFactory(parent=home_page)
    translate_into_welsh(people, {"People": "Pobl"})
    PersonFactory(name="Helen Jones", slug="helen-jones")

    urls = sitemap(client)

    assert urls["http://localhost/cy/people/helen-jones/"] == {
        "en-GB": "http://localhost/people/helen-jones/",
        "cy": "http://localhost/cy/people/helen-jones/",
        "x-default": "http://localhost/people/helen-jones/",
    }
    assert urls["http://localhost/people/helen-jones/"]["cy"] == "http://localhost/cy/people/helen-jones/"


def test_the_sitemap_costs_the_same_queries_however_many_pages(client, welsh_home, home_page):
    translate_into_welsh(
        StandardPageFactory(parent=home_page, title="About us", slug="about"), {"About us": "Amdanom ni"}
    )
    few = queries_for(client, "/sitemap.xml")
    for number in range(5):
        english = StandardPageFactory(parent=home_page, title=f"Page {number}", slug=f"page-{number}")
        translate_into_welsh(english, {f"Page {number}": f"Tudalen {number}"})

    assert queries_for(client, "/sitemap.xml") == few
    assert len(sitemap(client)) == 14
