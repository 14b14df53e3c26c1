"""A month of events as weeks of days, Monday first, for the calendar page's table."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Max, Min
from django.utils import dateformat

from events.dates import event_days

# The months the calendar has pages for; its Previous and Next links go only as far as there are events.
MIN_YEAR = 2000
MAX_YEAR = 2100
WEEKDAYS = [(name, name[:3]) for name in calendar.day_name]  # Monday first, as in the UK


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


class MonthCalendar:
    """The days of a month in weeks, each in-month day with the events that happen on it (in UK time)."""

    weekdays = WEEKDAYS

    def __init__(self, year, month, events, today, event_months=None):
        """`event_months`: the first days of the first and last months that have events (see
        `months_with_events`), or None when there are none."""
        self.year = year
        self.month = month
        self.first_day = datetime.date(year, month, 1)
        self.events = list(events)
        self.event_months = event_months
        weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
        days = {day: CalendarDay(day, day.month == month, day == today) for week in weeks for day in week}
        for event in self.events:
            first, last = event.days
            day = max(first, self.first_day)
            while day <= last and day.month == month:
                days[day].events.append(event)
                day += datetime.timedelta(days=1)
        self.weeks = [[days[day] for day in week] for week in weeks]

    @property
    def days_with_events(self):
        """The month's days that have events, in order: the calendar as a list, for narrow screens."""
        return [day for week in self.weeks for day in week if day.in_month and day.events]

    @property
    def title(self):
        return dateformat.format(self.first_day, "F Y")

    def _within_event_months(self, year, month):
        """Whether the month lies between the first and the last month with events: a crawler following
        Previous or Next stops there instead of walking a century of empty months."""
        if self.event_months is None or not MIN_YEAR <= year <= MAX_YEAR:
            return False
        first, last = self.event_months
        return first <= datetime.date(year, month, 1) <= last

    @property
    def previous(self):
        """(year, month) of the month before, or None beyond the first month with events."""
        year, month = (self.year, self.month - 1) if self.month > 1 else (self.year - 1, 12)
        return (year, month) if self._within_event_months(year, month) else None

    @property
    def next(self):
        """(year, month) of the month after, or None beyond the last month with events."""
        year, month = (self.year, self.month + 1) if self.month < 12 else (self.year + 1, 1)
        return (year, month) if self._within_event_months(year, month) else None

    @property
    def previous_title(self):
        return self.previous and dateformat.format(datetime.date(*self.previous, 1), "F Y")

    @property
    def next_title(self):
        return self.next and dateformat.format(datetime.date(*self.next, 1), "F Y")


def months_with_events(events):
    """The first days of the first and the last month (UK time) that `events` touch, or None if there are none."""
    bounds = events.aggregate(first=Min("starts_at"), last=Max("ends_at"))
    if bounds["first"] is None:
        return None
    first, last = event_days(bounds["first"], bounds["last"])
    return first.replace(day=1), last.replace(day=1)
