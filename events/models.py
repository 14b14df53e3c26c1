"""Events: the index at /events/ with its month calendar and feeds, and event pages under it or under a forum.

Times are stored in UTC and shown in UK time (`events.dates`). An event is upcoming until it ends. An event
under a forum page belongs to that forum; staff may tag further forums, and `for_forum()` finds both.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.search import index

from rest_framework.fields import ReadOnlyField

from events.blocks import ProgrammeBlock
from events.calendar import MAX_YEAR, MIN_YEAR, MonthCalendar, months_with_events
from events.choices import EventFormat, EventType, RegistrationState
from events.dates import END_OF_DAY, LONDON, describe_when, event_days, format_day, format_time, local, month_bounds
from events.forms import EventPageForm, UKDateTimeInput
from forums.models import MANAGE_FORUMS, ForumPage
from institute import page_cache
from institute.blocks import BodyBlock
from institute.languages import in_reading_language, original_of
from institute.models import BasePage, HeroImageFields, IntroPage, chosen_pages
from institute.pagination import paginate
from institute.query import SitePageQuerySet
from research.models import PublicTagsInAPI, ResearchThemePage, with_forum_and_public_tags

# Sub-page routes of the events index: an event with one of these slugs there could never be reached.
RESERVED_SLUGS = {"calendar", "feed"}


class EventPageQuerySet(SitePageQuerySet):
    def visible(self):
        """Live English pages (listings then show each in the reader's language) outside private sections,
        within this one SQL query (Wagtail's public() runs another)."""
        restrictions = PageViewRestriction.objects.annotate(
            event_path=ExpressionWrapper(OuterRef("path"), output_field=models.CharField())
        ).filter(event_path__startswith=F("page__path"))
        return self.live().originals().filter(~Exists(restrictions))

    def upcoming(self, at=None):
        """Events that have not ended yet, soonest first: one that has started is upcoming until it ends."""
        return self.filter(ends_at__gte=at or timezone.now()).order_by("starts_at", "pk")

    def past(self, at=None):
        """Events that have ended, most recent first."""
        return self.filter(ends_at__lt=at or timezone.now()).order_by("-starts_at", "-pk")

    def between(self, start, end):
        """Events that overlap the period from `start` up to (not including) `end`."""
        return self.filter(starts_at__lt=end, ends_at__gte=start)

    def for_forum(self, forum):
        """The forum's events: those under its page, and those tagged with it."""
        tagged = EventPage.forums.through.objects.filter(forumpage=forum).values("eventpage")
        return self.filter(Q(path__startswith=forum.path) | Q(pk__in=tagged))

    def for_listing(self):
        """With the tagged forums a listing names; `attach_forums()` adds the forum each event is under."""
        return self.defer_streamfields().prefetch_related(
            Prefetch("forums", queryset=ForumPage.objects.live().order_by("title"))
        )

    def for_api(self):
        """With what the open data API shows in a fixed number of queries: the forum each page is under
        (`api_forum_id`, `api_forum_title`) and its tagged live, public themes and forums."""
        return with_forum_and_public_tags(self)


def attach_forums(events):
    """Sets `listed_forums` on each event (of a `for_listing()` queryset): its own forum, then tagged ones.

    The forums come from the shared cache, however many events there are.
    """
    events = list(events)
    # A translation is listed where its English page is (institute.languages).
    paths = {event.pk: original_of(event).path for event in events}
    parents = live_forums_by_path() if events else {}
    for event in events:
        parent = next((parents[path] for path in _ancestor_paths(paths[event.pk]) if path in parents), None)
        event.forum = parent
        event.listed_forums = ([parent] if parent else []) + [f for f in event.forums.all() if f != parent]
    return events


def live_forums_by_path():
    """Every live forum page, by its tree path: a handful, read once per content version."""
    return page_cache.remember(
        "live-forums-by-path", lambda: {forum.path: forum for forum in ForumPage.objects.live().originals()}
    )


def _ancestor_paths(page_path):
    return {page_path[:length] for length in range(Page.steplen, len(page_path), Page.steplen)}


class EventIndexPage(RoutablePageMixin, IntroPage):
    """/events/: upcoming or past events with filters, a month calendar, and iCalendar and RSS feeds."""

    max_count = 1
    parent_page_types = ["institute.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = "event index page"

    def get_context(self, request, *args, **kwargs):
        from events.filters import EventFilters  # the filters' choices are read from these models

        context = super().get_context(request, *args, **kwargs)
        filters = EventFilters(request.GET, EventPage.objects.visible().for_listing())
        events = paginate(request, filters.qs)
        events.object_list = attach_forums(events.object_list)
        month = filters.active.get("month") or local(timezone.now()).date()
        feed_url = f"{self.url}feed.ics{filters.feed_query}"
        context.update(
            filters=filters,
            events=events,
            calendar_url=self.calendar_url(month.year, month.month),
            feed_url=feed_url,
            webcal_url=f"webcal://{request.get_host()}{feed_url}",
            rss_url=f"{self.url}feed/{filters.feed_query}",
        )
        return context

    def calendar_url(self, year, month):
        return self.url + self.reverse_subpage("calendar", args=[year, month])

    @path("calendar/", name="calendar_now")
    def current_month(self, request):
        today = local(timezone.now())
        return redirect(self.calendar_url(today.year, today.month))

    @path("calendar/<int:year>/<int:month>/", name="calendar")
    def calendar(self, request, year, month):
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            raise Http404("There is no such month.")
        start, end = month_bounds(year, month)
        events = EventPage.objects.visible().between(start, end).for_listing().order_by("starts_at")
        events = in_reading_language(attach_forums(events))
        month_calendar = MonthCalendar(
            year,
            month,
            events,
            today=local(timezone.now()).date(),
            event_months=page_cache.remember(
                "event-months", lambda: months_with_events(EventPage.objects.visible()), request
            ),
        )
        context = super().get_context(request)
        context.update(
            calendar=month_calendar,
            previous_url=month_calendar.previous and self.calendar_url(*month_calendar.previous),
            next_url=month_calendar.next and self.calendar_url(*month_calendar.next),
        )
        return TemplateResponse(request, "events/calendar_month.html", context)

    @path("feed/", name="rss")
    def rss(self, request):
        from events.feeds import EventsFeed  # the feed reads this module's models

        return EventsFeed()(request, index=self)


class EventPage(PublicTagsInAPI, HeroImageFields, BasePage):
    """One event: a conference, webinar, workshop, forum meeting or a National Productivity Week."""

    summary = models.CharField(max_length=255, help_text="One or two sentences: what it is and who it is for.")
    starts_at = models.DateTimeField("starts", help_text="In UK time.")
    ends_at = models.DateTimeField("ends", help_text="In UK time. For an all-day event, any time on its last day.")
    is_all_day = models.BooleanField(
        "all day", default=False, help_text="Show the days only, without times (e.g. a week-long campaign)."
    )
    event_type = models.CharField("type", max_length=20, choices=EventType.choices)
    event_format = models.CharField("format", max_length=20, choices=EventFormat.choices)
    venue_name = models.CharField(max_length=255, blank=True, help_text="e.g. “Cardiff University, Main Building”.")
    venue_address = models.TextField(blank=True, max_length=500, help_text="One line per part of the address.")
    online_url = models.URLField(
        "online joining link", blank=True, help_text="Where people join online, if the event is online or hybrid."
    )
    registration_url = models.URLField("registration URL", blank=True)
    registration_deadline = models.DateTimeField(
        blank=True, null=True, help_text="In UK time. Leave empty to take registrations until the event ends."
    )
    body = StreamField(BodyBlock(), blank=True)
    programme = StreamField(
        ProgrammeBlock(), blank=True, help_text="The sessions of an event with several, in the order they happen."
    )
    themes = ParentalManyToManyField(
        "research.ResearchThemePage", blank=True, related_name="events", verbose_name="research themes"
    )
    forums = ParentalManyToManyField(
        "forums.ForumPage",
        blank=True,
        related_name="events",
        verbose_name="other forums",
        help_text="An event under a forum already belongs to it: tick the others it involves.",
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    parent_page_types = ["events.EventIndexPage", "forums.ForumPage"]
    subpage_types = []
    # Drafts may leave it empty; publishing needs it (institute.content_checks.publishing).
    required_to_publish = ("starts_at",)
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("starts_at", widget=UKDateTimeInput), FieldPanel("ends_at", widget=UKDateTimeInput)]
                ),
                FieldPanel("is_all_day"),
            ],
            heading="When",
        ),
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("event_format")]),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("online_url")], heading="Where"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_url"), FieldPanel("registration_deadline", widget=UKDateTimeInput)]
                )
            ],
            heading="Registration",
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Image"),
        InlinePanel("speakers", heading="Speakers", label="Speaker"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                # Tagging an event onto another forum puts it on that forum's pages and feeds: staff decide.
                FieldPanel("forums", widget=forms.CheckboxSelectMultiple, permission=MANAGE_FORUMS),
            ],
            heading="Topics",
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
    ]
    base_form_class = EventPageForm
    # The summary is this page's card text, so the promote tab keeps only the card image.
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]
    # The open data API (institute.api); the forums and themes come from `for_api`. The online joining link
    # is left out: organisers may share it with registrants only.
    api_fields = [
        APIField("summary"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("is_all_day"),
        APIField("event_type"),
        APIField("event_format"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("registration_url"),
        APIField("forums", serializer=ReadOnlyField(source="api_forums")),
        APIField("themes", serializer=ReadOnlyField(source="api_themes")),
    ]

    # How search results name this kind of page, in the reader's language.
    search_kind = pgettext_lazy("kind of search result", "Event")

    class Meta:
        verbose_name = "event page"
        ordering = ["starts_at"]

    def clean(self):
        super().clean()
        if self.is_all_day and self.starts_at and self.ends_at:
            # All day means the whole of each UK day: from the first day's start to the last day's end,
            # whatever times the date pickers were left at.
            self.starts_at = datetime.datetime.combine(local(self.starts_at).date(), datetime.time.min, LONDON)
            self.ends_at = datetime.datetime.combine(local(self.ends_at).date(), END_OF_DAY, LONDON)
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = "The event must end after it starts."
        if self.registration_deadline and self.ends_at and self.registration_deadline > self.ends_at:
            errors["registration_deadline"] = "Registration must close before the event ends."
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = f"“{self.slug}” is part of the events calendar's address: choose another slug."
        if errors:
            raise ValidationError(errors)

    @cached_property
    def forum(self):
        """The forum this event is under, if any."""
        return ForumPage.objects.ancestor_of(self).first() if self.path else None

    @property
    def when_text(self):
        return describe_when(self.starts_at, self.ends_at, self.is_all_day)

    @property
    def start_iso(self):
        """For <time datetime>: the first day of an all-day event, else the start in UK time with its offset."""
        return self.days[0].isoformat() if self.is_all_day else local(self.starts_at).isoformat()

    @property
    def start_time_text(self):
        return "" if self.is_all_day else format_time(local(self.starts_at).time())

    @property
    def registration_deadline_text(self):
        if not self.registration_deadline:
            return ""
        deadline = local(self.registration_deadline)
        return f"{format_day(deadline.date())}, {format_time(deadline.time())}"

    @property
    def days(self):
        """The first and last UK day of the event."""
        return event_days(self.starts_at, self.ends_at)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_in_person(self):
        return self.event_format in {EventFormat.IN_PERSON, EventFormat.HYBRID}

    @property
    def is_online(self):
        return self.event_format in {EventFormat.ONLINE, EventFormat.HYBRID}

    @property
    def venue_lines(self):
        return [line.strip() for line in self.venue_address.splitlines() if line.strip()]

    @property
    def location_text(self):
        """Where, on one line: for calendars and the listing."""
        place = ", ".join([self.venue_name, *self.venue_lines] if self.venue_name else self.venue_lines)
        if self.event_format == EventFormat.ONLINE:
            return _("Online")
        if self.event_format == EventFormat.HYBRID:
            return (
                _("%(place)s and online") % {"place": place}
                if place
                else _("Online, and in person (venue to be confirmed)")
            )
        return place or _("Venue to be confirmed")

    @property
    def short_location(self):
        """Where, in a few words: for lists."""
        if self.event_format == EventFormat.ONLINE:
            return _("Online")
        venue = self.venue_name or (self.venue_lines[0] if self.venue_lines else _("Venue to be confirmed"))
        return _("%(place)s and online") % {"place": venue} if self.event_format == EventFormat.HYBRID else venue

    def registration_state(self, at=None):
        now = at or timezone.now()
        if self.ends_at < now:
            return RegistrationState.PAST
        if not self.registration_url:
            return RegistrationState.NOT_NEEDED
        if self.registration_deadline and self.registration_deadline < now:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    @cached_property
    def speaker_list(self):
        return list(
            self.speakers.select_related("person__organisation", "person__photo").prefetch_related(
                "person__photo__renditions"
            )
        )

    def all_forums(self):
        """The forum the event is under, then the others it is tagged with: the live ones."""
        tagged = list(chosen_pages(ForumPage, self.forums))
        parent = self.forum if self.forum and self.forum.live else None
        return ([parent] if parent else []) + [forum for forum in tagged if forum != parent]

    def programme_days(self):
        """The programme's sessions as (day, sessions) in time order; day is None for a one-day event."""
        first_day = self.days[0]
        sessions = sorted(
            (block.value for block in self.programme),
            key=lambda session: (session["day"] or first_day, session["start_time"] or datetime.time.min),
        )
        days = {}
        for session in sessions:
            days.setdefault(session["day"] or first_day, []).append(session)
        if len(days) == 1 and first_day in days and self.days[0] == self.days[1]:
            return [(None, days[first_day])]
        return sorted(days.items(), key=lambda item: item[0])

    def get_context(self, request, *args, **kwargs):
        from events.ical import google_calendar_url  # it formats this model's fields
        from events.structured_data import event_structured_data

        context = super().get_context(request, *args, **kwargs)
        context.update(
            speakers=self.speaker_list,
            event_forums=self.all_forums(),
            event_themes=list(chosen_pages(ResearchThemePage, self.themes)),
            registration=self.registration_state(),
            programme_days=self.programme_days(),
            google_calendar_url=google_calendar_url(self, request),
            structured_data=event_structured_data(self, request),
        )
        return context


class EventSpeaker(Orderable):
    """A speaker in the order the event page lists them, with what they do there."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey("institute.Person", on_delete=models.CASCADE, related_name="speaker_roles")
    role = models.CharField(max_length=80, blank=True, help_text="e.g. “Keynote speaker”, “Chair”, “Panellist”.")

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role")])]

    def __str__(self):
        return f"{self.person} ({self.role})" if self.role else str(self.person)


def next_event_by_forum(forums, at=None):
    """{forum pk: its next event} for the given forums, in one query."""
    forums = list(forums)
    if not forums:
        return {}
    tagged = EventPage.forums.through.objects.filter(forumpage__in=forums).values("eventpage")
    under = Q()
    for forum in forums:
        under |= Q(path__startswith=forum.path)
    events = (
        EventPage.objects.visible()
        .upcoming(at)
        .filter(under | Q(pk__in=tagged))
        .defer_streamfields()
        .annotate(tagged_forum=F("forums"))
    )
    next_events = {}
    for event in events:
        for forum in forums:
            if forum.pk not in next_events and (event.tagged_forum == forum.pk or event.path.startswith(forum.path)):
                next_events[forum.pk] = event
    return next_events
