from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from institute.content_checks.health import forget_unlinked, site_hostnames, update_page_health
from institute.models import PageHealth


class Command(BaseCommand):
    help = (
        "Recompute the content health of every live page: its warnings and the external links it holds. "
        "Publishing keeps them up to date; run this on a site that holds pages published before the checks "
        "existed, or after a deploy that changes them."
    )

    def handle(self, *args, **options):
        hostnames = site_hostnames()
        checked = 0
        with transaction.atomic():
            PageHealth.objects.exclude(page__live=True).delete()
            # The tree's root is no page of any site: it is never published or shown.
            for page in Page.objects.live().exclude(depth=1).specific().iterator():
                update_page_health(page, hostnames)
                checked += 1
            forget_unlinked()
        self.stdout.write(f"Checked the content of {checked} live pages.")
