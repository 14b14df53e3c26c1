"""Listing filters kept in the query string, so a filtered view can be bookmarked and shared.

A value that is not one of a filter's choices (a mistyped slug, an old link, a forged URL) is left out
and reported on the page: the visitor sees which filter was ignored and the rest still apply.
"""

from django import forms
from django.utils.functional import cached_property

SHOWN_LENGTH = 60


def shown(value):
    """A value as the notice repeats it: printable characters only, and not too many of them."""
    printable = "".join(character for character in value if character.isprintable())
    return printable if len(printable) <= SHOWN_LENGTH else printable[: SHOWN_LENGTH - 1] + "…"


class ListingFilters(forms.Form):
    """Subclasses declare optional fields and a `filter_<field>(queryset, value)` method for each."""

    template_name = "components/listing_filters.html"

    def __init__(self, data):
        # Only the filters' own parameters count: `page` and anything else in the query string are not errors.
        given = {name: data.get(name) for name in self.base_fields if data.get(name)}
        super().__init__(given or None)

    @cached_property
    def active(self):
        """The filters in use, as {field name: cleaned value}; invalid ones are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    @cached_property
    def ignored(self):
        """(filter label, value as given) for each filter whose value was not a valid choice."""
        self.active  # noqa: B018  (validates the form)
        return [(self[name].label, shown(self.data[name])) for name in self.errors if name in self.fields]

    def filter(self, queryset):
        for name, value in self.active.items():
            queryset = getattr(self, f"filter_{name}")(queryset, value)
        return queryset


class SlugChoiceField(forms.ModelChoiceField):
    """A choice of model instances named by slug in the URL, e.g. ?theme=skills."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
