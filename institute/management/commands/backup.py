from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from institute.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Write the database and the uploaded media (MEDIA_ROOT) to one archive, "
        "backups/institute-YYYYmmdd-HHMMSS.tar.gz. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=settings.BASE_DIR / "backups",
            help="Where to write the archive (default: backups/ in the repository).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            archive = make_backup(output_dir)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {archive}"))
