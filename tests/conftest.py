from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from institute.models import HomePage


@pytest.fixture
def home_page(db):
    """The home page that the institute's migration makes the site root."""
    return HomePage.objects.get()


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
