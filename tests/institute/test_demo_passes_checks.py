"""The demo content is what new editors copy: every live page of it passes every content check."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

import pytest

from institute.content_checks.publishing import publishing_problems
from institute.content_checks.warnings import page_warnings
from institute.models import InstituteSettings

pytestmark = pytest.mark.django_db


def test_no_demo_page_is_refused_publishing_or_warned_about():
    call_command("load_demo_content", stdout=StringIO())
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    problems, warnings = {}, {}
    for page in pages:
        site = page.get_site()
        settings = InstituteSettings.for_site(site) if site else InstituteSettings()
        if found := publishing_problems(page, settings):
            problems[page.url_path] = found
        if found := page_warnings(page):
            warnings[page.url_path] = found

    assert len(pages) > 50  # the whole demo, not an empty site
    assert problems == {}
    assert warnings == {}
