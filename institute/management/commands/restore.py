from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from institute.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded media with those in an archive made by `manage.py backup`. "
        "Everything added, changed or deleted since that backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="e.g. backups/institute-20260101-120000.tar.gz")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, interactive, **options):
        try:
            manifest = read_manifest(archive)
            if interactive:
                self.confirm(archive, manifest)
            restore_backup(archive)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(self.style.SUCCESS(f"Restored the database and media from {archive}"))

    def confirm(self, archive, manifest):
        answer = input(
            f"This replaces the whole database and every uploaded file with the backup {archive.name}, "
            f"made {manifest['created']}.\nType 'yes' to go on: "
        )
        if answer != "yes":
            raise CommandError("Restore cancelled; nothing was changed.")
