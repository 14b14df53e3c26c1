"""Home page sections that fill themselves from live content.

Each app registers a `home_page_sections` Wagtail hook: a function taking (request, home_page) and
returning a HomeSection, or None. Sections with nothing to show are left out, so the home page never
shows an empty heading, and an app that does not exist yet simply adds no section.
"""

from dataclasses import dataclass, field
from operator import attrgetter

from wagtail import hooks

HOOK_NAME = "home_page_sections"


@dataclass(frozen=True)
class HomeSection:
    key: str
    title: str
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""
    order: int = 100


def home_page_sections(request, home_page):
    sections = (section_for(request, home_page) for section_for in hooks.get_hooks(HOOK_NAME))
    return sorted((section for section in sections if section and section.items), key=attrgetter("order"))
