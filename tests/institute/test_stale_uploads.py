"""The multiple uploader's files kept aside: forged, finished, stale or someone else's, never a server error.

When an upload fails on another field than the file (a title too long, say), Wagtail stores the file
aside and asks the editor to finish it at `create_from_uploaded_<kind>/<id>/`.
"""

from http import HTTPStatus

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

import pytest

from tests.forums import conftest as forum_fixtures
from tests.institute.test_uploads import photo

# The forums' shared fixtures: two forums, each with its lead, and a staff editor.
forum_index, scotland, wales, staff_editor = (
    forum_fixtures.forum_index,
    forum_fixtures.scotland,
    forum_fixtures.wales,
    forum_fixtures.staff_editor,
)

AJAX = {"x-requested-with": "XMLHttpRequest"}
MINUTES = b"%PDF-1.4 minutes of the forum's meeting"
TOO_LONG_TITLE = "x" * 300
REFUSED_COLLECTION = "You do not have permission to add to that collection."


class Kind:
    def __init__(self, name, model, file_name, content, finish_url_name):
        self.name = name
        self.model = model
        self.file_name = file_name
        self.content = content
        self.finish_url_name = finish_url_name

    def upload(self, client, **fields):
        return client.post(
            f"/admin/{self.name}s/multiple/add/",
            {"files[]": SimpleUploadedFile(self.file_name, self.content()), **fields},
            headers=AJAX,
        )

    def upload_aside(self, client):
        """An upload the uploader stores aside, as it does after any error that is not the file's."""
        response = self.upload(client, title=TOO_LONG_TITLE)
        assert response.json()["success"]
        return response.json()["uploaded_file_id"]

    def finish(self, client, upload_id, **fields):
        prefix = f"uploaded-{self.name}-{upload_id}"
        data = {f"{prefix}-{name}": value for name, value in fields.items()}
        return client.post(reverse(self.finish_url_name, args=[upload_id]), data, headers=AJAX)


DOCUMENT = Kind(
    "document",
    get_document_model(),
    "minutes.pdf",
    lambda: MINUTES,
    "wagtaildocs:create_multiple_from_uploaded_document",
)
IMAGE = Kind("image", get_image_model(), "photo.jpg", photo, "wagtailimages:create_multiple_from_uploaded_image")
KINDS = pytest.mark.parametrize("kind", [DOCUMENT, IMAGE], ids=["document", "image"])


@pytest.fixture
def lead_client(client, scotland):
    client.force_login(scotland.lead.user)
    return client


@KINDS
def test_a_leads_multiple_upload_to_another_forums_collection_is_refused_and_nothing_stored(lead_client, wales, kind):
    response = kind.upload(lead_client, collection=wales.access.collection.pk)

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"success": False, "error_message": REFUSED_COLLECTION}
    assert not UploadedFile.objects.exists()
    assert not kind.model.objects.exists()


@pytest.mark.parametrize("actor", ["lead", "staff"])
def test_a_document_upload_kept_aside_can_be_finished_once(client, scotland, staff_editor, actor):
    client.force_login(scotland.lead.user if actor == "lead" else staff_editor)
    upload_id = DOCUMENT.upload_aside(client)
    collection = scotland.access.collection

    response = DOCUMENT.finish(client, upload_id, title="Minutes", collection=collection.pk)
    again = DOCUMENT.finish(client, upload_id, title="Minutes again", collection=collection.pk)

    assert response.status_code == HTTPStatus.OK
    assert response.json()["success"]
    document = get_document_model().objects.get(pk=response.json()["doc_id"])
    assert (document.title, document.collection) == ("Minutes", collection)
    with document.open_file() as file:
        assert file.read() == MINUTES
    # The upload is gone with its first use: a second POST finds nothing.
    assert again.status_code == HTTPStatus.NOT_FOUND
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["Minutes"]
    assert not UploadedFile.objects.exists()


@pytest.mark.parametrize("actor", ["lead", "staff"])
def test_finishing_a_document_upload_with_a_missing_title_is_a_form_error(client, scotland, staff_editor, actor):
    client.force_login(scotland.lead.user if actor == "lead" else staff_editor)
    upload_id = DOCUMENT.upload_aside(client)

    response = DOCUMENT.finish(client, upload_id, title="", collection=scotland.access.collection.pk)

    assert response.status_code == HTTPStatus.OK
    assert not response.json()["success"]
    assert "This field is required." in response.json()["form"]
    assert not get_document_model().objects.exists()
    assert UploadedFile.objects.filter(pk=upload_id).exists()


@KINDS
def test_a_forged_collection_when_a_lead_finishes_an_upload_is_a_form_error(lead_client, scotland, wales, kind):
    upload_id = kind.upload_aside(lead_client)

    response = kind.finish(lead_client, upload_id, title="Forged", collection=wales.access.collection.pk)

    assert response.status_code == HTTPStatus.OK
    assert not response.json()["success"]
    assert REFUSED_COLLECTION in response.json()["form"]
    assert not kind.model.objects.exists()
    assert UploadedFile.objects.filter(pk=upload_id).exists()


def test_only_the_uploader_finishes_a_document_upload(client, scotland, staff_editor):
    client.force_login(scotland.lead.user)
    upload_id = DOCUMENT.upload_aside(client)
    client.force_login(staff_editor)

    by_staff = DOCUMENT.finish(client, upload_id, title="Taken over", collection=scotland.access.collection.pk)
    client.force_login(scotland.lead.user)
    by_lead = DOCUMENT.finish(client, upload_id, title="Minutes")

    assert by_staff.status_code == HTTPStatus.FORBIDDEN
    assert by_lead.json()["success"]
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["Minutes"]
