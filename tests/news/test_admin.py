"""Writing news through the real admin: a forum lead writes their forum's news under its page, and only
staff tag an item onto other forums (the rule events follow, forums.models.ForumContentPageForm)."""

from http import HTTPStatus

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from news.models import NewsPage
from tests.news.conftest import NewsPageFactory

pytestmark = pytest.mark.django_db


def news_form(**changes):
    fields = {
        "title": "Forum welcomes new members",
        "slug": "new-members",
        "date": "2026-05-04",
        "kind": "news",
        "summary": "Six firms have joined the forum.",
        "hero_image_alt": "",
        "authors": inline_formset([{"person": "", "name": "Forum team"}]),
        "body": streamfield([]),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **changes})


def add_url(parent):
    return f"/admin/pages/add/news/newspage/{parent.pk}/"


def forum_checkboxes(soup, response):
    return {int(box["value"]) for box in soup(response).select("input[name=forums]")}


def test_a_lead_adds_and_publishes_news_under_their_forum(client, soup, news_index, scotland):
    client.force_login(scotland.lead.user)

    response = client.post(add_url(scotland), news_form())

    assert response.status_code == HTTPStatus.FOUND
    item = NewsPage.objects.get(slug="new-members")
    assert item.live
    assert item.get_parent().specific == scotland
    assert [a.display_name for a in item.authors.all()] == ["Forum team"]
    client.logout()
    assert client.get("/forums/scotland/new-members/").status_code == HTTPStatus.OK
    assert "Forum welcomes new members" in [h.text for h in soup(client.get("/news/")).select(".card__title")]
    assert (
        "Forum welcomes new members"
        in soup(client.get(scotland.url)).select_one("#section-news").find_parent("section").text
    )


def test_the_add_page_under_a_forum_offers_news_to_its_lead(client, soup, scotland):
    client.force_login(scotland.lead.user)

    response = client.get(f"/admin/pages/{scotland.pk}/add_subpage/", follow=True)

    assert add_url(scotland) in [a.get("href") for a in soup(response).select("a")]


@pytest.mark.parametrize("where", ["wales", "news_index"])
def test_a_lead_cannot_add_news_elsewhere(client, news_index, scotland, wales, where):
    parent = {"wales": wales, "news_index": news_index}[where]
    client.force_login(scotland.lead.user)

    form = client.get(add_url(parent))
    posted = client.post(add_url(parent), news_form())

    assert form.status_code != HTTPStatus.OK
    assert posted.status_code != HTTPStatus.OK
    assert not NewsPage.objects.filter(slug="new-members").exists()


def test_a_lead_is_not_offered_other_forums_and_a_forged_tag_is_ignored(client, soup, scotland, wales):
    client.force_login(scotland.lead.user)

    assert forum_checkboxes(soup, client.get(add_url(scotland))) == set()
    response = client.post(add_url(scotland), {**news_form(), "forums": [wales.pk]})

    assert response.status_code == HTTPStatus.FOUND
    assert list(NewsPage.objects.get(slug="new-members").forums.all()) == []


def test_staff_tag_other_forums_but_not_the_items_own(client, soup, scotland, wales, staff_editor):
    client.force_login(staff_editor)
    item = NewsPageFactory(parent=scotland, slug="new-members")

    assert forum_checkboxes(soup, client.get(f"/admin/pages/{item.pk}/edit/")) == {wales.pk}
    response = client.post(f"/admin/pages/{item.pk}/edit/", {**news_form(), "forums": [wales.pk]})

    assert response.status_code == HTTPStatus.FOUND
    assert list(NewsPage.objects.get(pk=item.pk).forums.all()) == [wales]
