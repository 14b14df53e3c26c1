import datetime

import factory
import pytest
import wagtail_factories

from news.choices import NewsKind
from news.models import NewsAuthor, NewsIndexPage, NewsPage
from tests.events.conftest import research_index, skills, technology  # noqa: F401  (shared fixtures)
from tests.factories import PersonFactory
from tests.forums.conftest import forum_index, scotland, staff_editor, wales  # noqa: F401  (shared fixtures)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    intro = "News from the institute and its forums."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """A published news item, dated one day earlier than the one made before it."""

    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 6, 1) - datetime.timedelta(days=n))
    kind = NewsKind.NEWS
    summary = factory.Faker("sentence")

    class Meta:
        model = NewsPage


class NewsAuthorFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NewsPageFactory)
    person = factory.SubFactory(PersonFactory)

    class Meta:
        model = NewsAuthor


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)
