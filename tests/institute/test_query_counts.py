"""A page costs a fixed number of queries, however much content it shows."""

import pytest

from institute.models import InstituteSettings
from tests.factories import DocumentFactory, ImageFactory, InstitutionFactory, PersonFactory, StandardPageFactory
from tests.helpers import queries_for
from tests.institute.test_pages import every_block_body

pytestmark = pytest.mark.django_db

HOME_PAGE_QUERIES = 11
STANDARD_PAGE_QUERIES = 26


@pytest.fixture
def site_settings(site, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    settings = InstituteSettings.for_site(site)
    settings.announcement_text = "National Productivity Week"
    settings.announcement_link = [("link", {"text": "More", "page": about, "url": ""})]
    settings.footer_links = [("link", {"text": "About", "page": about, "url": ""})]
    settings.save()
    return settings


@pytest.mark.parametrize("partners", [1, 12])
def test_home_page_queries_do_not_grow_with_partners(client, home_page, site_settings, partners):
    for _ in range(partners):
        InstitutionFactory(is_academic_partner=True, logo=ImageFactory())
    home_page.hero_image = ImageFactory()
    home_page.save_revision().publish()

    assert queries_for(client, "/") == HOME_PAGE_QUERIES


@pytest.mark.parametrize("copies", [1, 4])
def test_standard_page_queries_do_not_grow_with_blocks(client, home_page, site_settings, copies):
    body = []
    for _ in range(copies):
        people = [PersonFactory(photo=ImageFactory()) for _ in range(3)]
        body += every_block_body(
            ImageFactory(), DocumentFactory(), people, site_settings.announcement_link[0].value["page"]
        )
    StandardPageFactory(parent=home_page, title="Full", slug="full", body=body)

    assert queries_for(client, "/full/") == STANDARD_PAGE_QUERIES
