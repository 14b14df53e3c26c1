import datetime
from io import StringIO

from django.core.management import call_command

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from institute.charts import parse_chart_csv
from institute.models import Institution, Person
from research.choices import Programme, PublicationType
from research.models import (
    PartnersPage,
    PeopleIndexPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    ResearchIndexPage,
    ResearchThemePage,
)
from research.validators import validate_doi

pytestmark = pytest.mark.django_db

REGIONS = [
    "Scotland",
    "London and the South",
    "Yorkshire, Humber and North East",
    "Midlands",
    "North West",
    "Wales",
    "Northern Ireland",
    "East Anglia",
    "UK",
]


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=StringIO())


def content_counts():
    models = [Page, Person, Institution, PublicationAuthor, Tag, get_image_model(), get_document_model()]
    return {model.__name__: model.objects.count() for model in models}


def charts(page):
    return {block.value["title"]: block.value for block in page.body if block.block_type == "chart"}


def test_demo_has_themes_led_by_every_partner_and_a_publication_archive(demo_site, client):
    research = ResearchIndexPage.objects.live().get(slug="research")
    assert research.show_in_menus and "ten academic partners" in research.intro
    themes = ResearchThemePage.objects.originals().live().child_of(research)
    assert themes.count() == 8
    assert {theme.programme for theme in themes} == set(Programme.values)
    for theme in themes:
        assert theme.summary and not theme.hero_image  # its motif is drawn by the site
        assert 1 <= theme.leads.count() <= 2
        assert all(lead.person.organisation.is_academic_partner for lead in theme.leads.all())
        # The footer's demonstration note says the people are illustrative; their own words do not repeat it.
        assert all("demo" not in lead.person.short_bio.lower() for lead in theme.leads.all())
        assert 1 <= theme.forums.count() <= 3
    partners = Institution.objects.filter(is_academic_partner=True)
    assert partners.count() == 10
    assert all(partner.themes_led.live().exists() for partner in partners)

    regional = charts(themes.get(slug="geography-and-place"))["Output per hour worked by nation and region"]
    assert (regional["chart_type"], regional["y_axis_label"]) == ("bar", "UK = 100")
    assert parse_chart_csv(regional["data"]).labels == REGIONS
    assert "not official statistics" in regional["source"]
    assert [chart["chart_type"] for chart in charts(themes.get(slug="measurement-and-data")).values()] == ["line"]

    index = PublicationIndexPage.objects.live().child_of(research).get()
    publications = PublicationPage.objects.originals().live().child_of(index)
    today = datetime.date.today()
    dates = sorted(publications.values_list("publication_date", flat=True))
    assert publications.count() >= 30
    assert set(publications.values_list("publication_type", flat=True)) == set(PublicationType.values)
    assert dates[0] >= datetime.date(2021, 1, 1) and dates[0].year == 2021
    assert today - datetime.timedelta(days=31) <= dates[-1] <= today
    with_doi = publications.exclude(doi="")
    assert publications.count() * 0.4 <= with_doi.count() <= publications.count() * 0.7
    for publication in publications:
        assert "demo" not in publication.abstract.lower()  # the footer's demonstration note says it once
        assert publication.pdf is not None
        assert 1 <= publication.themes.count() <= 2 and publication.forums.count() <= 2
        assert 2 <= publication.keywords.count() <= 4
        authors = list(publication.authors.all())
        assert 1 <= len(authors) <= 4
        assert any(author.person for author in authors)
        assert all(author.person or (author.name and author.affiliation) for author in authors)
        if publication.publication_type == PublicationType.JOURNAL_ARTICLE:
            assert publication.journal and publication.external_url.startswith("https://example.org/")
        if publication.doi:
            validate_doi(publication.doi)
            assert publication.doi.startswith("10.5555/")
    assert publications.filter(publication_type=PublicationType.WORKING_PAPER).exclude(report_number="").exists()
    assert Person.objects.filter(authorships__isnull=False, slug="helen-marwick").exists()

    partners_page = PartnersPage.objects.live().get(slug="partners")
    people_page = PeopleIndexPage.objects.live().get(slug="people")
    assert partners_page.show_in_menus and people_page.show_in_menus  # every section is in the main menu
    geography = themes.get(slug="geography-and-place")
    lead = geography.leads.first().person
    for url in ["/research/", "/research/publications/", "/partners/", "/people/", f"/people/{lead.slug}/"]:
        assert client.get(url).status_code == 200, url
    assert publications.first().url.startswith("/research/publications/")
    assert client.get(publications.first().url).status_code == 200
    response = client.get(geography.url)
    assert response.status_code == 200
    assert "Output per hour worked by nation and region" in response.content.decode()


def test_second_run_adds_nothing_and_keeps_editors_changes(demo_site, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    publication = PublicationPage.objects.originals().filter(publication_type=PublicationType.REPORT).first()
    publication.title = "Edited by an editor"
    publication.save_revision(user=editor).publish()
    PublicationPage.objects.originals().filter(publication_type=PublicationType.POLICY_BRIEF).first().delete()
    ResearchThemePage.objects.originals().get(slug="investment-and-finance").delete()
    Tag.objects.filter(name="AI").update(name="artificial intelligence")
    before = content_counts()

    call_command("load_demo_content", stdout=StringIO())

    assert content_counts() == before
    assert PublicationPage.objects.originals().get(pk=publication.pk).title == "Edited by an editor"
    assert not ResearchThemePage.objects.originals().filter(slug="investment-and-finance").exists()
    assert not Tag.objects.filter(name="AI").exists()
