"""What search finds and in which order: people and papers by their own words, content before navigation."""

# ruff: noqa: F811  (the fixtures imported from tests/forums/conftest.py are arguments of the tests)

import datetime
from http import HTTPStatus

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FormPageFactory,
    InstitutionFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    PublicationAuthorFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
    StandardPageFactory,
)
from tests.forums.conftest import forum_index, scotland, staff_editor  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def research(home_page):
    research = ResearchIndexPageFactory(parent=home_page, intro="Productivity research in three programmes.")
    publications = PublicationIndexPageFactory(parent=research, intro="Productivity papers and briefings.")
    PeopleIndexPageFactory(parent=home_page, intro="The people behind our productivity research.")
    return {"research": research, "publications": publications}


def publication(index, title, authors=(), keywords=(), author_names=(), **fields):
    page = PublicationPageFactory(parent=index, title=title, **fields)
    for author in authors:
        PublicationAuthorFactory(publication=page, person=author)
    for name in author_names:
        PublicationAuthorFactory(publication=page, person=None, name=name)
    page.keywords.add(*keywords)
    page.save()
    # The index entry is made when the page is saved; authors and keywords are now saved with it.
    page.save_revision().publish()
    return page


def results(client, soup, **params):
    page = soup(client.get("/search/", params))
    return [
        (
            item.select_one(".search-result__title a").text,
            item.select_one(".search-result__kind").text,
            item.select_one("time")["datetime"] if item.select_one("time") else None,
        )
        for item in page.select(".search-result")
    ]


def titles(client, soup, **params):
    return [title for title, _, _ in results(client, soup, **params)]


def test_a_persons_name_finds_their_profile_then_their_publications(client, home_page, research, soup):
    helen = PersonFactory(name="Helen Marwick", job_title="Director")
    other = PersonFactory(name="Bart Ellison")
    papers = [
        publication(research["publications"], f"Regional growth paper {n}", authors=[helen, other]) for n in range(3)
    ]
    publication(research["publications"], "Someone else's paper", authors=[other])
    StandardPageFactory(parent=home_page, title="About us", slug="about", intro="Led by Helen Marwick.")

    found = titles(client, soup, q="Helen Marwick")

    assert found[0] == "Helen Marwick"
    assert sorted(found[1:4]) == sorted(paper.title for paper in papers)
    assert found[4:] == ["About us"]
    profile = soup(client.get("/search/", {"q": "Helen Marwick"})).select_one(".search-result__title a")["href"]
    assert profile == "/people/helen-marwick/"
    assert client.get(profile).status_code == HTTPStatus.OK


def test_a_publication_a_staff_editor_publishes_is_found_by_its_authors_and_keywords(
    client, research, staff_editor, soup
):
    author = PersonFactory(name="Helen Marwick")
    data = nested_form_data(
        {
            "title": "Skills and places",
            "slug": "skills-and-places",
            "publication_type": "working-paper",
            "publication_date": "2026-03-01",
            "abstract": "What training does for firms.",
            "keywords": "apprenticeships",
            "body": streamfield([]),
            "authors": inline_formset([{"person": author.pk, "name": "", "affiliation": ""}]),
            "action-publish": "publish",
        }
    )
    client.force_login(staff_editor)

    response = client.post(f"/admin/pages/add/research/publicationpage/{research['publications'].pk}/", data)
    client.logout()

    assert response.status_code == HTTPStatus.FOUND
    assert titles(client, soup, q="Helen Marwick") == ["Helen Marwick", "Skills and places"]
    assert titles(client, soup, q="apprenticeships") == ["Skills and places"]


def test_people_are_found_by_job_title_and_institution(client, home_page, research, soup):
    PersonFactory(
        name="Ada Byrne", job_title="Senior lecturer", organisation=InstitutionFactory(name="University of Glasgow")
    )
    PersonFactory(name="Cal Dunn", job_title="Glasgow forum manager")
    PersonFactory(name="Eve Frost", job_title="Economist")

    assert sorted(titles(client, soup, q="glasgow")) == ["Ada Byrne", "Cal Dunn"]


def test_publications_are_found_by_typed_in_author_names_and_keywords(client, research, soup):
    publication(research["publications"], "Firm dynamics", author_names=["Ines Quarrie"], keywords=["zombie firms"])

    assert titles(client, soup, q="Quarrie") == ["Firm dynamics"]
    assert titles(client, soup, q="zombie") == ["Firm dynamics"]


def test_content_ranks_above_navigation_pages_for_a_topic_word(client, home_page, research, soup):
    StandardPageFactory(parent=home_page, title="About productivity", slug="about", intro="Productivity matters.")
    FormPageFactory(parent=home_page, title="Contact us", slug="contact", intro="Ask us about productivity.")
    EventIndexPageFactory(parent=home_page, intro="Productivity events across the UK.")
    home_page.hero_intro = "Exploring what productivity means."
    home_page.save_revision().publish()
    theme = ResearchThemePageFactory(parent=research["research"], title="Skills", summary="Productivity and skills.")
    paper = publication(research["publications"], "The productivity puzzle", abstract="Why productivity stalls.")
    event = EventPageFactory(parent=home_page.get_children().get(slug="events"), title="Productivity week")

    found = titles(client, soup, q="productivity")

    content = {theme.title, paper.title, event.title}
    assert set(found[:3]) == content
    assert set(found[3:]) == {
        "About productivity",
        "Contact us",
        "Events",
        "Home",
        "Research",
        "Publications",
        "People",
    }


def test_a_title_weighs_more_than_the_text(client, research, soup):
    publication(research["publications"], "Trade and the regions", abstract="Exports from " + "firms " * 30)
    publication(research["publications"], "Exports", abstract="A short paper.")

    assert titles(client, soup, q="exports") == ["Exports", "Trade and the regions"]


def test_results_show_their_type_and_date(client, home_page, research, soup):
    PersonFactory(name="Zia Weather", job_title="Weather economist")
    publication(research["publications"], "Weather shocks", publication_date=datetime.date(2025, 3, 4))
    starts_at = datetime.datetime(2030, 5, 6, 10, tzinfo=datetime.UTC)
    EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Weather workshop", starts_at=starts_at)
    StandardPageFactory(parent=home_page, title="Weather policy", slug="weather")

    assert sorted(results(client, soup, q="weather")) == [
        ("Weather policy", "Page", None),
        ("Weather shocks", "Publication", "2025-03-04"),
        ("Weather workshop", "Event", "2030-05-06"),
        ("Zia Weather", "Person", None),
    ]


def test_the_type_filter_narrows_the_results(client, home_page, research, soup):
    PersonFactory(name="Tom Trade")
    publication(research["publications"], "Trade after Brexit")
    StandardPageFactory(parent=home_page, title="Trade policy", slug="trade")

    assert titles(client, soup, q="trade", type="publication") == ["Trade after Brexit"]
    assert titles(client, soup, q="trade", type="person") == ["Tom Trade"]
    assert titles(client, soup, q="trade", type="page") == ["Trade policy"]
    page = soup(client.get("/search/", {"q": "trade", "type": "publication"}))
    assert page.select_one("#search-type option[selected]")["value"] == "publication"
    assert {option["value"] for option in page.select("#search-type option")} >= {
        "",
        "publication",
        "event",
        "forum",
        "research-theme",
        "person",
        "page",
    }


def test_an_invalid_type_is_ignored_and_named(client, home_page, research, soup):
    publication(research["publications"], "Trade after Brexit")
    StandardPageFactory(parent=home_page, title="Trade policy", slug="trade")

    page = soup(client.get("/search/", {"q": "trade", "type": "<b>nonsense"}))

    assert sorted(a.text for a in page.select(".search-result__title a")) == ["Trade after Brexit", "Trade policy"]
    assert "Type: “<b>nonsense”" in page.select_one(".notice").text


def test_promoted_results_come_first(client, home_page, research, soup):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about", intro="Who we are.")
    publication(research["publications"], "Innovation diffusion", publication_date=datetime.date(2025, 1, 2))
    query = Query.objects.create(query_string="innovation")
    SearchPromotion.objects.create(query=query, page=about, sort_order=0)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/innovation",
        external_link_text="Innovation survey",
        description="The national survey.",
        sort_order=1,
    )

    found = results(client, soup, q="Innovation")

    assert found == [
        ("About us", "Page", None),
        ("Innovation survey", "Link", None),
        ("Innovation diffusion", "Publication", "2025-01-02"),
    ]


def test_a_staff_editor_pins_a_result_through_the_admin(client, home_page, research, staff_editor, soup):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    publication(research["publications"], "Skills mismatch")
    client.force_login(staff_editor)

    response = client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "skills",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(about.pk),
            "editors_picks-0-external_link_url": "",
            "editors_picks-0-external_link_text": "",
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "1",
        },
    )
    client.logout()

    assert response.status_code == HTTPStatus.FOUND
    assert titles(client, soup, q="skills") == ["About us", "Skills mismatch"]


def test_forum_leads_have_no_promoted_results_menu(client, scotland, staff_editor):
    client.force_login(scotland.lead.user)
    assert b"Promoted search results" not in client.get("/admin/").content
    assert client.get("/admin/searchpicks/").status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)

    client.force_login(staff_editor)
    assert b"Promoted search results" in client.get("/admin/").content
