from django import forms
from django.urls import path
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from forums.models import FORUM_PAGE_SECTIONS, ForumPage
from institute.query import the_page
from institute.sections import HOME_PAGE_SECTIONS, Section
from institute.submissions import FormulaSafeExportMixin
from news import demo
from news.models import NewsAuthor, NewsIndexPage, NewsletterSubscription, NewsPage
from research.models import PERSON_PROFILE_SECTIONS, THEME_PAGE_SECTIONS, ResearchThemePage

LATEST = 3


class NewsItems(list):
    """A section's news items, with the RSS feed of the same news ("" when there is none): the page's head offers
    it to feed readers (templates/base.html)."""

    def __init__(self, news_items, feed_url="", feed_title=""):
        super().__init__(news_items)
        self.feed_url = feed_url
        self.feed_title = feed_title


def news_section(news_items, *, order, query="", more_label="", feed_title=""):
    """The "Latest news" section of a page, or None when there is none.

    `query` (e.g. "?theme=skills") narrows the listing the section links to and its feed; the page offers the
    feed when the section names it (`feed_title`). A fixed number of queries: the items, their images'
    renditions and the news index.
    """
    news_items = list(news_items[:LATEST])
    if not news_items:
        return None
    index = the_page(NewsIndexPage)
    feed_url = f"{index.url}feed/{query}" if index and feed_title else ""
    return Section(
        key="news",
        title=_("Latest news"),
        template="news/news_cards.html",
        items=NewsItems(news_items, feed_url, feed_title),
        more_url=f"{index.url}{query}" if index and more_label else "",
        more_label=more_label if index else "",
        order=order,
    )


def latest_news():
    return NewsPage.objects.visible().for_listing()


@hooks.register(HOME_PAGE_SECTIONS)
def home_page_news(request, home_page):
    return news_section(latest_news(), order=250, more_label=_("All news"), feed_title=_("News (RSS)"))


@hooks.register(FORUM_PAGE_SECTIONS)
def forum_news(request, forum):
    return news_section(
        latest_news().for_forum(forum),
        order=250,
        query=f"?forum={forum.slug}",
        more_label=_("All %(region)s news") % {"region": forum.region},
        feed_title=_("%(forum)s: news (RSS)") % {"forum": forum.title},
    )


@hooks.register(THEME_PAGE_SECTIONS)
def theme_news(request, theme):
    return news_section(
        latest_news().filter(themes=theme),
        order=250,
        query=f"?theme={theme.slug}",
        more_label=_("All news on this theme"),
        feed_title=_("%(theme)s: news (RSS)") % {"theme": theme.title},
    )


@hooks.register(PERSON_PROFILE_SECTIONS)
def person_news(request, person):
    writing = NewsAuthor.objects.filter(person=person).values("page")
    return news_section(latest_news().filter(pk__in=writing), order=250)


hooks.register("load_demo_content", demo.load, order=40)


class NewsletterSubscriptionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=[
            ("subscribed", "Subscribed"),
            ("awaiting_confirmation", "Awaiting confirmation"),
            ("unsubscribed", "Unsubscribed"),
        ],
        method="filter_status",
    )
    # By slug, as on the site: a forged value is an invalid choice, never a database error.
    forums = django_filters.ModelMultipleChoiceFilter(
        field_name="forums__slug",
        to_field_name="slug",
        label="Forums of interest",
        queryset=ForumPage.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
    )
    themes = django_filters.ModelMultipleChoiceFilter(
        field_name="themes__slug",
        to_field_name="slug",
        label="Themes of interest",
        queryset=ResearchThemePage.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NewsletterSubscription
        fields = []

    def filter_status(self, queryset, name, value):
        return getattr(queryset, value)()


class NewsletterSubscriptionIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("forums", "themes")


class NewsletterSubscriptionViewSet(ModelViewSet):
    """Admin → Newsletter: who signed up, what they chose, as CSV or XLSX.

    Staff only: "Staff editors" hold the model's permissions with the rest of the news app's (institute/access.py),
    forum leads hold none, so they have no menu item and a 403 on every URL. Nobody adds or edits a subscriber
    here (only their own confirmation link subscribes them); staff may delete one who asks to be forgotten.
    """

    model = NewsletterSubscription
    icon = "mail"
    menu_label = "Newsletter"
    menu_order = 720  # after Form e-mails
    add_to_admin_menu = True
    # Subscriptions name forum and theme pages, whose usage lists forum leads see: they must not list subscribers.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = NewsletterSubscriptionIndexView
    list_display = ["email", "name", "status", "created_at", "confirmed_at"]
    filterset_class = NewsletterSubscriptionFilterSet
    search_fields = ["email", "name"]
    list_export = [
        "email",
        "name",
        "status",
        "forum_titles",
        "theme_titles",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_headings = {"forum_titles": "Forums", "theme_titles": "Themes"}
    export_filename = "newsletter-subscriptions"
    inspect_view_fields = ["email", "name", "forums", "themes", "created_at", "confirmed_at", "unsubscribed_at"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, history_url_name=None, usage_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]


@hooks.register("register_admin_viewset")
def register_newsletter_viewset():
    return NewsletterSubscriptionViewSet("newsletter_subscriptions")
