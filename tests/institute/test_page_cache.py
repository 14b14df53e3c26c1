"""The shared page cache: what it keeps, who it serves, and that every change reaches visitors at once."""

import datetime
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from institute import page_cache
from institute.models import InstituteSettings
from institute.settings.base import frontend_cache_config
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
)
from tests.helpers import free_port

pytestmark = pytest.mark.django_db


def fetch(client, url, **headers):
    """The response and the number of SQL queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def text(response):
    return response.content.decode()


@pytest.fixture(autouse=True)
def institute_settings(site):
    """Made now: the first page would otherwise make them, a change that replaces the content version."""
    return InstituteSettings.for_site(site)


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)


@pytest.fixture
def publication_index(home_page):
    return PublicationIndexPageFactory(parent=ResearchIndexPageFactory(parent=home_page))


# What is kept, and who gets it


def test_an_anonymous_visitor_gets_the_kept_copy_without_a_query(client, about):
    first, _ = fetch(client, "/about/")
    again, queries = fetch(client, "/about/")

    assert again.status_code == HTTPStatus.OK
    assert queries == 0
    assert again.content == first.content
    assert "About us" in text(again)


def test_kept_pages_can_be_revalidated_and_briefly_held_by_a_cdn(client, about):
    response = client.get("/about/")

    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "must-revalidate", "s-maxage=60"}
    assert response["ETag"]
    assert response["Last-Modified"]
    assert not response.cookies
    assert client.get("/about/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == HTTPStatus.NOT_MODIFIED
    since = client.get("/about/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == HTTPStatus.NOT_MODIFIED


def test_a_change_moves_last_modified_on_even_within_the_same_second(client, about):
    before = client.get("/about/")["Last-Modified"]
    about.title = "About the institute"
    about.save_revision().publish()

    response = client.get("/about/", HTTP_IF_MODIFIED_SINCE=before)

    assert response.status_code == HTTPStatus.OK
    assert "About the institute" in text(response)


def test_feeds_are_kept_too(client, home_page):
    EventIndexPageFactory(parent=home_page, slug="events")
    client.get("/events/feed.ics")

    response, queries = fetch(client, "/events/feed.ics")

    assert response.status_code == HTTPStatus.OK
    assert queries == 0
    assert response["ETag"]


def test_signed_in_editors_are_never_served_nor_stored(client, admin_user, about):
    client.get("/about/")  # kept for anonymous visitors
    client.force_login(admin_user)

    response, queries = fetch(client, "/about/")

    assert queries > 0
    assert "Cache-Control" in response and "private" in response["Cache-Control"]
    about.save_revision()  # a draft: the public page is unchanged
    client.logout()
    anonymous, queries = fetch(client, "/about/")
    assert queries == 0
    assert 'class="w-userbar' not in text(anonymous)


def test_responses_that_set_cookies_are_never_kept(client, contact_page):
    first = client.get("/contact/")
    assert "csrftoken" in first.cookies
    assert "private" in first["Cache-Control"]

    again, queries = fetch(client, "/contact/")

    assert queries > 0
    assert "csrftoken" in again.cookies


def test_a_form_with_errors_is_never_kept(client, contact_page):
    client.get("/contact/")
    failed = client.post("/contact/", {"your_name": "", "your_email": "not an address"})
    assert failed.status_code == HTTPStatus.OK
    assert "error" in text(failed).lower()

    blank = client.get("/contact/")

    assert "not an address" not in text(blank)


def test_a_preview_is_never_kept(admin_client, about):
    about.title = "Unpublished title"
    about.save_revision()
    preview = admin_client.get(f"/admin/pages/{about.pk}/edit/preview/")
    assert preview.status_code == HTTPStatus.OK

    admin_client.logout()
    response = admin_client.get("/about/")
    assert "Unpublished title" not in text(response)


def test_private_pages_are_never_kept(client, django_user_model, about):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/about/").status_code == HTTPStatus.FOUND
    client.force_login(django_user_model.objects.create_user("reader", password="x"))  # noqa: S106
    assert client.get("/about/").status_code == HTTPStatus.OK

    client.logout()

    assert client.get("/about/").status_code == HTTPStatus.FOUND


def test_pages_without_a_form_set_no_cookie(client, home_page, about, publication_index):
    PublicationPageFactory(parent=publication_index, title="Productivity puzzle")
    for url in ["/", "/about/", "/research/", "/research/publications/", "/search/?q=productivity", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert not response.cookies, url


# Every change reaches visitors at once


def test_publishing_a_page_changes_it_and_the_menu_of_every_page(client, about):
    client.get("/")
    client.get("/about/")
    about.title = "Who we are"
    about.save_revision().publish()

    assert "Who we are" in text(client.get("/about/"))
    assert ">Who we are</a>" in text(client.get("/"))


def test_unpublishing_a_page_removes_it(client, about):
    assert ">About us</a>" in text(client.get("/"))
    client.get("/about/")

    about.unpublish()

    assert client.get("/about/").status_code == HTTPStatus.NOT_FOUND
    assert ">About us</a>" not in text(client.get("/"))


def test_moving_a_page_moves_it(client, home_page, about):
    team = StandardPageFactory(parent=home_page, title="Team", slug="team")
    client.get("/team/")

    team.move(about, pos="last-child")

    assert client.get("/team/").url == "/about/team/"  # Wagtail's redirect from where it was
    assert client.get("/about/team/").status_code == HTTPStatus.OK


def test_deleting_a_page_removes_it(client, about):
    client.get("/")
    client.get("/about/")

    about.delete()

    assert client.get("/about/").status_code == HTTPStatus.NOT_FOUND
    assert ">About us</a>" not in text(client.get("/"))


def test_a_scheduled_publication_appears_on_the_pages_that_list_it(client, publication_index):
    client.get("/research/publications/")
    paper = PublicationPageFactory(parent=publication_index, title="Scheduled paper", live=False)
    paper.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    paper.save_revision(approved_go_live_at=paper.go_live_at)

    call_command("publish_scheduled")

    assert "Scheduled paper" in text(client.get("/research/publications/"))
    assert "Scheduled paper" in text(client.get("/"))  # the home page's latest publications


def test_a_person_changed_shows_on_every_page_that_names_them(client, home_page, publication_index):
    PeopleIndexPageFactory(parent=home_page, slug="people")
    person = PersonFactory(name="Helen Marwick")
    paper = PublicationPageFactory(parent=publication_index, slug="paper")
    paper.authors.create(person=person)
    paper.save_revision().publish()
    assert "Helen Marwick" in text(client.get("/research/publications/paper/"))

    person.name = "Helen Marwick-Jones"
    person.save()

    assert "Helen Marwick-Jones" in text(client.get("/research/publications/paper/"))
    assert "Helen Marwick-Jones" in text(client.get("/people/"))


def test_an_image_deleted_leaves_the_pages_that_showed_it(client, home_page):
    image = ImageFactory(title="Harbour at dawn")
    page = StandardPageFactory(parent=home_page, slug="harbour", listing_image=image)
    page.body = [("image", {"image": image, "alt_text": "A harbour", "caption": ""})]
    page.save_revision().publish()
    assert 'alt="A harbour"' in text(client.get("/harbour/"))

    image.delete()

    assert 'alt="A harbour"' not in text(client.get("/harbour/"))


def test_a_setting_changed_shows_on_every_page(client, institute_settings, about):
    client.get("/")
    client.get("/about/")
    settings = institute_settings
    settings.announcement_text = "National Productivity Week starts on Monday"
    settings.save()

    assert "National Productivity Week starts on Monday" in text(client.get("/"))
    assert "National Productivity Week starts on Monday" in text(client.get("/about/"))


def test_an_event_leaves_upcoming_when_it_ends(client, monkeypatch, home_page):
    EventIndexPageFactory(parent=home_page, slug="events")
    start = timezone.now().replace(microsecond=0)
    EventPageFactory(
        parent=home_page.get_children().get(slug="events"),
        title="Breakfast briefing",
        starts_at=start - datetime.timedelta(hours=1),
        ends_at=start + datetime.timedelta(hours=1),
    )
    assert "Breakfast briefing" in text(client.get("/events/"))
    assert "Breakfast briefing" in text(client.get("/"))

    later = start + datetime.timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert "Breakfast briefing" not in text(client.get("/events/"))
    assert "Breakfast briefing" not in text(client.get("/"))


def test_an_announcement_goes_after_its_last_day(client, monkeypatch, institute_settings, about):
    today = timezone.localdate()
    settings = institute_settings
    settings.announcement_text = "Nominations close today"
    settings.announcement_last_day = today
    settings.save()
    assert "Nominations close today" in text(client.get("/about/"))

    tomorrow = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(0, 0, 1))
    )
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)

    assert "Nominations close today" not in text(client.get("/about/"))


def test_a_version_ends_at_the_next_moment_time_changes_a_page(monkeypatch, home_page):
    EventIndexPageFactory(parent=home_page, slug="events")
    # Midday, so that midnight (the other moment a version ends) is never the nearer one.
    now = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12, 0)))
    monkeypatch.setattr(timezone, "now", lambda: now)
    ends = now + datetime.timedelta(minutes=5)
    EventPageFactory(parent=home_page.get_children().get(slug="events"), starts_at=now, ends_at=ends)

    assert page_cache.current_version().until == ends.timestamp()


def test_a_change_in_another_process_is_seen_at_once(client, about):
    """Other processes share the cache: one that replaces the version changes what this one serves."""
    client.get("/about/")
    assert fetch(client, "/about/")[1] == 0

    page_cache.content_changed()  # what the receivers in any other process do

    assert fetch(client, "/about/")[1] > 0


# Redis unreachable, and CDNs


def test_with_redis_stopped_the_site_serves_from_the_database(client, settings, about):
    settings.CACHES = {
        "default": {
            "BACKEND": "institute.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

    for url in ["/", "/about/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert "About us" in text(response)


@pytest.fixture
def purge_requests():
    """A caching proxy that records the PURGE requests it receives."""
    received = []

    class ProxyHandler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append((self.headers["Host"], self.path))
            self.send_response(HTTPStatus.OK)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), ProxyHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()


def test_publishing_purges_the_page_from_the_cdn_when_one_is_set(settings, site, about, purge_requests):
    proxy_url, received = purge_requests
    settings.WAGTAILFRONTENDCACHE = frontend_cache_config({"FRONTEND_CACHE_PURGE_URL": proxy_url})

    about.title = "About the institute"
    about.save_revision().publish()

    assert (site.hostname, "/about/") in received


def test_without_cdn_settings_nothing_is_purged():
    assert frontend_cache_config({}) == {}


def test_settings_menu_and_footer_cost_no_query_once_kept(client, settings, institute_settings, about):
    settings.PAGE_CACHE = False  # the page itself is rendered each time
    institute_settings.footer_links = [("link", {"text": "About", "page": about, "url": ""})]
    institute_settings.save()
    client.get("/about/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/about/")

    assert ">About</a>" in text(response)  # the footer link
    assert ">About us</a>" in text(response)  # the menu
    conditions = [query["sql"].partition(" WHERE ")[2] for query in queries]
    assert not any("institute_institutesettings" in query["sql"] for query in queries)
    assert not any('"show_in_menus"' in condition for condition in conditions)


def test_pages_are_kept_behind_wsgi_servers_that_send_a_content_type_with_every_request(client, about):
    """wsgiref (runserver) and some WSGI servers give a plain GET `Content-Type: text/plain`."""
    client.get("/about/", CONTENT_TYPE="text/plain")

    response, queries = fetch(client, "/about/", CONTENT_TYPE="text/plain")

    assert queries == 0
    assert "public" in response["Cache-Control"]
