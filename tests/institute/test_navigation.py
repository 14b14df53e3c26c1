"""Every section is reachable from the main menu and the footer; the announcement links where it is about."""

# ruff: noqa: F811  (the fixture imported from tests/forums/conftest.py is an argument of a test)

import io
from http import HTTPStatus

from django.core.management import call_command

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from institute.models import InstituteSettings
from tests.factories import (
    EventIndexPageFactory,
    ForumIndexPageFactory,
    PartnersPageFactory,
    PeopleIndexPageFactory,
    PublicationIndexPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
    StandardPageFactory,
)
from tests.forums.conftest import staff_editor  # noqa: F401  (a shared fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home_page):
    research = ResearchIndexPageFactory(parent=home_page, show_in_menus=True)
    return {
        "research": research,
        "publications": PublicationIndexPageFactory(parent=research, show_in_menus=True),
        "theme": ResearchThemePageFactory(parent=research, title="Skills", slug="skills"),
        "people": PeopleIndexPageFactory(parent=home_page, show_in_menus=True),
        "partners": PartnersPageFactory(parent=home_page, show_in_menus=True),
        "events": EventIndexPageFactory(parent=home_page, show_in_menus=True),
        "forums": ForumIndexPageFactory(parent=home_page, show_in_menus=True),
        "hidden": StandardPageFactory(parent=home_page, title="Hidden", slug="hidden"),
    }


def menu(page):
    return page.find("nav", attrs={"aria-label": "Main"})


def test_the_main_menu_lists_each_section_and_its_own_pages(client, sections, soup):
    nav = menu(soup(client.get("/")))

    top_level = [item.find("a", recursive=False).text for item in nav.select(".main-nav__list > li")]
    assert top_level == ["Research", "People", "Our partners", "Events", "Regional forums", "Search"]
    research = nav.select(".main-nav__list > li")[0]
    button = research.find("button")
    assert button["aria-expanded"] == "false"
    assert button.text.strip() == "More in Research"
    submenu = nav.find(id=button["aria-controls"])
    assert [(a.text, a["href"]) for a in submenu.find_all("a")] == [("Publications", "/research/publications/")]


def test_the_current_section_is_marked_in_the_menu(client, sections, soup):
    nav = menu(soup(client.get("/research/publications/")))

    assert nav.find("a", string="Research")["aria-current"] == "true"
    assert nav.find("a", string="Publications")["aria-current"] == "page"


def test_the_footer_links_the_main_sections(client, sections, soup):
    footer = soup(client.get("/")).find("footer").find("nav", attrs={"aria-labelledby": "footer-sections-title"})

    assert [a["href"] for a in footer.find_all("a")] == [
        "/research/",
        "/research/publications/",
        "/people/",
        "/partners/",
        "/events/",
        "/forums/",
    ]


def test_a_page_a_staff_editor_puts_in_the_menus_joins_its_sections_list(client, sections, staff_editor, soup):
    theme = sections["theme"]
    data = nested_form_data(
        {
            "title": theme.title,
            "slug": theme.slug,
            "programme": theme.programme,
            "summary": theme.summary,
            "leads": inline_formset([]),
            "body": streamfield([]),
            "show_in_menus": "on",
            "action-publish": "publish",
        }
    )
    client.force_login(staff_editor)

    response = client.post(f"/admin/pages/{theme.pk}/edit/", data)
    client.logout()

    assert response.status_code == HTTPStatus.FOUND
    submenu = menu(soup(client.get("/"))).select(".main-nav__submenu")[0]
    assert [a.text for a in submenu.find_all("a")] == ["Publications", "Skills"]


def test_the_announcement_links_the_page_the_editor_chose(client, site, sections, soup):
    settings = InstituteSettings.for_site(site)
    settings.announcement_text = "Our partners met in Leeds"
    settings.announcement_link = [("link", {"text": "Read more", "page": sections["partners"], "url": ""})]
    settings.save()

    link = soup(client.get("/")).select_one(".announcement a")

    assert (link.text, link["href"]) == ("Read more", "/partners/")


def test_the_demo_menu_reaches_every_section(client, home_page, soup):
    call_command("load_demo_content", stdout=io.StringIO())

    hrefs = {a["href"] for a in menu(soup(client.get("/"))).find_all("a")}

    assert {
        "/research/",
        "/research/publications/",
        "/people/",
        "/partners/",
        "/events/",
        "/news/",
        "/forums/",
        "/search/",
    } <= hrefs
