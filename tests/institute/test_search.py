from http import HTTPStatus

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import FormPageFactory, StandardPageFactory
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

SEARCH_QUERIES = 5


def productivity_pages(parent, count):
    return [
        StandardPageFactory(parent=parent, title=f"Productivity puzzle {n}", slug=f"puzzle-{n}", intro=f"Part {n}.")
        for n in range(count)
    ]


def test_search_page_offers_a_labelled_search_box(client, home_page, soup):
    response = client.get("/search/")

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert page.h1.text == "Search"
    box = page.find("form", attrs={"role": "search"}).find("input", attrs={"name": "q"})
    assert page.find("label", attrs={"for": box["id"]}).text == "Search the site"
    assert not page.select(".search-result")
    assert page.find("nav", attrs={"aria-label": "Main"}).find("a", string="Search")["aria-current"] == "page"


def test_search_finds_live_public_pages_of_every_type(client, home_page, soup):
    StandardPageFactory(parent=home_page, title="Regional inequality", slug="regional", intro="Places differ.")
    FormPageFactory(parent=home_page, title="Regional forum sign-up", slug="sign-up")
    draft = StandardPageFactory(parent=home_page, title="Regional draft", slug="draft")
    draft.unpublish()
    private = StandardPageFactory(parent=home_page, title="Regional secrets", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    StandardPageFactory(parent=home_page, title="Skills", slug="skills")

    page = soup(client.get("/search/", {"q": "regional"}))

    titles = sorted(a.text for a in page.select(".search-result__title a"))
    assert titles == ["Regional forum sign-up", "Regional inequality"]
    assert page.select_one(".pagination__count").text.split() == ["2", "results", "for", "“regional”"]
    assert "Places differ." in page.select_one(".search-results").text


def test_search_results_come_twenty_a_page(client, home_page, soup):
    productivity_pages(home_page, 25)

    first = soup(client.get("/search/", {"q": "productivity"}))
    second = soup(client.get("/search/", {"q": "productivity", "page": "2"}))

    assert len(first.select(".search-result")) == 20
    assert "25 results" in first.select_one(".pagination__count").text
    assert "page 1 of 2" in first.select_one(".pagination__count").text
    next_link = first.find("a", rel="next")
    assert next_link["href"] == "?q=productivity&page=2"
    assert len(second.select(".search-result")) == 5
    assert second.select_one(".search-results")["start"] == "21"
    assert second.find("span", attrs={"aria-current": "page"}).text.strip() == "Page 2"


@pytest.mark.parametrize("page_number", ["3", "0", "-1", "abc", "1.5"])
def test_a_page_of_results_that_does_not_exist_is_a_404(client, home_page, page_number):
    productivity_pages(home_page, 25)

    response = client.get("/search/", {"q": "productivity", "page": page_number})

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("query", ["x" * 5000, "<script>alert(1)</script>", "\"'&;--", "%00", "   ", "AND OR NOT ("])
def test_odd_queries_are_answered_not_crashed(client, home_page, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == HTTPStatus.OK
    assert b"<script>alert(1)</script>" not in response.content


def test_no_results_says_so(client, home_page, soup):
    page = soup(client.get("/search/", {"q": "zebras"}))

    assert "0 results" in page.select_one(".pagination__count").text
    assert "Try other words" in page.text


@pytest.mark.parametrize("count", [2, 20])
def test_search_costs_the_same_queries_however_many_results(client, home_page, count):
    productivity_pages(home_page, count)
    FormPageFactory(parent=home_page, title="Productivity form", slug="form")
    assert queries_for(client, "/search/?q=productivity") == SEARCH_QUERIES
