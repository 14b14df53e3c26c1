from django.db import models


class FormEmail(models.Model):
    """The e-mail of one form submission, and how its delivery went: staff see failures in the admin.

    It belongs to the submission, so deleting a submission deletes the copy of it kept here.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RETRYING = "retrying", "Failed, will try again"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    submission = models.ForeignKey("wagtailforms.FormSubmission", on_delete=models.CASCADE, related_name="+")
    from_address = models.CharField(max_length=255, blank=True)
    to_address = models.CharField("to", max_length=255, help_text="Addresses separated by commas.")
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField("queued at", auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "form e-mail"
        verbose_name_plural = "form e-mails"
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject or f"Form e-mail {self.pk}"

    @property
    def recipients(self):
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    @property
    def form_page(self):
        return self.submission.page

    @property
    def can_send_again(self):
        return self.status == self.Status.FAILED
