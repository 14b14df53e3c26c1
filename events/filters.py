import datetime
import re

from django import forms
from django.db.models.functions import TruncMonth
from django.utils import dateformat

from events.calendar import MAX_YEAR, MIN_YEAR
from events.choices import EventFormat, EventType, When
from events.dates import LONDON, month_bounds
from events.models import EventPage
from research.filters import ForumAndThemeFilters

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value):
    """The first day of the month "YYYY-MM" names, or None for anything else (e.g. "2026-13")."""
    match = MONTH.match(str(value))
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


class MonthField(forms.TypedChoiceField):
    """A month as YYYY-MM. Any real month is valid; the choices offer those that have events."""

    def __init__(self, **kwargs):
        super().__init__(coerce=parse_month, empty_value=None, required=False, **kwargs)

    def valid_value(self, value):
        return parse_month(value) is not None


class EventFeedFilters(ForumAndThemeFilters):
    """What calendar feeds can be narrowed to: ?forum=<slug>&theme=<slug>."""


class EventFilters(EventFeedFilters):
    """The events listing's filters. `when` picks upcoming (the default) or past events; the rest narrow them."""

    when = forms.ChoiceField(required=False, choices=When.choices, label="Show")
    type = forms.ChoiceField(required=False, choices=[("", "Any type"), *EventType.choices], label="Type")
    format = forms.ChoiceField(required=False, choices=[("", "Any format"), *EventFormat.choices], label="Format")
    month = MonthField(label="Month")

    field_order = ["when", "forum", "theme", "type", "format", "month"]

    def __init__(self, data):
        super().__init__(data)
        past = self.data.get("when") == When.PAST
        events = EventPage.objects.visible()
        events = events.past() if past else events.upcoming()
        starts = events.annotate(month=TruncMonth("starts_at", tzinfo=LONDON)).order_by()
        months = {month.date() for month in starts.values_list("month", flat=True).distinct()}
        # A real month without events stays selected, so the form shows the filter that is applied.
        chosen = parse_month(self.data.get("month", ""))
        months |= {chosen} if chosen else set()
        self.fields["month"].choices = [("", "Any month")] + [
            (f"{month:%Y-%m}", dateformat.format(month, "F Y")) for month in sorted(months, reverse=past)
        ]

    @property
    def showing(self):
        """Upcoming or past: what the listing shows."""
        return self.active.get("when") or When.UPCOMING

    def filter(self, events):
        events = events.past() if self.showing == When.PAST else events.upcoming()
        return super().filter(events)

    def filter_when(self, events, when):
        return events  # chosen in filter(), before the other filters

    def filter_type(self, events, event_type):
        return events.filter(event_type=event_type)

    def filter_format(self, events, event_format):
        return events.filter(event_format=event_format)

    def filter_month(self, events, month):
        return events.between(*month_bounds(month.year, month.month))
