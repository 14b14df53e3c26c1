"""Finding 1 of issue 10: private documents must not be reachable by another URL."""

from http import HTTPStatus
from pathlib import Path

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, ReferenceIndex

import pytest

from tests.factories import (
    DocumentFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
)

pytestmark = pytest.mark.django_db


def media_path(document):
    return f"/media/{document.file.name}"


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return DocumentFactory(collection=collection, title="Board minutes")


@pytest.fixture
def publication_with_pdf(home_page):
    publications = PublicationIndexPageFactory(parent=ResearchIndexPageFactory(parent=home_page))
    publication = PublicationPageFactory(parent=publications, slug="regional-gaps", pdf=DocumentFactory())
    ReferenceIndex.create_or_update_for_object(publication)
    return publication


def test_a_document_in_a_login_only_collection_is_not_served_from_media(client, private_document):
    assert client.get(media_path(private_document)).status_code == HTTPStatus.NOT_FOUND
    # The document view asks for a sign-in, as Wagtail intends.
    response = client.get(private_document.url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("trick", ["images/../{}", "./{}", "//{}", "original_images/../{}"])
def test_no_path_trick_reaches_the_documents_folder(client, private_document, trick):
    response = client.get("/media/" + trick.format(private_document.file.name))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("folder", ["wagtail_uploads", "Documents", "IMAGES/../documents"])
def test_only_image_folders_are_served_from_media(client, settings, folder):
    upload = Path(settings.MEDIA_ROOT) / folder.split("/")[-1] / "unfinished.jpg"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"not yet an image in the library")

    assert client.get(f"/media/{folder}/unfinished.jpg").status_code == HTTPStatus.NOT_FOUND


def test_images_are_still_served_from_media(client):
    from tests.factories import ImageFactory

    image = ImageFactory()

    assert client.get(f"/media/{image.file.name}").status_code == HTTPStatus.OK


def test_the_pdf_of_a_public_publication_downloads(client, publication_with_pdf):
    response = client.get(publication_with_pdf.pdf.url)

    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_pdf_of_a_private_publication_is_not_downloadable(client, publication_with_pdf):
    PageViewRestriction.objects.create(page=publication_with_pdf, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(publication_with_pdf.pdf.url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(media_path(publication_with_pdf.pdf)).status_code == HTTPStatus.NOT_FOUND


def test_the_pdf_of_an_unpublished_publication_is_not_downloadable(client, publication_with_pdf):
    publication_with_pdf.unpublish()

    assert client.get(publication_with_pdf.pdf.url).status_code == HTTPStatus.NOT_FOUND


def test_a_signed_in_visitor_the_private_page_admits_gets_its_pdf(client, publication_with_pdf, django_user_model):
    PageViewRestriction.objects.create(page=publication_with_pdf, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("reader", password="x"))

    assert client.get(publication_with_pdf.pdf.url).status_code == HTTPStatus.OK


def test_the_pdf_of_a_private_page_is_public_while_a_public_page_uses_it_too(client, publication_with_pdf):
    PageViewRestriction.objects.create(page=publication_with_pdf, restriction_type=PageViewRestriction.LOGIN)
    other = PublicationPageFactory(parent=publication_with_pdf.get_parent(), pdf=publication_with_pdf.pdf)
    ReferenceIndex.create_or_update_for_object(other)

    assert client.get(publication_with_pdf.pdf.url).status_code == HTTPStatus.OK
