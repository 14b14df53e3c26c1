from http import HTTPStatus

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from research.models import PublicationPage
from tests.factories import PersonFactory, ResearchThemePageFactory

pytestmark = pytest.mark.django_db


def publication_form(**changes):
    fields = {
        "title": "Skills and productivity",
        "slug": "skills-and-productivity",
        "publication_type": "working-paper",
        "publication_date": "2026-03-01",
        "abstract": "What skills do for productivity.",
        "journal": "",
        "report_number": "WP050",
        "doi": "https://doi.org/10.5555/tpi-demo.2026.050",
        "external_url": "",
        "keywords": "skills, training",
        "body": streamfield([]),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **changes})


def test_editor_publishes_a_publication_with_authors(admin_client, client, research_index, publication_index):
    author = PersonFactory(name="Helen Marwick")
    theme = ResearchThemePageFactory(parent=research_index)
    data = publication_form(
        authors=inline_formset(
            [
                {"person": author.pk, "name": "", "affiliation": ""},
                {"person": "", "name": "Guest", "affiliation": "LSE"},
            ]
        ),
        themes=[theme.pk],
    )

    response = admin_client.post(f"/admin/pages/add/research/publicationpage/{publication_index.pk}/", data)

    assert response.status_code == HTTPStatus.FOUND
    paper = PublicationPage.objects.get(slug="skills-and-productivity")
    assert paper.doi == "10.5555/tpi-demo.2026.050"  # stored bare, whatever form it was pasted in
    assert [author.display_name for author in paper.authors.all()] == ["Helen Marwick", "Guest"]
    assert sorted(tag.name for tag in paper.keywords.all()) == ["skills", "training"]
    assert client.get(paper.url).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"doi": "not a doi"}, "doi"),
        ({"publication_date": "2026-02-30"}, "publication_date"),
        ({"publication_type": "novel"}, "publication_type"),
    ],
)
def test_bad_values_are_form_errors(admin_client, publication_index, changes, field):
    data = publication_form(authors=inline_formset([{"person": "", "name": "Guest", "affiliation": ""}]), **changes)

    response = admin_client.post(f"/admin/pages/add/research/publicationpage/{publication_index.pk}/", data)

    assert response.status_code == HTTPStatus.OK
    assert field in response.context["form"].errors
    assert not PublicationPage.objects.exists()


def test_an_author_needs_a_person_or_a_name(admin_client, publication_index):
    data = publication_form(authors=inline_formset([{"person": "", "name": " ", "affiliation": "LSE"}]))

    response = admin_client.post(f"/admin/pages/add/research/publicationpage/{publication_index.pk}/", data)

    assert response.status_code == HTTPStatus.OK
    assert "Choose a person or type the author" in response.content.decode()
    assert not PublicationPage.objects.exists()


def test_every_research_edit_view_renders(admin_client, research_index, publication_index):
    theme = ResearchThemePageFactory(parent=research_index)
    for url in [
        f"/admin/pages/{research_index.pk}/edit/",
        f"/admin/pages/{theme.pk}/edit/",
        f"/admin/pages/{publication_index.pk}/edit/",
        f"/admin/pages/add/research/publicationpage/{publication_index.pk}/",
        f"/admin/pages/add/research/researchthemepage/{research_index.pk}/",
    ]:
        assert admin_client.get(url).status_code == HTTPStatus.OK, url


@pytest.mark.parametrize("existing", [False, True])
def test_publications_and_themes_preview_in_the_admin(
    admin_client, home_page, research_index, publication_index, existing
):
    from tests.factories import ForumIndexPageFactory, ForumPageFactory, PublicationPageFactory

    forum = ForumPageFactory(parent=ForumIndexPageFactory(parent=home_page), region="Wales")
    theme = ResearchThemePageFactory(parent=research_index, title="Skills")
    author = PersonFactory(name="Helen Marwick")
    publication_url = f"/admin/pages/add/research/publicationpage/{publication_index.pk}/preview/"
    theme_url = f"/admin/pages/add/research/researchthemepage/{research_index.pk}/preview/"
    if existing:
        publication_url = f"/admin/pages/{PublicationPageFactory(parent=publication_index).pk}/edit/preview/"
        theme_url = f"/admin/pages/{theme.pk}/edit/preview/"
    publication = publication_form(authors=inline_formset([{"person": author.pk, "name": "", "affiliation": ""}]))
    publication.update(themes=[theme.pk], forums=[forum.pk])
    theme_data = nested_form_data(
        {
            "title": "Skills",
            "slug": "skills-and-the-labour-market",
            "programme": "people",
            "summary": "Skills and the labour market.",
            "hero_image_alt": "",
            "leads": inline_formset([{"person": author.pk, "role": "Theme lead"}]),
            "body": streamfield([]),
        }
    )
    theme_data["forums"] = [forum.pk]

    for url, data, expected in [(publication_url, publication, "Helen Marwick"), (theme_url, theme_data, "Wales")]:
        assert admin_client.post(url, data).json()["is_valid"], url
        response = admin_client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert expected in response.content.decode()
