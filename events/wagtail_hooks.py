from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from events import demo, demo_scale
from events.choices import EventFormat
from events.models import EventIndexPage, EventPage, EventSpeaker, attach_forums, next_event_by_forum
from forums.models import ANNOTATE_FORUM_CARDS, FORUM_PAGE_SECTIONS
from institute.content_health import CONTENT_HEALTH_FINDINGS, Finding, Kind
from institute.page_cache import CONTENT_CHANGES_AT
from institute.query import the_page
from institute.sections import HOME_PAGE_SECTIONS, Section
from research.models import PERSON_PROFILE_SECTIONS, THEME_PAGE_SECTIONS

ON_HOME_PAGE = 3
ON_OTHER_PAGES = 4


class EventItems(list):
    """A section's events, with the address of a calendar feed of the same events ("" when there is none)."""

    def __init__(self, events, calendar_url=""):
        super().__init__(events)
        self.calendar_url = calendar_url


def events_section(events, *, order, more_query="", more_label="", feed_query=None, feed_url="", name_forums=True):
    """The "Upcoming events" section of a page, or None when there are none.

    The events feed link is `feed_url`, or the events index's feed with `feed_query` (e.g. "?theme=skills").
    A fixed number of queries: the events, their forums (when named) and the events index.
    """
    events = list(events)
    if not events:
        return None
    if name_forums:
        attach_forums(events)
    index = the_page(EventIndexPage)
    if index and feed_query is not None:
        feed_url = f"{index.url}feed.ics{feed_query}"
    return Section(
        key="events",
        title=_("Upcoming events"),
        template="components/event_list.html",
        items=EventItems(events, feed_url),
        more_url=f"{index.url}{more_query}" if index and more_label else "",
        more_label=more_label if index else "",
        order=order,
    )


def upcoming_events():
    return EventPage.objects.visible().upcoming().for_listing()


@hooks.register(HOME_PAGE_SECTIONS)
def home_page_events(request, home_page):
    return events_section(upcoming_events()[:ON_HOME_PAGE], more_label=_("All events"), order=200)


@hooks.register(FORUM_PAGE_SECTIONS)
def forum_events(request, forum):
    return events_section(
        # On the forum's own page its events need not name the forum.
        EventPage.objects.visible().upcoming().for_forum(forum).defer_streamfields()[:ON_OTHER_PAGES],
        order=200,
        more_query=f"?forum={forum.slug}",
        more_label=_("All %(region)s events") % {"region": forum.region},
        feed_url=f"{forum.get_url(request)}events.ics",
        name_forums=False,
    )


@hooks.register(THEME_PAGE_SECTIONS)
def theme_events(request, theme):
    return events_section(
        upcoming_events().filter(themes=theme)[:ON_OTHER_PAGES],
        order=200,
        more_query=f"?theme={theme.slug}",
        more_label=_("All events on this theme"),
        feed_query=f"?theme={theme.slug}",
    )


@hooks.register(PERSON_PROFILE_SECTIONS)
def person_events(request, person):
    speaking = EventSpeaker.objects.filter(person=person).values("event")
    return events_section(upcoming_events().filter(pk__in=speaking)[:ON_OTHER_PAGES], order=200)


@hooks.register(ANNOTATE_FORUM_CARDS)
def next_event_on_forum_cards(forums):
    """Each forum card names the forum's next event: `forum.next_event`, None when it has none. One query."""
    next_events = next_event_by_forum(forums)
    for forum in forums:
        forum.next_event = next_events.get(forum.pk)


IN_A_ROOM = (EventFormat.IN_PERSON, EventFormat.HYBRID)
ONLINE = (EventFormat.ONLINE, EventFormat.HYBRID)


@hooks.register(CONTENT_HEALTH_FINDINGS)
def events_without_place(request, pages):
    """The content health report's rows for upcoming events that do not say where to go: in person without a
    venue, online without a joining link. One query."""
    events = (
        EventPage.objects.live()
        .upcoming()
        .filter(Q(event_format__in=IN_A_ROOM, venue_name="") | Q(event_format__in=ONLINE, online_url=""))
        .filter(pk__in=pages)
        .only("title", "draft_title", "starts_at", "event_format", "venue_name", "online_url")
    )
    findings = []
    for event in events:
        missing = []
        if event.event_format in IN_A_ROOM and not event.venue_name:
            missing.append("venue")
        if event.event_format in ONLINE and not event.online_url:
            missing.append("joining link")
        detail = "No " + " or ".join(missing)
        findings.append(Finding.for_page(event, Kind.EVENT_WITHOUT_PLACE, detail, timezone.localdate(event.starts_at)))
    return findings


hooks.register("load_demo_content", demo.load, order=30)
hooks.register("load_scaled_demo_content", demo_scale.generate, order=30)


@hooks.register(CONTENT_CHANGES_AT)
def next_event_start_or_end(now):
    """Pages list an event as upcoming until it ends, and tell whether it has started."""
    events = EventPage.objects.live()
    moments = events.aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)), end=Min("ends_at", filter=Q(ends_at__gt=now))
    )
    return min((moment for moment in moments.values() if moment), default=None)
