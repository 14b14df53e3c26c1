from http import HTTPStatus

from django.core.exceptions import ValidationError

import pytest

from institute.models import Person
from institute.validators import validate_orcid
from tests.factories import InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE_LISTING_QUERIES = 10


def test_slugs_are_filled_from_names_and_kept_unique():
    first = PersonFactory(name="Jane Smith")
    second = PersonFactory(name="Jane Smith")
    named = PersonFactory(name="Jane Smith", slug="jane")

    assert (first.slug, second.slug, named.slug) == ("jane-smith", "jane-smith-2", "jane")


def test_person_is_credited_as_institution_and_title():
    person = PersonFactory(
        honorific="Dr",
        name="Gareth Price",
        job_title="Research Fellow",
        organisation=InstitutionFactory(name="Cardiff University"),
    )

    assert str(person) == "Dr Gareth Price"
    assert person.role_line == "Cardiff University | Research Fellow"
    assert PersonFactory(job_title="", organisation=None).role_line == ""


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"])
def test_valid_orcids(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0098", "0000-0002-1825", "abcd-0002-1825-0097", "0000000218250097"])
def test_invalid_orcids(orcid):
    with pytest.raises(ValidationError):
        validate_orcid(orcid)


def test_person_orcid_url():
    assert PersonFactory(orcid="0000-0002-1825-0097").orcid_url == "https://orcid.org/0000-0002-1825-0097"


def test_editor_adds_a_person_in_the_admin(admin_client):
    institution = InstitutionFactory()
    response = admin_client.post(
        "/admin/snippets/institute/person/add/",
        {
            "name": "Mairead Kelly",
            "honorific": "Professor",
            "slug": "",
            "job_title": "Professor of Economics",
            "organisation": institution.pk,
            "short_bio": "Researches skills.",
            "email": "",
            "orcid": "0000-0002-1825-0097",
            "links-TOTAL_FORMS": "1",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
            "links-0-label": "Profile",
            "links-0-url": "https://example.com/mairead",
            "links-0-ORDER": "1",
            "links-0-id": "",
            "links-0-DELETE": "",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    person = Person.objects.get(slug="mairead-kelly")
    assert person.organisation == institution
    assert [link.label for link in person.links.all()] == ["Profile"]


def test_admin_refuses_a_bad_orcid_with_a_form_error(admin_client):
    response = admin_client.post(
        "/admin/snippets/institute/person/add/",
        {"name": "Bad Orcid", "orcid": "1234", "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Enter an ORCID iD" in response.content.decode()
    assert not Person.objects.filter(name="Bad Orcid").exists()


def test_people_and_institutions_are_listed_in_the_admin(admin_client):
    PersonFactory(name="Listed Person")
    InstitutionFactory(name="Listed University")

    assert "Listed Person" in admin_client.get("/admin/snippets/institute/person/").content.decode()
    assert "Listed University" in admin_client.get("/admin/snippets/institute/institution/").content.decode()


def test_anonymous_visitors_cannot_reach_snippets(client):
    response = client.get("/admin/snippets/institute/person/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("people", [2, 12])
def test_admin_people_listing_costs_the_same_whatever_its_length(admin_client, django_assert_num_queries, people):
    PersonFactory.create_batch(people)
    admin_client.get("/admin/snippets/institute/person/")

    with django_assert_num_queries(PEOPLE_LISTING_QUERIES):
        admin_client.get("/admin/snippets/institute/person/")
