"""The site's own words in Welsh on Welsh pages: error pages, the footer, listings and the newsletter.

They read the Welsh catalogue, locale/cy/LC_MESSAGES/django.mo, which `make test` compiles first."""

import pytest

from tests.factories import ForumIndexPageFactory, ForumPageFactory
from tests.helpers import translate_into_welsh
from tests.news.conftest import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_the_page_not_found_page_says_so_in_welsh_at_a_welsh_address(client, soup, welsh_home):
    welsh = client.get("/cy/no-such-page/")
    english = client.get("/no-such-page/")

    assert welsh.status_code == english.status_code == 404
    assert soup(welsh).h1.get_text(strip=True) == "Heb ddod o hyd i’r dudalen"
    assert soup(welsh).select_one(".error-page .button").get_text(strip=True) == "Mynd i’r hafan"
    assert soup(english).h1.get_text(strip=True) == "Page not found"


def test_the_footer_is_welsh_on_welsh_pages_though_an_english_page_cached_it_first(client, soup, welsh_home):
    english = soup(client.get("/search/"))
    welsh = soup(client.get("/cy/search/"))

    def headings(page):
        return [heading.get_text(strip=True) for heading in page.select(".site-footer__heading")]

    assert "Newsletter" in headings(english)
    assert "Cylchlythyr" in headings(welsh)
    assert "Newsletter" not in headings(welsh)
    assert welsh.select_one(".site-footer__newsletter a").get_text(strip=True) == "Cofrestru i gael ein cylchlythyr"
    assert welsh.h1.get_text(strip=True) == "Chwilio"


def test_a_welsh_news_listing_marks_the_items_it_shows_in_english(client, soup, welsh_home, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    translate_into_welsh(index, {index.title: "Newyddion"})
    translated = NewsPageFactory(parent=index, title="Productivity week", slug="productivity-week")
    translate_into_welsh(translated, {"Productivity week": "Wythnos cynhyrchiant"})
    NewsPageFactory(parent=index, title="Only in English", slug="only-in-english")

    page = soup(client.get("/cy/news/"))

    cards = {card.select_one(".card__link").get_text(strip=True): card for card in page.select(".news-card")}
    assert set(cards) == {"Wythnos cynhyrchiant", "Only in English"}
    english = cards["Only in English"]
    assert english.select_one(".card__link")["lang"] == "en-GB"
    assert english.select_one(".card__summary")["lang"] == "en-GB"
    assert english.select_one(".in-english").get_text(strip=True) == "(Saesneg)"
    assert not cards["Wythnos cynhyrchiant"].select(".in-english, [lang]")
    assert page.select_one("#news-results-title").get_text(strip=True) == "2 eitem newyddion"
    assert page.select_one(".filters-disclosure__summary").get_text(strip=True) == "Hidlo’r rhestr"


def test_the_english_news_listing_marks_nothing(client, soup, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, title="Only in English", slug="only-in-english")

    page = soup(client.get("/news/"))

    assert not page.select(".news-card .in-english, .news-card [lang]")
    assert page.select_one("#news-results-title").get_text(strip=True) == "1 news item"


def test_a_welsh_forum_listing_marks_the_forums_without_a_welsh_page(client, soup, welsh_home, home_page):
    index = ForumIndexPageFactory(parent=home_page)
    wales = ForumPageFactory(parent=index, slug="wales", region="Wales")
    ForumPageFactory(parent=index, slug="scotland", region="Scotland")
    translate_into_welsh(index, {index.title: "Fforymau rhanbarthol"})
    translate_into_welsh(wales, {"Wales": "Cymru"})

    page = soup(client.get("/cy/forums/"))

    titles = {
        card.select_one(".card__link")["href"]: card.select_one(".card__title") for card in page.select(".forum-card")
    }
    assert titles["/forums/scotland/"].a["lang"] == "en-GB"
    assert titles["/forums/scotland/"].select_one(".in-english").get_text(strip=True) == "(Saesneg)"
    assert not titles["/cy/forums/wales/"].select(".in-english, [lang]")


def test_the_newsletter_sign_up_page_is_welsh_under_cy(client, soup, welsh_home):
    page = soup(client.get("/cy/newsletter/"))

    assert page.h1.get_text(strip=True) == "Cofrestru i gael ein cylchlythyr"
    assert page.select_one("form.form button[type=submit]").get_text(strip=True) == "Cofrestru"
