from http import HTTPStatus

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from institute.models import HomePage, InstituteSettings
from tests.factories import InstitutionFactory, PersonFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_edit_view_renders_for_an_editor(admin_client, home_page, site):
    page = StandardPageFactory(parent=home_page)
    person = PersonFactory()
    institution = InstitutionFactory()
    urls = [
        "/admin/",
        f"/admin/pages/{home_page.pk}/edit/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/add/institute/standardpage/{page.pk}/",
        f"/admin/settings/institute/institutesettings/{site.pk}/",
        "/admin/snippets/institute/person/add/",
        f"/admin/snippets/institute/person/edit/{person.pk}/",
        "/admin/snippets/institute/institution/add/",
        f"/admin/snippets/institute/institution/edit/{institution.pk}/",
    ]

    for url in urls:
        assert admin_client.get(url).status_code == HTTPStatus.OK, url


def test_editor_changes_the_home_page_hero(admin_client, home_page, soup, client):
    data = nested_form_data(
        {
            "title": "Home",
            "slug": "home",
            "hero_headline": "Productivity for every region",
            "hero_intro": "Ten partners, eight forums.",
            "hero_image_alt": "",
            "hero_link": streamfield([]),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{home_page.pk}/edit/", data)

    assert response.status_code == HTTPStatus.FOUND
    assert HomePage.objects.get().hero_headline == "Productivity for every region"
    assert soup(client.get("/")).h1.text == "Productivity for every region"


def test_settings_refuse_an_announcement_ending_before_it_starts(admin_client, site):
    data = nested_form_data(
        {
            "organisation_name": "The Productivity Institute",
            "announcement_text": "Week of events",
            "announcement_first_day": "2026-12-10",
            "announcement_last_day": "2026-12-01",
            "footer_links": streamfield([]),
            "announcement_link": streamfield([]),
        }
    )

    response = admin_client.post(f"/admin/settings/institute/institutesettings/{site.pk}/", data)

    assert response.status_code == HTTPStatus.OK
    assert "cannot come before the first day" in response.content.decode()
    assert not InstituteSettings.objects.filter(announcement_text="Week of events").exists()
