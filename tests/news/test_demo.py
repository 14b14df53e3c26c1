"""The demo's news: more than twenty items of every kind, across forums and themes, by the demo's people."""

from io import StringIO

from django.core.management import call_command

import pytest

from institute.content_checks.publishing import publishing_problems, settings_for
from institute.content_checks.warnings import page_warnings
from news.choices import NewsKind
from news.models import NewsAuthor, NewsPage

pytestmark = pytest.mark.django_db


def test_demo_news_across_kinds_forums_and_themes_and_a_second_run_adds_nothing(client, soup):
    call_command("load_demo_content", stdout=StringIO())
    items = NewsPage.objects.originals().live()

    assert items.count() >= 20
    assert set(items.values_list("kind", flat=True)) == set(NewsKind.values)
    under_forums = {item.get_parent().slug for item in items if item.get_parent().slug != "news"}
    assert len(under_forums) == 8
    assert items.filter(forums__isnull=False).distinct().count() >= 5
    assert items.filter(themes__isnull=False).distinct().count() == items.count()
    assert NewsAuthor.objects.filter(person__isnull=False).values("person").distinct().count() >= 10
    for item in items.specific():
        assert publishing_problems(item, settings_for(item)) == {}, item.title
        assert page_warnings(item) == [], item.title
    listing = soup(client.get("/news/"))
    assert len(listing.select(".news-card")) == 20

    count = items.count()
    edited = items.first()
    edited.title = "Edited by an editor"
    edited.save_revision().publish()
    call_command("load_demo_content", stdout=StringIO())

    assert NewsPage.objects.originals().count() == count
    assert NewsPage.objects.originals().get(pk=edited.pk).title == "Edited by an editor"
