"""The site as production serves it (gunicorn's ASGI worker with institute.gunicorn, as `make serve`
runs it), on a bad day: slow clients, a locked database."""

import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http import HTTPStatus

from django.db import connection

import pytest
import requests

from tests.helpers import free_port
from tests.servers import BASE_DIR, running_server, served_copy_of_test_database

# The servers run on a copy of the test database: pytest-django makes one only for a run whose tests ask for it.
pytestmark = pytest.mark.django_db

SLOW_CLIENTS = 50

CONTACT_PAGE = """
from institute.models import FormField, FormPage, HomePage

home = HomePage.objects.get()
page = FormPage(title="Contact us", slug="contact", to_address="enquiries@productivity.example")
home.add_child(instance=page)
for label, field_type in [("Your name", "singleline"), ("Your message", "multiline")]:
    FormField.objects.create(page=page, label=label, field_type=field_type, required=True)
"""


@pytest.fixture(scope="module")
def production_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """The real server on a free port, with the test settings and a copy of the test database."""
    settings_dir = tmp_path_factory.mktemp("served_settings")
    port = free_port()
    with django_db_blocker.unblock(), served_copy_of_test_database() as database_url:
        # The lock test sends twenty messages from one address.
        (settings_dir / "served_settings.py").write_text(
            "from institute.settings.test import *  # noqa: F403\nFORM_SUBMISSIONS_PER_ADDRESS = 100\n"
        )
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": f"{settings_dir}:{BASE_DIR}",
            "DJANGO_SETTINGS_MODULE": "served_settings",
            "DATABASE_URL": database_url,
            "BIND": f"127.0.0.1:{port}",
        }
        made = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", CONTACT_PAGE],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
        )
        assert made.returncode == 0, made.stderr
        with running_server(env, settings_dir / "server.log") as url:
            yield url, database_url


def timed_get(url):
    started = time.monotonic()
    response = requests.get(url, timeout=5)
    return response.status_code, time.monotonic() - started


@contextmanager
def slow_clients(url, request_start):
    """SLOW_CLIENTS connections that each send `request_start` and then a byte now and then, never
    finishing their request."""
    host, port = url.removeprefix("http://").split(":")
    sockets = [socket.create_connection((host, int(port)), timeout=5) for _ in range(SLOW_CLIENTS)]
    stop = threading.Event()

    def trickle():
        for sock in sockets:
            sock.sendall(request_start)
        while not stop.wait(0.5):
            for sock in sockets:
                sock.sendall(b"X-Slow: 1\r\n" if request_start.startswith(b"GET") else b"a")

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        time.sleep(1)  # every connection is open and has started its request
        yield
    finally:
        stop.set()
        trickler.join()
        for sock in sockets:
            sock.close()


@pytest.mark.parametrize(
    "request_start",
    [
        pytest.param(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", id="slow-headers"),
        pytest.param(
            b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 100000\r\n\r\nyour_name=",
            id="slow-body",
        ),
    ],
)
def test_slow_clients_do_not_starve_the_site(production_server, request_start):
    url, _ = production_server

    with slow_clients(url, request_start):
        for path in ["/healthz/", "/", "/contact/"]:
            status, seconds = timed_get(url + path)
            assert status == HTTPStatus.OK
            assert seconds < 1, f"{path} took {seconds:.1f} s with {SLOW_CLIENTS} slow clients connected"


def test_an_unparsable_content_type_is_a_400_from_the_real_server(production_server):
    """Django parses Content-Type while building the request, before any middleware: the site's own
    ASGI handler must catch it (finding 4)."""
    url, _ = production_server

    response = requests.get(f"{url}/", headers={"Content-Type": "text/html; charset*=BOGUS''x"}, timeout=5)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Bad request" in response.text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock")
def test_submissions_wait_for_a_write_lock_instead_of_being_lost(production_server):
    """Finding 5: while SQLite was locked for 8 s, contact submissions failed after 5 s and were lost."""
    url, database_url = production_server
    visitors = []
    for _ in range(20):
        visitor = requests.Session()
        visitor.get(f"{url}/contact/", timeout=5)
        visitors.append(visitor)
    statuses = []

    def send(number, visitor):
        data = {
            "your_name": f"Visitor {number}",
            "your_message": "Hello.",
            "csrfmiddlewaretoken": visitor.cookies["csrftoken"],
        }
        response = visitor.post(f"{url}/contact/", data=data, timeout=60, allow_redirects=False)
        statuses.append(response.status_code)

    database = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    database.execute("BEGIN EXCLUSIVE")
    senders = [threading.Thread(target=send, args=pair) for pair in enumerate(visitors)]
    for sender in senders:
        sender.start()
    time.sleep(8)
    database.execute("COMMIT")
    for sender in senders:
        sender.join()

    assert statuses == [HTTPStatus.FOUND] * 20
    stored = database.execute("SELECT count(*) FROM wagtailforms_formsubmission").fetchone()[0]
    assert stored == 20
    database.close()
