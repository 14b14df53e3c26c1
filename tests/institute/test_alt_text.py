"""One alt text: the image's own description, which a page or block may override for its use."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from institute.access import STAFF_EDITORS
from institute.models import StandardPage
from tests.factories import ForumIndexPageFactory, ForumPageFactory, ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_editor(django_user_model):
    user = django_user_model.objects.create_user("staff", "staff@example.com", "password")
    user.groups.add(Group.objects.get(name=STAFF_EDITORS))
    return user


def image_block(image, alt_text="", decorative=False):
    return ("image", {"image": image.pk, "alt_text": alt_text, "decorative": decorative, "caption": ""})


def test_the_hero_says_the_image_description_unless_the_page_overrides_it(client, soup, home_page):
    forum_index = ForumIndexPageFactory(parent=home_page)
    cranes = ImageFactory(description="Container cranes at Felixstowe at dusk")
    described = ForumPageFactory(parent=forum_index, slug="east-anglia", hero_image=cranes, hero_image_alt="")
    overridden = ForumPageFactory(
        parent=forum_index, slug="wales", hero_image=cranes, hero_image_alt="The port where our members meet"
    )

    assert soup(client.get(described.url)).select_one(".forum-page__picture img")["alt"] == cranes.description
    assert (
        soup(client.get(overridden.url)).select_one(".forum-page__picture img")["alt"]
        == "The port where our members meet"
    )


def test_an_image_block_says_the_description_unless_overridden_or_decorative(client, soup, home_page, superuser):
    chart = ImageFactory(description="Bar chart: output per hour by region")
    body = [image_block(chart), image_block(chart, alt_text="Wales is fourth"), image_block(chart, decorative=True)]
    client.force_login(superuser)

    data = nested_form_data(
        {"title": "Findings", "slug": "findings", "intro": "", "body": streamfield(body), "action-publish": "publish"}
    )
    response = client.post(f"/admin/pages/add/institute/standardpage/{home_page.pk}/", data)

    assert response.status_code == 302
    images = soup(client.get("/findings/")).select(".block-image img")
    assert [img["alt"] for img in images] == [chart.description, "Wales is fourth", ""]


def test_an_image_block_without_any_alt_text_is_refused(client, home_page, superuser):
    undescribed = ImageFactory(description="")
    page = StandardPageFactory(parent=home_page, title="Findings", slug="findings")
    client.force_login(superuser)

    data = nested_form_data(
        {
            "title": "Findings",
            "slug": "findings",
            "intro": "",
            "body": streamfield([("rich_text", rich_text("<p>Text</p>")), image_block(undescribed)]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    assert "This image has no description" in response.content.decode()
    assert [block.block_type for block in StandardPage.objects.get(pk=page.pk).body] == ["rich_text"]


def test_an_image_upload_needs_a_description(client, soup, staff_editor):
    client.force_login(staff_editor)
    upload = SimpleUploadedFile("chart.png", get_test_image_file().file.getvalue(), "image/png")

    response = client.post("/admin/images/add/", {"title": "Chart", "file": upload})

    assert response.status_code == 200
    error = soup(response).select_one("[data-field-wrapper]:has(#id_description) .error-message")
    assert "This field is required" in error.text
    assert not get_image_model().objects.filter(title="Chart").exists()
