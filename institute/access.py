"""The "Staff editors" group: everyone who edits all of the site's content, but not users, groups or settings.
They translate it too.

The group is kept in step with the code after every `migrate`, so models added later (research, events)
are editable by staff without anyone ticking boxes in the admin.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from wagtail_localize.models import Translation

STAFF_EDITORS = "Staff editors"
CONTENT_APPS = ("institute", "forums", "research", "events", "news")
# Models in those apps that are not content: site-wide settings, the demo loader's and the content checks'
# bookkeeping.
NOT_CONTENT = (BaseSiteSetting, BaseGenericSetting)
NOT_CONTENT_MODELS = ("institute.demorecord", "institute.externallink", "institute.pagehealth")
# Wagtail's own models that are editorial work: the results pinned to the top of a search.
EDITORIAL_MODELS = ("wagtailsearchpromotions.searchpromotion",)
PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
MEDIA_ACTIONS = ("add", "change", "choose", "delete")
MEDIA_MODELS = (("wagtailimages", "image"), ("wagtaildocs", "document"))


def admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def submit_translation_permission():
    """wagtail-localize's right to translate pages, which forums.admin_scope limits to pages the user may edit.

    Made by the package's migration, not from a model, so a test database emptied between tests lacks it.
    """
    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Translation),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def media_permissions(actions):
    """Image and document permissions for the given actions, e.g. ("add", "choose")."""
    wanted = Q()
    for app_label, model_name in MEDIA_MODELS:
        codenames = [f"{action}_{model_name}" for action in actions]
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    return Permission.objects.filter(wanted)


def page_permissions(codenames):
    return Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)


def content_model_permissions():
    labels = [
        model._meta.label_lower
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if not issubclass(model, NOT_CONTENT)
        and not issubclass(model, Page)
        and model._meta.label_lower not in NOT_CONTENT_MODELS
    ]
    labels += EDITORIAL_MODELS
    wanted = Q(pk__in=[])
    for label in labels:
        app_label, model_name = label.split(".")
        wanted |= Q(content_type__app_label=app_label, content_type__model=model_name)
    return Permission.objects.filter(wanted)


def staff_editors_group():
    """The group, made or brought up to date: content models, every page, every collection."""
    group, _ = Group.objects.get_or_create(name=STAFF_EDITORS)
    group.permissions.add(admin_access_permission(), submit_translation_permission(), *content_model_permissions())
    root_page = Page.get_first_root_node()
    if root_page:
        for permission in page_permissions(PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for permission in media_permissions(MEDIA_ACTIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group


def update_staff_editors(using="default", **kwargs):
    """post_migrate receiver. Runs once, after the apps whose permissions it hands out have theirs."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    staff_editors_group()
