"""Issue 13, item 10: the page editor tells the truth when a save cannot go through, tried through the admin."""

import datetime
from http import HTTPStatus

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from institute.access import STAFF_EDITORS
from institute.models import StandardPage
from tests.factories import StandardPageFactory
from tests.forums.test_permissions import standard_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_editor(django_user_model):
    user = django_user_model.objects.create_user("staff", "staff@example.com", "password")
    user.groups.add(Group.objects.get(name=STAFF_EDITORS))
    return user


def messages_text(soup, response):
    return soup(response).select_one(".messages").get_text(" ", strip=True)


def test_an_expired_schedule_is_named_at_the_top_and_nothing_is_published(client, soup, home_page, staff_editor):
    page = StandardPageFactory(parent=home_page, title="Annual report", slug="annual-report")
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    StandardPage.objects.filter(pk=page.pk).update(expire_at=an_hour_ago)
    client.force_login(staff_editor)
    data = standard_page_form("Annual report, corrected", page.slug)
    data["expire_at"] = an_hour_ago.strftime("%Y-%m-%d %H:%M")

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    print("DEBUG", response.context["form"].errors)
    assert response.status_code == HTTPStatus.OK
    assert "The publishing schedule needs changing" in messages_text(soup, response)
    assert StandardPage.objects.get(pk=page.pk).title == "Annual report"


class TestAPublishThatCrossedAnAutosave:
    """Autosave POSTs the create form (as JSON), makes the page and then points the form at the edit view. A
    "Publish" pressed before that answer arrived still goes to the create view."""

    @pytest.fixture
    def create_url(self, home_page):
        return f"/admin/pages/add/institute/standardpage/{home_page.pk}/"

    def test_it_publishes_the_autosaved_draft_instead_of_failing_on_its_slug(
        self, client, soup, home_page, staff_editor, create_url
    ):
        client.force_login(staff_editor)
        draft = standard_page_form("Forum news", "forum-news")
        del draft["action-publish"]
        autosave = client.post(create_url, draft, headers={"Accept": "application/json"})
        assert autosave.json()["success"]

        response = client.post(create_url, standard_page_form("Forum news, finished", "forum-news"), follow=True)

        pages = StandardPage.objects.child_of(home_page)
        assert [(page.title, page.live) for page in pages] == [("Forum news, finished", True)]
        assert response.redirect_chain[0] == (f"/admin/pages/{pages.get().pk}/edit/", HTTPStatus.TEMPORARY_REDIRECT)
        text = messages_text(soup, response)
        assert "could not be created" not in text
        assert "Autosave had already created this page as a draft" in text
        assert "has been published" in text

    def test_a_new_page_with_the_slug_of_an_older_page_is_still_refused(
        self, client, soup, home_page, staff_editor, create_url
    ):
        StandardPageFactory(parent=home_page, title="Forum news", slug="forum-news")
        client.force_login(staff_editor)

        response = client.post(create_url, standard_page_form("More forum news", "forum-news"))

        assert response.status_code == HTTPStatus.OK
        assert "could not be created" in messages_text(soup, response)
        assert StandardPage.objects.child_of(home_page).filter(slug="forum-news").count() == 1
