import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail import hooks

from institute.demo import welsh

HOOK_NAME = "load_demo_content"
SCALED_HOOK_NAME = "load_scaled_demo_content"


class Command(BaseCommand):
    help = (
        "Add the demo content: institutions, people, pages, images and documents drawn locally. "
        "Idempotent: it adds only what is missing and never changes what an editor changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            metavar="N",
            help="Then generate people, institutions, publications and events until the site holds about N times "
            "the demo's volume, for trying listings, filters, search and feeds at size. They share the demo's "
            "images. A later, larger N adds only the difference.",
        )

    def handle(self, *args, scale=None, **options):
        if scale is not None and scale < 1:
            raise CommandError(f"--scale must be 1 or more, not {scale}.")
        # Each app registers a loader with the `load_demo_content` hook; `order` puts the ones
        # others build on (institutions, people) first. The generators go the same way, after all the demo.
        with transaction.atomic():
            for load in hooks.get_hooks(HOOK_NAME):
                load(self.stdout.write)
            # After every app's loader: the Welsh pages translate English pages from several apps.
            welsh.load(self.stdout.write)
            if scale is not None:
                started = time.monotonic()
                for generate in hooks.get_hooks(SCALED_HOOK_NAME):
                    generate(scale, self.stdout.write)
                self.stdout.write(f"Generated content for scale {scale} in {time.monotonic() - started:.0f} s.")
                # Generated pages are made live without publishing, which records the content health of the demo's.
                call_command("check_content", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
