"""People and institutions keep revisions: History lists them, compares them and reverts a mistake."""

from http import HTTPStatus

from django.contrib.auth.models import Permission

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from institute.models import Institution, Person
from tests.factories import InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/snippets/institute/person"
INSTITUTIONS = "/admin/snippets/institute/institution"


def person_form(person, **changes):
    fields = {"name": person.name, "slug": person.slug, "short_bio": person.short_bio, "links": inline_formset([])}
    return nested_form_data(fields | changes)


def institution_form(institution, **changes):
    fields = {"name": institution.name, "slug": institution.slug, "short_name": institution.short_name}
    return fields | changes


def edit_bio(client, person, bio):
    response = client.post(f"{PEOPLE}/edit/{person.pk}/", person_form(person, short_bio=bio))
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]


def revision_ids(obj):
    """The revisions editors saved, leaving out the one kept of how the object was before its first edit."""
    return list(obj.revisions.filter(user__isnull=False).order_by("created_at", "id").values_list("pk", flat=True))


@pytest.fixture
def lead(django_user_model):
    """A forum lead, as far as people go: into the admin, and only their own profile to edit."""
    user = django_user_model.objects.create_user("lead", "lead@example.com", "password")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


@pytest.fixture
def own_profile(lead):
    return PersonFactory(user=lead, short_bio="First bio.", is_staff_member=True)


def test_saving_people_and_institutions_from_code_makes_no_revision():
    person = PersonFactory(name="Coded Person")
    person.short_bio = "Changed in code."
    person.save()

    assert Person.objects.get(pk=person.pk).short_bio == "Changed in code."
    assert person.latest_revision is None
    assert not person.revisions.exists()
    assert not InstitutionFactory().revisions.exists()


def test_every_admin_save_of_a_person_keeps_a_revision(admin_client):
    person = PersonFactory(short_bio="First bio.")

    edit_bio(admin_client, person, "Second bio.")
    edit_bio(admin_client, person, "Third bio.")

    person.refresh_from_db()
    assert person.short_bio == "Third bio."
    assert len(revision_ids(person)) == 2
    assert person.latest_revision.content["short_bio"] == "Third bio."


def test_an_editor_reverts_a_person_to_an_earlier_revision(admin_client, soup):
    person = PersonFactory(short_bio="First bio.")
    edit_bio(admin_client, person, "Good bio.")
    edit_bio(admin_client, person, "A mistake.")
    good, mistake = revision_ids(person)

    history = soup(admin_client.get(f"{PEOPLE}/history/{person.pk}/"))
    revert_url = f"{PEOPLE}/history/{person.pk}/revisions/{good}/revert/"
    assert history.select_one(f'a[href="{revert_url}"]').text == "Review this version"

    compare = admin_client.get(f"{PEOPLE}/history/{person.pk}/revisions/compare/{good}...{mistake}/")
    assert compare.status_code == HTTPStatus.OK
    assert "Good bio." in compare.content.decode()
    assert "A mistake." in compare.content.decode()

    review = soup(admin_client.get(revert_url))
    assert review.select_one("textarea[name=short_bio]").text.strip() == "Good bio."

    response = admin_client.post(revert_url, person_form(person, short_bio="Good bio."))

    assert response.status_code == HTTPStatus.FOUND
    person.refresh_from_db()
    assert person.short_bio == "Good bio."
    assert len(revision_ids(person)) == 3


def test_an_editor_reverts_an_institution_to_an_earlier_revision(admin_client):
    institution = InstitutionFactory(name="University of Testshire", city="Leeds")
    admin_client.post(f"{INSTITUTIONS}/edit/{institution.pk}/", institution_form(institution, city="Leeds"))
    admin_client.post(f"{INSTITUTIONS}/edit/{institution.pk}/", institution_form(institution, city="Typo"))
    good, _mistake = revision_ids(institution)
    assert Institution.objects.get(pk=institution.pk).city == "Typo"

    revert_url = f"{INSTITUTIONS}/history/{institution.pk}/revisions/{good}/revert/"
    assert revert_url in admin_client.get(f"{INSTITUTIONS}/history/{institution.pk}/").content.decode()
    response = admin_client.post(revert_url, institution_form(institution, city="Leeds"))

    assert response.status_code == HTTPStatus.FOUND
    assert Institution.objects.get(pk=institution.pk).city == "Leeds"
    assert len(revision_ids(institution)) == 3


def test_a_lead_reviews_and_reverts_their_own_profile(client, lead, own_profile):
    client.force_login(lead)
    edit_bio(client, own_profile, "Good bio.")
    edit_bio(client, own_profile, "A mistake.")
    good, mistake = revision_ids(own_profile)

    compare = client.get(f"{PEOPLE}/history/{own_profile.pk}/revisions/compare/{good}...{mistake}/")
    revert_url = f"{PEOPLE}/history/{own_profile.pk}/revisions/{good}/revert/"
    review = client.get(revert_url)
    response = client.post(revert_url, person_form(own_profile, short_bio="Good bio."))

    assert (compare.status_code, review.status_code, response.status_code) == (
        HTTPStatus.OK,
        HTTPStatus.OK,
        HTTPStatus.FOUND,
    )
    assert Person.objects.get(pk=own_profile.pk).short_bio == "Good bio."


def test_reverting_leaves_alone_the_fields_a_lead_may_not_edit(client, admin_client, lead, own_profile):
    """An old revision must not hand a lead back a staff flag or an account that an administrator changed since."""
    client.force_login(lead)
    edit_bio(client, own_profile, "Old bio.")
    (old,) = revision_ids(own_profile)
    Person.objects.filter(pk=own_profile.pk).update(is_staff_member=False)

    revert_url = f"{PEOPLE}/history/{own_profile.pk}/revisions/{old}/revert/"
    response = client.post(revert_url, person_form(own_profile, short_bio="Old bio."))

    assert response.status_code == HTTPStatus.FOUND
    person = Person.objects.get(pk=own_profile.pk)
    assert (person.short_bio, person.is_staff_member, person.user) == ("Old bio.", False, lead)


def refused(response):
    """The admin refuses with a 403, or by sending the editor back to the dashboard."""
    return response.status_code == HTTPStatus.FORBIDDEN or (response.status_code, response.get("Location")) == (
        HTTPStatus.FOUND,
        "/admin/",
    )


def test_a_lead_cannot_see_or_revert_someone_elses_revisions(client, admin_client, lead, own_profile):
    other = PersonFactory(short_bio="Their first bio.")
    edit_bio(admin_client, other, "Their good bio.")
    edit_bio(admin_client, other, "Their current bio.")
    first, second = revision_ids(other)
    client.force_login(lead)

    urls = [
        f"{PEOPLE}/history/{other.pk}/revisions/compare/{first}...{second}/",
        f"{PEOPLE}/history/{other.pk}/revisions/compare/earliest...latest/",
        f"{PEOPLE}/history/{other.pk}/revisions/{first}/revert/",
    ]
    for url in urls:
        response = client.get(url)
        assert refused(response), url
        assert "Their good bio." not in response.content.decode()
    response = client.post(urls[-1], person_form(other, short_bio="Their good bio."))

    assert refused(response)
    assert Person.objects.get(pk=other.pk).short_bio == "Their current bio."
    assert revision_ids(other) == [first, second]


def test_a_revision_of_another_person_cannot_be_reverted_through_ones_own_profile(client, admin_client, lead):
    own = PersonFactory(user=lead)
    other = PersonFactory()
    edit_bio(admin_client, other, "Their bio.")
    (theirs,) = revision_ids(other)
    client.force_login(lead)

    response = client.get(f"{PEOPLE}/history/{own.pk}/revisions/{theirs}/revert/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_first_admin_edit_of_a_person_made_in_code_can_be_undone(admin_client, soup):
    person = PersonFactory(short_bio="As the demo made it.")

    edit_bio(admin_client, person, "A mistake.")

    before, mistake = person.revisions.order_by("created_at", "id").values_list("pk", flat=True)
    revert_url = f"{PEOPLE}/history/{person.pk}/revisions/{before}/revert/"
    history = soup(admin_client.get(f"{PEOPLE}/history/{person.pk}/"))
    assert history.select_one(f'a[href="{revert_url}"]').text == "Review this version"
    review = soup(admin_client.get(revert_url))
    assert review.find("textarea", attrs={"name": "short_bio"}).text.strip() == "As the demo made it."
