from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.db.models.functions import ExtractYear

from taggit.models import Tag

from forums.models import ForumPage
from institute.filters import ListingFilters, SlugChoiceField
from institute.models import Institution, Person
from research.choices import PersonRole, PublicationType
from research.models import PublicationPage, ResearchThemePage


class ForumAndThemeFilters(ListingFilters):
    """?forum=<slug>&theme=<slug> for listings and feeds of pages that name forums and research themes (events,
    news): their querysets have `for_forum(forum)` and a `themes` relation."""

    forum = SlugChoiceField(ForumPage.objects.none(), empty_label="Any forum", label="Forum")
    theme = SlugChoiceField(ResearchThemePage.objects.none(), empty_label="Any theme", label="Theme")

    def __init__(self, data):
        super().__init__(data)
        self.fields["forum"].queryset = ForumPage.objects.live().public().order_by("title")
        self.fields["theme"].queryset = ResearchThemePage.objects.live().public().order_by("title")

    def filter_forum(self, pages, forum):
        return pages.for_forum(forum)

    def filter_theme(self, pages, theme):
        return pages.filter(themes=theme)

    @property
    def feed_query(self):
        """The query string that gives a feed the same forum and theme, e.g. "?forum=wales"."""
        given = [(name, self.data[name]) for name in ("forum", "theme") if name in self.active]
        return f"?{urlencode(given)}" if given else ""


class PublicationFilters(ListingFilters):
    theme = SlugChoiceField(ResearchThemePage.objects.none(), empty_label="Any theme")
    type = forms.ChoiceField(required=False, choices=[("", "Any type"), *PublicationType.choices])
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    author = SlugChoiceField(Person.objects.none(), empty_label="Any author")
    forum = SlugChoiceField(ForumPage.objects.none(), empty_label="Any forum")
    keyword = SlugChoiceField(Tag.objects.none(), empty_label="Any keyword")

    def __init__(self, data):
        super().__init__(data)
        publications = PublicationPage.objects.live().public()
        self.fields["theme"].queryset = ResearchThemePage.objects.live().public().order_by("title")
        self.fields["forum"].queryset = ForumPage.objects.live().public().order_by("title")
        self.fields["author"].queryset = (
            Person.objects.filter(authorships__publication__in=publications).distinct().order_by("name")
        )
        self.fields["keyword"].queryset = (
            Tag.objects.filter(research_publicationkeyword_items__content_object__in=publications)
            .distinct()
            .order_by("name")
        )
        years = (
            publications.annotate(year=ExtractYear("publication_date")).order_by("-year").values_list("year", flat=True)
        )
        self.fields["year"].choices = [("", "Any year")] + [(year, year) for year in years.distinct()]

    def filter_theme(self, publications, theme):
        return publications.filter(themes=theme)

    def filter_type(self, publications, publication_type):
        return publications.filter(publication_type=publication_type)

    def filter_year(self, publications, year):
        return publications.filter(publication_date__year=year)

    def filter_author(self, publications, person):
        return publications.filter(authors__person=person).distinct()

    def filter_forum(self, publications, forum):
        return publications.filter(forums=forum)

    def filter_keyword(self, publications, tag):
        return publications.filter(keywords=tag)


# What each role means, in terms of what the site already records about people.
ROLE_CONDITIONS = {
    PersonRole.THEME_LEAD: Q(theme_leads__theme__live=True),
    PersonRole.FORUM_CHAIR: Q(forums_chaired__live=True),
    PersonRole.FORUM_LEAD: Q(forums_led__live=True) | Q(forums_co_led__live=True),
    PersonRole.RESEARCHER: Q(authorships__publication__live=True),
    PersonRole.STAFF: Q(is_staff_member=True),
}


class PeopleFilters(ListingFilters):
    institution = SlugChoiceField(Institution.objects.none(), empty_label="Any institution")
    role = forms.ChoiceField(required=False, choices=[("", "Any role"), *PersonRole.choices])

    def __init__(self, data):
        super().__init__(data)
        self.fields["institution"].queryset = Institution.objects.filter(people__isnull=False).distinct()

    def filter_institution(self, people, institution):
        return people.filter(organisation=institution)

    def filter_role(self, people, role):
        return people.filter(ROLE_CONDITIONS[role]).distinct()
