"""Sections of a page that fill themselves from other apps' live content.

A page that shows content from apps built on top of it (the home page's next events, a forum's latest
publications) names a Wagtail hook; each app registers a function taking (request, page) and returning
a Section, or None. Sections with nothing to show are left out, so no page shows an empty heading, and
an app that does not exist yet simply adds no section. No app imports the apps built on it.
"""

from dataclasses import dataclass, field, replace
from operator import attrgetter

from wagtail import hooks

from institute.languages import in_reading_language, original_of

HOME_PAGE_SECTIONS = "home_page_sections"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""
    order: int = 100


def page_sections(hook_name, request, page):
    """The sections of `page`, in the reader's language. A Welsh page shows what its English page lists
    (everything refers to English pages), each item in Welsh where it has a Welsh version."""
    if page.pk is None:  # a new page being previewed: nothing in the database refers to it yet
        return []
    page = original_of(page)
    sections = (section_for(request, page) for section_for in hooks.get_hooks(hook_name))
    return sorted(
        (in_reading_language_section(section) for section in sections if section and section.items),
        key=attrgetter("order"),
    )


def in_reading_language_section(section):
    if isinstance(section.items, list):
        # In place: listings keep what they carry besides their items, such as a feed's address.
        section.items[:] = in_reading_language(section.items)
        return section
    return replace(section, items=in_reading_language(section.items))
