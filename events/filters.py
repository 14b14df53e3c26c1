import datetime
import re

from django import forms
from django.db.models.functions import TruncMonth
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

from django_filters import ChoiceFilter, TypedChoiceFilter

from events.calendar import MAX_YEAR, MIN_YEAR
from events.choices import EventFormat, EventType, When
from events.dates import LONDON, month_bounds
from events.models import EventPage
from research.filters import ForumAndThemeFilters

MONTH = re.compile(r"(\d{4})-(\d{2})")


def parse_month(value):
    """The first day of the month "YYYY-MM" names, or None for anything else (e.g. "2026-13")."""
    match = MONTH.fullmatch(str(value))
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


class EventFeedFilters(ForumAndThemeFilters):
    """What calendar feeds can be narrowed to: ?forum=<slug>&theme=<slug>."""

    class Meta:
        model = EventPage
        fields = []


class EventFiltersForm(forms.Form):
    field_order = ["when", "forum", "theme", "type", "format", "month"]


class EventFilters(EventFeedFilters):
    """The events listing's filters. `when` picks upcoming (the default) or past events; the rest narrow them."""

    when = ChoiceFilter(choices=When.choices, method="filter_when", empty_label=None, label=_("Show"))
    type = ChoiceFilter(field_name="event_type", choices=EventType.choices, empty_label=_("Any type"), label=_("Type"))
    format = ChoiceFilter(
        field_name="event_format", choices=EventFormat.choices, empty_label=_("Any format"), label=_("Format")
    )
    month = TypedChoiceFilter(coerce=parse_month, empty_value=None, method="filter_month", label=_("Month"))

    class Meta(EventFeedFilters.Meta):
        form = EventFiltersForm

    def __init__(self, data, queryset=None):
        super().__init__(data, queryset)
        past = self.data.get("when") == When.PAST
        events = EventPage.objects.visible()
        events = events.past() if past else events.upcoming()
        starts = events.annotate(month=TruncMonth("starts_at", tzinfo=LONDON)).order_by()
        months = {month.date() for month in starts.values_list("month", flat=True).distinct()}
        # Any real month is valid: one without events is offered too, so the form shows the filter that is applied.
        chosen = parse_month(self.data.get("month", ""))
        months |= {chosen} if chosen else set()
        self.filters["month"].extra["choices"] = [("", _("Any month"))] + [
            (f"{month:%Y-%m}", dateformat.format(month, "F Y")) for month in sorted(months, reverse=past)
        ]

    @property
    def showing(self):
        """Upcoming or past: what the listing shows."""
        return self.active.get("when") or When.UPCOMING

    def filter_queryset(self, events):
        # Upcoming events are the default, and a filter's method is not called without a value: choose here.
        events = events.past() if self.showing == When.PAST else events.upcoming()
        return super().filter_queryset(events)

    def filter_when(self, events, name, when):
        return events  # chosen in filter_queryset()

    def filter_month(self, events, name, month):
        return events.between(*month_bounds(month.year, month.month))
