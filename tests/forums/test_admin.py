"""What forum editors and staff see and do in the admin: dashboard, approval switch, moderation."""

from http import HTTPStatus

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from forums.models import ForumAccess, ForumPage
from tests.factories import PersonFactory
from tests.forums.test_pages import forum_form

pytestmark = pytest.mark.django_db


# The admin refuses by sending people back to the dashboard with a "no permission" message.
REFUSED = (HTTPStatus.FOUND, "/admin/")


def refused(response):
    return (response.status_code, response.get("Location")) == REFUSED


def switch_url(forum):
    return reverse("forumaccess:edit", args=[forum.access.pk])


def test_a_lead_sees_their_forum_first_on_the_dashboard(client, soup, scotland, wales):
    client.force_login(scotland.lead.user)

    page = soup(client.get("/admin/"))

    panels = page.select(".w-panel--dashboard")
    assert panels[0]["id"] == "your-forums-section"
    panel = panels[0]
    assert panel.select_one("h3").text == "Scotland Productivity Forum"
    assert "Wales" not in panel.text
    links = [a["href"] for a in panel.select("a")]
    assert f"/admin/pages/{scotland.pk}/edit/" in links
    assert reverse("wagtailsnippets_institute_person:edit", args=[scotland.lead.pk]) in links


def test_the_dashboard_has_no_forum_panel_for_others(admin_client, soup, scotland):
    assert soup(admin_client.get("/admin/")).select_one("#your-forums-section") is None


def test_a_leads_page_explorer_starts_at_their_forum(client, scotland, wales):
    client.force_login(scotland.lead.user)

    response = client.get("/admin/pages/", follow=True)

    assert response.redirect_chain == [(f"/admin/pages/{scotland.pk}/", HTTPStatus.FOUND)]
    assert "Scotland Productivity Forum" in response.content.decode()
    assert "Wales Productivity Forum" not in response.content.decode()


def test_a_lead_lists_only_their_own_profile(client, soup, scotland):
    PersonFactory(name="Somebody Else")
    client.force_login(scotland.lead.user)

    page = soup(client.get("/admin/snippets/institute/person/"))

    assert [row.select_one("td.title a").text.strip() for row in page.select("tbody tr")] == [scotland.lead.full_name]


def test_staff_turn_approval_on_and_a_lead_cannot(client, scotland, staff_editor):
    client.force_login(scotland.lead.user)
    assert refused(client.post(switch_url(scotland), {"changes_need_approval": "on"}))
    assert not ForumAccess.objects.get(forum=scotland).changes_need_approval

    client.force_login(staff_editor)
    response = client.post(switch_url(scotland), {"changes_need_approval": "on"})

    assert response.status_code == HTTPStatus.FOUND
    assert ForumAccess.objects.get(forum=scotland).changes_need_approval


def test_nobody_adds_or_deletes_access_records(admin_client, scotland):
    assert refused(admin_client.get(reverse("forumaccess:add")))
    assert refused(admin_client.post(reverse("forumaccess:delete", args=[scotland.access.pk])))
    assert ForumAccess.objects.filter(forum=scotland).exists()


class TestApproval:
    @pytest.fixture
    def forum(self, scotland, staff_editor, client):
        client.force_login(staff_editor)
        client.post(switch_url(scotland), {"changes_need_approval": "on"})
        client.logout()
        return ForumPage.objects.get(pk=scotland.pk)

    def submit(self, client, forum, action):
        client.force_login(forum.lead.user)
        data = forum_form(forum, summary="Submitted by the lead", **{action: action})
        return client.post(f"/admin/pages/{forum.pk}/edit/", data)

    def test_a_leads_publish_attempt_waits_for_staff(self, client, forum, staff_editor):
        before = forum.summary

        forged_publish = self.submit(client, forum, "action-publish")
        assert forged_publish.status_code == HTTPStatus.FOUND
        assert ForumPage.objects.get(pk=forum.pk).summary == before  # saved as a draft, not published

        submitted = self.submit(client, forum, "action-submit")
        assert submitted.status_code == HTTPStatus.FOUND
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(forum.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.current_task_state.task.name == "Staff approval"
        assert ForumPage.objects.get(pk=forum.pk).summary == before

        client.force_login(staff_editor)
        url = reverse("wagtailadmin_pages:workflow_action", args=[forum.pk, "approve", state.current_task_state.pk])
        response = client.post(url, {"comment": "Looks good"})

        assert response.status_code == HTTPStatus.FOUND
        assert ForumPage.objects.get(pk=forum.pk).summary == "Submitted by the lead"
        assert client.get(forum.url).status_code == HTTPStatus.OK

    def test_staff_reject_and_the_live_page_stays(self, client, forum, staff_editor):
        before = forum.summary
        self.submit(client, forum, "action-submit")
        state = WorkflowState.objects.get(object_id=str(forum.pk))

        client.force_login(staff_editor)
        url = reverse("wagtailadmin_pages:workflow_action", args=[forum.pk, "reject", state.current_task_state.pk])
        client.post(url, {"comment": "Please check the dates"})

        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert ForumPage.objects.get(pk=forum.pk).summary == before

    def test_turning_approval_off_lets_leads_publish_again(self, client, forum, staff_editor):
        client.force_login(staff_editor)
        client.post(switch_url(forum), {})

        response = self.submit(client, forum, "action-publish")

        assert response.status_code == HTTPStatus.FOUND
        assert ForumPage.objects.get(pk=forum.pk).summary == "Submitted by the lead"


def test_every_change_a_lead_makes_is_in_the_history(client, scotland):
    client.force_login(scotland.lead.user)
    client.post(f"/admin/pages/{scotland.pk}/edit/", forum_form(scotland, summary="New", **{"action-publish": "1"}))
    client.post(
        f"/admin/snippets/institute/person/edit/{scotland.lead.pk}/",
        {"name": scotland.lead.name, "slug": scotland.lead.slug, "short_bio": "Updated", **empty_links()},
    )

    from wagtail.models import ModelLogEntry, PageLogEntry

    page_actions = set(
        PageLogEntry.objects.filter(page=scotland, user=scotland.lead.user).values_list("action", flat=True)
    )
    assert {"wagtail.edit", "wagtail.publish"} <= page_actions
    assert ModelLogEntry.objects.filter(user=scotland.lead.user, action="wagtail.edit").exists()
    client.force_login(scotland.lead.user)
    assert client.get(f"/admin/pages/{scotland.pk}/history/").status_code == HTTPStatus.OK


def empty_links():
    return {
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
    }


def test_a_lead_cannot_take_their_forum_offline_or_delete_it(client, scotland):
    client.force_login(scotland.lead.user)

    assert refused(client.post(f"/admin/pages/{scotland.pk}/delete/"))
    assert refused(client.post(f"/admin/pages/{scotland.pk}/unpublish/"))

    assert ForumPage.objects.get(pk=scotland.pk).live


def test_staff_can_unpublish_a_forum(client, scotland, staff_editor):
    client.force_login(staff_editor)

    response = client.post(f"/admin/pages/{scotland.pk}/unpublish/")

    assert response.status_code == HTTPStatus.FOUND
    assert not ForumPage.objects.get(pk=scotland.pk).live


def test_a_lead_cannot_change_who_leads_the_forum_or_its_slug(client, scotland, wales):
    lead = scotland.lead
    client.force_login(lead.user)
    data = forum_form(scotland, lead=wales.lead.pk, slug="renamed", **{"action-publish": "publish"})

    response = client.post(f"/admin/pages/{scotland.pk}/edit/", data)

    assert response.status_code == HTTPStatus.FOUND
    forum = ForumPage.objects.get(pk=scotland.pk)
    assert (forum.lead, forum.slug) == (lead, "scotland")
    assert list(forum.access.editors.user_set.all()) == [lead.user]


@pytest.mark.parametrize("view", ["history", "usage", "edit"])
def test_a_lead_cannot_open_another_persons_admin_pages(client, scotland, view):
    other = PersonFactory()
    client.force_login(scotland.lead.user)

    own = client.get(f"/admin/snippets/institute/person/{view}/{scotland.lead.pk}/")
    theirs = client.get(f"/admin/snippets/institute/person/{view}/{other.pk}/")

    assert own.status_code == HTTPStatus.OK
    assert refused(theirs) or theirs.status_code == HTTPStatus.FORBIDDEN


def test_a_forged_collection_in_a_document_upload_is_a_form_error(client, scotland, wales):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model

    client.force_login(scotland.lead.user)
    data = {
        "title": "Minutes",
        "collection": wales.access.collection.pk,
        "file": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf"),
    }

    response = client.post("/admin/documents/add/", data)

    assert response.status_code == HTTPStatus.OK
    assert "You do not have permission to add to that collection." in response.content.decode()
    assert not get_document_model().objects.filter(title="Minutes").exists()
