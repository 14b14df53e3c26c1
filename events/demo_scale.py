"""Generated events for `load_demo_content --scale N`: as many more as the demo has, N - 1 times over.

Each is invented and says so. As in the demo, they fall on working days from 18 months before the day they are
generated to 12 months after, under the events index and under each forum in turn, with the site's people as
speakers and the demo's three event images.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from events import demo
from events.choices import EventFormat, EventType
from events.dates import LONDON, local
from events.models import EventIndexPage, EventPage, EventSpeaker
from forums.models import ForumPage
from institute.demo.helpers import (
    add_live_page,
    demo_volume,
    generator,
    illustration_image,
    indexed_at_the_end,
    mid_sentence,
    numbers_to_generate,
    record_generated,
)
from institute.models import Person
from research.demo_scale import OTHER_PLACES, in_region, theme_topic
from research.models import ResearchThemePage

FIRST_DAY, LAST_DAY = -540, 365  # counted from the day they are generated
INDEX_EVENT_TYPES = (EventType.CONFERENCE, EventType.WEBINAR, EventType.WEBINAR, EventType.WORKSHOP, EventType.OTHER)
FORUM_EVENT_TYPES = (EventType.FORUM_MEETING, EventType.FORUM_MEETING, EventType.WORKSHOP, EventType.WEBINAR)
FORUM_VENUES = {
    "scotland": "glasgow",
    "london-and-the-south": "london",
    "yorkshire-humber-and-north-east": "sheffield",
    "midlands": "warwick",
    "north-west": "manchester",
    "wales": "cardiff",
    "northern-ireland": "belfast",
    "east-anglia": "cambridge",
}
CONFERENCE_PROGRAMME = (
    ("09:00", "09:30", "Registration and coffee"),
    ("09:30", "10:30", "Keynote"),
    ("11:00", "12:30", "Panel: what the research finds"),
    ("13:30", "15:00", "Parallel sessions"),
    ("15:30", "16:30", "Closing panel: what firms and policy can do"),
)


@dataclass(frozen=True)
class Kind:
    title: str  # with {topic} and {place}
    formats: tuple[str, ...]
    starts: tuple[str, ...]  # "HH:MM" UK time
    minutes: tuple[int, ...]
    image: int  # one of the demo's IMAGES, or 0 for none
    roles: tuple[str, ...]  # the speakers', in order


KINDS = {
    EventType.CONFERENCE: Kind(
        "{Topic} {place}: a research conference",
        (EventFormat.IN_PERSON, EventFormat.HYBRID),
        ("09:00",),
        (450,),
        1,
        ("Keynote speaker", "Chair", "Panellist", "Panellist"),
    ),
    EventType.WEBINAR: Kind(
        "Webinar: {topic} {place}", (EventFormat.ONLINE,), ("11:00", "12:30", "16:00"), (60, 75), 3, ("Speaker", "Host")
    ),
    EventType.WORKSHOP: Kind(
        "Workshop: {topic} {place}",
        (EventFormat.IN_PERSON,),
        ("09:30", "10:00", "13:30"),
        (180, 240),
        2,
        ("Workshop lead", "Facilitator"),
    ),
    EventType.FORUM_MEETING: Kind(
        "Forum meeting: {topic} {place}",
        (EventFormat.HYBRID, EventFormat.IN_PERSON),
        ("10:00", "14:00", "15:00"),
        (120, 150),
        0,
        ("Forum lead", "Speaker", "Speaker"),
    ),
    EventType.OTHER: Kind(
        "Roundtable: {topic} {place}",
        (EventFormat.IN_PERSON, EventFormat.HYBRID),
        ("10:00", "14:00"),
        (120, 180),
        1,
        ("Host", "Speaker", "Speaker"),
    ),
}


@dataclass(frozen=True)
class Shared:
    """What every generated event draws on, fetched once."""

    today: datetime.date
    index: EventIndexPage
    forums: list
    themes: list
    people: list
    images: dict

    @property
    def parents(self):
        return [self.index, *self.forums]


def generate(scale, log):
    index = EventIndexPage.objects.first()
    people = list(Person.objects.order_by("pk"))
    themes = list(ResearchThemePage.objects.live().order_by("title"))
    if index is None or not themes or not people:
        log("Events: no events index, live theme or person, so no generated events.")
        return
    shared = Shared(
        today=local(timezone.now()).date(),
        index=index,
        forums=list(ForumPage.objects.originals().live().select_related("lead").order_by("title")),
        themes=themes,
        people=people,
        # The demo's images, made by its loader just before: none is drawn here.
        images={
            number: illustration_image(title, description=description)
            for number, (title, description) in demo.IMAGES.items()
        },
    )
    numbers = numbers_to_generate("event", (scale - 1) * demo_volume(EventPage))
    with indexed_at_the_end(EventPage):
        made = {number: _event(number, shared) for number in numbers}
    record_generated("event", made)
    log(f"Events: generated {len(made)} events ({EventPage.objects.count()} in all).")


def _event(number, shared):
    choose = generator("event", number)
    # Parents and themes take turns, so that any few dozen events cover every forum and theme.
    parents = shared.parents
    parent = parents[number % len(parents)]
    theme = shared.themes[number % len(shared.themes)]
    forum = parent if isinstance(parent, ForumPage) else None
    event_type = choose.choice(FORUM_EVENT_TYPES if forum else INDEX_EVENT_TYPES)
    kind = KINDS[event_type]
    topic, _ = theme_topic(theme, choose)
    place = in_region(forum.region) if forum else choose.choice(OTHER_PLACES)
    title = kind.title.format(Topic=topic, topic=mid_sentence(topic), place=place)
    slug = f"{slugify(title)[:70].strip('-')}-{number}"
    event_format = choose.choice(kind.formats)
    day = _working_day(shared.today + datetime.timedelta(days=choose.randint(FIRST_DAY, LAST_DAY)))
    is_all_day = event_type == EventType.CONFERENCE and number % 3 == 0
    if is_all_day:
        starts_at = _at(day, "09:00")
        ends_at = _at(_working_day(day + datetime.timedelta(days=1)), "17:00")
    else:
        starts_at = _at(day, choose.choice(kind.starts))
        ends_at = starts_at + datetime.timedelta(minutes=choose.choice(kind.minutes))
    venue_key = FORUM_VENUES.get(forum.slug) if forum else None
    venue_name, venue_address = (
        demo.VENUES[venue_key or choose.choice(sorted(demo.VENUES))] if event_format != EventFormat.ONLINE else ("", "")
    )
    summary = (
        f"{EventType(event_type).label} on {mid_sentence(topic)} {place}: new research, examples from firms and "
        "time for questions."
    )
    # Some forum meetings are for members only, with nothing to register for.
    has_registration = not (event_type == EventType.FORUM_MEETING and number % 3 == 0)
    page = EventPage(
        title=title,
        slug=slug,
        summary=summary,
        starts_at=starts_at,
        ends_at=ends_at,
        is_all_day=is_all_day,
        event_type=event_type,
        event_format=event_format,
        venue_name=venue_name,
        venue_address=venue_address,
        online_url=f"https://meet.productivity.example/{slug}" if event_format != EventFormat.IN_PERSON else "",
        registration_url=f"https://tickets.productivity.example/{slug}" if has_registration else "",
        registration_deadline=starts_at - datetime.timedelta(days=7) if has_registration and number % 4 == 0 else None,
        hero_image=shared.images.get(kind.image),
        hero_image_alt="",
        body=[],  # the summary is the standfirst; a body would only repeat it
        programme=_programme() if event_type == EventType.CONFERENCE and not is_all_day else [],
        speakers=_speakers(kind, forum, shared.people, choose),
        themes=[theme],
        forums=[] if forum else choose.sample(shared.forums, min(number % 3, len(shared.forums))),
    )
    return add_live_page(parent, page)


def _working_day(day):
    """The day, or the Monday after it: the institute's events fall on working days."""
    while day.weekday() >= demo.SATURDAY:
        day += datetime.timedelta(days=1)
    return day


def _at(day, hhmm):
    return datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm), tzinfo=LONDON)


def _programme():
    return [
        (
            "session",
            {
                "start_time": datetime.time.fromisoformat(start),
                "end_time": datetime.time.fromisoformat(end),
                "title": title,
            },
        )
        for start, end, title in CONFERENCE_PROGRAMME
    ]


def _speakers(kind, forum, people, choose):
    """The forum's lead first for a forum's events, as in the demo, then people of the site."""
    count = choose.randint(1, len(kind.roles))
    lead = [forum.lead] if forum and forum.lead else []
    others = [person for person in choose.sample(people, min(count, len(people))) if person not in lead]
    return [
        EventSpeaker(person=person, role=role, sort_order=position)
        for position, (person, role) in enumerate(zip((lead + others)[:count], kind.roles, strict=False))
    ]
