"""Every e-mail the site sends goes through the task worker, so no request waits for a mail server.

`QueuedEmailBackend` is the site's EMAIL_BACKEND: it turns each message into a task, and the worker
delivers it through EMAIL_DELIVERY_BACKEND (SMTP in production), trying again later when the mail
server fails. Wagtail's moderation notices and the error reports to ADMINS go this way; form
submissions have their own task that records each delivery for staff (institute/mail.py).
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

# When an attempt fails, the next one is this much later; after the last, the delivery has failed.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1))


def next_attempt_time(task, failed_attempt, failed_at):
    """When to try again after attempt number `failed_attempt` failed at `failed_at`: None after the
    last one, or where the task backend cannot run a task later (development and tests)."""
    if failed_attempt > len(RETRY_DELAYS) or not task.get_backend().supports_defer:
        return None
    return failed_at + RETRY_DELAYS[failed_attempt - 1]


def delivery_connection():
    return get_connection(settings.EMAIL_DELIVERY_BACKEND)


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(message_as_json(message))
        return len(email_messages)


def message_as_json(message):
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": message.to,
        "cc": message.cc,
        "bcc": message.bcc,
        "reply_to": message.reply_to,
        "headers": message.extra_headers,
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [
            [name, base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(), mimetype]
            for name, content, mimetype in message.attachments
        ],
    }


def message_from_json(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
        connection=delivery_connection(),
    )
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(data, attempt=1):
    try:
        message_from_json(data).send()
    except OSError as error:  # smtplib's errors, refused connections and timeouts
        run_after = next_attempt_time(deliver_email, attempt, timezone.now())
        logger.warning(
            "Could not send %r to %s (attempt %s%s): %s",
            data["subject"],
            ", ".join(data["to"]),
            attempt,
            "" if run_after else ", the last",
            error,
        )
        if run_after is None:
            raise
        deliver_email.using(run_after=run_after).enqueue(data, attempt=attempt + 1)
