"""The news listing at /news/: newest first, filters kept in the query string, 20 a page, fixed query counts."""

import datetime
from http import HTTPStatus

import pytest

from news.choices import NewsKind
from tests.factories import ImageFactory
from tests.helpers import queries_for
from tests.news.conftest import NewsAuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

LISTING_QUERIES = 15
NEWS_PAGE_QUERIES = 14


def titles(page):
    return [h.text for h in page.select(".news-card .card__title")]


def ignored(page):
    notice = page.select_one(".notice")
    return notice and [li.text for li in notice.select("li")]


@pytest.fixture
def catalogue(news_index, scotland, wales, skills, technology):
    """News items to filter, named by what sets them apart; listed newest first."""

    def item(title, date, parent=news_index, **fields):
        return NewsPageFactory(parent=parent, title=title, date=date, **fields)

    return [
        item("Scotland news", datetime.date(2026, 5, 4), parent=scotland, themes=[skills]),
        item("Tagged onto Scotland", datetime.date(2026, 5, 3), forums=[scotland], kind=NewsKind.OPINION),
        item("Wales blog", datetime.date(2026, 5, 2), parent=wales, kind=NewsKind.BLOG, themes=[technology]),
        item("Old press release", datetime.date(2025, 12, 1), kind=NewsKind.PRESS_RELEASE, themes=[skills]),
    ]


def test_newest_first_with_image_kind_date_and_summary(client, soup, news_index):
    NewsPageFactory(parent=news_index, title="Older", date=datetime.date(2026, 1, 2))
    NewsPageFactory(
        parent=news_index,
        title="Newer",
        date=datetime.date(2026, 2, 3),
        kind=NewsKind.BLOG,
        summary="What we found.",
        hero_image=ImageFactory(),
    )

    page = soup(client.get("/news/"))

    assert titles(page) == ["Newer", "Older"]
    card = page.select_one(".news-card")
    assert card.select_one(".card__meta").text == "Blog post · 3 February 2026"
    assert card.select_one(".card__summary").text == "What we found."
    assert card.select_one(".card__link")["href"] == "/news/newer/"
    assert card.select_one(".card__media img") is not None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Scotland news", "Tagged onto Scotland", "Wales blog", "Old press release"]),
        ("?forum=scotland", ["Scotland news", "Tagged onto Scotland"]),
        ("?theme=skills", ["Scotland news", "Old press release"]),
        ("?kind=blog", ["Wales blog"]),
        ("?year=2025", ["Old press release"]),
        ("?forum=scotland&kind=opinion", ["Tagged onto Scotland"]),
        ("?theme=skills&year=2026", ["Scotland news"]),
    ],
)
def test_filters_alone_and_combined(client, soup, catalogue, query, expected):
    response = client.get(f"/news/{query}")

    assert response.status_code == HTTPStatus.OK
    assert titles(soup(response)) == expected


def test_the_filter_form_keeps_its_values_and_offers_years_with_news(client, soup, catalogue):
    page = soup(client.get("/news/?forum=wales&kind=blog&year=2026"))

    assert page.select_one("#id_forum option[selected]")["value"] == "wales"
    assert page.select_one("#id_kind option[selected]")["value"] == "blog"
    assert [option.text for option in page.select("#id_year option")] == ["Any year", "2026", "2025"]
    assert page.select_one(".news-results__title").text.strip() == "1 news item matches your filters"


@pytest.mark.parametrize(
    ("query", "expected_ignored", "expected"),
    [
        ("?forum=atlantis", ["Forum: “atlantis”"], 4),
        ("?kind=poem&theme=skills", ["Kind: “poem”"], 2),
        ("?year=1999&forum=scotland", ["Year: “1999”"], 2),
        ("?year=abc", ["Year: “abc”"], 4),
    ],
)
def test_invalid_filters_are_ignored_and_named(client, soup, catalogue, query, expected_ignored, expected):
    page = soup(client.get(f"/news/{query}"))

    assert ignored(page) == expected_ignored
    assert len(titles(page)) == expected


def test_twenty_items_a_page(client, soup, news_index):
    for day in range(25):
        NewsPageFactory(parent=news_index, title=f"Day {day + 1:02d}", date=datetime.date(2026, 1, day + 1))

    first = soup(client.get("/news/"))
    second = soup(client.get("/news/?page=2"))

    assert titles(first) == [f"Day {day:02d}" for day in range(25, 5, -1)]
    assert titles(second) == [f"Day {day:02d}" for day in range(5, 0, -1)]
    assert first.select_one(".pagination__count").text == "Page 1 of 2, 20 items a page"
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    assert client.get("/news/?page=3").status_code == HTTPStatus.NOT_FOUND


def test_pagination_keeps_the_filters(client, soup, news_index, scotland):
    for _ in range(21):
        NewsPageFactory(parent=scotland)

    page = soup(client.get("/news/?forum=scotland"))

    assert page.select_one(".pagination a[rel=next]")["href"] == "?forum=scotland&page=2"


@pytest.mark.parametrize("items", [5, 40])
def test_listing_queries_do_not_grow_with_items(client, news_index, forum_index, skills, items):
    image = ImageFactory()
    for _ in range(items):
        item = NewsPageFactory(parent=news_index, themes=[skills], hero_image=image, listing_image=image)
        NewsAuthorFactory(page=item)

    assert queries_for(client, "/news/?theme=skills") == LISTING_QUERIES


@pytest.mark.parametrize("count", [5, 40])
def test_news_page_queries_do_not_grow_with_authors_themes_or_forums(
    client, home_page, news_index, forum_index, research_index, count
):
    from tests.factories import ForumPageFactory, ResearchThemePageFactory

    item = NewsPageFactory(
        parent=news_index,
        hero_image=ImageFactory(),
        themes=[ResearchThemePageFactory(parent=research_index) for _ in range(count)],
        forums=[ForumPageFactory(parent=forum_index) for _ in range(count)],
    )
    for position in range(count):
        NewsAuthorFactory(page=item, sort_order=position)

    assert queries_for(client, item.url) == NEWS_PAGE_QUERIES
