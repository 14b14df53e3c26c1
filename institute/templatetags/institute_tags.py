from django import template

from wagtail.models import Page, Site

from institute import page_cache

register = template.Library()


def current_page(context):
    """The Wagtail page being shown, if any: other views may use `page` for something else, e.g. a paginator."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = current_page(context)
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
        return {
            "pk": page.pk,
            "path": page.path,
            "title": page.title,
            "url": page.get_url(request),
            "children": children,
        }

    pages = site.root_page.get_descendants().filter(depth__lte=site.root_page.depth + 2)
    pages = list(pages.live().public().in_menu().order_by("path"))
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

    def trail():
        # Depth 1 is Wagtail's invisible root; the trail starts at the home page.
        ancestors = page.get_ancestors().filter(depth__gte=2).live()
        return [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]

    return {"ancestors": page_cache.remember(f"breadcrumbs:{page.path}", trail, request), "page": page}
