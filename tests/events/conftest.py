import datetime

from django.utils import timezone

import pytest

from events.dates import LONDON
from tests.factories import EventIndexPageFactory, ResearchIndexPageFactory, ResearchThemePageFactory
from tests.forums.conftest import forum_index, scotland, staff_editor, wales  # noqa: F401  (shared fixtures)

# A fixed "now" for tests about what is upcoming: a Wednesday in British Summer Time.
NOW = datetime.datetime(2026, 6, 17, 12, 0, tzinfo=datetime.UTC)


def uk(*args):
    """A moment in UK time, e.g. uk(2023, 11, 27, 9, 30)."""
    return datetime.datetime(*args, tzinfo=LONDON)


@pytest.fixture
def now(monkeypatch):
    """Freeze timezone.now() at NOW, for everything that asks the time through it."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def research_index(home_page):
    return ResearchIndexPageFactory(parent=home_page)


@pytest.fixture
def skills(research_index):
    return ResearchThemePageFactory(parent=research_index, title="Skills and the labour market", slug="skills")


@pytest.fixture
def technology(research_index):
    return ResearchThemePageFactory(parent=research_index, title="Technology and innovation", slug="technology")
