from django.conf import settings
from django.db.models import Q

from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from institute import page_cache
from institute.languages import in_reading_language


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queries, with the private sections read from the shared cache.

    `public()` reads every view restriction from the database each time it is called, and a page
    with several listings calls it once for each. Restrictions change rarely, and every change
    replaces the content version (institute.page_cache), so reading them once per version is exact.
    """

    def private_q(self):
        paths = page_cache.remember(
            "restricted-page-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
        )
        q = Q()
        for path in paths:
            q |= Q(path__startswith=path)
        # No private section: match no page.
        return q or Q(pk__in=[])

    def originals(self):
        """The pages in the site's own language, English. Listings are made of these, then each is shown
        in the reader's language (institute.languages.in_reading_language)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def the_page(model, request=None):
    """The live, public page of a type the site has one of (an index), in the reader's language, or None;
    read once per content version."""

    def find():
        page = model.objects.live().public().originals().order_by("path").first()
        return in_reading_language([page])[0] if page else None

    return page_cache.remember(f"the-page:{model._meta.label}", find, request)
