"""Event dates and times in words, in UK time: “Monday 27 November 2023, 9:30am to 4pm”.

Events are stored in UTC and always shown in Europe/London time, whatever the visitor's or server's
zone, so a 9:30am start reads 9:30am on both sides of a clock change.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

LONDON = ZoneInfo("Europe/London")
MIDNIGHT = datetime.time(0)
# The last moment of an all-day event: the end of its last day.
END_OF_DAY = datetime.time(23, 59, 59)
MIDDAY = datetime.time(12)


def local(moment):
    """An aware datetime in UK time."""
    return moment.astimezone(LONDON)


def format_time(value):
    """“9:30am”, “4pm”, “midday”, “midnight”: the GOV.UK style, with no “12pm” to puzzle over.

    The words and the order of the parts are the catalogue's, so a translation (Welsh “9:30yb”) needs no code.
    """
    value = value.replace(second=0, microsecond=0, tzinfo=None)
    if value == MIDNIGHT:
        return _("midnight")
    if value == MIDDAY:
        return _("midday")
    parts = {
        "hour": value.hour % 12 or 12,
        "minutes": f"{value.minute:02d}",
        "am_pm": pgettext("before midday", "am") if value.hour < 12 else pgettext("after midday", "pm"),
    }
    if value.minute:
        return pgettext("a time of day, e.g. 9:30am", "%(hour)s:%(minutes)s%(am_pm)s") % parts
    return pgettext("a time on the hour, e.g. 4pm", "%(hour)s%(am_pm)s") % parts


def format_day(day):
    """“Monday 27 November 2023”."""
    return dateformat.format(day, "l j F Y")


def format_days(first, last):
    """A run of whole days, naming the month and year once where they are shared."""
    if last <= first:
        return format_day(first)
    if first.year != last.year:
        start = format_day(first)
    elif first.month != last.month:
        start = dateformat.format(first, "l j F")
    else:
        start = dateformat.format(first, "l j")
    return between_days(start, format_day(last))


def between_days(start, end):
    """“Monday 27 to Wednesday 29 November 2023”: a span from one day to another."""
    return pgettext("from one day to a later one", "%(start)s to %(end)s") % {"start": start, "end": end}


def format_times(start, end):
    """“9:30am to 4pm”, or one time when the two are the same."""
    if end is None or end == start:
        return format_time(start)
    return pgettext("from one time to a later one on the same day", "%(start)s to %(end)s") % {
        "start": format_time(start),
        "end": format_time(end),
    }


def describe_when(starts_at, ends_at, is_all_day=False):
    """When an event happens, in words and UK time.

    All-day events give their days only. A timed event gives its day and times, or both ends in full when
    it runs over several days; one that ends at midnight ends on the day it began.
    """
    start = local(starts_at)
    end = local(ends_at) if ends_at and ends_at > starts_at else start
    if is_all_day:
        return format_days(*event_days(start, end))
    ends_at_midnight_after = end.time() == MIDNIGHT and end.date() == start.date() + datetime.timedelta(days=1)
    if end.date() == start.date() or ends_at_midnight_after:
        return f"{format_day(start.date())}, {format_times(start.time(), end.time() if end != start else None)}"
    return between_days(format_moment(start), format_moment(end))


def format_moment(moment):
    """“Monday 27 November 2023, 9:30am”, for a UK-time datetime."""
    return f"{format_day(moment.date())}, {format_time(moment.time())}"


def event_days(starts_at, ends_at):
    """The UK days an event touches, first to last; an end at exactly midnight does not reach into that day."""
    start = local(starts_at)
    end = local(max(ends_at, starts_at))
    last = end.date()
    if end.time() == MIDNIGHT and end > start:
        last -= datetime.timedelta(days=1)
    return start.date(), max(last, start.date())


def month_bounds(year, month):
    """The first moment of a month and of the next, in UK time (so BST months start an hour early in UTC)."""
    first = datetime.datetime(year, month, 1, tzinfo=LONDON)
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=LONDON)
    return first, following
