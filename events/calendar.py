"""A month of events as weeks of days, Monday first, for the calendar page's table."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import dateformat

# The calendar pages a crawler can walk through, one "next month" link after another, end somewhere.
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

    def __init__(self, year, month, events, today):
        self.year = year
        self.month = month
        self.first_day = datetime.date(year, month, 1)
        self.events = list(events)
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
    def title(self):
        return dateformat.format(self.first_day, "F Y")

    @property
    def previous(self):
        """(year, month) of the month before, or None at the edge of the calendar."""
        year, month = (self.year, self.month - 1) if self.month > 1 else (self.year - 1, 12)
        return (year, month) if year >= MIN_YEAR else None

    @property
    def next(self):
        year, month = (self.year, self.month + 1) if self.month < 12 else (self.year + 1, 1)
        return (year, month) if year <= MAX_YEAR else None

    @property
    def previous_title(self):
        return self.previous and dateformat.format(datetime.date(*self.previous, 1), "F Y")

    @property
    def next_title(self):
        return self.next and dateformat.format(datetime.date(*self.next, 1), "F Y")
