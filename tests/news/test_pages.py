"""News pages as a visitor sees them, through their real URLs."""

import datetime
import json
from http import HTTPStatus

from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction

import pytest

from forums.models import ForumPage
from institute.models import HomePage
from news.choices import NewsKind
from news.models import NewsIndexPage, NewsPage
from tests.factories import ImageFactory, PeopleIndexPageFactory, PersonFactory
from tests.news.conftest import NewsAuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_a_news_page_shows_what_when_who_and_its_topics(client, soup, home_page, news_index, scotland, wales, skills):
    PeopleIndexPageFactory(parent=home_page)
    helen = PersonFactory(name="Helen Marwick", slug="helen-marwick")
    item = NewsPageFactory(
        parent=scotland,
        title="Forum welcomes new members",
        slug="new-members",
        date=datetime.date(2026, 3, 5),
        kind=NewsKind.PRESS_RELEASE,
        summary="Six firms have joined.",
        body=[("rich_text", "<p>The new members bring food and drink.</p>")],
        hero_image=ImageFactory(description="A skyline"),
        themes=[skills],
        forums=[wales],
    )
    NewsAuthorFactory(page=item, person=helen, sort_order=0)
    NewsAuthorFactory(page=item, person=None, name="Kenji Watanabe", sort_order=1)

    response = client.get("/forums/scotland/new-members/")

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert page.select_one("h1").text == "Forum welcomes new members"
    assert page.select_one(".page-eyebrow").text == "Press release · 5 March 2026"
    assert page.select_one(".page-eyebrow time")["datetime"] == "2026-03-05"
    assert page.select_one(".page-intro").text == "Six firms have joined."
    assert page.select_one(".news-authors").text == "By Helen Marwick and Kenji Watanabe"
    assert page.select_one(".news-authors a")["href"] == "/people/helen-marwick/"
    assert page.select_one(".forum-hero img")["alt"] == "A skyline"
    assert "The new members bring food and drink." in page.select_one(".page-body").text
    topics = {row.dt.text: [a.text for a in row.select("a")] for row in page.select(".news-topics__row")}
    assert topics == {
        "Forums": ["Scotland Productivity Forum", "Wales Productivity Forum"],
        "Research theme": ["Skills and the labour market"],
    }
    scripts = [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]
    article = next(item for item in scripts if item["@type"] == "NewsArticle")
    assert article["headline"] == "Forum welcomes new members"
    assert article["datePublished"] == "2026-03-05"
    assert article["articleSection"] == "Press release"
    assert article["author"] == [
        {"@type": "Person", "name": "Helen Marwick", "url": "http://localhost/people/helen-marwick/"},
        {"@type": "Person", "name": "Kenji Watanabe"},
    ]
    assert article["url"] == "http://localhost/forums/scotland/new-members/"


def test_the_news_index_lists_items_under_it_and_under_forums(client, soup, news_index, scotland):
    NewsPageFactory(parent=news_index, title="From the institute", date=datetime.date(2026, 5, 1))
    NewsPageFactory(parent=scotland, title="From Scotland", date=datetime.date(2026, 5, 2))

    page = soup(client.get("/news/"))

    assert page.select_one("h1").text == "News"
    assert [h.text for h in page.select(".news-card .card__title")] == ["From Scotland", "From the institute"]
    assert page.select_one(".news-results__title").text.strip() == "2 news items"


def test_drafts_and_private_items_are_not_shown(client, soup, news_index):
    draft = NewsPageFactory(parent=news_index, title="Draft", live=False)
    private = NewsPageFactory(parent=news_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=news_index, title="Public")

    page = soup(client.get("/news/"))

    assert [h.text for h in page.select(".news-card .card__title")] == ["Public"]
    assert client.get(draft.url or f"/news/{draft.slug}/").status_code == HTTPStatus.NOT_FOUND


def test_page_tree_rules(home_page, news_index, scotland):
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage, ForumPage]
    assert NewsIndexPage.allowed_parent_page_models() == [HomePage]
    assert not NewsIndexPage.can_create_at(home_page)  # one news index only
    assert NewsPage.can_create_at(scotland)


def test_feed_is_not_a_news_slug(news_index):
    item = NewsPage(title="Feed", slug="feed", summary="A summary.")

    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert "slug" in error.value.message_dict
