import signal

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from institute.models import HomePage
from tests.factories import FormFieldFactory, FormPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """The submission counts of the rate limit live in the cache: no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The home page that the institute's migration makes the site root."""
    return HomePage.objects.get()


@pytest.fixture
def contact_page(home_page):
    page = FormPageFactory(parent=home_page, slug="contact")
    FormFieldFactory(page=page, label="Your name", field_type="singleline")
    FormFieldFactory(page=page, label="Your email", field_type="email")
    FormFieldFactory(page=page, label="Your message", field_type="multiline")
    return page


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
