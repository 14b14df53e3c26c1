"""The people directory at /people/ and profiles at /people/<slug>/."""

from http import HTTPStatus

import pytest

from tests.factories import (
    ForumIndexPageFactory,
    ForumPageFactory,
    ImageFactory,
    InstitutionFactory,
    PersonFactory,
    PersonLinkFactory,
    PublicationAuthorFactory,
    PublicationPageFactory,
    ResearchThemePageFactory,
    ThemeLeadFactory,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

DIRECTORY_QUERIES = 11
PROFILE_QUERIES = 20


@pytest.fixture
def people(home_page, research_index, publication_index, people_index):
    glasgow = InstitutionFactory(name="University of Glasgow", slug="glasgow")
    cardiff = InstitutionFactory(name="Cardiff University", slug="cardiff")
    forums = ForumIndexPageFactory(parent=home_page)
    made = {
        "lead": PersonFactory(name="Alasdair Munro", slug="alasdair-munro", organisation=glasgow),
        "chair": PersonFactory(name="Morag Kinnaird", slug="morag-kinnaird", organisation=glasgow),
        "theme_lead": PersonFactory(name="Gareth Llewellyn", slug="gareth-llewellyn", organisation=cardiff),
        "author": PersonFactory(name="Rhian Pritchard", slug="rhian-pritchard", organisation=cardiff),
        "staff": PersonFactory(name="Sam Office", slug="sam-office", organisation=None, is_staff_member=True),
    }
    ForumPageFactory(parent=forums, slug="scotland", chair=made["chair"], lead=made["lead"])
    theme = ResearchThemePageFactory(parent=research_index, slug="skills", title="Skills")
    ThemeLeadFactory(theme=theme, person=made["theme_lead"])
    paper = PublicationPageFactory(parent=publication_index, title="A paper")
    PublicationAuthorFactory(publication=paper, person=made["author"])
    return made


def names(soup, response):
    assert response.status_code == HTTPStatus.OK
    return [a.text for a in soup(response).select(".person-card__name a")]


def test_directory_lists_everyone_with_links_to_profiles(client, soup, people):
    response = client.get("/people/")

    assert names(soup, response) == sorted(person.name for person in people.values())
    assert soup(response).select_one(".person-card__name a")["href"] == "/people/alasdair-munro/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("institution=glasgow", ["Alasdair Munro", "Morag Kinnaird"]),
        ("role=theme-lead", ["Gareth Llewellyn"]),
        ("role=forum-chair", ["Morag Kinnaird"]),
        ("role=forum-lead", ["Alasdair Munro"]),
        ("role=researcher", ["Rhian Pritchard"]),
        ("role=staff", ["Sam Office"]),
        ("institution=cardiff&role=researcher", ["Rhian Pritchard"]),
        ("institution=glasgow&role=staff", []),
    ],
)
def test_directory_filters(client, soup, people, query, expected):
    assert names(soup, client.get(f"/people/?{query}")) == expected


@pytest.mark.parametrize("query", ["role=wizard", "institution=hogwarts", "role=", "page=1&role=%E2%82%AC"])
def test_bad_directory_filters_are_ignored(client, soup, people, query):
    response = client.get(f"/people/?{query}")

    assert len(names(soup, response)) == len(people)


def test_profile_shows_roles_publications_and_links(client, soup, people):
    person = people["lead"]
    person.short_bio = "Works on Scottish productivity."
    person.orcid = "0000-0002-1825-0097"
    person.save()
    PersonLinkFactory(person=person, label="University profile", url="https://example.ac.uk/munro")
    paper = PublicationPageFactory(parent=people["author"].authorships.first().publication.get_parent(), title="Mine")
    PublicationAuthorFactory(publication=paper, person=person)

    page = soup(client.get("/people/alasdair-munro/"))

    assert page.h1.text == "Alasdair Munro"
    assert page.select_one(".profile-header__organisation").text == "University of Glasgow"
    assert "Works on Scottish productivity." in page.text
    assert [a["href"] for a in page.select(".contact-card__links a")] == [
        "https://orcid.org/0000-0002-1825-0097",
        "https://example.ac.uk/munro",
    ]
    roles = [li.get_text(" ", strip=True) for li in page.find(id="roles").find_next("ul").select("li")]
    assert roles == ["Forum lead, Region 0 Productivity Forum"] or roles[0].startswith("Forum lead, ")
    assert [a.text for a in page.select(".publication-list__title a")] == ["Mine"]
    assert [li.get_text(strip=True) for li in page.select(".breadcrumbs li")] == ["Home", "People", "Alasdair Munro"]


def test_profiles_of_theme_leads_list_their_themes(client, soup, people):
    page = soup(client.get("/people/gareth-llewellyn/"))

    assert page.find(id="roles").find_next("a")["href"] == "/research/skills/"


def test_unknown_profile_is_404(client, people):
    assert client.get("/people/nobody/").status_code == HTTPStatus.NOT_FOUND


def test_forum_key_contacts_link_to_profiles(client, soup, people):
    page = soup(client.get("/forums/scotland/"))

    links = [a["href"] for a in page.select(".contact-card__name a")]
    assert links == ["/people/morag-kinnaird/", "/people/alasdair-munro/"]


@pytest.mark.parametrize("count", [2, 12])
def test_directory_queries_are_fixed(client, people, count):
    for _ in range(count):
        PersonFactory(photo=ImageFactory())

    assert queries_for(client, "/people/") == DIRECTORY_QUERIES


@pytest.mark.parametrize("count", [1, 6])
def test_profile_queries_are_fixed(client, people, publication_index, count):
    person = people["lead"]
    for _ in range(count):
        PublicationAuthorFactory(publication=PublicationPageFactory(parent=publication_index), person=person)
        PersonLinkFactory(person=person)

    assert queries_for(client, "/people/alasdair-munro/") == PROFILE_QUERIES
