"""Demo content: the events index, National Productivity Week 2023 with its programme, and about 25 more events.

National Productivity Week 2023 began on 27 November 2023, as the institute's announcement said; its sessions
and every other event here are invented, and each event page says so. The other events are placed from 18
months before to 12 months after the day the demo is loaded, so the site always has past and coming events.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from events.choices import EventFormat, EventType
from events.dates import LONDON, local
from events.models import EventIndexPage, EventPage, EventSpeaker
from forums.models import ForumPage
from institute.demo.helpers import demo_page, illustration_image
from institute.models import HomePage, Person
from research.models import ResearchThemePage

SATURDAY = 5
FORUM_SLUGS = [
    "scotland",
    "london-and-the-south",
    "yorkshire-humber-and-north-east",
    "midlands",
    "north-west",
    "wales",
    "northern-ireland",
    "east-anglia",
]


@dataclass(frozen=True)
class DemoEvent:
    title: str
    summary: str
    days_from_now: int
    start: str  # "HH:MM" UK time; "" for an all-day event
    minutes: int  # how long; for all-day events, how many days minus one
    event_type: str
    event_format: str
    forum: str = ""  # the forum page it is under; "" for the events index
    other_forums: tuple[str, ...] = ()
    speakers: tuple[tuple[str, str], ...] = ()  # (person slug, or "lead:<forum slug>"; role)
    venue: tuple[str, str] = ("", "")
    image: int = 0  # 0 for none, else one of IMAGES
    programme: tuple[tuple[str, str, str], ...] = ()  # (start, end, title)
    registration: bool = True
    deadline_days_before: int | None = None


IMAGES = {
    1: ("Events: conference hall", "Abstract illustration in blue and green of a conference hall"),
    2: ("Events: workshop", "Abstract illustration in blue and green of a workshop around a table"),
    3: ("Events: webinar", "Abstract illustration in blue and green of a video call"),
}

VENUES = {
    "glasgow": ("Adam Smith Business School", "University Avenue\nGlasgow\nG12 8QQ"),
    "cardiff": ("Cardiff University, Main Building", "Park Place\nCardiff\nCF10 3AT"),
    "manchester": ("Alliance Manchester Business School", "Booth Street West\nManchester\nM15 6PB"),
    "sheffield": ("The Diamond, University of Sheffield", "32 Leavygreave Road\nSheffield\nS3 7RD"),
    "warwick": ("Warwick Business School", "Scarman Road\nCoventry\nCV4 7AL"),
    "belfast": ("Riddel Hall, Queen's University Belfast", "185 Stranmillis Road\nBelfast\nBT9 5EE"),
    "cambridge": ("Judge Business School", "Trumpington Street\nCambridge\nCB2 1AG"),
    "london": ("Bush House, King's College London", "30 Aldwych\nLondon\nWC2B 4BG"),
}


def venue(key):
    return VENUES[key]


EVENTS = [
    DemoEvent(
        "Regional productivity: what the data say",
        "A conference on the measurement of regional productivity, with the institute's latest figures.",
        -530,
        "09:30",
        420,
        EventType.CONFERENCE,
        EventFormat.IN_PERSON,
        other_forums=("north-west", "midlands"),
        speakers=(("helen-marwick", "Keynote speaker"), ("tomasz-nowak", "Chair")),
        venue=venue("manchester"),
        image=1,
        programme=(
            ("09:30", "10:00", "Welcome and introduction"),
            ("10:00", "11:00", "Keynote: the UK's regional gap"),
            ("11:30", "13:00", "Panel: measuring output in services"),
            ("14:00", "16:30", "Workshops"),
        ),
    ),
    DemoEvent(
        "Scotland forum meeting: digital adoption in small firms",
        "The Scotland forum's quarterly meeting, on why small firms are slow to adopt digital tools.",
        -490,
        "14:00",
        150,
        EventType.FORUM_MEETING,
        EventFormat.HYBRID,
        forum="scotland",
        speakers=(("lead:scotland", "Forum lead"),),
        venue=venue("glasgow"),
    ),
    DemoEvent(
        "Webinar: skills, training and the labour market",
        "An hour on what firms' training budgets tell us about productivity, with questions from the audience.",
        -450,
        "12:30",
        60,
        EventType.WEBINAR,
        EventFormat.ONLINE,
        other_forums=("northern-ireland",),
        speakers=(("mairead-kelly", "Speaker"),),
        image=3,
    ),
    DemoEvent(
        "Management practices workshop for SME leaders",
        "A hands-on workshop on the management practices that raise productivity in small firms.",
        -410,
        "10:00",
        240,
        EventType.WORKSHOP,
        EventFormat.IN_PERSON,
        forum="wales",
        speakers=(("gareth-price", "Workshop lead"), ("lead:wales", "Host")),
        venue=venue("cardiff"),
        image=2,
    ),
    DemoEvent(
        "Midlands forum meeting: automotive supply chains",
        "Members discuss the productivity of automotive supply chains through the move to electric vehicles.",
        -370,
        "15:00",
        120,
        EventType.FORUM_MEETING,
        EventFormat.IN_PERSON,
        forum="midlands",
        speakers=(("lead:midlands", "Forum lead"),),
        venue=venue("warwick"),
    ),
    DemoEvent(
        "Webinar: investment and finance for growing firms",
        "How access to finance shapes investment in small and medium-sized firms.",
        -330,
        "11:00",
        75,
        EventType.WEBINAR,
        EventFormat.ONLINE,
        speakers=(("tomasz-nowak", "Speaker"), ("euan-campbell", "Host")),
        image=3,
    ),
    DemoEvent(
        "North West forum meeting: city regions and transport",
        "The forum looks at how transport connections shape productivity across the North West.",
        -290,
        "13:30",
        150,
        EventType.FORUM_MEETING,
        EventFormat.HYBRID,
        forum="north-west",
        speakers=(("lead:north-west", "Forum lead"),),
        venue=venue("manchester"),
    ),
    DemoEvent(
        "Public services productivity: a research symposium",
        "Two days of papers and discussion on measuring and improving productivity in public services.",
        -250,
        "",
        1,
        EventType.CONFERENCE,
        EventFormat.IN_PERSON,
        other_forums=("london-and-the-south",),
        speakers=(("helen-marwick", "Opening address"), ("lead:london-and-the-south", "Chair")),
        venue=venue("london"),
        image=1,
    ),
    DemoEvent(
        "East Anglia forum meeting: beyond the science cluster",
        "How the productivity of Cambridge's science businesses can spread to the wider region.",
        -215,
        "10:00",
        120,
        EventType.FORUM_MEETING,
        EventFormat.IN_PERSON,
        forum="east-anglia",
        speakers=(("lead:east-anglia", "Forum lead"),),
        venue=venue("cambridge"),
    ),
    DemoEvent(
        "Northern Ireland forum meeting: cross-border trade",
        "Members discuss trade across the border and what it means for Northern Ireland's firms.",
        -180,
        "14:00",
        120,
        EventType.FORUM_MEETING,
        EventFormat.HYBRID,
        forum="northern-ireland",
        speakers=(("lead:northern-ireland", "Forum lead"), ("mairead-kelly", "Speaker")),
        venue=venue("belfast"),
    ),
    DemoEvent(
        "Workshop: using productivity data in local growth plans",
        "For council and combined authority officers: finding and using regional productivity data.",
        -145,
        "09:30",
        300,
        EventType.WORKSHOP,
        EventFormat.IN_PERSON,
        forum="yorkshire-humber-and-north-east",
        speakers=(("lead:yorkshire-humber-and-north-east", "Workshop lead"),),
        venue=venue("sheffield"),
        image=2,
    ),
    DemoEvent(
        "Webinar: technology diffusion beyond frontier firms",
        "Why new technology spreads slowly from the most productive firms to the rest, and what helps.",
        -110,
        "12:30",
        60,
        EventType.WEBINAR,
        EventFormat.ONLINE,
        other_forums=("midlands", "east-anglia"),
        speakers=(("tomasz-nowak", "Speaker"),),
        image=3,
    ),
    DemoEvent(
        "Wales forum meeting: the foundational economy",
        "The forum meets, in Welsh and English, on productivity in care, food and other everyday services.",
        -75,
        "10:00",
        150,
        EventType.FORUM_MEETING,
        EventFormat.HYBRID,
        forum="wales",
        speakers=(("lead:wales", "Forum lead"), ("gareth-price", "Speaker")),
        venue=venue("cardiff"),
    ),
    DemoEvent(
        "Partners' day: research into practice",
        "The institute's academic partners and forum members share what has worked this year.",
        -40,
        "",
        0,
        EventType.OTHER,
        EventFormat.IN_PERSON,
        other_forums=("scotland", "wales", "northern-ireland"),
        speakers=(("helen-marwick", "Host"), ("euan-campbell", "Organiser")),
        venue=venue("london"),
        image=1,
    ),
    DemoEvent(
        "London and the South forum meeting: professional services",
        "Management practices and productivity in the capital's professional services firms.",
        -12,
        "16:00",
        120,
        EventType.FORUM_MEETING,
        EventFormat.IN_PERSON,
        forum="london-and-the-south",
        speakers=(("lead:london-and-the-south", "Forum lead"),),
        venue=venue("london"),
    ),
    DemoEvent(
        "Productivity Week planning call for partners",
        "Partners plan the events of the next National Productivity Week together.",
        -2,
        "11:00",
        60,
        EventType.PRODUCTIVITY_WEEK,
        EventFormat.ONLINE,
        other_forums=tuple(FORUM_SLUGS),
        speakers=(("aisha-rahman", "Host"),),
        registration=False,
    ),
    DemoEvent(
        "Summer school on productivity research",
        "Five days of lectures and workshops for doctoral researchers working on productivity.",
        -1,
        "",
        4,
        EventType.WORKSHOP,
        EventFormat.IN_PERSON,
        speakers=(("helen-marwick", "Lecturer"), ("tomasz-nowak", "Lecturer"), ("mairead-kelly", "Lecturer")),
        venue=venue("cambridge"),
        image=2,
        deadline_days_before=30,
    ),
    DemoEvent(
        "Scotland forum meeting: skills for the energy transition",
        "What the move to clean energy asks of Scotland's workforce and training.",
        6,
        "14:00",
        150,
        EventType.FORUM_MEETING,
        EventFormat.HYBRID,
        forum="scotland",
        speakers=(("lead:scotland", "Forum lead"),),
        venue=venue("glasgow"),
    ),
    DemoEvent(
        "Webinar: organisational capital and management",
        "What organisational capital is, how to measure it, and why it matters for productivity.",
        13,
        "12:30",
        60,
        EventType.WEBINAR,
        EventFormat.ONLINE,
        speakers=(("tomasz-nowak", "Speaker"), ("aisha-rahman", "Host")),
        image=3,
    ),
    DemoEvent(
        "Yorkshire, Humber and North East forum meeting: ports and logistics",
        "Members discuss the productivity of the region's ports, freight and logistics.",
        27,
        "10:00",
        150,
        EventType.FORUM_MEETING,
        EventFormat.IN_PERSON,
        forum="yorkshire-humber-and-north-east",
        speakers=(("lead:yorkshire-humber-and-north-east", "Forum lead"),),
        venue=venue("sheffield"),
    ),
    DemoEvent(
        "Annual productivity conference",
        "The institute's annual conference: new research, the regional picture and what policy should do next.",
        45,
        "09:00",
        480,
        EventType.CONFERENCE,
        EventFormat.HYBRID,
        other_forums=tuple(FORUM_SLUGS),
        speakers=(
            ("helen-marwick", "Keynote speaker"),
            ("tomasz-nowak", "Chair"),
            ("mairead-kelly", "Panellist"),
            ("gareth-price", "Panellist"),
        ),
        venue=venue("manchester"),
        image=1,
        deadline_days_before=7,
        programme=(
            ("09:00", "09:30", "Registration and coffee"),
            ("09:30", "10:30", "Keynote: productivity and places"),
            ("11:00", "12:30", "Panel: firms, skills and management"),
            ("13:30", "15:00", "Parallel sessions"),
            ("15:30", "17:00", "Closing panel: what policy should do next"),
        ),
    ),
    DemoEvent(
        "Midlands workshop: adopting automation in small manufacturers",
        "Practical sessions for small manufacturers thinking about automation.",
        70,
        "09:30",
        330,
        EventType.WORKSHOP,
        EventFormat.IN_PERSON,
        forum="midlands",
        speakers=(("lead:midlands", "Workshop lead"),),
        venue=venue("warwick"),
        image=2,
    ),
    DemoEvent(
        "Webinar: productivity in Northern Ireland's agri-food sector",
        "Researchers and businesses on productivity in farming and food processing.",
        110,
        "12:00",
        75,
        EventType.WEBINAR,
        EventFormat.ONLINE,
        forum="northern-ireland",
        speakers=(("lead:northern-ireland", "Speaker"),),
        image=3,
    ),
    DemoEvent(
        "North West forum meeting: health technology",
        "How the region's health technology firms can grow, and what holds them back.",
        160,
        "14:00",
        120,
        EventType.FORUM_MEETING,
        EventFormat.HYBRID,
        forum="north-west",
        speakers=(("lead:north-west", "Forum lead"),),
        venue=venue("manchester"),
    ),
    DemoEvent(
        "East Anglia workshop: farms, ports and towns",
        "A workshop on productivity across East Anglia's farms, ports and market towns.",
        220,
        "10:00",
        240,
        EventType.WORKSHOP,
        EventFormat.IN_PERSON,
        forum="east-anglia",
        speakers=(("lead:east-anglia", "Workshop lead"),),
        venue=venue("cambridge"),
        image=2,
    ),
    DemoEvent(
        "Geography and place: a research conference",
        "Two days of research on why productivity differs between the UK's places.",
        300,
        "",
        1,
        EventType.CONFERENCE,
        EventFormat.IN_PERSON,
        other_forums=("wales", "scotland"),
        speakers=(("helen-marwick", "Keynote speaker"), ("gareth-price", "Speaker")),
        venue=venue("cardiff"),
        image=1,
    ),
    DemoEvent(
        "London and the South webinar: public sector productivity",
        "Measuring and raising productivity in the public sector of London and the South.",
        350,
        "12:30",
        60,
        EventType.WEBINAR,
        EventFormat.ONLINE,
        forum="london-and-the-south",
        speakers=(("lead:london-and-the-south", "Speaker"),),
        image=3,
    ),
]

NPW_2023_SESSIONS = [
    # (day in November/December 2023, start, end, title, forum slug or "", description)
    (
        (11, 27),
        "09:30",
        "10:30",
        "Launch: what productivity means for places",
        "",
        "The institute opens the week with the regional picture and what the forums will look at.",
    ),
    (
        (11, 27),
        "14:00",
        "15:30",
        "Scotland: digital tools in small firms",
        "scotland",
        "Business owners on what helped them adopt digital tools, and what did not.",
    ),
    (
        (11, 28),
        "08:00",
        "09:30",
        "Wales breakfast briefing (bilingual)",
        "wales",
        "A breakfast briefing in Welsh and English in Cardiff, with simultaneous translation.",
    ),
    (
        (11, 28),
        "12:30",
        "13:30",
        "Northern Ireland: skills and cross-border trade",
        "northern-ireland",
        "An online session on skills shortages and trade across the border.",
    ),
    (
        (11, 29),
        "10:00",
        "12:00",
        "Midlands: automotive supply chains roundtable",
        "midlands",
        "Suppliers and manufacturers on the productivity of the move to electric vehicles.",
    ),
    (
        (11, 29),
        "16:00",
        "17:30",
        "North West: transport and city regions",
        "north-west",
        "How better connections between the region's cities could raise productivity.",
    ),
    (
        (11, 30),
        "09:30",
        "11:00",
        "Yorkshire, Humber and North East: ports and logistics",
        "yorkshire-humber-and-north-east",
        "The productivity of the region's ports, and of the logistics firms around them.",
    ),
    (
        (11, 30),
        "14:00",
        "15:30",
        "East Anglia: spreading the science cluster",
        "east-anglia",
        "How the region's science businesses can lift productivity in its towns and farms.",
    ),
    (
        (12, 1),
        "10:00",
        "12:00",
        "London and the South: management in professional services",
        "london-and-the-south",
        "Management practices in the capital's professional services firms.",
    ),
    (
        (12, 1),
        "15:00",
        "16:00",
        "Closing panel: what we heard this week",
        "",
        "Forum leads and the institute's director on what the week's events found.",
    ),
]


@dataclass
class Context:
    now: datetime.datetime
    people: dict = field(default_factory=dict)
    forums: dict = field(default_factory=dict)
    themes: list = field(default_factory=list)
    images: dict = field(default_factory=dict)


def load(log):
    home = HomePage.objects.first()
    if home is None:
        log("Events: no home page, so no events.")
        return
    index = demo_page(
        home,
        EventIndexPage(
            title="Events",
            slug="events",
            show_in_menus=True,
            intro="Conferences, webinars, workshops and forum meetings across the UK, and National Productivity "
            "Week. Add any of them to your calendar, or subscribe to a calendar of them all.",
        ),
    )
    if index is None:
        log("Events: the events index was deleted, so no events.")
        return
    context = Context(
        now=timezone.now(),
        people={person.slug: person for person in Person.objects.all()},
        forums={
            forum.slug: forum
            for forum in ForumPage.objects.originals().select_related("lead").filter(slug__in=FORUM_SLUGS)
        },
        themes=list(ResearchThemePage.objects.live().order_by("title")),
    )
    context.images = {
        number: illustration_image(title, description=description) for number, (title, description) in IMAGES.items()
    }
    made = [_npw_2023(index, context), _wales_breakfast_2023(context)]
    made += [_event(index, event, position, context) for position, event in enumerate(EVENTS)]
    log(f"Events: the events index and {sum(1 for page in made if page)} events.")


def _person(key, context):
    if key.startswith("lead:"):
        forum = context.forums.get(key.removeprefix("lead:"))
        return forum.lead if forum else None
    return context.people.get(key)


def _speakers(pairs, context):
    people = [(_person(key, context), role) for key, role in pairs]
    return [
        EventSpeaker(person=person, role=role, sort_order=position)
        for position, (person, role) in enumerate((person, role) for person, role in people if person)
    ]


def _at(day, hhmm):
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)


def _event(index, event, position, context):
    first_day = local(context.now).date() + datetime.timedelta(days=event.days_from_now)
    while first_day.weekday() >= SATURDAY:  # the institute's events fall on working days
        first_day += datetime.timedelta(days=1)
    if event.start:
        starts_at = _at(first_day, event.start)
        ends_at = starts_at + datetime.timedelta(minutes=event.minutes)
    else:
        starts_at = _at(first_day, "09:00")
        ends_at = _at(first_day + datetime.timedelta(days=event.minutes), "17:00")
    parent = context.forums.get(event.forum) if event.forum else index
    if parent is None:
        return None
    theme = context.themes[position % len(context.themes)] if context.themes else None
    venue_name, venue_address = event.venue if event.event_format != EventFormat.ONLINE else ("", "")
    slug = _slug(event.title)
    page = EventPage(
        title=event.title,
        slug=slug,
        summary=event.summary,
        starts_at=starts_at,
        ends_at=ends_at,
        is_all_day=not event.start,
        event_type=event.event_type,
        event_format=event.event_format,
        venue_name=venue_name,
        venue_address=venue_address,
        online_url=f"https://meet.productivity.example/{slug}" if event.event_format != EventFormat.IN_PERSON else "",
        registration_url=f"https://tickets.productivity.example/{slug}" if event.registration else "",
        registration_deadline=(
            starts_at - datetime.timedelta(days=event.deadline_days_before)
            if event.deadline_days_before is not None
            else None
        ),
        hero_image=context.images.get(event.image),
        hero_image_alt="",
        # The summary is the page's standfirst already: the body adds to it, never repeats it.
        body=[],
        programme=[
            (
                "session",
                {"start_time": _at(first_day, start).time(), "end_time": _at(first_day, end).time(), "title": title},
            )
            for start, end, title in event.programme
        ],
        speakers=_speakers(event.speakers, context),
        themes=[theme] if theme else [],
        forums=[context.forums[slug] for slug in event.other_forums if slug in context.forums],
    )
    return demo_page(parent, page)


def _slug(title):
    return slugify(title)[:80]


def _npw_2023(index, context):
    sessions = []
    speakers = [("helen-marwick", "Opening address"), ("aisha-rahman", "Campaign lead")]
    for (month, day), start, end, title, forum_slug, description in NPW_2023_SESSIONS:
        lead = _person(f"lead:{forum_slug}", context) if forum_slug else context.people.get("helen-marwick")
        session_day = datetime.date(2023, month, day)
        sessions.append(
            (
                "session",
                {
                    "day": session_day,
                    "start_time": _at(session_day, start).time(),
                    "end_time": _at(session_day, end).time(),
                    "title": title,
                    "speakers": [lead] if lead else [],
                    "description": description,
                },
            )
        )
        if forum_slug in context.forums:
            speakers.append((f"lead:{forum_slug}", f"{context.forums[forum_slug].region} session"))
    page = EventPage(
        title="National Productivity Week 2023",
        slug="national-productivity-week-2023",
        summary="A week-long campaign of events across the UK's regional productivity forums, with partner "
        "organisations, from 27 November 2023.",
        starts_at=_at(datetime.date(2023, 11, 27), "09:00"),
        ends_at=_at(datetime.date(2023, 12, 1), "17:00"),
        is_all_day=True,
        event_type=EventType.PRODUCTIVITY_WEEK,
        event_format=EventFormat.HYBRID,
        venue_name="Across the UK",
        venue_address="",
        online_url="https://meet.productivity.example/national-productivity-week-2023",
        hero_image=context.images.get(1),
        hero_image_alt="",
        body=[
            (
                "rich_text",
                "<p>National Productivity Week brings together the institute, its eight regional productivity "
                "forums and partner organisations for a week of events on what productivity means for business, "
                "for people and for places. Each forum runs its own sessions.</p>",
            )
        ],
        programme=sessions,
        speakers=_speakers(speakers, context),
        themes=context.themes[:2],
        forums=list(context.forums.values()),
    )
    return demo_page(index, page)


def _wales_breakfast_2023(context):
    wales = context.forums.get("wales")
    if wales is None:
        return None
    day = datetime.date(2023, 11, 28)
    page = EventPage(
        title="Wales breakfast briefing: National Productivity Week 2023",
        slug="wales-breakfast-briefing-2023",
        summary="A bilingual breakfast briefing, in Welsh and English, on productivity in the foundational "
        "economy, during National Productivity Week.",
        starts_at=_at(day, "08:00"),
        ends_at=_at(day, "09:30"),
        event_type=EventType.PRODUCTIVITY_WEEK,
        event_format=EventFormat.IN_PERSON,
        venue_name=VENUES["cardiff"][0],
        venue_address=VENUES["cardiff"][1],
        registration_url="https://tickets.productivity.example/wales-breakfast-briefing-2023",
        body=[
            (
                "rich_text",
                "<p>The Wales Productivity Forum's breakfast briefing, held in Welsh and English with simultaneous "
                "translation. Breakfast is served from 7:45am.</p>",
            )
        ],
        speakers=_speakers([("lead:wales", "Host"), ("gareth-price", "Speaker")], context),
        themes=context.themes[:1],
    )
    return demo_page(wales, page)
