"""Issue 13, items 9 and 11: approval only where a forum asks for it, the lead told who reviews, and no one's
draft published by someone else unawares. Tried through the admin as the lead and as a staff editor."""

import importlib
from http import HTTPStatus

from django.apps import apps
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

import pytest

from forums.models import ForumPage
from institute.models import StandardPage
from tests.factories import StandardPageFactory
from tests.forums.test_admin import switch_url
from tests.forums.test_permissions import forum_form, standard_page_form

pytestmark = pytest.mark.django_db

SUBMIT_BUTTON = 'name="action-submit"'
REVIEWERS = "Changes you submit are reviewed by Staff editors: Sam Staff."


@pytest.fixture
def sam(staff_editor):
    staff_editor.first_name, staff_editor.last_name = "Sam", "Staff"
    staff_editor.save()
    return staff_editor


@pytest.fixture
def rhiannon(scotland):
    user = scotland.lead.user
    user.first_name, user.last_name = "Rhiannon", "Lewis"
    user.save()
    return user


@pytest.fixture
def news(scotland):
    return StandardPageFactory(parent=scotland, title="Forum news", slug="forum-news")


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def messages_text(soup, response):
    area = soup(response).select_one(".messages")
    return area.get_text(" ", strip=True) if area else ""


def turn_approval_on(client, forum, staff):
    client.force_login(staff)
    client.post(switch_url(forum), {"changes_need_approval": "on"})
    client.logout()


class TestApprovalOff:
    def test_the_lead_is_offered_no_submit_and_publishes(self, client, soup, scotland, news, sam):
        client.force_login(scotland.lead.user)

        for page in (scotland, news):
            editor = client.get(edit_url(page))
            assert editor.status_code == HTTPStatus.OK
            assert SUBMIT_BUTTON not in editor.content.decode()
            assert "reviewed by" not in messages_text(soup, editor)

        client.post(edit_url(scotland), forum_form(scotland, summary="Published by the lead"))
        client.post(edit_url(news), standard_page_form("Forum news, updated", news.slug))
        assert ForumPage.objects.get(pk=scotland.pk).summary == "Published by the lead"
        assert StandardPage.objects.get(pk=news.pk).title == "Forum news, updated"

    def test_the_dashboard_says_the_lead_publishes(self, client, soup, scotland):
        client.force_login(scotland.lead.user)

        panel = soup(client.get("/admin/")).select_one("#your-forums-section")

        assert "You publish your changes yourself." in panel.text


class TestApprovalOn:
    @pytest.fixture(autouse=True)
    def approval_on(self, client, scotland, sam):
        turn_approval_on(client, scotland, sam)

    def test_the_lead_submits_a_page_under_the_forum_and_staff_approve_it(self, client, scotland, news, sam):
        client.force_login(scotland.lead.user)
        for page in (scotland, news):
            editor = client.get(edit_url(page)).content.decode()
            assert SUBMIT_BUTTON in editor
            assert "Submit to Forum changes approval" in editor

        data = standard_page_form("Forum news, submitted", news.slug)
        data["action-submit"] = "submit"
        del data["action-publish"]
        client.post(edit_url(news), data)
        assert StandardPage.objects.get(pk=news.pk).title == "Forum news"

        state = WorkflowState.objects.get(object_id=str(news.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        client.force_login(sam)
        url = reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "approve", state.current_task_state.pk])
        response = client.post(url, {"comment": ""})

        assert response.status_code == HTTPStatus.FOUND
        assert StandardPage.objects.get(pk=news.pk).title == "Forum news, submitted"

    def test_the_lead_is_told_who_reviews(self, client, soup, scotland, news):
        client.force_login(scotland.lead.user)

        for url in (edit_url(scotland), edit_url(news), f"/admin/pages/add/institute/standardpage/{scotland.pk}/"):
            assert REVIEWERS in messages_text(soup, client.get(url))
        panel = soup(client.get("/admin/")).select_one("#your-forums-section")
        assert "Changes you submit are reviewed by staff editors before they go live." in panel.text

    def test_staff_who_publish_are_not_told(self, client, soup, scotland, sam):
        client.force_login(sam)

        assert "reviewed by" not in messages_text(soup, client.get(edit_url(scotland)))


def test_the_migration_takes_wagtails_default_workflow_off_the_root(client, scotland):
    """Wagtail's own migrations put "Moderators approval" on the root page: every page then offered
    "Submit to Moderators approval", to a group with no one in it."""
    moderators = Workflow.objects.create(name="Moderators approval")
    WorkflowPage.objects.create(page=Page.get_first_root_node(), workflow=moderators)
    client.force_login(scotland.lead.user)
    assert SUBMIT_BUTTON in client.get(edit_url(scotland)).content.decode()

    migration = importlib.import_module("institute.migrations.0011_wagtail_default_workflow_off")
    migration.turn_off_default_workflow(apps, None)

    assert not WorkflowPage.objects.filter(workflow=moderators).exists()
    assert not Workflow.objects.get(pk=moderators.pk).active
    assert SUBMIT_BUTTON not in client.get(edit_url(scotland)).content.decode()


class TestSomeoneElsesDraft:
    """The lead saved a draft of the forum page; a staff editor then opens the page to make a small change."""

    @pytest.fixture
    def lead_draft(self, client, scotland, rhiannon):
        client.force_login(rhiannon)
        data = forum_form(scotland, summary="The lead's unfinished draft")
        del data["action-publish"]
        client.post(edit_url(scotland), data)
        client.logout()
        return ForumPage.objects.get(pk=scotland.pk).get_latest_revision()

    def test_staff_are_warned_before_publishing_it(self, client, soup, scotland, sam, lead_draft):
        client.force_login(sam)

        response = client.get(edit_url(scotland))

        text = messages_text(soup, response)
        assert "This page has unpublished changes by Rhiannon Lewis, saved 0\xa0minutes ago." in text
        assert "Publishing now publishes them too." in text
        compare_url = f"/admin/pages/{scotland.pk}/revisions/compare/live...{lead_draft.pk}/"
        assert soup(response).select_one(f'.messages a[href="{compare_url}"]') is not None
        assert client.get(compare_url).status_code == HTTPStatus.OK

    def test_after_publishing_staff_are_told_whose_changes_went_live(self, client, soup, scotland, sam, lead_draft):
        client.force_login(sam)
        draft = lead_draft.as_object()

        response = client.post(edit_url(scotland), forum_form(draft, intro="A small fix by staff"), follow=True)

        forum = ForumPage.objects.get(pk=scotland.pk)
        assert (forum.summary, forum.intro) == ("The lead's unfinished draft", "A small fix by staff")
        assert "The unpublished changes by Rhiannon Lewis were published too." in messages_text(soup, response)

    def test_the_lead_is_not_warned_of_their_own_draft(self, client, soup, scotland, rhiannon, lead_draft):
        client.force_login(rhiannon)

        assert "unpublished changes by" not in messages_text(soup, client.get(edit_url(scotland)))
