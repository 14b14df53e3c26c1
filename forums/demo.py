"""Demo content: the eight regional productivity forums, their (fictional) chairs and leads, and lead accounts.

Forum names, slugs and partner universities are the institute's own; everyone named here is invented
and says so. Each forum lead signs in as `lead-<forum slug>` with the demo admin password.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from forums.models import ForumIndexPage, ForumMember, ForumPage
from institute.demo.accounts import demo_password
from institute.demo.helpers import demo_object, demo_page
from institute.models import HomePage, Institution, Person

DEMO_EMAIL_DOMAIN = "productivity.example"


@dataclass(frozen=True)
class DemoPerson:
    name: str
    honorific: str
    job_title: str
    organisation: str  # an institution's name; businesses are made as needed


@dataclass(frozen=True)
class DemoForum:
    slug: str
    region: str
    partner_slug: str
    summary: str
    focus: str
    chair: DemoPerson
    lead: DemoPerson
    co_lead: DemoPerson | None
    members: tuple[tuple[str, str], ...]
    output_per_hour: int  # illustrative, UK average = 100


FORUMS = [
    DemoForum(
        "scotland",
        "Scotland",
        "university-of-glasgow",
        "Business leaders, policymakers and researchers working on productivity across Scotland.",
        "the adoption of digital technology by small firms, and skills in the energy transition",
        DemoPerson(
            "Morag Kinnaird",
            "",
            "Chief Executive",
            "Clyde Precision Engineering",
        ),
        DemoPerson("Alasdair Munro", "Dr", "Senior Lecturer in Economics", "University of Glasgow"),
        DemoPerson("Eilidh Ross", "Dr", "Research Fellow", "University of Glasgow"),
        (("Iain Drummond", "Highland Food Producers"), ("Shona Baird", "Forth Logistics")),
        96,
    ),
    DemoForum(
        "london-and-the-south",
        "London and the South",
        "kings-college-london",
        "Bringing together firms from the capital and the south to turn research into practice.",
        "management practices in professional services and the productivity of the public sector",
        DemoPerson("Priya Raman", "", "Managing Director", "Thames Analytics"),
        DemoPerson("Oliver Hartley", "Professor", "Professor of Public Policy", "King's College London"),
        None,
        (("Daniel Okafor", "Southwark Makers"), ("Harriet Lowe", "Solent Marine")),
        128,
    ),
    DemoForum(
        "yorkshire-humber-and-north-east",
        "Yorkshire, Humber and North East",
        "university-of-sheffield",
        "Yorks, Humber & North East: manufacturers, ports and universities working on productivity together.",
        "advanced manufacturing supply chains and the productivity of ports and logistics",
        DemoPerson("Graham Whitaker", "", "Chair", "Don Valley Steelworks"),
        DemoPerson("Rachel Sutcliffe", "Dr", "Reader in Management", "University of Sheffield"),
        DemoPerson("Kwame Mensah", "Dr", "Lecturer in Economics", "University of Sheffield"),
        (("Lucy Armitage", "Humber Energy Partners"), ("Peter Dunn", "Tyne Software Guild")),
        87,
    ),
    DemoForum(
        "midlands",
        "Midlands",
        "university-of-warwick",
        "The Midlands forum connects manufacturers and services firms across the East and West Midlands.",
        "automotive supply chains, and the diffusion of innovation beyond frontier firms",
        DemoPerson("Sunita Bains", "", "Operations Director", "Arden Automotive"),
        DemoPerson("James Whitfield", "Professor", "Professor of Industrial Economics", "University of Warwick"),
        None,
        (("Mark Evans", "Trent Valley Foods"), ("Aisha Patel", "Black Country Castings")),
        89,
    ),
    DemoForum(
        "north-west",
        "North West",
        "university-of-manchester",
        "Firms, councils and researchers in the North West testing what raises productivity locally.",
        "the productivity of city regions and the role of transport connections",
        DemoPerson("Colin Ashworth", "", "Founder", "Mersey Digital"),
        DemoPerson("Hannah Kershaw", "Dr", "Senior Research Fellow", "University of Manchester"),
        DemoPerson("Tom Brennan", "Dr", "Lecturer in Economic Geography", "University of Manchester"),
        (("Gillian Royle", "Pennine Textiles"), ("Sam Okoro", "Irwell Health Tech")),
        91,
    ),
    DemoForum(
        "wales",
        "Wales",
        "cardiff-university",
        "Fforwm Cynhyrchiant Cymru: the productivity forum for Wales, working in Welsh and English.",
        "the foundational economy, rural firms and bilingual business support",
        DemoPerson("Rhian Pritchard", "", "Managing Director", "Taff Vale Foods"),
        DemoPerson("Gareth Llewellyn", "Dr", "Senior Lecturer in Economics", "Cardiff University"),
        None,
        (("Owain Jenkins", "Menai Marine"), ("Carys Morgan", "Brecon Timber")),
        84,
    ),
    DemoForum(
        "northern-ireland",
        "Northern Ireland",
        "queens-university-belfast",
        "Businesses and policymakers in Northern Ireland working on productivity and skills.",
        "skills, management practices and cross-border trade",
        DemoPerson("Declan McAllister", "", "Chief Executive", "Lagan Composites"),
        DemoPerson("Siobhan Quinn", "Professor", "Professor of Economics", "Queen's University Belfast"),
        DemoPerson("Ciaran Doherty", "Dr", "Research Fellow", "Queen's University Belfast"),
        (("Niamh Kelly", "Antrim Agri-Tech"), ("Ruth Patterson", "Foyle Software")),
        83,
    ),
    DemoForum(
        "east-anglia",
        "East Anglia",
        "university-of-cambridge",
        "The East Anglia forum links the region's science businesses with its farms, ports and towns.",
        "spreading the productivity of the science cluster across the wider region",
        DemoPerson("Edward Finch", "", "Chair", "Fenland Growers"),
        DemoPerson(
            "Charlotte Reeve", "Dr", "Director of Research, Centre for Business Research", "University of Cambridge"
        ),
        None,
        (("Amir Haddad", "Cam Instruments"), ("Joanne Pike", "Felixstowe Freight")),
        99,
    ),
]


def lead_username(forum_slug):
    return f"lead-{forum_slug}"


def load(log):
    home = HomePage.objects.first()
    if home is None:
        log("Forums: no home page, so no forum pages.")
        return
    index = demo_page(
        home,
        ForumIndexPage(
            title="Regional forums",
            slug="forums",
            show_in_menus=True,
            intro="Regional inequalities are a national problem. Our regional productivity forums cover "
            "all of England's regions and the devolved nations of Scotland, Wales and Northern Ireland.",
        ),
    )
    forums = [_forum(index, forum) for forum in FORUMS]
    log(f"Forums: the forum index and {sum(1 for forum in forums if forum)} forums with their lead accounts.")


def demo_sign_ins():
    """The forum leads' accounts, for `ensure_demo_admin` to print."""
    return [(lead_username(forum.slug), f"forum lead: edits the {forum.region} forum only") for forum in FORUMS]


def _forum(index, forum):
    if index is None:
        return None
    partner = Institution.objects.filter(slug=forum.partner_slug).first()
    lead = _person(forum.lead, key=f"forum-lead:{forum.slug}")
    _lead_account(forum, lead)
    page = ForumPage(
        title=f"{forum.region} Productivity Forum",
        slug=forum.slug,
        region=forum.region,
        # The demo forums are the eight regions the map draws, and their slugs name the shapes.
        map_shape=forum.slug,
        summary=forum.summary,
        intro=f"The {forum.region} Productivity Forum is chaired by a regional business leader and supported by "
        f"a forum lead from {partner.name if partner else 'its partner university'}. It focuses on {forum.focus}.",
        hero_image_alt="",
        chair=_person(forum.chair, key=f"forum-chair:{forum.slug}"),
        lead=lead,
        co_lead=forum.co_lead and _person(forum.co_lead, key=f"forum-co-lead:{forum.slug}"),
        partner_university=partner,
        contact_email=f"{forum.slug}-forum@{DEMO_EMAIL_DOMAIN}",
        get_involved="<p>Forum members include stakeholders from policy, community and business leaders from local, "
        "national and multinational enterprises. To join, or to suggest a topic for a meeting, e-mail the "
        "forum.</p>",
        body=_body(forum),
        members=[
            ForumMember(name=name, organisation=organisation, sort_order=position)
            for position, (name, organisation) in enumerate(forum.members)
        ],
    )
    # No picture: a forum's card and page show its region on the map (forums/map.py).
    return demo_page(index, page)


def _body(forum):
    return [
        ("heading", {"text": "What the forum does", "level": "h2"}),
        (
            "rich_text",
            "<p>The forums are involved in the implementation of research insights, the design of practical "
            "business and policy interventions, and in providing input to the development of the institute's "
            f"future research agenda. In {forum.region} the forum's current focus is {forum.focus}.</p>",
        ),
        (
            "table",
            {
                "table_caption": f"Output per hour worked, {forum.region} against the UK (illustrative figures)",
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [
                    ["Area", "Output per hour (UK = 100)"],
                    [forum.region, str(forum.output_per_hour)],
                    ["UK", "100"],
                ],
            },
        ),
    ]


def _person(person, *, key):
    def create():
        organisation = Institution.objects.filter(name=person.organisation).first() or Institution.objects.create(
            name=person.organisation
        )
        return Person.objects.create(
            name=person.name,
            honorific=person.honorific,
            job_title=person.job_title,
            organisation=organisation,
            short_bio=f"{person.name} works on regional productivity.",
        )

    return demo_object(key, create)


def _lead_account(forum, lead):
    username = lead_username(forum.slug)

    def create():
        users = get_user_model().objects
        user = users.filter(username=username).first() or users.create_user(
            username,
            email=f"{username}@{DEMO_EMAIL_DOMAIN}",
            password=demo_password(),
            first_name=lead.name.split()[0] if lead else "",
            last_name=lead.name.split()[-1] if lead else "",
        )
        if lead is not None and lead.user_id is None:
            lead.user = user
            lead.save(update_fields=["user"])
        return user

    return demo_object(f"user:{username}", create)
