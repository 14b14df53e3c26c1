"""What a page's head tells search engines and link previews: title, description, canonical URL, image, JSON-LD."""

from django import template

from wagtail.models import Site

from institute import page_cache, structured_data
from institute.models import HomePage
from institute.templatetags.institute_tags import breadcrumbs, current_page

register = template.Library()

# The size Facebook, LinkedIn, Bluesky and X all show large, in a format every one of them reads.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def share_image(name, image, request):
    """The image's link-preview rendition, kept for the content version: no query once it is made."""

    def make():
        chosen = image()
        if chosen is None:
            return None
        rendition = chosen.get_rendition(SHARE_IMAGE_SPEC)
        return {"url": rendition.url, "width": rendition.width, "height": rendition.height, "alt": chosen.description}

    return page_cache.remember(f"share-image:{name}", make, request)


def page_own_image(page):
    """The card image (meant for link previews), else the page's hero image."""
    return getattr(page, "listing_image", None) or getattr(page, "hero_image", None)


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, title="", description=None, url="", image=None, og_type="website"):
    """The page's description, canonical URL, Open Graph and Twitter card. Views that show something other
    than the page itself (a profile, a calendar month), or that are no page at all (the newsletter sign-up),
    name what they show: its title, description and URL."""
    request = context["request"]
    page = current_page(context)
    if page is None and not (title and url):
        return {}
    organisation = context["site_settings"].organisation_name
    if not title:
        # The home page is the organisation itself, whatever its page in the tree is called.
        title = page.seo_title or (organisation if isinstance(page, HomePage) else page.title)
    if description is None:
        description = getattr(page, "meta_description", "") or page.search_description
    own = None
    if image is not None:
        own = share_image(f"image:{image.pk}", lambda: image, request)
    elif page is not None:
        own = share_image(f"page:{page.pk}", lambda: page_own_image(page), request)
    if own is None:
        site = Site.find_for_request(request)
        own = share_image(
            f"site-default:{site.pk if site else ''}",
            lambda: context["site_settings"].default_share_image,
            request,
        )
    filtered = "filters" in context and any(key != "page" for key in request.GET)
    return {
        "organisation": organisation,
        "title": title,
        "description": description,
        "url": structured_data.absolute_url(request, url or page.get_url(request)),
        "image": own and {**own, "url": structured_data.absolute_url(request, own["url"])},
        "og_type": og_type,
        # A filtered listing repeats the plain one: crawlers follow its canonical link there instead.
        "noindex": filtered,
    }


@register.simple_tag(takes_context=True)
def page_structured_data(context):
    """The view's own schema.org item (`structured_data` in the context), the Organization on the home
    page, and the BreadcrumbList of every page below it."""
    request = context["request"]
    page = current_page(context)
    if page is None:
        return ""
    items = []
    if isinstance(page, HomePage):
        items.append(structured_data.organization(request, context["site_settings"]))
    own = context.get("structured_data")
    if own:
        items += own if isinstance(own, list) else [own]
    if page.depth > 2:
        trail = [(ancestor["title"], ancestor["url"]) for ancestor in breadcrumbs(context)["ancestors"]]
        items.append(structured_data.breadcrumb_list(request, [*trail, (page.title, page.get_url(request))]))
    return structured_data.json_ld(items)


@register.simple_tag
def json_ld(items):
    return structured_data.json_ld(items if isinstance(items, list) else [items])
