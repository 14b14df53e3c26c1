"""Running the site as production serves it, in another process, on a copy of the test database."""

import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

import psycopg
import pytest

BASE_DIR = Path(settings.BASE_DIR)


@contextmanager
def served_copy_of_test_database():
    """A DATABASE_URL that another process can open, holding what the test database holds: a file
    copy of SQLite's in-memory test database, or a PostgreSQL database made from the test one."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(Path(settings.MEDIA_ROOT) / "served.sqlite3")) as copy:
            connection.connection.backup(copy)
            copy.execute("PRAGMA journal_mode=WAL")
        yield f"sqlite:///{Path(settings.MEDIA_ROOT) / 'served.sqlite3'}"
        return
    params = connection.settings_dict
    server = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}"
    name = f"{params['NAME']}_served"
    connection.close()  # a template database must have no other connections
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        # Nor may a connection another thread of this test process left open (a request thread of an earlier
        # test's server) keep it from being copied: those threads are done with it.
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [params["NAME"]])
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{params["NAME"]}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_server(env, log):
    """gunicorn as `make serve` runs it (institute.gunicorn, the ASGI worker) at env["BIND"]; yields its URL."""
    server = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "-c", "python:institute.gunicorn", "institute.asgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    url = f"http://{env['BIND']}"
    try:
        wait_until_up(url, server, log)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(url, server, log):
    for _ in range(200):
        if server.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text()}")
        try:
            urllib.request.urlopen(f"{url}/healthz/", timeout=1)  # noqa: S310  (our own server)
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("the server did not answer /healthz/ within 20 s")
