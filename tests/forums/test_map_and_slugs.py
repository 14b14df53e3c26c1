"""A forum added in the admin: its address names its region, and the map draws the shape staff chose for it."""

from io import StringIO

from django.core.management import call_command

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from forums.models import ForumIndexPage, ForumPage
from tests.factories import ForumPageFactory, InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def add_forum(client, forum_index, *, title, slug, region, map_shape):
    """Staff's POST from the admin's add form. Wagtail's script has filled the slug from the title."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "region": region,
            "map_shape": map_shape,
            "partner_university": InstitutionFactory(is_academic_partner=True).pk,
            "summary": "",
            "intro": "",
            "hero_image_alt": "",
            "chair": PersonFactory().pk,
            "lead": PersonFactory().pk,
            "contact_email": "",
            "members": inline_formset([]),
            "get_involved": rich_text(""),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    return client.post(f"/admin/pages/add/forums/forumpage/{forum_index.pk}/", data)


def map_links(page):
    return [(link["href"], link["aria-label"]) for link in page.select(".forum-map svg a")]


def card_links(page):
    return [card.find("a")["href"] for card in page.select(".forum-card")]


def test_a_new_forum_is_named_by_its_region_and_drawn_in_its_chosen_shape(client, soup, forum_index, staff_editor):
    client.force_login(staff_editor)

    response = add_forum(
        client,
        forum_index,
        title="South West Productivity Forum",
        slug="south-west-productivity-forum",
        region="South West",
        map_shape="london-and-the-south",
    )

    assert response.status_code == 302
    assert ForumPage.objects.originals().get(title="South West Productivity Forum").slug == "south-west"
    page = soup(client.get("/forums/"))
    assert map_links(page) == [("/forums/south-west/", "South West forum")]
    assert card_links(page) == ["/forums/south-west/"]


def test_a_forum_with_no_shape_is_listed_but_not_on_the_map(client, soup, forum_index, scotland, staff_editor):
    scotland.map_shape = "scotland"
    scotland.save_revision().publish()
    client.force_login(staff_editor)

    response = add_forum(
        client, forum_index, title="South West Productivity Forum", slug="", region="South West", map_shape=""
    )

    assert response.status_code == 302
    page = soup(client.get("/forums/"))
    assert map_links(page) == [("/forums/scotland/", "Scotland forum")]
    assert card_links(page) == ["/forums/scotland/", "/forums/south-west/"]


def test_a_slug_staff_typed_is_kept_and_a_taken_region_slug_gets_a_number(client, soup, forum_index, staff_editor):
    ForumPageFactory(parent=forum_index, slug="south-west", region="South West (old)")
    client.force_login(staff_editor)

    add_forum(client, forum_index, title="Kernow Forum", slug="kernow", region="Cornwall", map_shape="wales")
    add_forum(
        client,
        forum_index,
        title="South West Productivity Forum",
        slug="south-west-productivity-forum",
        region="South West",
        map_shape="london-and-the-south",
    )

    page = soup(client.get("/forums/"))
    assert sorted(map_links(page)) == [
        ("/forums/kernow/", "Cornwall forum"),
        ("/forums/south-west-2/", "South West forum"),
    ]


def test_only_staff_choose_the_shape(client, soup, scotland):
    scotland.map_shape = "scotland"
    scotland.save_revision().publish()
    client.force_login(scotland.lead.user)

    form = soup(client.get(f"/admin/pages/{scotland.pk}/edit/"))
    data = nested_form_data(
        {
            "title": scotland.title,
            "region": scotland.region,
            "map_shape": "",
            "partner_university": scotland.partner_university_id,
            "summary": "Changed by the lead",
            "intro": scotland.intro,
            "hero_image_alt": "",
            "chair": scotland.chair_id,
            "lead": scotland.lead_id,
            "contact_email": "",
            "members": inline_formset([]),
            "get_involved": rich_text(""),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    client.post(f"/admin/pages/{scotland.pk}/edit/", data)

    assert form.select_one("[name=map_shape]") is None
    forum = ForumPage.objects.originals().get(pk=scotland.pk)
    assert (forum.summary, forum.map_shape) == ("Changed by the lead", "scotland")


def test_the_demo_index_counts_its_forums_and_draws_a_new_one(client, soup, staff_editor):
    call_command("load_demo_content", stdout=StringIO())
    client.force_login(staff_editor)

    add_forum(
        client,
        ForumIndexPage.objects.originals().get(),
        title="South West Productivity Forum",
        slug="south-west-productivity-forum",
        region="South West",
        map_shape="london-and-the-south",
    )

    page = soup(client.get("/forums/"))
    assert page.select_one("#forum-list-title").text == "The 9 forums"
    assert "eight" not in page.select_one(".page-intro").text
    assert len(map_links(page)) == 9
    assert ("/forums/south-west/", "South West forum") in map_links(page)
