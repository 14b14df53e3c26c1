"""RSS of news (all, per forum, per theme) and of publications, parsed as XML, and offered in the page head."""

import datetime
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest

from news.choices import NewsKind
from tests.factories import (
    PublicationAuthorFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
)
from tests.news.conftest import NewsAuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def alternates(soup, response):
    return [
        (link["title"], link["href"])
        for link in soup(response).select("link[rel=alternate][type='application/rss+xml']")
    ]


@pytest.fixture
def news(news_index, scotland, wales, skills):
    scottish = NewsPageFactory(
        parent=scotland, title="Scotland news", date=datetime.date(2026, 5, 4), summary="From Glasgow."
    )
    NewsAuthorFactory(page=scottish, person=scotland.lead)
    NewsPageFactory(parent=news_index, title="Tagged", date=datetime.date(2026, 5, 3), forums=[scotland])
    NewsPageFactory(parent=wales, title="Wales news", date=datetime.date(2026, 5, 2), themes=[skills])
    NewsPageFactory(parent=news_index, title="Draft", live=False)
    return scottish


def test_the_news_feed_newest_first(client, news):
    channel, items = rss_items(client, "/news/feed/")

    assert channel.findtext("title") == "News | The Productivity Institute"
    assert channel.findtext("link") == "http://testserver/news/"
    assert [item.findtext("title") for item in items] == ["Scotland news", "Tagged", "Wales news"]
    first = items[0]
    assert first.findtext("link") == "http://testserver/forums/scotland/scotland-news/"
    assert first.findtext("description") == "From Glasgow."
    assert first.findtext("category") == NewsKind.NEWS.label
    assert first.findtext("pubDate") == "Mon, 04 May 2026 12:00:00 +0100"
    assert news.authors.get().person.name in ET.tostring(first, encoding="unicode")


def test_per_forum_and_per_theme_feeds(client, news):
    _, scotland_items = rss_items(client, "/news/feed/?forum=scotland")
    channel, theme_items = rss_items(client, "/news/feed/?theme=skills")

    assert [item.findtext("title") for item in scotland_items] == ["Scotland news", "Tagged"]
    assert [item.findtext("title") for item in theme_items] == ["Wales news"]
    assert channel.findtext("title") == "News | Skills and the labour market | The Productivity Institute"


def test_pages_offer_their_news_feeds_in_the_head(client, soup, news, scotland, skills):
    assert alternates(soup, client.get("/news/")) == [("News (RSS)", "/news/feed/")]
    assert alternates(soup, client.get("/news/?forum=scotland&kind=news")) == [
        ("News (RSS)", "/news/feed/?forum=scotland")
    ]
    assert ("Scotland Productivity Forum: news (RSS)", "/news/feed/?forum=scotland") in alternates(
        soup, client.get(scotland.url)
    )
    assert ("Skills and the labour market: news (RSS)", "/news/feed/?theme=skills") in alternates(
        soup, client.get(skills.url)
    )
    assert ("News (RSS)", "/news/feed/") in alternates(soup, client.get("/"))


def test_the_publications_feed(client, soup, home_page):
    research = ResearchIndexPageFactory(parent=home_page)
    index = PublicationIndexPageFactory(parent=research)
    older = PublicationPageFactory(parent=index, title="Older paper", publication_date=datetime.date(2025, 1, 2))
    PublicationPageFactory(parent=index, title="Newer paper", publication_date=datetime.date(2026, 1, 2))
    PublicationAuthorFactory(publication=older, person__name="Helen Marwick")

    channel, items = rss_items(client, "/research/publications/feed/")

    assert channel.findtext("title") == "Publications | The Productivity Institute"
    assert [item.findtext("title") for item in items] == ["Newer paper", "Older paper"]
    assert items[1].findtext("link") == "http://testserver/research/publications/older-paper/"
    assert items[1].findtext("description") == older.abstract
    assert "Helen Marwick" in ET.tostring(items[1], encoding="unicode")
    assert alternates(soup, client.get("/research/publications/")) == [
        ("Publications (RSS)", "/research/publications/feed/")
    ]
