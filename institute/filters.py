"""Listing filters kept in the query string, so a filtered view can be bookmarked and shared.

A value that is not one of a filter's choices (a mistyped slug, an old link, a forged URL) is left out
and reported on the page: the visitor sees which filter was ignored and the rest still apply.
"""

from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from django_filters import FilterSet, ModelChoiceFilter

SHOWN_LENGTH = 60


def shown(value):
    """A value as the notice repeats it: printable characters only, and not too many of them."""
    printable = "".join(character for character in value if character.isprintable())
    return printable if len(printable) <= SHOWN_LENGTH else printable[: SHOWN_LENGTH - 1] + "…"


def year_choices(dated, date_field):
    """The choices of a ?year= filter: "any", then each year `dated` has items in, newest first."""
    years = dated.annotate(year=ExtractYear(date_field)).order_by("-year").values_list("year", flat=True)
    return [("", _("Any year")), *((year, year) for year in years.distinct())]


class ListingFilters(FilterSet):
    """The filters of a listing or feed, read from its query string.

    A template iterates over it for the form's fields; `active` and `ignored` say what was applied and what was not,
    and `qs` is the listing's queryset narrowed by the active filters.
    """

    def __init__(self, data, queryset=None):
        # Only the filters' own parameters count: `page` and anything else in the query string are not errors.
        given = {name: data.get(name) for name in self.base_filters if data.get(name)}
        super().__init__(given, queryset)

    def __iter__(self):
        return iter(self.form)

    @property
    def fields(self):
        return self.form.fields

    @cached_property
    def active(self):
        """The filters in use, as {filter name: cleaned value}; invalid ones are left out."""
        self.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")}

    @cached_property
    def ignored(self):
        """(filter label, value as given, id) for each filter whose value was not a valid choice. The id is the
        one the invalid field's aria-describedby names, so the notice's line about it describes it."""
        return [
            (self.form[name].label, shown(self.data[name]), f"{self.form[name].auto_id}_error")
            for name in self.errors
            if name in self.fields
        ]


class SlugChoiceFilter(ModelChoiceFilter):
    """A choice of model instances named by slug in the URL, e.g. ?theme=skills."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, to_field_name="slug", **kwargs)
