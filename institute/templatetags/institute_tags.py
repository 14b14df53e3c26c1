from django import template

from wagtail.models import Page, Site

from institute import page_cache
from institute.languages import in_reading_language, original_of

register = template.Library()


def current_page(context):
    """The Wagtail page being shown, if any: other views may use `page` for something else, e.g. a paginator."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = current_page(context)
    # The menu is made of English pages (each shown in the reader's language): so is the comparison.
    current = current and original_of(current)
    items = []
    for item in site_sections(context):
        children = [{**child, **current_flags(current, child)} for child in item["children"]]
        items.append({**item, **current_flags(current, item), "children": children})
    match = request.resolver_match
    return {"items": items, "search_is_current": bool(match) and match.url_name == "search"}


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The pages marked for menus under the home page, each with its own pages marked for menus: the
    main menu and the footer list these. Read once per content version."""
    request = context["request"]
    site = Site.find_for_request(request)
    return page_cache.remember(f"main-menu:{site.pk}", lambda: menu_items(site, request), request) if site else []


def current_flags(current, item):
    is_current = bool(current) and current.path.startswith(item["path"])
    return {"is_current": is_current, "is_page": is_current and current.pk == item["pk"]}


def menu_items(site, request):
    def item(page, children=()):
        shown = shown_pages[page.pk]
        return {
            "pk": page.pk,
            "path": page.path,
            "title": shown.title,
            "url": shown.get_url(request),
            "in_english": getattr(shown, "in_english", False),
            "children": children,
        }

    pages = site.root_page.get_descendants().filter(depth__lte=site.root_page.depth + 2)
    pages = list(pages.live().public().in_menu().order_by("path"))
    shown_pages = {page.pk: shown for page, shown in zip(pages, in_reading_language(pages), strict=True)}
    sections = [page for page in pages if page.depth == site.root_page.depth + 1]
    # A section's own pages are listed under it only when the section itself is in the menu.
    return [
        item(section, [item(page) for page in pages if page.path[: -page.steplen] == section.path])
        for section in sections
    ]


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = current_page(context)
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    request = context["request"]
    # A translation sits where its English page does; the trail names each ancestor in the reader's language.
    original = original_of(page)

    def trail():
        # Depth 1 is Wagtail's invisible root; the trail starts at the home page.
        ancestors = in_reading_language(original.get_ancestors().filter(depth__gte=2).live())
        return [
            {"title": page.title, "url": page.get_url(request), "in_english": getattr(page, "in_english", False)}
            for page in ancestors
        ]

    return {"ancestors": page_cache.remember(f"breadcrumbs:{original.path}", trail, request), "page": page}
