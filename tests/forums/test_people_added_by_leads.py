"""Forum leads add speakers and members as People from the chooser, and edit them until staff take them over."""

from http import HTTPStatus

from django.contrib.auth.models import Permission
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from institute.models import Person
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/snippets/institute/person"
CHOOSER = "/admin/snippets/choose/institute/person"


def add_from_chooser(client, name="Ailsa Speaker", **fields):
    data = {"name": name, "honorific": "", "job_title": "Economist", "organisation": "", "short_bio": ""} | fields
    return client.post(f"{CHOOSER}/create/", data)


def person_form(person, **changes):
    fields = {"name": person.name, "slug": person.slug, "short_bio": person.short_bio, "links": inline_formset([])}
    return nested_form_data(fields | changes)


def edit(client, person, **changes):
    return client.post(f"{PEOPLE}/edit/{person.pk}/", person_form(person, **changes))


def assert_refused(response):
    assert response.status_code == HTTPStatus.FORBIDDEN or (response.status_code, response["Location"]) == (
        HTTPStatus.FOUND,
        "/admin/",
    )


@pytest.fixture
def scotland_lead(client, scotland):
    client.force_login(scotland.lead.user)
    return scotland.lead.user


@pytest.fixture
def staff_client(staff_editor):
    """Staff in a browser of their own: the messages their changes leave are not shown to the lead."""
    client = Client()
    client.force_login(staff_editor)
    return client


@pytest.fixture
def speaker(scotland_lead, client):
    """A speaker the Scotland lead added from the chooser."""
    assert add_from_chooser(client).status_code == HTTPStatus.OK
    return Person.objects.get(name="Ailsa Speaker")


def test_the_chooser_offers_a_lead_a_form_to_add_a_person(client, scotland_lead):
    response = client.get(f"{CHOOSER}/")

    html = response.json()["html"]
    assert f'action="{CHOOSER}/create/"' in html
    for field in ("name", "honorific", "job_title", "organisation", "short_bio"):
        assert f'name="{field}"' in html
    assert 'name="user"' not in html
    assert 'name="is_staff_member"' not in html


def test_a_lead_adds_a_person_from_the_chooser_and_it_is_chosen(client, scotland_lead):
    university = InstitutionFactory(name="University of Stirling")

    response = add_from_chooser(client, organisation=university.pk, short_bio="Studies firms.")

    person = Person.objects.get(name="Ailsa Speaker")
    assert (person.added_by, person.organisation, person.short_bio) == (scotland_lead, university, "Studies firms.")
    assert response.json() == {
        "step": "chosen",
        "result": {"id": str(person.pk), "string": "Ailsa Speaker", "edit_url": f"{PEOPLE}/edit/{person.pk}/"},
    }
    # Who added the person stays on record in History.
    assert person.latest_revision.user == scotland_lead


def test_a_lead_adds_a_person_from_the_people_listing(client, scotland_lead):
    response = client.post(f"{PEOPLE}/add/", person_form(Person(name="Rory Member"), is_staff_member="on"))

    assert response.status_code == HTTPStatus.FOUND
    person = Person.objects.get(name="Rory Member")
    assert (person.added_by, person.is_staff_member) == (scotland_lead, False)


def test_a_lead_lists_and_edits_the_people_they_added(client, scotland, speaker):
    listing = client.get(f"{PEOPLE}/").content.decode()
    assert f"{PEOPLE}/edit/{speaker.pk}/" in listing
    assert f"{PEOPLE}/edit/{scotland.lead.pk}/" in listing

    # Fields for staff only are not in the lead's form: posting them changes nothing.
    response = edit(client, speaker, short_bio="Now with a bio.", is_staff_member="on", added_by="")

    assert response.status_code == HTTPStatus.FOUND
    speaker.refresh_from_db()
    assert (speaker.short_bio, speaker.is_staff_member, speaker.added_by) == (
        "Now with a bio.",
        False,
        scotland.lead.user,
    )
    assert client.get(f"{PEOPLE}/history/{speaker.pk}/").status_code == HTTPStatus.OK


def test_once_staff_take_a_person_over_the_lead_may_no_longer_edit_them(client, speaker, staff_client):
    staff_form = staff_client.get(f"{PEOPLE}/edit/{speaker.pk}/").content.decode()
    assert 'name="added_by"' in staff_form
    assert "Nobody: staff have taken this person over" in staff_form

    assert edit(staff_client, speaker, added_by="").status_code == HTTPStatus.FOUND
    speaker.refresh_from_db()
    assert speaker.added_by is None

    assert_refused(client.get(f"{PEOPLE}/edit/{speaker.pk}/"))
    assert_refused(client.get(f"{PEOPLE}/history/{speaker.pk}/"))
    assert_refused(edit(client, speaker, short_bio="Forged."))
    assert Person.objects.get(pk=speaker.pk).short_bio == ""
    assert f"{PEOPLE}/edit/{speaker.pk}/" not in client.get(f"{PEOPLE}/").content.decode()


def test_the_wales_lead_cannot_edit_people_the_scotland_lead_added(client, speaker, wales):
    client.force_login(wales.lead.user)
    revision = speaker.latest_revision.pk

    assert_refused(client.get(f"{PEOPLE}/edit/{speaker.pk}/"))
    assert_refused(client.get(f"{PEOPLE}/history/{speaker.pk}/revisions/compare/earliest...{revision}/"))
    assert_refused(client.post(f"{PEOPLE}/history/{speaker.pk}/revisions/{revision}/revert/", person_form(speaker)))
    assert_refused(edit(client, speaker, short_bio="Forged."))
    assert Person.objects.get(pk=speaker.pk).short_bio == ""
    assert f"{PEOPLE}/edit/{speaker.pk}/" not in client.get(f"{PEOPLE}/").content.decode()


def test_an_editor_of_no_forum_cannot_add_a_person(client, django_user_model):
    user = django_user_model.objects.create_user("writer", "writer@example.com", "password")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)

    assert f"{CHOOSER}/create/" not in client.get(f"{CHOOSER}/").json()["html"]
    assert_refused(add_from_chooser(client))
    assert_refused(client.post(f"{PEOPLE}/add/", person_form(Person(name="Ailsa Speaker"))))
    assert not Person.objects.filter(name="Ailsa Speaker").exists()


def test_staff_add_people_from_the_chooser_and_edit_those_leads_added(speaker, staff_client):
    assert add_from_chooser(staff_client, name="Staff Guest").json()["step"] == "chosen"
    staff_guest = Person.objects.get(name="Staff Guest")
    assert staff_guest.added_by is None
    assert 'name="added_by"' not in staff_client.get(f"{PEOPLE}/edit/{staff_guest.pk}/").content.decode()

    response = edit(staff_client, speaker, short_bio="Edited by staff.", added_by=speaker.added_by_id)

    assert response.status_code == HTTPStatus.FOUND
    speaker.refresh_from_db()
    assert speaker.short_bio == "Edited by staff."
    assert speaker.added_by is not None
