from django.db.models import Q
from django.template.defaultfilters import yesno
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from forums import admin_scope, demo
from forums.access import sync_forum_access
from forums.models import ForumAccess, ForumIndexPage, ForumPage, annotate_forum_cards
from institute.content_health import CONTENT_HEALTH_FINDINGS, Finding, Kind
from institute.query import the_page
from institute.sections import HOME_PAGE_SECTIONS, Section


class ForumAccessPermissionPolicy(ModelPermissionPolicy):
    """A forum's access record is made with the forum and goes with it: people only change the switch."""

    def user_has_permission(self, user, action):
        return action in {"change", "view"} and super().user_has_permission(user, action)


register_permission_policy(ForumAccess, ForumAccessPermissionPolicy(ForumAccess))


class ForumAccessEditView(EditView):
    def save_instance(self):
        access = super().save_instance()
        sync_forum_access(access.forum)
        return access


class ForumAccessViewSet(ModelViewSet):
    model = ForumAccess
    icon = "lock"
    menu_label = "Forum access"
    menu_order = 250
    add_to_admin_menu = True
    edit_view_class = ForumAccessEditView
    list_display = [
        "forum",
        "editors",
        Column(
            "changes_need_approval",
            label="Changes need approval",
            accessor=lambda access: yesno(access.changes_need_approval),
            sort_key="changes_need_approval",
        ),
    ]
    ordering = ["forum__title"]

    def get_queryset(self, request):
        return ForumAccess.objects.select_related("forum", "editors")


hooks.register("register_admin_viewset", ForumAccessViewSet)

hooks.register("construct_page_chooser_queryset", admin_scope.hide_unpublished_pages_from_chooser)
hooks.register("construct_main_menu", admin_scope.hide_reports_menu)
hooks.register("construct_help_menu", admin_scope.hide_whats_new_in_wagtail)


class YourForumsPanel(Component):
    """First on a forum editor's dashboard: their forum, and the shortcuts they use most."""

    name = "your_forums"
    order = 10
    template_name = "forums/admin/your_forums_panel.html"

    def __init__(self, forums, person):
        self.forums = forums
        self.person = person

    def get_context_data(self, parent_context=None):
        return {
            "forums": self.forums,
            "profile_url": self.person and reverse("wagtailsnippets_institute_person:edit", args=[self.person.pk]),
        }


@hooks.register("construct_homepage_panels")
def add_your_forums_panel(request, panels):
    forums = list(
        ForumPage.objects.filter(access__editors__user=request.user).select_related("access").order_by("title")
    )
    if forums:
        panels.append(YourForumsPanel(forums, getattr(request.user, "person", None)))


@hooks.register(HOME_PAGE_SECTIONS)
def forums_section(request, home_page):
    index = the_page(ForumIndexPage)
    if index is None:
        return None
    return Section(
        key="forums",
        title=_("Regional productivity forums"),
        template="components/home_forums.html",
        items=annotate_forum_cards(ForumPage.objects.child_of(index).live().public().originals().for_cards()),
        more_url=index.url,
        more_label=_("About the forums"),
        order=300,
    )


@hooks.register(CONTENT_HEALTH_FINDINGS)
def forums_missing_roster_roles(request, pages):
    """The content health report's "Missing roster role" rows: one for each role that publishing requires
    and a live forum leaves empty (a forum published before the requirement, or changed in code). One query."""
    roles = ForumPage.required_to_publish
    no_role = Q()
    for role in roles:
        no_role |= Q(**{role: None})
    forums = ForumPage.objects.live().filter(no_role, pk__in=pages).only("title", "draft_title", *roles)
    return [
        Finding.for_page(forum, Kind.MISSING_ROSTER_ROLE, f"No {ForumPage._meta.get_field(role).verbose_name}")
        for forum in forums
        for role in roles
        if getattr(forum, f"{role}_id") is None
    ]


hooks.register("load_demo_content", demo.load, order=10)
hooks.register("demo_sign_ins", demo.demo_sign_ins)
