"""The publication listing: newest first, filters alone and combined, bad values ignored and shown."""

import datetime
from http import HTTPStatus

import pytest

from research.choices import PublicationType
from tests.factories import (
    ForumIndexPageFactory,
    ForumPageFactory,
    PersonFactory,
    PublicationAuthorFactory,
    PublicationPageFactory,
    ResearchThemePageFactory,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

LISTING_QUERIES = 20


@pytest.fixture
def catalogue(home_page, research_index, publication_index):
    forums = ForumIndexPageFactory(parent=home_page)
    wales = ForumPageFactory(parent=forums, slug="wales", region="Wales")
    skills = ResearchThemePageFactory(parent=research_index, slug="skills", title="Skills")
    place = ResearchThemePageFactory(parent=research_index, slug="place", title="Place")
    helen = PersonFactory(name="Helen Marwick", slug="helen-marwick")

    def paper(title, day, **fields):
        keywords = fields.pop("keywords", [])
        author = fields.pop("author", None)
        page = PublicationPageFactory(parent=publication_index, title=title, publication_date=day, **fields)
        if author:
            PublicationAuthorFactory(publication=page, person=author)
        if keywords:
            page.keywords.add(*keywords)
            page.save()
        return page

    papers = {
        "a": paper("A", datetime.date(2021, 5, 1), themes=[skills], keywords=["skills"]),
        "b": paper("B", datetime.date(2023, 2, 1), themes=[skills, place], forums=[wales], author=helen),
        "c": paper(
            "C", datetime.date(2023, 9, 1), publication_type=PublicationType.POLICY_BRIEF, themes=[place], author=helen
        ),
        "d": paper("D", datetime.date(2025, 1, 1), publication_type=PublicationType.POLICY_BRIEF, keywords=["AI"]),
    }
    draft = paper("Draft", datetime.date(2025, 6, 1), themes=[skills])
    draft.unpublish()
    return papers


def titles(soup, response):
    assert response.status_code == HTTPStatus.OK
    return [a.text for a in soup(response).select(".publication-list__title a")]


def test_listing_is_newest_first_with_a_count(client, soup, catalogue):
    response = client.get("/research/publications/")

    assert titles(soup, response) == ["D", "C", "B", "A"]
    assert soup(response).select_one(".listing-count").text.strip() == "4 publications"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=skills", ["B", "A"]),
        ("type=policy-brief", ["D", "C"]),
        ("year=2023", ["C", "B"]),
        ("author=helen-marwick", ["C", "B"]),
        ("forum=wales", ["B"]),
        ("keyword=ai", ["D"]),
        ("theme=place&type=policy-brief", ["C"]),
        ("theme=skills&year=2023&author=helen-marwick&forum=wales", ["B"]),
        ("theme=skills&type=policy-brief", []),
    ],
)
def test_filters_alone_and_combined(client, soup, catalogue, query, expected):
    response = client.get(f"/research/publications/?{query}")

    assert titles(soup, response) == expected
    page = soup(response)
    for pair in query.split("&"):
        name, value = pair.split("=")
        selected = page.select_one(f"select[name={name}] option[selected]")
        assert selected["value"] == value  # the form shows the filters in use


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ("theme=atlantis", "Theme: “atlantis”"),
        ("type=novel", "Type: “novel”"),
        ("year=20x4", "Year: “20x4”"),
        ("year=1999", "Year: “1999”"),
        ("author=nobody", "Author: “nobody”"),
        ("forum=%3Cscript%3E", "Forum: “<script>”"),
        ("keyword=" + "k" * 300, "Keyword: “" + "k" * 59 + "…”"),  # long values are shortened
    ],
)
def test_bad_filter_values_are_ignored_and_shown(client, soup, catalogue, query, ignored):
    # Each bad value comes with a good one, which still applies.
    good, expected = ("year=2023", ["C", "B"]) if query.startswith("type=") else ("type=policy-brief", ["D", "C"])

    response = client.get(f"/research/publications/?{query}&{good}")

    assert titles(soup, response) == expected
    assert ignored in soup(response).select_one(".notice").get_text()
    assert "<script>" not in response.content.decode()


def test_a_page_past_the_end_is_404(client, catalogue):
    assert client.get("/research/publications/?page=9").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/research/publications/?page=x").status_code == HTTPStatus.NOT_FOUND


def test_twenty_a_page(client, soup, publication_index):
    for day in range(23):
        PublicationPageFactory(parent=publication_index, publication_date=datetime.date(2024, 1, 1 + day))

    first = soup(client.get("/research/publications/"))
    second = soup(client.get("/research/publications/?page=2"))

    assert len(first.select(".publication-list__item")) == 20
    assert len(second.select(".publication-list__item")) == 3
    assert second.select_one(".listing-count").text.strip() == "23 publications"
    assert second.select_one(".pagination__count").text == "Page 2 of 2, 20 publications a page"


@pytest.mark.parametrize("count", [2, 20])
def test_listing_queries_are_fixed(client, catalogue, publication_index, count):
    for _ in range(count):
        paper = PublicationPageFactory(parent=publication_index)
        PublicationAuthorFactory(publication=paper)
        PublicationAuthorFactory(publication=paper, person=None, name="Guest")

    assert queries_for(client, "/research/publications/?theme=skills") == LISTING_QUERIES
