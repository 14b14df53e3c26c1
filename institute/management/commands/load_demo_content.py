from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail import hooks

HOOK_NAME = "load_demo_content"


class Command(BaseCommand):
    help = (
        "Add the demo content: institutions, people, pages, images and documents drawn locally. "
        "Idempotent: it adds only what is missing and never changes what an editor changed."
    )

    def handle(self, *args, **options):
        # Each app registers a loader with the `load_demo_content` hook; `order` puts the ones
        # others build on (institutions, people) first.
        with transaction.atomic():
            for load in hooks.get_hooks(HOOK_NAME):
                load(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
