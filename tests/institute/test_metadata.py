"""What a page's head gives search engines and link previews: titles, canonical URLs, share images, JSON-LD."""

import io
import json
from xml.etree import ElementTree

from django.core.management import call_command

from wagtail.models import Site

import pytest

from institute.models import InstituteSettings
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def meta(page, name):
    tag = page.select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag and tag["content"]


def json_ld(page):
    return {
        item["@type"]: item
        for item in map(json.loads, (s.string for s in page.select('script[type="application/ld+json"]')))
    }


def test_home_page_is_shared_as_the_organisation_with_its_hero_image(client, soup, home_page, site):
    site_settings = InstituteSettings.for_site(site)
    site_settings.linkedin_url = "https://www.linkedin.com/company/tpi"
    site_settings.save()
    home_page.hero_image = ImageFactory(file__width=2400, file__height=1600)
    home_page.save_revision().publish()

    page = soup(client.get("/"))

    assert page.title.text == "The Productivity Institute"
    assert meta(page, "og:title") == "The Productivity Institute"  # not the page tree's "Home"
    assert page.select_one('link[rel="canonical"]')["href"] == "http://localhost/"
    assert meta(page, "og:url") == "http://localhost/"
    assert meta(page, "og:image").startswith("http://localhost/media/images/")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "og:image").endswith(".jpg")
    assert meta(page, "twitter:card") == "summary_large_image"
    organization = json_ld(page)["Organization"]
    assert organization["@context"] == "https://schema.org"
    assert (organization["name"], organization["url"]) == ("The Productivity Institute", "http://localhost/")
    assert organization["sameAs"] == ["https://www.linkedin.com/company/tpi"]
    assert "BreadcrumbList" not in json_ld(page)


def test_a_page_without_an_image_is_shared_with_the_site_default_image(
    client, soup, home_page, site, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about", search_description="Who we are.")
    without_default = soup(client.get("/about/"))
    assert meta(without_default, "og:image") is None
    assert meta(without_default, "twitter:card") == "summary"

    with django_capture_on_commit_callbacks(execute=True):  # the setting's change empties the page cache
        site_settings = InstituteSettings.for_site(site)
        site_settings.default_share_image = ImageFactory(file__width=1600, file__height=900)
        site_settings.save()
    page = soup(client.get("/about/"))

    assert page.title.text == "About us | The Productivity Institute"
    assert (meta(page, "og:title"), meta(page, "og:description")) == ("About us", "Who we are.")
    assert meta(page, "description") == "Who we are."
    assert meta(page, "og:image").startswith("http://localhost/media/images/")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert page.select_one('link[rel="canonical"]')["href"] == about.full_url == "http://localhost/about/"


def test_a_page_below_home_names_its_trail(client, soup, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")

    trail = json_ld(soup(client.get("/about/team/")))["BreadcrumbList"]["itemListElement"]

    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "Home", "http://localhost/"),
        (2, "About us", "http://localhost/about/"),
        (3, "Our team", "http://localhost/about/team/"),
    ]


def test_site_set_up_on_this_machine_follows_the_address_it_is_served_at(client, soup, settings, home_page):
    """`make run PORT=8001` on a database first served on port 8000: links name port 8001."""
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"

    call_command("load_demo_content", stdout=io.StringIO())

    response = client.get("/", HTTP_HOST="127.0.0.1:8001")
    assert soup(response).select_one('link[rel="canonical"]')["href"] == "http://127.0.0.1:8001/"
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8001").content)
    locations = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert locations and all(location.startswith("http://127.0.0.1:8001/") for location in locations)
    assert InstituteSettings.for_site(Site.objects.get()).default_share_image is not None


def test_an_address_an_administrator_set_is_kept(settings, home_page):
    Site.objects.filter(is_default_site=True).update(hostname="www.productivity.example", port=443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"

    call_command("load_demo_content", stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.productivity.example", 443)
