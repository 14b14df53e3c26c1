"""Generated publications for `load_demo_content --scale N`: as many more as the demo has, N - 1 times over.

Each is invented and says so. They are spread over every live theme and forum, over the six types and over the
years since the demo's first publication; their authors are the site's people, generated ones among them.
No PDF is drawn for them.
"""

import datetime

from django.utils.text import slugify

from taggit.models import Tag

from forums.models import ForumPage
from institute.demo.helpers import (
    add_live_page,
    demo_volume,
    generator,
    indexed_at_the_end,
    mid_sentence,
    numbers_to_generate,
    record_generated,
)
from institute.models import Person
from research import demo
from research.choices import PublicationType
from research.models import PublicationAuthor, PublicationIndexPage, PublicationPage, ResearchThemePage

# Topics by theme slug: (how a title names it, keywords from the demo's shared ones).
TOPICS = {
    "skills-and-the-labour-market": (
        ("Skills shortages", ("skills", "labour market")),
        ("Apprenticeships and training", ("skills", "SMEs")),
        ("Skills mismatch", ("skills", "labour market", "regional inequality")),
    ),
    "technology-innovation-and-diffusion": (
        ("Digital adoption", ("digital adoption", "SMEs")),
        ("AI in the workplace", ("AI", "innovation")),
        ("The diffusion of innovation", ("innovation", "digital adoption")),
    ),
    "investment-and-finance": (
        ("Business investment", ("investment",)),
        ("Access to finance", ("finance", "SMEs")),
        ("Green investment", ("net zero", "investment")),
    ),
    "organisational-capital-and-management": (
        ("Management practices", ("management practices", "SMEs")),
        ("Organisational capital", ("management practices", "intangibles")),
        ("Firm growth and exit", ("SMEs",)),
    ),
    "geography-and-place": (
        ("Regional productivity gaps", ("regional inequality",)),
        ("Transport and agglomeration", ("regional inequality", "investment")),
        ("Towns, cities and productivity", ("regional inequality",)),
    ),
    "institutions-and-governance": (
        ("Devolution and local growth", ("devolution",)),
        ("Industrial strategy", ("devolution", "investment")),
        ("Local institutions", ("devolution", "public sector")),
    ),
    "measurement-and-data": (
        ("Measuring services output", ("measurement",)),
        ("Intangible assets", ("intangibles", "measurement")),
        ("Hours worked and output", ("measurement", "labour market")),
    ),
    "public-services-productivity": (
        ("NHS productivity", ("public sector",)),
        ("Schools and productivity", ("public sector", "skills")),
        ("Digital public services", ("public sector", "digital adoption")),
    ),
}
# Five, so that with eight forums and eight themes every theme meets every place.
OTHER_PLACES = ("across the UK", "in small firms", "in manufacturing", "in services", "in rural areas")
TITLES = {
    PublicationType.WORKING_PAPER: "{topic} {place}: evidence from firm-level data",
    PublicationType.POLICY_BRIEF: "{topic} {place}: what policy can do",
    PublicationType.REPORT: "{topic} {place}: a review of the evidence",
    PublicationType.JOURNAL_ARTICLE: "{topic} and productivity {place}",
    PublicationType.INSIGHTS_PAPER: "{topic} {place} in six charts",
    PublicationType.DATA_SET: "{topic} {place}: indicators and documentation",
}
EVIDENCE = (
    "a survey of firms",
    "administrative data",
    "interviews with business leaders",
    "linked employer and employee data",
    "a review of the research",
)
FINDINGS = (
    "where the gaps are largest and what could narrow them",
    "three lessons for policy",
    "how firms have responded so far",
    "which explanations the evidence supports",
)
EXTERNAL_AUTHORS = (demo.MARIA_FERREIRA, demo.KENJI_WATANABE, demo.SOPHIE_LAURENT, demo.DAVID_OSEI)
REGIONS_NAMED_WITH_THE = {"Midlands", "North West"}
AUTHOR_COUNTS = (1, 2, 2, 3, 3, 4)
JOURNALS = sorted({publication.journal for publication in demo.PUBLICATIONS if publication.journal})


def generate(scale, log):
    index = PublicationIndexPage.objects.first()
    themes = list(ResearchThemePage.objects.live().order_by("title"))
    people = list(Person.objects.order_by("pk"))
    if index is None or not themes or not people:
        log("Research: no publications index, live theme or person, so no generated publications.")
        return
    places = [(in_region(forum.region), forum) for forum in ForumPage.objects.originals().live().order_by("title")]
    places += [(place, None) for place in OTHER_PLACES]
    keywords = {tag.name: tag for tag in Tag.objects.filter(name__in=demo.KEYWORDS)}
    numbers = numbers_to_generate("publication", (scale - 1) * demo_volume(PublicationPage))
    with indexed_at_the_end(PublicationPage):
        made = {number: _publication(index, number, themes, places, people, keywords) for number in numbers}
    record_generated("publication", made)
    log(f"Research: generated {len(made)} publications ({PublicationPage.objects.count()} in all).")


def _publication(index, number, themes, places, people, keywords):
    choose = generator("publication", number)
    # Themes and places take turns, so that any few dozen publications cover every theme and forum.
    theme = themes[number % len(themes)]
    place, forum = places[number % len(places)]
    topic, topic_keywords = theme_topic(theme, choose)
    publication_type = choose.choice(PublicationType.values)
    title = TITLES[publication_type].format(topic=topic, place=place)
    slug = f"{slugify(title)[:70].strip('-')}-{number}"
    span = datetime.date.today() - demo.NEWEST_PUBLICATION_AGE - demo.FIRST_PUBLICATION_DAY
    date = demo.FIRST_PUBLICATION_DAY + datetime.timedelta(days=choose.randint(0, span.days))
    folder = demo.EXTERNAL_URL_FOLDERS.get(publication_type)
    other_themes = [other for other in themes if other != theme]
    other_forums = [other for _, other in places if other and other != forum]
    page = PublicationPage(
        title=title,
        slug=slug,
        publication_type=publication_type,
        publication_date=date,
        abstract=_abstract(topic, place, publication_type, choose),
        journal=choose.choice(JOURNALS) if publication_type == PublicationType.JOURNAL_ARTICLE else "",
        report_number=_report_number(publication_type, number),
        doi=f"{demo.DEMO_DOI_PREFIX}.{date.year}.g{number}" if folder else "",
        external_url=f"https://example.org/{folder}/{slug}" if folder else "",
        themes=[theme, *choose.sample(other_themes, min(number % 2, len(other_themes)))],
        forums=[forum] if forum else choose.sample(other_forums, min(number % 3, len(other_forums))),
        authors=_authors(people, choose),
    )
    page.keywords.add(*[keywords[name] for name in topic_keywords if name in keywords])
    return add_live_page(index, page)


def in_region(region):
    """“in Wales”, “in the Midlands”."""
    return f"in the {region}" if region in REGIONS_NAMED_WITH_THE else f"in {region}"


def theme_topic(theme, choose):
    """A topic of the theme's, with its keywords; for a theme the demo did not make, its own title."""
    return choose.choice(TOPICS.get(theme.slug, ((theme.title, ()),)))


def _abstract(topic, place, publication_type, choose):
    label = PublicationType(publication_type).label.lower()
    return (
        f"What do we know about {mid_sentence(topic)} {place}, and what does it mean for productivity? This "
        f"{label} draws on {choose.choice(EVIDENCE)} to set out {choose.choice(FINDINGS)}. (Demo publication, "
        "generated to fill the site: its findings are invented.)"
    )


def _report_number(publication_type, number):
    if publication_type not in demo.SERIES_NUMBERS:
        return ""
    prefix, _, _ = demo.SERIES_NUMBERS[publication_type]
    return f"{prefix}{1000 + number}"  # above the demo's own numbers


def _authors(people, choose):
    """One to four authors: the site's people, and now and then a co-author without a profile."""
    count = choose.choice(AUTHOR_COUNTS)
    authors = [PublicationAuthor(person=person) for person in choose.sample(people, min(count, len(people)))]
    if count > 1 and choose.random() < 0.2:
        name, affiliation = choose.choice(EXTERNAL_AUTHORS)
        authors[-1] = PublicationAuthor(name=name, affiliation=affiliation)
    for position, author in enumerate(authors):
        author.sort_order = position
    return authors
