"""News: the index at /news/ with its filters and RSS feed, and news items under it or under a forum.

A news item under a forum page belongs to that forum (a forum's lead writes it there); staff may tag further
forums, and `for_forum()` finds both.
"""

import datetime
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from rest_framework.fields import ReadOnlyField

from forums.models import MANAGE_FORUMS, ForumContentPageForm, ForumPage
from institute.blocks import BodyBlock
from institute.context_processors import cached_site_settings
from institute.models import BasePage, HeroImageFields, IntroPage, chosen_pages
from institute.pagination import paginate
from institute.query import SitePageQuerySet, the_page
from news.choices import NewsKind
from news.structured_data import news_article
from research.models import PeopleIndexPage, PublicTagsInAPI, ResearchThemePage, with_forum_and_public_tags

# The news index's sub-page route: a news item there with this slug could never be reached.
RESERVED_SLUGS = {"feed"}


class NewsPageQuerySet(SitePageQuerySet):
    def visible(self):
        return self.live().public().originals()

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def for_forum(self, forum):
        """The forum's news: items under its page, and items tagged with it."""
        tagged = NewsPage.forums.through.objects.filter(forumpage=forum).values("newspage")
        return self.filter(Q(path__startswith=forum.path) | Q(pk__in=tagged))

    def for_listing(self):
        """Newest first, with what a card shows (its image and renditions) in a fixed number of queries."""
        return (
            self.defer_streamfields()
            .select_related("listing_image", "hero_image")
            .prefetch_related("listing_image__renditions", "hero_image__renditions")
            .newest_first()
        )

    def for_api(self):
        """With what the open data API shows in a fixed number of queries: the forum each page is under
        (`api_forum_id`, `api_forum_title`) and its tagged live, public themes and forums."""
        return with_forum_and_public_tags(self.prefetch_related("authors__person"))


class NewsIndexPage(RoutablePageMixin, IntroPage):
    """/news/: every news item on the site, those under forum pages too, newest first, with filters and RSS."""

    max_count = 1
    parent_page_types = ["institute.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "news index page"

    def get_context(self, request, *args, **kwargs):
        from news.filters import NewsFilters  # the filters' choices are read from these models

        context = super().get_context(request, *args, **kwargs)
        filters = NewsFilters(request.GET, NewsPage.objects.visible().for_listing())
        context.update(
            filters=filters,
            news_items=paginate(request, filters.qs),
            rss_url=f"{self.url}feed/{filters.feed_query}",
        )
        return context

    @path("feed/", name="rss")
    def rss(self, request):
        from news.feeds import NewsFeed  # the feed reads this module's models

        return NewsFeed()(request, index=self)


class NewsPage(PublicTagsInAPI, HeroImageFields, BasePage):
    """One news item: news, a blog post, a press release or an opinion piece."""

    date = models.DateField(default=datetime.date.today, help_text="The date the item is published under.")
    kind = models.CharField(max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS)
    summary = models.CharField(max_length=255, help_text="One or two sentences: what happened or what it argues.")
    body = StreamField(BodyBlock(), blank=True)
    themes = ParentalManyToManyField(
        "research.ResearchThemePage", blank=True, related_name="news_items", verbose_name="research themes"
    )
    forums = ParentalManyToManyField(
        "forums.ForumPage",
        blank=True,
        related_name="news_items",
        verbose_name="other forums",
        help_text="An item under a forum already belongs to it: tick the others it concerns.",
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    parent_page_types = ["news.NewsIndexPage", "forums.ForumPage"]
    subpage_types = []
    base_form_class = ForumContentPageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("summary"),
        InlinePanel("authors", heading="Authors", label="Author"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Image"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                # Tagging an item onto another forum puts it on that forum's pages and feeds: staff decide.
                FieldPanel("forums", widget=forms.CheckboxSelectMultiple, permission=MANAGE_FORUMS),
            ],
            heading="Topics",
        ),
        FieldPanel("body"),
    ]
    # The summary is this page's card text, so the promote tab keeps only the card image.
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields(
            "authors", [index.SearchField("name"), index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]
    # The open data API (institute.api); the authors, forums and themes come from `for_api`.
    api_fields = [
        APIField("date"),
        APIField("kind"),
        APIField("summary"),
        APIField("authors", serializer=ReadOnlyField(source="api_authors")),
        APIField("forums", serializer=ReadOnlyField(source="api_forums")),
        APIField("themes", serializer=ReadOnlyField(source="api_themes")),
    ]

    # How search results name this kind of page, in the reader's language.
    search_kind = pgettext_lazy("kind of search result", "News")

    class Meta:
        verbose_name = "news page"
        ordering = ["-date"]

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is the address of the news feed: choose another slug."})

    @property
    def card_image(self):
        return self.listing_image or self.hero_image

    @property
    def api_authors(self):
        authors = [author for author in self.authors.all() if author.display_name]
        return [{"name": author.display_name, "person": author.person_id} for author in authors]

    @cached_property
    def forum(self):
        """The forum this item is under, if any."""
        return ForumPage.objects.ancestor_of(self).first() if self.path else None

    @cached_property
    def author_list(self):
        # An author whose Person was deleted and who had no name typed in has nothing left to show.
        if not self.pk:  # a new page being previewed has its authors in memory only
            return [author for author in self.authors.all() if author.display_name]
        authors = self.authors.select_related("person__organisation")
        return [author for author in authors if author.display_name]

    def all_forums(self):
        """The forum the item is under, then the others it is tagged with: the live, public ones."""
        tagged = list(chosen_pages(ForumPage, self.forums))
        parent = self.forum if self.forum and self.forum.live else None
        return ([parent] if parent else []) + [forum for forum in tagged if forum != parent]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            authors=self.author_list,
            news_forums=self.all_forums(),
            news_themes=list(chosen_pages(ResearchThemePage, self.themes)),
            structured_data=news_article(
                self, request, the_page(PeopleIndexPage, request), cached_site_settings(request)
            ),
        )
        return context


class NewsAuthor(Orderable):
    """An author in the order the item lists them: a person on this site, or a name as written."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "institute.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="news_authorships"
    )
    name = models.CharField(max_length=255, blank=True, help_text="For authors without a profile on this site.")

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("name")])]

    def clean(self):
        if not self.person_id and not self.name.strip():
            raise ValidationError({"name": "Choose a person or type the author's name."})

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.person.name if self.person_id else self.name


def new_subscription_token():
    return secrets.token_urlsafe(32)


class NewsletterSubscriptionQuerySet(models.QuerySet):
    def subscribed(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def awaiting_confirmation(self):
        return self.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)

    def unsubscribed(self):
        return self.filter(unsubscribed_at__isnull=False)


class NewsletterSubscription(models.Model):
    """Someone who asked for the newsletter (news/newsletter.py). They receive it once they have followed the
    link in the confirmation e-mail (double opt-in), until they follow the unsubscribe link in any message.

    `token`, in the unsubscribe link, never changes, so that the unsubscribe link of every message ever sent
    keeps working. The confirmation link has a token of its own, new at every sign-up.
    """

    email = models.EmailField("e-mail address")
    name = models.CharField(max_length=200, blank=True)
    forums = models.ManyToManyField(ForumPage, blank=True, related_name="+", verbose_name="forums of interest")
    themes = models.ManyToManyField(ResearchThemePage, blank=True, related_name="+", verbose_name="themes of interest")
    token = models.CharField(max_length=64, unique=True, default=new_subscription_token, editable=False)
    confirmation_token = models.CharField(max_length=64, unique=True, null=True, editable=False)
    created_at = models.DateTimeField("signed up", auto_now_add=True)
    confirmation_sent_at = models.DateTimeField("confirmation last sent", default=timezone.now)
    confirmed_at = models.DateTimeField("confirmed", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("unsubscribed", null=True, blank=True)

    objects = NewsletterSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "newsletter subscription"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletter_unique_email")]

    def __str__(self):
        return self.email

    @property
    def is_subscribed(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def status(self):
        if self.unsubscribed_at:
            return "Unsubscribed"
        return "Subscribed" if self.confirmed_at else "Awaiting confirmation"

    def confirmation_has_expired(self):
        return timezone.now() - self.confirmation_sent_at > settings.NEWSLETTER_CONFIRMATION_PERIOD

    @property
    def forum_titles(self):
        return ", ".join(forum.title for forum in self.forums.all())

    @property
    def theme_titles(self):
        return ", ".join(theme.title for theme in self.themes.all())
