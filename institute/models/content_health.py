"""What the content checks found, kept so that the content health report reads it in a fixed number of queries.

`PageHealth` is written when a page is published (institute.content_checks); `ExternalLink` rows are the
external URLs live pages link to, which the periodic link check (institute.link_check) visits.
"""

from django.db import models


class ExternalLink(models.Model):
    """An external URL that one or more live pages link to, and what the last check of it found."""

    url = models.URLField("URL", max_length=2000, unique=True)
    checked_at = models.DateTimeField(null=True, blank=True, db_index=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The last answer's HTTP status.")
    error = models.CharField(
        max_length=255, blank=True, help_text="Why the check failed when there was no answer: a timeout, no such host…"
    )
    is_broken = models.BooleanField(default=False, db_index=True)

    class Meta:
        verbose_name = "external link"

    def __str__(self):
        return self.url


class PageHealth(models.Model):
    """The non-blocking warnings of a page's live version and the external links it holds."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="health")
    warnings = models.JSONField(default=list, blank=True, help_text='[{"field": …, "message": …}, …]')
    external_links = models.ManyToManyField(ExternalLink, blank=True, related_name="pages")
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "page health"
        verbose_name_plural = "page health"

    def __str__(self):
        return f"Health of page {self.page_id}"
