"""Uploads kept in an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME), against moto's S3 server run on this machine.

Each test configures the site as an operator would, through the environment variables, and gets a bucket of its own.
"""

import importlib.util
import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import suppress
from http import HTTPStatus
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import AsyncClient

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, ReferenceIndex

import boto3
import pytest
from asgiref.sync import async_to_sync
from PIL import Image
from storages.backends.s3 import S3Storage

from tests.factories import (
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
)
from tests.helpers import free_port

pytestmark = pytest.mark.django_db

REGION = "eu-west-2"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "institute-test", "AWS_SECRET_ACCESS_KEY": "institute-test-secret"}
PDF = b"%PDF-1.4 minutes of the board\n"


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server, a real HTTP server in a process of its own on a free local port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(endpoint, server)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_up(endpoint, server):
    for _ in range(100):
        if server.poll() is not None:
            pytest.fail("moto's S3 server stopped as it started")
        with suppress(OSError):
            urllib.request.urlopen(endpoint, timeout=1)  # noqa: S310  (our own server)
            return
        time.sleep(0.1)
    pytest.fail("moto's S3 server did not answer within 10 s")


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, settings):
    """A new bucket, and the site's settings as base.py makes them from an operator's environment variables."""
    name = f"institute-media-{uuid.uuid4().hex[:12]}"
    environment = {
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        **CREDENTIALS,
    }
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    configured = settings_from_environment()
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_images_policy(name)))
    # Django's setting_changed handler drops the storage objects it had made, default_storage's included.
    settings.STORAGES = configured.STORAGES
    settings.MEDIA_URL = configured.MEDIA_URL
    settings.CONTENT_SECURITY_POLICY = configured.CONTENT_SECURITY_POLICY
    return SimpleNamespace(name=name, client=client, media_url=configured.MEDIA_URL)


def settings_from_environment():
    """institute/settings/base.py run afresh, as in a process started with the current environment."""
    spec = importlib.util.find_spec("institute.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def public_images_policy(bucket_name):
    """The bucket policy docs/deploy.md gives operators: anyone may read images, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket_name}/images/*", f"arn:aws:s3:::{bucket_name}/original_images/*"],
            }
        ],
    }


def keys(bucket):
    return {item["Key"] for item in bucket.client.list_objects_v2(Bucket=bucket.name).get("Contents", [])}


def anonymous_get(url):
    """What anyone on the internet gets from the bucket: its status and content."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (the local S3 server)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def png(width, height):
    output = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(output, "PNG")
    return output.getvalue()


def upload_image(admin_client, content, title):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": title, "description": "A chart", "file": SimpleUploadedFile("chart.png", content)},
    )
    assert response.status_code == HTTPStatus.FOUND
    return get_image_model().objects.get(title=title)


def upload_document(admin_client, content, title):
    response = admin_client.post(
        "/admin/documents/add/", {"title": title, "file": SimpleUploadedFile("minutes.pdf", content)}
    )
    assert response.status_code == HTTPStatus.FOUND
    return get_document_model().objects.get(title=title)


def download(path):
    """GET through the site's ASGI handler, as production serves it: a file's chunks are read in threads."""

    async def get():
        response = await AsyncClient().get(path)
        if response.streaming:
            return response.status_code, b"".join([chunk async for chunk in response.streaming_content])
        return response.status_code, response.content

    return async_to_sync(get)()


def test_an_uploaded_image_is_kept_in_the_bucket_and_pages_show_it_from_there(
    admin_client, client, bucket, home_page, soup
):
    image = upload_image(admin_client, png(960, 540), "Output per hour")

    assert image.file.name.startswith("original_images/")
    assert image.file.name in keys(bucket)
    StandardPageFactory(
        parent=home_page,
        slug="findings",
        body=[("image", {"image": image, "alt_text": "Chart of output per hour", "caption": ""})],
    )

    response = client.get("/findings/")

    assert response.status_code == HTTPStatus.OK
    src = soup(response).find("img", alt="Chart of output per hour")["src"]
    # A plain URL on the bucket's address: no signature that would expire while the page is cached.
    assert src.startswith(f"{bucket.media_url}images/")
    assert "?" not in src
    key = src.removeprefix(bucket.media_url)
    assert key in keys(bucket)
    status, content = anonymous_get(src)
    assert status == HTTPStatus.OK
    assert content == bucket.client.get_object(Bucket=bucket.name, Key=key)["Body"].read()
    assert Image.open(io.BytesIO(content)).size == (480, 270)
    # The browser is allowed to load it.
    img_src = next(d for d in response["Content-Security-Policy"].split("; ") if d.startswith("img-src "))
    assert bucket.media_url in img_src.split()


def test_a_second_image_of_the_same_name_does_not_replace_the_first(admin_client, bucket):
    first = upload_image(admin_client, png(40, 40), "First chart")
    second = upload_image(admin_client, png(80, 40), "Second chart")

    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= keys(bucket)
    with first.file.open("rb"):
        assert Image.open(first.file).size == (40, 40)


def test_an_uploaded_document_is_kept_private_in_the_bucket_and_downloaded_through_the_site(admin_client, bucket):
    document = upload_document(admin_client, PDF, "Board minutes")

    assert document.file.name in keys(bucket)
    # Nobody gets it from the bucket itself: no public ACL on the object, and the policy covers images only.
    assert anonymous_get(f"{bucket.media_url}{document.file.name}")[0] == HTTPStatus.FORBIDDEN
    assert document.url == f"/documents/{document.pk}/minutes.pdf"
    assert download(document.url) == (HTTPStatus.OK, PDF)


def test_a_document_used_only_on_a_private_page_is_not_downloadable(admin_client, client, bucket, home_page):
    document = upload_document(admin_client, PDF, "Board minutes")
    publications = PublicationIndexPageFactory(parent=ResearchIndexPageFactory(parent=home_page))
    publication = PublicationPageFactory(parent=publications, pdf=document)
    ReferenceIndex.create_or_update_for_object(publication)
    PageViewRestriction.objects.create(page=publication, restriction_type=PageViewRestriction.LOGIN)

    # The test client, not the ASGI one, which renders the 404 page on another thread and database connection.
    assert client.get(document.url).status_code == HTTPStatus.NOT_FOUND


def test_backup_and_restore_refuse_to_run_while_uploads_are_in_a_bucket(bucket, tmp_path):
    with pytest.raises(CommandError, match="Uploads are kept in the S3 bucket"):
        call_command("backup", output_dir=tmp_path)
    assert not list(tmp_path.iterdir())

    with pytest.raises(CommandError, match="Uploads are kept in the S3 bucket"):
        call_command("restore", tmp_path / "institute-20260101-120000.tar.gz", interactive=False)


@pytest.mark.parametrize(
    ("environment", "media_url"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.productivity.example"}, "https://media.productivity.example/"),
        ({"AWS_S3_ENDPOINT_URL": "https://objects.provider.example"}, "https://objects.provider.example/site-media/"),
        ({"AWS_S3_REGION_NAME": "eu-west-2"}, "https://site-media.s3.eu-west-2.amazonaws.com/"),
    ],
)
def test_image_urls_are_on_the_cdn_or_the_buckets_address(monkeypatch, environment, media_url):
    for variable in ("AWS_S3_CUSTOM_DOMAIN", "AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "site-media")
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)

    configured = settings_from_environment()

    assert media_url == configured.MEDIA_URL
    assert media_url in configured.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    storage = S3Storage(**configured.STORAGES["default"]["OPTIONS"])
    assert storage.url("images/chart.width-480.png") == f"{media_url}images/chart.width-480.png"
