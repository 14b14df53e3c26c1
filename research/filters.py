from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taggit.models import Tag

from django_filters import ChoiceFilter, TypedChoiceFilter

from forums.models import ForumPage
from institute.filters import ListingFilters, SlugChoiceFilter, year_choices
from institute.models import Institution, Person
from research.choices import PersonRole, PublicationType
from research.models import PublicationPage, ResearchThemePage

# Templates count forums ("Forum", "Forums"): a context keeps this label a message of its own.
FORUM_LABEL = pgettext_lazy("a listing filter", "Forum")


# django-filter calls these with the request, which the choices do not depend on.
def live_forums(request):
    return ForumPage.objects.live().public().originals().order_by("title")


def live_themes(request):
    return ResearchThemePage.objects.live().public().originals().order_by("title")


def institutions_with_people(request):
    return Institution.objects.filter(people__isnull=False).distinct()


class ForumAndThemeFilters(ListingFilters):
    """?forum=<slug>&theme=<slug> for listings and feeds of pages that name forums and research themes (events,
    news): their querysets have `for_forum(forum)` and a `themes` relation."""

    forum = SlugChoiceFilter(queryset=live_forums, method="filter_forum", empty_label=_("Any forum"), label=FORUM_LABEL)
    theme = SlugChoiceFilter(field_name="themes", queryset=live_themes, empty_label=_("Any theme"), label=_("Theme"))

    def filter_forum(self, pages, name, forum):
        return pages.for_forum(forum)

    @property
    def feed_query(self):
        """The query string that gives a feed the same forum and theme, e.g. "?forum=wales"."""
        given = [(name, self.data[name]) for name in ("forum", "theme") if name in self.active]
        return f"?{urlencode(given)}" if given else ""


class PublicationFilters(ListingFilters):
    theme = SlugChoiceFilter(field_name="themes", queryset=live_themes, empty_label=_("Any theme"), label=_("Theme"))
    type = ChoiceFilter(
        field_name="publication_type", choices=PublicationType.choices, empty_label=_("Any type"), label=_("Type")
    )
    year = TypedChoiceFilter(
        field_name="publication_date", lookup_expr="year", coerce=int, empty_value=None, label=_("Year")
    )
    author = SlugChoiceFilter(
        field_name="authors__person", distinct=True, empty_label=_("Any author"), label=_("Author")
    )
    forum = SlugChoiceFilter(field_name="forums", queryset=live_forums, empty_label=_("Any forum"), label=FORUM_LABEL)
    keyword = SlugChoiceFilter(field_name="keywords", empty_label=_("Any keyword"), label=_("Keyword"))

    class Meta:
        model = PublicationPage
        fields = []

    def __init__(self, data, queryset=None):
        super().__init__(data, queryset)
        # Authors, keywords and years are offered as far as live public publications have them: read once.
        publications = PublicationPage.objects.live().public().originals()
        self.filters["author"].queryset = (
            Person.objects.filter(authorships__publication__in=publications).distinct().order_by("name")
        )
        self.filters["keyword"].queryset = (
            Tag.objects.filter(research_publicationkeyword_items__content_object__in=publications)
            .distinct()
            .order_by("name")
        )
        self.filters["year"].extra["choices"] = year_choices(publications, "publication_date")


# What each role means, in terms of what the site already records about people.
ROLE_CONDITIONS = {
    PersonRole.THEME_LEAD: Q(theme_leads__theme__live=True),
    PersonRole.FORUM_CHAIR: Q(forums_chaired__live=True),
    PersonRole.FORUM_LEAD: Q(forums_led__live=True) | Q(forums_co_led__live=True),
    PersonRole.RESEARCHER: Q(authorships__publication__live=True),
    PersonRole.STAFF: Q(is_staff_member=True),
}


class PeopleFilters(ListingFilters):
    institution = SlugChoiceFilter(
        field_name="organisation",
        queryset=institutions_with_people,
        empty_label=_("Any institution"),
        label=_("Institution"),
    )
    role = ChoiceFilter(choices=PersonRole.choices, method="filter_role", empty_label=_("Any role"), label=_("Role"))

    class Meta:
        model = Person
        fields = []

    def filter_role(self, people, name, role):
        return people.filter(ROLE_CONDITIONS[role]).distinct()
