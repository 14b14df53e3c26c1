from django.core.management.base import BaseCommand

from wagtail.images import get_image_model

from institute import uploads


class Command(BaseCommand):
    help = (
        "Re-encode stored images that still carry EXIF, GPS or other metadata (uploaded before the upload "
        "form removed it) and delete their renditions, which copied it."
    )

    def handle(self, *args, **options):
        cleaned = 0
        for image in get_image_model().objects.iterator():
            try:
                with image.open_file() as file:
                    clean_file = uploads.without_metadata(file)
            except (OSError, ValueError) as error:
                self.stderr.write(f"Skipped {image.file.name} (image {image.pk}), which cannot be read: {error}")
                continue
            if clean_file is None:
                continue
            stored = image.file.name
            image.file = clean_file
            # As Wagtail does when it stores an upload: the size and hash are the new file's.
            image._set_image_file_metadata()
            image.save()
            image.file.storage.delete(stored)
            image.renditions.all().delete()
            cleaned += 1
        self.stdout.write(f"Removed the metadata from {cleaned} images.")
