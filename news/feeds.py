"""RSS of the latest news at /news/feed/; ?forum=<slug> and ?theme=<slug> narrow it as they do the listing."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

from institute.languages import in_reading_language
from news.filters import NewsFeedFilters
from news.models import NewsPage

MAX_ITEMS = 50


class NewsFeed(Feed):
    """The latest news items, newest first."""

    def get_object(self, request, index):
        self.request = request
        self.filters = NewsFeedFilters(request.GET, NewsPage.objects.visible())
        return index

    def title(self, index):
        narrowed = [value.title for value in self.filters.active.values()]
        return " | ".join([index.title, *narrowed, settings.WAGTAIL_SITE_NAME])

    def link(self, index):
        return index.url

    def description(self, index):
        return index.intro or _("News from %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}

    def items(self, index):
        news_items = self.filters.qs
        news_items = news_items.defer_streamfields().prefetch_related("authors__person").newest_first()
        return in_reading_language(news_items[:MAX_ITEMS])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # The date the item is published under, at noon UK time: a date alone is not a moment.
        return datetime.datetime.combine(item.date, datetime.time(12), timezone.get_default_timezone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.display_name for author in item.authors.all() if author.display_name) or None

    def item_categories(self, item):
        return [item.get_kind_display()]
