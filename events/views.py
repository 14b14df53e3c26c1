"""iCalendar files at dotted URLs, which Wagtail's page router never sees: each view finds its page, then answers.

<events index>/feed.ics     upcoming events and those of the past 12 months; ?forum= and ?theme= narrow it
<forum page>/events.ics     the same for one forum
<event page>/event.ics      one event
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from events.dates import local
from events.filters import EventFeedFilters
from events.ical import calendar_response
from events.models import EventIndexPage, EventPage
from forums.models import ForumPage
from institute.languages import original_of
from institute.routing import public_page_at


def feed_start(now=None):
    """A year ago: calendar feeds keep the past 12 months, so subscribers keep the events they went to."""
    now = local(now or timezone.now())
    try:
        return now.replace(year=now.year - 1)
    except ValueError:  # 29 February
        return now.replace(year=now.year - 1, day=28)


def feed_events():
    return (
        EventPage.objects.visible().filter(ends_at__gte=feed_start()).defer_streamfields().order_by("starts_at", "pk")
    )


@require_safe
def index_calendar(request, page_path):
    index = public_page_at(request, page_path, EventIndexPage)
    events = EventFeedFilters(request.GET, feed_events()).qs
    return calendar_response(request, events, name=f"{index.title} | {settings.WAGTAIL_SITE_NAME}")


@require_safe
def forum_calendar(request, page_path):
    forum = public_page_at(request, page_path, ForumPage)
    return calendar_response(
        request, feed_events().for_forum(original_of(forum)), name=_("%(forum)s: events") % {"forum": forum.title}
    )


@require_safe
def event_calendar(request, page_path):
    event = public_page_at(request, page_path, EventPage)
    return calendar_response(request, [event], name=event.title, filename=f"{event.slug}.ics")
