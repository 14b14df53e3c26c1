"""Issue 13: what a forum lead must not do to their own forum, tried through the admin as the lead and as staff."""

import datetime
from http import HTTPStatus

from django.utils import timezone

from wagtail.models import Collection, PageViewRestriction

import pytest

from forums.models import ForumPage
from tests.forums.test_permissions import forum_form

pytestmark = pytest.mark.django_db


# The "Change privacy" button in the edit page's status panel.
CHANGE_PRIVACY_BUTTON = 'data-a11y-dialog-show="set-privacy"'


def privacy_url(forum):
    return f"/admin/pages/{forum.pk}/privacy/"


def assert_refused(response):
    """The admin answers a refusal with a 403, or sends the editor to the dashboard with a message."""
    assert (response.status_code, response.get("Location")) in {
        (HTTPStatus.FORBIDDEN, None),
        (HTTPStatus.FOUND, "/admin/"),
    }


def test_a_lead_is_not_offered_privacy_and_cannot_open_it(client, scotland):
    client.force_login(scotland.lead.user)

    edit_page = client.get(f"/admin/pages/{scotland.pk}/edit/")
    privacy = client.get(privacy_url(scotland))

    assert edit_page.status_code == HTTPStatus.OK
    assert CHANGE_PRIVACY_BUTTON not in edit_page.content.decode()
    assert_refused(privacy)


def test_a_forged_privacy_change_by_a_lead_leaves_the_forum_public(client, scotland):
    client.force_login(scotland.lead.user)

    response = client.post(privacy_url(scotland), {"restriction_type": PageViewRestriction.LOGIN})

    assert_refused(response)
    assert not PageViewRestriction.objects.exists()
    client.logout()
    assert client.get(scotland.url).status_code == HTTPStatus.OK


def test_staff_can_make_a_forum_private(client, scotland, staff_editor):
    client.force_login(staff_editor)

    assert CHANGE_PRIVACY_BUTTON in client.get(f"/admin/pages/{scotland.pk}/edit/").content.decode()
    response = client.post(privacy_url(scotland), {"restriction_type": PageViewRestriction.LOGIN})

    assert response.status_code == HTTPStatus.OK
    assert PageViewRestriction.objects.get().page_id == scotland.pk
    client.logout()
    assert client.get(scotland.url).status_code == HTTPStatus.FOUND  # to the sign-in page


def in_a_week():
    return (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0)


def test_a_forged_expiry_from_a_lead_is_ignored(client, scotland):
    client.force_login(scotland.lead.user)

    edit_page = client.get(f"/admin/pages/{scotland.pk}/edit/")
    response = client.post(
        f"/admin/pages/{scotland.pk}/edit/",
        forum_form(scotland, summary="Published by the lead", expire_at=in_a_week().strftime("%Y-%m-%d %H:%M")),
    )

    assert 'name="expire_at"' not in edit_page.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    forum = ForumPage.objects.get(pk=scotland.pk)
    assert (forum.summary, forum.expire_at, forum.live) == ("Published by the lead", None, True)


def test_staff_can_schedule_a_forum_to_expire(client, scotland, staff_editor):
    client.force_login(staff_editor)
    expiry = in_a_week()

    edit_page = client.get(f"/admin/pages/{scotland.pk}/edit/")
    response = client.post(
        f"/admin/pages/{scotland.pk}/edit/",
        forum_form(scotland, expire_at=timezone.localtime(expiry).strftime("%Y-%m-%d %H:%M")),
    )

    assert 'name="expire_at"' in edit_page.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    assert ForumPage.objects.get(pk=scotland.pk).expire_at == expiry.replace(second=0)


@pytest.mark.parametrize("actor", ["lead", "staff"])
def test_a_forum_cannot_take_another_forums_title(client, scotland, wales, staff_editor, actor):
    client.force_login(scotland.lead.user if actor == "lead" else staff_editor)

    response = client.post(
        f"/admin/pages/{scotland.pk}/edit/", forum_form(scotland, title=wales.title.upper(), slug="scotland")
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["title"] == [
        "Another forum already has this title. Each forum needs its own."
    ]
    assert "Another forum already has this title." in response.content.decode()
    assert ForumPage.objects.get(pk=scotland.pk).title == scotland.title
    assert Collection.objects.filter(name__iexact=wales.title).count() == 1


def test_a_forum_can_be_renamed_to_a_title_of_its_own(client, scotland, wales):
    client.force_login(scotland.lead.user)

    response = client.post(
        f"/admin/pages/{scotland.pk}/edit/", forum_form(scotland, title="Scottish Productivity Forum")
    )

    assert response.status_code == HTTPStatus.FOUND
    assert ForumPage.objects.get(pk=scotland.pk).access.collection.name == "Scottish Productivity Forum"
