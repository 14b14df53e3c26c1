from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from institute.demo import content as demo_content
from institute.home_sections import HOOK_NAME, HomeSection
from institute.models import Institution, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["full_name", "job_title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "job_title"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Person.objects.select_related("organisation")


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


@hooks.register(HOOK_NAME)
def academic_partners_section(request, home_page):
    partners = Institution.objects.filter(is_academic_partner=True).select_related("logo")
    return HomeSection(
        key="partners",
        title="Our academic partners",
        template="components/home_partners.html",
        items=list(partners.prefetch_related("logo__renditions")),
        order=900,
    )


hooks.register("load_demo_content", demo_content.load, order=0)
