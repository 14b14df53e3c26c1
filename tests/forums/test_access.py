"""Each forum's editors' group, collection and permissions follow the forum without anyone's help."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

import pytest

from forums.access import sync_forum_access
from forums.management.commands.forum_access import Command as ForumAccessCommand
from forums.models import ForumAccess, ForumPage
from institute.access import STAFF_EDITORS
from institute.media_choices import site_images_collection
from tests.factories import ForumPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def page_codenames(group):
    return sorted(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True))


def collection_codenames(group):
    return sorted(GroupCollectionPermission.objects.filter(group=group).values_list("permission__codename", flat=True))


def test_a_new_forum_gets_its_group_and_collection(scotland):
    access = scotland.access

    assert access.editors.name == "Scotland Productivity Forum editors"
    assert access.collection.name == "Scotland Productivity Forum"
    assert access.collection.get_parent() == Collection.get_first_root_node()
    assert list(access.editors.user_set.all()) == [scotland.lead.user]
    assert access.editors.permissions.filter(codename="access_admin").exists()
    assert page_codenames(access.editors) == ["add_page", "change_page", "publish_page"]
    assert set(GroupPagePermission.objects.filter(group=access.editors).values_list("page", flat=True)) == {scotland.pk}
    own_collection = GroupCollectionPermission.objects.filter(group=access.editors, collection=access.collection)
    assert sorted(own_collection.values_list("permission__codename", flat=True)) == [
        "add_document",
        "add_image",
        "change_document",
        "change_image",
        "choose_document",
        "choose_image",
    ]
    # Site images, which staff curate, are only chosen.
    shared = GroupCollectionPermission.objects.filter(group=access.editors, collection=site_images_collection())
    assert sorted(shared.values_list("permission__codename", flat=True)) == ["choose_document", "choose_image"]
    assert set(GroupCollectionPermission.objects.filter(group=access.editors).values_list("collection", flat=True)) == {
        access.collection.pk,
        site_images_collection().pk,
    }


def test_renaming_a_forum_renames_its_group_and_collection(scotland):
    scotland.title = "Scottish Productivity Forum"
    scotland.save_revision().publish()

    access = ForumAccess.objects.get(forum=scotland)
    assert access.editors.name == "Scottish Productivity Forum editors"
    assert access.collection.name == "Scottish Productivity Forum"
    assert Group.objects.filter(forum_access__isnull=False).count() == 1


def test_a_draft_title_does_not_rename_the_group(scotland):
    scotland.title = "Not yet"
    scotland.save_revision()

    assert ForumAccess.objects.get(forum=scotland).editors.name == "Scotland Productivity Forum editors"


def test_a_new_lead_replaces_the_previous_leads_account(scotland, django_user_model):
    old_user = scotland.lead.user
    new_user = django_user_model.objects.create_user("new-lead")
    scotland.lead = PersonFactory(user=new_user)
    scotland.save_revision().publish()

    assert list(scotland.access.editors.user_set.all()) == [new_user]
    assert not old_user.groups.exists()


def test_an_account_linked_to_the_lead_later_becomes_an_editor(forum_index, django_user_model):
    lead = PersonFactory()
    forum = ForumPageFactory(parent=forum_index, lead=lead)
    assert not forum.access.editors.user_set.exists()

    lead.user = django_user_model.objects.create_user("late-lead")
    lead.save()

    assert list(ForumAccess.objects.get(forum=forum).editors.user_set.all()) == [lead.user]


def test_people_granted_access_stay_when_the_lead_changes(scotland, django_user_model):
    helper = django_user_model.objects.create_user("helper")
    call_command("forum_access", "grant", "scotland", "helper", stdout=StringIO())

    scotland.lead = PersonFactory()
    scotland.save_revision().publish()

    assert list(scotland.access.editors.user_set.all()) == [helper]


def test_sync_is_idempotent(scotland):
    before = (page_codenames(scotland.access.editors), collection_codenames(scotland.access.editors))

    sync_forum_access(scotland)
    sync_forum_access(scotland)

    assert (page_codenames(scotland.access.editors), collection_codenames(scotland.access.editors)) == before
    assert Group.objects.filter(forum_access__isnull=False).count() == 1
    assert Collection.objects.filter(name=scotland.title).count() == 1


def test_migrate_brings_forums_made_before_a_change_of_rights_up_to_date(scotland):
    """A deployment whose forums predate "Site images" gets its rights there on the next migrate."""
    GroupCollectionPermission.objects.filter(collection=site_images_collection()).delete()

    call_command("migrate", verbosity=0)

    shared = GroupCollectionPermission.objects.filter(
        group=scotland.access.editors, collection=site_images_collection()
    )
    assert sorted(shared.values_list("permission__codename", flat=True)) == ["choose_document", "choose_image"]


def test_deleting_a_forum_removes_its_group_and_keeps_its_images(scotland):
    collection = scotland.access.collection
    scotland.delete()

    assert not Group.objects.filter(name="Scotland Productivity Forum editors").exists()
    assert Collection.objects.filter(pk=collection.pk).exists()


def test_staff_editors_edit_all_content_but_not_users_groups_or_settings(staff_editor):
    assert staff_editor.has_perm("wagtailadmin.access_admin")
    assert staff_editor.has_perm("institute.change_person")
    assert staff_editor.has_perm("institute.add_institution")
    assert staff_editor.has_perm("forums.change_forumaccess")
    assert staff_editor.has_perm("wagtailsearchpromotions.add_searchpromotion")
    assert not staff_editor.has_perm("institute.change_institutesettings")
    assert not staff_editor.has_perm("auth.change_user")
    assert not staff_editor.has_perm("auth.change_group")
    staff = Group.objects.get(name=STAFF_EDITORS)
    assert "publish_page" in page_codenames(staff)
    assert "add_image" in collection_codenames(staff)


class TestForumAccessCommand:
    def run(self, *args):
        out = StringIO()
        call_command("forum_access", *args, stdout=out)
        return out.getvalue()

    def test_grant_and_revoke_by_username_or_email(self, scotland, django_user_model):
        user = django_user_model.objects.create_user("fiona", "fiona@example.ac.uk")

        assert (
            self.run("grant", "scotland", "fiona@example.ac.uk") == "fiona may now edit Scotland Productivity Forum.\n"
        )
        assert user.groups.filter(forum_access__forum=scotland).exists()
        assert scotland.permissions_for_user(user).can_publish()

        assert self.run("revoke", "scotland", "fiona") == "fiona may no longer edit Scotland Productivity Forum.\n"
        assert not user.groups.exists()
        user = django_user_model.objects.get(pk=user.pk)  # permissions are cached on the user object
        assert not scotland.permissions_for_user(user).can_edit()

    def test_list_shows_each_forums_editors(self, scotland, wales):
        listing = self.run("list")

        assert listing == (
            "scotland: Scotland Productivity Forum editors\n"
            "  lead-scotland <lead-scotland@example.com> (forum lead)\n"
            "wales: Wales Productivity Forum editors\n"
            "  lead-wales <lead-wales@example.com> (forum lead)\n"
        )
        assert self.run("list", "wales").startswith("wales: ")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("grant", "atlantis", "lead-scotland"), "No forum with the slug “atlantis”"),
            (("grant", "scotland", "nobody"), "No account with the username or e-mail “nobody”"),
            (("revoke", "scotland", "nobody@example.com"), "No account with the username or e-mail"),
            (("list", "atlantis"), "No forum with the slug “atlantis”"),
        ],
    )
    def test_unknown_forum_or_user_is_a_one_line_error(self, scotland, args, message):
        with pytest.raises(CommandError, match=message) as error:
            self.run(*args)
        assert "\n" not in str(error.value)

    def test_errors_exit_with_status_1(self, scotland, capsys):
        with pytest.raises(SystemExit) as exit_:
            ForumAccessCommand().run_from_argv(["manage.py", "forum_access", "grant", "atlantis", "nobody"])

        assert exit_.value.code == 1
        assert capsys.readouterr().err == "CommandError: No forum with the slug “atlantis” (forums: scotland).\n"


def test_forums_with_the_same_title_get_groups_of_their_own(forum_index):
    first = ForumPageFactory(parent=forum_index, title="Midlands Productivity Forum", slug="midlands")
    second = ForumPageFactory(parent=forum_index, title="Midlands Productivity Forum", slug="midlands-2")

    assert first.access.editors != second.access.editors
    assert second.access.editors.name == f"Midlands Productivity Forum editors (forum {second.pk})"


def test_a_forum_never_takes_over_another_group(forum_index, staff_editor):
    staff = Group.objects.get(name=STAFF_EDITORS)
    forum = ForumPageFactory(parent=forum_index, title="Staff", slug="staff")

    assert forum.access.editors != staff
    assert staff_editor.groups.get() == staff
    assert "publish_page" in page_codenames(staff)


def test_a_deleted_editors_group_is_made_again_with_the_lead(scotland):
    scotland.access.editors.delete()

    access = sync_forum_access(ForumPage.objects.get(pk=scotland.pk))

    assert list(access.editors.user_set.all()) == [scotland.lead.user]
