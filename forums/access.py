"""Forum editors: for each forum, a group that may edit that forum's pages and media, and nothing else.

They may also choose (not change) the images and documents in "Site images", the collection staff curate.

A forum is its English page: its access record, group and collection are the English page's. A Welsh
translation of the forum is the same forum in another language, so the group's rights on the forum page (and
the approval workflow) reach each of its translations too, and the group may submit pages for translation
(which forums.admin_scope limits to the pages the editor may edit).

`sync_forum_access` keeps the group, its collection and its permissions in step with the forum. Signals
call it when a forum is created, renamed or gets a new lead; the admin calls it when staff turn
approval on or off. It is idempotent: running it twice changes nothing the second time.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from forums.models import ForumAccess, ForumPage
from institute.access import (
    admin_access_permission,
    media_permissions,
    page_permissions,
    staff_editors_group,
    submit_translation_permission,
)
from institute.media_choices import site_images_collection

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISH_PERMISSION = "publish_page"
EDITOR_MEDIA_ACTIONS = ("add", "change", "choose")
# Site images are the pictures staff curate for the whole site: editors use them but do not change them.
SITE_IMAGES_ACTIONS = ("choose",)
APPROVAL_WORKFLOW = "Forum changes approval"
APPROVAL_TASK = "Staff approval"


GROUP_NAME_LENGTH = Group._meta.get_field("name").max_length


def editors_group_name(forum, group):
    """“<title> editors”, or with the forum's id added when another group already has that name."""
    name = f"{forum.title[: GROUP_NAME_LENGTH - 8]} editors"
    if Group.objects.filter(name=name).exclude(pk=group.pk if group else None).exists():
        suffix = f" (forum {forum.pk})"
        name = f"{forum.title[: GROUP_NAME_LENGTH - 8 - len(suffix)]} editors{suffix}"
    return name


def english_page_of(forum):
    """The forum's English page, which stands for the forum; `forum` itself when it is that page (or has none)."""
    english = ForumPage.objects.filter(
        translation_key=forum.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return forum if english is None or english.pk == forum.pk else english


@transaction.atomic
def sync_forum_access(forum):
    """Brings the forum's access up to date; `forum` may be its English page or a translation of it."""
    forum = english_page_of(forum)
    access, _ = ForumAccess.objects.select_related("editors", "collection").get_or_create(forum=forum)
    if access.editors is None:
        # A new group (the first, or after someone deleted it) has no members yet: the lead is added below.
        access.editors = Group.objects.create(name=editors_group_name(forum, None))
        access.lead_user = None
    else:
        _rename(access.editors, editors_group_name(forum, access.editors))
    access.collection = _named_collection(access.collection, forum.title)
    _sync_lead(access, forum)
    access.save()

    group = access.editors
    group.permissions.add(admin_access_permission(), submit_translation_permission())
    codenames = (
        EDITOR_PAGE_PERMISSIONS if access.changes_need_approval else (*EDITOR_PAGE_PERMISSIONS, PUBLISH_PERMISSION)
    )
    forum_pages = list(forum.get_translations(inclusive=True))
    _set_group_page_permissions(group, forum_pages, page_permissions(codenames))
    _set_group_collection_permissions(
        group,
        {
            access.collection: media_permissions(EDITOR_MEDIA_ACTIONS),
            site_images_collection(): media_permissions(SITE_IMAGES_ACTIONS),
        },
    )
    for page in forum_pages:
        _sync_approval_workflow(page, access.changes_need_approval)
    return access


def sync_every_forum(using="default", **kwargs):
    """post_migrate receiver: what the code gives forum editors reaches the forums made before it did."""
    for forum in ForumPage.objects.using(using).originals():
        sync_forum_access(forum)


def grant(forum, user):
    sync_forum_access(forum).editors.user_set.add(user)


def revoke(forum, user):
    sync_forum_access(forum).editors.user_set.remove(user)


def remove_forum_access(forum):
    """When a forum is deleted its editors' group goes; its collection stays, as images may be used elsewhere.

    Deleting a translation leaves the forum as it is: the access record is the English page's.
    """
    Group.objects.filter(forum_access__forum=forum).delete()


def _rename(item, name):
    if item.name != name:
        item.name = name
        item.save(update_fields=["name"])


def _named_collection(collection, name):
    if collection is None:
        return Collection.get_first_root_node().add_child(name=name)
    _rename(collection, name)
    return collection


def _sync_lead(access, forum):
    """The lead's account is an editor; when the lead changes, the previous lead's account is removed."""
    lead_user = forum.lead.user if forum.lead_id else None
    if access.lead_user_id == (lead_user and lead_user.pk):
        return
    if access.lead_user_id:
        access.editors.user_set.remove(access.lead_user_id)
    if lead_user:
        access.editors.user_set.add(lead_user)
    access.lead_user = lead_user


def _set_group_page_permissions(group, pages, permissions):
    GroupPagePermission.objects.filter(group=group).exclude(page__in=pages, permission__in=permissions).delete()
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _set_group_collection_permissions(group, permissions_by_collection):
    wanted = Q(pk__in=[])
    for collection, permissions in permissions_by_collection.items():
        wanted |= Q(collection=collection, permission__in=permissions)
    GroupCollectionPermission.objects.filter(group=group).exclude(wanted).delete()
    for collection, permissions in permissions_by_collection.items():
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def approval_workflow():
    """One workflow for every forum that needs approval: a single task that staff editors approve."""
    workflow, created = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
            task.groups.set([staff_editors_group()])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _sync_approval_workflow(forum, changes_need_approval):
    if changes_need_approval:
        WorkflowPage.objects.update_or_create(page=forum, defaults={"workflow": approval_workflow()})
    else:
        WorkflowPage.objects.filter(page=forum, workflow__name=APPROVAL_WORKFLOW).delete()
