"""The periodic check of external links (institute/link_check.py), against a server on this machine only."""

import datetime
import signal
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from institute.link_check import check_external_links, check_links
from institute.models.content_health import ExternalLink, PageHealth
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TEST_TIMEOUT = 0.3


class FakeClock:
    """The link check's monotonic clock and sleep: sleeping moves the clock on at once."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


class Handler(BaseHTTPRequestHandler):
    redirects = {"/moved": "/good", "/moved-to-missing": "/missing", "/loop": "/loop"}

    def answer(self, status, location=None, body=b""):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def respond(self):
        server = self.server
        server.requests.append(
            {
                "method": self.command,
                "path": self.path,
                "host": self.headers["Host"].rpartition(":")[0],
                "user_agent": self.headers["User-Agent"],
                "at": server.clock.now,
            }
        )
        path = self.path.partition("?")[0]
        if path == "/slow":
            time.sleep(TEST_TIMEOUT * 3)
            self.answer(200)
        elif path in self.redirects:
            self.answer(301, location=self.redirects[path])
        elif path == "/missing":
            self.answer(404)
        elif path == "/busy":
            self.answer(429)
        elif path == "/head-refused" and self.command == "HEAD":
            self.answer(405)
        else:
            self.answer(200, body=b"<p>Here.</p>")

    do_HEAD = do_GET = respond

    def log_message(self, *args):
        pass


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr("institute.link_check.monotonic", fake.monotonic)
    monkeypatch.setattr("institute.link_check.sleep", fake.sleep)
    return fake


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """Every connection the tests make goes to this machine."""
    real_create_connection = socket.create_connection

    def create_connection(address, *args, **kwargs):
        assert address[0] in LOCAL_HOSTS, f"The link check tried to reach {address[0]}"
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server(clock, settings):
    settings.LINK_CHECK_ENABLED = True
    settings.LINK_CHECK_TIMEOUT = TEST_TIMEOUT
    settings.LINK_CHECK_HOST_INTERVAL = 1
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.clock = clock
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def url(server):
    def make(path, host="127.0.0.1"):
        return f"http://{host}:{server.server_port}{path}"

    return make


@pytest.fixture
def live_page(home_page):
    page = StandardPageFactory(parent=home_page, slug="live")
    return PageHealth.objects.create(page=page)


def linked(health, *urls, **fields):
    links = [ExternalLink.objects.create(url=url, **fields) for url in urls]
    health.external_links.add(*links)
    return links


def result(url):
    link = ExternalLink.objects.get(url=url)
    return link.status_code, link.is_broken, link.error


def test_it_records_what_each_link_answers(server, url, live_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.productivity.example"
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    nobody_there = f"http://localhost:{closed.getsockname()[1]}/"
    closed.close()
    paths = ["/good", "/missing", "/slow", "/moved", "/head-refused", "/moved-to-missing", "/loop"]
    linked(live_page, *(url(path) for path in paths), nobody_there)

    assert len(check_links()) == 8

    assert result(url("/good")) == (200, False, "")
    assert result(url("/missing")) == (404, True, "")
    assert result(url("/slow")) == (None, True, "No answer within 0.3 s")
    assert result(url("/moved")) == (200, False, "")  # a redirect to a working page is fine
    assert result(url("/head-refused")) == (200, False, "")
    assert result(url("/moved-to-missing")) == (404, True, "")
    status, broken, error = result(url("/loop"))
    assert (status, broken) == (301, True) and error.startswith("Redirect not followed")
    status, broken, error = result(nobody_there)
    assert (status, broken) == (None, True) and error.startswith("Could not connect")
    assert not ExternalLink.objects.filter(checked_at=None).exists()

    requests = [(request["method"], request["path"]) for request in server.requests]
    # HEAD, also after a redirect; GET only where HEAD is refused.
    assert ("HEAD", "/good") in requests and ("GET", "/good") not in requests
    assert requests.count(("HEAD", "/good")) == 2  # /good itself, and where /moved leads
    assert ("HEAD", "/head-refused") in requests and ("GET", "/head-refused") in requests
    assert {request["user_agent"] for request in server.requests} == {
        "The Productivity Institute link checker (+https://www.productivity.example)"
    }


def test_a_run_checks_at_most_its_limit_those_most_in_need_first(server, url, live_page, settings):
    now = timezone.now()
    never = linked(live_page, url("/good?never"))
    oldest = linked(live_page, url("/good?oldest"), checked_at=now - datetime.timedelta(days=30))
    recent = linked(live_page, url("/good?recent"), checked_at=now - datetime.timedelta(days=1))
    settings.LINK_CHECK_BATCH = 2

    assert {link.url for link in check_links()} == {never[0].url, oldest[0].url}

    assert len(server.requests) == 2
    recent[0].refresh_from_db()
    assert recent[0].status_code is None
    # The next run starts with the link left over.
    assert [link.url for link in check_links(limit=1)] == [recent[0].url]


def test_requests_to_one_host_are_at_least_the_interval_apart(server, url, live_page, clock):
    linked(live_page, *(url(f"/good?{n}") for n in range(3)), *(url(f"/good?{n}", "localhost") for n in range(2)))

    check_links()

    assert len(server.requests) == 5
    for host in LOCAL_HOSTS:
        times = [request["at"] for request in server.requests if request["host"] == host]
        assert all(later - earlier >= 1 for earlier, later in zip(times, times[1:], strict=False))
    # Taken round the hosts in turn: a wait only for the host with a third link.
    assert sum(clock.sleeps) <= 2


def test_a_host_that_asks_to_wait_keeps_its_verdicts_and_is_left_for_a_later_run(server, url, live_page):
    busy, later = linked(live_page, url("/busy"), url("/good?later"))
    other_host = linked(live_page, url("/good", "localhost"))

    check_links()

    busy.refresh_from_db()
    assert (busy.status_code, busy.is_broken) == (429, False)
    assert busy.checked_at is not None  # to the back of the queue
    later.refresh_from_db()
    assert later.checked_at is None
    assert ExternalLink.objects.get(pk=other_host[0].pk).status_code == 200


def test_only_links_of_live_pages_are_checked(server, url, home_page, live_page):
    draft = PageHealth.objects.create(page=StandardPageFactory(parent=home_page, slug="draft", live=False))
    linked(draft, url("/good?draft-only"))
    (shared,) = linked(live_page, url("/good?shared"))
    draft.external_links.add(shared)
    ExternalLink.objects.create(url=url("/good?no-page"))

    assert [link.url for link in check_links()] == [shared.url]
    assert [request["path"] for request in server.requests] == ["/good?shared"]


@pytest.fixture
def keep_signal_handlers():
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)


def test_nothing_is_requested_while_the_check_is_off(server, url, live_page, settings, keep_signal_handlers):
    settings.LINK_CHECK_ENABLED = False
    linked(live_page, url("/good"))
    out = StringIO()

    call_command("check_links_every", once=True, stdout=out)
    check_external_links.enqueue()

    assert out.getvalue() == "External links are not checked: LINK_CHECK_ENABLED is off.\n"
    assert server.requests == []
    assert ExternalLink.objects.get().checked_at is None


def test_the_command_checks_a_batch_once(server, url, live_page):
    linked(live_page, url("/good"), url("/missing"))
    out = StringIO()

    call_command("check_links_every", once=True, stdout=out)

    assert out.getvalue() == "Checked 2 external links: 1 broken.\n"


def test_every_interval_the_command_hands_a_run_to_the_task_worker(
    server, url, live_page, task_queue, run_worker, monkeypatch, keep_signal_handlers
):
    linked(live_page, url("/good"))
    # The first wait for the next interval ends as SIGTERM would end it.
    monkeypatch.setattr(threading.Event, "wait", lambda event, timeout=None: True)

    call_command("check_links_every", interval=3600)

    assert server.requests == []  # queued, not run by the command
    run_worker()
    assert result(url("/good")) == (200, False, "")
