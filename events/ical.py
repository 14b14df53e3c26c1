"""Events as iCalendar (RFC 5545) for calendar apps, and as a Google Calendar link.

Timed events carry their zone (TZID=Europe/London, with its VTIMEZONE); all-day events are dates, their end
the day after the last, as RFC 5545 counts it. An event's UID comes from its page's translation key, so it
stays the same when the page is edited, renamed or moved, and calendars update the event in place.
"""

import datetime
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Site

from icalendar import Calendar, Event

from events.dates import local
from institute.languages import in_reading_language

PRODID = "-//The Productivity Institute//Events//EN"
# How often subscribed calendars should look for changes (RFC 7986, and Outlook's own property).
REFRESH_INTERVAL = datetime.timedelta(hours=6)
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
ONE_DAY = datetime.timedelta(days=1)


def uid_domain(request):
    """The site's own host name, whichever alias the request came by."""
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def event_uid(event, domain):
    return f"event-{event.translation_key}@{domain}"


def calendar_span(event):
    """(start, end) for a calendar: UK-time datetimes, or dates with the end the day after the last."""
    if event.is_all_day:
        first, last = event.days
        return first, last + ONE_DAY
    return local(event.starts_at), local(max(event.ends_at, event.starts_at))


def description(event, url):
    when = event.when_text if event.is_all_day else _("%(when)s (UK time)") % {"when": event.when_text}
    lines = [event.summary, "", when]
    if event.registration_url:
        lines.append(_("Register: %(url)s") % {"url": event.registration_url})
    if event.online_url and event.is_online:
        lines.append(_("Join online: %(url)s") % {"url": event.online_url})
    lines.append(_("Details: %(url)s") % {"url": url})
    return "\n".join(lines)


def vevent(event, request, domain):
    url = event.get_full_url(request)
    start, end = calendar_span(event)
    component = Event.new(
        uid=event_uid(event, domain),
        summary=event.title,
        start=start,
        end=end,
        # A published feed has no METHOD, so DTSTAMP is when the event was last changed (RFC 5545, 3.8.7.2).
        stamp=event.last_published_at or event.latest_revision_created_at or timezone.now(),
        created=event.first_published_at,
        last_modified=event.last_published_at,
        location=event.location_text,
        url=url,
        description=description(event, url),
        categories=[event.get_event_type_display()],
    )
    component.add("status", "CONFIRMED")
    return component


def calendar_response(request, events, *, name, filename=None):
    """A text/calendar response with a VEVENT per event; a `filename` makes it a download."""
    domain = uid_domain(request)
    calendar = Calendar.new(
        prodid=PRODID,
        name=name,
        uid=uuid.uuid5(uuid.NAMESPACE_URL, request.build_absolute_uri(request.path)),
        refresh_interval=REFRESH_INTERVAL,
        description=_("%(calendar)s, from %(site)s") % {"calendar": name, "site": settings.WAGTAIL_SITE_NAME},
        subcomponents=[vevent(event, request, domain) for event in in_reading_language(events)],
    )
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 requires the value type here
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def google_calendar_url(event, request):
    """A link that opens Google Calendar's "add event" form, filled in. Nothing is loaded from Google."""
    if event.is_all_day:
        start, end = calendar_span(event)
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        utc = datetime.UTC
        dates = f"{event.starts_at.astimezone(utc):%Y%m%dT%H%M%SZ}/{event.ends_at.astimezone(utc):%Y%m%dT%H%M%SZ}"
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "details": f"{event.summary}\n\n{event.get_full_url(request)}",
        "location": event.location_text,
        "ctz": "Europe/London",
    }
    return f"{GOOGLE_CALENDAR}?{urlencode(query)}"
