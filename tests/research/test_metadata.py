"""Publications and profiles as search engines and scholars' tools read them: JSON-LD, canonical URLs, sitemap."""

import json
from xml.etree import ElementTree

import pytest

from tests.factories import (
    EventIndexPageFactory,
    ImageFactory,
    PersonFactory,
    PersonLinkFactory,
    PublicationAuthorFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def json_ld(page):
    scripts = page.select('script[type="application/ld+json"]')
    return {item["@type"]: item for item in (json.loads(script.string) for script in scripts)}


@pytest.fixture
def helen(people_index):
    helen = PersonFactory(
        name="Helen Marwick", slug="helen-marwick", job_title="Chief Executive", orcid="0000-0002-1825-0097"
    )
    PersonLinkFactory(person=helen, url="https://www.example.ac.uk/helen")
    return helen


def test_publication_is_a_scholarly_article_with_authors_doi_and_date(client, soup, publication_index, helen):
    paper = PublicationPageFactory(
        parent=publication_index,
        title="Management practices and productivity",
        slug="management-practices",
        doi="10.1234/tpi.2024.01",
        journal="Oxford Review of Economic Policy",
    )
    PublicationAuthorFactory(publication=paper, person=helen, sort_order=0)
    PublicationAuthorFactory(publication=paper, person=None, name="Tomasz Nowak", affiliation="LSE", sort_order=1)

    data = json_ld(soup(client.get(paper.url)))

    article = data["ScholarlyArticle"]
    assert article["headline"] == "Management practices and productivity"
    assert article["url"] == "http://localhost/research/publications/management-practices/"
    assert article["datePublished"] == paper.publication_date.isoformat()
    assert article["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1234/tpi.2024.01"}
    assert article["sameAs"] == "https://doi.org/10.1234/tpi.2024.01"
    assert article["isPartOf"] == {"@type": "Periodical", "name": "Oxford Review of Economic Policy"}
    assert article["author"] == [
        {"@type": "Person", "name": "Helen Marwick", "url": "http://localhost/people/helen-marwick/"},
        {"@type": "Person", "name": "Tomasz Nowak", "affiliation": {"@type": "Organization", "name": "LSE"}},
    ]
    trail = [item["name"] for item in data["BreadcrumbList"]["itemListElement"]]
    assert trail == ["Home", "Research", "Publications", "Management practices and productivity"]


def test_profile_is_a_person_with_its_own_canonical_url_and_trail(client, soup, helen):
    helen.photo = ImageFactory(file__width=2400, file__height=2400)
    helen.save()

    page = soup(client.get("/people/helen-marwick/"))

    assert page.title.text == "Helen Marwick | The Productivity Institute"
    assert page.select_one('link[rel="canonical"]')["href"] == "http://localhost/people/helen-marwick/"
    assert page.select_one('meta[property="og:url"]')["content"] == "http://localhost/people/helen-marwick/"
    assert page.select_one('meta[property="og:title"]')["content"] == "Helen Marwick"
    assert page.select_one('meta[property="og:type"]')["content"] == "profile"
    assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
    data = json_ld(page)
    person = data["Person"]
    assert (person["name"], person["jobTitle"], person["url"]) == (
        "Helen Marwick",
        "Chief Executive",
        "http://localhost/people/helen-marwick/",
    )
    assert person["sameAs"] == ["https://orcid.org/0000-0002-1825-0097", "https://www.example.ac.uk/helen"]
    trail = [(item["name"], item["item"]) for item in data["BreadcrumbList"]["itemListElement"]]
    assert trail == [
        ("Home", "http://localhost/"),
        ("People", "http://localhost/people/"),
        ("Helen Marwick", "http://localhost/people/helen-marwick/"),
    ]


def test_sitemap_lists_every_profile(client, helen):
    PersonFactory(name="Tomasz Nowak", slug="tomasz-nowak")

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)

    locations = {loc.text for loc in sitemap.iter(f"{SITEMAP}loc")}
    assert {
        "http://localhost/people/",
        "http://localhost/people/helen-marwick/",
        "http://localhost/people/tomasz-nowak/",
    } <= locations


@pytest.mark.parametrize(
    ("filtered", "plain"),
    [
        ("/research/publications/?year=2024", "http://localhost/research/publications/"),
        ("/research/publications/?theme=nothing-like-it", "http://localhost/research/publications/"),
        ("/people/?q=helen", "http://localhost/people/"),
        ("/events/?when=past", "http://localhost/events/"),
    ],
)
def test_filtered_listing_is_not_for_search_engines_and_names_the_plain_one(
    client, soup, home_page, publication_index, people_index, filtered, plain
):
    EventIndexPageFactory(parent=home_page)
    plain_page = soup(client.get(plain.removeprefix("http://localhost")))
    page = soup(client.get(filtered))

    assert plain_page.select_one('meta[name="robots"]') is None
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one('link[rel="canonical"]')["href"] == plain
