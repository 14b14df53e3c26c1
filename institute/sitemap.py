"""The sitemap: every live, public page of the site in each language, with its versions in every language
(hreflang alternates), so that search engines show readers the version in their language."""

import operator
from collections import defaultdict
from functools import reduce

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from institute.templatetags.language_tags import hreflang_alternates


class LanguageSitemap(Sitemap):
    """Wagtail's sitemap of the request's site, made of the trees of the site root page's translations.

    Each page's versions are found among the listed pages themselves, so that the sitemap costs the same
    number of queries however many pages there are."""

    def items(self):
        if not hasattr(self, "_pages"):
            homes = self.get_wagtail_site().root_page.get_translations(inclusive=True).select_related("locale")
            languages = {home.locale_id: home.locale.language_code for home in homes}
            self._pages = list(pages_under(homes))
            self._versions = defaultdict(dict)  # {translation key: {language code: full URL}}
            for page in self._pages:
                self._versions[page.translation_key][languages[page.locale_id]] = page.get_full_url(self.request)
        return self._pages

    def _urls(self, page, protocol, domain):
        # Wagtail's, with each URL's alternates.
        urls = []
        for item in self.paginator.page(page).object_list:
            versions = self._versions[item.translation_key]
            own_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                # A page's extra URLs (the people directory's profiles) are its sub-routes, in every version.
                location = url_info["location"]
                if len(versions) > 1 and location.startswith(own_url):
                    sub_route = location[len(own_url) :]
                    url_info["alternates"] = [
                        {"lang_code": hreflang, "location": url + sub_route}
                        for hreflang, url in hreflang_alternates(versions)
                    ]
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def pages_under(homes):
    in_a_tree = reduce(operator.or_, (Q(path__startswith=home.path) for home in homes))
    # An alias (a Welsh parent that only shows its English page) is no translation.
    pages = Page.objects.filter(in_a_tree).live().public().filter(alias_of__isnull=True)
    return pages.order_by("path").defer_streamfields().specific()
