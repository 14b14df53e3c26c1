import pytest

from tests.factories import PeopleIndexPageFactory, PublicationIndexPageFactory, ResearchIndexPageFactory


@pytest.fixture
def research_index(home_page):
    return ResearchIndexPageFactory(parent=home_page)


@pytest.fixture
def publication_index(research_index):
    return PublicationIndexPageFactory(parent=research_index)


@pytest.fixture
def people_index(home_page):
    return PeopleIndexPageFactory(parent=home_page)
