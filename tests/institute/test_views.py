import json
import xml.etree.ElementTree as ET
from http import HTTPStatus

from django.db import OperationalError
from django.template.loader import render_to_string
from django.test import Client

import pytest

from institute.models import HomePage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz/")

    assert response.status_code == HTTPStatus.OK
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("institute.views.connection.cursor", broken_cursor)

    response = client.get("/healthz/")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert json.loads(response.content)["database"] == "unavailable"
    assert "no-store" in response["Cache-Control"]


def test_healthz_only_answers_get(client):
    assert client.post("/healthz/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_sitemap_lists_live_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    draft = StandardPageFactory(parent=home_page, title="Draft", slug="draft")
    draft.unpublish()

    response = client.get("/sitemap.xml")

    assert response.status_code == HTTPStatus.OK
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", namespace)]
    assert urls == ["http://localhost/", "http://localhost/about/"]


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_public_pages_load_nothing_from_other_hosts(client, home_page):
    policy = client.get("/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_server_error_page_is_in_the_site_design(home_page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken)

    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Something went wrong" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_server_error_template_needs_no_context():
    assert "Something went wrong" in render_to_string("500.html")


@pytest.mark.parametrize("query", ["?page=abc", "?%ff=%fe", "?q=" + "x" * 5000])
def test_odd_query_strings_do_not_break_pages(client, home_page, query):
    assert client.get("/" + query).status_code == HTTPStatus.OK


def test_bad_host_is_a_400_not_a_500(client):
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == HTTPStatus.BAD_REQUEST


def test_forged_admin_post_without_csrf_is_refused(django_user_model, home_page):
    user = django_user_model.objects.create_superuser("csrf", "csrf@example.com", "password")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(f"/admin/pages/{home_page.pk}/edit/", {"title": "Hacked"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    home_page.refresh_from_db()
    assert home_page.title == "Home"


def test_healthz_answers_head_probes(client):
    assert client.head("/healthz/").status_code == HTTPStatus.OK


def test_menu_and_breadcrumbs_ignore_a_page_that_is_not_a_wagtail_page(rf, home_page):
    from django.core.paginator import Paginator
    from django.template import Context, Template

    template = Template("{% load institute_tags %}{% main_menu %}{% breadcrumbs %}")
    context = Context({"request": rf.get("/"), "page": Paginator(["a", "b"], 1).page(1)})

    assert "Breadcrumb" not in template.render(context)
