"""Issue 13: a forum lead sees and chooses only their forum's images and documents and the shared Site images."""

import io
from http import HTTPStatus

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text, streamfield

import pytest
from PIL import Image

from forums.models import ForumPage
from institute.media_choices import SITE_IMAGES
from tests.factories import DocumentFactory, ImageFactory
from tests.forums.test_permissions import forum_form

pytestmark = pytest.mark.django_db

NOT_YOURS = "Choose an image from your forum&#x27;s collection or Site images."


@pytest.fixture
def site_images(scotland):
    """Made when the forums' access was set up."""
    return Collection.objects.get(name=SITE_IMAGES)


@pytest.fixture
def images(scotland, wales, site_images):
    return {
        "scotland": ImageFactory(title="Glasgow skyline", collection=scotland.access.collection),
        "wales": ImageFactory(title="Cardiff bay", collection=wales.access.collection),
        "site": ImageFactory(title="Institute logo", collection=site_images),
        "root": ImageFactory(title="Staff only chart", collection=Collection.get_first_root_node()),
    }


@pytest.fixture
def documents(scotland, wales, site_images):
    return {
        "scotland": DocumentFactory(title="Scotland minutes", collection=scotland.access.collection),
        "wales": DocumentFactory(title="Wales minutes", collection=wales.access.collection),
        "site": DocumentFactory(title="Annual review", collection=site_images),
    }


def edit(client, forum, **changes):
    return client.post(f"/admin/pages/{forum.pk}/edit/", forum_form(forum, **changes))


def image_block(image):
    return streamfield([("image", {"image": image.pk, "alt_text": "A picture", "caption": ""})])


def live(forum):
    return ForumPage.objects.get(pk=forum.pk)


def api_titles(client, kind):
    response = client.get(f"/admin/api/main/{kind}/", {"fields": "title", "limit": 20})
    assert response.status_code == HTTPStatus.OK
    return {item["title"] for item in response.json()["items"]}


def test_the_admin_api_lists_a_lead_their_forums_files_and_site_images_and_staff_all(
    client, scotland, images, documents, staff_editor, superuser
):
    client.force_login(scotland.lead.user)

    assert api_titles(client, "images") == {"Glasgow skyline", "Institute logo"}
    assert api_titles(client, "documents") == {"Scotland minutes", "Annual review"}
    assert client.get(f"/admin/api/main/images/{images['wales'].pk}/").status_code == HTTPStatus.NOT_FOUND

    for staff in (staff_editor, superuser):
        client.force_login(staff)
        assert api_titles(client, "images") == {image.title for image in images.values()}
        assert api_titles(client, "documents") == {document.title for document in documents.values()}


def test_the_image_chooser_offers_a_lead_their_forums_images_and_site_images(client, scotland, images):
    client.force_login(scotland.lead.user)

    html = client.get("/admin/images/chooser/").json()["html"]

    assert "Glasgow skyline" in html and "Institute logo" in html
    assert "Cardiff bay" not in html and "Staff only chart" not in html


def test_the_document_chooser_offers_a_lead_their_forums_documents_and_site_images(client, scotland, documents):
    client.force_login(scotland.lead.user)

    html = client.get("/admin/documents/chooser/").json()["html"]

    assert "Scotland minutes" in html and "Annual review" in html
    assert "Wales minutes" not in html


def test_a_forged_hero_image_from_another_forum_is_a_form_error_and_not_saved(client, scotland, images):
    client.force_login(scotland.lead.user)
    revisions = scotland.revisions.count()

    response = edit(client, scotland, hero_image=images["wales"].pk)

    assert response.status_code == HTTPStatus.OK
    assert NOT_YOURS in response.content.decode()
    assert live(scotland).hero_image is None
    assert scotland.revisions.count() == revisions


def test_a_forged_image_block_from_another_forum_is_a_form_error_and_not_saved(client, scotland, images):
    client.force_login(scotland.lead.user)

    response = edit(client, scotland, body=image_block(images["wales"]))

    assert response.status_code == HTTPStatus.OK
    assert NOT_YOURS in response.content.decode()
    assert not live(scotland).body


def test_a_forged_document_block_from_another_forum_is_a_form_error(client, scotland, documents):
    client.force_login(scotland.lead.user)
    body = streamfield([("document", {"document": documents["wales"].pk, "title": "", "description": ""})])

    response = edit(client, scotland, body=body)

    assert response.status_code == HTTPStatus.OK
    assert "Choose a document from your forum&#x27;s collection or Site images." in response.content.decode()
    assert not live(scotland).body


def test_a_lead_may_choose_site_images_and_their_own(client, scotland, images):
    client.force_login(scotland.lead.user)

    response = edit(client, scotland, hero_image=images["site"].pk, body=image_block(images["scotland"]))

    assert response.status_code == HTTPStatus.FOUND
    forum = live(scotland)
    assert forum.hero_image == images["site"]
    assert forum.body[0].value["image"] == images["scotland"]


def test_staff_may_choose_any_collections_image_that_a_lead_may_not(client, scotland, images, staff_editor):
    client.force_login(scotland.lead.user)
    assert NOT_YOURS in edit(client, scotland, hero_image=images["wales"].pk).content.decode()

    client.force_login(staff_editor)
    response = edit(client, scotland, hero_image=images["wales"].pk, listing_image=images["root"].pk)

    assert response.status_code == HTTPStatus.FOUND
    assert (live(scotland).hero_image, live(scotland).listing_image) == (images["wales"], images["root"])


def upload_image(client, collection):
    picture = io.BytesIO()
    Image.new("RGB", (4, 4)).save(picture, "PNG")
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("photo.png", picture.getvalue()), "collection": collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_a_lead_may_choose_from_site_images_but_not_upload_into_it(client, scotland, images, site_images):
    client.force_login(scotland.lead.user)

    into_site_images = upload_image(client, site_images)
    into_own_collection = upload_image(client, scotland.access.collection)

    assert "Institute logo" in client.get("/admin/images/chooser/").json()["html"]
    assert not into_site_images.json()["success"]
    assert into_own_collection.json()["success"]
    assert list(get_image_model().objects.filter(collection=site_images)) == [images["site"]]


def test_an_image_staff_placed_stays_valid_when_the_lead_saves(client, scotland, images):
    scotland.hero_image = images["root"]
    scotland.save_revision().publish()
    client.force_login(scotland.lead.user)

    kept = edit(client, scotland, hero_image=images["root"].pk, summary="Updated by the lead")
    forged = edit(client, scotland, hero_image=images["root"].pk, listing_image=images["wales"].pk)

    assert kept.status_code == HTTPStatus.FOUND
    assert (live(scotland).summary, live(scotland).hero_image) == ("Updated by the lead", images["root"])
    assert NOT_YOURS in forged.content.decode()
    assert live(scotland).listing_image is None


def test_the_demo_gives_forums_no_picture_keeps_one_an_editor_chose_and_files_images_in_site_images(db, monkeypatch):
    """A forum's card and page show its region on the map, so the demo makes no picture for it."""
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "correct-horse-battery")
    call_command("load_demo_content", stdout=io.StringIO())
    scotland = ForumPage.objects.get(slug="scotland")

    assert (scotland.hero_image, scotland.listing_image) == (None, None)
    assert set(get_image_model().objects.values_list("collection__name", flat=True)) == {SITE_IMAGES}

    chosen = ImageFactory(collection=scotland.access.collection)
    scotland.hero_image = chosen
    scotland.save_revision().publish()
    call_command("load_demo_content", stdout=io.StringIO())
    assert ForumPage.objects.get(slug="scotland").hero_image == chosen


def test_a_forged_document_link_in_rich_text_is_a_form_error(client, scotland, documents):
    client.force_login(scotland.lead.user)
    link = f'<p><a linktype="document" id="{documents["wales"].pk}">Minutes</a></p>'

    response = edit(client, scotland, get_involved=rich_text(link))

    assert "Choose a document from your forum&#x27;s collection or Site images." in response.content.decode()
    assert not live(scotland).get_involved
