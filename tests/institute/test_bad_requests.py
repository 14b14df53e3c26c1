"""Findings 4 and 11 of issue 10: bad requests get a 400 in the site's design and one log line;
errors are reported as the settings say; every response carries the browser-feature policies."""

import io
import logging
from http import HTTPStatus

from django.core import mail
from django.core.exceptions import BadRequest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils.log import AdminEmailHandler

import pytest
from django_tasks_db.models import DBTaskResult

from institute.error_reporting import SafeAdminEmailHandler
from institute.handlers import InstituteWSGIHandler, InstituteWSGIRequest
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

NOT_UTF8_FORMS = [
    "application/x-www-form-urlencoded; charset=iso-8859-1",
    "application/x-www-form-urlencoded; charset=UTF-16",
    "application/x-www-form-urlencoded; charset=latin1",
]


@pytest.fixture
def console_log():
    """What the console log handler writes, as a server's log file would hold it."""
    [console] = [handler for handler in logging.getLogger().handlers if handler.filters]
    written = io.StringIO()
    previous = console.setStream(written)
    yield written
    console.setStream(previous)


@pytest.fixture
def csrf_client():
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    return client


def is_site_error_page(response, soup, code):
    page = soup(response)
    return page.select_one(".error-page__code").text == str(code) and page.select_one("header.site-header") is not None


@pytest.mark.parametrize("content_type", NOT_UTF8_FORMS)
@pytest.mark.parametrize("path", ["/", "/contact/", "/search/", "/no-such-page/"])
def test_a_form_in_another_charset_is_a_400_in_the_site_design(csrf_client, contact_page, soup, path, content_type):
    response = csrf_client.post(path, data=b"your_message=caf%E9", content_type=content_type)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert is_site_error_page(response, soup, 400)
    assert not contact_page.get_submissions().exists()


def test_a_bad_host_with_a_form_in_another_charset_is_a_400(csrf_client, home_page):
    response = csrf_client.post("/", data=b"a=b", content_type=NOT_UTF8_FORMS[0], HTTP_HOST="evil.example")

    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_utf8_spelled_without_a_hyphen_is_read_as_utf8(client, contact_page):
    response = client.post(
        "/contact/",
        data=b"your_name=Ada&your_email=ada%40example.com&your_message=caf%C3%A9",
        content_type="application/x-www-form-urlencoded; charset=utf8",
    )

    assert response.status_code == HTTPStatus.FOUND
    assert contact_page.get_submissions().get().get_data()["your_message"] == "café"


def test_a_bad_charset_logs_one_line_without_a_traceback(csrf_client, home_page, console_log):
    csrf_client.post("/", data=b"a=b", content_type=NOT_UTF8_FORMS[0])

    assert console_log.getvalue() == "Bad Request: / (a form in the iso-8859-1 charset, not UTF-8)\n"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_unparsable_content_type_is_a_400_not_a_500(home_page, soup, monkeypatch, method):
    # The test client builds Django's own request class; the site's handlers build this one.
    assert InstituteWSGIHandler.request_class is InstituteWSGIRequest
    monkeypatch.setattr("django.test.client.WSGIRequest", InstituteWSGIRequest)

    response = Client(raise_request_exception=False).generic(method, "/", CONTENT_TYPE="text/html; charset*=BOGUS''x")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert is_site_error_page(response, soup, 400)


def test_a_bad_host_is_a_400_with_one_log_line(home_page, soup, console_log):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    logged = console_log.getvalue()
    assert logged.count("\n") == 1, logged
    assert "Invalid HTTP_HOST header: 'evil.example'" in logged and "Traceback" not in logged


def test_a_bad_host_is_not_e_mailed_to_admins(home_page, settings, queued_email):
    settings.ADMINS = [("Web team", "web@productivity.example")]

    Client(raise_request_exception=False).get("/", HTTP_HOST="203.0.113.9")

    assert not DBTaskResult.objects.exists()
    assert mail.outbox == []


def test_a_csrf_failure_shows_a_page_in_the_site_design(csrf_client, contact_page, soup):
    response = csrf_client.post("/contact/", {"your_message": "Hello"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert is_site_error_page(response, soup, 403)
    assert soup(response).h1.text == "Your form could not be sent"
    assert not contact_page.get_submissions().exists()


@pytest.mark.parametrize(
    ("admins", "wording"),
    [([], "Please try again in a few minutes."), ([("Web team", "web@productivity.example")], "has been told")],
)
def test_the_500_page_says_someone_was_told_only_when_someone_was(settings, admins, wording):
    from institute.views import server_error

    settings.ADMINS = admins

    response = server_error(None)

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert wording in response.content.decode()
    if not admins:
        assert "been told" not in response.content.decode()


def test_admins_come_from_the_environment(monkeypatch):
    import importlib

    from institute.settings import base

    monkeypatch.setenv("ADMINS", "Web Team <web@productivity.example>, ops@productivity.example")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.ADMINS == [("Web Team", "web@productivity.example"), ("", "ops@productivity.example")]
        assert reloaded.MANAGERS == reloaded.ADMINS
    finally:
        monkeypatch.delenv("ADMINS")
        importlib.reload(base)


@pytest.fixture
def queued_email(settings, task_queue):
    """Production's e-mail: queued in the database, delivered by `manage.py db_worker`."""
    settings.EMAIL_BACKEND = "institute.queued_email.QueuedEmailBackend"


def test_a_server_error_is_e_mailed_to_admins_by_the_task_worker_not_the_request(
    home_page, settings, queued_email, run_worker, monkeypatch
):
    settings.ADMINS = [("Web team", "web@productivity.example")]

    def broken(*args, **kwargs):
        raise RuntimeError("search index is broken")

    monkeypatch.setattr("institute.views.paginate", broken)

    response = Client(raise_request_exception=False).get("/search/?q=productivity")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert mail.outbox == []
    assert DBTaskResult.objects.get().task_path == "institute.queued_email.deliver_email"
    run_worker()
    [email] = mail.outbox
    assert email.to == ["web@productivity.example"]
    assert "search index is broken" in email.body


def test_an_error_report_on_a_request_with_an_unreadable_form_does_not_raise(rf, settings, queued_email):
    settings.ADMINS = [("Web team", "web@productivity.example")]
    request = rf.post("/", data=b"a=b", content_type="application/x-www-form-urlencoded; charset=latin1")
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: /", None, None)
    record.request, record.status_code = request, HTTPStatus.INTERNAL_SERVER_ERROR

    with pytest.raises(BadRequest):
        AdminEmailHandler().handle(record)  # Django's own handler turns the report into a second error
    SafeAdminEmailHandler().handle(record)


@pytest.mark.parametrize("path", ["/", "/healthz/", "/sitemap.xml", "/no-such-page/", "/static/institute/favicon.svg"])
def test_every_response_has_permissions_and_opener_policies(client, home_page, path):
    response = client.get(path)

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert (
        'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
        in response["Permissions-Policy"]
    )
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_under_asgi_a_file_is_sent_a_chunk_at_a_time():
    from django.test import AsyncClient

    from asgiref.sync import async_to_sync

    document = DocumentFactory(file=ContentFile(b"%PDF-1.4 " + b"x" * 300_000, name="large.pdf"))

    response = async_to_sync(AsyncClient().get)(document.url)

    assert response.status_code == HTTPStatus.OK
    assert response.is_async  # Django would otherwise read the whole file into memory first
    chunks = async_to_sync(collect)(response)
    assert len(chunks) > 1 and b"".join(chunks).startswith(b"%PDF-1.4 xxx")


async def collect(response):
    return [chunk async for chunk in response]


def test_documents_have_the_policies_too(client):
    document = DocumentFactory()

    response = client.get(document.url)

    assert response.status_code == HTTPStatus.OK
    assert "Permissions-Policy" in response
