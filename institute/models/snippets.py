from django.conf import settings
from django.db import models
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from institute.choices import Honorific
from institute.validators import validate_orcid


class UniqueSlugMixin:
    """Fills an empty slug from `slug_source`, adding -2, -3… until it is unique."""

    slug_source = "name"

    def ensure_slug(self):
        if self.slug:
            return
        base = slugify(getattr(self, self.slug_source))[:70] or "item"
        others = type(self).objects.exclude(pk=self.pk)
        taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self.slug = slug

    def save(self, *args, **kwargs):
        self.ensure_slug()
        super().save(*args, **kwargs)


class Institution(UniqueSlugMixin, RevisionMixin, index.Indexed, models.Model):
    """A university, research body or business: academic partners, employers of people.

    Every admin save keeps a revision, so History can compare and revert a mistake. There is no draft
    state: a change is live as soon as it is saved.
    """

    name = models.CharField(max_length=255, unique=True)
    short_name = models.CharField(max_length=60, blank=True, help_text="For tight spaces, e.g. “KCL”.")
    slug = models.SlugField(max_length=80, unique=True, blank=True, help_text="Filled from the name when left empty.")
    website = models.URLField(blank=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    city = models.CharField(max_length=100, blank=True)
    is_academic_partner = models.BooleanField(
        "academic partner", default=False, help_text="One of the universities that lead the institute's research."
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("website")]),
        FieldPanel("logo"),
        FieldPanel("is_academic_partner"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.FilterField("is_academic_partner"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def api_reference(self):
        """How the open data API names this institution where a page refers to it."""
        return {"id": self.pk, "name": self.name}


class PersonForm(WagtailAdminModelForm):
    """Staff see who added a person only while that forum editor may still edit them, and can only take the
    person over (choose nobody): they never hand a person to another account, nor see the list of accounts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field is already gone for editors without the staff permission (its panel's `permission`).
        if "added_by" not in self.fields:
            return
        if self.instance.added_by_id is None:
            del self.fields["added_by"]
            return
        field = self.fields["added_by"]
        field.queryset = field.queryset.filter(pk=self.instance.added_by_id)
        field.empty_label = "Nobody: staff have taken this person over"
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()


class Person(UniqueSlugMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """Someone the site names: researchers, forum chairs and leads, staff. Entered once, shown everywhere.

    Revisions as for Institution: kept on every admin save, live at once, revertible from History.
    Forum editors may add people (speakers, members); they may edit those until staff take them over.
    """

    name = models.CharField(max_length=255, help_text="As it should appear, e.g. “Helen Marwick”.")
    slug = models.SlugField(max_length=80, unique=True, blank=True, help_text="Filled from the name when left empty.")
    honorific = models.CharField(max_length=20, blank=True, choices=Honorific.choices)
    job_title = models.CharField(max_length=255, blank=True)
    organisation = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    short_bio = models.TextField(blank=True, max_length=800, help_text="Two or three sentences, shown on profiles.")
    email = models.EmailField("public e-mail", blank=True, help_text="Shown publicly. Leave empty to hide.")
    orcid = models.CharField(
        "ORCID iD", max_length=19, blank=True, validators=[validate_orcid], help_text="e.g. 0000-0002-1825-0097"
    )
    is_staff_member = models.BooleanField(
        "institute staff", default=False, help_text="Works for the institute itself, e.g. in its central team."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="The account this person signs in to the admin with, if any.",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The forum editor who added this person may edit them until you choose “Nobody” here.",
    )

    panels = [
        FieldRowPanel([FieldPanel("honorific"), FieldPanel("name")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("job_title"), FieldPanel("organisation")]),
        FieldPanel("is_staff_member", permission="institute.change_person"),
        FieldPanel("photo"),
        FieldPanel("short_bio"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("orcid"), InlinePanel("links", label="Web link")],
            heading="Contact and links",
        ),
        FieldPanel("added_by", permission="institute.change_person"),
        # Only superusers manage which account belongs to whom, and only they see the list of accounts.
        FieldPanel("user", permission="superuser"),
    ]
    base_form_class = PersonForm
    search_fields = [
        # A person's name is what a page's title is to the page.
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def role_line(self):
        """“Institution | Title”, the way the institute credits people."""
        return " | ".join(part for part in (self.organisation and self.organisation.name, self.job_title) if part)

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    @property
    def api_reference(self):
        """How the open data API names this person where a page refers to them."""
        return {"id": self.pk, "name": self.full_name}


class PersonLink(Orderable):
    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=80, help_text="e.g. “University profile”, “LinkedIn”.")
    url = models.URLField("URL")

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
