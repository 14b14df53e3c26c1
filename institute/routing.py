"""Finding a page for URLs that Wagtail's router cannot serve, e.g. `<page url>cite.bib`.

Wagtail's catch-all pattern does not match a path segment with a dot in it, so such URLs have their own
patterns ahead of it; their views find the page here, then answer for it.
"""

from urllib.parse import unquote

from django.http import Http404

from wagtail.models import Page

from institute.languages import reading_language, reads_english


def public_page_at(request, page_path, page_type):
    """The live, public page of `page_type` served at `page_path` itself on this request's site, or a 404.

    Only the page's own path counts, not one of its sub-page routes (such as /events/calendar/), and only
    a page in the language of the address: /cy/<path> finds the Welsh page, never the English one.
    """
    path = "/" + page_path.lstrip("/")
    page = Page.find_for_request(request, path)
    if page is None:
        raise Http404
    page = page.specific
    if not isinstance(page, page_type) or not page.live or page.get_view_restrictions().exists():
        raise Http404
    url_parts = page.get_url_parts(request)
    language_prefix = "" if reads_english() else f"/{reading_language()}"
    if url_parts is None or unquote(url_parts[2]) != language_prefix + path:
        raise Http404
    return page
