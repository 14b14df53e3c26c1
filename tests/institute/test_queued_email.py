"""Every e-mail the site sends is delivered by the task worker (finding 3 of issue 10)."""

import socket
import time

from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail

import pytest
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

DELIVER = "institute.queued_email.deliver_email"


@pytest.fixture
def queued_email(settings, task_queue):
    settings.EMAIL_BACKEND = "institute.queued_email.QueuedEmailBackend"


def test_a_message_is_queued_and_delivered_whole_by_the_worker(queued_email, run_worker):
    message = EmailMultiAlternatives(
        "Page submitted for approval",
        "Scotland: a page waits for you.",
        "noreply@productivity.example",
        ["staff@productivity.example"],
        cc=["lead@productivity.example"],
        reply_to=["lead@productivity.example"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Scotland: a page waits for you.</p>", "text/html")
    message.attach("agenda.pdf", b"%PDF-1.4 agenda", "application/pdf")

    assert message.send() == 1
    assert mail.outbox == []
    assert DBTaskResult.objects.get().task_path == DELIVER

    run_worker()

    [delivered] = mail.outbox
    assert (delivered.subject, delivered.body, delivered.from_email) == (
        "Page submitted for approval",
        "Scotland: a page waits for you.",
        "noreply@productivity.example",
    )
    assert (delivered.to, delivered.cc, delivered.reply_to) == (
        ["staff@productivity.example"],
        ["lead@productivity.example"],
        ["lead@productivity.example"],
    )
    assert delivered.extra_headers["Auto-Submitted"] == "auto-generated"
    assert delivered.alternatives[0][0] == "<p>Scotland: a page waits for you.</p>"
    assert delivered.attachments[0][:2] == ("agenda.pdf", b"%PDF-1.4 agenda")


def test_a_silent_mail_server_costs_the_sender_nothing_and_the_worker_tries_again_later(
    settings, queued_email, run_worker
):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = 0.5
    with socket.create_server(("127.0.0.1", 0)) as silent_server:
        settings.EMAIL_HOST, settings.EMAIL_PORT = silent_server.getsockname()
        started = time.monotonic()

        send_mail("Hello", "Body", "noreply@productivity.example", ["staff@productivity.example"])

        assert time.monotonic() - started < 0.5
        run_worker()

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "SUCCESSFUL"  # the attempt ran, and handed the message to a later one
    assert retry.status == "READY" and retry.run_after > first.finished_at
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
