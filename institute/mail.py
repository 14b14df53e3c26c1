"""E-mail of form submissions, sent by the task worker so that no visitor waits for the mail server.

A delivery that fails is tried again later, further apart each time, where the task backend can run a
task later (the database queue can; the immediate backend of development and tests cannot). Every
outcome is recorded on the FormEmail, which staff see in the admin and can send again once it failed.
"""

import logging

from django.utils import timezone

from wagtail.admin.mail import send_mail

from django_tasks import task

from institute.models.mail import FormEmail
from institute.queued_email import delivery_connection, next_attempt_time

logger = logging.getLogger(__name__)


def queue_form_email(email):
    send_form_email.enqueue(email.pk)


def send_again(email):
    """Staff's second chance for a failed e-mail: a fresh round of attempts."""
    email.status = FormEmail.Status.QUEUED
    email.attempts = 0
    email.next_attempt_at = None
    email.save(update_fields=["status", "attempts", "next_attempt_at"])
    queue_form_email(email)


@task()
def send_form_email(email_id):
    email = FormEmail.objects.select_related("submission").filter(pk=email_id).first()
    # Deleted with its submission, or sent by an earlier run of the same task.
    if email is None or email.status == FormEmail.Status.SENT:
        return
    email.attempts += 1
    email.last_attempt_at = timezone.now()
    email.next_attempt_at = None
    try:
        send_mail(email.subject, email.body, email.recipients, email.from_address, connection=delivery_connection())
    except OSError as error:  # smtplib's errors, refused connections and timeouts are all OSErrors
        email.last_error = f"{type(error).__name__}: {error}"
        email.next_attempt_at = next_attempt_time(send_form_email, email.attempts, email.last_attempt_at)
        email.status = FormEmail.Status.RETRYING if email.next_attempt_at else FormEmail.Status.FAILED
        logger.warning(
            "Could not e-mail submission %s of form page %s (attempt %s): %s",
            email.submission_id,
            email.submission.page_id,
            email.attempts,
            email.last_error,
        )
        email.save()
        if email.next_attempt_at:
            send_form_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
    except Exception as error:
        # A message no mail server would take (a line break in an editor's subject, say): trying
        # again cannot help, but staff must see it.
        email.last_error = f"{type(error).__name__}: {error}"
        email.status = FormEmail.Status.FAILED
        email.save()
        raise
    else:
        email.status = FormEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save()
