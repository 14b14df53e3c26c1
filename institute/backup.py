"""One archive holds the whole site: its database and its uploaded media (`manage.py backup` and `restore`).

An archive is a .tar.gz holding, in this order, backup.json (what made it and which database), the database
(database.sqlite3, or database.sql from pg_dump) and media/ (a copy of MEDIA_ROOT). Restoring makes the
database and MEDIA_ROOT exactly what they were, whatever was added, changed or deleted since.

Uploads kept in an S3 bucket (AWS_STORAGE_BUCKET_NAME) are not in MEDIA_ROOT: an archive could not restore
them, so backing up and restoring refuse to run, rather than make an archive that leaves them out.
"""

import json
import os
import shutil
import sqlite3
import subprocess  # pg_dump and psql, with no shell  # nosec B404
import tarfile
import tempfile
import zlib
from contextlib import closing
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

FORMAT = "institute-backup"
VERSION = 1
MANIFEST = "backup.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.sql"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


def database_vendor():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def local_media_root():
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            "Uploads are kept in the S3 bucket AWS_STORAGE_BUCKET_NAME, which backups do not cover: back up the "
            "database and the bucket with their own tools (docs/deploy.md)."
        )
    return Path(settings.MEDIA_ROOT)


def make_backup(directory):
    """Write the database and MEDIA_ROOT to directory/institute-YYYYmmdd-HHMMSS.tar.gz and return its path."""
    vendor = database_vendor()
    media_root = local_media_root()
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    created = timezone.localtime()
    archive = directory / f"institute-{created:%Y%m%d-%H%M%S}.tar.gz"
    manifest = {"format": FORMAT, "version": VERSION, "created": created.isoformat(), "database": vendor}
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / DATABASE_FILES[vendor]
        # The database first, then the files: a file uploaded in between is kept as an orphan, whereas the
        # other order could keep a database row whose file is missing.
        DUMP[vendor](database)
        try:
            # Readable by its owner only, as it holds every account's password hash; never overwrites another backup.
            descriptor = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as error:
            raise BackupError(f"{archive} already exists: wait a second and try again.") from error
        try:
            # Links in MEDIA_ROOT are stored as the files they point to: restoring accepts no links.
            with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz", dereference=True) as tar:
                add_file(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                tar.add(database, DATABASE_FILES[vendor])
                add_media(tar, media_root)
        except BaseException:
            archive.unlink()
            raise
    return archive


def add_file(tar, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, BytesIO(content))


def add_media(tar, media_root):
    if media_root.is_dir():
        tar.add(media_root, MEDIA)
    else:
        info = tarfile.TarInfo(MEDIA)
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
        tar.addfile(info)


def read_manifest(archive):
    """What backup.json says, once the archive is known to be a backup this site can restore."""
    local_media_root()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"There is no file {archive}.")
    not_a_backup = f"{archive} is not a backup made by `manage.py backup`"
    try:
        with tarfile.open(archive, "r:gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError(f"{not_a_backup}: it does not start with {MANIFEST}.")
            manifest = json.load(tar.extractfile(first))
    except (tarfile.TarError, EOFError, OSError, zlib.error, ValueError) as error:
        raise BackupError(f"{not_a_backup} ({error}).") from error
    if not isinstance(manifest, dict) or (manifest.get("format"), manifest.get("version")) != (FORMAT, VERSION):
        raise BackupError(f"{not_a_backup}: {MANIFEST} does not describe one.")
    vendor = database_vendor()
    if manifest.get("database") != vendor:
        raise BackupError(
            f"{archive} holds a {manifest.get('database')} database; this site uses {vendor}. "
            "Restore it into a site with the same kind of database."
        )
    return manifest


def restore_backup(archive):
    """Replace the database and everything in MEDIA_ROOT with what the archive holds."""
    vendor = read_manifest(archive)["database"]
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses absolute paths, paths out of the folder, links and device files.
                tar.extractall(work, filter="data")
        except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
            raise BackupError(f"{archive} is damaged and could not be unpacked ({error}).") from error
        database, media = work / DATABASE_FILES[vendor], work / MEDIA
        if not database.is_file() or not media.is_dir():
            raise BackupError(f"{archive} is damaged: it lacks {database.name} or {MEDIA}/.")
        # The database first: if it is refused, the media are left as they were too.
        RESTORE[vendor](database)
        replace_media(media, Path(settings.MEDIA_ROOT))
    # Cached pages and settings would still show what was there before.
    for cache in caches.all():
        cache.clear()


def replace_media(source, media_root):
    media_root.mkdir(parents=True, exist_ok=True)
    for path in media_root.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    shutil.copytree(source, media_root, dirs_exist_ok=True)


def dump_sqlite(path):
    # SQLite's online backup API copies a consistent snapshot while the site goes on reading and writing.
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)


def restore_sqlite(path):
    with closing(sqlite3.connect(path)) as copy:
        try:
            healthy = copy.execute("PRAGMA quick_check").fetchone() == ("ok",)
        except sqlite3.DatabaseError:
            healthy = False
        if not healthy:
            raise BackupError("The database in the backup is damaged; nothing was restored.")
        # The backup API writes the copy into the live database in one step under SQLite's own lock: the
        # running site sees the old data or the new, never a mix, and its open connections stay valid, which
        # swapping the file (and its -wal and -shm companions) underneath them would not.
        connection.ensure_connection()
        copy.backup(connection.connection)


def dump_postgresql(path):
    run_postgresql_client(["pg_dump", "--format=plain", "--no-owner", "--no-privileges", f"--file={path}"])


def restore_postgresql(path):
    # One transaction: tables that are not in the backup (from a later migration) go too, and if any statement
    # fails, the database is left exactly as it was.
    run_postgresql_client(
        [
            "psql",
            "--no-psqlrc",
            "--quiet",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            "--command=DROP SCHEMA public CASCADE",
            "--command=CREATE SCHEMA public",
            f"--file={path}",
        ]
    )


def run_postgresql_client(command):
    """Run pg_dump or psql against the database Django uses, with the connection settings `dbshell` would use."""
    settings_dict = connection.settings_dict
    _args, environment = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    environment = {**os.environ, **(environment or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGDATABASE", "NAME")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    try:
        # A fixed program and arguments, no shell: nothing a visitor sends reaches the command line.
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client programs.") from error
    if result.returncode:
        raise BackupError(f"{command[0]} failed:\n{result.stderr.strip()}")


DUMP = {"sqlite": dump_sqlite, "postgresql": dump_postgresql}
RESTORE = {"sqlite": restore_sqlite, "postgresql": restore_postgresql}
