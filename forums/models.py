from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Substr
from django.utils.text import slugify
from django.utils.translation import gettext_lazy, pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PagePermissionTester
from wagtail.search import index

from rest_framework.fields import ReadOnlyField
from wagtail_localize.fields import SynchronizedField

from forums.map import REGIONS
from institute.blocks import RICH_TEXT_FEATURES, BodyBlock
from institute.languages import in_reading_language, original_of
from institute.models import BasePage, HeroImageFields, IntroPage, Person
from institute.page_forms import SitePageForm
from institute.query import SitePageQuerySet
from institute.sections import page_sections

# Apps built on forums (events, research, news) add the forum's upcoming events, publications… here.
FORUM_PAGE_SECTIONS = "forum_page_sections"
# …and add what forum cards show from them, e.g. the next event: fn(forums) sets attributes on each forum
# with a fixed number of queries.
ANNOTATE_FORUM_CARDS = "annotate_forum_cards"


# Staff, not forum editors, decide who leads a forum, where it lives and whether it is online at all.
MANAGE_FORUMS = "forums.change_forumaccess"


def manages_forums(user):
    return user.is_active and user.has_perm(MANAGE_FORUMS)


# The regions drawn on the forums map, by their keys in forums.map.REGIONS.
MAP_SHAPES = [("", "No shape"), *((key, region.name) for key, region in REGIONS.items())]


class ForumPagePermissionTester(PagePermissionTester):
    """Forum editors keep their forum page up to date; taking it offline or deleting it is for staff.

    Making the page private takes it offline too (it hides the forum from every listing), so that is for staff.
    """

    def can_delete(self, ignore_bulk=False):
        return manages_forums(self.user) and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return manages_forums(self.user) and super().can_unpublish()

    def can_set_view_restrictions(self):
        return manages_forums(self.user) and super().can_set_view_restrictions()


class ForumPageForm(SitePageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An expiry date unpublishes the forum when it passes, so, like unpublishing, it is for staff. Without
        # the field, a forged value is ignored and any expiry staff set is kept.
        if not (self.for_user and manages_forums(self.for_user)):
            del self.fields["expire_at"]
        if self.instance._state.adding and "slug" in self.fields:
            # An empty slug is filled from the region in clean().
            self.fields["slug"].required = False

    def clean(self):
        self._slug_from_region()
        return super().clean()

    def _slug_from_region(self):
        """A new forum's address names its region (/forums/south-west/), not its title.

        The admin's script fills the slug from the title as staff type it, so a slug that is empty or exactly
        the title's is taken as not chosen. If another page under the forum index has the region's slug, a
        number is added, as Wagtail does for slugs it makes itself.
        """
        if not self.instance._state.adding or "slug" not in self.cleaned_data:
            return
        title, region = self.cleaned_data.get("title", ""), self.cleaned_data.get("region", "")
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        region_slug = slugify(region, allow_unicode=allow_unicode)
        if region_slug and self.cleaned_data["slug"] in ("", slugify(title, allow_unicode=allow_unicode)):
            slug, number = region_slug, 1
            while not Page._slug_is_available(slug, self.parent_page, self.instance):
                number += 1
                slug = f"{region_slug}-{number}"
            self.cleaned_data["slug"] = slug

    def clean_title(self):
        """The title names the forum's collection and editors' group, so no two forums may share it.

        Titles are compared within the page's language; the forum's own translations are the same forum.
        """
        title = self.cleaned_data["title"]
        other_forums = ForumPage.objects.filter(locale_id=self.instance.locale_id).exclude(
            translation_key=self.instance.translation_key
        )
        if other_forums.filter(Q(title__iexact=title) | Q(draft_title__iexact=title)).exists():
            raise ValidationError("Another forum already has this title. Each forum needs its own.")
        return title


class ForumContentPageForm(SitePageForm):
    """The admin form of a page that sits under a forum or elsewhere and may be tagged onto other forums (an
    event, a news item). Tagging puts the page on those forums' pages and feeds, so its `forums` panel is for
    staff only (FieldPanel(..., permission=MANAGE_FORUMS)); a forum's own editors never see the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page belongs to the forum it sits under already, so that one is not offered.
        if "forums" in self.fields and self.parent_page:
            own_forum = ForumPage.objects.ancestor_of(self.parent_page, inclusive=True)
            self.fields["forums"].queryset = self.fields["forums"].queryset.exclude(pk__in=own_forum)


def annotate_forum_cards(forums):
    forums = list(forums)
    for annotate in hooks.get_hooks(ANNOTATE_FORUM_CARDS):
        annotate(forums)
    return forums


class ForumIndexPage(IntroPage):
    max_count = 1
    parent_page_types = ["institute.HomePage"]
    subpage_types = ["forums.ForumPage"]

    class Meta:
        verbose_name = "forum index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        forums = ForumPage.objects.child_of(original_of(self)).live().public().originals().for_cards()
        context["forums"] = in_reading_language(annotate_forum_cards(forums))
        return context


class ForumPageQuerySet(SitePageQuerySet):
    def for_cards(self):
        """With everything a forum card shows, in a fixed number of queries."""
        return self.select_related("partner_university", "chair", "lead").order_by("title")

    def for_api(self):
        """With the people and university the open data API names, in a fixed number of queries."""
        return self.select_related("chair", "lead", "co_lead", "partner_university")

    def above(self, path):
        """The forum whose section holds the page at `path`, an expression such as `OuterRef("path")`."""
        return self.filter(path=Substr(path, 1, Length("path")))


class ForumPage(HeroImageFields, BasePage):
    """One regional productivity forum. Its roster (chair, lead, co-lead, contact) is entered here only."""

    region = models.CharField(max_length=100, help_text="As on the map and cards, e.g. “North West”.")
    map_shape = models.CharField(
        max_length=40,
        blank=True,
        default="",
        choices=MAP_SHAPES,
        help_text="The region drawn for this forum on the forums map. With no shape, the forum is only in the list.",
    )
    summary = models.CharField(
        max_length=255, blank=True, help_text="One or two sentences: what the forum does for its region."
    )
    intro = models.TextField(blank=True, max_length=1000, help_text="The opening paragraph of the page.")
    chair = models.ForeignKey(
        "institute.Person",
        null=True,
        on_delete=models.PROTECT,
        related_name="forums_chaired",
        help_text="The regional business leader who chairs the forum.",
    )
    lead = models.ForeignKey(
        "institute.Person",
        null=True,
        on_delete=models.PROTECT,
        related_name="forums_led",
        verbose_name="forum lead",
        help_text="From the partner university. Their linked account may edit this forum's pages.",
    )
    co_lead = models.ForeignKey(
        "institute.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forums_co_led",
        verbose_name="co-lead",
    )
    partner_university = models.ForeignKey(
        "institute.Institution", null=True, on_delete=models.PROTECT, related_name="forums_supported"
    )
    contact_person = models.ForeignKey(
        "institute.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forums_contact_for",
        verbose_name="forum contact",
        help_text="Who visitors should write to. Or give an e-mail address below.",
    )
    contact_email = models.EmailField("contact e-mail", blank=True)
    get_involved = RichTextField(
        "get involved",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="How businesses and organisations in the region can take part.",
    )
    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["forums.ForumIndexPage"]
    subpage_types = ["institute.StandardPage", "events.EventPage", "news.NewsPage"]
    # A forum's card and page name these; drafts may leave them empty (institute.content_checks.publishing).
    required_to_publish = ("chair", "lead", "partner_university")
    base_form_class = ForumPageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("region"), FieldPanel("partner_university")]),
        FieldPanel("map_shape", permission=MANAGE_FORUMS),
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Hero image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("chair"), FieldPanel("lead", permission=MANAGE_FORUMS)]),
                FieldPanel("co_lead"),
                FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contact_email")]),
            ],
            heading="Key contacts",
        ),
        InlinePanel("members", heading="Members", label="Member"),
        FieldPanel("get_involved"),
        FieldPanel("body"),
    ]
    # The summary is this page's card text, so the promote tab keeps only the listing image: a forum's card shows
    # its region on the map, so that image is only the link preview's. The slug is the forum's address and names
    # it in `forum_access`, so only staff change it.
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", permission=MANAGE_FORUMS),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="For site menus"),
        FieldPanel("listing_image"),
    ]
    # A translation keeps the English page's address (/cy/forums/wales/) and its map key, and what only staff
    # set stays theirs: the translation editor may not override these.
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("region", overridable=False),
        SynchronizedField("map_shape", overridable=False),
        SynchronizedField("lead", overridable=False),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("region"),
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    # The open data API (institute.api): the roster by name, not the people's records or contact details.
    api_fields = [
        APIField("region"),
        APIField("summary"),
        APIField("chair", serializer=ReadOnlyField(source="chair.api_reference", allow_null=True)),
        APIField("lead", serializer=ReadOnlyField(source="lead.api_reference", allow_null=True)),
        APIField("co_lead", serializer=ReadOnlyField(source="co_lead.api_reference", allow_null=True)),
        APIField(
            "partner_university", serializer=ReadOnlyField(source="partner_university.api_reference", allow_null=True)
        ),
    ]

    # How search results name this kind of page, in the reader's language.
    search_kind = pgettext_lazy("kind of search result", "Forum")

    class Meta:
        verbose_name = "forum page"

    objects = PageManager.from_queryset(ForumPageQuerySet)()

    def permissions_for_user(self, user):
        return ForumPagePermissionTester(user, self)

    ROSTER_ROLES = (
        ("chair", gettext_lazy("Chair")),
        ("lead", gettext_lazy("Forum lead")),
        ("co_lead", gettext_lazy("Co-lead")),
        ("contact_person", gettext_lazy("Forum contact")),
    )

    def key_contacts(self):
        """(role, person) for the chair, lead, co-lead and contact that are set, loaded in one go."""
        ids = {field: getattr(self, f"{field}_id") for field, _ in self.ROSTER_ROLES}
        people = Person.objects.select_related("organisation", "photo").prefetch_related("photo__renditions", "links")
        by_id = people.in_bulk([pk for pk in ids.values() if pk])
        return [(role, by_id[ids[field]]) for field, role in self.ROSTER_ROLES if ids[field] in by_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_contacts"] = self.key_contacts()
        context["members"] = list(self.members.all())
        context["sections"] = page_sections(FORUM_PAGE_SECTIONS, request, self)
        return context


class ForumMember(Orderable):
    """A member organisation's representative, as the forum lists them."""

    forum = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=255)
    organisation = models.CharField(max_length=255)
    person = models.ForeignKey(
        "institute.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_memberships",
        help_text="Optional: links the member to their profile.",
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]), FieldPanel("person")]

    def __str__(self):
        return f"{self.name}, {self.organisation}"


class ForumAccess(models.Model):
    """Who may edit a forum: its editors' group and collection, kept in step by `forums.access`."""

    forum = models.OneToOneField(ForumPage, on_delete=models.CASCADE, related_name="access")
    editors = models.OneToOneField(
        "auth.Group", null=True, editable=False, on_delete=models.SET_NULL, related_name="forum_access"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", null=True, editable=False, on_delete=models.SET_NULL, related_name="forum_access"
    )
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account added to the editors as the forum lead's, so a new lead replaces it.",
    )
    changes_need_approval = models.BooleanField(
        "changes by forum editors need approval",
        default=False,
        help_text="When on, the forum's editors submit changes for moderation and staff approve or reject them.",
    )

    panels = [FieldPanel("changes_need_approval")]

    class Meta:
        verbose_name = "forum access"
        verbose_name_plural = "forum access"

    def __str__(self):
        return self.forum.title
