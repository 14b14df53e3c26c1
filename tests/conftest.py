import signal

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from institute.models import HomePage
from tests.factories import FormFieldFactory, FormPageFactory


def pytest_collection_modifyitems(items):
    """Mark the tests that commit to the database and empty it afterwards, so that `make test` can run
    them after the others: a test that relies on what the migrations made must not follow one."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transaction = marker is not None and marker.kwargs.get("transaction", False)
        if transaction or {"transactional_db", "live_server"} & set(item.fixturenames):
            item.add_marker(pytest.mark.transactional)


@pytest.fixture(autouse=True)
def empty_cache():
    """The submission counts of the rate limit live in the cache: no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The home page that the institute's migration makes the site root (the English one)."""
    return HomePage.objects.originals().get()


@pytest.fixture
def welsh_home(home_page):
    """The home page's Welsh translation, at /cy/: Welsh pages sit under it."""
    from tests.helpers import translate_into_welsh

    return translate_into_welsh(home_page, {home_page.title: "Hafan"})


@pytest.fixture
def contact_page(home_page):
    page = FormPageFactory(parent=home_page, slug="contact")
    FormFieldFactory(page=page, label="Your name", field_type="singleline")
    FormFieldFactory(page=page, label="Your email", field_type="email")
    FormFieldFactory(page=page, label="Your message", field_type="multiline")
    return page


@pytest.fixture
def wagtail_site(transactional_db):
    """Transactional tests (live-server ones among them) empty every table afterwards, the root page and
    site included: rebuild them."""
    from django.conf import settings

    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page, Site

    from institute.models import HomePage

    for language_code, _ in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(language_code))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first() or root.add_child(instance=HomePage(title="Home", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"}
    )
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def soup():
    """Parse a response the way a visitor's browser would read it."""

    def parse(response):
        return BeautifulSoup(response.content, "html.parser")

    return parse


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("super", "super@example.com", "password")


@pytest.fixture
def task_queue(settings):
    """Production's task backend: tasks wait in the database for `manage.py db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker(monkeypatch):
    # The worker closes connections it thinks are stale, which would end the test's transaction.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run():
        """Run the tasks that are due, as `manage.py db_worker` does, and leave the test's signal handlers be."""
        handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        for number, handler in handlers.items():
            signal.signal(number, handler)

    return run
