from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.views.generic.mixins import RevisionsRevertMixin
from wagtail.models import RevisionMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    HistoryView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from institute.demo import content as demo_content
from institute.demo import scale as demo_scale
from institute.document_privacy import refuse_document_of_hidden_pages
from institute.mail_admin import FormEmailViewSet
from institute.models import Institution, Person
from institute.sections import HOME_PAGE_SECTIONS, Section


class OwnProfileOnlyMixin:
    """People without the model permission may open their own profile only (PersonPermissionPolicy)."""

    def get_object(self, *args, **kwargs):
        person = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", person):
            raise PermissionDenied
        return person


class PersonEditView(OwnProfileOnlyMixin, EditView):
    pass


class PersonHistoryView(OwnProfileOnlyMixin, HistoryView):
    pass


class PersonUsageView(OwnProfileOnlyMixin, UsageView):
    pass


class PersonRevisionsCompareView(OwnProfileOnlyMixin, RevisionsCompareView):
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


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
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


class PeopleAndInstitutionsGroup(SnippetViewSetGroup):
    items = (PersonViewSet, InstitutionViewSet)
    menu_icon = "group"
    menu_label = "People"
    menu_name = "people"


register_snippet(PeopleAndInstitutionsGroup)


@hooks.register(HOME_PAGE_SECTIONS)
def academic_partners_section(request, home_page):
    partners = Institution.objects.filter(is_academic_partner=True).select_related("logo")
    return Section(
        key="partners",
        title="Our academic partners",
        template="components/home_partners.html",
        items=list(partners.prefetch_related("logo__renditions")),
        order=900,
    )


@hooks.register("register_admin_viewset")
def register_form_email_viewset():
    return FormEmailViewSet("form_emails")


hooks.register("load_demo_content", demo_content.load, order=0)
hooks.register("demo_sign_ins", demo_content.demo_sign_ins)
hooks.register("load_scaled_demo_content", demo_scale.generate, order=0)


hooks.register("before_serve_document", refuse_document_of_hidden_pages)


@hooks.register("before_edit_snippet")
def keep_the_state_before_the_first_edit(request, instance):
    """People and institutions made in code (the demo, an import) have no revision yet: record how they
    were before their first edit in the admin, so that this edit can be undone as well."""
    if request.method == "POST" and isinstance(instance, RevisionMixin) and instance.latest_revision_id is None:
        instance.save_revision(log_action="wagtail.create", clean=False)
