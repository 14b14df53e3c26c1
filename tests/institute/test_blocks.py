from django.core.exceptions import ValidationError

import pytest

from institute.blocks import ImageFigureBlock, LinkBlock, VideoBlock, video_player_url
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://example.com/video.mp4", None),
        ("not a url", None),
    ],
)
def test_video_player_url(url, player):
    assert video_player_url(url) == player


def test_video_block_refuses_other_hosts():
    block = VideoBlock()
    value = block.to_python({"title": "Film", "url": "https://example.com/film", "poster": None, "transcript": ""})

    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.parametrize(
    ("with_page", "url", "valid"),
    [
        (True, "", True),
        (False, "https://example.com/", True),
        (True, "https://example.com/", False),
        (False, "", False),
    ],
)
def test_link_block_needs_exactly_one_target(home_page, with_page, url, valid):
    block = LinkBlock()
    value = block.to_python({"text": "Go", "page": home_page.pk if with_page else None, "url": url})

    if valid:
        assert block.clean(value)["text"] == "Go"
    else:
        with pytest.raises(ValidationError):
            block.clean(value)


def test_link_block_href(home_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    block = LinkBlock()

    assert block.to_python({"text": "About", "page": about.pk, "url": ""}).href == "/about/"
    assert block.to_python({"text": "Out", "page": None, "url": "https://example.com/"}).href == "https://example.com/"


def test_image_figure_needs_alt_text_when_the_image_has_no_description():
    block = ImageFigureBlock()
    value = block.to_python({"image": ImageFactory(description="").pk, "alt_text": "", "caption": ""})

    with pytest.raises(ValidationError):
        block.clean(value)


def test_rich_text_containing_the_batching_boundary_still_renders(client, home_page, soup):
    from institute.blocks import RICH_TEXT_BOUNDARY

    body = [("rich_text", f"<p>One {RICH_TEXT_BOUNDARY} two</p>"), ("rich_text", "<p>Three</p>")]
    StandardPageFactory(parent=home_page, slug="odd", body=body)

    texts = [block.text.strip() for block in soup(client.get("/odd/")).select(".block-rich-text")]

    assert texts == ["One  two", "Three"]
