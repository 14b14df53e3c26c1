import datetime
from http import HTTPStatus

import pytest

from research.choices import Programme, PublicationType
from research.models import PublicationPage, ResearchThemePage
from tests.factories import (
    DocumentFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    ImageFactory,
    InstitutionFactory,
    PartnersPageFactory,
    PersonFactory,
    PersonLinkFactory,
    PublicationAuthorFactory,
    PublicationPageFactory,
    ResearchThemePageFactory,
    ThemeLeadFactory,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

THEME_PAGE_QUERIES = 21
PUBLICATION_PAGE_QUERIES = 18
PARTNERS_PAGE_QUERIES = 11


def test_research_index_lists_themes_by_programme(client, soup, research_index, publication_index):
    ResearchThemePageFactory(parent=research_index, title="Skills and the labour market", programme=Programme.PEOPLE)
    ResearchThemePageFactory(parent=research_index, title="Organisational capital", programme=Programme.FIRMS)
    draft = ResearchThemePageFactory(parent=research_index, title="Unpublished theme")
    draft.unpublish()

    page = soup(client.get("/research/"))

    programmes = {section.h2.text: [h3.text for h3 in section.select("h3")] for section in page.select(".programme")}
    assert programmes == {"People": ["Skills and the labour market"], "Firms": ["Organisational capital"]}
    assert page.select_one(".lead-links a")["href"] == "/research/publications/"


def test_theme_page_shows_leads_partners_forums_and_latest_publications(
    client, soup, research_index, publication_index
):
    forums = ForumIndexPageFactory(parent=research_index.get_parent())
    wales = ForumPageFactory(parent=forums, slug="wales", region="Wales")
    glasgow = InstitutionFactory(name="University of Glasgow")
    theme = ResearchThemePageFactory(
        parent=research_index,
        slug="geography",
        title="Geography and place",
        summary="Why places differ.",
        partners=[glasgow],
        forums=[wales],
        body=[("rich_text", "<p>Regional inequalities are a national problem.</p>")],
    )
    ThemeLeadFactory(theme=theme, person=PersonFactory(name="Alasdair Munro"), role="Theme lead", sort_order=0)
    ThemeLeadFactory(theme=theme, person=PersonFactory(name="Eilidh Ross"), role="Co-lead", sort_order=1)
    for day in range(8):
        PublicationPageFactory(
            parent=publication_index,
            themes=[theme],
            title=f"Paper {day}",
            publication_date=datetime.date(2024, 1, 1 + day),
        )
    PublicationPageFactory(parent=publication_index, title="Off topic")

    page = soup(client.get("/research/geography/"))

    assert page.h1.text == "Geography and place"
    assert [card.select_one(".contact-card__role").text for card in page.select(".contact-card")] == [
        "Theme lead",
        "Co-lead",
    ]
    assert "University of Glasgow" in page.select_one(".theme-facts").text
    assert page.select_one(".theme-facts a[href='/forums/wales/']").text == "Wales"
    titles = [a.text for a in page.select(".publication-list__title a")]
    assert titles == [f"Paper {day}" for day in range(7, 1, -1)]  # the newest six
    more = page.select_one(".section__more")
    assert more["href"] == "/research/publications/?theme=geography"


def test_publication_page_shows_what_a_reader_needs(client, soup, publication_index, people_index):
    author = PersonFactory(name="Helen Marwick", slug="helen-marwick")
    paper = PublicationPageFactory(
        parent=publication_index,
        slug="paper",
        title="Why regions differ",
        publication_type=PublicationType.POLICY_BRIEF,
        publication_date=datetime.date(2025, 6, 2),
        abstract="Regional gaps are large.",
        doi="10.5555/tpi-demo.2025.001",
        external_url="https://example.org/why-regions-differ",
        pdf=DocumentFactory(),
    )
    PublicationAuthorFactory(publication=paper, person=author, sort_order=0)
    PublicationAuthorFactory(publication=paper, person=None, name="Guest Writer", sort_order=1)

    page = soup(client.get("/research/publications/paper/"))

    assert page.select_one(".page-eyebrow").text == "Policy brief"
    assert [a.get_text() for a in page.select(".publication-authors__name")] == ["Helen Marwick", "Guest Writer"]
    assert page.select_one(".publication-authors a")["href"] == "/people/helen-marwick/"
    assert page.select_one(".publication-date time")["datetime"] == "2025-06-02"
    actions = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in page.select(".publication-actions a")}
    assert actions["Download the PDF : Why regions differ"] == paper.pdf.url
    assert actions["DOI: 10.5555/tpi-demo.2025.001"] == "https://doi.org/10.5555/tpi-demo.2025.001"
    assert page.find(id="abstract").find_next("p").text == "Regional gaps are large."


@pytest.mark.parametrize(
    ("entered", "stored"),
    [
        ("10.5555/abc.1", "10.5555/abc.1"),
        ("https://doi.org/10.5555/abc.1", "10.5555/abc.1"),
        ("doi:10.5555/x", "10.5555/x"),
    ],
)
def test_doi_is_validated_and_stored_bare(publication_index, entered, stored):
    paper = PublicationPageFactory.build(doi=entered, slug="p", publication_date=datetime.date(2024, 1, 1))
    paper.full_clean(exclude=["path", "depth", "title"])
    paper.clean()
    assert paper.doi == stored


def test_a_malformed_doi_is_a_form_error(publication_index):
    from django.core.exceptions import ValidationError

    paper = PublicationPageFactory.build(doi="not a doi", slug="p", publication_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        paper.full_clean(exclude=["path", "depth", "title"])
    assert "doi" in error.value.message_dict


def test_partners_page_lists_themes_led_and_forums_supported(client, soup, home_page, research_index):
    glasgow = InstitutionFactory(name="University of Glasgow", is_academic_partner=True, logo=ImageFactory())
    InstitutionFactory(name="A business", is_academic_partner=False)
    forums = ForumIndexPageFactory(parent=home_page)
    ForumPageFactory(parent=forums, slug="scotland", title="Scotland Productivity Forum", partner_university=glasgow)
    ResearchThemePageFactory(parent=research_index, title="Skills", partners=[glasgow])
    PartnersPageFactory(parent=home_page)

    page = soup(client.get("/partners/"))

    (partner,) = page.select(".partner")
    assert partner.h2.text == "University of Glasgow"
    assert [a.text for a in partner.select(".plain-list a")] == ["Skills", "Scotland Productivity Forum"]


def test_unknown_pages_are_404(client, research_index, publication_index, people_index):
    for url in ["/research/no-theme/", "/research/publications/no-paper/", "/people/nobody/", "/people/a/b/"]:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url


def test_page_tree_rules(home_page, research_index, publication_index):
    assert not ResearchThemePage.can_create_at(home_page)
    assert ResearchThemePage.can_create_at(research_index)
    assert PublicationPage.can_create_at(publication_index)
    assert not PublicationPage.can_create_at(research_index)


@pytest.mark.parametrize("count", [1, 6])
def test_theme_page_queries_are_fixed(client, research_index, publication_index, count):
    theme = ResearchThemePageFactory(parent=research_index, slug="theme", hero_image=ImageFactory())
    for n in range(count):
        lead = PersonFactory(photo=ImageFactory())
        PersonLinkFactory(person=lead)
        ThemeLeadFactory(theme=theme, person=lead, sort_order=n)
        theme.partners.add(InstitutionFactory())
        paper = PublicationPageFactory(parent=publication_index, themes=[theme])
        PublicationAuthorFactory(publication=paper)
    theme.save()

    assert queries_for(client, "/research/theme/") == THEME_PAGE_QUERIES


@pytest.mark.parametrize("count", [1, 6])
def test_publication_page_queries_are_fixed(client, research_index, publication_index, count):
    themes = [ResearchThemePageFactory(parent=research_index) for _ in range(count)]
    paper = PublicationPageFactory(parent=publication_index, slug="paper", themes=themes, pdf=DocumentFactory())
    for n in range(count):
        PublicationAuthorFactory(publication=paper, sort_order=n)
        paper.keywords.add(f"keyword {n}")
    paper.save()

    assert queries_for(client, "/research/publications/paper/") == PUBLICATION_PAGE_QUERIES


@pytest.mark.parametrize("count", [1, 6])
def test_partners_page_queries_are_fixed(client, home_page, research_index, count):
    for _ in range(count):
        partner = InstitutionFactory(is_academic_partner=True, logo=ImageFactory())
        ResearchThemePageFactory(parent=research_index, partners=[partner])
    PartnersPageFactory(parent=home_page)

    assert queries_for(client, "/partners/") == PARTNERS_PAGE_QUERIES
