"""Each forum pictured as its region on the site's own UK map; the forums map labelled and linked; a forum's key
contacts before its body."""

import pytest

from forums.map import REGIONS, forums_map
from forums.models import MAP_SHAPES, ForumPage
from tests.factories import ForumPageFactory, ImageFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forums(forum_index):
    return {
        slug: ForumPageFactory(parent=forum_index, slug=slug, region=region, map_shape=slug)
        for slug, region in [
            ("scotland", "Scotland"),
            ("yorkshire-humber-and-north-east", "Yorkshire, Humber and North East"),
            ("wales", "Wales"),
        ]
    }


def highlighted_outline(locator):
    (highlighted,) = locator.select(".forum-locator__region--highlighted")
    return highlighted["d"]


def label_text(label):
    return " ".join(line.text for line in label.select("tspan"))


def test_each_forum_card_shows_the_uk_with_its_region_highlighted(client, soup, forums):
    cards = soup(client.get("/forums/")).select(".forum-card")

    assert [card.h3.text for card in cards] == ["Scotland", "Wales", "Yorkshire, Humber and North East"]
    for card, slug in zip(cards, ["scotland", "wales", "yorkshire-humber-and-north-east"], strict=True):
        locator = card.select_one("svg.forum-locator")
        assert locator["aria-hidden"] == "true"
        assert highlighted_outline(locator) == REGIONS[slug].outline
        assert {path["d"] for path in locator.select("path")} == {region.outline for region in REGIONS.values()}
        assert not card.select("img, picture")


def test_a_forum_not_on_the_map_has_no_locator_and_its_card_no_picture(client, soup, forum_index):
    forum = ForumPageFactory(
        parent=forum_index, slug="online", region="Online", listing_image=ImageFactory(), hero_image=ImageFactory()
    )

    (card,) = soup(client.get("/forums/")).select(".forum-card")
    assert card.h3.text == "Online"
    assert not card.select("svg, img")
    page = soup(client.get(forum.url))
    assert not page.select(".forum-locator")
    assert not page.select(".forum-map")


def test_the_forum_page_opens_with_its_region_not_a_banner(client, soup, forums):
    wales = forums["wales"]
    wales.hero_image = ImageFactory()
    wales.save_revision().publish()

    page = soup(client.get(wales.url))

    header = page.select_one(".forum-header")
    assert highlighted_outline(header.select_one("svg.forum-locator")) == REGIONS["wales"].outline
    assert not header.select("img")
    # The forum's own picture is shown after the key contacts, small and loaded when scrolled to.
    picture = page.select_one(".forum-page__picture img")
    assert picture["loading"] == "lazy"
    assert "fetchpriority" not in picture.attrs
    html = str(page)
    assert html.index('id="key-contacts"') < html.index("forum-page__picture")


def test_the_forums_map_labels_and_links_every_forum_on_it(client, soup, forums, forum_index):
    ForumPageFactory(parent=forum_index, slug="online", region="Online")

    page = soup(client.get("/forums/"))

    links = page.select(".forum-map svg a.forum-map__link")
    assert [
        (link["href"], link["aria-label"], label_text(link.select_one("text.forum-map__label"))) for link in links
    ] == [
        ("/forums/scotland/", "Scotland forum", "Scotland"),
        ("/forums/wales/", "Wales forum", "Wales"),
        (
            "/forums/yorkshire-humber-and-north-east/",
            "Yorkshire, Humber and North East forum",
            "Yorkshire, Humber and North East",
        ),
    ]
    for link in links:
        assert link.select_one("path.forum-map__region")["d"] == REGIONS[link["href"].split("/")[2]].outline
        # A long name is wrapped between words, never within one.
        assert all(line.text.strip() == line.text and line.text for line in link.select("tspan"))
    # The regions no forum covers are drawn too, so the UK is whole; they are not links.
    unclaimed = page.select(".forum-map svg > path.forum-map__region--no-forum")
    assert len(unclaimed) == len(REGIONS) - len(forums)


def test_the_forums_index_counts_its_forums_from_the_data(client, soup, forums):
    page = soup(client.get("/forums/"))

    assert page.select_one("#forum-list-title").text == "The 3 forums"


def test_the_map_comes_before_the_list(client, soup, forums):
    html = client.get("/forums/").content.decode()

    assert html.index('class="forum-map"') < html.index('id="forum-list-title"')


def test_key_contacts_come_before_the_intro_and_body(client, soup, forum_index):
    chair, lead = PersonFactory(name="Rhian Pritchard"), PersonFactory(name="Gareth Llewellyn", honorific="Dr")
    forum = ForumPageFactory(
        parent=forum_index,
        slug="wales",
        region="Wales",
        map_shape="wales",
        chair=chair,
        lead=lead,
        intro="The forum's opening paragraph.",
        contact_email="wales@example.org",
        body=[("rich_text", "<p>What the forum does.</p>")],
    )

    html = client.get(forum.url).content.decode()

    contacts = html.index('id="key-contacts"')
    assert (
        contacts < html.index("Rhian Pritchard") < html.index("Dr Gareth Llewellyn") < html.index("wales@example.org")
    )
    assert html.index("wales@example.org") < html.index("The forum&#x27;s opening paragraph.")
    assert html.index("The forum&#x27;s opening paragraph.") < html.index("What the forum does.")


def test_the_home_page_shows_the_forums_map_beside_their_names(client, soup, forums):
    section = soup(client.get("/")).select_one("section[aria-labelledby=section-forums]")

    regions = section.select(".forum-map svg a.forum-map__link")
    assert [link["href"] for link in regions] == [
        "/forums/scotland/",
        "/forums/wales/",
        "/forums/yorkshire-humber-and-north-east/",
    ]
    # Small there: the names are in the list beside it, and each region names itself as a tooltip.
    assert not section.select(".forum-map__label")
    assert [link.title.text for link in regions] == [
        "Scotland forum",
        "Wales forum",
        "Yorkshire, Humber and North East forum",
    ]
    assert [card.a.text for card in section.select(".forum-card")] == [
        "Scotland",
        "Wales",
        "Yorkshire, Humber and North East",
    ]


def test_every_shape_staff_may_choose_is_drawn():
    assert [key for key, _ in MAP_SHAPES if key] == list(REGIONS)


def test_the_labels_of_the_eight_demo_forums_never_overlap_and_fit_the_drawing():
    names = {
        "scotland": "Scotland",
        "london-and-the-south": "London and the South",
        "yorkshire-humber-and-north-east": "Yorkshire, Humber and North East",
        "midlands": "Midlands",
        "north-west": "North West",
        "wales": "Wales",
        "northern-ireland": "Northern Ireland",
        "east-anglia": "East Anglia",
    }
    drawing = forums_map([ForumPage(region=name, map_shape=shape) for shape, name in names.items()], labelled=True)

    labels = [region.label for region in drawing.regions]
    boxes = [label.box for label in labels]
    for index, box in enumerate(boxes):
        for other in boxes[index + 1 :]:
            assert (
                box.bottom <= other.top or other.bottom <= box.top or box.right <= other.left or other.right <= box.left
            )
    left, top, width, height = map(float, drawing.view_box.split())
    for box in boxes:
        assert left <= box.left and box.right <= left + width and top <= box.top and box.bottom <= top + height
