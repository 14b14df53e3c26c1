"""A form's e-mail never keeps the visitor waiting, and staff see when it could not be delivered."""

import socket
import time
from http import HTTPStatus

from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail import BadHeaderError
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from institute.access import STAFF_EDITORS
from institute.models import FormEmail
from institute.queued_email import RETRY_DELAYS
from tests.factories import ForumIndexPageFactory, ForumPageFactory, PersonFactory

pytestmark = pytest.mark.django_db

LISTING = "/admin/form_emails/"
MAIL_TASK = "institute.mail.send_form_email"


def send_message(client, message="Hello."):
    return client.post(
        "/contact/", {"your_name": "Ada Price", "your_email": "ada@example.com", "your_message": message}
    )


@pytest.fixture
def smtp(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = 0.5
    return settings


@pytest.fixture
def silent_mail_server(smtp):
    """A mail server that takes the connection and never says a word."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        smtp.EMAIL_HOST, smtp.EMAIL_PORT = server.getsockname()
        yield server


@pytest.fixture
def no_mail_server(smtp):
    """Nothing listening where the mail server should be."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        smtp.EMAIL_HOST, smtp.EMAIL_PORT = server.getsockname()
    return smtp


@pytest.fixture
def working_mail_server(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def make_retry_due():
    DBTaskResult.objects.filter(task_path=MAIL_TASK, status="READY").update(run_after=timezone.now())


@pytest.fixture
def staff_editor(django_user_model):
    user = django_user_model.objects.create_user("staff", "staff@example.com", "password")
    user.groups.add(Group.objects.get(name=STAFF_EDITORS))
    return user


@pytest.fixture
def forum_lead(home_page, django_user_model):
    user = django_user_model.objects.create_user("lead-wales", "lead-wales@example.com", "password")
    ForumPageFactory(parent=ForumIndexPageFactory(parent=home_page), region="Wales", lead=PersonFactory(user=user))
    assert user.groups.filter(name__endswith=" editors").exists()
    return user


def test_a_mail_server_that_never_answers_is_given_up_after_the_email_timeout(client, contact_page, silent_mail_server):
    started = time.monotonic()
    response = send_message(client)

    # Only as long as EMAIL_TIMEOUT (0.5 s here): not the 30 s after which the server kills the worker.
    assert time.monotonic() - started < 5
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/contact/?sent"
    assert contact_page.get_submissions().count() == 1
    email = FormEmail.objects.get()
    # Tests run tasks as they are queued and cannot run one later: the first failure is the last.
    assert email.status == FormEmail.Status.FAILED
    assert email.attempts == 1
    assert "timed out" in email.last_error
    assert email.to_address == "enquiries@productivity.example"
    assert "Your message: Hello." in email.body


def test_staff_see_the_e_mail_that_could_not_be_sent(client, contact_page, no_mail_server, staff_editor, soup):
    send_message(client)

    client.force_login(staff_editor)
    assert "Form e-mails" in client.get("/admin/").content.decode()
    response = client.get(LISTING)

    assert response.status_code == HTTPStatus.OK
    [row] = soup(response).select("table.listing tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert cells[0].startswith("Website message")
    assert cells[1:5] == ["enquiries@productivity.example", "Contact us", "Failed", "1"]
    assert "Connection refused" in cells[6]
    # A record of what happened, which nobody edits.
    email = FormEmail.objects.get()
    for url in [f"{LISTING}new/", f"{LISTING}edit/{email.pk}/", f"{LISTING}delete/{email.pk}/"]:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_forum_leads_cannot_see_the_form_e_mails(client, contact_page, no_mail_server, forum_lead, soup):
    send_message(client)
    email = FormEmail.objects.get()

    client.force_login(forum_lead)

    assert "Form e-mails" not in client.get("/admin/").content.decode()
    for url in [LISTING, f"{LISTING}inspect/{email.pk}/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == "/admin/"
    response = client.post(f"{LISTING}send-again/{email.pk}/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/"
    email.refresh_from_db()
    assert email.status == FormEmail.Status.FAILED
    assert email.attempts == 1


def test_staff_send_a_failed_e_mail_again(client, contact_page, no_mail_server, staff_editor, soup, settings):
    send_message(client, "<b>Hello</b>,\nare you there?")
    email = FormEmail.objects.get()
    client.force_login(staff_editor)
    inspect = soup(client.get(f"{LISTING}inspect/{email.pk}/"))
    body = inspect.find("dt", string="Body").find_next_sibling("dd")
    assert body.get_text("|", strip=True) == (
        "Your name: Ada Price|Your email: ada@example.com|Your message: <b>Hello</b>,|are you there?"
    )
    assert body.find("b") is None
    assert inspect.find("dt", string="Sent at").find_next_sibling("dd").text.strip() == "—"
    button = inspect.find("button", string="Send again")
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the mail server is back

    response = client.post(button.find_parent("form")["action"], follow=True)

    assert response.redirect_chain == [(LISTING, HTTPStatus.FOUND)]
    assert "Sent" in soup(response).select_one(".messages").text
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (FormEmail.Status.SENT, 1, "")
    [sent] = mail.outbox
    assert sent.subject == "Website message"
    assert sent.to == ["enquiries@productivity.example"]
    # Sent is sent: there is nothing to send again.
    assert client.get(f"{LISTING}inspect/{email.pk}/").content.decode().count("Send again") == 0
    assert client.post(f"{LISTING}send-again/{email.pk}/").status_code == HTTPStatus.NOT_FOUND
    assert len(mail.outbox) == 1


def test_the_request_only_queues_the_e_mail_and_the_worker_sends_it(
    client, contact_page, task_queue, run_worker, working_mail_server
):
    response = send_message(client)

    assert response.status_code == HTTPStatus.FOUND
    assert mail.outbox == []
    email = FormEmail.objects.get()
    assert (email.status, email.attempts) == (FormEmail.Status.QUEUED, 0)
    assert DBTaskResult.objects.filter(task_path=MAIL_TASK, status="READY").count() == 1

    run_worker()

    [sent] = mail.outbox
    assert "Your name: Ada Price" in sent.body
    email.refresh_from_db()
    assert (email.status, email.attempts) == (FormEmail.Status.SENT, 1)
    assert email.sent_at is not None


def test_the_worker_tries_again_later_then_gives_up(client, contact_page, task_queue, run_worker, silent_mail_server):
    send_message(client)
    email = FormEmail.objects.get()
    assert (email.status, email.attempts) == (FormEmail.Status.QUEUED, 0)  # nothing tried during the request

    run_worker()

    email.refresh_from_db()
    assert (email.status, email.attempts) == (FormEmail.Status.RETRYING, 1)
    assert "timed out" in email.last_error
    assert email.next_attempt_at == email.last_attempt_at + RETRY_DELAYS[0]
    [retry] = DBTaskResult.objects.filter(task_path=MAIL_TASK, status="READY")
    assert retry.run_after == email.next_attempt_at
    run_worker()  # not due yet
    email.refresh_from_db()
    assert email.attempts == 1

    for attempt in range(2, len(RETRY_DELAYS) + 2):
        make_retry_due()
        run_worker()
        email.refresh_from_db()
        assert email.attempts == attempt

    assert email.status == FormEmail.Status.FAILED
    assert email.next_attempt_at is None
    assert not DBTaskResult.objects.filter(task_path=MAIL_TASK, status="READY").exists()


def test_a_retry_succeeds_once_the_mail_server_is_back(
    client, contact_page, task_queue, run_worker, silent_mail_server, settings
):
    send_message(client)
    run_worker()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    make_retry_due()
    run_worker()

    email = FormEmail.objects.get()
    assert (email.status, email.attempts, email.last_error) == (FormEmail.Status.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_deleting_a_submission_deletes_its_e_mail(client, contact_page, working_mail_server):
    send_message(client)

    contact_page.get_submissions().delete()

    assert not FormEmail.objects.exists()


def test_a_message_no_mail_server_would_take_is_marked_failed_for_staff(client, contact_page, monkeypatch):
    def refuse(*args, **kwargs):
        raise BadHeaderError("Header values can't contain newlines")

    monkeypatch.setattr("institute.mail.send_mail", refuse)

    response = send_message(client)

    assert response.status_code == HTTPStatus.FOUND
    email = FormEmail.objects.get()
    assert email.status == FormEmail.Status.FAILED
    assert email.last_error == "BadHeaderError: Header values can't contain newlines"
