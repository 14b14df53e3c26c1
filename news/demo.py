"""Demo content: the news index and 24 news items of every kind, across forums and themes.

Every item is invented, and each page says so. Items are dated from the day the demo is loaded back over
about a year, so the listing, its year filter and the home page always have recent news.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from forums.models import ForumPage
from institute.demo.helpers import demo_page, illustration_image
from institute.models import HomePage, Person
from news.choices import NewsKind
from news.models import NewsAuthor, NewsIndexPage, NewsPage
from research.models import ResearchThemePage

IMAGES = {
    1: ("News: announcement", "Abstract illustration in blue and green of a speech bubble over a city skyline"),
    2: ("News: research findings", "Abstract illustration in blue and green of rising bars on a chart"),
    3: ("News: regional story", "Abstract illustration in blue and green of a map with linked regions"),
}

# Theme slugs, as the research demo makes them.
SKILLS = "skills-and-the-labour-market"
TECHNOLOGY = "technology-innovation-and-diffusion"
INVESTMENT = "investment-and-finance"
MANAGEMENT = "organisational-capital-and-management"
PLACE = "geography-and-place"
INSTITUTIONS = "institutions-and-governance"
MEASUREMENT = "measurement-and-data"
PUBLIC_SERVICES = "public-services-productivity"


@dataclass(frozen=True)
class DemoNews:
    title: str
    summary: str
    kind: str
    days_ago: int
    paragraph: str
    authors: tuple[str, ...] = ()  # person slugs, "lead:<forum slug>", or names of authors without a profile
    forum: str = ""  # the forum page it is under; "" for the news index
    other_forums: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    image: int = 0  # 0 for none, else one of IMAGES


NEWS = [
    DemoNews(
        "Institute publishes its annual review of UK productivity",
        "Our annual review finds that output per hour grew slowly again last year, with wide gaps between regions.",
        NewsKind.PRESS_RELEASE,
        3,
        "The review brings together the institute's research across its themes and forums, and sets out what "
        "would most help firms, places and public services become more productive.",
        authors=("aisha-rahman",),
        themes=(MEASUREMENT, PLACE),
        image=2,
    ),
    DemoNews(
        "Why management matters more than we think",
        "Differences in how firms are run explain a large share of the gap between the best and the rest.",
        NewsKind.OPINION,
        9,
        "Structured management practices, from setting targets to reviewing performance, are cheap to adopt and "
        "pay off quickly. Yet most small firms have never been shown how.",
        authors=("catrin-evans", "gareth-price"),
        other_forums=("wales",),
        themes=(MANAGEMENT,),
    ),
    DemoNews(
        "Scotland forum welcomes new members from the food and drink sector",
        "Six food and drink businesses have joined the Scotland Productivity Forum this quarter.",
        NewsKind.NEWS,
        14,
        "The new members bring the forum's work on digital adoption to one of Scotland's largest sectors, and "
        "will host the forum's next meeting.",
        authors=("lead:scotland",),
        forum="scotland",
        themes=(TECHNOLOGY,),
        image=3,
    ),
    DemoNews(
        "What the latest figures say about the productivity puzzle",
        "A short guide to the newest official productivity statistics, and what they do and do not tell us.",
        NewsKind.BLOG,
        21,
        "Quarterly figures move a lot and are often revised. We explain how to read them, and why the longer "
        "trend matters more than any single quarter.",
        authors=("tomasz-nowak",),
        themes=(MEASUREMENT,),
    ),
    DemoNews(
        "Wales forum launches a peer network for manufacturers",
        "Manufacturers across Wales can now meet monthly to compare how they plan production and train staff.",
        NewsKind.NEWS,
        28,
        "The network grew out of the forum's management workshops. Members visit each other's sites and share "
        "what worked for them.",
        authors=("lead:wales",),
        forum="wales",
        themes=(MANAGEMENT, SKILLS),
        image=3,
    ),
    DemoNews(
        "New funding to study productivity in public services",
        "The institute has been awarded funding for a three-year study of productivity in health and education.",
        NewsKind.PRESS_RELEASE,
        35,
        "The study will measure what public services deliver for what they spend, and how new ways of working "
        "change that, working with the services themselves.",
        authors=("helen-marwick", "moira-sinclair"),
        themes=(PUBLIC_SERVICES,),
        image=1,
    ),
    DemoNews(
        "Skills that go unused: a hidden cost to the economy",
        "Many workers hold qualifications their jobs never use. Fixing that could lift productivity and pay.",
        NewsKind.OPINION,
        43,
        "Mismatch between people and jobs is not only a problem for workers. Firms that use their staff's skills "
        "well are more productive, and more likely to invest in training.",
        authors=("fionnuala-byrne", "mairead-kelly"),
        other_forums=("northern-ireland",),
        themes=(SKILLS,),
    ),
    DemoNews(
        "Midlands forum visits an electric vehicle supplier",
        "Members of the Midlands forum toured a components plant that has retooled for electric vehicles.",
        NewsKind.NEWS,
        50,
        "The visit showed how a supplier planned its move to new products, and what support it found most useful "
        "along the way.",
        authors=("lead:midlands",),
        forum="midlands",
        themes=(TECHNOLOGY, INVESTMENT),
        image=3,
    ),
    DemoNews(
        "How cloud software spreads between firms",
        "Firms are more likely to adopt cloud tools when their suppliers and customers already use them.",
        NewsKind.BLOG,
        58,
        "Our research follows thousands of firms over a decade. Adoption travels along supply chains, which "
        "suggests where support to small firms would go furthest.",
        authors=("anjali-mehta",),
        themes=(TECHNOLOGY,),
        image=2,
    ),
    DemoNews(
        "North West forum hosts a round table on logistics",
        "Logistics firms from across the North West met to discuss automation, skills and the region's ports.",
        NewsKind.NEWS,
        66,
        "The round table agreed to share data on the time goods spend waiting, so members can see where delays "
        "cost them most.",
        authors=("lead:north-west",),
        forum="north-west",
        themes=(PLACE,),
    ),
    DemoNews(
        "Investment is the missing piece of the recovery",
        "Business investment has lagged other advanced economies for years. Here is why it matters for growth.",
        NewsKind.OPINION,
        75,
        "Firms invest when they are confident about demand and can find finance on fair terms. Both have been in "
        "short supply, and small firms outside London feel it most.",
        authors=("laura-bennett",),
        other_forums=("london-and-the-south",),
        themes=(INVESTMENT,),
        image=1,
    ),
    DemoNews(
        "Northern Ireland forum publishes a report on apprenticeships",
        "The forum's members set out what would make apprenticeships work better for small employers.",
        NewsKind.NEWS,
        84,
        "Employers asked for simpler paperwork and for colleges to plan courses with local firms. The forum will "
        "discuss the report with policymakers this spring.",
        authors=("lead:northern-ireland", "mairead-kelly"),
        forum="northern-ireland",
        themes=(SKILLS,),
        image=3,
    ),
    DemoNews(
        "Institute responds to the government's growth plan",
        "Our response welcomes the focus on places, and asks for long-term commitments that firms can plan around.",
        NewsKind.PRESS_RELEASE,
        93,
        "Stable policy matters for productivity: firms invest more when the rules that affect them change less "
        "often. Our response sets out five tests for the plan.",
        authors=("helen-marwick",),
        themes=(INSTITUTIONS, PLACE),
    ),
    DemoNews(
        "Cities, towns and the productivity gap",
        "Why the gap between the UK's big cities and its towns is wider than in most comparable countries.",
        NewsKind.BLOG,
        105,
        "Towns that lost their main employer have struggled to attract new ones. Better transport to nearby "
        "cities helps, but only alongside local skills and investment.",
        authors=("imran-qureshi",),
        other_forums=("yorkshire-humber-and-north-east",),
        themes=(PLACE,),
        image=2,
    ),
    DemoNews(
        "Yorkshire forum brings ports and manufacturers together",
        "A new working group links the region's ports with the manufacturers that ship through them.",
        NewsKind.NEWS,
        118,
        "The group will look at how goods move from factory to ship, and where shared investment could save "
        "members time and money.",
        authors=("lead:yorkshire-humber-and-north-east",),
        forum="yorkshire-humber-and-north-east",
        themes=(INVESTMENT, PLACE),
    ),
    DemoNews(
        "Devolution and productivity: what have we learned?",
        "Twenty-five years of devolution offer lessons on how local institutions can help their economies grow.",
        NewsKind.OPINION,
        131,
        "Where devolved and local governments have kept their strategies steady over many years, firms have "
        "responded. Frequent change has done the opposite.",
        authors=("duncan-fraser",),
        other_forums=("scotland", "wales"),
        themes=(INSTITUTIONS,),
        image=1,
    ),
    DemoNews(
        "East Anglia forum explores science in rural businesses",
        "The forum asked how the region's science cluster can help farms and rural firms become more productive.",
        NewsKind.NEWS,
        145,
        "Members heard from growers who use sensors and data to plan their harvests, and from the researchers who "
        "worked with them.",
        authors=("lead:east-anglia",),
        forum="east-anglia",
        themes=(TECHNOLOGY,),
        image=3,
    ),
    DemoNews(
        "Measuring intangible investment",
        "Software, designs and know-how are a growing share of what firms invest in, and the hardest to measure.",
        NewsKind.BLOG,
        160,
        "We set out how statisticians count intangible assets today, and the changes that would give a truer "
        "picture of investment in the UK.",
        authors=("tomasz-nowak", "Maria Ferreira"),
        themes=(MEASUREMENT, INVESTMENT),
    ),
    DemoNews(
        "London and the South forum meets on professional services",
        "Leaders of law, accounting and consulting firms discussed how they measure their own productivity.",
        NewsKind.NEWS,
        178,
        "Firms that track how time is spent, not just billed, found the biggest gains. The forum will publish "
        "a short guide for members.",
        authors=("lead:london-and-the-south",),
        forum="london-and-the-south",
        themes=(MANAGEMENT,),
        image=3,
    ),
    DemoNews(
        "National Productivity Week returns this autumn",
        "The institute and its eight forums will hold a week of events across the UK on what productivity means.",
        NewsKind.PRESS_RELEASE,
        196,
        "Every forum will host its own sessions, with businesses, universities and local partners, alongside "
        "online events open to all.",
        authors=("aisha-rahman",),
        other_forums=("scotland", "wales", "midlands", "north-west"),
        themes=(PLACE,),
        image=1,
    ),
    DemoNews(
        "What hospitals can teach us about productivity",
        "Small changes to how wards are organised can free hours of staff time every day.",
        NewsKind.BLOG,
        215,
        "Our case studies show that the biggest gains came from involving staff in redesigning their own work, "
        "not from new equipment.",
        authors=("moira-sinclair",),
        themes=(PUBLIC_SERVICES, MANAGEMENT),
        image=2,
    ),
    DemoNews(
        "Scotland forum reports on digital adoption",
        "A survey of forum members shows which digital tools small firms in Scotland use, and what holds them back.",
        NewsKind.NEWS,
        240,
        "Cost was not the main barrier: firms most often said they lacked the time to learn a new tool. The forum "
        "will run short training sessions in response.",
        authors=("lead:scotland", "Kenji Watanabe"),
        forum="scotland",
        themes=(TECHNOLOGY, SKILLS),
    ),
    DemoNews(
        "Productivity is about people, not just numbers",
        "Behind every productivity statistic are workers, managers and the places they live.",
        NewsKind.OPINION,
        270,
        "Higher productivity is how living standards rise. Our research keeps people at its centre: their skills, "
        "their working lives and their health.",
        authors=("helen-marwick",),
        themes=(SKILLS, PUBLIC_SERVICES),
    ),
    DemoNews(
        "Wales forum shares lessons from the foundational economy",
        "Care, food and local retail employ many people in Wales. The forum asked how they can do more with less.",
        NewsKind.NEWS,
        320,
        "Members described the changes that worked for them, from shared booking systems to training for supervisors.",
        authors=("lead:wales", "gareth-price"),
        forum="wales",
        themes=(PLACE, MANAGEMENT),
        image=3,
    ),
]


def load(log):
    home = HomePage.objects.first()
    if home is None:
        log("News: no home page, so no news.")
        return
    index = demo_page(
        home,
        NewsIndexPage(
            title="News",
            slug="news",
            show_in_menus=True,
            intro="News, blog posts, press releases and opinion from the institute and its regional forums.",
        ),
    )
    if index is None:
        log("News: the news index was deleted, so no news.")
        return
    people = {person.slug: person for person in Person.objects.all()}
    forums = {forum.slug: forum for forum in ForumPage.objects.originals().select_related("lead")}
    themes = {theme.slug: theme for theme in ResearchThemePage.objects.live()}
    images = {
        number: illustration_image(title, description=description) for number, (title, description) in IMAGES.items()
    }
    today = timezone.localdate()
    made = [_news_item(index, item, today, people, forums, themes, images) for item in NEWS]
    log(f"News: the news index and {sum(1 for page in made if page)} news items.")


def _authors(keys, people, forums):
    authors = []
    for key in keys:
        if key.startswith("lead:"):
            forum = forums.get(key.removeprefix("lead:"))
            person = forum.lead if forum else None
        else:
            person = people.get(key)
        if person:
            authors.append(NewsAuthor(person=person))
        elif " " in key:  # a name as written, for an author without a profile (slugs have no spaces)
            authors.append(NewsAuthor(name=key))
    for position, author in enumerate(authors):
        author.sort_order = position
    return authors


def _news_item(index, item, today, people, forums, themes, images):
    parent = forums.get(item.forum) if item.forum else index
    if parent is None:
        return None
    page = NewsPage(
        title=item.title,
        slug=slugify(item.title)[:80].strip("-"),
        date=today - datetime.timedelta(days=item.days_ago),
        kind=item.kind,
        summary=item.summary,
        body=[("rich_text", f"<p>{item.paragraph}</p>")],
        hero_image=images.get(item.image),
        hero_image_alt="",
        authors=_authors(item.authors, people, forums),
        themes=[themes[slug] for slug in item.themes if slug in themes],
        forums=[forums[slug] for slug in item.other_forums if slug in forums],
    )
    return demo_page(parent, page)
