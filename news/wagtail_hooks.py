from wagtail import hooks

from forums.models import FORUM_PAGE_SECTIONS
from institute.query import the_page
from institute.sections import HOME_PAGE_SECTIONS, Section
from news import demo
from news.models import NewsAuthor, NewsIndexPage, NewsPage
from research.models import PERSON_PROFILE_SECTIONS, THEME_PAGE_SECTIONS

LATEST = 3


class NewsItems(list):
    """A section's news items, with the RSS feed of the same news ("" when there is none): the page's head offers
    it to feed readers (templates/base.html)."""

    def __init__(self, news_items, feed_url="", feed_title=""):
        super().__init__(news_items)
        self.feed_url = feed_url
        self.feed_title = feed_title


def news_section(news_items, *, order, query="", more_label="", feed_title=""):
    """The "Latest news" section of a page, or None when there is none.

    `query` (e.g. "?theme=skills") narrows the listing the section links to and its feed; the page offers the
    feed when the section names it (`feed_title`). A fixed number of queries: the items, their images'
    renditions and the news index.
    """
    news_items = list(news_items[:LATEST])
    if not news_items:
        return None
    index = the_page(NewsIndexPage)
    feed_url = f"{index.url}feed/{query}" if index and feed_title else ""
    return Section(
        key="news",
        title="Latest news",
        template="news/news_cards.html",
        items=NewsItems(news_items, feed_url, feed_title),
        more_url=f"{index.url}{query}" if index and more_label else "",
        more_label=more_label if index else "",
        order=order,
    )


def latest_news():
    return NewsPage.objects.visible().for_listing()


@hooks.register(HOME_PAGE_SECTIONS)
def home_page_news(request, home_page):
    return news_section(latest_news(), order=250, more_label="All news", feed_title="News (RSS)")


@hooks.register(FORUM_PAGE_SECTIONS)
def forum_news(request, forum):
    return news_section(
        latest_news().for_forum(forum),
        order=250,
        query=f"?forum={forum.slug}",
        more_label=f"All {forum.region} news",
        feed_title=f"{forum.title}: news (RSS)",
    )


@hooks.register(THEME_PAGE_SECTIONS)
def theme_news(request, theme):
    return news_section(
        latest_news().filter(themes=theme),
        order=250,
        query=f"?theme={theme.slug}",
        more_label="All news on this theme",
        feed_title=f"{theme.title}: news (RSS)",
    )


@hooks.register(PERSON_PROFILE_SECTIONS)
def person_news(request, person):
    writing = NewsAuthor.objects.filter(person=person).values("page")
    return news_section(latest_news().filter(pk__in=writing), order=250)


hooks.register("load_demo_content", demo.load, order=40)
