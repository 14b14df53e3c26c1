"""Latest news on the home page, forum pages, theme pages and profiles (through the sections hooks)."""

import datetime

import pytest

from tests.factories import PeopleIndexPageFactory, PersonFactory
from tests.news.conftest import NewsAuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def news_titles(page):
    section = page.select_one("#section-news")
    return section and [h.text for h in section.find_parent("section").select(".news-card .card__title")]


def dated(parent, title, day, **fields):
    return NewsPageFactory(parent=parent, title=title, date=datetime.date(2026, 5, day), **fields)


def test_home_page_shows_the_latest_three(client, soup, news_index, scotland):
    for day in range(1, 6):
        dated(news_index if day % 2 else scotland, f"Day {day}", day)

    page = soup(client.get("/"))

    assert news_titles(page) == ["Day 5", "Day 4", "Day 3"]
    more = page.select_one("#section-news").find_next_sibling("a")
    assert (more.text, more["href"]) == ("All news", "/news/")


def test_forum_page_shows_its_own_and_tagged_news(client, soup, news_index, scotland, wales):
    dated(scotland, "Under Scotland", 3)
    dated(news_index, "Tagged with Scotland", 2, forums=[scotland])
    dated(wales, "Wales only", 4)

    page = soup(client.get(scotland.url))

    assert news_titles(page) == ["Under Scotland", "Tagged with Scotland"]
    assert page.select_one("#section-news").find_next_sibling("a")["href"] == "/news/?forum=scotland"


def test_forum_page_without_news_has_no_news_section(client, soup, news_index, scotland):
    assert news_titles(soup(client.get(scotland.url))) is None


def test_theme_page_shows_its_news(client, soup, news_index, skills, technology):
    dated(news_index, "On skills", 1, themes=[skills])
    dated(news_index, "On technology", 2, themes=[technology])

    assert news_titles(soup(client.get(skills.url))) == ["On skills"]


def test_profile_shows_the_news_a_person_wrote(client, soup, home_page, news_index):
    PeopleIndexPageFactory(parent=home_page)
    helen = PersonFactory(name="Helen Marwick", slug="helen-marwick")
    NewsAuthorFactory(page=dated(news_index, "By Helen", 1), person=helen)
    NewsAuthorFactory(page=dated(news_index, "By someone else", 2))

    page = soup(client.get("/people/helen-marwick/"))

    assert news_titles(page) == ["By Helen"]
