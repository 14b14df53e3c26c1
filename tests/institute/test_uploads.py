"""Uploads: photos lose their camera and GPS metadata, animations and documents have limits."""

import io
import zipfile
from http import HTTPStatus

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile
from wagtail.utils.file import hash_filelike

import pytest
from PIL import ExifTags, Image, ImageCms

from institute import uploads
from institute.demo import images as demo_images
from tests.factories import ForumIndexPageFactory, ImageFactory
from tests.forums.conftest import forum_with_lead

AJAX = {"x-requested-with": "XMLHttpRequest"}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
BLUE, RED = (0, 0, 255), (255, 0, 0)
MB = 1024 * 1024


def photo(fmt="JPEG", size=(60, 40)):
    """A photo as a phone held upright stores it.

    The pixels lie on their side, left half blue, with an orientation tag saying to turn them 90°
    clockwise (so blue is at the top), the camera, the GPS position, and an sRGB colour profile.
    """
    image = Image.new("RGB", size, RED)
    image.paste(BLUE, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phonemaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = 6
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (53.0, 28.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 14.0, 0.0)
    output = io.BytesIO()
    image.save(output, fmt, exif=exif, icc_profile=SRGB)
    return output.getvalue()


def animation(frames, size, **params):
    palette = [value for index in range(256) for value in (index, 0, 255 - index)]
    images = []
    for index in range(frames):
        frame = Image.new("P", size, index)
        frame.putpalette(palette)
        images.append(frame)
    output = io.BytesIO()
    images[0].save(output, "GIF", save_all=True, append_images=images[1:], **params)
    return output.getvalue()


def near(pixel, colour):
    return all(abs(a - b) <= 40 for a, b in zip(pixel[:3], colour, strict=True))


def assert_clean_and_upright(file, width, height):
    """No EXIF (so no camera, no GPS, no orientation left to apply) and the blue half on top."""
    with file.open("rb"), Image.open(file) as image:
        exif = image.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert not exif
        assert "xmp" not in image.info
        assert image.size == (width, height)
        rgb = image.convert("RGB")
        assert near(rgb.getpixel((width // 2, 0)), BLUE)
        assert near(rgb.getpixel((width // 2, height - 1)), RED)


def upload_image(client, content, name, title="Photo", **fields):
    data = {"title": title, "description": "A test photo", "file": SimpleUploadedFile(name, content), **fields}
    return client.post("/admin/images/add/", data)


def upload_images(client, content, name, **fields):
    return client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, content), **fields}, headers=AJAX
    )


def upload_document(client, content, name, title="Minutes"):
    return client.post("/admin/documents/add/", {"title": title, "file": SimpleUploadedFile(name, content)})


def upload_documents(client, content, name, **fields):
    return client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content), **fields}, headers=AJAX
    )


@pytest.fixture
def forum(home_page, django_user_model):
    return forum_with_lead(ForumIndexPageFactory(parent=home_page), django_user_model, "scotland", "Scotland")


@pytest.fixture
def lead_client(client, forum):
    client.force_login(forum.lead.user)
    return client


# Photos


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "photo.jpg"), ("PNG", "photo.png"), ("WEBP", "photo.webp"), ("AVIF", "photo.avif")]
)
def test_an_uploaded_photo_is_stored_upright_without_its_exif_and_gps(admin_client, fmt, name):
    response = upload_image(admin_client, photo(fmt), name)

    assert response.status_code == HTTPStatus.FOUND
    image = get_image_model().objects.get(title="Photo")
    assert_clean_and_upright(image.file, 40, 60)
    assert (image.width, image.height) == (40, 60)
    with image.file.open("rb"), Image.open(image.file) as stored:
        assert stored.info["icc_profile"] == SRGB


@pytest.mark.parametrize("spec", ["width-30", "width-30|format-png", "width-30|format-webp", "width-30|format-avif"])
def test_renditions_of_an_uploaded_photo_carry_no_exif_or_gps(admin_client, spec):
    upload_image(admin_client, photo(), "photo.jpg")
    image = get_image_model().objects.get(title="Photo")

    rendition = image.get_rendition(spec)

    assert_clean_and_upright(rendition.file, 30, 45)


def test_the_size_and_hash_wagtail_records_are_those_of_the_stored_file(admin_client):
    upload_image(admin_client, photo(), "photo.jpg")

    image = get_image_model().objects.get(title="Photo")
    with image.file.open("rb"):
        assert image.file_size == image.file.size
        assert image.file_hash == hash_filelike(image.file)


def test_replacing_an_images_file_strips_the_new_file(admin_client):
    upload_image(admin_client, photo("PNG", size=(20, 20)), "square.png")
    image = get_image_model().objects.get(title="Photo")

    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Photo", "description": "A test photo", "file": SimpleUploadedFile("photo.jpg", photo())},
    )

    assert response.status_code == HTTPStatus.FOUND
    image.refresh_from_db()
    assert_clean_and_upright(image.file, 40, 60)


def test_a_forum_leads_multiple_upload_is_stored_without_exif_and_gps(lead_client, forum):
    # The uploader keeps the file aside until the lead gives the image its description, its alt text.
    response = upload_images(lead_client, photo(), "photo.jpg", collection=forum.access.collection.pk)
    upload_id = response.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"

    response = lead_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {f"{prefix}-title": "Photo", f"{prefix}-description": "A test photo"},
        headers=AJAX,
    )

    assert response.json()["success"]
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert image.collection == forum.access.collection
    assert_clean_and_upright(image.file, 40, 60)
    assert (image.width, image.height) == (40, 60)


def test_an_upload_completed_after_a_field_error_is_stored_without_exif_and_gps(admin_client):
    # A title too long for the image keeps the upload aside until the editor corrects the form.
    response = upload_images(admin_client, photo(), "follow-up-photo.jpg", title="x" * 300)
    upload_id = response.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"

    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {f"{prefix}-title": "Photo", f"{prefix}-description": "A test photo"},
        headers=AJAX,
    )

    assert response.json()["success"]
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert_clean_and_upright(image.file, 40, 60)
    assert (image.width, image.height) == (40, 60)
    with image.file.open("rb"):
        assert image.file_size == image.file.size
        assert image.file_hash == hash_filelike(image.file)
    _, stored = default_storage.listdir("original_images")
    assert [name for name in stored if name.startswith("follow-up-photo")] == [image.filename]
    assert not UploadedFile.objects.exists()


def test_an_image_without_metadata_is_stored_as_it_came(admin_client):
    output = io.BytesIO()
    Image.new("RGB", (30, 20), BLUE).save(output, "PNG")

    upload_image(admin_client, output.getvalue(), "plain.png")

    image = get_image_model().objects.get(title="Photo")
    with image.file.open("rb"):
        assert image.file.read() == output.getvalue()


def test_an_animation_with_metadata_keeps_its_frames_and_timing(admin_client):
    upload_image(admin_client, animation(3, (20, 20), duration=[50, 100, 150], loop=0, comment=b"By me"), "a.gif")

    image = get_image_model().objects.get(title="Photo")
    with image.file.open("rb"), Image.open(image.file) as stored:
        assert "comment" not in stored.info
        assert stored.n_frames == 3
        assert stored.info["loop"] == 0
        durations = []
        for frame in range(stored.n_frames):
            stored.seek(frame)
            durations.append(stored.info["duration"])
        assert durations == [50, 100, 150]


@pytest.mark.parametrize(
    ("content", "name"), [(photo(size=(600, 400)), "photo.jpg"), (animation(3, (300, 300)), "animation.gif")]
)
def test_a_damaged_image_is_a_form_error(admin_client, content, name):
    response = upload_image(admin_client, content[: len(content) // 2], name)

    assert response.status_code == HTTPStatus.OK
    assert "Upload a valid image. The file you uploaded was either not an image or a corrupted image." in (
        response.content.decode()
    )
    assert not get_image_model().objects.exists()


def test_the_command_strips_images_stored_before_uploads_were_cleaned(db):
    image = ImageFactory(file=ContentFile(photo(), name="legacy.jpg"))
    with image.get_rendition("width-30").file.open("rb") as rendition:
        assert Image.open(rendition).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    output = io.StringIO()

    call_command("strip_image_metadata", stdout=output)

    assert output.getvalue() == "Removed the metadata from 1 images.\n"
    image.refresh_from_db()
    assert_clean_and_upright(image.file, 40, 60)
    assert (image.width, image.height) == (40, 60)
    with image.file.open("rb"):
        assert image.file_hash == hash_filelike(image.file)
    assert_clean_and_upright(image.get_rendition("width-30").file, 30, 45)
    assert image.renditions.count() == 1


@pytest.mark.parametrize(
    "content",
    [
        demo_images.illustration("Productivity", seed="Productivity", width=160, height=90),
        demo_images.logo("The Institute", "TPI", seed="The Institute", width=120, height=60),
    ],
)
def test_the_demo_images_drawn_in_code_carry_no_metadata(content):
    with Image.open(io.BytesIO(content)) as image:
        assert not uploads.has_metadata(image)


# Animations


def test_an_animation_over_the_pixel_limit_counting_every_frame_is_a_form_error(admin_client):
    # 100 frames of 640×640 is 41 million pixels; one frame is 0.4 million.
    response = upload_image(admin_client, animation(100, (640, 640), duration=40), "animation.gif")

    assert response.status_code == HTTPStatus.OK
    assert "This animation has too many pixels: 100 frames of 640×640" in response.content.decode()
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=50_000)
def test_a_multiple_upload_of_an_animation_over_the_pixel_limit_is_refused(lead_client, forum):
    response = upload_images(
        lead_client, animation(10, (100, 100)), "animation.gif", collection=forum.access.collection.pk
    )

    assert not response.json()["success"]
    assert "This animation has too many pixels" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert not UploadedFile.objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=50_000)
def test_an_animation_within_the_pixel_limit_is_accepted(admin_client):
    response = upload_image(admin_client, animation(4, (100, 100)), "animation.gif")

    assert response.status_code == HTTPStatus.FOUND
    assert get_image_model().objects.exists()


# Documents


def test_a_document_over_10_mb_is_a_form_error(admin_client):
    response = upload_document(admin_client, b"%PDF-1.7\n" + bytes(11 * MB), "minutes.pdf")

    assert response.status_code == HTTPStatus.OK
    assert "This file is too big (11.0\xa0MB). Maximum filesize 10.0\xa0MB." in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_multiple_upload_of_a_document_over_10_mb_is_refused(lead_client, forum):
    response = upload_documents(
        lead_client, b"%PDF-1.7\n" + bytes(11 * MB), "minutes.pdf", collection=forum.access.collection.pk
    )

    assert not response.json()["success"]
    assert "This file is too big" in response.json()["error_message"]
    assert not get_document_model().objects.exists()
    assert not UploadedFile.objects.exists()


def test_an_upload_request_of_30_mb_is_refused_before_it_is_parsed(admin_client):
    response = upload_document(admin_client, b"%PDF-1.7\n" + bytes(30 * MB), "minutes.pdf")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "setup.exe"])
def test_a_document_of_a_type_not_allowed_is_refused(admin_client, name):
    response = upload_document(admin_client, b"<html><script>alert(1)</script></html>", name)

    assert response.status_code == HTTPStatus.OK
    assert "is not allowed" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_multiple_upload_of_a_document_type_not_allowed_is_refused(lead_client, forum):
    response = upload_documents(lead_client, b"<svg/>", "drawing.svg", collection=forum.access.collection.pk)

    assert not response.json()["success"]
    assert "is not allowed" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<!DOCTYPE html><script>alert(1)</script>"),
        ("figures.xlsx", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
    ],
)
def test_a_document_whose_content_is_not_what_its_extension_says_is_refused(admin_client, name, content):
    response = upload_document(admin_client, content, name)

    assert response.status_code == HTTPStatus.OK
    extension = name.rsplit(".", 1)[1]
    assert f"The content of this file is not that of a .{extension} file." in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_multiple_upload_of_a_disguised_document_is_refused(lead_client, forum):
    response = upload_documents(
        lead_client, b"<html><script>alert(1)</script></html>", "report.pdf", collection=forum.access.collection.pk
    )

    assert not response.json()["success"]
    assert "not that of a .pdf file" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


def docx():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return output.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minutes.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("minutes.docx", docx()),
        ("figures.csv", "\ufeffregion,output\nScotland,1.5\n".encode()),
        ("notes.txt", b"Productivity in the North West\n"),
    ],
)
def test_a_genuine_document_is_accepted(admin_client, name, content):
    response = upload_document(admin_client, content, name)

    assert response.status_code == HTTPStatus.FOUND
    assert get_document_model().objects.filter(title="Minutes").exists()


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [("notes.txt", b"<html><script>alert(1)</script></html>", "attachment"), ("minutes.pdf", b"%PDF-1.7\n", "inline")],
)
def test_documents_are_served_so_that_a_browser_cannot_run_them(client, admin_client, name, content, disposition):
    upload_document(admin_client, content, name)
    document = get_document_model().objects.get()

    response = client.get(document.url)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
