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
    site = Site.find_for_request(request)
    current = current_page(context)
    items = []
    for item in page_cache.remember(f"main-menu:{site.pk}", lambda: menu_items(site, request), request) if site else []:
        is_current = bool(current) and current.path.startswith(item["path"])
        items.append({**item, "is_current": is_current, "is_page": is_current and current.pk == item["pk"]})
    match = request.resolver_match
    return {"items": items, "search_is_current": bool(match) and match.url_name == "search"}


def menu_items(site, request):
    return [
        {"pk": page.pk, "path": page.path, "title": page.title, "url": page.get_url(request)}
        for page in site.root_page.get_children().live().public().in_menu()
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
