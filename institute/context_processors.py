from django.conf import settings
from django.utils.functional import SimpleLazyObject

from wagtail.models import Site

from institute import page_cache
from institute.models import InstituteSettings


def cached_site_settings(request):
    """The request's site's InstituteSettings, from the shared cache while the content is unchanged."""
    site = Site.find_for_request(request)
    return page_cache.remember(f"institute-settings:{site.pk}", lambda: InstituteSettings.for_site(site), request)


def site_chrome(request):
    """What the header and footer of every page show, from the shared cache while the content is unchanged.

    `site_settings` is the site's InstituteSettings; `content_version` names the content now, for
    `{% cache %}` fragments that must be made again when it changes; `show_demonstration_note` is the
    SHOW_DEMONSTRATION_NOTE setting.
    """
    return {
        "site_settings": SimpleLazyObject(lambda: cached_site_settings(request)),
        "content_version": SimpleLazyObject(lambda: page_cache.current_version(request).key),
        "show_demonstration_note": settings.SHOW_DEMONSTRATION_NOTE,
    }
