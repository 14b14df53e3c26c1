"""A forum lead's rights reach their forum's Welsh pages and stop there, through the real admin URLs.

The Welsh pages are made as editors make them, with wagtail-localize: a Translation of the English page,
every string given its Welsh text, saved and published.
"""

from http import HTTPStatus

from django.contrib.auth.models import Group
from django.db.models import Q

from wagtail.models import Collection, GroupPagePermission, Locale, Page, WorkflowPage

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from forums.access import sync_every_forum, sync_forum_access
from forums.models import ForumAccess, ForumPage
from institute.models import HomePage
from tests.events.test_admin import event_form
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.forums.test_permissions import forum_form

pytestmark = pytest.mark.django_db

WELSH_TEXT = {
    "Wales Productivity Forum": "Fforwm Cynhyrchiant Cymru",
    "Scotland Productivity Forum": "Fforwm Cynhyrchiant yr Alban",
    "Productivity Week breakfast": "Brecwast Wythnos Cynhyrchiant",
}


@pytest.fixture
def welsh():
    return Locale.objects.get(language_code="cy")


@pytest.fixture
def translate(welsh, django_capture_on_commit_callbacks):
    """Makes and publishes the Welsh translation of a page; wagtail-localize publishes once the transaction ends."""

    def translate_page(page):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=welsh)
        po = translation.export_po()
        for entry in po:
            # Addresses stay as they are (/cy/forums/…); every other string is given a Welsh text.
            welsh_text = entry.msgid if entry.msgctxt == "slug" else f"{entry.msgid} (cy)"
            entry.msgstr = WELSH_TEXT.get(entry.msgid, welsh_text)
        translation.import_po(po)
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return page.get_translation(welsh).specific

    return translate_page


@pytest.fixture
def welsh_home(home_page, translate):
    return translate(home_page)


@pytest.fixture
def wales_event(wales, home_page):
    EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=wales, title="Productivity Week breakfast", slug="productivity-week-breakfast")


@pytest.fixture
def welsh_forums(welsh_home, forum_index, wales, scotland, wales_event, translate):
    """The Welsh home, forum index, Wales and Scotland forums and the Wales breakfast, as staff make them."""
    translate(forum_index)
    return {"wales": translate(wales), "scotland": translate(scotland), "wales_event": translate(wales_event)}


def sign_in(client, forum):
    client.force_login(forum.lead.user)
    return client


def assert_refused(response):
    """A 403, or Wagtail's usual redirect to the dashboard with a "no permission" message."""
    assert response.status_code == HTTPStatus.FORBIDDEN or (response.status_code, response["Location"]) == (
        HTTPStatus.FOUND,
        "/admin/",
    )


def submit_translation(client, page, welsh):
    return client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [welsh.pk]})


def translate_string_and_publish(client, page, english, welsh_text, capture_on_commit):
    """What the translation editor does: save one string's Welsh text, then "Publish in Welsh"."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        f"value={welsh_text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in {HTTPStatus.OK, HTTPStatus.CREATED}, response.content
    # wagtail-localize publishes once the request's transaction ends.
    with capture_on_commit(execute=True):
        return client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})


def test_translating_a_forum_keeps_one_group_and_collection_which_edits_both_languages(welsh_forums, wales):
    welsh_wales = welsh_forums["wales"]

    assert ForumAccess.objects.count() == 2
    assert Group.objects.filter(name__contains="Productivity Forum editors").count() == 2
    assert Collection.objects.filter(name__contains="Wales").count() == 1
    editors = wales.access.editors
    assert wales.lead.user in editors.user_set.all()
    rights = {(p.page_id, p.permission.codename) for p in GroupPagePermission.objects.filter(group=editors)}
    assert rights == {
        (page.pk, codename) for page in (wales, welsh_wales) for codename in ("add_page", "change_page", "publish_page")
    }


def test_syncing_every_forum_with_translations_changes_nothing(welsh_forums, wales):
    def state():
        return (
            sorted(Group.objects.values_list("name", flat=True)),
            sorted(Collection.objects.values_list("name", flat=True)),
            sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
            sorted(WorkflowPage.objects.values_list("page_id", flat=True)),
            sorted(ForumAccess.objects.values_list("forum_id", "editors_id", "collection_id")),
        )

    access = wales.access
    access.changes_need_approval = True
    access.save()
    sync_forum_access(wales)
    before = state()

    sync_every_forum()
    sync_every_forum()

    assert state() == before
    assert set(WorkflowPage.objects.values_list("page_id", flat=True)) == {wales.pk, welsh_forums["wales"].pk}


def test_deleting_the_welsh_forum_keeps_the_forums_editors(client, superuser, welsh_forums, wales):
    editors = wales.access.editors
    assert GroupPagePermission.objects.filter(group=editors, page=welsh_forums["wales"]).exists()
    client.force_login(superuser)

    response = client.post(f"/admin/pages/{welsh_forums['wales'].pk}/delete/")

    assert response.status_code == HTTPStatus.FOUND
    assert not ForumPage.objects.filter(pk=welsh_forums["wales"].pk).exists()
    assert ForumAccess.objects.get(forum=wales).editors == editors
    assert wales.lead.user in editors.user_set.all()
    assert GroupPagePermission.objects.filter(group=editors, page=wales, permission__codename="change_page").exists()


@pytest.mark.parametrize("page_name", ["wales", "wales_event"])
def test_the_lead_edits_and_publishes_their_forums_welsh_pages(
    client, welsh_forums, wales, page_name, django_capture_on_commit_callbacks
):
    page = welsh_forums[page_name]
    english_title = type(page).objects.get(translation_key=page.translation_key, locale=wales.locale).title
    sign_in(client, wales)

    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == HTTPStatus.OK
    response = translate_string_and_publish(
        client, page, english_title, "Teitl newydd", django_capture_on_commit_callbacks
    )

    assert response.status_code == HTTPStatus.FOUND
    page.refresh_from_db()
    assert (page.title, page.live, page.has_unpublished_changes) == ("Teitl newydd", True, False)


def test_with_approval_on_the_lead_submits_welsh_changes_for_approval(
    client, welsh_forums, wales, django_capture_on_commit_callbacks
):
    access = wales.access
    access.changes_need_approval = True
    access.save()
    sync_forum_access(wales)
    welsh_event = welsh_forums["wales_event"]
    sign_in(client, wales)

    # Publishing from the translation editor is for those who may publish…
    response = translate_string_and_publish(
        client, welsh_event, "Productivity Week breakfast", "Teitl newydd", django_capture_on_commit_callbacks
    )
    assert_refused(response)
    welsh_event.refresh_from_db()
    assert welsh_event.title == "Brecwast Wythnos Cynhyrchiant"

    # …so the lead edits the Welsh page in the page editor and submits it for approval.
    translation = Translation.objects.get(
        source__object_id=welsh_event.translation_key, target_locale=welsh_event.locale
    )
    assert client.post(f"/admin/localize/translate/{translation.pk}/disable/").status_code == HTTPStatus.FOUND
    data = event_form(
        title="Brecwast Wythnos Cynhyrchiant 2026",
        slug=welsh_event.slug,
        starts_at="2026-07-01 08:00",
        ends_at="2026-07-01 09:30",
    )
    del data["action-publish"]
    response = client.post(f"/admin/pages/{welsh_event.pk}/edit/", {**data, "action-submit": "submit"})

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    welsh_event.refresh_from_db()
    assert welsh_event.title == "Brecwast Wythnos Cynhyrchiant"  # not published: waiting for approval
    assert welsh_event.workflow_in_progress
    assert welsh_event.current_workflow_state.workflow.name == "Forum changes approval"


def test_the_lead_is_offered_to_translate_their_event_and_submits_its_welsh_translation(
    client, welsh_forums, wales, welsh
):
    event = EventPageFactory(parent=wales, title="Forum dinner", slug="forum-dinner")
    sign_in(client, wales)

    edit_view = client.get(f"/admin/pages/{event.pk}/edit/")
    assert f"/admin/localize/submit/page/{event.pk}/" in edit_view.content.decode()
    assert client.get(f"/admin/localize/submit/page/{event.pk}/").status_code == HTTPStatus.OK
    response = submit_translation(client, event, welsh)

    assert response.status_code == HTTPStatus.FOUND
    welsh_event = event.get_translation(welsh)
    assert welsh_event.get_parent().pk == welsh_forums["wales"].pk
    assert Translation.objects.filter(source__object_id=event.translation_key, target_locale=welsh).exists()
    assert client.get(f"/admin/pages/{welsh_event.pk}/edit/").status_code == HTTPStatus.OK


def scotland_forum(pages, language):
    return (
        pages["scotland"] if language == "cy" else ForumPage.objects.get(slug="scotland", locale__language_code="en-gb")
    )


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_the_lead_cannot_edit_the_other_forum_in_either_language(client, welsh_forums, wales, language):
    forum = scotland_forum(welsh_forums, language)
    sign_in(client, wales)

    assert_refused(client.get(f"/admin/pages/{forum.pk}/edit/"))
    response = client.post(f"/admin/pages/{forum.pk}/edit/", forum_form(forum, summary="Changed by Wales"))

    assert_refused(response)
    assert not ForumPage.objects.filter(summary="Changed by Wales").exists()


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_the_lead_cannot_edit_the_home_page_in_either_language(client, welsh_forums, wales, language):
    home = HomePage.objects.get(locale__language_code=language)
    sign_in(client, wales)

    assert_refused(client.get(f"/admin/pages/{home.pk}/edit/"))


def test_the_lead_cannot_translate_the_other_forum(client, home_page, forum_index, scotland, wales, welsh, translate):
    translate(home_page)
    translate(forum_index)
    sign_in(client, wales)

    assert_refused(client.get(f"/admin/localize/submit/page/{scotland.pk}/"))
    assert_refused(submit_translation(client, scotland, welsh))

    assert not Translation.objects.filter(source__object_id=scotland.translation_key).exists()
    assert not scotland.get_translations().exists()


def test_the_lead_cannot_translate_the_home_page(client, home_page, wales, welsh):
    sign_in(client, wales)

    assert_refused(client.get(f"/admin/localize/submit/page/{home_page.pk}/"))
    assert_refused(submit_translation(client, home_page, welsh))

    assert not Translation.objects.exists()
    assert not Page.objects.filter(locale=welsh).exists()


def test_the_lead_cannot_make_welsh_pages_outside_their_forum(client, home_page, forum_index, wales, welsh, translate):
    """With no Welsh Wales forum yet, translating an event would make Welsh copies (aliases) of the forum and
    the forum index: that is for staff."""
    translate(home_page)
    event = EventPageFactory(parent=wales, title="Forum dinner", slug="forum-dinner")
    sign_in(client, wales)

    assert_refused(submit_translation(client, event, welsh))

    assert not Translation.objects.filter(source__object_id=event.translation_key).exists()
    assert list(Page.objects.filter(locale=welsh)) == [home_page.get_translation(welsh).page_ptr]


def test_the_lead_cannot_sync_the_other_forums_translations(client, welsh_forums, wales, scotland):
    source = TranslationSource.objects.get(object_id=scotland.translation_key)
    scotland.summary = "A new English summary"
    scotland.save_revision().publish()
    sign_in(client, wales)

    assert_refused(client.get(f"/admin/localize/update/{source.pk}/"))
    response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})

    assert_refused(response)
    assert welsh_forums["scotland"].get_latest_revision_as_object().summary != "A new English summary"


def test_staff_translate_the_home_page(client, home_page, staff_editor, welsh):
    client.force_login(staff_editor)

    response = submit_translation(client, home_page, welsh)

    assert response.status_code == HTTPStatus.FOUND
    assert HomePage.objects.filter(locale=welsh, translation_key=home_page.translation_key).exists()


def test_the_welsh_forum_keeps_its_address_and_map_region(client, welsh_forums, wales):
    welsh_wales = welsh_forums["wales"]
    translated = TranslationSource.objects.get(object_id=wales.translation_key).stringsegment_set

    assert not translated.filter(Q(context__path="region") | Q(context__path="slug")).exists()
    assert (welsh_wales.slug, welsh_wales.region, welsh_wales.title) == ("wales", "Wales", "Fforwm Cynhyrchiant Cymru")
    assert client.get("/cy/forums/wales/").status_code == HTTPStatus.OK


def test_a_welsh_forum_title_is_compared_only_with_other_welsh_forums(client, welsh_forums, wales, superuser):
    welsh_wales = welsh_forums["wales"]
    client.force_login(superuser)
    translation = Translation.objects.get(source__object_id=wales.translation_key, target_locale=welsh_wales.locale)
    client.post(f"/admin/localize/translate/{translation.pk}/disable/")
    edit_url = f"/admin/pages/{welsh_wales.pk}/edit/"

    # The English page's title is the same forum's, and Scotland's English title is in another language.
    for title in ("Wales Productivity Forum", "Scotland Productivity Forum"):
        response = client.post(edit_url, forum_form(welsh_wales, title=title))
        assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
        assert ForumPage.objects.get(pk=welsh_wales.pk).title == title

    response = client.post(edit_url, forum_form(welsh_wales, title="Fforwm Cynhyrchiant yr Alban"))
    assert response.status_code == HTTPStatus.OK
    assert "title" in response.context["form"].errors


def test_the_forum_editors_may_translate_but_see_no_other_admin_areas(client, welsh_forums, wales):
    sign_in(client, wales)

    assert wales.lead.user.has_perm("wagtail_localize.submit_translation")
    assert_refused(client.get("/admin/localize/reports/translations/"))
    assert_refused(client.get("/admin/reports/site-history/"))
