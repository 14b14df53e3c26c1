"""The site's own imagery and the home page: initials for people without a photo, the home hero's motif, the
partners as a strip of logos, and a page body that never repeats the page's standfirst."""

import re
from pathlib import Path

import pytest

from institute.models import StandardPage
from tests.factories import (
    ImageFactory,
    InstitutionFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

SITE_CSS = Path(__file__).resolve().parents[2] / "institute/static/institute/css/site.css"


def css_colour(name):
    """The value of the custom property `name` in site.css, e.g. css_colour("--avatar-tone-1") == "#0b4f6c"."""
    return re.search(rf"{name}:\s*(#[0-9a-fA-F]{{6}})\s*;", SITE_CSS.read_text()).group(1)


def contrast(foreground, background):
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def people_index(home_page):
    return PeopleIndexPageFactory(parent=home_page)


def avatar_of(page, name):
    card = next(card for card in page.select(".person-card") if name in card.get_text())
    return card.select_one(".person-avatar")


def tone_of(avatar):
    (tone,) = re.findall(r"person-avatar--tone-(\d+)", " ".join(avatar["class"]))
    return tone


def test_a_person_without_a_photo_shows_their_initials_on_a_colour_from_their_name(client, soup, people_index):
    PersonFactory(name="Helen Marwick", slug="helen-marwick", photo=None)
    PersonFactory(name="Aoife", slug="aoife", photo=None)

    directory = soup(client.get("/people/"))
    helen = avatar_of(directory, "Helen Marwick")
    profile = soup(client.get("/people/helen-marwick/")).select_one(".profile-header .person-avatar")

    assert helen.name == "span" and helen.text.strip() == "HM" and helen["aria-hidden"] == "true"
    assert avatar_of(directory, "Aoife").text.strip() == "A"
    assert not directory.select(".person-card img")
    # The same colour wherever and whenever the person is shown.
    assert tone_of(helen) == tone_of(profile) == tone_of(avatar_of(soup(client.get("/people/?page=1")), "Helen"))
    tone = css_colour(f"--avatar-tone-{tone_of(helen)}")
    assert contrast(css_colour("--color-primary-text"), tone) >= 7


def test_every_avatar_colour_has_at_least_7_to_1_contrast_with_the_initials():
    tones = re.findall(
        r"\.person-avatar--tone-(\d+) \{ --avatar-tone: var\(--avatar-tone-\1\); \}", SITE_CSS.read_text()
    )

    assert len(tones) == 6
    assert all(contrast(css_colour("--color-primary-text"), css_colour(f"--avatar-tone-{t}")) >= 7 for t in tones)


def test_a_person_with_a_photo_shows_the_photo(client, soup, people_index):
    PersonFactory(name="Helen Marwick", photo=ImageFactory())

    avatar = avatar_of(soup(client.get("/people/")), "Helen Marwick")

    assert avatar.name == "img" and avatar["alt"] == "" and avatar.find_parent("picture")


def test_the_home_hero_says_what_the_institute_is_beside_its_motif_not_a_stock_picture(client, soup, home_page):
    home_page.hero_headline = "What productivity means for business, for people and for places"
    home_page.hero_intro = "A UK-wide research organisation."
    home_page.save_revision().publish()

    hero = soup(client.get("/")).select_one(".hero")

    assert hero.select_one("h1").text == "What productivity means for business, for people and for places"
    assert hero.select_one(".hero__media svg.motif")["aria-hidden"] == "true"
    assert not hero.select("img")


def test_the_home_page_shows_the_partners_as_a_strip_of_linked_logos_named_in_their_alt_text(client, soup, home_page):
    InstitutionFactory(
        name="University of Glasgow", is_academic_partner=True, logo=ImageFactory(), website="https://gla.example/"
    )
    InstitutionFactory(name="Pennine University", is_academic_partner=True, website="https://pennine.example/")
    InstitutionFactory(name="A business", is_academic_partner=False, logo=ImageFactory())

    section = soup(client.get("/")).select_one("#section-partners").find_parent("section")

    links = section.select(".logo-strip a")
    assert [link["href"] for link in links] == ["https://pennine.example/", "https://gla.example/"]
    assert links[0].text.strip() == "Pennine University"
    assert links[1].select_one("img")["alt"] == "University of Glasgow"
    assert not section.select(".card")


@pytest.mark.parametrize(
    "first_paragraph",
    [
        "<p>Why productivity matters.</p>",
        "<p>Why <b>productivity</b>\n  matters.</p>",
        "<p>why productivity matters. </p>",
    ],
)
def test_a_standard_page_body_never_repeats_its_intro(client, soup, home_page, first_paragraph):
    StandardPageFactory(
        parent=home_page,
        slug="about",
        intro="Why productivity matters.",
        body=[("rich_text", f"{first_paragraph}<p>Our story.</p>"), ("heading", {"text": "History", "level": "h2"})],
    )

    page = soup(client.get("/about/"))

    assert page.select_one(".page-intro").text == "Why productivity matters."
    body = page.select_one(".page-body")
    assert "matters" not in body.text.lower()
    assert "Our story." in body.text and "History" in body.text


def test_a_body_that_is_only_the_intro_leaves_no_empty_block_and_other_openings_stay(client, soup, home_page):
    StandardPageFactory(parent=home_page, slug="about", intro="Who we are.", body=[("rich_text", "<p>Who we are.</p>")])
    StandardPageFactory(
        parent=home_page, slug="team", intro="Who we are.", body=[("rich_text", "<p>Who we are, and why.</p>")]
    )

    about = soup(client.get("/about/")).select_one(".page-body")
    team = soup(client.get("/team/")).select_one(".page-body")

    assert not about.select(".block-rich-text")
    assert "Who we are, and why." in team.text
    assert StandardPage.objects.get(slug="about").body[0].value.source == "<p>Who we are.</p>"  # nothing changed
