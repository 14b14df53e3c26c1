"""The language a page is in, and its versions in the site's other language: the `lang` of <html>, the
language switcher in the header and the hreflang links in the head."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Site

from institute import page_cache, structured_data
from institute.templatetags.institute_tags import current_page

register = template.Library()

# Wagtail's catch-all URL: every page. Any other view under i18n_patterns (search, the newsletter) has the
# same address in each language but for the /cy/ prefix.
PAGE_VIEW = "wagtail_serve"
# The version for readers of any other language.
X_DEFAULT = "x-default"


def language_tag(language_code):
    """The BCP 47 tag HTML's lang and hreflang take: "en-gb" is "en-GB"."""
    return translation.to_locale(language_code).replace("_", "-")


@register.simple_tag
def html_lang():
    return language_tag(translation.get_language() or settings.LANGUAGE_CODE)


def page_translations(page, request):
    """[(language code, URL)] of the page's live versions, itself included, in the site's language order:
    one query a content version. Aliases (a Welsh parent that only shows its English page) are not
    translations."""

    def find():
        pages = page.get_translations(inclusive=True).live().filter(alias_of__isnull=True).select_related("locale")
        urls = {found.locale.language_code: found.get_url(request) for found in pages}
        return [(code, urls[code]) for code, _ in settings.LANGUAGES if urls.get(code)]

    site = Site.find_for_request(request)
    return page_cache.remember(f"translations:{site.pk if site else ''}:{page.pk}", find, request)


def language_versions(context):
    """{language code: URL} of what the request shows, in every language it is in (the current one
    included), or {} when it is in one language only. For a page, its translations' addresses followed by
    the rest of the path of a sub-route (a calendar month, a profile); for another view, its address in
    each language. Worked out once a request, for the switcher and the hreflang links."""
    request = context.get("request")
    match = request and request.resolver_match
    if match is None:
        return {}
    if not hasattr(request, "language_versions"):
        request.language_versions = versions_for_request(context, request, match)
    return request.language_versions


def versions_for_request(context, request, match):
    page = current_page(context)
    if page is not None:
        own_url = page.get_url(request) or ""
        sub_route = request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
        versions = {code: url + sub_route for code, url in page_translations(page, request)}
    elif match.url_name != PAGE_VIEW:
        versions = {code: translate_url(request.path, code) for code, _ in settings.LANGUAGES}
    else:
        return {}
    return versions if len(set(versions.values())) > 1 else {}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to what the page shows in the other language, labelled in that language ("Cymraeg"), where
    there is a version in it. A search keeps its query."""
    versions = language_versions(context)
    if not versions:
        return {}
    query = context["request"].META.get("QUERY_STRING", "")
    names = dict(settings.LANGUAGES)
    reading = translation.get_language()
    return {
        "other_versions": [
            {"url": f"{url}?{query}" if query else url, "tag": language_tag(code), "name": names[code]}
            for code, url in versions.items()
            if code != reading
        ]
    }


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The hreflang links of a page in more than one language."""
    if current_page(context) is None:
        return []
    request = context["request"]
    versions = language_versions(context)
    return hreflang_alternates({code: structured_data.absolute_url(request, url) for code, url in versions.items()})


def hreflang_alternates(urls):
    """[(hreflang, URL)] from {language code: URL}: each language, then x-default, the English version."""
    found = [(language_tag(code), urls[code]) for code, _ in settings.LANGUAGES if code in urls]
    if settings.LANGUAGE_CODE in urls:
        found.append((X_DEFAULT, urls[settings.LANGUAGE_CODE]))
    return found
