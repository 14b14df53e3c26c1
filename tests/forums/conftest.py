from django.contrib.auth.models import Group

import pytest

from institute.access import STAFF_EDITORS
from tests.factories import ForumIndexPageFactory, ForumPageFactory, PersonFactory


@pytest.fixture
def forum_index(home_page):
    return ForumIndexPageFactory(parent=home_page)


def forum_with_lead(forum_index, django_user_model, slug, region):
    user = django_user_model.objects.create_user(f"lead-{slug}", f"lead-{slug}@example.com", "password")
    return ForumPageFactory(parent=forum_index, slug=slug, region=region, lead=PersonFactory(user=user))


@pytest.fixture
def scotland(forum_index, django_user_model):
    return forum_with_lead(forum_index, django_user_model, "scotland", "Scotland")


@pytest.fixture
def wales(forum_index, django_user_model):
    return forum_with_lead(forum_index, django_user_model, "wales", "Wales")


@pytest.fixture
def staff_editor(django_user_model):
    user = django_user_model.objects.create_user("staff", "staff@example.com", "password")
    user.groups.add(Group.objects.get(name=STAFF_EDITORS))
    return user
