from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from institute.blocks import LinkBlock

# What editors type while a page is unfinished; publishing is refused while any of it is left.
DEFAULT_PLACEHOLDER_PATTERNS = "\n".join(["lorem ipsum", "TBC", "TBA", "TODO", "XXX", "[insert*]", "placeholder"])


@register_setting(icon="cog")
class InstituteSettings(BaseSiteSetting):
    """Who we are and how to reach us: the header, footer and announcement strip read this."""

    organisation_name = models.CharField(max_length=255, default="The Productivity Institute")
    tagline = models.CharField(max_length=255, blank=True)
    contact_email = models.EmailField(blank=True)
    postal_address = models.TextField(blank=True, help_text="One line of the address per line.")
    footer_text = RichTextField(blank=True, features=["bold", "italic", "link"])
    footer_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="e.g. the accessibility statement, privacy notice."
    )

    linkedin_url = models.URLField("LinkedIn", blank=True)
    bluesky_url = models.URLField("Bluesky", blank=True)
    mastodon_url = models.URLField("Mastodon", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown with links to pages that have no image of their own, e.g. on social media.",
    )

    announcement_text = models.CharField(
        max_length=200, blank=True, help_text="e.g. “National Productivity Week starts 27 November”."
    )
    announcement_link = StreamField([("link", LinkBlock())], blank=True, max_num=1)
    announcement_first_day = models.DateField(null=True, blank=True, help_text="Empty: shown from now.")
    announcement_last_day = models.DateField(
        null=True, blank=True, help_text="The strip disappears by itself after this day (UK time)."
    )

    placeholder_patterns = models.TextField(
        default=DEFAULT_PLACEHOLDER_PATTERNS,
        blank=True,
        help_text=(
            "Text that must never be published, one pattern per line, e.g. “lorem ipsum” or “[insert”. "
            "A pattern matches whole words in any case; “*” stands for any words, as in “[insert*]”."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("tagline"),
                FieldPanel("footer_text"),
                FieldPanel("footer_links"),
            ],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("postal_address")],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
                FieldPanel("default_share_image"),
            ],
            heading="Social media",
        ),
        MultiFieldPanel(
            [
                FieldPanel("announcement_text"),
                FieldPanel("announcement_link"),
                FieldRowPanel([FieldPanel("announcement_first_day"), FieldPanel("announcement_last_day")]),
            ],
            heading="Announcement strip",
        ),
        MultiFieldPanel([FieldPanel("placeholder_patterns")], heading="Content checks"),
    ]

    class Meta:
        verbose_name = "institute settings"

    def clean(self):
        super().clean()
        if (
            self.announcement_first_day
            and self.announcement_last_day
            and self.announcement_last_day < self.announcement_first_day
        ):
            raise ValidationError({"announcement_last_day": "The last day cannot come before the first day."})

    @property
    def social_links(self):
        services = [
            ("LinkedIn", self.linkedin_url),
            ("Bluesky", self.bluesky_url),
            ("Mastodon", self.mastodon_url),
            ("YouTube", self.youtube_url),
            ("X (Twitter)", self.x_url),
        ]
        return [(label, url) for label, url in services if url]

    @property
    def postal_address_lines(self):
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]

    def announcement_is_showing(self, today=None):
        today = today or timezone.localdate()
        if not self.announcement_text:
            return False
        if self.announcement_first_day and today < self.announcement_first_day:
            return False
        return not (self.announcement_last_day and today > self.announcement_last_day)
