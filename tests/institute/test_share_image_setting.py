"""The site-wide share image (InstituteSettings.default_share_image), set through the admin's settings view."""

from http import HTTPStatus

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from institute.models import InstituteSettings
from institute.templatetags.metadata_tags import SHARE_IMAGE_SPEC
from tests.factories import ForumIndexPageFactory, ForumPageFactory, ImageFactory, PersonFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def meta(page, name):
    tag = page.select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag and tag["content"]


def settings_form(**changes):
    fields = {
        "organisation_name": "The Productivity Institute",
        "footer_links": streamfield([]),
        "announcement_link": streamfield([]),
        **changes,
    }
    return nested_form_data(fields)


@pytest.fixture
def settings_url(site):
    return f"/admin/settings/institute/institutesettings/{site.pk}/"


@pytest.fixture
def forum_lead(home_page, django_user_model):
    user = django_user_model.objects.create_user("lead-wales", "lead-wales@example.com", "password")
    ForumPageFactory(parent=ForumIndexPageFactory(parent=home_page), region="Wales", lead=PersonFactory(user=user))
    return user


def test_the_share_image_set_in_the_admin_is_shown_with_a_page_that_has_none(
    client, soup, home_page, site, settings_url, superuser, django_capture_on_commit_callbacks
):
    StandardPageFactory(parent=home_page, title="About us", slug="about")
    image = ImageFactory(file__width=1600, file__height=900)
    assert meta(soup(client.get("/about/")), "og:image") is None

    client.force_login(superuser)  # settings are for superusers: staff editors and forum leads may not open them
    # Saving the settings empties the page cache when the change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(settings_url, settings_form(default_share_image=image.pk))
    client.logout()

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert InstituteSettings.for_site(site).default_share_image == image
    page = soup(client.get("/about/"))
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    assert (rendition.width, rendition.height) == (1200, 630)
    assert meta(page, "og:image") == meta(page, "twitter:image") == f"http://localhost{rendition.url}"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "twitter:card") == "summary_large_image"


def test_a_forum_lead_cannot_open_or_change_the_settings(client, site, settings_url, forum_lead):
    image = ImageFactory()
    client.force_login(forum_lead)

    opened = client.get(settings_url)
    posted = client.post(settings_url, settings_form(default_share_image=image.pk))

    for response in (opened, posted):
        assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/admin/")
    assert InstituteSettings.for_site(site).default_share_image is None
