"""The institute's own demo content: institutions, people, core pages, settings and the home page.

Everything invented here is marked as demo: the people are fictional and say so in their bios.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Site

from institute.access import staff_editors_group
from institute.demo.accounts import demo_password
from institute.demo.helpers import demo_object, demo_page, illustration_image, logo_image, pdf_document
from institute.models import FormField, FormPage, HomePage, InstituteSettings, Institution, Person, StandardPage
from institute.site_address import follow_base_url

STAFF_EDITOR = "staff-editor"

# (name, short name, slug, city, website, academic partner). The eight forum partners come from the
# institute's public pages; the two further partners are invented for the demo and say so.
INSTITUTIONS = [
    ("University of Glasgow", "Glasgow", "university-of-glasgow", "Glasgow", "https://www.gla.ac.uk/", True),
    ("King's College London", "KCL", "kings-college-london", "London", "https://www.kcl.ac.uk/", True),
    (
        "University of Sheffield",
        "Sheffield",
        "university-of-sheffield",
        "Sheffield",
        "https://www.sheffield.ac.uk/",
        True,
    ),
    ("University of Warwick", "Warwick", "university-of-warwick", "Coventry", "https://warwick.ac.uk/", True),
    (
        "University of Manchester",
        "Manchester",
        "university-of-manchester",
        "Manchester",
        "https://www.manchester.ac.uk/",
        True,
    ),
    ("Cardiff University", "Cardiff", "cardiff-university", "Cardiff", "https://www.cardiff.ac.uk/", True),
    ("Queen's University Belfast", "QUB", "queens-university-belfast", "Belfast", "https://www.qub.ac.uk/", True),
    ("University of Cambridge", "Cambridge", "university-of-cambridge", "Cambridge", "https://www.cam.ac.uk/", True),
    ("Pennine University", "Pennine", "pennine-university-demo", "Halifax", "", True),
    ("Severn Valley University", "Severn Valley", "severn-valley-university-demo", "Shrewsbury", "", True),
    (
        "National Institute of Economic and Social Research",
        "NIESR",
        "niesr",
        "London",
        "https://www.niesr.ac.uk/",
        False,
    ),
]

# (slug, honorific, name, job title, institution slug, bio). All fictional.
PEOPLE = [
    (
        "helen-marwick",
        "Professor",
        "Helen Marwick",
        "Director",
        "university-of-manchester",
        "Helen leads the institute's research programme and chairs its management board. Her work looks at "
        "why productivity growth differs so much between UK regions.",
    ),
    (
        "tomasz-nowak",
        "Dr",
        "Tomasz Nowak",
        "Deputy Director, Research",
        "university-of-cambridge",
        "Tomasz coordinates the research themes across the ten academic partners and works on the "
        "measurement of intangible investment.",
    ),
    (
        "aisha-rahman",
        "",
        "Aisha Rahman",
        "Head of Communications and Engagement",
        "university-of-manchester",
        "Aisha runs the institute's website, newsletters and National Productivity Week campaign.",
    ),
    (
        "gareth-price",
        "Dr",
        "Gareth Price",
        "Research Fellow",
        "cardiff-university",
        "Gareth studies management practices in small and medium-sized firms in Wales, working with the "
        "Wales Productivity Forum.",
    ),
    (
        "mairead-kelly",
        "Professor",
        "Mairead Kelly",
        "Professor of Economics",
        "queens-university-belfast",
        "Mairead researches skills, training and the labour market in Northern Ireland.",
    ),
    (
        "euan-campbell",
        "",
        "Euan Campbell",
        "Partnerships Manager",
        "university-of-glasgow",
        "Euan looks after the institute's partnerships with businesses and public bodies.",
    ),
]

ABOUT_TEXT = (
    "<p>The Productivity Institute is a UK-wide research organisation exploring what productivity means "
    "for business, for people and for places. We are a diverse community of leading experts, "
    "policymakers and practitioners.</p>"
    "<p>Our key research themes are led by ten academic partners spread across the UK, and we work "
    "closely with eight regional productivity forums covering all of England's regions and the "
    "devolved nations of Scotland, Wales and Northern Ireland.</p>"
)

ACCESSIBILITY_SECTIONS = [
    (
        "Using this website",
        "<p>We want as many people as possible to be able to use this website. You should be able to:</p>"
        "<ul><li>zoom in up to 400% without the text spilling off the screen</li>"
        "<li>navigate the whole website using just a keyboard</li>"
        "<li>navigate the website using speech recognition software</li>"
        "<li>listen to the website using a screen reader</li>"
        "<li>read text whose contrast with its background meets WCAG AAA (7:1)</li></ul>"
        "<p>Videos load nothing from their hosts until you choose to play them, and each has a text title "
        "and, where we have one, a transcript.</p>",
    ),
    (
        "How accessible this website is",
        "<p>This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level "
        "AA, and level AAA for colour contrast. Every page is checked automatically with axe before each "
        "release.</p><p>Some older PDF documents may not be fully accessible to screen reader software. "
        "If you need a document in another format, ask us and we will provide one.</p>",
    ),
    (
        "Feedback and contact information",
        "<p>If you find a problem, or need information in a different format, e-mail us at "
        "enquiries@productivity.example and we will reply within 5 working days.</p>",
    ),
    (
        "Enforcement procedure",
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector "
        "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not "
        "happy with how we respond to your complaint, contact the Equality Advisory and Support Service "
        "(EASS).</p>",
    ),
]


def rich_text(html):
    return ("rich_text", html)


def load(log):
    institutions = {row[2]: _institution(*row) for row in INSTITUTIONS}
    people = [_person(*row, institutions=institutions) for row in PEOPLE]
    home = HomePage.objects.first()
    site = Site.objects.filter(is_default_site=True).first()
    if home is None or site is None:
        log("Institute: no home page or default site (deleted in the admin?), so no pages or settings.")
        return
    about = _about_page(home, people)
    contact = _contact_page(home, people)
    accessibility = _accessibility_page(home)
    demo_object("home-page", lambda: _fill_home_page(home, about))
    # Every run: `make run PORT=8001` serves the same database on another address.
    follow_base_url(site)
    demo_object("site-settings", lambda: _fill_site_settings(site, about, contact, accessibility))
    demo_object("default-share-image", lambda: _default_share_image(site))
    demo_object(f"user:{STAFF_EDITOR}", _staff_editor_account)
    log(f"Institute: {len(institutions)} institutions, {len(people)} people, core pages and settings.")


def demo_sign_ins():
    """The demo staff editor's account, for `ensure_demo_admin` to print."""
    return [(STAFF_EDITOR, "staff editor: edits all content and approves forums' changes")]


def _staff_editor_account():
    user = get_user_model().objects.create_user(
        STAFF_EDITOR,
        email=f"{STAFF_EDITOR}@productivity.example",
        password=demo_password(),
        first_name="Demo",
        last_name="Staff editor",
    )
    user.groups.add(staff_editors_group())
    return user


def _institution(name, short_name, slug, city, website, is_academic_partner):
    def create():
        # An institution an editor already added under this slug or name is used as it is.
        existing = Institution.objects.filter(Q(slug=slug) | Q(name=name)).first()
        return existing or Institution.objects.create(
            name=name,
            short_name=short_name,
            slug=slug,
            city=city,
            website=website,
            is_academic_partner=is_academic_partner,
            logo=logo_image(name, short_name),
        )

    return demo_object(f"institution:{slug}", create)


def _person(slug, honorific, name, job_title, institution_slug, bio, *, institutions):
    def create():
        return Person.objects.filter(slug=slug).first() or Person.objects.create(
            slug=slug,
            honorific=honorific,
            name=name,
            job_title=job_title,
            organisation=institutions[institution_slug],
            short_bio=bio,
            is_staff_member=True,  # the institute's own team
        )

    return demo_object(f"person:{slug}", create)


def _present(people):
    """The demo people editors have not deleted."""
    return [person for person in people if person]


def _about_page(home, people):
    report = pdf_document(
        "Annual review 2025",
        [
            "This annual review is demo content generated by the website's demo loader.",
            "In 2025 the institute's regional productivity forums met across all of England's regions and "
            "the devolved nations, and the research themes published working papers, insights papers and "
            "policy briefings.",
            "National Productivity Week brought businesses, policymakers and researchers together for a "
            "week of events across the forums.",
        ],
    )
    image = illustration_image(
        "Productivity across the UK's regions",
        description="Abstract illustration of rising bar and line charts on a blue-green background",
    )
    return demo_page(
        home,
        StandardPage(
            title="About us",
            slug="about",
            show_in_menus=True,
            intro="Exploring what productivity means for business, for people and for places.",
            body=[
                rich_text(ABOUT_TEXT),
                ("image", {"image": image, "alt_text": image.description, "caption": "Illustration."}),
                ("heading", {"text": "Why productivity matters", "level": "h2"}),
                rich_text(
                    "<p>Regional inequalities are a national problem. The UK has some of the highest regional "
                    "inequalities of any advanced country and is one of the most centralised. Businesses are "
                    "crucial to solving the UK's productivity problems, so our forums bring business leaders, "
                    "policymakers and researchers together in every nation and region.</p>"
                ),
                (
                    "quote",
                    {
                        "text": "Productivity is not about working harder: it is about working smarter, "
                        "everywhere in the country.",
                        "attribution": "Professor Helen Marwick",
                        "role": "Director",
                    },
                ),
                ("people", {"title": "Leadership team", "people": _present(people[:3])}),
                (
                    "table",
                    {
                        "table_caption": "The institute at a glance",
                        "table_header_choice": "row",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            ["What", "How many"],
                            ["Academic partners leading research themes", "10"],
                            ["Regional productivity forums", "8"],
                            ["Research programmes", "3"],
                        ],
                    },
                ),
                ("document", {"document": report, "title": "", "description": "Our year in review."}),
                (
                    "accordion",
                    {
                        "title": "Frequently asked questions",
                        "items": [
                            {
                                "question": "Who funds the institute?",
                                "answer": "<p>The institute is funded by research councils and its "
                                "partner universities.</p>",
                            },
                            {
                                "question": "How can my business get involved?",
                                "answer": "<p>Join your regional productivity forum: forums welcome business "
                                "leaders from local, national and multinational enterprises.</p>",
                            },
                        ],
                    },
                ),
            ],
        ),
    )


def _contact_page(home, people):
    return demo_page(
        home,
        FormPage(
            title="Contact us",
            slug="contact",
            show_in_menus=True,
            intro="Questions about our research, forums or events? We are happy to help.",
            body=[
                rich_text(
                    '<p>E-mail <a href="mailto:enquiries@productivity.example">enquiries@productivity.example</a> '
                    "or use the form below, and we will reply within five working days.</p>"
                ),
                ("people", {"title": "Who to contact", "people": _present([people[2], people[5]])}),
            ],
            form_fields=[
                FormField(label="Your name", field_type="singleline", required=True),
                FormField(label="Your email", field_type="email", required=True),
                FormField(label="Organisation", field_type="singleline", required=False),
                FormField(
                    label="What is it about?",
                    field_type="dropdown",
                    required=True,
                    choices="General enquiry\nResearch and publications\nRegional forums\nEvents\nMedia",
                ),
                FormField(label="Your message", field_type="multiline", required=True),
            ],
            thank_you_text="<p>Thank you for your message. We will reply within five working days.</p>",
            to_address="enquiries@productivity.example",
            from_address="noreply@productivity.example",
            subject="Message from the website's contact form",
        ),
    )


def _accessibility_page(home):
    body = []
    for heading, html in ACCESSIBILITY_SECTIONS:
        body += [("heading", {"text": heading, "level": "h2"}), rich_text(html)]
    return demo_page(
        home,
        StandardPage(
            title="Accessibility statement",
            slug="accessibility",
            intro="This statement applies to the website of The Productivity Institute.",
            body=body,
        ),
    )


def _link(text, page):
    return ("link", {"text": text, "page": page, "url": ""})


def _fill_home_page(home, about):
    if home.latest_revision_id:  # saved by an editor before the demo was first loaded
        return home
    home.hero_headline = "What productivity means for business, for people and for places"
    home.hero_intro = (
        "A UK-wide research organisation: ten academic partners, eight regional productivity forums and a "
        "diverse community of leading experts, policymakers and practitioners."
    )
    home.hero_link = [_link("About the institute", about)] if about else []
    home.save_revision().publish()
    return home


def _default_share_image(site):
    """Link previews of pages without an image of their own show the home page's illustration."""
    site_settings = InstituteSettings.for_site(site)
    if site_settings.default_share_image_id:  # chosen by an editor before the demo was loaded
        return site_settings
    site_settings.default_share_image = illustration_image(
        "Productivity for business, people and places",
        description="Abstract illustration of rising columns and a growth line over a map-like grid",
    )
    site_settings.save()
    return site_settings


def _fill_site_settings(site, about, contact, accessibility):
    site_settings = InstituteSettings.for_site(site)
    if site_settings.tagline or site_settings.contact_email:  # filled in by an editor before the demo was loaded
        return site_settings
    today = timezone.localdate()
    site_settings.tagline = "Exploring what productivity means for business, for people and for places"
    site_settings.contact_email = "enquiries@productivity.example"
    site_settings.postal_address = "The Productivity Institute\n1 Example Street\nManchester\nM1 1AA"
    site_settings.footer_text = (
        "<p>A UK-wide research organisation exploring what productivity means for business, for people and "
        "for places.</p>"
    )
    footer_pages = [("About us", about), ("Contact us", contact), ("Accessibility statement", accessibility)]
    site_settings.footer_links = [_link(text, page) for text, page in footer_pages if page]
    site_settings.announcement_text = "National Productivity Week: a week of events across every nation and region"
    site_settings.announcement_link = [_link("Find out more", about)] if about else []
    site_settings.announcement_first_day = today
    site_settings.announcement_last_day = today + datetime.timedelta(days=28)
    site_settings.save()
    return site_settings
