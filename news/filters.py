from django.utils.translation import gettext_lazy as _

from django_filters import ChoiceFilter, TypedChoiceFilter

from institute.filters import year_choices
from news.choices import NewsKind
from news.models import NewsPage
from research.filters import ForumAndThemeFilters


class NewsFeedFilters(ForumAndThemeFilters):
    """What news feeds can be narrowed to: ?forum=<slug>&theme=<slug>."""

    class Meta:
        model = NewsPage
        fields = []


class NewsFilters(NewsFeedFilters):
    """The news listing's filters: forum, theme, kind and year."""

    kind = ChoiceFilter(choices=NewsKind.choices, empty_label=_("Any kind"), label=_("Kind"))
    year = TypedChoiceFilter(field_name="date", lookup_expr="year", coerce=int, empty_value=None, label=_("Year"))

    def __init__(self, data, queryset=None):
        super().__init__(data, queryset)
        self.filters["year"].extra["choices"] = year_choices(NewsPage.objects.visible(), "date")
