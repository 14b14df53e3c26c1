"""RSS of the latest publications at /research/publications/feed/, for feed readers."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

from institute.languages import in_reading_language, original_of
from research.models import PublicationPage

MAX_ITEMS = 50


class PublicationsFeed(Feed):
    """The latest publications, newest first."""

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return f"{index.title} | {settings.WAGTAIL_SITE_NAME}"

    def link(self, index):
        return index.url

    def description(self, index):
        return index.intro or _("Publications from %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}

    def items(self, index):
        publications = PublicationPage.objects.child_of(original_of(index)).live().public().originals()
        return in_reading_language(publications.for_listing()[:MAX_ITEMS])

    def item_title(self, publication):
        return publication.title

    def item_description(self, publication):
        return publication.abstract

    def item_link(self, publication):
        return publication.get_url(self.request)

    def item_pubdate(self, publication):
        # The publication date at noon UK time: a date alone is not a moment.
        return datetime.datetime.combine(
            publication.publication_date, datetime.time(12), timezone.get_default_timezone()
        )

    def item_updateddate(self, publication):
        return publication.last_published_at

    def item_author_name(self, publication):
        return ", ".join(author.display_name for author in publication.author_list) or None

    def item_categories(self, publication):
        return [publication.get_publication_type_display()]
