"""Research pages tell themes apart by their motifs, open with their facts, and list publications as cards."""

import pytest

from tests.factories import (
    ImageFactory,
    PublicationAuthorFactory,
    PublicationPageFactory,
    ResearchThemePageFactory,
    ThemeLeadFactory,
)

pytestmark = pytest.mark.django_db


def test_each_theme_card_shows_its_own_motif_not_a_shared_picture(client, soup, research_index):
    ResearchThemePageFactory(parent=research_index, title="Skills and the labour market", slug="skills")
    ResearchThemePageFactory(parent=research_index, title="Technology and innovation", slug="technology")

    cards = soup(client.get("/research/")).select(".theme-card")
    motifs = [card.select_one(".theme-card__motif svg") for card in cards]

    assert len(motifs) == 2 and all(motif["aria-hidden"] == "true" for motif in motifs)
    assert str(motifs[0]) != str(motifs[1])
    assert not any(card.select("img") for card in cards)
    # The same theme gets the same motif on its own page.
    theme_page = soup(client.get("/research/skills/"))
    assert str(theme_page.select_one(".theme-header__motif svg")) == str(motifs[0])


def test_a_theme_page_opens_with_its_title_intro_and_facts_before_any_picture(client, soup, research_index):
    theme = ResearchThemePageFactory(
        parent=research_index, slug="skills", summary="How skills shape productivity.", hero_image=ImageFactory()
    )
    ThemeLeadFactory(theme=theme, person__name="Fionnuala Byrne")

    html = client.get("/research/skills/").content.decode()
    page = soup(client.get("/research/skills/"))

    facts = page.select_one(".theme-facts")
    assert "Led by" in facts.text and "Fionnuala Byrne" in facts.text
    assert html.index("How skills shape productivity.") < html.index('class="theme-facts"') < html.index("<picture")
    assert 'fetchpriority="high"' not in html


def test_publication_cards_show_type_date_authors_and_summary(client, soup, publication_index):
    publication = PublicationPageFactory(
        parent=publication_index,
        title="Why has productivity stalled?",
        abstract="We decompose the slowdown into firms, sectors and regions.",
    )
    PublicationAuthorFactory(publication=publication, person__name="Helen Marwick")
    PublicationAuthorFactory(publication=publication, person=None, name="Amara Nwosu")

    (card,) = soup(client.get("/research/publications/")).select(".publication-list__item")

    assert card.select_one(".publication-list__title a").text == "Why has productivity stalled?"
    assert card.select_one(".publication-list__type").text == "Working paper"
    assert card.select_one("time")["datetime"] == publication.publication_date.isoformat()
    assert card.select_one(".publication-list__authors").text == "Helen Marwick, Amara Nwosu"
    summary = card.select_one(".publication-list__summary").text
    assert summary == "We decompose the slowdown into firms, sectors and regions."


def test_a_publication_body_never_repeats_its_abstract(client, soup, publication_index):
    PublicationPageFactory(
        parent=publication_index,
        slug="paper",
        abstract="We decompose the slowdown.",
        body=[("rich_text", "<p>We decompose   the <i>slowdown</i>.</p><p>Method notes.</p>")],
    )

    page = soup(client.get("/research/publications/paper/"))

    assert page.select_one(".publication-abstract").text.count("We decompose the slowdown.") == 1
    body = page.select_one(".page-body")
    assert "decompose" not in body.text and "Method notes." in body.text
