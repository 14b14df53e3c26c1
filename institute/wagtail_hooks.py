from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.actions.create import CreateAction
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.views.generic.mixins import RevisionsRevertMixin
from wagtail.models import RevisionMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    HistoryView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from institute import content_health, editor_notices, languages
from institute.content_checks.publishing import refuse_bulk_publishing
from institute.demo import content as demo_content
from institute.demo import scale as demo_scale
from institute.document_privacy import refuse_document_of_hidden_pages
from institute.mail_admin import FormEmailViewSet
from institute.media_api import register_choosable_media_endpoints
from institute.models import Institution, Person
from institute.rich_text import PageLinkInReadingLanguage
from institute.sections import HOME_PAGE_SECTIONS, Section


class PeopleTheyMayChangeOnlyMixin:
    """People without the model permission may open their own profile and the people they added, until staff
    take those over (PersonPermissionPolicy)."""

    def get_object(self, *args, **kwargs):
        person = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", person):
            raise PermissionDenied
        return person


class PersonEditView(PeopleTheyMayChangeOnlyMixin, EditView):
    pass


class PersonHistoryView(PeopleTheyMayChangeOnlyMixin, HistoryView):
    pass


class PersonUsageView(PeopleTheyMayChangeOnlyMixin, UsageView):
    pass


class PersonRevisionsCompareView(PeopleTheyMayChangeOnlyMixin, RevisionsCompareView):
    pass


class PersonRevisionsRevertView(RevisionsRevertMixin, PersonEditView):
    """Reverts what the editor may edit; fields hidden from them (the linked account, staff flag) stay as they are."""

    view_name = "revisions_revert"

    def save_instance(self):
        reverted = self.form.instance
        live = self.model._default_manager.get(pk=reverted.pk)
        for field in self.model._meta.concrete_fields:
            if field.editable and not field.primary_key and field.name not in self.form.fields:
                setattr(reverted, field.attname, getattr(live, field.attname))
        return super().save_instance()


def record_who_added(person, user):
    person.added_by = policy_registry.get_by_type(Person).added_by_for_new_person(user)


class PersonCreateView(CreateView):
    def save_instance(self):
        record_who_added(self.form.instance, self.request.user)
        return super().save_instance()


class PersonChooserCreateView(SnippetCreateView):
    """Adds a person from inside the chooser, keeping a revision and a log entry as the admin's own form does."""

    def save_form(self, form):
        record_who_added(form.instance, self.request.user)
        return CreateAction(form.instance, user=self.request.user, form=form).execute()


class PersonChooserViewSet(SnippetChooserViewSet):
    """Choosing a speaker or member who is not on the site yet: add them without leaving the page."""

    form_fields = ["honorific", "name", "job_title", "organisation", "short_bio"]
    create_view_class = PersonChooserCreateView
    creation_tab_label = "Add a person"
    create_action_label = "Add person"
    create_action_clicked_label = "Adding…"


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    add_view_class = PersonCreateView
    chooser_viewset_class = PersonChooserViewSet
    edit_view_class = PersonEditView
    history_view_class = PersonHistoryView
    usage_view_class = PersonUsageView
    revisions_compare_view_class = PersonRevisionsCompareView
    revisions_revert_view_class = PersonRevisionsRevertView
    list_display = ["full_name", "job_title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "job_title"]
    ordering = ["name"]

    def get_queryset(self, request):
        people = policy_registry.get_by_type(Person).instances_user_has_permission_for(request.user, "change")
        return people.select_related("organisation")


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "site"
    menu_label = "Institutions"
    list_display = ["name", "city", "is_academic_partner"]
    list_filter = ["is_academic_partner"]
    search_fields = ["name", "short_name"]


class SubmenuOrOnlyItem(SubmenuMenuItem):
    """A submenu that is its only item for someone who may open just that one: a forum lead may open people
    (their own profile) but not institutions, and a "People" submenu holding only "People" reads twice."""

    def render_component(self, request):
        items = self.menu.menu_items_for_request(request)
        if len(items) == 1:
            return items[0].render_component(request)
        return super().render_component(request)


class PeopleAndInstitutionsGroup(SnippetViewSetGroup):
    items = (PersonViewSet, InstitutionViewSet)
    menu_icon = "group"
    menu_label = "People"
    menu_name = "people"

    def get_menu_item(self, order=None):
        return SubmenuOrOnlyItem(
            label=self.menu_label,
            menu=Menu(items=self.get_submenu_items()),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


register_snippet(PeopleAndInstitutionsGroup)


# After Wagtail's own registration of the "page" link type, which this one replaces.
@hooks.register("register_rich_text_features", order=1)
def page_links_in_reading_language(features):
    features.register_link_type(PageLinkInReadingLanguage)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    return languages.english_address_unless_translated(page, request)


@hooks.register(HOME_PAGE_SECTIONS)
def academic_partners_section(request, home_page):
    partners = Institution.objects.filter(is_academic_partner=True).select_related("logo")
    return Section(
        key="partners",
        title=_("Our academic partners"),
        template="components/home_partners.html",
        items=list(partners.prefetch_related("logo__renditions")),
        order=900,
    )


@hooks.register("register_admin_urls")
def register_content_health_report_urls():
    report = content_health.ContentHealthReportView
    return [
        path("reports/content-health/", report.as_view(), name="content_health_report"),
        path(
            "reports/content-health/results/",
            report.as_view(results_only=True),
            name="content_health_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_content_health_report_menu_item():
    return content_health.ContentHealthMenuItem(
        "Content health", reverse("content_health_report"), name="content-health", icon_name="warning", order=1150
    )


hooks.register(content_health.CONTENT_HEALTH_FINDINGS, content_health.broken_links)
hooks.register(content_health.CONTENT_HEALTH_FINDINGS, content_health.page_warnings)
hooks.register(content_health.CONTENT_HEALTH_FINDINGS, content_health.stale_pages)
hooks.register(content_health.CONTENT_HEALTH_FINDINGS, content_health.ended_announcements)


@hooks.register("register_admin_viewset")
def register_form_email_viewset():
    return FormEmailViewSet("form_emails")


hooks.register("load_demo_content", demo_content.load, order=0)
hooks.register("demo_sign_ins", demo_content.demo_sign_ins)
hooks.register("load_scaled_demo_content", demo_scale.generate, order=0)


hooks.register("before_serve_document", refuse_document_of_hidden_pages)
hooks.register("before_bulk_action", refuse_bulk_publishing)

hooks.register("before_edit_page", editor_notices.who_reviews_on_edit)
hooks.register("before_create_page", editor_notices.who_reviews_on_create)
hooks.register("before_edit_page", editor_notices.warn_of_others_changes)
hooks.register("after_publish_page", editor_notices.say_whose_changes_went_live)
hooks.register("before_create_page", editor_notices.hand_autosaved_page_to_edit_view)

# After wagtail.images and wagtail.documents (later in INSTALLED_APPS) register theirs, so that ours replace them.
hooks.register("construct_admin_api", register_choosable_media_endpoints, order=1)


@hooks.register("before_edit_snippet")
def keep_the_state_before_the_first_edit(request, instance):
    """People and institutions made in code (the demo, an import) have no revision yet: record how they
    were before their first edit in the admin, so that this edit can be undone as well."""
    if request.method == "POST" and isinstance(instance, RevisionMixin) and instance.latest_revision_id is None:
        instance.save_revision(log_action="wagtail.create", clean=False)
