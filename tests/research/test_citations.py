"""Citation downloads are parsed back with the libraries for their formats and checked field by field."""

import datetime
from http import HTTPStatus

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from research.choices import PublicationType
from tests.factories import DocumentFactory, PersonFactory, PublicationAuthorFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def working_paper(publication_index):
    paper = PublicationPageFactory(
        parent=publication_index,
        title="Management practices and R&D: evidence from {UK} firms",
        slug="management-practices",
        publication_type=PublicationType.WORKING_PAPER,
        publication_date=datetime.date(2024, 3, 14),
        abstract="We measure management practices & productivity in 2,000 firms.\n\nTY  - JOUR is not a tag here.",
        report_number="WP045",
        doi="10.5555/tpi-demo.2024.045",
        pdf=DocumentFactory(title="WP045"),
    )
    PublicationAuthorFactory(publication=paper, person=PersonFactory(name="Helen Marwick"), sort_order=0)
    PublicationAuthorFactory(publication=paper, person=None, name="Ana María Ortiz", affiliation="LSE", sort_order=1)
    paper.keywords.add("management practices", "skills")
    paper.save()
    return paper


def test_bibtex_download_parses_back_field_by_field(client, working_paper):
    response = client.get("/research/publications/management-practices/cite.bib")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="management-practices.bib"'
    text = response.content.decode()
    assert r"R\&D" in text and r"\{UK\}" in text  # escaped for LaTeX
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    fields = {field.key: field.value for field in entry.fields}
    assert fields == {
        "title": "Management practices and R&D: evidence from {UK} firms",
        "author": "Marwick, Helen and Ortiz, Ana María",
        "year": "2024",
        "url": "http://localhost/research/publications/management-practices/",
        "institution": "The Productivity Institute",
        "type": "Working paper",
        "number": "WP045",
        "doi": "10.5555/tpi-demo.2024.045",
        "abstract": "We measure management practices & productivity in 2,000 firms.\n\nTY  - JOUR is not a tag here.",
        "keywords": "management practices, skills",
    }


def test_ris_download_parses_back_field_by_field(client, working_paper):
    response = client.get("/research/publications/management-practices/cite.ris")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("TY  - RPRT\n")
    (record,) = rispy.loads(text)
    assert record["type_of_reference"] == "RPRT"
    assert (
        record["abstract"]
        == "We measure management practices & productivity in 2,000 firms. TY - JOUR is not a tag here."
    )
    assert record["title"] == working_paper.title
    assert record["authors"] == ["Marwick, Helen", "Ortiz, Ana María"]
    assert record["year"] == "2024"
    assert record["date"] == "2024/03/14"
    assert record["doi"] == "10.5555/tpi-demo.2024.045"
    assert record["urls"] == ["http://localhost/research/publications/management-practices/"]
    assert record["secondary_title"] == "Working paper"
    assert record["number"] == "WP045"
    assert sorted(record["keywords"]) == ["management practices", "skills"]
    assert record["file_attachments1"] == f"http://localhost{working_paper.pdf.url}"


def test_journal_article_is_cited_as_an_article(client, publication_index):
    article = PublicationPageFactory(
        parent=publication_index,
        slug="regional-gaps",
        publication_type=PublicationType.JOURNAL_ARTICLE,
        journal="Oxford Review of Economic Policy",
    )
    PublicationAuthorFactory(publication=article, person=PersonFactory(name="Tomasz Nowak"))

    (entry,) = bibtexparser.parse_string(client.get(article.url + "cite.bib").content.decode()).entries
    (record,) = rispy.loads(client.get(article.url + "cite.ris").content.decode())

    assert entry.entry_type == "article"
    assert entry.fields_dict["journal"].value == "Oxford Review of Economic Policy"
    assert "institution" not in entry.fields_dict
    assert (record["type_of_reference"], record["journal_name"]) == ("JOUR", "Oxford Review of Economic Policy")


def test_publication_page_shows_the_formatted_citation_and_scholar_tags(client, soup, working_paper):
    page = soup(client.get(working_paper.url))

    box = page.find(id="cite-this").parent
    assert box.select_one(".cite-box__reference").text == (
        "Marwick, H. and Ortiz, A. M. (2024) Management practices and R&D: evidence from {UK} firms. "
        "Working paper WP045. The Productivity Institute. https://doi.org/10.5555/tpi-demo.2024.045"
    )
    assert [a["href"] for a in box.select(".cite-box__downloads a")] == [
        "/research/publications/management-practices/cite.bib",
        "/research/publications/management-practices/cite.ris",
    ]
    meta = {(tag["name"], tag["content"]) for tag in page.select("meta[name^=citation_]")}
    assert ("citation_title", working_paper.title) in meta
    assert {("citation_author", "Marwick, Helen"), ("citation_author", "Ortiz, Ana María")} <= meta
    assert ("citation_publication_date", "2024/03/14") in meta
    assert ("citation_doi", "10.5555/tpi-demo.2024.045") in meta
    assert ("citation_pdf_url", f"http://localhost{working_paper.pdf.url}") in meta


@pytest.mark.parametrize(
    "url",
    [
        "/research/publications/no-such-paper/cite.bib",
        "/research/publications/cite.bib",  # the listing is not a publication
        "/research/publications/management-practices/cite.xml",
        "/research/publications/management-practices/cite.bib/",
    ],
)
def test_citations_of_what_is_not_a_publication_are_404(client, working_paper, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_draft_publications_have_no_citation(client, working_paper):
    working_paper.unpublish()

    assert client.get(working_paper.url_path.removeprefix("/home") + "cite.bib").status_code == HTTPStatus.NOT_FOUND


def test_citations_work_for_a_welsh_slug(client, publication_index):
    paper = PublicationPageFactory(parent=publication_index, slug="gŵyl-cynhyrchiant", title="Gŵyl Cynhyrchiant")
    PublicationAuthorFactory(publication=paper)

    response = client.get("/research/publications/gŵyl-cynhyrchiant/cite.ris")

    assert response.status_code == HTTPStatus.OK
    assert rispy.loads(response.content.decode())[0]["title"] == "Gŵyl Cynhyrchiant"
