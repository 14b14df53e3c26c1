from django import forms
from django.db.models.functions import ExtractYear

from news.choices import NewsKind
from news.models import NewsPage
from research.filters import ForumAndThemeFilters


class NewsFeedFilters(ForumAndThemeFilters):
    """What news feeds can be narrowed to: ?forum=<slug>&theme=<slug>."""


class NewsFilters(NewsFeedFilters):
    """The news listing's filters: forum, theme, kind and year."""

    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *NewsKind.choices], label="Kind")
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="Year")

    field_order = ["forum", "theme", "kind", "year"]

    def __init__(self, data):
        super().__init__(data)
        years = NewsPage.objects.visible().annotate(year=ExtractYear("date")).order_by("-year")
        self.fields["year"].choices = [("", "Any year")] + [
            (year, year) for year in years.values_list("year", flat=True).distinct()
        ]

    def filter_kind(self, news_items, kind):
        return news_items.filter(kind=kind)

    def filter_year(self, news_items, year):
        return news_items.filter(date__year=year)
