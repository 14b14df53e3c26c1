from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from rest_framework.fields import ReadOnlyField

from forums.models import ForumPage
from institute import structured_data
from institute.blocks import BodyBlock
from institute.languages import in_reading_language, original_of
from institute.models import BasePage, HeroImageFields, Institution, IntroPage, Person, chosen_pages
from institute.pagination import paginate
from institute.query import SitePageQuerySet, the_page
from institute.sections import page_sections
from research.choices import Programme, PublicationType
from research.citations import Citation
from research.structured_data import scholarly_article
from research.validators import normalise_doi, validate_doi

# Apps built on research (events, news) add a theme's events… and a person's events… through these hooks.
THEME_PAGE_SECTIONS = "theme_page_sections"
PERSON_PROFILE_SECTIONS = "person_profile_sections"
LATEST_PUBLICATIONS = 6


class ResearchIndexPage(IntroPage):
    max_count = 1
    parent_page_types = ["institute.HomePage"]
    subpage_types = ["research.ResearchThemePage", "research.PublicationIndexPage"]

    class Meta:
        verbose_name = "research index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = in_reading_language(
            ResearchThemePage.objects.child_of(original_of(self)).live().public().originals().for_cards()
        )
        context["programmes"] = [
            (label, [theme for theme in themes if theme.programme == value]) for value, label in Programme.choices
        ]
        context["publication_index"] = the_page(PublicationIndexPage, request)
        return context


class ResearchThemePageQuerySet(SitePageQuerySet):
    def for_cards(self):
        # A theme's card shows its generated motif (institute/motifs.py), not an image: no renditions to load.
        return self.order_by("title")


class ResearchThemePage(HeroImageFields, BasePage):
    programme = models.CharField(max_length=20, choices=Programme.choices)
    summary = models.CharField(max_length=255, help_text="One or two sentences: the questions the theme asks.")
    body = StreamField(BodyBlock(), blank=True)
    partners = ParentalManyToManyField(
        "institute.Institution",
        blank=True,
        related_name="themes_led",
        verbose_name="partner institutions",
        help_text="The academic partners that lead this theme.",
    )
    forums = ParentalManyToManyField(
        "forums.ForumPage", blank=True, related_name="themes", verbose_name="related forums"
    )

    objects = PageManager.from_queryset(ResearchThemePageQuerySet)()

    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("summary")]),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Image"),
        InlinePanel("leads", heading="Theme leads", label="Theme lead"),
        FieldPanel("partners"),
        FieldPanel("forums"),
        FieldPanel("body"),
    ]
    # The summary is this page's card text, so the promote tab keeps only the card image.
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("programme"), APIField("summary")]

    # How search results name this kind of page, in the reader's language.
    search_kind = pgettext_lazy("kind of search result", "Research theme")

    class Meta:
        verbose_name = "research theme page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leads"] = list(
            self.leads.select_related("person__organisation", "person__photo").prefetch_related(
                "person__photo__renditions", "person__links"
            )
        )
        context["partner_institutions"] = list(self.partners.order_by("name"))
        context["related_forums"] = list(chosen_pages(ForumPage, self.forums))
        publications = PublicationPage.objects.live().public().originals().filter(themes=original_of(self).pk)
        context["publications"] = in_reading_language(publications.for_listing()[:LATEST_PUBLICATIONS])
        context["publication_index"] = the_page(PublicationIndexPage, request)
        context["sections"] = page_sections(THEME_PAGE_SECTIONS, request, self)
        return context


class ThemeLead(Orderable):
    theme = ParentalKey(ResearchThemePage, on_delete=models.CASCADE, related_name="leads")
    person = models.ForeignKey("institute.Person", on_delete=models.CASCADE, related_name="theme_leads")
    role = models.CharField(max_length=80, default="Theme lead", help_text="e.g. “Theme lead”, “Co-lead”.")

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role")])]

    def __str__(self):
        return f"{self.person} ({self.role})"


class PublicationIndexPage(RoutablePageMixin, IntroPage):
    max_count = 1
    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = ["research.PublicationPage"]

    class Meta:
        verbose_name = "publication index page"

    def get_context(self, request, *args, **kwargs):
        from research.filters import PublicationFilters  # the filters' choices are read from these models

        context = super().get_context(request, *args, **kwargs)
        publications = PublicationPage.objects.child_of(original_of(self)).live().public().originals()
        filters = PublicationFilters(request.GET, publications.for_listing())
        context["filters"] = filters
        context["publications"] = paginate(request, filters.qs)
        return context

    @path("feed/", name="rss")
    def rss(self, request):
        from research.feeds import PublicationsFeed  # the feed reads this module's models

        return PublicationsFeed()(request, index=self)


class PublicationKeyword(TaggedItemBase):
    content_object = ParentalKey("research.PublicationPage", on_delete=models.CASCADE, related_name="keyword_items")


def with_public_tags(pages):
    """`pages` with the live, public themes and forums they are tagged with (`public_themes`, `public_forums`),
    as the open data API shows them, in two queries."""
    return pages.prefetch_related(
        Prefetch(
            "themes", ResearchThemePage.objects.live().public().originals().order_by("title"), to_attr="public_themes"
        ),
        Prefetch("forums", ForumPage.objects.live().public().originals().order_by("title"), to_attr="public_forums"),
    )


def with_forum_and_public_tags(pages):
    """`with_public_tags()`, and the forum each page sits under, if any (`api_forum_id`, `api_forum_title`),
    for pages that may live under a forum (events, news)."""
    forum = ForumPage.objects.live().above(OuterRef("path"))
    return with_public_tags(
        pages.annotate(
            api_forum_id=Subquery(forum.values("pk")[:1]), api_forum_title=Subquery(forum.values("title")[:1])
        )
    )


class PublicTagsInAPI:
    """The `forums` and `themes` API fields of a page type whose `for_api()` uses `with_public_tags()` or
    `with_forum_and_public_tags()`: the forum a page sits under comes first, then the others it is tagged with."""

    @property
    def api_forums(self):
        own_id = getattr(self, "api_forum_id", None)  # set by with_forum_and_public_tags() only
        own = [{"id": own_id, "title": self.api_forum_title}] if own_id else []
        return own + [{"id": forum.pk, "title": forum.title} for forum in self.public_forums if forum.pk != own_id]

    @property
    def api_themes(self):
        return [{"id": theme.pk, "title": theme.title} for theme in self.public_themes]


class PublicationPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Newest first, with what a listing row shows (authors, type, themes) in a fixed number of queries."""
        return self.prefetch_related("authors__person", "themes").order_by("-publication_date", "-pk")

    def for_api(self):
        """With what the open data API shows (authors, live public themes and forums) in a fixed number of queries."""
        return with_public_tags(self.prefetch_related("authors__person"))


class PublicationPage(PublicTagsInAPI, BasePage):
    publication_type = models.CharField("type", max_length=20, choices=PublicationType.choices)
    publication_date = models.DateField("date")
    abstract = models.TextField(max_length=3000)
    body = StreamField(BodyBlock(), blank=True)
    journal = models.CharField(
        "journal or series", max_length=255, blank=True, help_text="e.g. “Oxford Review of Economic Policy”."
    )
    report_number = models.CharField(
        "number", max_length=40, blank=True, help_text="The paper's number in its series, e.g. “WP045”."
    )
    doi = models.CharField(
        "DOI", max_length=255, blank=True, validators=[validate_doi], help_text="e.g. 10.1234/tpi.2024.01"
    )
    external_url = models.URLField(
        "external URL", blank=True, help_text="Where the publication is published, if elsewhere."
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="PDF"
    )
    themes = ParentalManyToManyField("research.ResearchThemePage", blank=True, related_name="publications")
    forums = ParentalManyToManyField("forums.ForumPage", blank=True, related_name="publications")
    keywords = ClusterTaggableManager(through=PublicationKeyword, blank=True)

    objects = PageManager.from_queryset(PublicationPageQuerySet)()

    parent_page_types = ["research.PublicationIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_date")]),
        InlinePanel("authors", heading="Authors", label="Author", min_num=1),
        FieldPanel("abstract"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("journal"), FieldPanel("report_number")]),
                FieldRowPanel([FieldPanel("doi"), FieldPanel("external_url")]),
                FieldPanel("pdf"),
            ],
            heading="Where to find it",
        ),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("forums"), FieldPanel("keywords")], heading="Topics"),
        FieldPanel("body"),
    ]
    # A publication is found by its authors' names, whether they have a profile here or were typed in.
    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.RelatedFields(
            "authors",
            [index.SearchField("name"), index.RelatedFields("person", [index.SearchField("name")])],
        ),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
    ]
    # The open data API (institute.api); the themes and forums come from `for_api`.
    api_fields = [
        APIField("publication_type"),
        APIField("publication_date"),
        APIField("authors", serializer=ReadOnlyField(source="api_authors")),
        APIField("abstract"),
        APIField("journal"),
        APIField("report_number"),
        APIField("doi"),
        APIField("external_url"),
        APIField("themes", serializer=ReadOnlyField(source="api_themes")),
        APIField("forums", serializer=ReadOnlyField(source="api_forums")),
    ]

    # How search results name this kind of page, in the reader's language.
    search_kind = pgettext_lazy("kind of search result", "Publication")

    class Meta:
        verbose_name = "publication page"
        ordering = ["-publication_date"]

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)

    @property
    def summary(self):
        return self.listing_summary or self.abstract

    @cached_property
    def author_list(self):
        # An author whose Person was deleted and who had no name typed in has nothing left to show.
        return [author for author in self.authors.all() if author.display_name]

    @property
    def api_authors(self):
        return [{"name": author.display_name, "person": author.person_id} for author in self.author_list]

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def year(self):
        return self.publication_date.year

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:  # a new page being previewed has its authors in memory only
            prefetch_related_objects([self], "authors__person")
        context["citation"] = Citation.for_publication(self, request)
        context["themes"] = list(chosen_pages(ResearchThemePage, self.themes))
        context["forums"] = list(chosen_pages(ForumPage, self.forums))
        context["keywords"] = sorted(self.keywords.all(), key=lambda tag: tag.name)
        context["structured_data"] = scholarly_article(
            self, context["citation"], request, the_page(PeopleIndexPage, request)
        )
        return context


class PublicationAuthor(Orderable):
    """An author in the order the publication lists them: a person on this site, or a name as printed."""

    publication = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "institute.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="authorships"
    )
    name = models.CharField(max_length=255, blank=True, help_text="For authors without a profile on this site.")
    affiliation = models.CharField(max_length=255, blank=True, help_text="Defaults to the person's institution.")

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("name"), FieldPanel("affiliation")])]

    def clean(self):
        if not self.person_id and not self.name.strip():
            raise ValidationError({"name": "Choose a person or type the author's name."})

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.person.name if self.person_id else self.name


class PartnersPage(IntroPage):
    """The academic partners, with the themes they lead and the forums they support."""

    max_count = 1
    parent_page_types = ["institute.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "partners page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live_themes = ResearchThemePage.objects.live().public().originals().order_by("title")
        live_forums = ForumPage.objects.live().public().originals().order_by("title")
        context["partners"] = list(
            Institution.objects.filter(is_academic_partner=True)
            .select_related("logo")
            .prefetch_related(
                "logo__renditions",
                Prefetch("themes_led", queryset=live_themes),
                Prefetch("forums_supported", queryset=live_forums),
            )
        )
        return context


class PeopleIndexPage(RoutablePageMixin, IntroPage):
    """The people directory at /people/, and each person's profile at /people/<slug>/."""

    max_count = 1
    parent_page_types = ["institute.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "people index page"

    def get_context(self, request, *args, **kwargs):
        from research.filters import PeopleFilters  # the filters' choices are read from these models

        context = super().get_context(request, *args, **kwargs)
        people = Person.objects.select_related("organisation", "photo").prefetch_related("photo__renditions")
        filters = PeopleFilters(request.GET, people)
        context["filters"] = filters
        context["people"] = paginate(request, filters.qs, per_page=24)
        return context

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        person = get_object_or_404(
            Person.objects.select_related("organisation", "photo").prefetch_related("photo__renditions", "links"),
            slug=slug,
        )
        trail = [*self.get_ancestors().filter(depth__gte=2), self]
        url = self.profile_url(person, request)
        return self.render(
            request,
            template="research/person_profile.html",
            context_overrides={
                "person": person,
                "trail": trail,
                "canonical_url": structured_data.absolute_url(request, url),
                "structured_data": [
                    structured_data.person(request, person, url),
                    structured_data.breadcrumb_list(
                        request, [*((page.title, page.get_url(request)) for page in trail), (person.full_name, url)]
                    ),
                ],
                **profile_context(request, person),
            },
        )

    def profile_url(self, person, request=None):
        return self.get_url(request) + self.reverse_subpage("profile", kwargs={"slug": person.slug})

    def get_sitemap_urls(self, request=None):
        """The directory, then every profile: people are found by name."""
        urls = super().get_sitemap_urls(request)
        directory = urls[0]["location"]
        return urls + [
            {"location": directory + self.reverse_subpage("profile", kwargs={"slug": slug})}
            for slug in Person.objects.order_by("name", "pk").values_list("slug", flat=True)
        ]


def profile_context(request, person):
    """What a profile lists besides the person: roles in themes and forums, publications, later events."""
    in_a_role = Q()
    for field, _ in ForumPage.ROSTER_ROLES:
        in_a_role |= Q(**{field: person})
    forums = in_reading_language(ForumPage.objects.live().public().originals().filter(in_a_role).order_by("title"))
    forum_roles = [
        (role, forum)
        for field, role in ForumPage.ROSTER_ROLES
        for forum in forums
        if getattr(forum, f"{field}_id") == person.pk
    ]
    return {
        "theme_roles": list(
            person.theme_leads.filter(theme__in=ResearchThemePage.objects.live().public().originals()).select_related(
                "theme"
            )
        ),
        "forum_roles": forum_roles,
        "publications": in_reading_language(
            PublicationPage.objects.live().public().originals().filter(authors__person=person).distinct().for_listing()
        ),
        "sections": page_sections(PERSON_PROFILE_SECTIONS, request, person),
    }
