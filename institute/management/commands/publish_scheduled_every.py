import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

from institute.periodic import stopped_by_signals


class Command(BaseCommand):
    help = (
        "Publish pages and snippets whose scheduled time has come, and unpublish those that have expired "
        "(Wagtail's publish_scheduled), every --interval seconds until stopped. Run one beside the task worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval, once, **options):
        stopped = threading.Event() if once else stopped_by_signals()
        while True:
            call_command("publish_scheduled", stdout=self.stdout)
            if once or stopped.wait(interval):
                return
