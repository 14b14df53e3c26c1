"""RSS of upcoming events at /events/feed/, for feed readers; calendar apps take the iCalendar feeds."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from events.filters import EventFeedFilters
from events.ical import event_uid, uid_domain
from events.models import EventPage
from institute.languages import in_reading_language

MAX_ITEMS = 50


class EventsFeed(Feed):
    """Upcoming events, soonest first; ?forum= and ?theme= narrow it as they do the calendar feed."""

    def get_object(self, request, index):
        self.request = request
        self.domain = uid_domain(request)
        return index

    def title(self, index):
        return f"{index.title} | {settings.WAGTAIL_SITE_NAME}"

    def link(self, index):
        return index.url

    def description(self, index):
        return index.intro or _("Upcoming events from %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}

    def items(self, index):
        events = EventFeedFilters(self.request.GET, EventPage.objects.visible().upcoming()).qs
        return in_reading_language(events.defer_streamfields()[:MAX_ITEMS])

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        when = event.when_text if event.is_all_day else _("%(when)s (UK time)") % {"when": event.when_text}
        return f"{when}. {event.location_text}. {event.summary}"

    def item_link(self, event):
        return event.get_url(self.request)

    def item_guid(self, event):
        return event_uid(event, self.domain)

    item_guid_is_permalink = False

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at

    def item_categories(self, event):
        return [event.get_event_type_display(), event.get_event_format_display()]
