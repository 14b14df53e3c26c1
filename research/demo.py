"""Demo content for research: the research index, eight themes, publications, and the partners and people pages.

The three programmes, the ten academic partners and the theme "Organisational capital" are the institute's own;
the other themes are plausible ones. Every theme lead, external author, publication, journal citation and figure
here is invented and says so: people in their bios, publications in their abstracts, DOIs under the 10.5555
test prefix and charts in their source line.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils.text import slugify

from taggit.models import Tag

from forums import demo as forums_demo
from forums.models import ForumPage
from institute.demo.helpers import demo_object, demo_page, pdf_document
from institute.models import HomePage, Institution, Person
from research.choices import Programme, PublicationType
from research.models import (
    PartnersPage,
    PeopleIndexPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    ResearchIndexPage,
    ResearchThemePage,
    ThemeLead,
)

ILLUSTRATIVE_SOURCE = "Illustrative figures, not official statistics"
FIRST_PUBLICATION_DAY = datetime.date(2021, 1, 12)
NEWEST_PUBLICATION_AGE = datetime.timedelta(days=9)  # the newest is recent, never in the future
DEMO_DOI_PREFIX = "10.5555/tpi-demo"  # 10.5555 is the DOI test prefix: these resolve to nothing real


@dataclass(frozen=True)
class DemoLead:
    name: str
    honorific: str
    job_title: str
    organisation: str  # an academic partner's slug
    role: str = "Theme lead"


@dataclass(frozen=True)
class DemoChart:
    title: str
    chart_type: str
    header: tuple[str, ...]
    rows: tuple[tuple, ...]
    y_axis_label: str


@dataclass(frozen=True)
class DemoTheme:
    title: str
    programme: str
    summary: str
    paragraphs: tuple[str, ...]
    leads: tuple[DemoLead, ...]
    partners: tuple[str, ...]  # institution slugs; together the themes name all ten academic partners
    forums: tuple[str, ...]  # forum page slugs
    chart: DemoChart | None = None

    @property
    def slug(self):
        return slugify(self.title)


REGIONAL_OUTPUT_CHART = DemoChart(
    "Output per hour worked by nation and region",
    "bar",
    ("Region", "Output per hour (UK = 100)"),
    # The same illustrative figures the forum pages show, so the site agrees with itself.
    tuple((forum.region, forum.output_per_hour) for forum in forums_demo.FORUMS) + (("UK", 100),),
    "UK = 100",
)

GROWTH_CHART = DemoChart(
    "Growth in output per hour worked, UK, 2015 to 2024",
    "line",
    ("Year", "Annual growth (%)", "Average before 2008 (%)"),
    (
        (2015, 1.2, 2.1),
        (2016, 0.3, 2.1),
        (2017, 1.0, 2.1),
        (2018, 0.6, 2.1),
        (2019, 0.4, 2.1),
        (2020, 0.9, 2.1),
        (2021, 0.8, 2.1),
        (2022, -0.4, 2.1),
        (2023, 0.3, 2.1),
        (2024, -0.2, 2.1),
    ),
    "Annual growth (%)",
)

THEMES = [
    DemoTheme(
        "Skills and the labour market",
        Programme.PEOPLE,
        "How do skills, training and the way work is organised shape productivity, and why do so many workers "
        "end up in jobs that do not use what they know?",
        (
            "Skills are the most direct link between productivity and people's living standards. The theme "
            "studies how schooling, apprenticeships and training at work feed through to what firms produce, and "
            "why employers in some places invest far less in their staff than in others.",
            "A second strand looks at mismatch: workers whose qualifications are not used in their jobs, and firms "
            "that cannot find the skills they need. We use linked employer and employee data to follow people "
            "through their careers and across regions.",
            "The theme works closely with the Northern Ireland, Wales and Yorkshire, Humber and North East forums, "
            "whose members test what the research finds against the training they offer.",
        ),
        (
            DemoLead("Fionnuala Byrne", "Professor", "Professor of Labour Economics", "queens-university-belfast"),
            DemoLead(
                "Marcus Holroyd",
                "Dr",
                "Senior Lecturer in Human Resource Management",
                "pennine-university-demo",
                "Co-lead",
            ),
        ),
        ("queens-university-belfast", "pennine-university-demo"),
        ("northern-ireland", "wales", "yorkshire-humber-and-north-east"),
    ),
    DemoTheme(
        "Technology, innovation and diffusion",
        Programme.FIRMS,
        "Why do new technologies, from cloud computing to AI, spread so slowly beyond the most productive firms?",
        (
            "The UK has world-leading firms and research, but a long tail of businesses that adopt new technology "
            "late or not at all. The theme asks what holds diffusion back: the cost of adoption, the skills and "
            "management it needs, or simply not knowing what is available.",
            "Current work follows the uptake of digital tools and artificial intelligence by small and "
            "medium-sized firms, and the role of supply chains, universities and local business support in "
            "spreading new ideas.",
        ),
        (
            DemoLead("Anjali Mehta", "Professor", "Professor of Innovation Studies", "university-of-warwick"),
            DemoLead(
                "Henry Aldous", "Dr", "Research Fellow in Technology Policy", "university-of-cambridge", "Co-lead"
            ),
        ),
        ("university-of-warwick", "university-of-cambridge"),
        ("midlands", "east-anglia"),
    ),
    DemoTheme(
        "Investment and finance",
        Programme.FIRMS,
        "Why does the UK invest less than its peers, and how does access to finance differ between firms and places?",
        (
            "Business investment in the UK has been low and volatile for decades. The theme studies investment in "
            "machinery, buildings and intangible assets such as software, data and training, and how it responds "
            "to uncertainty, interest rates and tax.",
            "We also ask how easily growing firms outside London can raise finance, and whether the institutions "
            "that provide it, from high-street banks to public investment funds, serve every region equally.",
        ),
        (
            DemoLead("Laura Bennett", "Professor", "Professor of Finance", "kings-college-london"),
            DemoLead(
                "Nathan Corbett",
                "Dr",
                "Senior Lecturer in Accounting and Finance",
                "severn-valley-university-demo",
                "Co-lead",
            ),
        ),
        ("kings-college-london", "severn-valley-university-demo"),
        ("london-and-the-south", "north-west"),
    ),
    DemoTheme(
        "Organisational capital and management",
        Programme.FIRMS,
        "How much of the gap between the most and least productive firms comes down to how they are managed "
        "and organised?",
        (
            "Organisational capital is the know-how, routines and management practices that let a firm turn "
            "people and equipment into output. It is hard to see and hard to measure, yet differences in it "
            "explain a large share of the productivity gap between firms.",
            "The theme surveys management practices in small and medium-sized firms, studies how good practice "
            "spreads through networks and supply chains, and evaluates programmes that help owners and managers "
            "improve.",
        ),
        (
            DemoLead("Catrin Evans", "Professor", "Professor of Management", "cardiff-university"),
            DemoLead("Joseph Ackroyd", "Dr", "Lecturer in Operations Management", "university-of-sheffield", "Co-lead"),
        ),
        ("cardiff-university", "university-of-sheffield"),
        ("wales", "yorkshire-humber-and-north-east", "northern-ireland"),
    ),
    DemoTheme(
        "Geography and place",
        Programme.INSTITUTIONS,
        "Why are the UK's regional inequalities in productivity among the largest of any advanced country, and "
        "what would narrow them?",
        (
            "Regional inequalities are a national problem. Output per hour worked in London and the South is far "
            "above the UK average, while most other nations and regions fall well below it, and the gaps have "
            "barely changed in twenty years.",
            "The theme studies the forces behind these gaps: the size and connectedness of cities, transport, "
            "the mix of industries, skills and the reach of local institutions. It works with all eight regional "
            "productivity forums to turn what it finds into practical proposals for each place.",
        ),
        (
            DemoLead("Imran Qureshi", "Professor", "Professor of Economic Geography", "university-of-manchester"),
            DemoLead("Bethany Lund", "Dr", "Lecturer in Urban Studies", "university-of-sheffield", "Co-lead"),
        ),
        ("university-of-manchester", "university-of-sheffield"),
        ("north-west", "yorkshire-humber-and-north-east", "scotland"),
        REGIONAL_OUTPUT_CHART,
    ),
    DemoTheme(
        "Institutions and governance",
        Programme.INSTITUTIONS,
        "How do the UK's highly centralised government, its devolved nations and local institutions shape "
        "productivity?",
        (
            "The UK is one of the most centralised advanced economies. The theme asks how decisions taken in "
            "Whitehall, in the devolved governments and in local and combined authorities affect investment, "
            "skills and infrastructure in each place.",
            "Recent work compares devolution deals across England, studies the stability of industrial strategy "
            "and looks at what other countries' experience suggests about giving places more control over the "
            "policies that matter for growth.",
        ),
        (
            DemoLead("Duncan Fraser", "Professor", "Professor of Political Economy", "university-of-glasgow"),
            DemoLead("Amara Nwosu", "Dr", "Lecturer in Public Policy", "kings-college-london", "Co-lead"),
        ),
        ("university-of-glasgow", "kings-college-london"),
        ("scotland", "wales", "northern-ireland"),
    ),
    DemoTheme(
        "Measurement and data",
        Programme.INSTITUTIONS,
        "Are we measuring productivity well, in services, in the public sector and in intangible assets, and "
        "what do better data show?",
        (
            "Productivity is output divided by input, but both are hard to measure in a modern economy. The theme "
            "works on the measurement of services output, intangible investment and hours worked, and on "
            "productivity statistics for small areas.",
            "It builds and publishes data sets for other researchers, and works with statistical producers on "
            "new methods. The chart below shows the kind of series the theme studies: growth in output per hour "
            "since 2015 has been far below its average before the 2008 financial crisis.",
        ),
        (
            DemoLead(
                "Eleanor Marsh",
                "Dr",
                "Senior Research Associate in Economic Statistics",
                "university-of-cambridge",
            ),
        ),
        ("university-of-cambridge", "university-of-manchester"),
        ("east-anglia",),
        GROWTH_CHART,
    ),
    DemoTheme(
        "Public services productivity",
        Programme.PEOPLE,
        "How productive are health, education and other public services, and how could they deliver more for "
        "the people who use them?",
        (
            "Public services account for around a fifth of the economy, yet their productivity is measured less "
            "well and discussed less often than that of private firms. The theme studies how the NHS, schools "
            "and local services turn staff, buildings and equipment into outcomes for people.",
            "Current projects look at how public services recovered after the pandemic, at the effect of "
            "investment in digital systems, and at the quality adjustments that measures of public sector output "
            "need.",
        ),
        (
            DemoLead("Moira Sinclair", "Professor", "Professor of Public Management", "university-of-glasgow"),
            DemoLead(
                "Thomas Ellery",
                "Dr",
                "Research Fellow in Health Economics",
                "severn-valley-university-demo",
                "Co-lead",
            ),
        ),
        ("university-of-glasgow", "severn-valley-university-demo"),
        ("scotland", "london-and-the-south"),
    ),
]

# The keywords publications share, so that filtering by one finds several.
KEYWORDS = {
    "regional inequality",
    "management practices",
    "skills",
    "AI",
    "investment",
    "public sector",
    "measurement",
    "innovation",
    "digital adoption",
    "devolution",
    "labour market",
    "SMEs",
    "intangibles",
    "net zero",
    "finance",
}

# The institute's own people who also write; the demo people from the institute's loader.
INSTITUTE_AUTHORS = ["helen-marwick", "tomasz-nowak", "gareth-price", "mairead-kelly"]

# Authors without a profile on the site: (name, affiliation). All fictional.
MARIA_FERREIRA = ("Maria Ferreira", "Northbridge Business School")
KENJI_WATANABE = ("Kenji Watanabe", "Pacific Productivity Centre")
SOPHIE_LAURENT = ("Sophie Laurent", "Institut d'Études Régionales")
DAVID_OSEI = ("David Osei", "Westmoor Institute for Labour Studies")

# Where publications published elsewhere live, by type; example.org stands in for the publisher.
EXTERNAL_URL_FOLDERS = {PublicationType.JOURNAL_ARTICLE: "journals", PublicationType.DATA_SET: "data"}

# Series numbers for the types that have them: (prefix, first number, step).
SERIES_NUMBERS = {
    PublicationType.WORKING_PAPER: ("WP", 4, 6),
    PublicationType.INSIGHTS_PAPER: ("IP", 2, 3),
    PublicationType.POLICY_BRIEF: ("PB", 3, 4),
}


@dataclass(frozen=True)
class DemoPublication:
    title: str
    publication_type: str
    abstract: str
    themes: tuple[str, ...]  # theme slugs
    keywords: tuple[str, ...]
    # A name of a person on the site (theme lead, forum lead or institute person), or (name, affiliation).
    authors: tuple[str | tuple[str, str], ...]
    forums: tuple[str, ...] = ()
    journal: str = ""
    doi: bool = False
    # The slug of a publication whose title was shortened after sites had loaded it: they keep one page of it.
    slug: str = ""


WP = PublicationType.WORKING_PAPER
PB = PublicationType.POLICY_BRIEF
REPORT = PublicationType.REPORT
ARTICLE = PublicationType.JOURNAL_ARTICLE
IP = PublicationType.INSIGHTS_PAPER
DATA = PublicationType.DATA_SET

# Oldest first: the loader spreads them evenly from January 2021 to a few days before it runs.
PUBLICATIONS = [
    DemoPublication(
        "Why has UK productivity growth stalled? Firms, sectors and regions",
        WP,
        "We decompose the slowdown in UK productivity growth since 2008 into changes within firms, shifts between "
        "sectors and differences between regions. Most of the slowdown happened within firms, and it was "
        "widespread across regions rather than concentrated in a few.",
        ("measurement-and-data", "geography-and-place"),
        ("measurement", "regional inequality"),
        ("Helen Marwick", "Eleanor Marsh", "Imran Qureshi"),
        doi=True,
        slug="why-has-uk-productivity-growth-stalled-a-decomposition-across-firms-sectors-and",
    ),
    DemoPublication(
        "The UK productivity puzzle in ten charts",
        IP,
        "Ten charts that set out what we know about the UK's weak productivity growth: how it compares with other "
        "countries, which industries and places account for it, and which explanations the evidence supports.",
        ("measurement-and-data",),
        ("measurement", "investment"),
        ("Tomasz Nowak",),
    ),
    DemoPublication(
        "Management practices and productivity in UK small and medium-sized enterprises",
        ARTICLE,
        "Using a survey of more than two thousand small and medium-sized firms, we show that structured "
        "management practices, in target setting, monitoring and people management, are strongly associated with "
        "higher labour productivity, and that the association is strongest in the smallest firms.",
        ("organisational-capital-and-management",),
        ("management practices", "SMEs"),
        ("Catrin Evans", "Gareth Price", MARIA_FERREIRA),
        forums=("wales",),
        journal="British Journal of Management",
        doi=True,
    ),
    DemoPublication(
        "Skills for productivity: what the post-pandemic labour market needs",
        PB,
        "The pandemic changed which skills employers ask for. This brief sets out where shortages are greatest, "
        "why training by employers has fallen, and three changes to skills policy that would help firms and "
        "workers in every nation and region.",
        ("skills-and-the-labour-market",),
        ("skills", "labour market"),
        ("Fionnuala Byrne", "Mairead Kelly"),
        forums=("northern-ireland",),
    ),
    DemoPublication(
        "Productivity and the pandemic: how UK firms adapted",
        REPORT,
        "Drawing on interviews and a survey of firms in the Midlands and Yorkshire, this report describes how "
        "businesses changed what they did and how they did it during the pandemic, and which of those changes "
        "are likely to raise productivity for good.",
        ("technology-innovation-and-diffusion", "organisational-capital-and-management"),
        ("digital adoption", "management practices", "SMEs"),
        ("Anjali Mehta", "Joseph Ackroyd", "Rachel Sutcliffe"),
        forums=("midlands", "yorkshire-humber-and-north-east"),
    ),
    DemoPublication(
        "Business investment and the cost of capital in the UK's regions",
        WP,
        "We estimate how business investment responds to the cost of capital in each UK region. Firms outside "
        "London and the South face higher effective borrowing costs and invest less for a given expected return, "
        "which widens regional productivity gaps over time.",
        ("investment-and-finance", "geography-and-place"),
        ("investment", "finance", "regional inequality"),
        ("Laura Bennett", "Nathan Corbett"),
        forums=("london-and-the-south", "north-west"),
    ),
    DemoPublication(
        "UK regional productivity database, 1998 to 2020",
        DATA,
        "Annual estimates of output, hours worked and output per hour for the UK's nations and regions and for "
        "local authority areas, on consistent boundaries, with notes on sources and methods.",
        ("measurement-and-data", "geography-and-place"),
        ("measurement", "regional inequality"),
        ("Eleanor Marsh", "Hannah Kershaw"),
        doi=True,
    ),
    DemoPublication(
        "The diffusion of digital technologies beyond frontier firms",
        ARTICLE,
        "Digital technologies reach the most productive firms first and others much later. Using firm-level data "
        "on the adoption of cloud computing and e-commerce, we show that distance to the frontier, management "
        "quality and local skills explain most of the lag.",
        ("technology-innovation-and-diffusion",),
        ("digital adoption", "innovation"),
        ("Anjali Mehta", "Henry Aldous", "James Whitfield"),
        forums=("midlands",),
        journal="Research Policy",
        doi=True,
    ),
    DemoPublication(
        "What is holding back productivity in Scotland?",
        IP,
        "Scotland's output per hour is just below the UK average, with large differences between its cities and "
        "rural areas. This paper reviews the evidence on investment, skills and business dynamism and sets out "
        "questions for the Scotland Productivity Forum.",
        ("geography-and-place", "institutions-and-governance"),
        ("regional inequality", "devolution"),
        ("Alasdair Munro", "Duncan Fraser"),
        forums=("scotland",),
    ),
    DemoPublication(
        "Measuring productivity in public services: lessons from health and education",
        WP,
        "Public service output is hard to measure because its value is not set in a market. We compare how health "
        "and education output are measured in the UK and elsewhere, and show how quality adjustments change the "
        "picture of productivity growth.",
        ("public-services-productivity", "measurement-and-data"),
        ("public sector", "measurement"),
        ("Moira Sinclair", "Thomas Ellery", "Eleanor Marsh"),
        doi=True,
    ),
    DemoPublication(
        "Levelling up through local institutions: what would work",
        PB,
        "Narrowing regional productivity gaps needs local institutions with the powers, funding and stability to "
        "act. This brief draws lessons from the combined authorities in the North West and Yorkshire and proposes "
        "four principles for future devolution.",
        ("institutions-and-governance", "geography-and-place"),
        ("devolution", "regional inequality"),
        ("Duncan Fraser", "Amara Nwosu", "Imran Qureshi"),
        forums=("north-west", "yorkshire-humber-and-north-east"),
    ),
    DemoPublication(
        "Productivity in Wales: a foundational economy perspective",
        REPORT,
        "Much of the Welsh economy is made up of everyday services such as care, food and retail. This report "
        "examines productivity in these foundational sectors, the role of small firms, and what the Wales "
        "Productivity Forum could do to support them.",
        ("geography-and-place", "organisational-capital-and-management"),
        ("regional inequality", "SMEs", "management practices"),
        ("Gareth Llewellyn", "Catrin Evans", "Gareth Price"),
        forums=("wales",),
    ),
    DemoPublication(
        "Intangible investment and the UK productivity slowdown",
        ARTICLE,
        "Investment in software, data, research and organisational capital grew quickly before 2008 and slowly "
        "since. We show that the slowdown in intangible investment accounts for a substantial share of the "
        "slowdown in labour productivity growth.",
        ("investment-and-finance", "measurement-and-data"),
        ("intangibles", "investment", "measurement"),
        ("Tomasz Nowak", "Laura Bennett", KENJI_WATANABE),
        journal="National Institute Economic Review",
        doi=True,
    ),
    DemoPublication(
        "Training, apprenticeships and firm productivity: evidence from linked data",
        WP,
        "Linking apprenticeship records to firm accounts, we estimate the effect of training on productivity. "
        "Firms that take on apprentices become more productive within three years, with larger gains in "
        "manufacturing and in regions where skills shortages are greatest.",
        ("skills-and-the-labour-market",),
        ("skills", "labour market", "SMEs"),
        ("Marcus Holroyd", "Fionnuala Byrne"),
        slug="training-apprenticeships-and-firm-productivity-evidence-from-linked-employer-and",
    ),
    DemoPublication(
        "Survey of management practices in UK small firms, 2022 wave",
        DATA,
        "Responses from small and medium-sized firms on target setting, monitoring, people management and the "
        "use of digital tools, with weights for each nation and region and a codebook.",
        ("organisational-capital-and-management",),
        ("management practices", "SMEs"),
        ("Catrin Evans", "Joseph Ackroyd"),
        doi=True,
    ),
    DemoPublication(
        "Artificial intelligence and productivity: hype, hope and evidence",
        IP,
        "What can AI do for productivity, and how soon? This paper separates the evidence from the forecasts, "
        "sets out what has happened with earlier general-purpose technologies, and asks what firms need in order "
        "to benefit.",
        ("technology-innovation-and-diffusion",),
        ("AI", "innovation", "digital adoption"),
        ("Henry Aldous", "Charlotte Reeve"),
        forums=("east-anglia",),
    ),
    DemoPublication(
        "Unlocking finance for growing firms outside London",
        PB,
        "Growing firms outside London find it harder to raise equity and long-term loans. This brief sets out the "
        "evidence on regional finance gaps and three ways public investment funds could close them.",
        ("investment-and-finance", "geography-and-place"),
        ("finance", "investment", "SMEs"),
        ("Nathan Corbett", "Laura Bennett"),
        forums=("midlands", "north-west"),
    ),
    DemoPublication(
        "Agglomeration, transport and productivity in English city regions",
        ARTICLE,
        "English cities outside London are less productive than their size would predict. Using travel-time data, "
        "we show that poor transport connections shrink their effective size and account for part of the gap.",
        ("geography-and-place",),
        ("regional inequality", "investment"),
        ("Imran Qureshi", "Bethany Lund", "Hannah Kershaw", SOPHIE_LAURENT),
        forums=("north-west", "yorkshire-humber-and-north-east"),
        journal="Journal of Economic Geography",
        doi=True,
    ),
    DemoPublication(
        "A productivity agenda for Northern Ireland",
        REPORT,
        "Northern Ireland's productivity has been below the UK average for decades. This report brings together "
        "research on skills, management and trade, and sets out an agenda agreed with members of the Northern "
        "Ireland Productivity Forum.",
        ("institutions-and-governance", "skills-and-the-labour-market"),
        ("skills", "devolution", "regional inequality"),
        ("Siobhan Quinn", "Fionnuala Byrne"),
        forums=("northern-ireland",),
    ),
    DemoPublication(
        "Public sector productivity after the pandemic: a first look at the NHS",
        WP,
        "NHS activity fell sharply in 2020 and has recovered slowly despite higher staffing. We examine the "
        "reasons, from hospital capacity to staff turnover, and what they imply for measured productivity.",
        ("public-services-productivity",),
        ("public sector", "measurement"),
        ("Thomas Ellery", "Moira Sinclair"),
        doi=True,
    ),
    DemoPublication(
        "Net zero and productivity: complements or trade-off?",
        IP,
        "Does the move to net zero help or hinder productivity? This paper reviews the evidence on green "
        "investment, innovation and stranded assets, and argues that the answer depends on how the transition "
        "is managed.",
        ("investment-and-finance", "technology-innovation-and-diffusion"),
        ("net zero", "investment", "innovation"),
        ("Laura Bennett", "Anjali Mehta"),
    ),
    DemoPublication(
        "Who adopts? Management quality and the uptake of cloud computing",
        ARTICLE,
        "We link survey measures of management quality to firms' adoption of cloud computing. Better-managed firms "
        "adopt earlier and gain more from adoption, so management practices and technology are complements.",
        ("organisational-capital-and-management", "technology-innovation-and-diffusion"),
        ("management practices", "digital adoption"),
        ("Joseph Ackroyd", "Henry Aldous", "Rachel Sutcliffe"),
        journal="Oxford Review of Economic Policy",
        doi=True,
    ),
    DemoPublication(
        "Making devolution work for productivity",
        PB,
        "Devolution to Scotland and Wales and to English combined authorities has changed who decides on skills, "
        "transport and business support. This brief asks what has worked for productivity and what should change.",
        ("institutions-and-governance",),
        ("devolution", "public sector"),
        ("Duncan Fraser", "Amara Nwosu"),
        forums=("scotland", "wales"),
    ),
    DemoPublication(
        "Public service productivity indicators for the UK nations, 2010 to 2022",
        DATA,
        "Indicators of output, inputs and productivity for health, education and social care in England, "
        "Scotland, Wales and Northern Ireland, with quality adjustments and documentation.",
        ("public-services-productivity", "measurement-and-data"),
        ("public sector", "measurement"),
        ("Thomas Ellery", "Eleanor Marsh"),
        doi=True,
    ),
    DemoPublication(
        "Skills mismatch and regional productivity gaps",
        WP,
        "Workers in lagging regions are more often in jobs that do not use their qualifications. We show that "
        "skills mismatch explains part of the productivity gap between regions, and that it persists because "
        "local demand for high skills is weak.",
        ("skills-and-the-labour-market", "geography-and-place"),
        ("skills", "labour market", "regional inequality"),
        ("Fionnuala Byrne", "Bethany Lund", DAVID_OSEI),
        forums=("yorkshire-humber-and-north-east",),
    ),
    DemoPublication(
        "The East Anglia productivity review: spreading the gains of a science cluster",
        REPORT,
        "East Anglia combines one of Europe's strongest science clusters with towns and rural areas of low "
        "productivity. This review sets out how the region's research strengths could reach more of its firms.",
        ("technology-innovation-and-diffusion", "geography-and-place"),
        ("innovation", "regional inequality"),
        ("Charlotte Reeve", "Henry Aldous"),
        forums=("east-anglia",),
    ),
    DemoPublication(
        "Firm dynamics and the long tail of low-productivity businesses",
        ARTICLE,
        "The UK has a long tail of firms with low productivity that neither grow nor exit. We study how the tail "
        "has changed since 2010 and what separates the firms that leave it from those that stay.",
        ("organisational-capital-and-management",),
        ("SMEs", "management practices"),
        ("Catrin Evans", MARIA_FERREIRA),
        journal="Small Business Economics",
        doi=True,
    ),
    DemoPublication(
        "Productivity of the UK's public services: where next?",
        IP,
        "Public services face rising demand and tight budgets. This paper reviews what raised their productivity "
        "in the past, from digital systems to changes in the workforce, and what could raise it now.",
        ("public-services-productivity",),
        ("public sector", "digital adoption"),
        ("Moira Sinclair", "Helen Marwick"),
        forums=("london-and-the-south",),
    ),
    DemoPublication(
        "Generative AI in the workplace: early evidence from UK firms",
        WP,
        "Using a survey of firms in the Midlands and East Anglia, we describe who uses generative AI tools, for "
        "which tasks, and with what reported effect on output. Use is widespread but shallow, and training is "
        "the most common barrier.",
        ("technology-innovation-and-diffusion", "skills-and-the-labour-market"),
        ("AI", "skills", "digital adoption"),
        ("Anjali Mehta", "Marcus Holroyd", "James Whitfield"),
        forums=("midlands", "east-anglia"),
        doi=True,
    ),
    DemoPublication(
        "A productivity strategy for London and the South",
        PB,
        "London and the South are the UK's most productive areas, but their growth has slowed too. This brief "
        "sets out priorities for housing, transport and skills that would help the region and the rest of the "
        "country.",
        ("geography-and-place", "investment-and-finance"),
        ("regional inequality", "investment"),
        ("Oliver Hartley", "Laura Bennett"),
        forums=("london-and-the-south",),
    ),
    DemoPublication(
        "Measuring output per hour in services: new evidence from administrative data",
        ARTICLE,
        "Hours worked in services are poorly measured in surveys. Using payroll records, we construct new "
        "estimates of hours and output per hour for service industries and show that measured productivity "
        "growth in business services has been understated.",
        ("measurement-and-data",),
        ("measurement", "labour market"),
        ("Eleanor Marsh", "Tomasz Nowak", KENJI_WATANABE),
        journal="Review of Income and Wealth",
        doi=True,
    ),
    DemoPublication(
        "Productivity in the UK's nations and regions: annual review",
        REPORT,
        "Our annual review of productivity across the UK's nations and regions: the latest figures, what changed "
        "over the year, and the research and forum activity behind the institute's recommendations.",
        ("geography-and-place", "measurement-and-data"),
        ("regional inequality", "measurement"),
        ("Helen Marwick", "Imran Qureshi", "Tomasz Nowak"),
        doi=True,
    ),
    DemoPublication(
        "Governance and growth: lessons for the UK from other countries",
        IP,
        "The UK is one of the most centralised advanced countries. This paper compares how other countries share "
        "decisions on infrastructure, skills and business support between national and local government, and "
        "what the UK could learn.",
        ("institutions-and-governance",),
        ("devolution", "public sector"),
        ("Duncan Fraser", "Amara Nwosu", SOPHIE_LAURENT),
    ),
    DemoPublication(
        "Does investment in AI pay off? Evidence from UK firms",
        WP,
        "We follow firms that invested in AI and related intangible assets and compare them with similar firms "
        "that did not. Productivity gains appear after two to three years and are concentrated in firms that "
        "also invested in training.",
        ("investment-and-finance", "technology-innovation-and-diffusion"),
        ("AI", "investment", "intangibles"),
        ("Nathan Corbett", "Henry Aldous"),
        doi=True,
    ),
]


def load(log):
    home = HomePage.objects.first()
    if home is None:
        log("Research: no home page, so no research, partners or people pages.")
        return
    research = demo_page(
        home,
        ResearchIndexPage(
            title="Research",
            slug="research",
            show_in_menus=True,
            intro="The Institute's key research themes are led by ten academic partners spread across the UK. "
            "They are grouped into three programmes: People; Firms; and Institutions and the Economy.",
        ),
    )
    themes = {theme.slug: _theme(research, theme) for theme in THEMES}
    publications = _publications(research, themes)
    demo_page(
        home,
        PartnersPage(
            title="Our partners",
            slug="partners",
            show_in_menus=True,
            intro="The Institute's key research themes are led by ten academic partners spread across the UK. Eight "
            "of them also support one of the regional productivity forums.",
        ),
    )
    demo_page(
        home,
        PeopleIndexPage(
            title="People",
            slug="people",
            show_in_menus=True,
            intro="A diverse community of leading experts, policymakers and practitioners: the researchers who lead "
            "our themes, the business leaders and academics who run our forums, and the institute's own team.",
        ),
    )
    made_themes = sum(1 for theme in themes.values() if theme)
    log(f"Research: {made_themes} themes, {len(publications)} publications, partners and people pages.")


def _partner(slug):
    """The institute loader's institution, as editors left it (even renamed), or None if they deleted it."""
    return demo_object(f"institution:{slug}", lambda: Institution.objects.filter(slug=slug).first())


def _lead(lead, theme):
    slug = slugify(lead.name)
    leads = "leads" if lead.role == "Theme lead" else "co-leads"
    topic = theme.title[0].lower() + theme.title[1:]

    def create():
        return Person.objects.filter(slug=slug).first() or Person.objects.create(
            slug=slug,
            name=lead.name,
            honorific=lead.honorific,
            job_title=lead.job_title,
            organisation=_partner(lead.organisation),
            short_bio=f"{lead.name.split()[0]} {leads} the institute's research theme on {topic}, working with "
            "researchers across the academic partners and with the regional forums.",
        )

    return demo_object(f"research-theme-lead:{slug}", create)


def _theme(research, theme):
    if research is None:
        return None
    leads = [(lead, person) for lead in theme.leads if (person := _lead(lead, theme))]
    page = ResearchThemePage(
        title=theme.title,
        slug=theme.slug,
        programme=theme.programme,
        summary=theme.summary,
        body=_theme_body(theme),
        leads=[
            ThemeLead(person=person, role=lead.role, sort_order=position)
            for position, (lead, person) in enumerate(leads)
        ],
        partners=[partner for partner in map(_partner, theme.partners) if partner],
        forums=list(ForumPage.objects.originals().filter(slug__in=theme.forums)),
    )
    return demo_page(research, page)


def _theme_body(theme):
    body = [
        ("heading", {"text": "What the theme asks", "level": "h2"}),
        *[("rich_text", f"<p>{paragraph}</p>") for paragraph in theme.paragraphs],
    ]
    if theme.chart:
        body.append(_chart(theme.chart))
    return body


def _chart(chart):
    data = io.StringIO()  # written as CSV, so that "Yorkshire, Humber and North East" is quoted
    csv.writer(data, lineterminator="\n").writerows([chart.header, *chart.rows])
    return (
        "chart",
        {
            "title": chart.title,
            "chart_type": chart.chart_type,
            "data": data.getvalue(),
            "y_axis_label": chart.y_axis_label,
            "source": ILLUSTRATIVE_SOURCE,
        },
    )


@dataclass(frozen=True)
class Links:
    """What publications link to, each by the slug or name the data above uses; None where editors deleted it."""

    themes: dict
    forums: dict
    people: dict
    keywords: dict


def _publications(research, themes):
    if research is None:
        return []
    index = demo_page(
        research,
        PublicationIndexPage(
            title="Publications",
            slug="publications",
            show_in_menus=True,
            intro="Working papers, insights papers, policy briefs, reports, journal articles and data sets from the "
            "institute's research themes and regional forums.",
        ),
    )
    if index is None:
        return []
    links = Links(
        themes=themes,
        forums={forum.slug: forum for forum in ForumPage.objects.originals()},
        people=_authors_on_site(),
        keywords={name: _keyword(name) for name in KEYWORDS},
    )
    dates = _publication_dates(len(PUBLICATIONS))
    numbers = _series_numbers()
    made = [
        _publication(index, publication, position=position, date=date, report_number=numbers[position], links=links)
        for position, (publication, date) in enumerate(zip(PUBLICATIONS, dates, strict=True))
    ]
    return [page for page in made if page]


def _authors_on_site():
    """The people publications name, by name: theme leads, forum leads and the institute's researchers."""
    theme_leads = [_lead(lead, theme) for theme in THEMES for lead in theme.leads]
    forum_leads = Person.objects.filter(forums_led__isnull=False)
    institute = Person.objects.filter(slug__in=INSTITUTE_AUTHORS)
    return {person.name: person for person in [*theme_leads, *forum_leads, *institute] if person}


def _keyword(name):
    """A shared keyword, made once: one an editor renamed is used as renamed, one they deleted is left out."""
    return demo_object(
        f"research-keyword:{slugify(name)}",
        lambda: Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name),
    )


def _publication_dates(count):
    """Evenly spread from January 2021 to a few days ago, oldest first."""
    newest = datetime.date.today() - NEWEST_PUBLICATION_AGE
    span = max((newest - FIRST_PUBLICATION_DAY).days, 0)
    return [FIRST_PUBLICATION_DAY + datetime.timedelta(days=round(span * n / (count - 1))) for n in range(count)]


def _series_numbers():
    """Each publication's number in its series, by position in PUBLICATIONS: WP004, WP010…, or "" for none."""
    numbers, counts = [], {}
    for publication in PUBLICATIONS:
        if publication.publication_type not in SERIES_NUMBERS:
            numbers.append("")
            continue
        prefix, first, step = SERIES_NUMBERS[publication.publication_type]
        counts[prefix] = counts.get(prefix, 0) + 1
        numbers.append(f"{prefix}{first + step * (counts[prefix] - 1):03d}")
    return numbers


def _publication(index, publication, *, position, date, report_number, links):
    slug = publication.slug or slugify(publication.title)[:80].strip("-")
    folder = EXTERNAL_URL_FOLDERS.get(publication.publication_type)
    page = PublicationPage(
        title=publication.title,
        slug=slug,
        publication_type=publication.publication_type,
        publication_date=date,
        abstract=publication.abstract,
        journal=publication.journal,
        report_number=report_number,
        doi=f"{DEMO_DOI_PREFIX}.{date.year}.{position + 1:03d}" if publication.doi else "",
        external_url=f"https://example.org/{folder}/{slug}" if folder else "",
        pdf=_pdf(publication, date),
        themes=[links.themes[slug] for slug in publication.themes if links.themes[slug]],
        forums=[links.forums[slug] for slug in publication.forums if slug in links.forums],
        authors=_authors(publication, links.people),
    )
    page.keywords.add(*[links.keywords[name] for name in publication.keywords if links.keywords[name]])
    return demo_page(index, page)


def _authors(publication, people):
    authors = []
    for author in publication.authors:
        if isinstance(author, tuple):
            name, affiliation = author
            authors.append(PublicationAuthor(name=name, affiliation=affiliation))
        elif author in people:  # not someone an editor has since deleted
            authors.append(PublicationAuthor(person=people[author]))
    for position, author in enumerate(authors):
        author.sort_order = position
    return authors


def _pdf(publication, date):
    label = PublicationType(publication.publication_type).label
    return pdf_document(
        publication.title,
        [
            f"{label}, {date:%B %Y}. Demo document generated by the website's demo loader: the publication, its "
            "authors and its findings are invented.",
            publication.abstract,
            (
                "The data set's documentation would describe its sources, coverage and variables, and how to cite it."
                if publication.publication_type == PublicationType.DATA_SET
                else "The full paper would set out the data and methods, the results and their robustness, and what "
                "they mean for firms, for places and for policy."
            ),
            "The Productivity Institute: exploring what productivity means for business, for people and for places.",
        ],
    )
