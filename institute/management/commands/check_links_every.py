import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from institute.link_check import check_external_links, check_links
from institute.periodic import stopped_by_signals


class Command(BaseCommand):
    help = (
        "Check a batch of the external links of live pages (institute/link_check.py) every --interval seconds "
        "until stopped, through the task worker; only while LINK_CHECK_ENABLED. Run one per site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=3600.0, help="Seconds between runs (default 3600).")
        parser.add_argument("--once", action="store_true", help="Check one batch here and now, and stop.")

    def handle(self, *args, interval, once, **options):
        stopped = threading.Event() if once else stopped_by_signals()
        if not settings.LINK_CHECK_ENABLED:
            # Stay up when not --once, so that a service manager does not start it again and again.
            self.stdout.write("External links are not checked: LINK_CHECK_ENABLED is off.")
            if not once:
                stopped.wait()
            return
        if once:
            checked = check_links()
            broken = sum(link.is_broken for link in checked)
            self.stdout.write(f"Checked {len(checked)} external links: {broken} broken.")
            return
        while True:
            check_external_links.enqueue()
            if stopped.wait(interval):
                return
