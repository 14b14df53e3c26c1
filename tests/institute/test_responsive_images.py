"""Images are served as responsive renditions: WebP with a fallback, two widths, sized, lazy below the fold."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    ForumIndexPageFactory,
    ForumPageFactory,
    ImageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def pictures(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select("main picture")


def assert_responsive(picture, widths):
    """WebP for browsers that take it; the <img> itself is the JPEG fallback, with its size set."""
    webp = picture.select_one('source[type="image/webp"]')
    img = picture.select_one("img")
    assert [candidate.split()[-1] for candidate in webp["srcset"].split(", ")] == widths
    assert [candidate.split()[-1] for candidate in img["srcset"].split(", ")] == widths
    assert ".webp " in webp["srcset"] and img["src"].endswith(".jpg")
    assert webp["sizes"] == img["sizes"]
    assert img["width"] and img["height"]


def test_a_forums_own_picture_is_webp_with_a_jpeg_fallback_and_lazy(client, home_page):
    """Forum cards show the forum's region on the map, not a picture; the forum page shows its picture lower down."""
    forums = ForumIndexPageFactory(parent=home_page, slug="forums")
    forum = ForumPageFactory(parent=forums, hero_image=ImageFactory(file__width=1600, file__height=900))

    (picture,) = pictures(client, forum.url)

    assert_responsive(picture, ["480w", "960w"])
    assert picture.select_one("img")["loading"] == "lazy"


def test_people_photos_are_webp_with_a_jpeg_fallback(client, home_page):
    PeopleIndexPageFactory(parent=home_page, slug="people")
    PersonFactory(photo=ImageFactory(file__width=600, file__height=600))

    (photo,) = pictures(client, "/people/")

    assert_responsive(photo, ["144w", "288w"])
    assert photo.select_one("img")["loading"] == "lazy"


def test_images_in_a_page_body_come_in_three_widths(client, home_page):
    image = ImageFactory(file__width=1600, file__height=1000)
    StandardPageFactory(
        parent=home_page, slug="chart", body=[("image", {"image": image, "alt_text": "A chart", "caption": ""})]
    )

    (figure,) = pictures(client, "/chart/")

    assert_responsive(figure, ["480w", "800w", "1200w"])
    assert figure.select_one("img")["alt"] == "A chart"
    assert figure.select_one("img")["loading"] == "lazy"
