"""Finding 6 of issue 10: /healthz/ said "database ok" for a database the site could not use."""

import json
import sqlite3
import time
from http import HTTPStatus

from django.db import connections

import pytest

pytestmark = pytest.mark.django_db

PROBE = "healthz_probe"


@pytest.fixture
def use_sqlite_database(monkeypatch):
    """Point /healthz/ at an SQLite database of the test's making, named like DATABASES["default"]."""

    def use(name, connect=True, **options):
        connections.settings[PROBE] = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(name),
            "OPTIONS": options,
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        }
        if connect:
            # Connected here, the test's database guard lets the view use it.
            connections[PROBE].connect()
        monkeypatch.setattr("institute.views.connection", connections[PROBE])

    yield use
    if PROBE in connections.settings:
        connections[PROBE].close()
        del connections[PROBE]
        del connections.settings[PROBE]


def migrated_database(path):
    with sqlite3.connect(path) as database:
        database.execute("CREATE TABLE django_migrations (id integer primary key, app text, name text, applied text)")
        database.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('wagtailcore', '0001', '2026')")
    return path


def health(client):
    response = client.get("/healthz/")
    return response.status_code, json.loads(response.content)["database"]


def test_a_working_database_is_ok(client, use_sqlite_database, tmp_path):
    use_sqlite_database(migrated_database(tmp_path / "db.sqlite3"))

    assert health(client) == (HTTPStatus.OK, "ok")


def test_a_missing_database_file_is_reported_and_not_created(client, use_sqlite_database, tmp_path):
    use_sqlite_database(tmp_path / "moved-away.sqlite3", connect=False)

    assert health(client) == (HTTPStatus.SERVICE_UNAVAILABLE, "missing")
    assert not (tmp_path / "moved-away.sqlite3").exists()


def test_a_database_without_tables_is_reported(client, use_sqlite_database, tmp_path):
    with sqlite3.connect(tmp_path / "empty.sqlite3") as database:
        database.execute("CREATE TABLE unrelated (id integer)")
    use_sqlite_database(tmp_path / "empty.sqlite3")

    assert health(client) == (HTTPStatus.SERVICE_UNAVAILABLE, "unavailable")


def test_a_database_that_was_never_migrated_is_reported(client, use_sqlite_database, tmp_path):
    path = migrated_database(tmp_path / "db.sqlite3")
    with sqlite3.connect(path) as database:
        database.execute("DELETE FROM django_migrations")
    use_sqlite_database(path)

    assert health(client) == (HTTPStatus.SERVICE_UNAVAILABLE, "not migrated")


def test_a_read_only_database_is_reported_and_left_unchanged(client, use_sqlite_database, tmp_path):
    path = migrated_database(tmp_path / "db.sqlite3")
    # Opened read-only, as a file without write permission would be for the site's user (root ignores chmod).
    use_sqlite_database(f"file:{path}?mode=ro", uri=True)

    assert health(client) == (HTTPStatus.SERVICE_UNAVAILABLE, "read-only")
    with sqlite3.connect(path) as database:
        assert database.execute("SELECT app, name, applied FROM django_migrations").fetchall() == [
            ("wagtailcore", "0001", "2026")
        ]


def test_the_write_probe_leaves_the_real_database_unchanged(client):
    from django.db.migrations.recorder import MigrationRecorder

    before = list(MigrationRecorder.Migration.objects.values_list("app", "name", "applied"))

    assert health(client) == (HTTPStatus.OK, "ok")
    assert list(MigrationRecorder.Migration.objects.values_list("app", "name", "applied")) == before


def test_a_database_busy_with_another_writer_is_ok_and_answered_at_once(client, use_sqlite_database, tmp_path):
    path = migrated_database(tmp_path / "db.sqlite3")
    use_sqlite_database(path, timeout=30, transaction_mode="IMMEDIATE")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    started = time.monotonic()

    try:
        assert health(client) == (HTTPStatus.OK, "ok")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert time.monotonic() - started < 5, "the probe waited as long as a visitor's write would"
